"""The trigger lexicon and its matcher.

Entries (``data/triggers.tsv``, hand-curated; ``data/triggers_petrarch.tsv``, converted) are indexed by the
normalized forms of their head: verbs by their inflected stems (past + ت ا وا ن …, present ي/ت/ن/ا + stem + ون
ان ين …), nouns by singular, plural and ـات forms. A token is looked up by stripping its clitics (و ف, ب ل ك س,
ال, enclitic pronouns) in every plausible way; the analysis of each distinct normalized word is cached, so
matching costs one dictionary look-up per token on running text. Following words of multiword patterns (شن
غارات، فرض عقوبات) are checked in a short window after the head, or anywhere later in the sentence (``*``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Generic, Iterable, NamedTuple, Sequence, TypeVar

from ..errors import ResourceError
from ..text.normalize import normalize
from .ontology import Ontology, load_ontology

DATA = resources.files("marsad.events") / "data"
FILES = (("triggers.tsv", "curated"), ("triggers_petrarch.tsv", "petrarch"))

PAST_SUFFIXES = ("", "ت", "ا", "وا", "تا", "نا", "تم", "ن", "و")
PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
PRESENT_SUFFIXES = ("", "ون", "ان", "ين", "وا", "ن")
CONJ = ("", "و", "ف")
PREP = ("", "ب", "ل", "ك", "س")
ENCLITICS = ("", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي", "ك")
#: the gap allowed between consecutive words of a multiword pattern (tokens)
GAP = 3
#: the shortest key a stripped form may be looked up with (shorter ones are letters, not words)
MIN_KEY = 2


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: its head, the words that must follow, and the event it signals."""

    pattern: str
    kind: str                 # verb, noun, participle
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    follow: tuple[tuple[frozenset[str], bool], ...]  # (accepted forms, anywhere-in-sentence) per word
    source: str               # curated, petrarch

    @property
    def size(self) -> int:
        return 1 + len(self.follow)


class Head(NamedTuple):
    """One reading of a word as the head of a lexicon entry."""

    trigger: Trigger
    form: str          # past, present, noun
    future: bool       # carried the future prefix سـ


def verb_forms(head: str) -> set[str]:
    """Inflected stems of a ``PAST/PRESENT`` verb head (normalized, clitics excluded)."""
    past, _, present = head.partition("/")
    out: set[str] = set()
    if past:
        out.update(past + s for s in PAST_SUFFIXES)
        if past.endswith("ي"):  # defective past (نفى، التقى): نفت، التقت، نفوا
            out.update(past[:-1] + s for s in ("ت", "تا", "وا"))
        if past.endswith("ا"):  # دعا: دعت، دعوا
            out.update(past[:-1] + s for s in ("ت", "تا", "وا", "و"))
    if present and len(present) > 2:
        stem = present[1:]
        out.update(p + stem + s for p in PRESENT_PREFIXES for s in PRESENT_SUFFIXES)
        if stem.endswith(("ي", "و")):  # يلتقي، يدعو: يلتقون، يدعون، and the jussive لم يلتق
            out.update(p + stem[:-1] + s for p in PRESENT_PREFIXES for s in ("", "ون", "ان", "ين", "وا"))
    return out


def noun_forms(word: str) -> set[str]:
    """A noun or participle with its ـات plural and construct forms (زياره: زيارات، زيارت-ها), and the
    accusative indefinite ـاً of other nouns (هجوما، اتصالا); a final hamza after alef sits on ya or waw before a
    pronoun (لقاء: لقائه، لقاؤها; اعتداء: اعتدائهم), so those stems are forms too (only ever met with the pronoun)."""
    out = {word}
    if word.endswith("اء") and len(word) > 3:
        out.update((word[:-1] + "ئ", word[:-1] + "ؤ"))
    if word.endswith("ه") and len(word) > 2:
        base = word[:-1]
        out.update((base + "ات", base + "ت", base + "تان", base + "تين"))
    elif not word.endswith(("ا", "ي", "ات", "ون", "ين")) and len(word) > 2:
        out.add(word + "ا")
    return out


