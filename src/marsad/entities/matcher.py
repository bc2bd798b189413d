"""One pass over the normalized text that finds every gazetteer alias (longest match, left to right).

The gazetteer trie is keyed by normalized words. At each word the walk tries the word as written and without
its proclitics (و، ف then ب، ل، ك; لل → ال), so وبالولايات المتحدة and للتلفزيون match the aliases
الولايات المتحدة and التلفزيون; the match then starts after the proclitic, which keeps it out of the entity's
text. Words must be separated by spaces only: an alias never spans a comma or a full stop.
Cost: a few dict lookups per word, linear in the article.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .gazetteers import LEAF, Entry

WORD = re.compile(r"[0-9a-z\u0621-\u064a]+")


class Word(NamedTuple):
    start: int  # offsets in the normalized text
    end: int
    text: str


class Match(NamedTuple):
    """An alias found in the normalized text: words ``[first, last]`` and the entries it stands for."""

    start: int  # normalized offsets, proclitics excluded
    end: int
    first: int  # word indices (inclusive)
    last: int
    entries: tuple[Entry, ...]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def of(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]


def words_of(norm: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(norm)]


def variants(w: str) -> list[tuple[int, str]]:
    """(characters stripped, word) for a word and its forms without proclitics."""
    out = [(0, w)]
    i = 0
    if len(w) > 3 and w[0] in "وف":
        i = 1
        out.append((1, w[1:]))
    rest = w[i:]
    if len(rest) > 3 and rest.startswith("لل"):
        # ل + ال with the alef elided: the span keeps the whole word (للتلفزيون), cutting it would leave لتلفزيون
        out.append((i, "ال" + rest[2:]))
    elif len(rest) > 3 and rest[0] in "بلك":
        out.append((i + 1, rest[1:]))
    return out


def find_matches(norm: str, words: list[Word], trie: dict, lo: int = 0, hi: int | None = None) -> list[Match]:
    """Longest gazetteer matches over ``words[lo:hi]``, left to right, not overlapping."""
    hi = len(words) if hi is None else hi
    out: list[Match] = []
    i = lo
    while i < hi:
        best: tuple[int, int, list] | None = None  # (last word, stripped, entries)
        for strip, v in variants(words[i].text):
            node = trie.get(v)
            j = i
            while node is not None:
                leaf = node.get(LEAF)
                if leaf and (best is None or j > best[0]):
                    best = (j, strip, leaf)
                j += 1
                if j >= hi or norm[words[j - 1].end:words[j].start].strip():
                    break
                node = node.get(words[j].text)
        if best is None:
            i += 1
            continue
        j, strip, entries = best
        out.append(Match(words[i].start + strip, words[j].end, i, j, tuple(entries)))
        i = j + 1
    return out
