"""Argument spans: who did it, to whom, and where, from the clause around a trigger.

A sentence is first read into *slots*: groups of coordinated entities (إيران والولايات المتحدة، الوفدين
الإيراني والأمريكي), each with the preposition that governs it (مع، ضد، على، إلى، بين، في …) and whether it
is a party or a place. Places (a GPE or LOC after في, or with the ب of location) never become parties. A
nationality adjective (NORP) is a party only after an actor noun (الوفد الإيراني), never as the adjective of a
thing (البرنامج النووي الإيراني). The event coder then picks the actor and recipient slots by position:
the subject after a verb (VSO) or before it (SVO), the genitive of a verbal noun, the object of a preposition.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter
from typing import Sequence

from ..doc import Doc, Token
from ..records import Actor, Entity, Mention
from .cues import Cues

#: prepositions that may govern a party slot (normalized; ب and ل also as proclitics)
PREPOSITIONS = frozenset({"من", "الي", "علي", "مع", "ضد", "في", "عن", "بين", "لدي", "حول", "تجاه", "ازاء", "عبر",
                          "خلال", "بعد", "قبل", "منذ", "نحو", "مقابل"})
#: prepositions whose object is a recipient of the event
RECIPIENT_PREPS = frozenset({"مع", "ضد", "علي", "الي", "ل", "ب", "لدي", "تجاه", "ازاء", "بين", "من", "عن", "ل+"})
#: the "preposition" of a group named through its side (تابعة للقوات الأمريكية، الموالين لطالبان، عناصر من
#: حماس): that side is
#: the doer when the group is the subject before the verb or of an agent verb, else a recipient like ل
AFFILIATION = "ل+"
#: the nouns of "by" after من that introduce an agent (من قبل، من طرف)
#: the agent of a passive or a verbal noun: من قبل، من طرف (Maghreb usage), على يد، على أيدي
AGENT_NOUNS = {"قبل": ("من", "ومن"), "طرف": ("من", "ومن"), "يد": ("علي", "وعلي"), "ايدي": ("علي", "وعلي")}
PLACE_TYPES = frozenset({"GPE", "LOC"})
#: plural nationality nouns (الفلسطينيين، الإسرائيليون) name people, so they are parties on their own
PLURAL_GENTILIC = ("يين", "يون", "يات")
NORM = attrgetter("norm")


@dataclass(slots=True)
class Slot:
    """Coordinated entities at one place in a sentence."""

    first: int                # index of the first token (in doc.tokens)
    last: int                 # index of the last token
    prep: str | None          # governing preposition (normalized) or None
    place: bool               # a place, not a party
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    pair: bool = False        # a dual noun (البلدين) standing for the article's current pair of parties
    adjective: bool = False   # a nationality adjective of an event noun (غارة إسرائيلية): its doer
    resolved: list[Mention] | None = None  # what the entities stage's resolver said (asked once per slot)


def party_actor(e: Entity) -> Actor | None:
    """The actor an entity stands for: its resolved actor, else the country of a geocoded GPE (a LOC — a
    district, a mountain, a river — stands for nobody)."""
    if e.actor is not None and (e.actor.country or e.actor.name):
        return e.actor
    if e.type == "GPE" and e.geo is not None and e.geo.country:
        return Actor(name=e.geo.name, country=e.geo.country, kind="country")
    return None


def _proclitic_prep(tok: Token) -> str | None:
    for p in tok.parts:
        if p.kind == "proclitic" and p.text in ("ب", "ل"):
            return p.text
    return None


def entity_starts(doc: Doc) -> dict[int, Entity]:
    """Token index -> the entity starting in that token (the longest one)."""
    out: dict[int, Entity] = {}
    if not doc.entities:
        return out
    import bisect
    starts = [t.start for t in doc.tokens]
    for e in doc.entities:
        i = bisect.bisect_right(starts, e.start) - 1
        if i < 0 or doc.tokens[i].end <= e.start:
            continue
        cur = out.get(i)
        if cur is None or (e.end - e.start) > (cur.end - cur.start):
            out[i] = e
    return out


def _last_token(doc: Doc, i: int, e: Entity, hi: int) -> int:
    j = i
    while j + 1 < hi and doc.tokens[j + 1].start < e.end:
        j += 1
    return j


def sentence_slots(doc: Doc, lo: int, hi: int, ents: dict[int, Entity], cues: Cues,
                   event_nouns: frozenset[int] = frozenset()) -> list[Slot]:
    """The slots of the tokens ``doc.tokens[lo:hi]``, in order.

    ``event_nouns``: token indexes of verbal-noun triggers, whose nationality adjective names the doer.
    """
    toks = doc.tokens
    slots: list[Slot] = []
    span = range(lo, hi)
    # only entity starts and pair nouns open slots: the loop visits those tokens alone
    starts = sorted({*compress(span, map(ents.__contains__, span)),
                     *compress(span, map(cues.pair_forms.__contains__, map(NORM, toks[lo:hi])))})
    i = lo
    for p in starts:
        if p < i:
            continue  # inside the slot before
        i = p
        tok = toks[i]
        e = ents.get(i)
        if e is None:
            slots.append(Slot(first=i, last=i, prep=_prep_before(toks, i, lo), place=False, pair=True))
            continue
        prev = toks[i - 1].norm if i > lo else ""
        if e.type in PLACE_TYPES and e.geo is not None and e.geo.country:
            noun = _people_noun_before(toks, i, lo, cues)
            if noun >= 0:
                slots.append(_people_slot(doc, noun, i, e, lo, hi, cues))
                i = slots[-1].last + 1
                continue
        prep = _prep_before(toks, i, lo)
        if (prep == "ل" and prev in cues.affiliation) or (prep == "من" and _member_before(toks, i, lo, cues)):
            # قوات تابعة للجيش الأمريكي، المسلحون الموالون لطالبان، مهاجم انتحاري من حركة طالبان: the group's side
            prep = AFFILIATION
        is_place = e.type in PLACE_TYPES and (prep == "في" or (prep == "ب" and prev not in PREPOSITIONS)
                                              or prev == "في" or prev in cues.place_heads)
        head = i
        office = _office_before(toks, i, lo, cues) if prep == "ل" else \
            _office_before(toks, i, lo, cues, gap=2) if prev == "باسم" else \
            _seat_before(toks, i, lo, cues) if prep in ("ب", "في") and e.type == "ORG" else -1
        if office >= 0:
            # الأمين العام للأمم المتحدة، المبعوث الخاص لمجلس التعاون: the holder of the organisation's office, who
            # stands where its own noun does (the subject after a verb), not a recipient behind ل
            head, prep = office, _prep_before(toks, office, lo)
        adjective = False
        if e.type == "NORP":
            noun = _actor_noun_before(toks, i, lo, cues)
            if noun >= 0:
                head, prep = noun, _prep_before(toks, noun, lo)
            elif any(j in event_nouns for j in range(max(lo, i - 2), i)):
                adjective = True
            elif not tok.norm.endswith(PLURAL_GENTILIC):
                continue
        if e.type not in ("PER", "ORG", "GPE", "LOC", "NORP") or (party_actor(e) is None and not is_place):
            continue
        slot = Slot(first=head, last=_last_token(doc, i, e, hi), prep=prep, place=is_place, adjective=adjective)
        _add(slot, e)
        # coordination: X و Y (و Z …) of the same kind
        j = slot.last + 1
        while j < hi and j in ents and _conjoined(toks[j], ents[j]):
            e2 = ents[j]
            if e2.type == "NORP" and e.type != "NORP":
                break
            if party_actor(e2) is None:
                break
            _add(slot, e2)
            slot.last = _last_token(doc, j, e2, hi)
            j = slot.last + 1
        slots.append(slot)
        i = slot.last + 1
    return slots


def _conjoined(tok: Token, e: Entity) -> bool:
    """Whether the entity at ``tok`` is joined by a proclitic و (والأردن، ووزير الخارجية) — not a name or noun
    whose own first letter is و (وزير الخارجية، واشنطن، وكالة الأنباء)."""
    return tok.norm.startswith("و") and (e.start > tok.start or any(p.kind == "proclitic" and p.text == "و"
                                                                      for p in tok.parts))


def _member_before(toks: Sequence[Token], i: int, lo: int, cues: Cues) -> bool:
    """Whether the من before token ``i`` follows a noun of members (عناصر من، مسلحون من، مهاجما انتحاريا من)."""
    for j in (i - 2, i - 3):
        if j >= lo:
            w = toks[j].norm
            if w in cues.members or (w[:1] in "وف" and w[1:] in cues.members):
                return True
    return False


def _office_before(toks: Sequence[Token], i: int, lo: int, cues: Cues, *, gap: int = 1) -> int:
    """The index of an office noun ``gap`` words before token ``i`` (or one more word back over a qualifier), or -1:
    the noun governing the ل of token ``i`` (الأمين العام لـ، المبعوث الخاص لـ، مدير لـ; gap 1), or the one before the
    باسم in front of it (الناطق الرسمي باسم الحزب، المتحدث باسم; gap 2)."""
    j = i - gap
    if j > lo and toks[j].norm in cues.office_qualifiers:
        j -= 1
    if j < lo:
        return -1
    w = toks[j].norm
    return j if w in cues.offices or (w[:1] in "وف" and w[1:] in cues.offices) else -1


def _seat_before(toks: Sequence[Token], i: int, lo: int, cues: Cues) -> int:
    """The index of a seat noun right before the ب/في of token ``i`` (النائب بمجلس، القيادي في حركة), or -1."""
    j = i - 1 if _proclitic_prep(toks[i]) else i - 2
    if j < lo:
        return -1
    w = toks[j].norm
    return j if w in cues.seats or (w[:1] in "وف" and w[1:] in cues.seats) else -1


def _people_noun_before(toks: Sequence[Token], i: int, lo: int, cues: Cues) -> int:
    """The index of a noun of people right before a place (أبناء دارفور، سكان غزة), or -1."""
    if i <= lo:
        return -1
    w = toks[i - 1].norm
    return i - 1 if w in cues.people_nouns or (w[:1] in "وفبل" and w[1:] in cues.people_nouns) else -1


def _people_slot(doc: Doc, noun: int, i: int, e: Entity, lo: int, hi: int, cues: Cues) -> Slot:
    """أبناء دارفور، أهالي غزة: the people of a place are a party of the place's country (civilians).

    A partitive من after a quantity (المئات من أبناء دارفور) does not govern: the people are the subject."""
    toks = doc.tokens
    prep = _prep_before(toks, noun, lo)
    q = toks[noun - 2].norm if noun - 2 >= lo else ""
    if prep == "من" and (q in cues.quantity or (q[:2] == "ال" and q[2:] in cues.quantity)):
        prep = None
    start, end = toks[noun].start, e.end
    m = Mention(text=doc.text[start:end], start=start, end=end,
                actor=Actor(name=e.geo.name, country=e.geo.country, sector="CVL", kind="unnamed"))
    return Slot(first=noun, last=_last_token(doc, i, e, hi), prep=prep, place=False, mentions=[m], entities=[e],
                resolved=[m])


def _add(slot: Slot, e: Entity) -> None:
    slot.entities.append(e)
    slot.mentions.append(Mention(text=e.text, start=e.start, end=e.end, actor=party_actor(e)))


#: "each of" before من (كل من مصر والأردن): the من opens a list of parties, not a source
EACH_OF = frozenset({"كل", "وكل"})


def _prep_before(toks: Sequence[Token], i: int, lo: int) -> str | None:
    """The preposition governing token ``i``: a proclitic ب/ل on it, or the word before it."""
    pro = _proclitic_prep(toks[i])
    if pro:
        return pro
    if i > lo:
        w = toks[i - 1].norm
        for j in range(i - 1, max(lo + 1, i - 4) - 1, -1):
            if toks[j - 1].norm in AGENT_NOUNS.get(toks[j].norm, ()):
                # the agent of a passive or a verbal noun: تم اغتصابها من قبل (عدد من) ضباط، اختطافه من طرف
                # مجموعة إرهابية، تم قتله على يد الشرطة
                return "من قبل"
        if w == "من" and i - 2 >= lo and toks[i - 2].norm in EACH_OF:
            # أعلنت كل من الإمارات والبحرين: "each of" names the parties themselves (a preposition before كل
            # governs them: على كل من)
            return _prep_before(toks, i - 2, lo)
        if w in PREPOSITIONS:
            return w
        if w[:1] in "وف" and w[1:] in PREPOSITIONS:
            return w[1:]
    return None


def _actor_noun_before(toks: Sequence[Token], i: int, lo: int, cues: Cues) -> int:
    """The actor noun a NORP at ``i`` qualifies (الوفد الإيراني، قوات الأمن العراقية), or -1."""
    for j in range(i - 1, max(lo, i - 3) - 1, -1):
        w = toks[j].norm
        if w in cues.actor_nouns or (w[:1] in "وفبل" and w[1:] in cues.actor_nouns) \
                or (w.startswith("لل") and "ا" + w[1:] in cues.actor_nouns):  # للطيران: ل + الطيران
            return j
        if toks[j].kind != "word":
            return -1
    return -1


def resolve_hook():
    """``marsad.entities.resolve.resolve_parties`` when the entities stage provides it, else None."""
    try:
        from ..entities import resolve  # type: ignore[attr-defined]
    except ImportError:
        return None
    return getattr(resolve, "resolve_parties", None)


def story_hook():
    """The article's country (``marsad.entities``' story country: the one it names clearly, else a local
    outlet's home) as a function of the doc when the entities stage provides it, else None."""
    try:
        from ..entities.resolve import doc_index, load_gazetteer  # type: ignore[attr-defined]
    except ImportError:
        return None

    def story(doc: Doc) -> str | None:
        g = load_gazetteer()
        return doc_index(doc, g).country(g, doc.article.source)
    return story
