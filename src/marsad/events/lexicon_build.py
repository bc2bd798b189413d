"""Rebuild the converted trigger lexicon and the CAMEO->PLOVER table from ../shared.

Converts UniversalPetrarch's Arabic CAMEO verb dictionary (``CAMEO.ar.0.5.txt``: lemmatised, clitic-split,
``_``-joined verb patterns with CAMEO codes; MIT) through the CAMEO->PLOVER crosswalk (``CAMEO2PLOVER-2021.txt``,
CC BY-SA 4.0) into ``data/triggers_petrarch.tsv`` and ``data/cameo2plover.tsv``. The hand-curated lexicon
(``data/triggers.tsv``) is never touched: it cleans and extends what the conversion gives.

Why convert rather than read the dictionary at run time: the dictionary is lemmatised (its verbs are bare past
stems, its objects singular nouns without the article) and mixes in CAMEO 01/02 statements that PLOVER drops;
the converted file is small, reviewed data in the matcher's own pattern syntax.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..text.normalize import normalize
from .ontology import load_ontology

HERE = Path(__file__).resolve().parent / "data"
DEFAULT_DICT = "../shared/data/events/petrarch-arabic/dictionaries/CAMEO.ar.0.5.txt"
DEFAULT_XWALK = "../shared/data/ontology/plover/CAMEO2PLOVER-2021.txt"

_AR_WORD = re.compile(r"^[\u0621-\u064a]+$")
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[0-9]+)\]\s*#\s*(?P<verbs>.*)$")
_XWALK = re.compile(r"^(?P<code>\d{2,4}):\s*(?P<rest>[^#]*)(?:#\s*(?P<gloss>.*))?$")
#: a synonym set expands into at most this many single-word alternatives (keeps patterns readable)
MAX_SYNSET = 12
#: CAMEO roots PLOVER drops (statements, appeals): never converted
DROPPED_ROOTS = ("01", "02")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dictionary", default=DEFAULT_DICT, help="UniversalPetrarch CAMEO.ar.0.5.txt")
    p.add_argument("--crosswalk", default=DEFAULT_XWALK, help="CAMEO2PLOVER-2021.txt")
    p.add_argument("--out", default=str(HERE), help="folder for the converted TSV files")


def run(args: argparse.Namespace) -> int:
    from ..errors import InputNotFound
    for p in (args.dictionary, args.crosswalk):
        if not Path(p).is_file():
            raise InputNotFound(f"{p} not found (pass --dictionary/--crosswalk)")
    xwalk = parse_crosswalk(Path(args.crosswalk).read_text(encoding="utf-8"))
    out = Path(args.out)
    write_crosswalk(xwalk, out / "cameo2plover.tsv")
    rows = convert_dictionary(Path(args.dictionary).read_text(encoding="utf-8"), xwalk)
    write_triggers(rows, out / "triggers_petrarch.tsv")
    print(f"cameo2plover.tsv: {len(xwalk)} codes; triggers_petrarch.tsv: {len(rows)} patterns")
    return 0


def parse_crosswalk(text: str) -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    """CAMEO code -> (PLOVER type, mode, contexts), with the crosswalk's old modes mapped to the manual's."""
    onto = load_ontology()
    out: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    for line in text.splitlines():
        m = _XWALK.match(line.strip())
        if not m or "," not in m["rest"]:
            continue
        parts = [p.strip() for p in m["rest"].split(",")]
        typ = parts[0]
        if typ not in onto.types:
            continue
        mode = onto.fix_mode(typ, parts[1] if len(parts) > 1 else "")
        ctx = tuple(c for c in (onto.fix_context(x) for x in
                                re.split(r"[;\s]+", parts[2] if len(parts) > 2 else "")) if c)
        out.setdefault(m["code"], (typ, mode, ctx))
    return out


def write_crosswalk(xwalk: dict, path: Path) -> None:
    lines = ["# CAMEO code -> PLOVER type, mode, contexts. Converted by `marsad build triggers` from",
             "# CAMEO2PLOVER-2021.txt (P. Schrodt, Open Event Data Alliance, CC BY-SA 4.0; this table is a",
             "# derivative under the same licence). Old modes/contexts mapped to the PLOVER manual's (plover.json).",
             "cameo\ttype\tmode\tcontexts"]
    for code, (typ, mode, ctx) in sorted(xwalk.items()):
        lines.append(f"{code}\t{typ}\t{mode or ''}\t{';'.join(ctx)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def lookup(code: str, xwalk: dict) -> tuple[str, str | None, tuple[str, ...]] | None:
    """Crosswalk row of a CAMEO code, falling back to its parent codes (1234 -> 123 -> 12)."""
    c = code
    while len(c) >= 2:
        if c in xwalk:
            return xwalk[c]
        c = c[:-1]
    return None


def parse_synsets(text: str) -> dict[str, list[str]]:
    """``&NAME`` -> its single-word members (multiword members cannot fill one pattern slot)."""
    sets: dict[str, list[str]] = {}
    cur = None
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("&") and " " not in s:
            cur = s
            sets.setdefault(cur, [])
        elif s.startswith("+") and cur:
            w = s[1:].strip("_ ")
            if _AR_WORD.match(w):
                sets[cur].append(w)
        elif s.startswith("---") or s.startswith("####### VERB"):
            cur = None
    return sets


def load_stop_heads() -> frozenset[str]:
    """Lemmas never used as heads of converted patterns (``data/converted_stop_heads.txt``)."""
    lines = (HERE / "converted_stop_heads.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(x.strip()) for x in lines if x.strip() and not x.startswith("#"))


def _heads(verbs: str, stop: frozenset[str]) -> list[str]:
    """Single-word verb lemmas of a pattern's comment (``اعرب+عن`` -> اعرب; ``عمل_بسرعة`` is skipped)."""
    out = []
    for v in verbs.split(","):
        v = v.strip().split("+")[0].strip()
        if _AR_WORD.match(v) and len(v) >= 3 and v not in out and normalize(v) not in stop:
            out.append(v)
    return out


