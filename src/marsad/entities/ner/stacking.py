"""The second CRF pass: document-level features from the first pass's tags (a stacked CRF).

A sentence alone often cannot tell whether بوش is a person or a common word; the rest of the text usually can.
The first CRF tags every sentence; the second sees, for each token, the first pass's tags of the token and of
its neighbours, and what the first pass made of the same word (bare stem, without proclitics and article)
elsewhere within ``WINDOW`` sentences: the majority entity type (with its share of the other occurrences), every
type it got, or that all other occurrences were left untagged.

Trained on the first pass's tags of the training text *as an unseen text would get them*: two first-pass models,
each trained on one half and tagging the other (jackknifing), so the second pass learns how far to trust them.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable, Sequence

#: sentences before and after a sentence whose first-pass tags inform it
WINDOW = 25


def doc_features(sents: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                 stem_key: Callable[[str], str], window: int = WINDOW) -> list[list[list[str]]]:
    """Per sentence, per token, the second pass's extra attributes."""
    keyed = [[(stem_key(t), g[2:]) for t, g in zip(s, tg)] for s, tg in zip(sents, tags)]
    seen: Counter[str] = Counter()  # occurrences of each stem in the sliding window
    named: dict[str, Counter[str]] = defaultdict(Counter)  # ... and the types the first pass gave them

    def shift(j: int, d: int) -> None:
        if 0 <= j < len(keyed):
            for k, typ in keyed[j]:
                seen[k] += d
                if typ:
                    named[k][typ] += d

    for j in range(min(window, len(keyed))):
        shift(j, 1)
    out = []
    for i, (row, tg) in enumerate(zip(keyed, tags)):
        shift(i + window, 1)
        shift(i - window - 1, -1)
        n = len(tg)
        feats = []
        for j, (k, typ) in enumerate(row):
            f = ["p1=" + tg[j]]
            if j:
                f.append("p1-1=" + tg[j - 1])
            if j + 1 < n:
                f.append("p1+1=" + tg[j + 1])
            others = seen[k] - 1
            c = named.get(k)
            votes = {t: v - (t == typ) for t, v in c.items() if v - (t == typ) > 0} if c else {}
            if votes and len(k) >= 2:
                best = max(votes, key=votes.get)
                f += ["dm=" + best, f"dfrac={best}{min(4, 4 * votes[best] // others)}"]
                f += ["dn=" + t for t in votes]
            elif others > 0:
                f.append("dO")
            feats.append(f)
        out.append(feats)
    return out
