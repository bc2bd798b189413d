"""Readers: files, directories, stdin and the two news corpora, to Articles (or BadItems, kept in order).

* ``.txt``: one article (the id is the file name without extension unless given);
* ``.jsonl``: one article per line with ``id``, ``date``, ``text`` and optionally ``title``, ``source``, ``url``;
* a directory: its ``.txt`` and ``.jsonl`` files, sorted, recursively; also the corpora's own layouts:
* ANT corpus files (``<DOC>…<TEXT>…</TEXT></DOC>`` tagged ``.txt``);
* SaudiNewsNet (``.zip`` files, each holding one JSON array of articles);
* ``-``: standard input, JSONL when its first non-blank character is ``{``, otherwise one text article.

A bad item never stops reading: it becomes a :class:`~marsad.pipeline.BadItem` with a coded error.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import sys
import zipfile
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import InputError, InputNotFound, MalformedRecord, MarsadError, MissingField
from ..pipeline import BadItem
from ..records import Article, check_date, decode_text

Item = Article | BadItem
#: the largest input line or file read whole (bytes); larger ones become a size error, not a memory spike
MAX_BYTES = 8 * 1024 * 1024


def text_id(text: str) -> str:
    """A stable id for an article that came without one."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def article_from_text(data: bytes | str, *, id: str | None = None, date: str | None = None,
                      **meta) -> Article:
    text = decode_text(data) if isinstance(data, bytes) else data
    return Article.create(id=id or text_id(text), text=text, date=date, **meta)


def article_from_json(obj: object, *, where: str, default_date: str | None = None) -> Article:
    """An Article from one JSONL object; a coded error says what is wrong with it."""
    if not isinstance(obj, dict):
        raise MalformedRecord(f"{where}: expected a JSON object, got {type(obj).__name__}")
    if "text" not in obj or obj["text"] is None:
        raise MissingField(f"{where}: the record has no 'text'")
    meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in ("title", "source", "url")}
    date = obj.get("date") or default_date
    text = obj["text"]
    return Article.create(id=str(obj.get("id") or (text_id(text) if isinstance(text, str) else where)),
                          text=text, date=date if date not in (None, "") else None, **meta)


def read_jsonl(stream: Iterable[bytes], *, name: str, date: str | None = None) -> Iterator[Item]:
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        if len(raw) > MAX_BYTES:
            yield BadItem(where, InputError(f"{where}: line of {len(raw):,} bytes is over the "
                                            f"{MAX_BYTES:,}-byte limit", code="E104"))
            continue
        try:
            obj = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as e:
            yield BadItem(where, MalformedRecord(f"{where}: not valid JSON ({str(e)[:80]})"))
            continue
        try:
            yield article_from_json(obj, where=where, default_date=date)
        except MarsadError as e:
            yield BadItem(obj.get("id") if isinstance(obj, dict) and obj.get("id") else where, e)


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


def date_from_name(name: str) -> str | None:
    """A publication date written in a file name (``2025-04-20-visit.txt``, ``JA-politic-1-20170121.txt``)."""
    for m in _NAME_DATE.finditer(name):
        try:
            return check_date("-".join(m.groups()))
        except MarsadError:
            continue
    return None


def title_of(text: str) -> str | None:
    """The first line as the title when a blank line follows it (the layout of the bundled examples)."""
    head, sep, rest = text.lstrip().partition("\n")
    if sep and rest.startswith("\n") and 0 < len(head.strip()) <= 200:
        return head.strip()
    return None


def read_text_file(path: Path, *, id: str | None = None, date: str | None = None) -> Item:
    """One article from a .txt file; its date is ``date`` or else one written in the file name."""
    aid = id or path.stem
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return BadItem(aid, InputError(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit",
                                           code="E104"))
        data = path.read_bytes()
        if data.lstrip().startswith(b"<DOC>"):
            return next(iter(read_ant(data, name=str(path))))
        text = decode_text(data)
        return article_from_text(text, id=aid, date=date or date_from_name(path.name), title=title_of(text))
    except MarsadError as e:
        return BadItem(aid, e)


