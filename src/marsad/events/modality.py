"""Modality of an event: asserted, future, negated, hypothetical or historical.

Scopes are short on purpose: a negation particle governs the word right after it (لم يلتق، عدم الانسحاب), a
conditional or modal the clause it opens, a future cue the clause. A past-tense verb is never future on the
strength of a time word (اتفقا على عقد جولة … الأسبوع المقبل: the agreement happened; the round is future).
Historical is decided from the date: more than a year before publication.
"""
from __future__ import annotations

import datetime as dt

from .cues import Cues, has_cue

#: how far before the trigger a negation particle may stand (tokens)
NEG_SCOPE = 2
#: how far before the trigger a conditional/modal or future cue may stand (tokens)
CLAUSE_SCOPE = 8
HISTORICAL_DAYS = 365


def find_modality(words: list[str], i: int, lo: int, hi: int, cues: Cues, *, past_verb: bool,
                  future_prefix: bool) -> str:
    """Modality from cue words around the trigger at ``i`` in the clause ``words[lo:hi]``."""
    if has_cue(words, max(lo, i - NEG_SCOPE), i, cues.modality["negated"]) >= 0:
        return "negated"
    if has_cue(words, max(lo, i - CLAUSE_SCOPE), i, cues.modality["hypothetical"]) >= 0:
        return "hypothetical"
    if future_prefix:
        return "future"
    if not past_verb:
        before = has_cue(words, max(lo, i - CLAUSE_SCOPE), i, cues.modality["future"])
        after = has_cue(words, i + 1, min(hi, i + 1 + CLAUSE_SCOPE), cues.modality["future"])
        if before >= 0 or after >= 0:
            return "future"
    return "asserted"


def is_historical(date: str | None, published: str | None) -> bool:
    """Whether an event date lies more than a year before the publication date."""
    if not date or not published:
        return False
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    value = date.split("/")[-1]
    try:
        if len(value) == 4:
            end = dt.date(int(value), 12, 31)
        elif len(value) == 7 and value[4] == "-" and value[5] != "W":
            y, m = int(value[:4]), int(value[5:7])
            end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
        elif "-W" in value:
            end = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 7)
        else:
            end = dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return (pub - end).days > HISTORICAL_DAYS