def convert_dictionary(text: str, xwalk: dict) -> list[tuple[str, str, str, str, str]]:
    """(pattern, type, mode, cameo, contexts) rows for every verb pattern whose code PLOVER keeps.

    A pattern becomes ``HEAD1|HEAD2 ... OBJ1 OBJ2``: the verb alternatives, then the object words that must
    follow it in the clause. Patterns with words before the verb (subject constraints) or with no object are
    skipped: a bare lemmatised verb such as وضع says nothing about the event type on its own.
    """
    synsets = parse_synsets(text)
    stop = load_stop_heads()
    rows: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}
    for line in text.splitlines():
        m = _PATTERN.match(line.strip())
        if not m or m["code"].startswith(DROPPED_ROOTS):
            continue
        body = m["body"].replace("$", "").strip()
        if "*" not in body or body.split("*")[0].strip(" -"):
            continue
        after = re.sub(r"[(){}\-+]", " ", body.split("*", 1)[1])
        objs = []
        for w in after.split():
            if w.startswith("&"):
                alts = synsets.get(w, [])[:MAX_SYNSET]
                if alts:
                    objs.append("|".join(alts))
            elif _AR_WORD.match(w) and len(w) >= 3:
                objs.append(w)
        heads = _heads(m["verbs"], stop)
        row = lookup(m["code"], xwalk)
        if not objs or not heads or row is None:
            continue
        typ, mode, ctx = row
        pattern = "|".join(heads) + " " + " ".join(objs)
        rows.setdefault((pattern, m["code"]), (pattern, typ, mode or "", m["code"], ";".join(ctx)))
    return sorted(rows.values(), key=lambda r: (r[1], r[3], r[0]))


def write_triggers(rows, path: Path) -> None:
    lines = ["# Arabic event-trigger patterns converted by `marsad build triggers` from UniversalPetrarch's",
             "# CAMEO.ar.0.5.txt (openeventdata/UniversalPetrarch, branch arabic, MIT) through CAMEO2PLOVER-2021",
             "# (CC BY-SA 4.0). Syntax: verb lemmas (past stem, | = alternatives), then object words that must follow",
             "# in the same clause. Do not edit by hand: fix or override entries in triggers.tsv instead.",
             "pattern\tkind\ttype\tmode\tcameo\tcontexts"]
    for pattern, typ, mode, code, ctx in rows:
        lines.append(f"{pattern}\tverb\t{typ}\t{mode}\t{code}\t{ctx}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
