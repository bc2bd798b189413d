"""The reported-speech cue lexicon (``data/cues.tsv``) and its matcher.

The lexicon is data: each row names a cue (verb, participle, attribution phrase or setting phrase), what kind
of cue it is and the PLOVER event type a statement with it is (أدان → ACCUSE, دعا → REQUEST ...). The events
component reads :func:`load_cues` to turn such quotes into events with the speaker as their actor.

Matching runs on normalized token forms: a verb row lists its past and present 3ms forms and the usual
feminine/plural/dual endings are generated here, a participle row its masculine accusative form (feminine and
plural generated); a leading و or ف (وأكد، فقال) is tried off. Phrases are matched token by token.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ResourceError
from ..text.normalize import normalize

DATA = resources.files("marsad.quotes") / "data"
KINDS = frozenset({"speech", "cognition", "continuation", "attribution", "setting"})
POS = frozenset({"verb", "participle", "attribution", "setting"})
FRAMES = frozenset({"-", "obj", "in", "from"})


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One row of the lexicon."""

    lemma: str
    kind: str               # speech, cognition, continuation, attribution, setting
    implies: str | None     # PLOVER event type or None
    pos: str                # verb, participle, attribution, setting
    forms: tuple[str, ...]  # as written in the data file
    frame: str | None = None  # obj, in, from: where the speaker is (see the data file's header)


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Normalized single-token forms and multi-token phrases, each pointing to its entry."""

    words: dict[str, CueEntry]
    phrases: dict[tuple[str, ...], CueEntry]  # first token -> checked by :meth:`phrase_at`
    phrase_heads: frozenset[str]
    #: every normalized token that may start a cue (with و/ف): one set look-up rules most tokens out
    starts: frozenset[str] = frozenset()
    #: verb forms that carry their object (وصفته، اعتبرها): what follows is a characterization in quotes
    with_object: frozenset[str] = frozenset()

    def word(self, norm: str) -> CueEntry | None:
        """The verb/participle entry for a normalized token (a leading و/ف tried off)."""
        e = self.words.get(norm)
        if e is None and len(norm) > 3 and norm[0] in "وف":
            e = self.words.get(norm[1:])
        return e

    def phrase_at(self, norms: list[str], i: int) -> tuple[CueEntry, int, bool] | None:
        """The longest phrase starting at token ``i`` of ``norms`` (a leading و tried off): its entry, its
        length in tokens and whether its last token carries the next word (وفقا للوزارة: ل attached)."""
        first = norms[i]
        if first not in self.phrase_heads:
            if len(first) > 3 and first[0] == "و" and first[1:] in self.phrase_heads:
                first = first[1:]
            else:
                return None
        for n in (4, 3, 2, 1):
            if i + n > len(norms):
                continue
            key = (first, *norms[i + 1:i + n])
            e = self.phrases.get(key)
            if e is not None:
                return e, n, False
            if n >= 2 and key[-1].startswith("ل") and len(key[-1]) > 2:
                e = self.phrases.get(key[:-1] + ("ل",))  # وفقا للوزارة: the preposition attached
                if e is not None:
                    return e, n, True
        return None


def _verb_forms(form: str) -> set[str]:
    """A verb form and its usual inflections (normalized): past 3fs/3mp, present 3fs/3mp/3md."""
    out = {form}
    if form.startswith("ي") and len(form) > 2:          # present
        out |= {"ت" + form[1:], form + "ون", form + "ان"}
    elif not form.endswith(("ي", "ا")):                  # regular past (weak ones are listed in full)
        out |= {form + "ت", form + "وا"}  # no dual: ردا، شددا read as nouns far more often
    return out


def _object_forms(past: str) -> set[str]:
    """A past form with an object pronoun (وصفه، وصفته، اعتبرها، اتهموه)."""
    if past.endswith("وا"):
        return {past[:-1] + p for p in ("ه", "ها", "هم")}
    return {past + p for p in ("ه", "ها", "هم")}


def _participle_forms(form: str) -> set[str]:
    stem = form[:-1] if form.endswith("ا") else form
    return {form, stem + "ه", stem + "ين", stem + "تين"}  # not the bare stem: مدعي is a prosecutor


def _parse(line: str, lineno: int) -> CueEntry:
    cols = line.split("\t")
    if len(cols) != 6:
        raise ResourceError(f"cues.tsv line {lineno}: expected 6 tab-separated columns, got {len(cols)}")
    lemma, kind, implies, pos, forms, frame = cols
    if kind not in KINDS or pos not in POS or frame not in FRAMES:
        raise ResourceError(f"cues.tsv line {lineno}: bad kind {kind!r}, pos {pos!r} or frame {frame!r}")
    return CueEntry(lemma=lemma, kind=kind, implies=None if implies == "-" else implies, pos=pos,
                    forms=tuple(f.strip() for f in forms.split(",") if f.strip()),
                    frame=None if frame == "-" else frame)


@lru_cache(maxsize=1)
def load_cues() -> tuple[CueEntry, ...]:
    """Every row of ``data/cues.tsv`` (the API the events component reads: lemma, kind, implies)."""
    path = DATA / "cues.tsv"
    if not path.is_file():
        raise ResourceError(f"the cue lexicon {path} is missing")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        out.append(_parse(line, n))
    return tuple(out)


@lru_cache(maxsize=1)
def load_lexicon() -> CueLexicon:
    """The compiled matcher (built once per process)."""
    words: dict[str, CueEntry] = {}
    object_forms: dict[str, CueEntry] = {}
    phrases: dict[tuple[str, ...], CueEntry] = {}
    for e in load_cues():
        if e.pos in ("verb", "participle"):
            gen = _verb_forms if e.pos == "verb" else _participle_forms
            for f in e.forms:
                for g in gen(normalize(f)):
                    words.setdefault(g, e)
                    if e.frame == "obj" and e.pos == "verb" and not g.startswith(("ي", "ت")):
                        for obj in _object_forms(g):  # اعتبرها كاميرون، ما وصفته بـ
                            object_forms.setdefault(obj, e)
        else:
            for f in e.forms:
                phrases[tuple(normalize(f).split())] = e
    for form, e in object_forms.items():
        words.setdefault(form, e)
    heads = frozenset(k[0] for k in phrases)
    starts = set(words) | heads
    starts |= {c + w for w in starts for c in "وف"}
    return CueLexicon(words=words, phrases=phrases, phrase_heads=heads, starts=frozenset(starts),
                      with_object=frozenset(f for f in object_forms if f not in words or words[f] is object_forms[f]))


def implied_event(lemma: str) -> str | None:
    """The PLOVER type a cue lemma implies (None when it implies none)."""
    for e in load_cues():
        if e.lemma == lemma and e.implies:
            return e.implies
    return None
