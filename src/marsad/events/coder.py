"""Find and code the events of one analysed article (a pure function of the Doc).

Steps, per sentence (NGEC's split): trigger (lexicon match, longest and hand-curated first) → type and mode →
contexts → actor and recipient slots → place → date → modality; then quote-implied events; then
within-article deduplication; then confidence (and, when the statistical classifier is installed, its vote).
Discourse state carried from sentence to sentence: the last actor (for dropped subjects) and the current pair
of parties (the two sides of the talks, for البلدين and for talks mentioned without their parties).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from itertools import compress
from operator import attrgetter
from typing import Callable, Mapping, Sequence

from ..doc import Doc, Sentence
from ..text.normalize import normalize
from ..records import Actor, Event, Mention, Place, SentenceRef, Span, TimeExpr, make_id
from .arguments import AFFILIATION, RECIPIENT_PREPS, Slot, _proclitic_prep, entity_starts, party_actor, sentence_slots
from .cues import Cues, sentence_cues
from .lexicon import Head, Lexicon, match_follow
from .modality import NEG_SCOPE, find_modality, is_historical
from .ontology import Ontology

TA_MARBUTA = "ة"
#: how far after a verb its subject may stand (VSO), in tokens
VSO_SCOPE = 5
#: how far after an event noun a doing verb (نفذه، شنته) may stand, and its subject after that verb
AGENT_VERB_SCOPE = 12
AGENT_SCOPE = 6
#: the "prepositions" of a subject standing before its verb or after an agent verb (none, or a group's side)
SUBJECT_PREPS = (None, AFFILIATION)
#: how far after a crowd participle the من of its origin may stand (متظاهرون من أبناء دارفور)
CROWD_ORIGIN_SCOPE = 3
#: how far into what a speaker reports (after أنها) a verb may stand and still be the speaker's act (أنها قد قتلت)
SPEAKER_VERB_SCOPE = 3
#: the complementizers (normalized) that open what a speaker reports
SUBORDINATORS = frozenset({"ان", "بان", "وان"})
#: prepositions after which a word is a noun, never a verb (الى سجن، في قتل)
NOUN_PREPOSITIONS = frozenset({"الي", "في", "علي", "عن", "داخل", "امام", "نحو", "حول", "ضد", "لدي", "خلال", "منذ"})
#: how far after a verb the complement clause (أن …) may open that ends a long subject before it
COMPLEMENT_SCOPE = 12
#: nominative plural/dual endings: a nationality in them is a subject (جنود إسرائيليون)
NOMINATIVE = frozenset({"ون", "ان"})
#: how close after a bare actor noun (وحذرت الوزيرة ترامب) a name must follow to be the verb's object
BARE_NOUN_SCOPE = 3
#: the least confidence of an event reported after the article's lead (the headline and first sentence): the
#: classifier-averaged PROTEST/ASSAULT candidates below it there were mostly background or names on dev samples
BEYOND_LEAD_FLOOR = 0.3
#: how far before a possessive event noun an expressing verb may stand (عبر المكتب السياسي لحزب حركة النهضة عن رفضه)
EXPRESS_SCOPE = 10
#: how far before an event noun a verb of undergoing (تعرض) may stand
UNDERGO_SCOPE = 8
#: how far after a verbal noun its genitive may stand
GENITIVE_SCOPE = 2
#: the auxiliary of the periphrastic passive (تم اعتقاله): the word after it is a verbal noun
PASSIVE_AUX = frozenset({"تم", "وتم", "يتم", "ويتم", "سيتم", "وسيتم", "ليتم"})
#: how far after a verb the agent of its passive (من قبل + name) may start
PASSIVE_AGENT_SCOPE = 3
#: how far after the trigger a recipient may stand
RECIPIENT_SCOPE = 12
#: types whose verbal noun takes its victim/object, not its doer, in the genitive (اغتيال الرئيس)
OBJECT_GENITIVE = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT"})
#: modes of those types whose genitive is still the doer (استقالته، انسحابها من الاتفاق: who resigns, withdraws)
SUBJECT_GENITIVE_MODES = frozenset({"resign", "withdraw"})
#: types of material measures a party takes, which others may take "similar" ones of (إجراءات مماثلة)
MEASURES = frozenset({"SANCTION", "COERCE", "MOBILIZE", "AID", "RETREAT", "CONCEDE"})
#: types that are reciprocal when they have two or more actors and no recipient (talks, agreements)
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: types whose target may be named as the doer of what they judge (تصريحات من قبل فلان)
VERBAL_CONFLICT = frozenset({"ACCUSE", "REJECT", "THREATEN"})
#: types whose unnamed doers are taken to be people of the place where the event happened
LOCAL_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE"})
#: the sector of an unnamed doer of a local type: protesters are civilians, who arrests or seizes is the police
LOCAL_SECTORS = {"PROTEST": "CVL", "COERCE": "COP"}
#: punctuation that ends the clause of a verbal noun
CLAUSE_PUNCT = frozenset({"،", ",", "؛", ";", ":", "."})
#: the quad classes (verbal, material cooperation) whose events need a party: talks or aid between nobody named
#: (a sports fixture, مبادرة، الشراكة) are no event data, while an attack or a protest by unknown people is
COOPERATIVE_QUADS = frozenset({1, 2})
#: the types that take the current pair of parties when a talks noun has none of its own
PAIR_TYPES = frozenset({"CONSULT", "AGREE"})
NORM = attrgetter("norm")


@dataclass(slots=True)
class Draft:
    """An event being built (mutable), turned into a records.Event at the end."""

    type: str
    mode: str | None
    contexts: set[str]
    trigger: Span
    sentence: Sentence
    actor: list[Mention]
    recipient: list[Mention]
    place: Place | None
    date: str | None
    date_source: str
    modality: str
    source: str
    features: dict[str, float]
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class State:
    last_actor: list[Mention] = field(default_factory=list)
    pair: list[Mention] = field(default_factory=list)
    #: type, mode and recipient of the last asserted material measure, which "similar measures" repeat
    last_measure: tuple[str, str | None, list[Mention]] | None = None


def countries(ms: Sequence[Mention]) -> set[str]:
    return {m.actor.country for m in ms if m.actor is not None and m.actor.country}


def name_interiors(doc: Doc) -> set[int]:
    """Token indexes inside an organisation's name past its first word (مجلس التعاون الخليجي، حركة النهضة،
    منظمة التحرير): the name's words are no event, though its head may be (قمة الرياض stays a summit)."""
    starts = [t.start for t in doc.tokens]
    out: set[int] = set()
    for e in doc.entities:
        if e.type == "ORG":
            out.update(range(bisect.bisect_right(starts, e.start), bisect.bisect_left(starts, e.end)))
    return out


def code_events(doc: Doc, lex: Lexicon, cues: Cues, onto: Ontology,
                scorer: Callable[[Draft], float] | None = None,
                resolve: Callable | None = None,
                story: Callable[[Doc], str | None] | None = None) -> tuple[Event, ...]:
    """The events of ``doc`` (requires norm, tokens, sentences; uses entities, times, quotes when present).

    ``story``: the article's country, given to protesters named nowhere (see :func:`_story_protesters`)."""
    toks = doc.tokens
    words = list(map(NORM, toks))
    # token indexes of words with some lexicon reading: the only places a trigger can stand (few per sentence)
    heads = list(map(lex.heads_of.__getitem__, words))
    interiors = name_interiors(doc)
    candidates = [i for i in compress(range(len(words)), heads) if toks[i].kind == "word" and i not in interiors]
    ents = entity_starts(doc)
    quote_ranges = _quote_ranges(doc)
    state = State()
    drafts: list[Draft] = []
    for sent in doc.sentences:
        lo, hi = sent.first_token, sent.last_token
        if hi <= lo:
            continue
        at = candidates[bisect.bisect_left(candidates, lo):bisect.bisect_left(candidates, hi)]
        if not at:
            continue
        found = _triggers(lex, words, toks, lo, hi, cues, onto, at)
        if not found:
            continue
        # an event noun, alone or as the direct object of its verb of joint action (عقد الاجتماع): its
        # nationality adjective (الاجتماع الكيني الأوغندي، غارة إسرائيلية) names its doer; the adjective of an
        # object that names no such event (اعترضت طائرة باكستانية) or of a noun of purpose with ل (قدمت مليون
        # دولار لمساعدة الفلسطينيين) names who undergoes it instead (widened to verbs of conflict, the rule
        # cost the GSR set's source-country accuracy 0.783 -> 0.761)
        nouns = frozenset(i for i, head, _ in found if head.form == "noun") | frozenset(
            follow[-1] for _, head, follow in found
            if follow and head.form != "noun" and head.trigger.type in RECIPROCAL
            and _names_event(lex, words[follow[-1]], head.trigger.type))
        slots = sentence_slots(doc, lo, hi, ents, cues, nouns)
        times = [t for t in doc.times if sent.start <= t.start < sent.end]
        sc = _without_assertive_qad(_without_relative_ma(sentence_cues(words, lo, hi, cues), words, toks, lo),
                                    words, lo, hi)
        for i, head, follow in found:
            qlo, qhi = _clause(quote_ranges, i, lo, hi)
            d = _draft(doc, sent, i, head, follow, slots, times, sc, qlo, qhi, cues, onto, state, resolve)
            drafts.append(d)
            _update_state(state, d, doc)
    drafts.extend(_quote_events(doc, drafts, onto))
    lead_end = _lead_end(doc)
    merged = deduplicate(drafts, lead_end)
    if story is not None:
        _story_protesters(doc, merged, story)
    out = []
    for d in merged:
        if not d.actor and not d.recipient and onto.types[d.type].quad in COOPERATIVE_QUADS:
            continue  # تبدأ المفاوضات، ويلتقي الفريق، مبادرة: cooperation between nobody named is no event datum
        if d.mode == "visit" and _no_visit(doc, d):
            continue
        conf = scorer(d) if scorer else default_confidence(d)
        if conf <= 0.0 or (conf < BEYOND_LEAD_FLOOR and d.sentence.start >= lead_end):
            continue  # (an unsure candidate after the lead is mostly background: ضحايا اعتداءات 11 سبتمبر)
        out.append(_finish(doc, d, onto, conf))
    return tuple(out)