_ANT_FIELD = re.compile(r"<(DOCNO|URL|SRC|TITLE|TIME|TEXT)>\s*(.*?)\s*</\1>", re.S)


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})$")


def _ant_date(value: str | None) -> str | None:
    """ANT writes its dates two ways: ISO (2017-01-21T16:19:00+01:00) and dd/mm/yyyy."""
    if not value:
        return None
    m = _DMY.match(value.strip())
    if m:
        d, mo, y = m.groups()
        return f"{y}-{int(mo):02d}-{int(d):02d}"
    return value


def read_ant(data: bytes, *, name: str) -> Iterator[Item]:
    """ANT corpus documents (``<DOC>`` blocks) in one file."""
    text = decode_text(data)
    for block in text.split("</DOC>"):
        if "<DOC>" not in block:
            continue
        fields = dict(_ANT_FIELD.findall(block))
        aid = fields.get("DOCNO") or name
        try:
            date = _ant_date(fields.get("TIME")) or date_from_name(aid)
            yield Article.create(id=aid, text=fields.get("TEXT", ""), date=date,
                                 title=fields.get("TITLE"), source=fields.get("SRC"), url=fields.get("URL"))
        except MarsadError as e:
            yield BadItem(aid, e)


def read_saudinewsnet(path: Path) -> Iterator[Item]:
    """One SaudiNewsNet zip: a JSON array of articles (source, url, date_extracted, title, content)."""
    with zipfile.ZipFile(path) as z:
        for member in sorted(z.namelist()):
            if not member.endswith(".json"):
                continue
            arr = json.load(z.open(member))
            for i, obj in enumerate(arr):
                aid = f"{Path(member).stem}-{i}"
                try:
                    yield Article.create(id=aid, text=obj.get("content") or "",
                                         date=(obj.get("date_extracted") or None), title=obj.get("title"),
                                         source=obj.get("source"), url=obj.get("url"))
                except MarsadError as e:
                    yield BadItem(aid, e)


def read_path(path: Path, *, id: str | None = None, date: str | None = None) -> Iterator[Item]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for f in sorted(files):
                p = Path(root) / f
                if p.suffix in (".txt", ".jsonl", ".zip"):
                    yield from read_path(p, date=date)
        return
    if path.suffix == ".jsonl":
        with open(path, "rb") as f:
            yield from read_jsonl(f, name=path.name, date=date)
    elif path.suffix == ".zip":
        yield from read_saudinewsnet(path)
    else:
        yield read_text_file(path, id=id, date=date)


def read_stdin(stream: IO[bytes] | None = None, *, id: str | None = None,
               date: str | None = None) -> Iterator[Item]:
    stream = stream or sys.stdin.buffer
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        yield BadItem(id or "stdin", InputError(f"standard input is over the {MAX_BYTES:,}-byte limit",
                                                code="E104"))
        return
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(io.BytesIO(data), name="stdin", date=date)
        return
    try:
        yield article_from_text(data, id=id or None, date=date)
    except MarsadError as e:
        yield BadItem(id or "stdin", e)


def read_inputs(inputs: Iterable[str], *, id: str | None = None, date: str | None = None,
                limit: int | None = None) -> Iterator[Item]:
    """Articles from every input (files, directories, ``-``), in order, at most ``limit``."""
    if date is not None:
        date = check_date(date)
    n = 0
    for inp in inputs:
        if inp == "-":
            it = read_stdin(id=id, date=date)
        else:
            p = Path(inp)
            if not p.exists():
                raise InputNotFound(f"no such file or directory: {inp}")
            it = read_path(p, id=id, date=date)
        for item in it:
            yield item
            n += 1
            if limit is not None and n >= limit:
                return
