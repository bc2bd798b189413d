"""One name, one type within a stretch of text: label-propagation after the CRF.

News names a person in full once (جورج بوش) and then by surname (بوش), often with a proclitic (وبوش، لبوش);
the CRF, which sees one sentence, misses many of the later mentions. After tagging, the names found in nearby
sentences (the surname and one-word names of people, one-word places and organisations) are looked up again:
an untagged token whose bare stem is such a name, and which is not itself a frequent word, gets that type.
A name the CRF gave several types is left alone.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

from .conll import spans
from .features import Featurizer

#: how many sentences before and after one sentence lend it their names
WINDOW = 25
#: tokens more frequent than this in the cluster corpus (1.9 M tokens) are never tagged by propagation (common
#: words); chosen on fold 3 of 5 among 10, 20, 30, 50, 100, 300 (30 and 20 best, 300 lost 0.5 F1)
MAX_FREQ = 30
#: the types worth propagating (organisation and MISC names are phrases whose words are common words)
TYPES = frozenset({"PERS", "LOC"})


def _names(toks: Sequence[str], tags: Sequence[str], feat: Featurizer) -> list[tuple[str, str]]:
    out = []
    for a, b, typ in spans(tags):
        if typ in TYPES and (typ == "PERS" or b - a == 1):
            out.append((feat.stem_key(toks[b - 1]), typ))
    return out


def propagate(sents: Sequence[Sequence[str]], tags: list[list[str]], feat: Featurizer,
              window: int = WINDOW) -> list[list[str]]:
    """Tags with names re-found in the sentences within ``window`` of where they were tagged."""
    found = [_names(t, g, feat) for t, g in zip(sents, tags)]
    votes: dict[str, Counter] = defaultdict(Counter)  # names in the sliding window [i - window, i + window]

    def shift(j: int, d: int) -> None:
        if 0 <= j < len(found):
            for key, typ in found[j]:
                votes[key][typ] += d
                if not votes[key][typ]:
                    del votes[key][typ]
                    if not votes[key]:
                        del votes[key]

    for j in range(min(window, len(found))):
        shift(j, 1)
    out = []
    stem_key = feat.stem_key
    for i, (toks, tg) in enumerate(zip(sents, tags)):
        shift(i + window, 1)
        shift(i - window - 1, -1)
        if not votes:
            out.append(tg)
            continue
        new = list(tg)
        for k, tok in enumerate(toks):
            if new[k] != "O":
                continue
            key = stem_key(tok)
            v = votes.get(key)
            if not v or len(v) > 1 or len(key) < 3 or feat.frequency(tok) > MAX_FREQ:
                continue
            typ = next(iter(v))
            prev = new[k - 1] if k else "O"
            new[k] = ("I-" if prev != "O" and prev[2:] == typ else "B-") + typ
        out.append(new)
    return out