#: relative pronouns: a verb right after one describes the noun before it (المهاجرون الذين وصلوا)
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})


def _no_visit(doc: Doc, d: Draft) -> bool:
    """Whether a visit candidate visits nobody: a verb of arriving or receiving with no host or destination
    (وصل الوزير، استقبل المستشفى), or without a visitor describing people in a relative clause (المهاجرون
    الذين وصلوا إلى الولايات المتحدة أطفالا). A visit noun names a visit by itself (زيارته للمزارعين)."""
    if d.features.get("verb", 0.0) == 0.0:
        return False
    if not (d.recipient or d.place):
        return True
    before = doc.text[max(0, d.trigger.start - 12):d.trigger.start].split()
    return not d.actor and bool(before) and normalize(before[-1]) in RELATIVES


def _story_protesters(doc: Doc, drafts: list[Draft], story: Callable[[Doc], str | None]) -> None:
    """Protests and strikes whose doers the article names nowhere, not even by their place (ينفذ أعوان المحاسبة
    العمومية الإضراب بكامل تراب الجمهورية), are by civilians of the article's country (GSR practice); the
    country is looked up only when such a protest is there."""
    unnamed = [d for d in drafts if d.type == "PROTEST" and not countries(d.actor)]
    home = story(doc) if unnamed else None
    if not home:
        return
    for d in unnamed:
        t = d.trigger
        d.actor = [Mention(text=t.text, start=t.start, end=t.end,
                           actor=Actor(country=home, sector=LOCAL_SECTORS["PROTEST"], kind="unnamed"))]
        d.features.update(has_actor=1.0, actor_place=1.0)


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


def _without_relative_ma(found: dict[str, list[int]], words: list[str], toks, lo: int) -> dict[str, list[int]]:
    """The sentence's cues less ما after a word (في أعقاب ما وصفته، حسب ما أعلنت: "what", a relative, not the
    negation that opens a clause: ما زال، وما كان)."""
    neg = found.get("modality:negated")
    if neg:
        found["modality:negated"] = [p for p in neg if not (words[p] == "ما" and p > lo
                                                            and toks[p - 1].kind == "word")]
    return found


#: forms of كان before قد that make it the pluperfect (كان قد شارك: had taken part), no doubt
KANA = frozenset({"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا"})
#: the first letters of an imperfect verb: قد before one is "may" (قد يشارك), before a perfect it asserts (قد شارك)
IMPERFECT_PREFIXES = ("ي", "ت", "ن")


def _without_assertive_qad(found: dict[str, list[int]], words: list[str], lo: int, hi: int) -> dict[str, list[int]]:
    """The sentence's cues less an assertive قد (كان قد شارك في مظاهرات، وقد أعلنت الوزارة: "had", "indeed"),
    which is not the "may" of قد before an imperfect verb (قد يتظاهر)."""
    hyp = found.get("modality:hypothetical")
    if hyp:
        found["modality:hypothetical"] = [
            p for p in hyp if not (words[p] in ("قد", "وقد", "فقد") and (
                (p > lo and words[p - 1] in KANA) or (p + 1 < hi and not words[p + 1].startswith(IMPERFECT_PREFIXES))))]
    return found


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


def _quote_ranges(doc: Doc) -> list[tuple[int, int, object]]:
    starts = [t.start for t in doc.tokens]
    out = []
    for q in doc.quotes:
        a = bisect.bisect_left(starts, q.start)
        b = bisect.bisect_left(starts, q.end)
        out.append((a, b, q))
    return out


def _clause(quote_ranges, i: int, lo: int, hi: int) -> tuple[int, int]:
    """Token bounds for argument search: the sentence, or the quote the trigger stands in."""
    for a, b, _ in quote_ranges:
        if a <= i < b:
            return max(lo, a), min(hi, b)
    return lo, hi


def _quote_of(doc: Doc, start: int, end: int):
    """The quote a trigger stands in, or whose cue it is (اتهم الوزير المعارضة …)."""
    for q in doc.quotes:
        if q.start <= start < q.end or (q.cue is not None and q.cue.start < end and start < q.cue.end):
            return q
    return None


def _possessive(text: str) -> bool:
    """Whether a noun carries a possessive pronoun (زيارته، لقائها، اتصالهم; not زيارة)."""
    return text.endswith(("ه", "ها", "هم", "هما")) and not text.endswith("ة")


def _sentence_speaker(doc: Doc, sent: Sentence, start: int) -> Mention | None:
    """The speaker of the last quote whose cue stands in the sentence before offset ``start`` (a party), else of
    the first one after it (وبخصوص دعوته البرلمان، اعتبر الجبالي أن…: a fronted topic names the speaker later)."""
    before = after = None
    for q in doc.quotes:
        if q.cue is None or q.speaker is None or q.speaker.actor is None or not sent.start <= q.cue.start < sent.end:
            continue
        if q.cue.start < start:
            before = q.speaker
        elif after is None:
            after = q.speaker
    return before or after


def _recent_speaker(doc: Doc, sent: Sentence, start: int) -> Mention | None:
    """The speaker (a party; not the press, which reports) of the last quote whose cue stands before offset
    ``start`` in its sentence or the one before it."""
    k = bisect.bisect_right(doc.sentences, sent.start, key=attrgetter("start")) - 1
    since = doc.sentences[k - 1].start if k > 0 else sent.start
    out = None
    for q in doc.quotes:
        if q.cue is not None and q.speaker is not None and q.speaker.actor is not None \
                and q.speaker.actor.sector != "JRN" and since <= q.cue.start < start:
            out = q.speaker
    return out


def _speaker_subject(doc: Doc, q, i: int, slots: list[Slot], cues: Cues) -> list[Mention]:
    """The doer of a verb opening what a speaker reports, when the speaker's side is meant, else [].

    أعلنت وزارة الدفاع أنها قتلت …، ذكرت الخارجية أنها استدعت …: right after an أن carrying the speaker's
    pronoun, the verb is the speaker's own act. أعلنت وزارة الدفاع الجزائرية أن الجيش قتل …: a bare actor noun
    (الجيش، الشرطة، الحكومة) with no nationality of its own is the speaker's country's. No named party may
    stand between the complementizer and the verb."""
    if q.speaker is None or q.speaker.actor is None or not q.speaker.actor.country:
        return []
    toks = doc.tokens
    k = i
    while k > 0 and i - k < SPEAKER_VERB_SCOPE and toks[k - 1].start >= q.start:
        k -= 1
    if k == 0 or toks[k - 1].start >= q.start or any(k - 1 <= s.first < i for s in slots):
        return []
    comp = toks[k - 1].norm
    noun = toks[k]
    if comp in cues.speaker_subject or (comp in SUBORDINATORS and k < i and noun.norm in cues.speaker_subject):
        return [q.speaker]
    if comp in SUBORDINATORS and k < i and noun.norm.startswith("ال") and noun.norm in cues.actor_nouns:
        return [Mention(text=noun.text, start=noun.start, end=noun.end,
                        actor=Actor(country=q.speaker.actor.country, kind="unnamed"))]
    return []