#: the longest proclitic run strip_keys removes (و/ف, then ب/ل/ك/س, then ال) and the longest enclitic
MAX_PROCLITICS = max(map(len, CONJ)) + max(map(len, PREP)) + len("ال")
MAX_ENCLITIC = max(map(len, ENCLITICS))
#: the size at which a per-word-form memo stops growing (news vocabularies are long-tailed)
MEMO_SIZE = 300_000
EMPTY: frozenset[str] = frozenset()
V = TypeVar("V")


class Memo(dict, Generic[V]):
    """word form (or reading) -> ``fn(word form)``, computed on the first look-up and kept (up to ``MEMO_SIZE``).

    Indexing is a plain dict look-up once a form was seen, and ``map(memo.__getitem__, words)`` runs at C speed.
    """

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[str], V]):
        super().__init__()
        self.fn = fn

    def __missing__(self, word: str) -> V:
        value = self.fn(word)
        self.keep(word, value)
        return value

    def keep(self, word: str, value: V) -> None:
        """File a value computed elsewhere (while there is room)."""
        if len(self) < MEMO_SIZE:
            self[word] = value


@lru_cache(maxsize=None)
def key_slices(n: int) -> tuple[slice, ...]:
    """The slices ``[a:n - e]`` of a word of ``n`` letters that clitic stripping could leave as a key: at
    most ``MAX_PROCLITICS`` letters cut before, ``MAX_ENCLITIC`` after, ``MIN_KEY`` letters left."""
    return tuple(slice(a, n - e) for e in range(MAX_ENCLITIC + 1) for a in range(MAX_PROCLITICS + 1)
                 if n - e - a >= MIN_KEY)


def may_have_key(w: str, forms: frozenset[str]) -> bool:
    """Whether some key :func:`strip_keys` could leave of ``w`` is in ``forms``: when none of its
    ``key_slices`` is a form the full clitic analysis is skipped (False is exact, True a maybe). The slices
    are cut and looked up at C speed."""
    return not forms.isdisjoint(map(w.__getitem__, key_slices(len(w))))


@lru_cache(maxsize=300_000)
def strip_keys(w: str) -> tuple[tuple[str, bool, str, bool], ...]:
    """Every ``(key, had_article, preposition, possessive_ya)`` reading of a normalized word after stripping
    clitics.

    ``preposition`` is the proclitic ب ل ك or the future prefix س (or ""); ``possessive_ya``: the enclitic ي
    was cut, which only a noun takes (كتابي; a verb's "me" is ـني): توافقي is an adjective, not توافق.
    """
    out = []
    seen = set()
    for c in CONJ:
        if c and not w.startswith(c):
            continue
        r1 = w[len(c):]
        for p in PREP:
            if p and not r1.startswith(p):
                continue
            r2 = r1[len(p):]
            arts = [""]
            if r2.startswith("ال") and p != "س":
                arts.append("ال")
            if p == "ل" and r2.startswith("ل"):
                arts.append("ل")
            for a in arts:
                r3 = r2[len(a):]
                for e in ENCLITICS:
                    if e and (a or not r3.endswith(e)):
                        continue
                    key = r3[: len(r3) - len(e)] if e else r3
                    reading = (key, bool(a), p, e == "ي")
                    if len(key) < MIN_KEY or reading in seen:
                        continue
                    seen.add(reading)
                    out.append(reading)
    return tuple(out)


