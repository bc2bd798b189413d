"""The event being built, and the discourse state carried from one sentence to the next.

A :class:`Draft` stays mutable because later steps (quote events, deduplication, the story's country) fill in
what its sentence could not name. :class:`State` remembers the last actor (for dropped subjects), the current
pair of parties (for البلدين and for talks named without their parties) and the last material measure (for
إجراءات مماثلة); :func:`_update_state` advances it after each draft. They stand apart from :mod:`.coder` so
that the modules reading drafts (:mod:`.dedup`, :mod:`.speakers`, :mod:`.confidence`) need not import the
orchestration.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..doc import Doc, Sentence
from ..records import Mention, Place, Span
from .arguments import party_actor


#: types of material measures a party takes, which others may take "similar" ones of (إجراءات مماثلة)
MEASURES = frozenset({"SANCTION", "COERCE", "MOBILIZE", "AID", "RETREAT", "CONCEDE"})
#: types that are reciprocal when they have two or more actors and no recipient (talks, agreements)
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})


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