def _draft(doc: Doc, sent: Sentence, i: int, head: Head, follow: list[int], slots: list[Slot],
           times: list[TimeExpr], found: dict[str, list[int]], lo: int, hi: int, cues: Cues, onto: Ontology,
           state: State, resolve) -> Draft:
    tok = doc.tokens[i]
    trig = head.trigger
    mode = trig.mode or _mode_from_cues(trig.type, found, onto)
    contexts = set(trig.contexts) | {k[8:] for k in found if k.startswith("context:")}
    past = head.form == "past"
    passive = past and "\u064f" in tok.text[:4]
    actor, recipient, feats = _arguments(doc, i, follow[-1] if follow else i, head, slots, lo, hi, passive, cues,
                                         resolve)
    if not recipient and follow and trig.type in OBJECT_GENITIVE:
        recipient = _pattern_object(doc, follow[-1], slots, actor, resolve)
    elif follow and trig.type == "AID":
        # قدمت الإدارة، في ساعاتها الأخيرة، 221 مليون دولار لمساعدة الفلسطينيين: the party helped is the
        # beneficiary, whoever stands between the verb and the purpose
        recipient = _pattern_object(doc, follow[-1], slots, actor, resolve) or recipient
    typ = trig.type
    if follow and doc.tokens[follow[-1]].norm in cues.similar and state.last_measure is not None:
        # اتخذت إجراءات مماثلة: the same kind of measure as the one reported, against the same party unless named
        typ, mode, target = state.last_measure
        recipient = recipient or [m for m in target if countries([m]) - countries(actor)]
    if typ == "COERCE" and mode == "arrest" and _hostage_taking(doc, i, lo, hi, head.form != "noun", actor, cues):
        typ, mode = "ASSAULT", "abduct"
    if _circumstantial(tok.norm, head, state, sent):
        # زار الوفد دمشق داعيا إلى…: an accusative participle describes the subject of the clause's verb, who is
        # its doer (not the object named right before it)
        actor = list(state.last_actor)
        recipient = [m for m in recipient if countries([m]) - countries(actor)]
        feats["actor_previous"] = 1.0
    q = _quote_of(doc, tok.start, tok.end) if not passive else None
    own = _speaker_subject(doc, q, i, slots, cues) if q is not None and head.form != "noun" else []
    if own:
        # the noun phrase after the verb is then its object, not its subject (ذكرت الخارجية أنها دعت السفيرة)
        recipient = recipient or [m for m in actor if countries([m]) != countries(own)]
        actor = own
        feats["actor_quote"] = 1.0
    elif not actor and q is not None and q.speaker is not None and q.speaker.actor is not None \
            and ((q.cue is not None and q.cue.implies == trig.type) or _first_person(tok.norm, head)):
        # (نحن نرفض كل مس برئيس حكومتنا، قال الغنوشي: the speaker's own first-person verb)
        actor = [q.speaker]
        feats["actor_quote"] = 1.0
    if not actor and not recipient and trig.type == "CONSULT" and head.form == "noun" and q is not None \
            and q.speaker is not None and q.speaker.actor is not None and q.speaker.actor.sector in NEGOTIATORS \
            and any(t.norm == "مع" for t in doc.tokens[i + 1:min(hi, i + 1 + WITH_SCOPE)]):
        # قال وزير الشؤون الاجتماعية إن المفاوضات متواصلة مع الطرف النقابي: an official reporting talks with
        # someone, naming no party, holds them
        actor = [q.speaker]
        feats["actor_quote"] = 1.0
    if not actor and head.form == "noun" and not _object_genitive(trig, cues) and _possessive(tok.text):
        # على هامش زيارته، خلال لقائها: the pronoun names the doer, the one the sentence reports speaking
        # (وأضاف الوزير …) or, without one, the previous actor
        speaker = _sentence_speaker(doc, sent, tok.start)
        actor = [speaker] if speaker is not None else list(state.last_actor)
        feats["actor_previous"] = float(bool(actor))
    if not actor and not passive and state.last_actor and head.form != "noun" \
            and not (recipient and countries(state.last_actor) <= countries(recipient)):
        # (the party acted upon does not stand in for the unnamed doer: وحذرت الوزيرة ترامب after a sentence on him)
        actor = list(state.last_actor)
        feats["actor_previous"] = 1.0
    if not actor and not passive and q is None and head.form != "noun" and onto.types[trig.type].quad in VERBAL_QUADS \
            and not (i > lo and doc.tokens[i - 1].norm in RELATIVES) \
            and (speaker := _recent_speaker(doc, sent, tok.start)) is not None \
            and not (recipient and countries([speaker]) <= countries(recipient)):
        # قال القيادي بالحركة إن الحركة تتابع … ودعا الفرقاء للحوار: a verb of saying with no subject after a
        # reported statement is its speaker's (a material act is not: the speaker only reports it)
        actor = [speaker]
        feats["actor_previous"] = 1.0
    if trig.type in PAIR_TYPES and state.pair:
        if not actor and not recipient and head.form == "noun":
            actor, recipient = list(state.pair), list(state.pair)
            feats["pair"] = 1.0
        elif actor and not recipient and onto.types[trig.type].quad == 1:
            others = [m for m in state.pair if m.actor and m.actor.country not in countries(actor)]
            if others:
                recipient = others
                feats["pair"] = 1.0
    if trig.type in RECIPROCAL and not recipient and len(countries(actor)) >= 2:
        recipient = list(actor)
    if trig.type in OBJECT_GENITIVE and actor and all(m.actor is not None and m.actor.sector == "JRN" for m in actor):
        actor = []  # نقلت وسائل إعلام جزائرية أن عناصر من الدرك أصيبوا: the media report an attack, they do not make it
    place = _place(slots, i)
    if typ in LOCAL_TYPES and not countries(actor):
        # unnamed protesters or attackers are people of the place (GSR practice), else of the country they
        # protest against (المعارضون للحكومة التايلاندية); who arrests or seizes there unnamed (اعتقلت الشرطة
        # خمسة أشخاص في مدينة حلب) is the place's police; the place itself stays no party
        home = place.country if place is not None and place.country else None
        if home is None and typ == "PROTEST" and countries(recipient):
            home = sorted(countries(recipient))[0]
        if home:
            actor = [Mention(text=tok.text, start=tok.start, end=tok.end,
                             actor=Actor(country=home, sector=LOCAL_SECTORS.get(typ), kind="unnamed"))]
            feats["actor_place"] = 1.0
    if typ == "ASSAULT" and not recipient and place is not None and place.country \
            and (v := _unnamed_victims(doc, i, lo, hi, head.form == "noun" or passive, cues)) is not None:
        # 500 سجين مدني أعدمهم التنظيم في الموصل، قتل ثلاثة مدنيين في حلب: people named by no nationality whom
        # an attack befell are people of the place
        recipient = [Mention(text=v.text, start=v.start, end=v.end, actor=Actor(country=place.country,
                                                                                kind="unnamed"))]
    modality = find_modality(found, i, lo, hi, past_verb=past, future_prefix=head.future)
    if modality == "negated" and typ in REFUSABLE and head.form == "present" and actor \
            and _refused(doc, found, i, lo):
        # لن تقبل بأي اتفاق، لا نؤيد القرار: a party refusing to cooperate is a rejection that happened, not a
        # negated cooperation (a thing that does not meet conditions, لعب لا تستجيب للشروط, refuses nothing)
        typ, mode, modality = "REJECT", None, "asserted"
    if typ == "ASSAULT" and head.form != "noun" and trig.pattern.split(" ")[0] in cues.verbal_attack \
            and not any(k.startswith(ARMED_CUES) for k in found) and _in_words(actor, recipient, cues):
        typ, mode = "ACCUSE", "disapprove"  # وهاجم رئيس الحزب الحكومة: a politician attacks in words
    times = [t for t in times if not _in_other_relative(doc, i, head, t, cues) and not _document_date(doc, t)
             and not _since(doc, i, t)]
    times = [t for t in times if not _before_complement(doc, i, t)] or times
    date, date_source, direction = _date(times, tok.start, past and modality == "asserted", doc.article.date)
    if modality == "asserted" and direction == "future" and not past:
        modality = "future"
    if modality == "asserted" and is_historical(date, doc.article.date):
        modality = "historical"
    # a definite event noun or crowd (المظاهرة، المتظاهرون) refers back to an event already reported; a verb, an
    # indefinite noun (تظاهر، مظاهرات، متظاهرون) or a counted crowd (آلاف المتظاهرين: the only crowd forms not in
    # ـون that _acting_crowd lets through) introduces one
    feats["introduced"] = float(head.form != "noun" or not is_definite(tok.norm)
                                or (trig.kind == "crowd" and not tok.norm.endswith("ون")))
    feats.update({"curated": float(trig.source == "curated"), "multiword": float(bool(follow)),
                  "verb": float(head.form != "noun"), "has_actor": float(bool(actor)),
                  "has_recipient": float(bool(recipient)), "has_time": float(date_source == "time"),
                  "has_place": float(place is not None), "asserted": float(modality in ("asserted", "historical"))})
    return Draft(type=typ, mode=mode, contexts=contexts, trigger=doc.span(tok.start, tok.end),
                 sentence=sent, actor=actor, recipient=recipient, place=place, date=date,
                 date_source=date_source, modality=modality, source=f"lexicon:{trig.source}", features=feats)


#: sectors that arrest: an authority (a party found as the doer of a detention is often its object, so an
#: armed group's sector alone does not make one a hostage-taking; the words before it do)
AUTHORITY_SECTORS = frozenset({"COP", "MIL", "JUD", "GOV", "SPY"})
#: how many words before a detention word its unnamed doer may stand (مسلحين اثنين يقومان حاليا باحتجاز)
HOSTAGE_SCOPE = 6


