"""One pass over the normalized text that finds every gazetteer alias (longest match, left to right).

The gazetteer trie is keyed by normalized words. At each word the walk tries the word as written and without
its proclitics (where the tokenizer split them off) (و، ف then ب، ل، ك; لل → ال), so وبالولايات المتحدة and للتلفزيون match the aliases
الولايات المتحدة and التلفزيون; the match then starts after the proclitic, which keeps it out of the entity's
text. Words must be separated by spaces only: an alias never spans a comma or a full stop.
Cost: one set test per word (at C speed), a few dict lookups per word that may begin an alias.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress, count
from typing import Container, NamedTuple

from .gazetteers import LEAF, Entry

WORD = re.compile(r"[0-9a-z\u0621-\u064a]+")
#: digits and letters are separate words: a number run into a name (قوات الحشد الشعبي87) does not hide it
SPLIT = re.compile(r"([0-9]+|[a-z\u0621-\u064a]+)")


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


def words_of(norm: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The words of a normalized text and their spans, as two parallel lists (cheaper than one object each).

    One split keeps the gaps between the words; the running sum of the pieces' lengths gives every offset
    (all at C speed: no Python step per word).
    """
    pieces = SPLIT.split(norm)  # gap, word, gap, word, …, gap
    bounds = list(accumulate(map(len, pieces), initial=0))
    return pieces[1::2], list(zip(bounds[1::2], bounds[2::2]))


@lru_cache(maxsize=200_000)
def variants(w: str) -> tuple[tuple[int, str], ...]:
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
    return tuple(out)


def find_matches(norm: str, texts: list[str], spans: list[tuple[int, int]], trie: dict,
                 splits: Container[int] | None = None) -> list[Match]:
    """Longest gazetteer matches over the words, left to right, not overlapping.

    ``splits``: the normalized offsets where the tokenizer ended a word's proclitics. When given, a form
    without proclitics is tried only there: كبيرا is not ك + بيرا (Beira), بروما is ب + روما; and where the
    word as written and its form without proclitics give matches as long, the tokenizer's reading wins.

    Only the words in :func:`starters` (one set test each, at C speed) are looked at in Python.
    """
    hi = len(texts)
    out: list[Match] = []
    cache = _first_cache(trie)
    may_start = starters(trie)
    free = 0  # the first word not inside a match yet
    for i in compress(count(), map(may_start.__contains__, texts)):
        if i < free:
            continue
        w = texts[i]
        starts = cache.get(w)
        if starts is None:
            starts = first_nodes(trie, w)
        best: tuple[int, int, list] | None = None  # (last word, stripped, entries)
        for strip, node in starts:
            split = splits is not None and strip > 0 and spans[i][0] + strip in splits
            if strip and splits is not None and not split:
                continue
            j = i
            while node is not None:
                leaf = node.get(LEAF)
                # the longest reading wins; of two as long, the tokenizer's (وجدة: و + جدة, not Oujda)
                if leaf and (best is None or j > best[0] or (j == best[0] and split)):
                    best = (j, strip, leaf)
                j += 1
                if j >= hi or norm[spans[j - 1][1]:spans[j][0]].strip():
                    break
                node = node.get(texts[j])
        if best is None:
            continue
        j, strip, entries = best
        out.append(Match(spans[i][0] + strip, spans[j][1], i, j, tuple(entries)))
        free = j + 1
    return out


_FIRST: dict[int, dict[str, tuple]] = {}
_STARTERS: dict[int, frozenset[str]] = {}


def _first_cache(trie: dict) -> dict[str, tuple]:
    cache = _FIRST.get(id(trie))
    if cache is None:
        cache = _FIRST[id(trie)] = {}
    return cache


def starters(trie: dict) -> frozenset[str]:
    """Every written form that may begin an alias: each first word of the trie, bare and with the proclitics
    :func:`variants` strips (a superset: :func:`first_nodes` decides). Built once per trie."""
    out = _STARTERS.get(id(trie))
    if out is None:
        forms = set()
        for k in trie:
            if k == LEAF:
                continue
            inner = [k] + [p + k for p in "بلك"] + (["لل" + k[2:]] if k.startswith("ال") else [])
            forms.update(inner)
            forms.update(c + f for f in inner for c in "وف")
        out = _STARTERS[id(trie)] = frozenset(forms)
    return out


def first_nodes(trie: dict, w: str) -> tuple[tuple[int, dict], ...]:
    """(characters stripped, trie node) for each form of ``w`` that begins an alias; cached per trie.

    Most words begin no alias: the cache turns them into one dict lookup.
    """
    cache = _first_cache(trie)
    hit = tuple((strip, trie[v]) for strip, v in variants(w) if v in trie)
    if len(cache) < 500_000:
        cache[w] = hit
    return hit
