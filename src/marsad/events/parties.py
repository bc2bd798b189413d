"""Who did it and to whom: the helpers that pick a trigger's actor and recipient among the sentence's slots.

:mod:`.arguments` finds the candidate slots (noun phrases with their entities and preposition); these
functions decide by position and wording which one is the doer and which the one acted on: a subject before or
after its verb, a relative's antecedent, the subject of a doing verb for an event noun (الهجوم الذي نفذته), the
victim in the genitive (اغتيال الرئيس), counted people, appositions and titles, a source a report is
attributed to (نقلا عن), which is no party, and the event's place. Arabic word order and the two readings of a
verbal noun's genitive make these the largest share of the coder's rules, so they stand apart from the
orchestration in :mod:`.coder`.
"""
from __future__ import annotations

from dataclasses import replace

from ..doc import Doc, Sentence
from ..records import Actor, Mention, Place
from .arguments import AFFILIATION, Slot, _proclitic_prep
from .cues import Cues
from .draft import State, countries
from .lexicon import Head


#: how far after a verb its subject may stand (VSO), in tokens
VSO_SCOPE = 5
#: how far after an event noun a doing verb (نفذه، شنته) may stand, and its subject after that verb
AGENT_VERB_SCOPE = 12
AGENT_SCOPE = 6
#: the "prepositions" of a subject standing before its verb or after an agent verb (none, or a group's side)
SUBJECT_PREPS = (None, AFFILIATION)
#: the complementizers (normalized) that open what a speaker reports
SUBORDINATORS = frozenset({"ان", "بان", "وان"})
#: how far after a verb the complement clause (أن …) may open that ends a long subject before it
COMPLEMENT_SCOPE = 12
#: nominative plural/dual endings: a nationality in them is a subject (جنود إسرائيليون)
NOMINATIVE = frozenset({"ون", "ان"})
#: how close after a bare actor noun (وحذرت الوزيرة ترامب) a name must follow to be the verb's object
BARE_NOUN_SCOPE = 3
#: how far before a possessive event noun an expressing verb may stand (عبر المكتب السياسي لحزب حركة النهضة عن رفضه)
EXPRESS_SCOPE = 10
#: how far before an event noun a verb of undergoing (تعرض) may stand
UNDERGO_SCOPE = 8
#: types whose verbal noun takes its victim/object, not its doer, in the genitive (اغتيال الرئيس)
OBJECT_GENITIVE = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT"})
#: modes of those types whose genitive is still the doer (استقالته، انسحابها من الاتفاق: who resigns, withdraws)
SUBJECT_GENITIVE_MODES = frozenset({"resign", "withdraw"})
#: punctuation that ends the clause of a verbal noun
CLAUSE_PUNCT = frozenset({"،", ",", "؛", ";", ":", "."})
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


#: endings of the accusative participle of a circumstantial clause (داعيا، داعين، مطالبين)
CIRCUMSTANTIAL_ENDINGS = ("ا", "ين")


def _circumstantial(norm_word: str, head: Head, state: State, sent: Sentence) -> bool:
    """Whether the trigger is an accusative participle after a verb whose doer this sentence already named."""
    return head.trigger.kind == "participle" and norm_word.endswith(CIRCUMSTANTIAL_ENDINGS) \
        and bool(state.last_actor) and all(sent.start <= m.start < sent.end for m in state.last_actor)


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