def _hostage_taking(doc: Doc, i: int, lo: int, hi: int, verb: bool, actor: list[Mention], cues: Cues) -> bool:
    """Whether a detention (احتجز، احتجاز، اعتقل) is a hostage-taking: an arrest needs an authority as its doer
    (police, army, security, a court), while an armed group or an unnamed gunman holding people takes hostages
    (قام مسلح باحتجاز عدد من الأشخاص، احتجزت عصابة مسلحة …)."""
    if any(m.actor is not None and m.actor.sector in AUTHORITY_SECTORS for m in actor):
        return False
    words = [t.norm for t in doc.tokens[max(lo, i - HOSTAGE_SCOPE):i]]
    if _cue_before(words, len(words), 0, cues.armed_doers, HOSTAGE_SCOPE):
        return True
    # a verb's subject may follow it (احتجزت عصابة مسلحة عمالا); a noun's genitive is the one held (احتجاز مسلحين)
    return verb and any(t.norm in cues.armed_doers for t in doc.tokens[i + 1:min(hi, i + 3)])


#: how far after an attack its victims may stand (قتل ثلاثة مدنيين)
VICTIM_SCOPE = 3
#: the pronouns on an attack verb that refer back to its victims before it (سجين مدني أعدمهم)
OBJECT_PRONOUNS = ("هم", "هن", "ه", "ها")


def _unnamed_victims(doc: Doc, i: int, lo: int, hi: int, undergone_after: bool, cues: Cues):
    """The token of the people an attack at ``i`` befell when a victim noun names them (مدنيين، جنود،
    أشخاص): right after a noun or passive verb (مقتل ثلاثة مدنيين، قُتل جنديان; after an active verb it is
    the subject), or right before a verb whose pronoun refers back to them (سجين مدني أعدمهم)."""
    toks = doc.tokens
    for j in range(i + 1, min(hi, i + 1 + VICTIM_SCOPE) if undergone_after else i + 1):
        if toks[j].norm in cues.victims:
            return toks[j]
    if i > lo and toks[i].norm.endswith(OBJECT_PRONOUNS) and toks[i - 1].norm in cues.victims:
        return toks[i - 1]
    return None


#: the quad classes of verbal acts (verbal cooperation and conflict), which a speaker's words can do
VERBAL_QUADS = frozenset({1, 3})
#: sectors whose speakers reporting talks are taken to hold them (government, parliament, parties, unions)
NEGOTIATORS = frozenset({"GOV", "LEG", "PTY", "LAB"})
#: how far after a talks noun its مع ("with" the other side) may stand (المفاوضات متواصلة مع)
WITH_SCOPE = 3


#: cooperative types whose refusal (لن/لا + present verb) is a REJECT
REFUSABLE = frozenset({"AGREE", "SUPPORT", "COOPERATE", "CONCEDE", "AID"})
#: the negations of a present verb that refuse (not لم، the past "did not")
REFUSALS = frozenset({"لن", "لا"})


#: cue keys of a sentence that make an attack armed (مسلحون، قذائف، القوات، غارات)
ARMED_CUES = ("mode:ASSAULT:", "context:military")
#: sectors of people who fight (their attacks are assaults)
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "SPY", "UAF", "CRM"})


#: sectors whose organisations attack in words only (parties, parliaments, the press, opposition, civil society)
SPEAKING_SECTORS = frozenset({"PTY", "LEG", "JRN", "OPP", "CVL"})
#: sectors of political bodies and people, attacked in words (هاجم الوزير حكومة الوفاق)
POLITICAL_SECTORS = frozenset({"GOV", "PTY", "LEG", "JUD", "OPP", "JRN"})


def _in_words(actor: list[Mention], recipient: list[Mention], cues: Cues) -> bool:
    """Whether an attack verb's doer attacks in words: no fighter, and a named person, a titled official
    (هاجم الوزير فلانا), a party, parliament or the press (هاجم رئيس الحزب الليبي حكومة الوفاق), or anyone
    attacking a government, party, parliament or the press."""
    if not actor or any(m.actor is None or m.actor.sector in ARMED_SECTORS or m.actor.kind == "unnamed"
                        for m in actor):
        return False
    return all(m.actor.kind == "person" or m.actor.sector in SPEAKING_SECTORS or _titled(m, cues)
               for m in actor) or (
        bool(recipient) and all(m.actor is not None and m.actor.sector in POLITICAL_SECTORS for m in recipient))


def _titled(m: Mention, cues: Cues) -> bool:
    """Whether a mention opens with a politician's or official's title (رئيس حزب الوطن الليبي)."""
    first = m.text.split(" ", 1)[0]
    w = normalize(first)
    return w in cues.political_titles or (w[:1] in "وف" and w[1:] in cues.political_titles)


def _refused(doc: Doc, found: dict[str, list[int]], i: int, lo: int) -> bool:
    """Whether the negation right before the trigger at ``i`` is a refusal particle (لن، لا)."""
    return any(max(lo, i - NEG_SCOPE) <= p < i and doc.tokens[p].norm in REFUSALS
               for p in found.get("modality:negated", ()))


#: endings of the accusative participle of a circumstantial clause (داعيا، داعين، مطالبين)
CIRCUMSTANTIAL_ENDINGS = ("ا", "ين")


def _first_person(norm_word: str, head: Head) -> bool:
    """Whether a present verb carries the first-person prefix (نرفض، أطالب، ونؤكد، سنقاطع)."""
    if head.form != "present":
        return False
    w = norm_word[1:] if norm_word[:1] in "وف" else norm_word
    w = w[1:] if w[:1] == "س" else w
    return w[:1] in "نا"


def _circumstantial(norm_word: str, head: Head, state: State, sent: Sentence) -> bool:
    """Whether the trigger is an accusative participle after a verb whose doer this sentence already named."""
    return head.trigger.kind == "participle" and norm_word.endswith(CIRCUMSTANTIAL_ENDINGS) \
        and bool(state.last_actor) and all(sent.start <= m.start < sent.end for m in state.last_actor)


def is_definite(norm_word: str) -> bool:
    """Whether a normalized word carries the article (المظاهره، والمتظاهرون، للمظاهره، بالاحتجاجات)."""
    w = norm_word[1:] if norm_word[:1] in "وف" else norm_word
    return w.startswith(("ال", "لل")) or (w[:1] in "بك" and w[1:3] == "ال")


def _mode_from_cues(typ: str, found: dict[str, list[int]], onto: Ontology) -> str | None:
    """The mode named by a cue word of the sentence (غير المباشرة → third-party), the earliest first."""
    prefix = f"mode:{typ}:"
    best = min(((pos[0], k[len(prefix):]) for k, pos in found.items() if k.startswith(prefix)), default=None)
    return best[1] if best and onto.valid(typ, best[1]) else None


