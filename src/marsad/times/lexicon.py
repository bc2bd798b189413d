"""The temporal lexicon: month and weekday names, number words, units and cue words, read from ``data/*.tsv``.

Every key is normalized with :func:`marsad.text.normalize.normalize` so that the grammar, which runs over the
normalized article text, matches any spelling (hamza forms, ta marbuta, Arabic-Indic digits). Loaded once per
process (:func:`load`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..text.normalize import normalize

DATA = resources.files("marsad.times") / "data"


@dataclass(frozen=True, slots=True)
class Month:
    number: int
    calendar: str  # gregorian or hijri
    bare: bool     # safe as a month on its own


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, Month]
    weekdays: dict[str, int]                 # ISO weekday
    numbers: dict[str, tuple[int, str]]      # word -> (value, kind)
    units: dict[str, tuple[str, int]]        # form -> (unit, count)
    markers: dict[str, dict[str, str]]       # kind -> {phrase: value}


def _rows(name: str) -> list[list[str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    months = {normalize(r[0]): Month(int(r[1]), r[2], r[4] == "1") for r in _rows("months.tsv")}
    weekdays = {normalize(r[0]): int(r[1]) for r in _rows("weekdays.tsv")}
    numbers = {normalize(r[0]): (int(r[1]), r[2]) for r in _rows("numbers.tsv")}
    units = {normalize(r[0]): (r[1], int(r[2])) for r in _rows("units.tsv")}
    markers: dict[str, dict[str, str]] = {}
    for phrase, kind, value in _rows("markers.tsv"):
        markers.setdefault(kind, {})[normalize(phrase)] = value
    return Lexicon(months, weekdays, numbers, units, markers)


def alternation(words) -> str:
    """A regex matching any of the literal words, as a prefix tree (``(?:ال(?:احد|اثنين)|...)``).

    Python's regex engine tries the branches of an alternation one by one; factoring the common prefixes makes a
    failed match cost a character or two instead of one comparison per word, which is what keeps the grammar's
    scan within its time budget. Longer words win over their prefixes (the tree is greedy and backtracks).
    A space inside a phrase matches any run of whitespace.
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie) or "(?!)"


def _emit(node: dict) -> str:
    end = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(node[ch]) for ch in sorted(k for k in node if k)]
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if end else "")
