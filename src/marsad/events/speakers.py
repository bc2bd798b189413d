"""What quotes and their speakers tell the event coder.

A trigger inside a quote takes its arguments from the quote only (:func:`_clause`). A speaker is the doer of
their own first-person verb, of a verb opening what they report of their own side (أعلنت الوزارة أنها قتلت),
and the one a possessive event noun of their sentence refers to (خلال زيارته); a quote cue that implies an
event (اتهم، طالب، هدد) is one even when no trigger coded it (:func:`_quote_events`). These rules all read the
quotes stage's output (speaker, cue, span), so they live together, apart from position-based argument finding.
"""
from __future__ import annotations

import bisect
from operator import attrgetter

from ..doc import Doc, Sentence
from ..records import Actor, Mention
from .arguments import Slot
from .cues import Cues
from .draft import Draft
from .lexicon import Head
from .ontology import Ontology
from .parties import SUBORDINATORS


#: how far into what a speaker reports (after أنها) a verb may stand and still be the speaker's act (أنها قد قتلت)
SPEAKER_VERB_SCOPE = 3


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


def _first_person(norm_word: str, head: Head) -> bool:
    """Whether a present verb carries the first-person prefix (نرفض، أطالب، ونؤكد، سنقاطع)."""
    if head.form != "present":
        return False
    w = norm_word[1:] if norm_word[:1] in "وف" else norm_word
    w = w[1:] if w[:1] == "س" else w
    return w[:1] in "نا"


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