def _arguments(doc: Doc, i: int, last: int, head: Head, slots: list[Slot], lo: int, hi: int, passive: bool,
               cues: Cues, resolve) -> tuple[list[Mention], list[Mention], dict[str, float]]:
    """Actor and recipient mentions for the trigger at token ``i`` whose last word is ``last``."""
    feats: dict[str, float] = {}
    parties = [_own_subject(doc, i, s) for s in slots
               if not s.place and lo <= s.first < hi and not _attributed(doc, s, cues)]
    after = [s for s in parties if s.first > i and s.prep != "من قبل"]
    before = [s for s in parties if s.last < i]
    typ = head.trigger.type
    # متظاهرون فلسطينيون، غارة إسرائيلية: the trigger's own nationality names its doer
    actor_slot = next((s for s in parties if s.first == i or (s.adjective and last < s.first <= last + 2
                                                              and not _counted(doc, s, cues))), None)
    if actor_slot is None:
        # اعتُقل من قبل الشرطة: the agent of a passive, right after a verb (after an active verb's object it is
        # the object's: وصفت تصريحات من قبل المسؤولين)
        # (تم قتل المشتبه به على يد الشرطة: after تم the trigger is a verbal noun, whatever its form)
        noun_like = head.form == "noun" or (i > lo and doc.tokens[i - 1].norm in PASSIVE_AUX)
        reach = i + RECIPIENT_SCOPE if noun_like else i + PASSIVE_AGENT_SCOPE
        actor_slot = next((s for s in parties if s.first > i and s.prep == "من قبل" and s.first <= reach), None)
    if actor_slot is None and head.trigger.kind == "crowd":
        # 300 متظاهر من أبناء دارفور: where the crowd comes from names it
        actor_slot = next((s for s in after if s.prep == "من" and s.first <= i + CROWD_ORIGIN_SCOPE), None)
    if actor_slot is None and head.form == "noun":
        actor_slot = _agent_slot(doc, i, hi, parties, cues)
    recipient_slots: list[Slot] = []
    object_genitive = False
    if actor_slot is not None:
        pass
    elif head.form != "noun":
        if not passive:
            # SVO: a bare noun phrase opening the sentence right before the verb is its subject
            # (الرئيس الفرنسي يزور الجزائر); otherwise the verb's subject follows it (VSO)
            actor_slot = next((s for s in before if s.prep is None and s.first <= lo + 1 and s.last >= i - 2), None) \
                or _relative_antecedent(doc, i, lo, slots) or _coordinated_subject(doc, i, lo, before, after)
        if actor_slot is None and not passive:
            actor_slot = next((s for s in after if s.first <= i + VSO_SCOPE and s.prep is None), None) \
                or _subject_before_complement(doc, i, hi, after)
            if actor_slot is not None and i + 1 < hi and doc.tokens[i + 1].norm in cues.resumptive:
                # بيان دعا فيه الحكومة إلى…: the verb's subject is what فيه refers back to; the noun after is its object
                actor_slot = _earlier_subject(doc, before, typ, cues)
            elif actor_slot is not None and _counterpart(doc, i, actor_slot):
                # يلتقي خلالها نظيره الجزائري: "his counterpart" is the object; the subject is the one before
                actor_slot = None
            elif actor_slot is not None and typ in OBJECT_GENITIVE and _counted(doc, actor_slot, cues):
                actor_slot = None  # قتل ثلاثة جنود أمريكيين: counted people are the victims (قُتل), the object
            elif actor_slot is not None and (titled := _titled_subject(doc, i, actor_slot, after, cues)) is not None:
                # نفى النائب بكتلة حركة نداء تونس، جلال غديرة، …: a title and, between commas, its holder's name
                # make one subject noun phrase
                actor_slot = titled
            elif actor_slot is not None and i + 1 < actor_slot.first <= i + BARE_NOUN_SCOPE \
                    and _bare_actor_noun(doc, i + 1, cues):
                # وحذرت الوزيرة ترامب: a definite actor noun right after the verb, naming no country of its own,
                # refers back to a party already named; it is the subject, and the name after it the object
                # (a name further on, after the noun's qualifiers, is the noun's own: الناطق باسم الحزب، فلان)
                actor_slot = None
            if actor_slot is None:
                actor_slot = _earlier_subject(doc, before, typ, cues)
    else:
        # تعرضت دورية للجيش الفرنسي لهجوم، تعرض الوزير لانتقادات: who underwent it is the recipient
        undergone = _undergone(doc, i, lo, parties, cues)
        recipient_slots.extend(undergone or ())
        reach = _past_times(doc, i) + GENITIVE_SCOPE - 1
        gen = next((s for s in after if s.first <= reach and s.prep is None), None)
        victim = _object_genitive(head.trigger, cues)
        object_genitive = gen is not None and not victim and _possessive(doc.tokens[i].text)
        if gen is not None and (victim or object_genitive):
            # اغتيال الرئيس: the victim; خلال لقائه اليوم المبعوث الأممي: the pronoun is the doer, the noun after
            # it the noun's object (and the only one)
            recipient_slots.append(gen)
        elif gen is not None:
            actor_slot = gen
        if actor_slot is None and typ == "ASSAULT":
            # بضربات جوية للتحالف الدولي والطيران العراقي، غارة للطيران الروسي: the attacks' owner is their doer
            actor_slot = next((s for s in after if s.prep == "ل" and s.first <= i + LAM_DOER_SCOPE), None)
        if actor_slot is None and undergone is None:
            back = _earlier_subject(doc, before, typ, cues)
            if not _possessive(doc.tokens[i].text):
                actor_slot = back
            elif victim:
                # بعد اختطافه، عقب اعتقالها: the pronoun is the one the act befell, so the party it refers
                # back to is the recipient, not the doer
                recipient_slots.extend([back] if back is not None else [])
            else:
                # عبر المكتب السياسي للحزب عن رفضه: the pronoun is the expressing verb's subject
                actor_slot = _expressing_subject(doc, i, lo, before, cues)
            # else (خلال زيارته، أعلن دعمه): the pronoun is the subject's; the nearest slot before may be an
            # object (زار الرئيس الجزائر وأعلن خلال زيارته), so the speaker or previous actor is taken (_draft)
    if actor_slot is not None and _identity(doc, actor_slot, cues):
        actor_slot = None  # فرض عقوبات على مهاجرين عراقيين، انتحالهم لجنسيات دول مثل سوريا: no doer
    stop = _clause_end(doc, i, hi) if head.form == "noun" else hi
    reach = i + RECIPIENT_SCOPE
    for s in (after if not object_genitive else ()):
        if s is actor_slot or s in recipient_slots or s.first > reach or s.first >= stop \
                or (actor_slot is not None and actor_slot.first <= s.first <= actor_slot.last):
            continue
        if s.prep == "بين":
            if typ in RECIPROCAL and head.trigger.mode != "third-party" and (actor_slot is None or actor_slot.last < i):
                # talks between X and Y: both are actors and recipients (a subject after the verb stays)
                actor_slot = None
            recipient_slots.append(s)
            break
        if s.prep is None and (_apposition(doc, actor_slot, s, resolve, cues)
                               or _trailing_title(doc, actor_slot, s, after, resolve, cues)):
            reach += s.last - actor_slot.last + 1  # the name does not use up the object's distance
            continue  # ودعا رئيس الوزراء العراقي محمد شياع السوداني المواطنين: the name is the subject again
        if s.prep in RECIPIENT_PREPS or (s.prep is None and head.form != "noun"):
            recipient_slots.append(s)
            break
    if not recipient_slots and typ in VERBAL_CONFLICT:
        # ندد بتصريحات عدائية من قبل المسؤولين الإيرانيين: whoever made what is judged is its target
        recipient_slots.extend([s for s in parties if s.first > i and s.prep == "من قبل"
                                and s is not actor_slot and s.first < stop][:1])
    actor = _slot_mentions(doc, actor_slot, resolve)
    recipient = [m for s in recipient_slots for m in _slot_mentions(doc, s, resolve)]
    if actor_slot is not None:
        feats["actor_slot"] = 1.0
    if not actor and any(s.prep == "بين" for s in recipient_slots) and typ in RECIPROCAL \
            and head.trigger.mode != "third-party":  # a mediator between X and Y is neither
        actor = list(recipient)
        feats["reciprocal"] = 1.0
        if len(countries(recipient)) < 2:
            recipient = []  # بين الولايات المتحدة و11 دولة: one party named is the actor, not its own recipient
    if _same_party(actor, recipient):
        recipient = []  # the call "that brought him together with" … resolved back to him: no one is their own recipient
    return actor, recipient, feats


#: how many words before a slot may stand between it and the identity noun it describes (لجنسيات دول أخرى مثل)
IDENTITY_SCOPE = 4


def _identity(doc: Doc, slot: Slot, cues: Cues) -> bool:
    """Whether the slot describes people or an identity (مهاجرين عراقيين، الضحايا الفرنسيين، انتحالهم لجنسيات
    دول أخرى مثل سوريا): an identity noun stands in the few words before it, with no clause break between."""
    toks = doc.tokens
    for k in range(slot.first - 1, max(-1, slot.first - 1 - IDENTITY_SCOPE), -1):
        if toks[k].kind == "punct":
            return False
        w = toks[k].norm
        if w in cues.identity_nouns or (w[:1] in "ولب" and w[1:] in cues.identity_nouns):
            return True
    return False


#: how far after an attack noun its owner with ل may stand (after an adjective: ضربات جوية للتحالف)
LAM_DOER_SCOPE = 3
#: how far after a multiword pattern's last word the party it acts on may stand (المواطنين القطريين)
PATTERN_OBJECT_SCOPE = 2


def _pattern_object(doc: Doc, last: int, slots: list[Slot], actor: list[Mention], resolve) -> list[Mention]:
    """The party right after the last word of a multiword pattern of acting on someone (مهلة لمغادرة المواطنين
    القطريين، طرد السفير الإيراني): the one it befalls (none when that is the actor's own side)."""
    slot = next((s for s in slots if not s.place and s.prep is None
                 and last < s.first <= last + PATTERN_OBJECT_SCOPE), None)
    found = _slot_mentions(doc, slot, resolve)
    return [] if _same_party(actor, found) else found


def _object_genitive(trig, cues: Cues) -> bool:
    """Whether the trigger's verbal noun takes the one it befalls in the genitive (اغتيال الرئيس، اعتقاله); the
    nouns of attacking (هجماتهم، عملياتهم العسكرية، غاراتها) take their doer, like resignations."""
    return trig.type in OBJECT_GENITIVE and trig.mode not in SUBJECT_GENITIVE_MODES \
        and cues.doer_genitive.isdisjoint(trig.pattern.split(" ", 1)[0].split("|"))


def _past_times(doc: Doc, i: int) -> int:
    """The index of the first token after ``i`` outside a time expression (لقائه اليوم الوزير: الوزير)."""
    j = i + 1
    toks = doc.tokens
    while j < len(toks) and any(t.start <= toks[j].start < t.end for t in doc.times):
        j += 1
    return j


