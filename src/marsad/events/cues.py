"""Cue words of the event coder (``data/cues.tsv``): modality, contexts, modes, actor nouns, pair nouns."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ResourceError
from ..text.normalize import normalize

DATA = resources.files("marsad.events") / "data"


@dataclass(frozen=True, slots=True)
class Cues:
    #: modality -> (single words, phrases as word tuples)
    modality: dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]
    contexts: dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]
    modes: dict[tuple[str, str], tuple[frozenset[str], tuple[tuple[str, ...], ...]]]
    actor_nouns: frozenset[str]
    pair_nouns: frozenset[str]
    background: frozenset[str]
    charge: frozenset[str]


def _split(words: str) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    singles, phrases = set(), []
    for w in words.split("|"):
        w = normalize(w.strip())
        if not w:
            continue
        if " " in w:
            phrases.append(tuple(w.split()))
        else:
            singles.add(w)
    return frozenset(singles), tuple(phrases)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    try:
        text = (DATA / "cues.tsv").read_text(encoding="utf-8")
    except OSError as e:
        raise ResourceError(f"cannot read data/cues.tsv: {e}") from e
    modality, contexts, modes = {}, {}, {}
    sets: dict[str, set[str]] = {"actor_noun": set(), "pair": set(), "background": set(), "charge": set()}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("group\t"):
            continue
        group, value, words = line.split("\t")
        if group == "modality":
            modality[value] = _split(words)
        elif group == "context":
            contexts[value] = _split(words)
        elif group == "mode":
            typ, _, mode = value.partition(":")
            modes[(typ, mode)] = _split(words)
        elif group in sets:
            sets[group].update(_split(words)[0])
        else:
            raise ResourceError(f"data/cues.tsv: unknown group {group!r}")
    return Cues(modality=modality, contexts=contexts, modes=modes,
                actor_nouns=frozenset(sets["actor_noun"]), pair_nouns=frozenset(sets["pair"]),
                background=frozenset(sets["background"]), charge=frozenset(sets["charge"]))


def has_cue(words: list[str], lo: int, hi: int, cue: tuple[frozenset[str], tuple[tuple[str, ...], ...]]) -> int:
    """Index of the last token in ``words[lo:hi]`` that starts a cue (a word or a phrase), or -1."""
    singles, phrases = cue
    for j in range(hi - 1, lo - 1, -1):
        w = words[j]
        if w in singles or (len(w) > 3 and w[0] in "وف" and w[1:] in singles):
            return j
        for ph in phrases:
            if j + len(ph) <= hi and (w == ph[0] or (w[:1] in "وف" and w[1:] == ph[0])) \
                    and tuple(words[j + 1:j + len(ph)]) == ph[1:]:
                return j
    return -1
