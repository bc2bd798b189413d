"""Modality of an event: asserted, future, negated, hypothetical or historical.

Scopes are short on purpose: a negation particle governs the word right after it (لم يلتق، عدم الانسحاب), a
conditional or modal the clause it opens, a future cue the clause. A past-tense verb is never future on the
strength of a time word (اتفقا على عقد جولة … الأسبوع المقبل: the agreement happened; the round is future).
Historical is decided from the date: more than a year before publication. The sentence's cues are first
cleared of words that only look modal (:func:`_without_relative_ma`, :func:`_without_assertive_qad`): ما as
the relative "what" (حسب ما أعلنت) and an assertive قد (كان قد شارك، وقد أعلنت).
"""
from __future__ import annotations

import datetime as dt

from .cues import cue_between

#: how far before the trigger a negation particle may stand (tokens)
NEG_SCOPE = 2
#: how far before the trigger a conditional/modal or future cue may stand (tokens)
CLAUSE_SCOPE = 8
HISTORICAL_DAYS = 365


def find_modality(found: dict[str, list[int]], i: int, lo: int, hi: int, *, past_verb: bool,
                  future_prefix: bool) -> str:
    """Modality from the sentence's cues (``cues.sentence_cues``) around the trigger at ``i`` in ``[lo, hi)``."""
    if cue_between(found, "modality:negated", max(lo, i - NEG_SCOPE), i):
        return "negated"
    if cue_between(found, "modality:hypothetical", max(lo, i - CLAUSE_SCOPE), i):
        return "hypothetical"
    if future_prefix:
        return "future"
    if not past_verb and cue_between(found, "modality:future", max(lo, i - CLAUSE_SCOPE),
                                     min(hi, i + 1 + CLAUSE_SCOPE)):
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