def _relative_antecedent(doc: Doc, i: int, lo: int, slots: list[Slot]) -> Slot | None:
    """The party a relative pronoun right before the verb refers to, when it is the verb's subject (غضب في قطر
    التي اتهمت جيرانها: Qatar accused); a verb carrying an object pronoun has it as its object instead
    (الغارات على غزة التي نفذتها إسرائيل)."""
    toks = doc.tokens
    if i - 2 < lo or toks[i - 1].norm not in RELATIVES or any(p.kind == "enclitic" for p in toks[i].parts):
        return None
    return next((s for s in slots if s.last == i - 2 and any(m.actor is not None for m in s.mentions)), None)


def _same_party(actor: list[Mention], recipient: list[Mention]) -> bool:
    """Whether the actor is one named party and every recipient mention resolves to that same party (a pronoun or
    a second mention of the actor read as the other side)."""
    if len(actor) != 1 or not recipient or actor[0].actor is None or not actor[0].actor.name:
        return False
    a = actor[0].actor
    return all(m.actor is not None and (m.actor.name, m.actor.country, m.actor.sector) == (a.name, a.country, a.sector)
               for m in recipient)


def _coordinated_subject(doc: Doc, i: int, lo: int, before: list[Slot], after: list[Slot]) -> Slot | None:
    """فرنسا تسعى لتطبيع علاقاتها مع إيران وتدعو روحاني لزيارتها: a feminine verb joined by و to an earlier one
    shares the country opening the sentence as its subject, when what follows it is a person (its object) or
    nothing."""
    tok = doc.tokens[i]
    if not any(p.kind == "proclitic" and p.text == "و" for p in tok.parts):
        return None
    stem = tok.norm[1:]
    if not (stem.startswith("ت") or stem.endswith("ت")):
        return None
    nxt = next((s for s in after if s.first <= i + VSO_SCOPE and s.prep is None), None)
    if nxt is not None and not all(e.type == "PER" for e in nxt.entities):
        return None
    return next((s for s in before if s.prep is None and s.first <= lo + 1 and s.entities
                 and all(e.type == "GPE" for e in s.entities)), None)


def _subject_before_complement(doc: Doc, i: int, hi: int, after: list[Slot]) -> Slot | None:
    """اعتبر الناطق الرسمي باسم الحزب الجمهوري، عصام الشابي، أن …: a subject long with its titles ends where
    the verb's complement clause (أن، إن) opens, so the first bare slot before it is the subject (and the
    parties after أن belong to the clause), even past ``VSO_SCOPE``."""
    toks = doc.tokens
    k = next((j for j in range(i + 1, min(hi, i + COMPLEMENT_SCOPE + 1)) if toks[j].norm in SUBORDINATORS), None)
    if k is None:
        return None
    return next((s for s in after if s.last < k and s.prep is None), None)


def _own_subject(doc: Doc, i: int, slot: Slot) -> Slot:
    """The slot right after a trigger verb that is also a preposition (وعبر الحزب عن مساندته: expressed, not
    via) read without that "preposition": it is the verb's subject."""
    if slot.first == i + 1 and slot.prep is not None and not _proclitic_prep(doc.tokens[slot.first]) \
            and doc.tokens[i].norm.lstrip("وف") == slot.prep:
        return replace(slot, prep=None)
    return slot


def _counterpart(doc: Doc, i: int, slot: Slot) -> bool:
    """Whether the slot after the verb at ``i`` opens with "his/her/their counterpart" (نظيره، نظيرته، نظراءه):
    the other party of the act, whose subject is the one the pronoun refers to."""
    # نظيره الجزائري عبد المجيد تبون: the slot may open at the nationality or the name after it
    for j in range(max(i + 1, slot.first - 2), slot.first + 1):
        w = doc.tokens[j].norm
        w = w[1:] if w[:1] in "وب" else w
        if w.startswith(("نظير", "نظراء")):
            return True
    return False


#: words between an attribution word and its source (بحسب ما نقلته رويترز، وفقا لما ذكرته الوكالة، نقلا عن)
REPORTED = frozenset({"عن", "ما", "لما", "نقلته", "نقلت", "نقله", "ذكرته", "ذكرت", "ذكره", "اوردته", "اوردت",
                      "اورده", "افادت", "افاد", "اعلنته", "اعلنت", "نشرته", "نشرت"})
#: how many such words (and quotation marks) may stand there
REPORT_GAP = 4


def _attributed(doc: Doc, slot: Slot, cues: Cues) -> bool:
    """Whether the slot is the source a report is attributed to (طبقا للمصادر الأمريكية، نقلا عن وكالة
    الأنباء السورية، حسب الشرطة): a source, not a party of the event."""
    toks = doc.tokens
    k = slot.first - 1
    if k >= 0 and toks[k].norm == "(" and all(m.actor is not None and m.actor.sector == "JRN"
                                               for m in slot.mentions) and slot.mentions:
        return True  # a credit line: تونس (أ ف ب)، (رويترز) -
    lo = max(0, k - REPORT_GAP)
    while k > lo and (toks[k].norm in REPORTED or toks[k].kind == "punct" and toks[k].norm not in CLAUSE_PUNCT):
        k -= 1  # بحسب ما نقلته "رويترز"، وفقا لما ذكرته وكالة، نقلا عن
    return k >= 0 and toks[k].norm in cues.attribution


def _undergone(doc: Doc, i: int, lo: int, parties: list[Slot], cues: Cues) -> list[Slot] | None:
    """When a verb of undergoing (تعرض، يتعرض) stands shortly before the event noun at ``i``: the slots of
    those who underwent it (between the verb and the noun, else the subject before the verb); None without one."""
    toks = doc.tokens
    for j in range(i - 1, max(lo, i - UNDERGO_SCOPE) - 1, -1):
        w = toks[j].norm
        if w in cues.undergo or (w[:1] in "وف" and w[1:] in cues.undergo):
            between = [s for s in parties if j < s.first < i]
            if between:
                return between
            return [s for s in parties if s.last < j and s.prep is None][-1:]
    return None


def _earlier_subject(doc: Doc, before: list[Slot], typ: str, cues: Cues) -> Slot | None:
    """The nearest slot before the trigger that may be its subject; for attacks and the like, not counted
    people (مقتل 5 هنود بهجوم: the Indians are the victims of the attack)."""
    return next((s for s in reversed(before) if s.prep in SUBJECT_PREPS
                 and not (typ in OBJECT_GENITIVE and _counted(doc, s, cues))), None)


def _counted(doc: Doc, slot: Slot, cues: Cues) -> bool:
    """Whether a number or quantity word, or a noun of people (``victims``), stands right before the slot (مقتل 5
    هنود، إصابة عشرات الفلسطينيين، مقتل جنديين تركيين): counted people are those the event befell, not a
    nationality naming its doer (غارة إسرائيلية)."""
    if slot.first == 0:
        return False
    prev = doc.tokens[slot.first - 1]
    if prev.norm in cues.victims and doc.tokens[slot.last].norm[-2:] not in NOMINATIVE:
        return True  # مقتل جنديين تركيين، قتل جندي أمريكي (not جنود إسرائيليون: nominative, the doers)
    return prev.kind == "number" or prev.norm in cues.quantity


def _expressing_subject(doc: Doc, i: int, lo: int, before: list[Slot], cues: Cues) -> Slot | None:
    """The subject of an expressing verb shortly before the possessive event noun at ``i`` (عبر المكتب السياسي
    لحزب حركة النهضة عن رفضه، حركة النهضة أبدت استعدادها): the first bare slot between them (VSO), else one ending
    right before the verb (SVO); None without such a verb."""
    toks = doc.tokens
    for j in range(i - 1, max(lo, i - EXPRESS_SCOPE) - 1, -1):
        w = toks[j].norm
        if w in cues.expressing or (w[:1] in "وف" and w[1:] in cues.expressing):
            # (the slot right after the verb is its subject even when the verb reads as a preposition: وعبر)
            return next((s for s in before if s.first > j and (s.prep in SUBJECT_PREPS or s.first == j + 1)), None) \
                or next((s for s in reversed(before) if j - 2 <= s.last < j and s.prep in SUBJECT_PREPS), None)
    return None


def _titled_subject(doc: Doc, i: int, slot: Slot, after: list[Slot], cues: Cues) -> Slot | None:
    """The whole subject noun phrase when a definite title opens it right after the verb at ``i`` and the holder's
    name follows between commas (نفى النائب بكتلة حركة نداء تونس، جلال غديرة، وجود…): one slot from the title to
    the name, resolved as a whole; None otherwise."""
    if not (i + 1 < slot.first <= i + BARE_NOUN_SCOPE and _bare_actor_noun(doc, i + 1, cues)):
        return None
    toks = doc.tokens
    name = next((s for s in after if s.first == slot.last + 2), None)
    if name is None or toks[slot.last + 1].text not in APPOSITION_COMMAS \
            or not name.entities or any(e.type != "PER" for e in name.entities) \
            or not (name.last + 1 < len(toks) and toks[name.last + 1].text in APPOSITION_COMMAS):
        return None
    return Slot(first=i + 1, last=name.last, prep=None, place=False, mentions=slot.mentions + name.mentions,
                entities=slot.entities + name.entities)


