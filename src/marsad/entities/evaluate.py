"""Score actor resolution on the GSR actor spans (../shared/data/events/gsr-spans/dev.jsonl).

Each record gives a sentence, the Arabic text of its event's source and target actors, and their CAMEO codes
(country, agent). For every non-empty span :func:`marsad.entities.resolve.resolve_span` is asked who it is;
the figures are country accuracy (spans whose gold names a country), sector accuracy (spans whose gold names an
agent) and spurious countries (a country where the gold has none). Many gold countries come from outside the
span (the sentence's place): the resolver gives a nameless actor its sentence's country, which the GSR coders
often leave empty, so spurious countries rise with country accuracy (read both).
"""
from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

from ..errors import InputNotFound
from ..pipeline import Pipeline
from ..records import Article
from .resolve import resolve_span

DEFAULT = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[3].parent / "shared")) / \
    "data/events/gsr-spans/dev.jsonl"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, default=DEFAULT, help="GSR spans JSONL (default: %(default)s)")
    p.add_argument("--errors", type=int, default=0, help="print this many wrong resolutions")


def score(path: Path, show_errors: int = 0) -> dict[str, float | int]:
    if not path.is_file():
        raise InputNotFound(f"{path} not found")
    nlp = Pipeline(["normalizer", "tokenizer", "sentencizer", "entities"])
    c: Counter = Counter()
    errors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        d = r["date"]
        doc = nlp(Article.create(id=r["id"], text=r["text"], date=f"{d[:4]}-{d[4:6]}-{d[6:8]}"))
        for side in ("source", "target"):
            span, code = r[f"{side}_text"], (r[f"{side}_code"] or "None None").split()
            if not span or span not in r["text"]:
                continue
            gold_country = None if code[0] == "None" else code[0]
            gold_sector = None if len(code) < 2 or code[1] == "None" else code[1]
            s = r["text"].index(span)
            a = resolve_span(doc, s, s + len(span))
            country, sector = (a.country, a.sector) if a else (None, None)
            c["spans"] += 1
            if gold_country:
                c["gold_country"] += 1
                c["country_ok"] += country == gold_country
            elif country:
                c["spurious_country"] += 1
            if gold_sector:
                c["gold_sector"] += 1
                c["sector_ok"] += sector == gold_sector
            if (gold_country and country != gold_country) or (gold_sector and sector != gold_sector):
                errors.append((span, gold_country, gold_sector, country, sector))
    out: dict[str, float | int] = dict(c)
    out["country_acc"] = round(c["country_ok"] / max(1, c["gold_country"]), 3)
    out["sector_acc"] = round(c["sector_ok"] / max(1, c["gold_sector"]), 3)
    out["errors"] = errors[:show_errors]  # type: ignore[assignment]
    return out


def run(args: argparse.Namespace) -> int:
    result = score(args.data, args.errors)
    errors = result.pop("errors")
    print(json.dumps(result, ensure_ascii=False))  # CLI task output, not library code
    for e in errors:  # type: ignore[union-attr]
        print("\t".join(str(x) for x in e))
    return 0
