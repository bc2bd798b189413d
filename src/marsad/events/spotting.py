"""Where a sentence names its events: trigger words, chosen among their lexicon readings and sifted.

:func:`best_head` picks a word's reading (hand-curated first, then the longest multiword pattern whose words
are there; :class:`SentenceKeys` rules out patterns whose words the sentence lacks without scanning), and
:func:`_triggers` drops the readings that report no event here: what is asked for or threatened (دعا النواب إلى
الاستقالة), deaths in an accident, background nouns (منذ مقتل), goals and prices (لرفع العقوبات), crowds that do
not act, and (:func:`name_interiors`) the words of an organisation's name. Sifting at the trigger keeps every
later step (arguments, dates, deduplication) from working on candidates that are no event.
"""
from __future__ import annotations

import bisect
from typing import Mapping, Sequence

from ..doc import Doc
from .cues import Cues
from .lexicon import Head, Lexicon, match_follow
from .ontology import Ontology


TA_MARBUTA = "ة"
#: prepositions after which a word is a noun, never a verb (الى سجن، في قتل)
NOUN_PREPOSITIONS = frozenset({"الي", "في", "علي", "عن", "داخل", "امام", "نحو", "حول", "ضد", "لدي", "خلال", "منذ"})


def name_interiors(doc: Doc) -> set[int]:
    """Token indexes inside an organisation's name past its first word (مجلس التعاون الخليجي، حركة النهضة،
    منظمة التحرير): the name's words are no event, though its head may be (قمة الرياض stays a summit)."""
    starts = [t.start for t in doc.tokens]
    out: set[int] = set()
    for e in doc.entities:
        if e.type == "ORG":
            out.update(range(bisect.bisect_right(starts, e.start), bisect.bisect_left(starts, e.end)))
    return out


#: types still coded when asked for: a request itself, and a call to protest or strike (دعا الاتحاد إلى الإضراب),
#: which event data (GSR) codes as the protest
STILL_CODED_WHEN_REQUESTED = frozenset({"REQUEST", "PROTEST"})
#: how far after a request or threat word its ب complement may stand (after the subject, a name, a time, an object)
DEMANDED_SCOPE = 20
#: how far after a request's إلى its requested acts may stand (tokens)
REQUESTED_SCOPE = 12
#: how far after a request word its إلى may stand (دعا زعيم الحزب، فلان، في مداخلة له اليوم … النواب إلى), and
#: its word with ب (طالب الرئيس المتمردين باحترام), which a place can also carry (في خطاب بالقاهرة)
COMPLEMENT_SCOPE_REQUEST = 20
COMPLEMENT_SCOPE_BA = 10
#: words that end the requested acts (a new clause or sentence part)
REQUEST_STOPS = frozenset({".", "؛", ";", ":", "لكن", "بينما", "فيما"})


def _complement(words: list[str], toks, i: int, hi: int) -> int:
    """The index of the إلى (or the word with ب: طالبت بإجراء تحقيق) that opens what the request at ``i`` asks
    for, or ``hi`` when it has none."""
    for k in range(i + 1, min(hi, i + 1 + COMPLEMENT_SCOPE_REQUEST)):
        if words[k] in REQUEST_STOPS:
            break
        if words[k] == "الي" or (k <= i + COMPLEMENT_SCOPE_BA and _ba_complement(toks[k])):
            return k
    return hi


def _ba_complement(tok) -> bool:
    """Whether a word carries the preposition ب as a proclitic (بدعم، بالإفراج)."""
    return any(p.kind == "proclitic" and p.text == "ب" for p in tok.parts)


def _stop_between(words: list[str], a: int, b: int) -> bool:
    return any(w in REQUEST_STOPS for w in words[a:b])