def _bare_actor_noun(doc: Doc, j: int, cues: Cues) -> bool:
    """Whether token ``j`` is a definite actor noun (الوزير، الوزيرة، الرئيس، الجيش) standing alone."""
    w = doc.tokens[j].norm if j < len(doc.tokens) else ""
    return w.startswith("ال") and (w in cues.actor_nouns or (w.endswith("ه") and w[:-1] in cues.actor_nouns))


def _agent_slot(doc: Doc, i: int, hi: int, parties: list[Slot], cues: Cues) -> Slot | None:
    """الهجوم الذي نفذته طالبان، للهجوم … في عمليات نفذها قراصنة صوماليون، غارة شنتها طائرة تابعة للقوات
    الأمريكية: the subject of a doing verb later in the event noun's clause is its doer."""
    toks = doc.tokens
    for j in range(i + 1, min(_clause_end(doc, i, hi), i + AGENT_VERB_SCOPE + 1)):
        w = toks[j].norm
        if w in cues.agent_verbs or (w[:1] in "وف" and w[1:] in cues.agent_verbs):
            return next((s for s in parties if j < s.first <= j + AGENT_SCOPE and s.prep in SUBJECT_PREPS), None)
    return None


def _clause_end(doc: Doc, i: int, hi: int) -> int:
    """The first clause punctuation after token ``i`` (a noun's arguments do not cross it)."""
    for j in range(i + 1, hi):
        if doc.tokens[j].kind == "punct" and doc.tokens[j].text in CLAUSE_PUNCT:
            return j
    return hi


#: the commas that may set off an apposition (the holder's name after a title)
APPOSITION_COMMAS = frozenset({"،", ","})


def _apposition(doc: Doc, actor_slot: Slot | None, s: Slot, resolve, cues: Cues) -> bool:
    """A bare phrase right after the actor's that names the same actor (a title, then the holder's name; a
    qualifier of the title may stand between: الرئيس الأمريكي السابق، باراك أوباما)."""
    if actor_slot is None or s.first <= actor_slot.last:
        return False
    between = doc.tokens[actor_slot.last + 1:s.first]
    commas = sum(t.text in APPOSITION_COMMAS for t in between)
    if commas > 1 or any(t.text not in APPOSITION_COMMAS and t.norm not in cues.title_qualifiers for t in between):
        return False
    # the same person: one id, or (for someone the gazetteer does not know) the office and country the title
    # gave the name after it (وزير الخارجية المصري أحمد ماهر)
    keys = {k for m in _slot_mentions(doc, actor_slot, resolve) if m.actor for k in _person_keys(m.actor)}
    if keys and any(m.actor and keys & _person_keys(m.actor) for m in _slot_mentions(doc, s, resolve)):
        return True
    # a title of an organisation's office, then between commas a person of its country (الأمين العام لحزب الله
    # اللبناني، حسن نصر الله،): the holder's name; so is a person of its country set off by commas on both sides
    # after any subject (دعا رئيس حركة النهضة، راشد الغنوشي، الحكومة)
    titled = actor_slot.entities and doc.tokens[actor_slot.first].start < actor_slot.entities[0].start
    closed = commas == 1 and s.last + 1 < len(doc.tokens) and doc.tokens[s.last + 1].text in APPOSITION_COMMAS
    own = countries(_slot_mentions(doc, actor_slot, resolve))
    return bool((titled or closed) and own and s.entities and all(e.type == "PER" for e in s.entities)
                and countries(_slot_mentions(doc, s, resolve)) == own)


def _trailing_title(doc: Doc, actor_slot: Slot | None, s: Slot, after: list[Slot], resolve, cues: Cues) -> bool:
    """A person's name, then the office they hold, then the object (اتهم إياد علاوي نائب الرئيس العراقي قطر): the
    office, of the person's own country, is the name's apposition. Without a bare party after it the office is
    the object (استقبل الرئيس فلان رئيس الوزراء العراقي)."""
    if actor_slot is None or s.first <= actor_slot.last or not actor_slot.entities \
            or any(e.type != "PER" for e in actor_slot.entities):
        return False
    words = [t.norm for t in doc.tokens[actor_slot.last + 1:s.first + 1]]
    if len(words) > TRAILING_TITLE_WORDS or not all(w in cues.political_titles for w in words[:-1]) \
            or not (words[0] in cues.political_titles or words[0] in cues.actor_nouns):
        return False
    if not any(x.prep is None and x.first > s.last for x in after):
        return False
    own = countries(_slot_mentions(doc, actor_slot, resolve))
    return bool(own) and countries(_slot_mentions(doc, s, resolve)) == own


#: how many words a title after a name may have before its country's phrase (نائب الرئيس العراقي)
TRAILING_TITLE_WORDS = 3


def _person_keys(a: Actor) -> set[tuple]:
    """What identifies the person an actor is: its id, or its office (role) in its country."""
    keys = {("id", a.id)} if a.id else set()
    if a.role and a.country:
        keys.add(("office", a.country, a.role))
    return keys


def _slot_mentions(doc: Doc, slot: Slot | None, resolve) -> list[Mention]:
    if slot is None:
        return []
    if resolve is not None and not slot.pair:
        if slot.resolved is None:
            start, end = doc.tokens[slot.first].start, doc.tokens[slot.last].end
            slot.resolved = list(resolve(doc, start, end) or [])
        if slot.resolved:
            return list(slot.resolved)
    if slot.pair:
        tok = doc.tokens[slot.first]
        return [Mention(text=tok.text, start=tok.start, end=tok.end, actor=None)]
    return [m for m in slot.mentions if m.actor is not None]


def _place(slots: list[Slot], i: int) -> Place | None:
    places = [s for s in slots if s.place]
    if not places:
        return None
    s = next((s for s in places if s.first > i), places[-1])
    e = s.entities[0]
    g = e.geo
    return Place(text=e.text, start=e.start, end=e.end, name=g.name if g else (e.actor.name if e.actor else None),
                 country=(g.country if g else (e.actor.country if e.actor else None)),
                 geonameid=g.geonameid if g else None, lat=g.lat if g else None, lon=g.lon if g else None)


#: relative pronouns (normalized): a clause they open describes the noun before them
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي"})


def _in_other_relative(doc: Doc, i: int, head: Head, t: TimeExpr, cues: Cues) -> bool:
    """Whether time ``t`` stands after the trigger in a relative clause on another noun, which it dates instead
    (طالب الرئيس باحترام الهدنة التي سرت الليلة الماضية: the truce's start, not the demand); a clause right after
    an event noun is its own (الزيارة التي يقوم بها اليوم). So is a clause without a relative pronoun, opened by
    a verb of being (حطموا واجهات متاجر في شارع كان نقطة اشتعال أعمال شغب العام الماضي) or by a verb with the
    antecedent's pronoun (طلبت تفسيرا لتصريح أدلى به الرئيس … يوم الجمعة)."""
    toks = doc.tokens
    if t.start < toks[i].end:
        return False
    j = i + 1
    while j < len(toks) and toks[j].start < t.start:
        w = toks[j].norm
        if w in RELATIVES and (head.form != "noun" or j > i + 1):
            return True
        if j > i + 1 and toks[j - 1].norm not in RELATIVES and (
                w in cues.clause_verbs
                or (j + 1 < len(toks) and toks[j + 1].start < t.start and toks[j + 1].norm in cues.relative_pps)):
            return True
        j += 1
    return False


#: the complementizers that open a reported clause (قالت الشرطة اليوم إن…، أعلن أمس أن…)
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان"})


def _before_complement(doc: Doc, i: int, t: TimeExpr) -> bool:
    """Whether time ``t`` stands before the complementizer of the reported clause holding the trigger
    (قالت الشرطة اليوم الخميس إن مسلحين هاجموا دورية يوم الأربعاء): it dates the statement, so a time of the
    clause itself dates the event (where the clause has none, the statement's time is still the best clue)."""
    toks = doc.tokens
    if t.end > toks[i].start:
        return False
    j = i - 1
    while j >= 0 and toks[j].start >= t.end:
        if toks[j].norm in COMPLEMENTIZERS:
            return True
        j -= 1
    return False


#: words before a date that make it a document's (القانون عدد 34 المؤرخ في 28 أفريل 2016): no event's date
DOCUMENT_DATED = frozenset({"المؤرخ", "المؤرخه", "المؤرخين", "المؤرختين"})


def _since(doc: Doc, i: int, t: TimeExpr) -> bool:
    """Whether a time after the trigger follows منذ (أول زيارة له منذ توليه الحكم في ماي الماضي): the start of
    something else, not the event's date."""
    toks = doc.tokens
    j = i + 1
    while j + 1 < len(toks) and toks[j + 1].start < t.start:
        if toks[j].norm == "منذ":
            return True  # (منذ right before the time, منذ أسبوع: "a week ago", may date the event itself)
        j += 1
    return False


