"""``marsad ner --conll FILE``: tag a CoNLL file with the NER model, so anyone can score it.

Input: one token per line (the first column is the token; further columns, such as gold tags, are ignored),
blank lines between sentences; ``-`` reads standard input. Output: ``token<TAB>tag`` per line, the same tokens
in the same order and every blank line where it was.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator, Sequence

from ..errors import InputError, UsageError

HELP = "tag a CoNLL file (one token per line, blank lines between sentences) with BIO name tags"


def add_parser(sub) -> None:
    p = sub.add_parser("ner", help=HELP, description=__doc__.strip().split("\n", 1)[1].strip())
    p.add_argument("--conll", required=True, metavar="FILE|-", help="CoNLL input file, or - for stdin")
    p.set_defaults(run=run)


def read_lines(source: str) -> list[str]:
    """The input's lines, decoded as UTF-8; coded errors for a missing, binary or undecodable input."""
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.is_file():
            raise UsageError(f"{source}: no such file", code="E203")
        data = path.read_bytes()
    if b"\x00" in data:
        raise InputError(f"{source}: binary data, not a CoNLL text file", code="E102")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{source}: not UTF-8 text (byte {e.start})", code="E103") from None
    if not text.strip():
        raise InputError(f"{source}: no tokens in the input", code="E101")
    return text.splitlines()


def tag_lines(lines: Sequence[str], tag_document) -> Iterator[str]:
    """``token<TAB>tag`` for each token line and ``""`` for each blank line, in input order.

    The whole input is tagged as one document (``tag_document``: sentences -> tags), so a name found in one
    sentence helps in the next ones, as in a news article.
    """
    sents: list[list[str]] = [[]]
    for line in lines:
        cols = line.split()
        if cols:
            sents[-1].append(cols[0])
        elif sents[-1]:
            sents.append([])
    sents = [s for s in sents if s]
    tags = iter([t for sent_tags in tag_document(sents) for t in sent_tags])
    for line in lines:
        cols = line.split()
        yield f"{cols[0]}\t{next(tags)}" if cols else ""


def run(args) -> int:
    from ..entities.ner.model import load_model

    lines = read_lines(args.conll)
    model = load_model()
    out = sys.stdout
    for line in tag_lines(lines, model.tag_document):
        out.write(line + "\n")
    return 0