def _triggers(lex: Lexicon, words: list[str], toks, lo: int, hi: int, cues: Cues, onto: Ontology,
              candidates: Sequence[int]) -> list[tuple[int, Head, list[int]]]:
    """The trigger readings of one sentence, left to right; words of a multiword match are used up.

    ``candidates``: the indexes in ``[lo, hi)`` of the sentence's words that have some lexicon reading.
    """
    out = []
    consumed: set[int] = set()
    skipped = -2
    sentence_keys = SentenceKeys(words, lo, hi, lex.follow_keys_of)
    accident: bool | None = None  # whether the sentence reports an accident (computed for the first ASSAULT)
    requested_from = hi  # the first word of what a request in this sentence asks for (دعا … إلى <here>)
    last_demand = hi  # the last request or threat word (طالب … بدعم، هدد … باستهداف: a ب complement is not done)
    for i in candidates:
        if i in consumed:
            continue
        noun_only = toks[i].text.endswith(TA_MARBUTA) or (i > lo and words[i - 1] in NOUN_PREPOSITIONS)
        found = best_head(lex, words, i, hi, noun_only, sentence_keys)
        if found is None:
            continue
        head, follow = found
        consumed.update(follow)
        if head.trigger.kind == "block":
            continue  # تقرير صادر عن، حزب نداء تونس: the words name no event
        if head.form == "noun" and head.trigger.type not in STILL_CODED_WHEN_REQUESTED and (
                (requested_from < i <= requested_from + REQUESTED_SCOPE and not _stop_between(words, requested_from, i))
                or (last_demand < i <= last_demand + DEMANDED_SCOPE and _ba_complement(toks[i])
                    and not _stop_between(words, last_demand, i))):
            continue  # دعا النواب إلى الاستقالة، طالب بدعم، هدد باستهداف: what is asked for or threatened is not done
        if head.trigger.type == "REQUEST":
            requested_from, last_demand = _complement(words, toks, i, hi), i
        elif head.trigger.type == "THREATEN":
            last_demand = i
        if head.trigger.type == "ASSAULT" and head.trigger.mode not in DELIBERATE_MODES:
            if accident is None:
                accident = _accident(words, lo, hi, cues)
            if accident:
                continue  # لقي ثلاثة أشخاص مصرعهم في حادث تصادم: deaths in an accident are no attack
        if _background(words, i, lo, cues) or _purpose(lex, words, i, head, onto, cues) \
                or (head.trigger.kind == "crowd" and not _acting_crowd(words, toks, i, lo, cues)) \
                or (skipped == i - 1 and words[i].startswith("و")):
            skipped = i  # الهجمات والمفاوضات: the coordinated noun shares the background
            continue
        out.append((i, head, follow))
    return out


#: attacks no accident causes: a beating or an abduction in a sentence naming a crash is still one (اعتدى مواطن
#: على شرطي بعد حادث تصادم)
DELIBERATE_MODES = frozenset({"beat", "abduct", "torture", "sexual"})


#: a word with at most this many multiword readings matches them directly (no sentence key set)
FEW_MULTIWORD = 2


class SentenceKeys:
    """The clitic-stripped keys of a sentence's words that multiword patterns need (``Lexicon.follow_keys``),
    built on first use: a multiword pattern whose words are not all in the sentence is dismissed without
    scanning."""

    __slots__ = ("words", "lo", "hi", "follow_keys_of", "_keys")

    def __init__(self, words: list[str], lo: int, hi: int, follow_keys_of: Mapping[str, frozenset[str]]):
        self.words, self.lo, self.hi, self.follow_keys_of, self._keys = words, lo, hi, follow_keys_of, None

    def keys(self) -> set[str]:
        """The keys (built on the first call)."""
        keys = self._keys
        if keys is None:
            keys = self._keys = set().union(*map(self.follow_keys_of.__getitem__, self.words[self.lo:self.hi]))
        return keys

    def any_of(self, forms: frozenset[str]) -> bool:
        """Whether some word of the sentence is one of ``forms`` (clitics stripped)."""
        return not forms.isdisjoint(self.keys())


def best_head(lex: Lexicon, words: list[str], i: int, hi: int, noun_only: bool = False,
              sentence_keys: SentenceKeys | None = None) -> tuple[Head, list[int]] | None:
    """The best lexicon reading of token ``i``: hand-curated entries first, then the longest pattern.

    ``Lexicon.heads`` lists the readings best first, so the first one whose following words are there wins.
    ``noun_only``: the word cannot be a verb — written with ة (وزارة is no زاره) or right after a preposition
    (إلى سجن أفين: the prison, not سجن "he jailed").
    """
    w = words[i]
    firsts = lex.first_follow_words(w)
    keys = None
    if not firsts:
        heads = lex.single_heads(w)
    elif len(lex.heads(w)) - len(lex.single_heads(w)) <= FEW_MULTIWORD:
        heads = lex.heads(w)  # a direct look at the next few words is cheaper than the sentence's keys
    elif sentence_keys is not None and not sentence_keys.any_of(firsts):
        heads = lex.single_heads(w)  # no multiword reading can match: only the single-word ones are tried
    else:
        heads = lex.heads(w)
        keys = sentence_keys.keys() if sentence_keys is not None else None  # built by any_of above
    for h in heads:
        if noun_only and h.form != "noun":
            continue
        if not h.trigger.follow:
            return h, []
        if keys is not None and h.trigger.follow[0][0].isdisjoint(keys):
            continue
        follow = match_follow(h.trigger, words, i, hi, lex.follow_keys_of.__getitem__)
        if follow is not None:
            return h, follow
    return None


