"""Find and code the events of one analysed article (a pure function of the Doc).

Steps, per sentence (NGEC's split): trigger (lexicon match, longest and hand-curated first) → type and mode →
contexts → actor and recipient slots → place → date → modality; then quote-implied events; then
within-article deduplication; then confidence (and, when the statistical classifier is installed, its vote).
Discourse state carried from sentence to sentence: the last actor (for dropped subjects) and the current pair
of parties (the two sides of the talks, for البلدين and for talks mentioned without their parties). This module
holds that orchestration (:func:`code_events`, :func:`_draft`, :func:`_arguments`) and the finishing; each step's
rules live in their own module: :mod:`.spotting` (triggers), :mod:`.parties` (actor and recipient),
:mod:`.speakers` (quotes), :mod:`.retyping` (type and mode from context), :mod:`.dating` (dates),
:mod:`.dedup` (deduplication), :mod:`.draft` (the event being built and the discourse state).
"""
from __future__ import annotations

import bisect
from itertools import compress
from operator import attrgetter
from typing import Callable

from ..doc import Doc, Sentence
from ..records import Actor, Event, Mention, SentenceRef, TimeExpr, make_id
from ..text.normalize import normalize
from .arguments import RECIPIENT_PREPS, Slot, entity_starts, sentence_slots
from .cues import Cues, sentence_cues
from .dating import _before_complement, _date, _document_date, _in_other_relative, _since
from .dedup import _lead_end, deduplicate
from .draft import RECIPROCAL, Draft, State, _update_state, countries
from .lexicon import Head, Lexicon
from .modality import _without_assertive_qad, _without_relative_ma, find_modality, is_historical
from .ontology import Ontology
from .parties import (BARE_NOUN_SCOPE, OBJECT_GENITIVE, RELATIVES, VSO_SCOPE, _agent_slot, _apposition, _attributed,
                      _bare_actor_noun, _circumstantial, _clause_end, _coordinated_subject, _counted, _counterpart,
                      _earlier_subject, _expressing_subject, _identity, _object_genitive, _own_subject,
                      _past_times, _pattern_object, _place, _relative_antecedent, _same_party, _slot_mentions,
                      _subject_before_complement, _titled_subject, _trailing_title, _undergone, _unnamed_victims)
from .retyping import ARMED_CUES, REFUSABLE, _hostage_taking, _in_words, _mode_from_cues, _refused
from .speakers import (_clause, _first_person, _quote_events, _quote_of, _quote_ranges, _recent_speaker,
                       _sentence_speaker, _speaker_subject)
from .spotting import _names_event, _triggers, name_interiors


#: how far after a crowd participle the من of its origin may stand (متظاهرون من أبناء دارفور)
CROWD_ORIGIN_SCOPE = 3
#: the least confidence of an event reported after the article's lead (the headline and first sentence): the
#: classifier-averaged PROTEST/ASSAULT candidates below it there were mostly background or names on dev samples
BEYOND_LEAD_FLOOR = 0.3
#: how far after a verbal noun its genitive may stand
GENITIVE_SCOPE = 2
#: the auxiliary of the periphrastic passive (تم اعتقاله): the word after it is a verbal noun
PASSIVE_AUX = frozenset({"تم", "وتم", "يتم", "ويتم", "سيتم", "وسيتم", "ليتم"})
#: how far after a verb the agent of its passive (من قبل + name) may start
PASSIVE_AGENT_SCOPE = 3
#: how far after the trigger a recipient may stand
RECIPIENT_SCOPE = 12
#: types whose target may be named as the doer of what they judge (تصريحات من قبل فلان)
VERBAL_CONFLICT = frozenset({"ACCUSE", "REJECT", "THREATEN"})
#: types whose unnamed doers are taken to be people of the place where the event happened
LOCAL_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE"})
#: the sector of an unnamed doer of a local type: protesters are civilians, who arrests or seizes is the police
LOCAL_SECTORS = {"PROTEST": "CVL", "COERCE": "COP"}
#: the quad classes (verbal, material cooperation) whose events need a party: talks or aid between nobody named
#: (a sports fixture, مبادرة، الشراكة) are no event data, while an attack or a protest by unknown people is
COOPERATIVE_QUADS = frozenset({1, 2})
#: the types that take the current pair of parties when a talks noun has none of its own
PAIR_TYPES = frozenset({"CONSULT", "AGREE"})
NORM = attrgetter("norm")


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


def _possessive(text: str) -> bool:
    """Whether a noun carries a possessive pronoun (زيارته، لقائها، اتصالهم; not زيارة)."""
    return text.endswith(("ه", "ها", "هم", "هما")) and not text.endswith("ة")


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
    # a lead sentence of a dated article is dated by its publication date: news states its main attack without
    # a time word (قصفت الطائرات … alone was rejected, issue 6); further on, an undated mention is background
    dated = date_source == "time" or (doc.article.date is not None and sent.end <= _lead_end(doc))
    feats.update({"curated": float(trig.source == "curated"), "multiword": float(bool(follow)),
                  "verb": float(head.form != "noun"), "has_actor": float(bool(actor)),
                  "has_recipient": float(bool(recipient)), "has_time": float(dated),
                  "has_place": float(place is not None), "asserted": float(modality in ("asserted", "historical"))})
    return Draft(type=typ, mode=mode, contexts=contexts, trigger=doc.span(tok.start, tok.end),
                 sentence=sent, actor=actor, recipient=recipient, place=place, date=date,
                 date_source=date_source, modality=modality, source=f"lexicon:{trig.source}", features=feats)


#: the quad classes of verbal acts (verbal cooperation and conflict), which a speaker's words can do
VERBAL_QUADS = frozenset({1, 3})
#: sectors whose speakers reporting talks are taken to hold them (government, parliament, parties, unions)
NEGOTIATORS = frozenset({"GOV", "LEG", "PTY", "LAB"})
#: how far after a talks noun its مع ("with" the other side) may stand (المفاوضات متواصلة مع)
WITH_SCOPE = 3


def is_definite(norm_word: str) -> bool:
    """Whether a normalized word carries the article (المظاهره، والمتظاهرون، للمظاهره، بالاحتجاجات)."""
    w = norm_word[1:] if norm_word[:1] in "وف" else norm_word
    return w.startswith(("ال", "لل")) or (w[:1] in "بك" and w[1:3] == "ال")


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


#: how far after an attack noun its owner with ل may stand (after an adjective: ضربات جوية للتحالف)
LAM_DOER_SCOPE = 3


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
