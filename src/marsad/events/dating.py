"""When it happened: which of the sentence's times dates an event.

The time nearest the trigger dates it, unless it dates something else: a relative clause on another noun
(الهدنة التي سرت الليلة الماضية), the start after منذ, a document (المؤرخ في), the statement when the event
stands in a reported clause that has a time of its own, and, for a past fact, a future time or a span reaching
past publication. With no time left the publication date stands in, and ``date_source`` says so, because
deduplication and the historical modality treat a stated date and a fallback differently.
"""
from __future__ import annotations

import bisect

from ..doc import Doc
from ..records import TimeExpr
from .cues import Cues
from .lexicon import Head
from .parties import RELATIVES, SUBORDINATORS


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



def _before_complement(doc: Doc, i: int, t: TimeExpr) -> bool:
    """Whether time ``t`` stands before the complementizer of the reported clause holding the trigger
    (قالت الشرطة اليوم الخميس إن مسلحين هاجموا دورية يوم الأربعاء): it dates the statement, so a time of the
    clause itself dates the event (where the clause has none, the statement's time is still the best clue)."""
    toks = doc.tokens
    if t.end > toks[i].start:
        return False
    j = i - 1
    while j >= 0 and toks[j].start >= t.end:
        if toks[j].norm in SUBORDINATORS:  # a reported clause opens (قالت الشرطة اليوم إن…)
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