def _acting_crowd(words: list[str], toks, i: int, lo: int, cues: Cues) -> bool:
    """A participle (المتظاهرون) signals its event when it names a crowd that acts: nominative ـون, or after
    a quantity (آلاف المتظاهرين، 300 متظاهر); ضد المتظاهرين، لتفريق المتظاهرين name the object of another act.

    Also after a verb of going out or gathering whose manner it states (خرجوا متظاهرين، نزلوا محتجين).

    Not when the crowd only speaks or thinks (وطالب المتظاهرون، قال متظاهرون: the demands of protesters already
    reported), is counted (عدد المتظاهرين: "the number of", unlike عدد من المتظاهرين), or is the victim or
    object of someone else's act (أصيب 32 متظاهرا، اعتقلت الشرطة 190 متظاهرا) or among others (بينهم متظاهرون).
    """
    if _crowd_speaks(words, i, lo, cues):
        return False
    if words[i].endswith("ون"):
        return not _cue_before(words, i, lo, cues.crowd_among, 2)  # ومنع المتظاهرون: the crowd did it
    j = i - 2 if i - 2 >= lo and words[i - 1] == "من" else i - 1  # عشرات من المتظاهرين
    if j < lo:
        return False
    prev = words[j]
    if prev in cues.counting and j == i - 1:
        return False
    if j == i - 1 and (prev in cues.crowd_manner or (prev[:1] in "وف" and prev[1:] in cues.crowd_manner)):
        return True  # خرجوا متظاهرين: the crowd is how they went out
    if prev[:2] == "ال" and j == i - 2:
        prev = prev[2:]  # العشرات من المتظاهرين، الآلاف من المحتجين
    if not (prev in cues.quantity or toks[j].kind == "number" or (prev[:1] in "وب" and prev[1:] in cues.quantity)):
        return False
    # the quantity may be a phrase (نحو سبعة آلاف، أكثر من 100): the object cue stands before it
    return not _cue_before(words, i, lo, cues.crowd_object, 6)


def _cue_before(words: list[str], i: int, lo: int, forms: frozenset[str], scope: int) -> bool:
    """Whether one of ``forms`` (with or without و/ف/ل) stands in the ``scope`` words before ``i``."""
    for j in range(i - 1, max(lo, i - scope) - 1, -1):
        w = words[j]
        if w in forms or (w[:1] in "وفل" and w[1:] in forms):
            return True
    return False


def _crowd_speaks(words: list[str], i: int, lo: int, cues: Cues) -> bool:
    """وطالب المتظاهرون، وأكد المتظاهرون، وأشار متظاهرون: the verb of the crowd (right before it) says or
    thinks, it does not protest."""
    if i - 1 < lo:
        return False
    w = words[i - 1]
    return w in cues.crowd_say or (w[:1] in "وف" and w[1:] in cues.crowd_say)


def _accident(words: list[str], lo: int, hi: int, cues: Cues) -> bool:
    """Whether the sentence ``[lo, hi)`` names an accident (حادث تصادم، غرق عبارة، زلزال، حادث مروري)."""
    for w in words[lo:hi]:
        if w in cues.accident or (w[:1] in "وبل" and w[1:] in cues.accident):
            return True
    return False


def _background(words: list[str], i: int, lo: int, cues: Cues) -> bool:
    """سنوات من الهجمات، تهمة القتل، منذ مقتل البائع: an event noun after a plural of time, a legal charge or
    "since" is not an event reported here."""
    if i - 1 >= lo and (words[i - 1] in cues.charge or words[i - 1] == "منذ"):
        return True
    return i - 2 >= lo and words[i - 1] == "من" and words[i - 2] in cues.background


def _names_event(lex: Lexicon, word: str, typ: str) -> bool:
    """Whether the object of a multiword verb trigger is itself a noun of the trigger's event type (عقد اجتماعا)."""
    return not _purpose_la(word) and any(h.trigger.type == typ and h.form == "noun" for h in lex.heads_of[word])


def _purpose_la(word: str) -> bool:
    """لمساعدة، للتفاوض: a normalized noun carrying the preposition ل (of purpose or of belonging)."""
    w = word[1:] if word[:1] in "وف" else word
    return w.startswith("ل") and not w.startswith("ال")


def _purpose(lex: Lexicon, words: list[str], i: int, head: Head, onto: Ontology, cues: Cues) -> bool:
    """لرفع العقوبات، مقابل الانسحاب: a cooperative verbal noun stating a goal or a price, not a reported event;
    لبحث التعاون: one naming the subject matter of talks (a ``topic`` cue word right before it).

    Conflict nouns are kept: خرجوا للاحتجاج reports the protest itself.
    """
    if onto.types[head.trigger.type].quad > 2:
        return False
    if i > 0 and words[i - 1] in ("مقابل", "بهدف", "اجل", "بغيه", "سبيل"):
        return True
    if head.form != "noun":
        return False
    if i > 0 and words[i - 1] in cues.topic:
        return True
    w = words[i][1:] if words[i][:1] in "وف" else words[i]
    if w.startswith("لل") and i > 0 and words[i - 1].startswith("ال"):
        return False  # الدورة السادسة للاجتماع، الجولة الثانية للمفاوضات: a definite noun's ل names whose part it is
    return _purpose_la(w) and any(h.trigger is head.trigger for h in lex.heads(w[1:]))
