"""One event per happening: merging the drafts of an article that report the same event.

An article names an event several times (the headline, the lead, a later recap). Drafts of one type and
modality with compatible dates and overlapping parties merge, the kept one filling in the parties, place and
date it lacked and listing the others' triggers as mentions. The lead (headline and first sentence) is treated
apart: an undated mention there takes a date only from the lead, as a dated mention further on may be a later,
similar event.
"""
from __future__ import annotations

from ..doc import Doc
from .draft import Draft, countries


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