class Lexicon:
    """The compiled trigger index."""

    def __init__(self, entries: Sequence[Trigger]):
        self.entries = tuple(entries)
        index: dict[str, list[tuple[Trigger, str]]] = {}
        for t in entries:
            for alt in t.pattern.split(" ")[0].split("|"):
                if t.kind == "verb" or (t.kind == "block" and "/" in alt):  # a block may name verb forms
                    past, _, present = alt.partition("/")
                    for form_kind, forms in (("past", verb_forms(past)), ("present", verb_forms("/" + present))):
                        for f in forms:
                            index.setdefault(f, []).append((t, form_kind))
                else:
                    for f in noun_forms(alt):
                        index.setdefault(f, []).append((t, "noun"))
        self.index = {k: tuple(v) for k, v in index.items()}
        #: every form a following word of some multiword pattern may take
        self.follow_forms = frozenset().union(*(forms for t in entries for forms, _ in t.follow))
        #: word form -> its readings (``heads``); indexing it looks a word up (C speed once the form was seen)
        self.heads_of: Memo[tuple[Head, ...]] = Memo(self._analyse)
        #: word form -> its clitic-stripped keys that some multiword pattern needs (``follow_keys``)
        self.follow_keys_of: Memo[frozenset[str]] = Memo(lambda w: self._follow_keys(w, self._may_match(w)))
        self._readings_of: Memo[tuple[tuple[tuple[int, str], Head], ...]] = Memo(self._readings)
        #: the forms a word's clitic-stripped keys are looked up among (see ``may_have_key``)
        self._keyed = frozenset(self.index) | self.follow_forms
        self._firsts: Memo[frozenset[str]] = Memo(
            lambda w: frozenset().union(*(h.trigger.follow[0][0] for h in self.heads_of[w] if h.trigger.follow)))
        self._singles: Memo[tuple[Head, ...]] = Memo(
            lambda w: tuple(h for h in self.heads_of[w] if not h.trigger.follow))

    def first_follow_words(self, norm_word: str) -> frozenset[str]:
        """The forms any multiword reading of this word needs next (empty when it has none): one set test
        tells whether any of its patterns can match in a sentence."""
        return self._firsts[norm_word]

    def single_heads(self, norm_word: str) -> tuple[Head, ...]:
        """The readings of a word that need no following words (``heads`` without the multiword ones)."""
        return self._singles[norm_word]

    def follow_keys(self, norm_word: str) -> frozenset[str]:
        """``word_keys`` of a word restricted to ``follow_forms``: all a sentence's key set needs to decide
        whether a multiword pattern can match, and empty for most words."""
        return self.follow_keys_of[norm_word]

    def _may_match(self, w: str) -> bool:
        """False for most words: no slice clitic stripping could leave of them is an indexed or following form."""
        return w in self._keyed or may_have_key(w, self._keyed)

    def _follow_keys(self, w: str, may_match: bool) -> frozenset[str]:
        return word_keys(w) & self.follow_forms if may_match else EMPTY

    def _analyse(self, w: str) -> tuple[Head, ...]:
        """A word form's readings; its follow keys are filed at the same time (one pre-check for both)."""
        may_match = self._may_match(w)
        self.follow_keys_of.keep(w, self._follow_keys(w, may_match))
        return self._heads(w) if may_match else ()

    def heads(self, norm_word: str) -> tuple[Head, ...]:
        """Readings of a normalized word as a trigger head: (entry, past/present/noun, with future سـ).

        Verbs are never read with the article, past verbs never with a preposition, present verbs only with
        ل (ليرفع) or سـ, nouns never with سـ.
        """
        return self.heads_of[norm_word]

    def _heads(self, norm_word: str) -> tuple[Head, ...]:
        found: list[Head] = []
        seen = set()
        readings_of = self._readings_of
        for reading in strip_keys(norm_word):
            for seen_key, h in readings_of[reading]:
                if seen_key not in seen:
                    seen.add(seen_key)
                    found.append(h)
        # best first: hand-curated before converted, longer patterns before shorter (see spotting.best_head)
        return tuple(sorted(found, key=lambda h: (h.trigger.source != "curated", -len(h.trigger.follow))))

    def _readings(self, reading: tuple[str, bool, str, bool]) -> tuple[tuple[tuple[int, str], Head], ...]:
        """The heads one clitic reading ``(key, had_article, preposition, possessive_ya)`` of a word allows, each with the
        ``(entry, form)`` key that keeps the first of them (shared by every word form with that reading)."""
        key, art, prep, ya = reading
        out = []
        for t, form in self.index.get(key, ()):
            if form == "noun":
                if prep == "س" or (art and t.kind == "indef"):
                    continue
            elif art or ya or (form == "past" and prep) or (form == "present" and prep in ("ب", "ك")):
                continue
            out.append(((id(t), form), Head(t, form, prep == "س")))
        return tuple(out)

    def count_by_type(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for t in self.entries:
            out[t.type] = out.get(t.type, 0) + 1
        return out


@lru_cache(maxsize=300_000)
def word_keys(norm_word: str) -> frozenset[str]:
    """The word and every clitic-stripped key of it."""
    return frozenset([norm_word, *(k for k, _, _, _ in strip_keys(norm_word))])


def match_follow(trigger: Trigger, words: Sequence[str], i: int, end: int,
                 keys_of: Callable[[str], frozenset[str]] = word_keys) -> list[int] | None:
    """Token indexes of the following words of ``trigger`` whose head is at ``i`` (None if they are missing).

    ``keys_of``: a word's clitic-stripped keys; ``Lexicon.follow_keys`` (only the keys following words can
    take, memoised) gives the same answer faster.
    """
    pos = i
    out = []
    for forms, anywhere in trigger.follow:
        limit = end if anywhere else min(end, pos + 1 + GAP + 1)
        j = next((j for j in range(pos + 1, limit) if not forms.isdisjoint(keys_of(words[j]))), None)
        if j is None:
            return None
        out.append(j)
        pos = j
    return out


def _follow(words: Iterable[str]) -> tuple[tuple[frozenset[str], bool], ...]:
    out = []
    for w in words:
        anywhere = w.startswith("*")
        alts = set()
        for a in w.lstrip("*").split("|"):
            alts.update(noun_forms(a))
            if a.startswith("ال") and len(a) > 4:
                alts.update(noun_forms(a[2:]))
        out.append((frozenset(alts), anywhere))
    return tuple(out)


def parse_rows(text: str, source: str, onto: Ontology) -> list[Trigger]:
    """Entries of one TSV file (header and # comments skipped); invalid types or modes raise E300."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("pattern\t"):
            continue
        cols = line.split("\t")
        if source == "petrarch":
            pattern, kind, typ, mode = cols[0], cols[1], cols[2], cols[3]
            ctx = cols[5] if len(cols) > 5 else ""
        else:
            pattern, kind, typ, mode = (cols + ["", "", "", ""])[:4]
            ctx = cols[4] if len(cols) > 4 else ""
        pattern = normalize(pattern.strip())
        mode = mode.strip() or None
        if not onto.valid(typ, mode):
            raise ResourceError(f"trigger line {n} ({source}): invalid type/mode {typ}/{mode}")
        words = pattern.split(" ")
        contexts = tuple(c for c in (onto.fix_context(x) for x in ctx.split(";") if x.strip()) if c)
        out.append(Trigger(pattern=pattern, kind=kind.strip(), type=typ, mode=mode, contexts=contexts,
                           follow=_follow(words[1:]), source=source))
    return out


@lru_cache(maxsize=2)
def load_lexicon(include_converted: bool = True) -> Lexicon:
    onto = load_ontology()
    entries: list[Trigger] = []
    for name, source in FILES:
        if source == "petrarch" and not include_converted:
            continue
        path = DATA / name
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise ResourceError(f"cannot read trigger lexicon {name}: {e}") from e
        entries.extend(parse_rows(text, source, onto))
    return Lexicon(entries)