def _document_date(doc: Doc, t: TimeExpr) -> bool:
    """Whether a time dates a document (a law, decree or letter) rather than a happening."""
    j = bisect.bisect_left([tok.start for tok in doc.tokens], t.start) - 1
    toks = doc.tokens
    if j >= 0 and toks[j].norm == "في":
        j -= 1
    return j >= 0 and toks[j].norm in DOCUMENT_DATED


def _reaches_ahead(t: TimeExpr, published: str | None) -> bool:
    """Whether a ranged time (``2017-02-20/2017-02-23``) ends after the publication date (ISO strings compare
    in time order at equal grain, and a day is the grain of a publication date)."""
    _, sep, end = t.value.partition("/")
    return bool(sep and published) and end[:10] > published[:10]


def _date(times: list[TimeExpr], offset: int, past_asserted: bool,
          published: str | None) -> tuple[str | None, str, str | None]:
    """The time of the sentence nearest the trigger; a past fact ignores future times (they date its object),
    also a span reaching past the publication date (وأكدت أنها ستصدر في غضون الأيام القليلة القادمة منشورا)."""
    best = None
    for t in times:
        if past_asserted and (t.direction == "future" or _reaches_ahead(t, published)):
            continue
        dist = abs(t.start - offset)
        if best is None or dist < best[0]:
            best = (dist, t)
    if best is not None:
        return best[1].value, "time", best[1].direction
    return published, "publication", None


def _update_state(state: State, d: Draft, doc: Doc) -> None:
    if d.actor and d.actor[0].actor is not None and d.actor[0].text not in ("",):
        if any(m.actor is not None for m in d.actor):
            state.last_actor = [m for m in d.actor if m.actor is not None]
    both = {m.actor.country: m for m in d.actor + d.recipient if m.actor is not None and m.actor.country}
    # talks between both (actor = recipient) or one meeting the other (التقى الرئيس المبعوث الأممي): the pair
    # that a later الجانبان، البلدين refers to
    if len(both) >= 2 and d.type in RECIPROCAL and d.modality != "negated" \
            and (countries(d.actor) == countries(d.recipient) or not countries(d.actor) & countries(d.recipient)):
        state.pair = list(both.values())
    if d.type in MEASURES and d.modality == "asserted":
        # (a measure naming no target keeps the one before's: قطعت علاقاتها مع قطر وإغلاق الحدود)
        kept = state.last_measure[2] if state.last_measure is not None else []
        state.last_measure = (d.type, d.mode, d.recipient or kept)
    _resolve_pair(d, state, doc)


def _resolve_pair(d: Draft, state: State, doc: Doc) -> None:
    """A dual noun (البلدين) left unresolved stands for the current pair of parties, or else for the two
    countries its sentence names (اللجنة المشتركة التونسية الجزائرية … اتفاقيات بين البلدين)."""
    for side in ("actor", "recipient"):
        ms = getattr(d, side)
        if ms and all(m.actor is None for m in ms):
            pair = state.pair or _sentence_pair(doc, d.sentence)
            m0 = ms[0]
            setattr(d, side, [Mention(text=m0.text, start=m0.start, end=m0.end, actor=p.actor) for p in pair])
    if d.type in RECIPROCAL and d.actor and not d.recipient and len(countries(d.actor)) >= 2:
        d.recipient = list(d.actor)


def _sentence_pair(doc: Doc, sent: Sentence) -> list[Mention]:
    """The parties of the two countries a sentence names, when it names exactly two (else none)."""
    found: dict[str, Mention] = {}
    for e in doc.entities:
        if sent.start <= e.start < sent.end:
            a = party_actor(e)
            if a is not None and a.country and a.country not in found:
                found[a.country] = Mention(text=e.text, start=e.start, end=e.end, actor=a)
    return list(found.values()) if len(found) == 2 else []


def _quote_events(doc: Doc, drafts: list[Draft], onto: Ontology) -> list[Draft]:
    """Events implied by a quote's cue (اتهم، طالب، هدد …) with the speaker as actor, when no trigger coded it."""
    taken = {(d.trigger.start, d.trigger.end) for d in drafts}
    out = []
    for q in doc.quotes:
        cue = q.cue
        if cue is None or not cue.implies or cue.implies not in onto.types or q.speaker is None:
            continue
        if any(s < cue.end and cue.start < e for s, e in taken):
            continue
        sent = doc.sentence_at(cue.start)
        if sent is None:
            continue
        actor = [q.speaker] if q.speaker.actor is not None else []
        out.append(Draft(type=cue.implies, mode=None, contexts=set(), trigger=doc.span(cue.start, cue.end),
                         sentence=sent, actor=actor, recipient=[], place=None, date=doc.article.date,
                         date_source="publication", modality="asserted", source="quote",
                         features={"curated": 1.0, "has_actor": float(bool(actor)), "verb": 1.0}))
    return out


def _lead_end(doc: Doc) -> int:
    """The end offset of the article's lead: its first two sentences (the headline and the first sentence, which
    dates what the headline reports)."""
    sents = doc.sentences
    return sents[min(1, len(sents) - 1)].end if sents else 0


def deduplicate(drafts: list[Draft], lead_end: int = 0) -> list[Draft]:
    """One event per happening: same type and modality, compatible dates, overlapping parties.

    A later mention without a date of its own (publication date) joins an earlier dated one; the kept event
    fills in the parties and place it lacked and lists the others' triggers as mentions. An undated mention in
    the lead (before ``lead_end``) takes the date of another only from the lead: a dated mention further on may
    be a later, similar event (the headline's arrest and one reported in the last paragraph).
    """
    kept: list[Draft] = []
    # only drafts of one type and modality can be the same happening: each is compared with its own group
    groups: dict[tuple[str, str], list[Draft]] = {}
    for d in drafts:
        group = groups.setdefault((d.type, d.modality), [])
        target = next((k for k in group if _same(k, d, lead_end)), None)
        if target is None:
            kept.append(d)
            group.append(d)
            continue
        target.mentions.append(d.trigger)
        if not target.actor and d.actor:
            target.actor = d.actor
        if not target.recipient and d.recipient:
            target.recipient = d.recipient
        if target.place is None and d.place is not None:
            target.place = d.place
        if target.date_source != "time" and d.date_source == "time":
            target.date, target.date_source = d.date, d.date_source
        target.contexts |= d.contexts
        for k, v in d.features.items():
            target.features[k] = max(target.features.get(k, 0.0), v)
        target.features["mentions"] = target.features.get("mentions", 1.0) + 1
    return kept


#: types whose modes are the means of one act, not separate acts: gunfire and a bomb in one report are one attack
ONE_ACT_MODES = frozenset({"ASSAULT"})


def _same(a: Draft, b: Draft, lead_end: int = 0) -> bool:
    if a.type != b.type or a.modality != b.modality:
        return False
    if a.date_source != "time" and b.date_source == "time" and a.sentence.start < lead_end <= b.sentence.start:
        return False  # the headline's undated event is not dated by a mention after the lead
    if a.mode and b.mode and a.mode != b.mode and a.type not in ONE_ACT_MODES:
        return False  # أغلقت الشرطة الطريق واعتقلت رجلا: a closure and an arrest are two acts of one actor
    if a.date != b.date and a.date_source == "time" and b.date_source == "time":
        return False
    pa, pb = countries(a.actor) | countries(a.recipient), countries(b.actor) | countries(b.recipient)
    if pa and pb:
        return bool(countries(a.actor) & countries(b.actor)) or (pa == pb)
    return not pa and not pb and a.sentence is b.sentence


def default_confidence(d: Draft) -> float:
    """A prior before calibration: lexicon source, pattern length, arguments found (see evaluate.calibrate)."""
    f = d.features
    score = 0.35 + 0.2 * f.get("curated", 0) + 0.1 * f.get("multiword", 0) + 0.15 * f.get("has_actor", 0) \
        + 0.05 * f.get("has_recipient", 0) + 0.05 * f.get("has_time", 0)
    return max(0.05, min(0.95, score))


def _finish(doc: Doc, d: Draft, onto: Ontology, confidence: float) -> Event:
    quad, intensity, cameo = onto.code(d.type, d.mode)
    return Event(id=make_id(doc.article.id, "event", d.trigger.start, d.trigger.end), type=d.type, mode=d.mode,
                 contexts=tuple(sorted(d.contexts)), cameo=cameo, quad=quad, intensity=intensity,
                 actor=tuple(d.actor), recipient=tuple(d.recipient), trigger=d.trigger, date=d.date,
                 date_source=d.date_source, place=d.place, modality=d.modality,
                 sentence=SentenceRef(start=d.sentence.start, end=d.sentence.end),
                 confidence=round(confidence, 3), mentions=tuple(d.mentions), source=d.source)

