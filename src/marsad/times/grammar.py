"""The temporal grammar: ordered regex rules over normalized text, each with a resolver.

Every rule is a regular expression with named groups and a function that turns its match into a value. All rules
are joined into one alternation (group names stripped, one wrapper group per rule) so that an article is scanned
once; the rule that matched is then re-run on its span alone to read the groups. Python's alternation takes the
first rule that matches at the leftmost position, so the rules are listed from the most specific (a full date
with weekday and year) to the least (a bare weekday); a longer reading therefore always wins over a part of it.
Each rule also lists the words it can begin with (``Rule.first``): the scanner tries a rule only where one of
them stands, which is what keeps a scan of a news article well under a millisecond.

The patterns are written against normalized text (see :mod:`marsad.text.normalize`): alef forms are ا, ta
marbuta is ه, alef maqsura is ي and digits are ASCII. Words come from the lexicon (``data/*.tsv``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from . import calendar as cal
from .lexicon import Lexicon, alternation

#: what a resolver returns for a duration; otherwise (value, grain), or None (no reading: the match is dropped)
DURATION = "duration"

#: stands for "a number" among a rule's first words
DIGIT = "<digit>"

#: how vague plurals (الأيام المقبلة، بضعة أسابيع) are counted
VAGUE_COUNT = 3


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: str
    resolve: Callable[["re.Match[str]", "Context"], object]
    #: the words a match can begin with (DIGIT: a number): the scanner tries the rule only where one stands
    first: frozenset[str] = frozenset()


class Context:
    """What a resolver may ask about the text around its match: the anchor and the direction of the clause."""

    def __init__(self, lex: Lexicon, anchor: dt.date | None, direction: Callable[[int, int], str | None]):
        self.lex = lex
        self.anchor = anchor
        self.clause_direction = direction
        #: weekday -> date of its last resolved mention (a later bare mention refers back to it)
        self.weekdays: dict[int, dt.date] = {}


# ---------------------------------------------------------------- reading groups


def number_value(text: str, lex: Lexicon) -> int | None:
    """Value of a run of number words (cardinal or ordinal, summed: ألف وتسعمائة وثمانية وسبعون = 1978)."""
    total, seen = 0, False
    for w in re.findall(r"[\u0621-\u064a]+", text):
        entry = lex.numbers.get(w)
        if entry is None and w.startswith("و"):
            entry = lex.numbers.get(w[1:])
        if entry is None and w.startswith("ل"):
            entry = lex.numbers.get("ا" + w)
        if entry is None and w.startswith("ال"):  # الأسابيع الثلاثة
            entry = lex.numbers.get(w[2:])
        if entry is None:
            continue
        total += entry[0]
        seen = True
    return total if seen else None


def _int(m: re.Match, digits: str, words: str, lex: Lexicon) -> int | None:
    if m.groupdict().get(digits):
        return int(m.group(digits))
    if m.groupdict().get(words):
        return number_value(m.group(words), lex)
    return None


def _day(m: re.Match, lex: Lexicon, s: str = "") -> int | None:
    g = m.groupdict()
    if g.get("d" + s):
        return int(g["d" + s])
    for k in ("o" + s, "c" + s):
        if g.get(k):
            return number_value(g[k], lex)
    return None


def _year(m: re.Match, lex: Lexicon, s: str = "") -> int | None:
    y = _int(m, "y" + s, "yc" + s, lex)
    if y is not None and m.groupdict().get("y" + s) and len(m.group("y" + s)) == 2:
        y += 2000
    return y


def _month(m: re.Match, lex: Lexicon, key: str = "m"):
    return lex.months[re.sub(r"\s+", " ", m.group(key))]


def _mod(m: re.Match, lex: Lexicon, key: str = "mod") -> str | None:
    t = m.groupdict().get(key)
    return lex.markers["modifier"][re.sub(r"\s+", " ", t)] if t else None


def _step(mod: str | None) -> int:
    return {"past": -1, "future": 1, "present": 0, "prev2": -2, "next2": 2, None: 0}[mod]


def _pick(anchor: dt.date, cands: list[dt.date], direction: str | None) -> dt.date:
    """Among candidate dates (in order), the latest on/before the anchor (past), the first on/after (future),
    or the nearest."""
    if direction == "past":
        past = [c for c in cands if c <= anchor]
        return past[-1] if past else cands[0]
    if direction == "future":
        fut = [c for c in cands if c >= anchor]
        return fut[0] if fut else cands[-1]
    return min(cands, key=lambda c: abs((c - anchor).days))


# ---------------------------------------------------------------- resolvers


def r_full_date(m, cx: Context):
    lex, month = cx.lex, _month(m, cx.lex)
    day = _day(m, lex)
    year = _year(m, lex)
    if day is None or not 1 <= day <= 31:
        return None
    if month.calendar == "hijri":
        if year is not None:
            d = cal.hijri_to_gregorian(year, month.number, day)
            return (cal.fmt_day(d), "day") if d else None
        if cx.anchor is None:
            return None
        hy = cal.hijri_year_of(cx.anchor)
        cands = [c for c in (cal.hijri_to_gregorian(y, month.number, day) for y in (hy - 1, hy, hy + 1)) if c]
        return (cal.fmt_day(_pick(cx.anchor, cands, cx.clause_direction(m.start(), m.end()))), "day") if cands else None
    if year is None:
        if cx.anchor is None:
            return None
        direction = _mod(m, lex) or cx.clause_direction(m.start(), m.end())
        year = cx.anchor.year if direction == "present" else cal.year_for(cx.anchor, month.number, day, direction)
        if m.groupdict().get("fwd"):
            # السبت 1 أغسطس: the weekday named tells the year when only a nearby one has that day on a Saturday
            wd = _weekday(m, cx, "fwd")
            fits = [c for y in (cx.anchor.year - 1, cx.anchor.year, cx.anchor.year + 1)
                    if (c := cal.valid_day(y, month.number, day)) and c.isoweekday() == wd]
            if fits and all(c.year != year for c in fits):
                year = min(fits, key=lambda c: abs((c - cx.anchor).days)).year
    d = cal.valid_day(year, month.number, day)
    return (cal.fmt_day(d), "day") if d else None


def _month_value(cx: Context, month, year: int | None, direction: str | None):
    if month.calendar == "hijri":
        if year is None:
            if cx.anchor is None:
                return None
            hy = cal.hijri_year_of(cx.anchor)
            ranges = [r for r in (cal.hijri_month_range(y, month.number) for y in (hy - 1, hy, hy + 1)) if r]
            if not ranges:
                return None
            if direction is None and any(a <= cx.anchor <= b for a, b in ranges):
                rng = next(r for r in ranges if r[0] <= cx.anchor <= r[1])
            else:
                starts = _pick(cx.anchor, [r[0] for r in ranges], direction)
                rng = next(r for r in ranges if r[0] == starts)
        else:
            rng = cal.hijri_month_range(year, month.number)
            if rng is None:
                return None
        return cal.fmt_interval(*rng), "interval"
    if year is None:
        if cx.anchor is None:
            return None
        year = cal.year_for(cx.anchor, month.number, None, direction)
    return cal.fmt_month(year, month.number), "month"


def r_month_year(m, cx: Context):
    return _month_value(cx, _month(m, cx.lex), _year(m, cx.lex), None)


def r_month(m, cx: Context):
    return _month_value(cx, _month(m, cx.lex), None, cx.clause_direction(m.start(), m.end()))


def r_month_mod(m, cx: Context):
    month, mod = _month(m, cx.lex), _mod(m, cx.lex)
    if cx.anchor is None:
        return None
    if m.groupdict().get("yrel"):  # يونيو العام المقبل: the month in the year the modifier points to
        return _month_value(cx, month, cx.anchor.year + _step(mod), None) if month.calendar != "hijri" else None
    if month.calendar == "hijri":
        return _month_value(cx, month, None, mod if mod in ("past", "future") else None)
    y, cur = cx.anchor.year, cx.anchor.month
    if mod == "past":
        y = y if month.number < cur else y - 1
    elif mod == "future":
        y = y if month.number > cur else y + 1
    return cal.fmt_month(y, month.number), "month"


def r_month_this(m, cx: Context):
    return _month_value(cx, _month(m, cx.lex), cx.anchor.year if cx.anchor else None, None)


def _period_bounds(cx: Context, unit: str, k: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of the week/month/year ``k`` steps from the anchor's."""
    a = cx.anchor
    if a is None:
        return None
    if unit == "week":
        s = cal.week_start(a) + 7 * k * cal.DAY
        return s, s + 6 * cal.DAY
    if unit == "month":
        s = cal.add_months(a.replace(day=1), k)
        return s, cal.month_end(s.year, s.month)
    if unit == "year":
        return dt.date(a.year + k, 1, 1), dt.date(a.year + k, 12, 31)
    if unit == "decade":
        y = a.year - a.year % 10 + 10 * k
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    return None


def _unit_of(word: str, cx: Context) -> str | None:
    u = cx.lex.units.get(word)
    return u[0] if u else None


def r_rel_period(m, cx: Context):
    unit = _unit_of(m.group("u"), cx)
    k = _step(_mod(m, cx.lex))
    b = _period_bounds(cx, unit, k) if unit else None
    if b is None:
        return None
    if unit == "week":
        return cal.fmt_week(b[0]), "week"
    if unit == "month":
        return cal.fmt_month(b[0].year, b[0].month), "month"
    if unit == "year":
        return str(b[0].year), "year"
    return f"{b[0].year}/{b[1].year}", "interval"


#: which part of a period a position word covers, as fractions of its length
_PARTS = {"start": (0.0, 1 / 3), "mid": (1 / 3, 2 / 3), "end": (2 / 3, 1.0)}


def _part(bounds: tuple[dt.date, dt.date], pos: str, anchor: dt.date | None, unit: str) -> str | None:
    a, b = bounds
    if pos == "rest":
        if anchor is None or not a <= anchor <= b:
            return None
        return cal.fmt_interval(anchor, b)
    if unit == "week" and pos == "end":  # نهاية الأسبوع: the weekend
        return cal.fmt_interval(b - cal.DAY, b)
    if unit == "month":  # the usual thirds of a month: 1-10, 11-20, 21-end
        first, last = {"start": (1, 10), "mid": (11, 20), "end": (21, b.day)}[pos]
        return cal.fmt_interval(a.replace(day=first), a.replace(day=last))
    if unit == "year":  # thirds of a year: January-April, May-August, September-December
        first = {"start": 1, "mid": 5, "end": 9}[pos]
        return f"{cal.fmt_month(a.year, first)}/{cal.fmt_month(a.year, first + 3)}"
    n = (b - a).days + 1
    lo, hi = _PARTS[pos]
    s, e = a + int(round(n * lo)) * cal.DAY, a + (int(round(n * hi)) - 1) * cal.DAY
    if unit == "year":
        return f"{cal.fmt_month(s.year, s.month)}/{cal.fmt_month(e.year, e.month)}"
    return cal.fmt_interval(s, e)


def r_position(m, cx: Context):
    lex = cx.lex
    pos = lex.markers["position"][m.group("pos")]
    g = m.groupdict()
    if g.get("m"):
        month = _month(m, lex)
        year = _year(m, lex)
        if month.calendar == "hijri":
            val = _month_value(cx, month, year, None)
            if val is None:
                return None
            a, b = val[0].split("/")
            bounds = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
        else:
            if year is None:
                if cx.anchor is None:
                    return None
                year = cal.year_for(cx.anchor, month.number, None, cx.clause_direction(m.start(), m.end()))
            bounds = dt.date(year, month.number, 1), cal.month_end(year, month.number)
        unit = "month"
    elif g.get("y") or g.get("yc"):
        year = _year(m, lex)
        bounds, unit = (dt.date(year, 1, 1), dt.date(year, 12, 31)), "year"
    else:
        unit = _unit_of(m.group("u"), cx)
        b = _period_bounds(cx, unit, _step(_mod(m, lex))) if unit else None
        if b is None:
            return None
        bounds = b
    v = _part(bounds, pos, cx.anchor, unit)
    return (v, "interval") if v else None


def r_day_rel_month(m, cx: Context):
    day = _day(m, cx.lex)
    b = _period_bounds(cx, "month", _step(_mod(m, cx.lex)))
    if b is None or day is None:
        return None
    d = cal.valid_day(b[0].year, b[0].month, day)
    return (cal.fmt_day(d), "day") if d else None


#: a year in this range written with digits in a numeric date is Hijri even without هـ (1436/8/10)
HIJRI_YEARS = range(1350, 1501)


def _numeric(y: int, month: int, day: int, m) -> tuple[str, str] | None:
    if m.groupdict().get("h") or y in HIJRI_YEARS:
        d = cal.hijri_to_gregorian(y, month, day) if 1 <= month <= 12 and 1 <= day <= 30 else None
    else:
        d = cal.valid_day(y, month, day)
    return (cal.fmt_day(d), "day") if d else None


def r_numeric_ymd(m, cx: Context):
    return _numeric(int(m.group("y")), int(m.group("mo")), int(m.group("d")), m)


def _dm(a: int, b: int) -> tuple[int, int]:
    """(day, month) from two numbers: day first as in Arabic usage, unless only the second can be a day."""
    return (b, a) if b > 12 >= a else (a, b)


def r_numeric_dmy(m, cx: Context):
    a, b = int(m.group("a")), int(m.group("b"))
    # "08/12, 2015" (a comma before the year) is the American month/day order; otherwise day first
    day, month = (b, a) if "," in m.group(0) and a <= 12 else _dm(a, b)
    y = int(m.group("y"))
    y += 2000 if y < 100 else 0
    return _numeric(y, month, day, m)


def r_numeric_dm(m, cx: Context):
    """4/22، 22-4: with a dot or a dash (scores, decimals) only when one number can only be a day."""
    a, b = int(m.group("a")), int(m.group("b"))
    if "/" not in m.group(0) and max(a, b) <= 12:
        return None
    day, month = _dm(a, b)
    if cx.anchor is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    y = cal.year_for(cx.anchor, month, day, cx.clause_direction(m.start(), m.end()))
    d = cal.valid_day(y, month, day)
    return (cal.fmt_day(d), "day") if d else None


def r_numeric_my(m, cx: Context):
    mo, y = int(m.group("mo")), int(m.group("y"))
    return (cal.fmt_month(y, mo), "month") if 1 <= mo <= 12 and 1000 <= y <= 2200 else None


def r_range_days(m, cx: Context):
    lex = cx.lex
    d1, d2 = _day(m, lex, "1"), _day(m, lex, "2")
    if d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
        return None
    g = m.groupdict()
    if g.get("m"):
        month = _month(m, lex)
        year = _year(m, lex)
        if month.calendar == "hijri":
            if year is None:
                return None
            a, b = cal.hijri_to_gregorian(year, month.number, d1), cal.hijri_to_gregorian(year, month.number, d2)
            return (cal.fmt_interval(a, b), "interval") if a and b else None
        if year is None:
            if cx.anchor is None:
                return None
            year = cal.year_for(cx.anchor, month.number, d1, cx.clause_direction(m.start(), m.end()))
        mnum = month.number
    else:
        b = _period_bounds(cx, "month", _step(_mod(m, lex)))
        if b is None:
            return None
        year, mnum = b[0].year, b[0].month
    a, b = cal.valid_day(year, mnum, d1), cal.valid_day(year, mnum, d2)
    return (cal.fmt_interval(a, b), "interval") if a and b else None


def r_range_years(m, cx: Context):
    y1, y2 = _year(m, cx.lex, "1"), _year(m, cx.lex, "2")
    if y1 is None or y2 is None:
        return None
    if y2 < 100:  # 2015-18
        y2 += y1 - y1 % 100
    return (f"{y1:04d}/{y2:04d}", "interval") if y1 < y2 else None


def r_year(m, cx: Context):
    y = _year(m, cx.lex)
    if y is None or not 1 <= y <= 2200:
        return None
    if m.groupdict().get("h"):
        a, b = cal.hijri_month_range(y, 1), cal.hijri_month_range(y, 12)
        return (cal.fmt_interval(a[0], b[1]), "interval") if a and b else None
    return f"{y:04d}", "year"


def r_decade(m, cx: Context):
    start = int(cx.lex.markers["decade"][m.group("dec")])
    return f"{start}/{start + 9}", "interval"


def r_quarter(m, cx: Context):
    q = int(cx.lex.markers["quarter"][m.group("q")])
    year = _year(m, cx.lex)
    if year is None:
        if cx.anchor is None:
            return None
        year = cx.anchor.year + _step(_mod(m, cx.lex))
    return f"{cal.fmt_month(year, 3 * q - 2)}/{cal.fmt_month(year, 3 * q)}", "interval"


def r_season(m, cx: Context):
    first = int(cx.lex.markers["season"][m.group("sea")])
    year = _year(m, cx.lex)
    if year is None:
        if cx.anchor is None:
            return None
        year = cx.anchor.year + _step(_mod(m, cx.lex))
    a = dt.date(year, first, 1)
    b = cal.add_months(a, 2)
    return f"{cal.fmt_month(a.year, a.month)}/{cal.fmt_month(b.year, b.month)}", "interval"


def _weekday(m, cx: Context, key: str = "wd") -> int:
    return cx.lex.weekdays[m.group(key)]


def _remember(cx: Context, wd: int, d: dt.date):
    cx.weekdays[wd] = d
    return cal.fmt_day(d), "day"


def r_relday(m, cx: Context):
    if cx.anchor is None:
        return None
    d = cx.anchor + int(cx.lex.markers["relday"][re.sub(r"\s+", " ", m.group("rel"))]) * cal.DAY
    if m.groupdict().get("wd"):  # اليوم الأحد: the weekday named wins when the publication date is a day off
        wd = _weekday(m, cx)
        diff = (wd - d.isoweekday()) % 7
        d = d + (diff if diff <= 3 else diff - 7) * cal.DAY
        return _remember(cx, wd, d)
    return cal.fmt_day(d), "day"


def r_wd_mod(m, cx: Context):
    if cx.anchor is None:
        return None
    wd, mod = _weekday(m, cx), _mod(m, cx.lex)
    if mod == "present":
        d = cal.week_start(cx.anchor) + (wd - 1) * cal.DAY
    elif mod in ("future", "next2"):
        d = cal.nearest_weekday(cx.anchor, wd, "future") + (7 if mod == "next2" else 0) * cal.DAY
    else:
        d = cal.nearest_weekday(cx.anchor, wd, "past", strict=True) - (7 if mod == "prev2" else 0) * cal.DAY
    return _remember(cx, wd, d)


def r_wd_week(m, cx: Context):
    b = _period_bounds(cx, "week", _step(_mod(m, cx.lex)))
    if b is None:
        return None
    wd = _weekday(m, cx)
    return _remember(cx, wd, b[0] + (wd - 1) * cal.DAY)


def r_wd_day(m, cx: Context):
    day = _day(m, cx.lex)
    if cx.anchor is None or day is None:
        return None
    d = cal.valid_day(cx.anchor.year, cx.anchor.month, day)
    return (cal.fmt_day(d), "day") if d else None


def _nth_weekday(year: int, month: int, wd: int, nth: int) -> dt.date | None:
    if nth == -1:
        last = cal.month_end(year, month)
        return last - ((last.isoweekday() - wd) % 7) * cal.DAY
    first = dt.date(year, month, 1)
    d = first + ((wd - first.isoweekday()) % 7 + 7 * (nth - 1)) * cal.DAY
    return d if d.month == month else None


def r_wd_nth(m, cx: Context):
    """السبت الثاني (this month's second Saturday), أول يوم جمعة من يوليو."""
    nth = -1 if m.group("nth") == "اخر" else number_value(m.group("nth"), cx.lex)
    wd = _weekday(m, cx)
    g = m.groupdict()
    if g.get("m"):
        month = _month(m, cx.lex)
        if month.calendar == "hijri" or cx.anchor is None:
            return None
        year = cal.year_for(cx.anchor, month.number, None, cx.clause_direction(m.start(), m.end()))
        mnum = month.number
    else:
        b = _period_bounds(cx, "month", _step(_mod(m, cx.lex)))
        if b is None:
            return None
        year, mnum = b[0].year, b[0].month
    if not nth or nth > 5:
        return None
    d = _nth_weekday(year, mnum, wd, nth)
    return (cal.fmt_day(d), "day") if d else None


def r_wd_this(m, cx: Context):
    b = _period_bounds(cx, "week", 0)
    if b is None:
        return None
    wd = _weekday(m, cx)
    return _remember(cx, wd, b[0] + (wd - 1) * cal.DAY)


def r_weekday(m, cx: Context):
    """A bare weekday: the clause's tense decides; with no cue, an earlier mention of the same weekday is the
    one meant (محادثات السبت after السبت was resolved); news otherwise reports the most recent one."""
    if cx.anchor is None:
        return None
    wd = _weekday(m, cx)
    direction = cx.clause_direction(m.start(), m.end())
    if direction is None and wd in cx.weekdays:
        return cal.fmt_day(cx.weekdays[wd]), "day"
    return _remember(cx, wd, cal.nearest_weekday(cx.anchor, wd, direction or "past"))


# counts and units, re-read inside offset and span rules (a rule may hold several: شهر و21 يوما)
def _count_units(text: str, cx: Context, cu_re: re.Pattern) -> list[tuple[float, str]] | None:
    out = []
    for cm in cu_re.finditer(text):
        unit, count = cx.lex.units[cm.group("u")]
        n = cm.group("n")
        if n:
            if n[0].isdigit():
                k = float(n.replace(",", "."))
            else:
                k = float(number_value(n, cx.lex) or 0)
                if k == 0:
                    k = VAGUE_COUNT if n.strip() in cx.lex.numbers and cx.lex.numbers[n.strip()][1] == "few" else 0
        else:  # الأسابيع الثلاثة: the number may follow a plural unit
            after = number_value(text[cm.end():], cx.lex) if not count else None
            k = count or after or VAGUE_COUNT
        if not k:
            return None
        out.append((k, unit))
    return out or None


def _offset(anchor: dt.date, parts: list[tuple[float, str]], sign: int) -> dt.date | None:
    d = anchor
    for k, unit in parts:
        if unit not in ("day", "week", "month", "year", "decade") or k != int(k):
            return None
        d = cal.shift(d, sign * int(k), unit)
        if d is None:
            return None  # before year 1 or after 9999: no calendar date
    return d


def make_offset_resolvers(cu_re: re.Pattern):
    def r_offset(m, cx: Context):
        parts = _count_units(m.group(0), cx, cu_re)
        if not parts:
            return None
        if any(u in ("hour", "minute", "second") for _, u in parts):
            return DURATION
        off = m.groupdict().get("off")
        if off:
            direction = cx.lex.markers["offset"][off]
        else:
            direction = cx.clause_direction(m.start(), m.end()) or "future"
        if direction == "within" or cx.anchor is None:
            return DURATION
        d = _offset(cx.anchor, parts, -1 if direction == "past" else 1)
        return (cal.fmt_day(d), "day") if d else None

    def r_last_n(m, cx: Context):
        parts = _count_units(m.group("cu"), cx, cu_re)
        if not parts or cx.anchor is None:
            return None
        mod = _mod(m, cx.lex) or ("past" if m.groupdict().get("last") else None)
        if mod not in ("past", "future"):
            return DURATION  # خلال ثلاثة أيام، في 3 سنوات: a length of time
        d = _offset(cx.anchor, parts, -1 if mod == "past" else 1)
        if d is None:
            return None
        return (cal.fmt_interval(d, cx.anchor) if mod == "past" else cal.fmt_interval(cx.anchor, d)), "interval"

    return r_offset, r_last_n


def r_duration(m, cx: Context):
    return DURATION


# ---------------------------------------------------------------- the rules


def build(lex: Lexicon) -> list[Rule]:
    """The ordered rules for this lexicon."""
    mk = lex.markers
    S, OS = r"\s+", r"\s*"
    MONTH = alternation(lex.months)
    MONTH_SAFE = alternation(k for k, v in lex.months.items() if v.bare)
    # a month, optionally written with its second name: تموز/يوليو، يوليو (تموز)
    SECOND = rf"(?:{OS}[/(-]{OS}{MONTH}{OS}\)?|{S}{MONTH}(?!\w))?"
    M = rf"(?P<m>{MONTH}){SECOND}"
    M_SAFE = rf"(?P<m>{MONTH_SAFE}){SECOND}"
    WD_ART = alternation(k for k in lex.weekdays if k.startswith("ال"))
    WD_ANY = alternation(lex.weekdays)
    WD = rf"(?P<wd>{WD_ART})(?!\s+عشر)"
    YAWM = r"(?:يوم\s+)?"
    DAYPART = rf"(?:{alternation(mk['daypart'])}\s+)?"
    MOD = rf"(?P<mod>{alternation(mk['modifier'])})"
    MOD1 = alternation(k for k, v in mk["modifier"].items() if v in ("past", "future", "present"))
    CW = alternation(k for k, v in lex.numbers.items() if v[1] == "cardinal")
    CARD = rf"{CW}(?!\w)(?:\s+(?:و\s*)?{CW}(?!\w)|\s*و{CW}(?!\w))*"
    ORD_STEMS = alternation(k[2:] for k, v in lex.numbers.items() if v[1] == "ordinal" and k.startswith("ال"))
    ORD1 = rf"(?:ال|(?<=ل)ل){ORD_STEMS}(?!\w)"
    ORD = rf"{ORD1}(?:\s+عشر[ه]?(?!\w)|\s+و\s*{ORD1})?|اول(?=\s+(?:من\s+)?{MONTH})"
    # a range's "and" is not the one inside a compound number (الحادي والعشرين، واحد وعشرين)
    RANGE_SEP = r"(?:-|الي|حتي|و(?!\s*(?:ال)?(?:عشرين|عشرون|ثلاثين|ثلاثون)(?!\w)))"
    FEW = alternation(k for k, v in lex.numbers.items() if v[1] == "few")

    def day(s: str = "") -> str:
        return rf"(?:(?P<d{s}>[0-3]?\d)(?!\d)|(?P<o{s}>{ORD})|(?P<c{s}>{CARD}))"

    def year(s: str = "", words: bool = True) -> str:
        w = rf"|(?P<yc{s}>{CARD})" if words else ""
        return rf"(?:(?P<y{s}>\d{{4}})(?!\d){w})"

    HIJ = r"(?P<h>\s*ه(?!\w)\.?|\s+هجري(?:ه)?(?!\w)|\s+للهجره)?(?:\s*م(?!\w)|\s+ميلادي(?:ه)?)?"
    YEAR_OPT = rf"(?:{OS}[،,.]?{OS}(?:من{S})?(?:(?:عام|العام|سنه){S})?{year()}{HIJ})?"
    WD_PREFIX = rf"(?:{YAWM}(?P<fwd>{WD_ART}){OS}[،,]?{OS}(?:الموافق{S})?)?"
    THIS = r"(?:هذا|هذه)"
    REL_UNIT = r"(?P<u>الاسبوع|الشهر|العام|السنه|العقد)"
    units_sing = [k for k, v in lex.units.items() if not k.startswith("ال") and v[1] == 1]
    units_other = [k for k, v in lex.units.items() if not k.startswith("ال") and v[1] != 1]
    # a singular unit right before a number, month or weekday is part of a date (منذ عام 2018)
    UNIT = (rf"(?:{alternation(units_other)}(?!\w)|{alternation(units_sing)}(?!\w)"
            rf"(?!\s*(?:\d|{MONTH}|{WD_ANY})))")
    CU = rf"(?:(?:\d+(?:[.,]\d+)?|{CARD}|{FEW}(?!\w)){OS})?{UNIT}"
    CU_NAMED = rf"(?:(?P<n>\d+(?:[.,]\d+)?|{CARD}|{FEW}(?!\w)){OS})?(?P<u>{alternation(lex.units)})(?!\w)"
    CU_CHAIN = rf"{CU}(?:{OS}[،,]?{OS}و?{OS}{CU})*"
    DUAL = alternation(k for k, v in lex.units.items() if not k.startswith("ال") and v[1] == 2)
    UNIT_PLURAL = alternation(k for k, v in lex.units.items() if k.startswith("ال") and v[1] != 1)
    OFF = rf"(?P<off>{alternation(mk['offset'])})"
    ABOUT = rf"(?:{alternation(k for k, v in mk['duration'].items() if v == 'about')}\s+)?"
    DUR = alternation(k for k, v in mk["duration"].items() if v == "for")
    END = r"(?=\s*(?:[.!؟?،,]|$))"
    # a preposition before the expression, outside its span (so that في and من never start a match)
    AFTER_PREP = r"(?:(?<=في\s)|(?<=الي\s)|(?<=حتي\s))"
    AFTER_FI = r"(?<=في\s)"  # إلى 4 and حتى 4 are counts far more often than days
    r_offset, r_last_n = make_offset_resolvers(re.compile(CU_NAMED))

    # the first words of each rule (see Rule.first); DIGIT stands for any number
    def words(*groups) -> frozenset[str]:
        return frozenset(w for g in groups for w in ((g,) if isinstance(g, str) else g))

    ords = [k for k, v in lex.numbers.items() if v[1] == "ordinal"]
    ordinals = words(ords, (k[1:] for k in ords if k.startswith("ال")), "اول")  # للثاني = ل + لثاني
    cards = [k for k, v in lex.numbers.items() if v[1] in ("cardinal", "few")]
    this = ("هذا", "هذه")
    wd_art = [k for k in lex.weekdays if k.startswith("ال")]
    units_bare = [k for k in lex.units if not k.startswith("ال")]
    about = [k for k, v in mk["duration"].items() if v == "about"]
    dur = [k for k, v in mk["duration"].items() if v == "for"]
    F_DIGIT = words(DIGIT)
    F_MONTH = words(lex.months)
    F_DAY = words(DIGIT, ordinals, cards)
    F_RANGE = F_DAY
    F_SHAHR_M = words("شهر", F_MONTH)
    F_THIS_SHAHR = words(this, "شهر")
    F_THIS_SHAHR_M = words(F_THIS_SHAHR, F_MONTH)
    F_YRANGE = words("عامي", "سنتي", "العامين")
    F_YFROM = words("عام", "العام", "سنه")
    F_YEAR = words("عام", "العام", "سنه", "السنه", "عامي")
    F_WD = words(mk["daypart"], "يوم", wd_art)
    F_FULL = words("يوم", wd_art, F_DAY)
    F_MFIRST = words("يوم", wd_art, F_MONTH)
    F_POS = words(mk["position"])
    F_POSREL = words("عطله", F_POS)
    F_SEASON = words(this, mk["season"])
    F_DECADE = words(mk["decade"])
    F_RELDAY = words(mk["daypart"], (p.split()[0] for p in mk["relday"]))
    F_NTH = words("اول", "ثاني", "ثالث", "رابع", "اخر")
    F_WEEKWD = words(this, "الاسبوع")
    F_RELP = words(this, "الاسبوع", "الشهر", "العام", "السنه", "العقد")
    F_LASTN = words(k for k, v in lex.units.items() if k.startswith("ال") and v[1] != 1)
    F_COUNT = words(DIGIT, cards, units_bare)
    F_OFF = words(mk["offset"])
    F_FROMNOW = words(F_OFF, about, F_COUNT)
    F_DAYBARE = words("يوم", DIGIT, ordinals)
    F_DURM = words(dur)
    F_DUR = words(dur, F_COUNT, "نصف", "ربع")

    rules = [
        # ranges first: they contain dates
        Rule("range_days", rf"{day('1')}{OS}{RANGE_SEP}{OS}{day('2')}{OS}"
                           rf"(?:من{S})?(?:شهر{S})?{M}{YEAR_OPT}", r_range_days, first=F_RANGE),
        Rule("range_month_days", rf"(?:شهر{S})?{M}{S}(?:(?:ما\s+)?بين|من){S}{day('1')}{OS}{RANGE_SEP}{OS}"
                                 rf"{day('2')}", r_range_days, first=F_SHAHR_M),
        Rule("range_days_rel", rf"{day('1')}{OS}{RANGE_SEP}{OS}{day('2')}{S}"
                               rf"(?:من{S}|في{S})?(?:{THIS}{S})?الشهر(?:{S}{MOD})?", r_range_days, first=F_RANGE),
        Rule("range_years", rf"(?:عامي|سنتي|العامين){S}{year('1', False)}{OS}و{OS}"
                            rf"{year('2', False)}", r_range_years, first=F_YRANGE),
        Rule("range_years_from", rf"(?:عام|العام|سنه){S}{year('1', False)}{OS}(?:-|الي|حتي){OS}"
                                 rf"(?:(?:عام|العام|سنه){S})?(?P<y2>\d{{4}}|\d{{2}})(?!\d)", r_range_years,
             first=F_YFROM),
        # full dates: [weekday] day month [year]
        Rule("full_date", rf"(?:{WD_PREFIX}|يوم{S}){day()}{OS}[.\-/]?{OS}(?:من{S})?(?:شهر{S})?{M}{YEAR_OPT}"
                          rf"(?:{S}(?P<mod>{MOD1}))?",
             r_full_date, first=F_FULL),
        Rule("full_date_mfirst", rf"{WD_PREFIX}{M}{OS}[-]?{OS}(?:(?P<d>[0-3]?\d)(?!\d)|(?P<o>{ORD}))"
                                 rf"(?:(?:{OS}[،,]{OS}|{S}(?:من{S})?){year()})?{HIJ}", r_full_date, first=F_MFIRST),
        Rule("day_rel_month", rf"{day()}{S}(?:من{S}|في{S})?(?:{THIS}{S})?الشهر(?:{S}{MOD})?", r_day_rel_month,
             first=F_DAY),
        Rule("numeric_ymd", rf"(?P<y>\d{{4}})\s*[/.-]\s*(?P<mo>\d{{1,2}})\s*[/.-]\s*(?P<d>\d{{1,2}})(?!\d){HIJ}",
             r_numeric_ymd, first=F_DIGIT),
        Rule("numeric_dmy", rf"(?P<a>\d{{1,2}})\s*[/.-]\s*(?P<b>\d{{1,2}})\s*[/.,-]\s*(?P<y>\d{{4}}|\d{{2}})"
                            rf"(?![\d.]){HIJ}",
             r_numeric_dmy, first=F_DIGIT),
        Rule("numeric_my", r"(?:(?P<mo>\d{1,2})[/.-](?P<y>\d{4})|(?P<y_>\d{4})[/](?P<mo_>\d{1,2}))(?![\d/.-])",
             aliased(r_numeric_my), first=F_DIGIT),
        Rule("numeric_dm", r"(?<!الساعه\s)(?P<a>\d{1,2})\s*[/.-]\s*(?P<b>\d{1,2})(?![\d/.%])"
                           r"(?!\s*(?:%|[\u0621-\u064a]))",
             r_numeric_dm, first=F_DIGIT),
        # month and year, month with modifiers
        Rule("month_year", rf"(?:(?:{THIS}{S})?شهر{S})?{M}{OS}[،,]?{OS}(?:من{S})?(?:(?:عام|العام|سنه){S})?"
                           rf"{year()}{HIJ}", r_month_year, first=F_THIS_SHAHR_M),
        Rule("month_rel_year", rf"(?:شهر{S})?{M}{S}(?:من{S})?(?P<yrel>العام|السنه){S}{MOD}", r_month_mod,
             first=F_SHAHR_M),
        Rule("month_mod", rf"(?:شهر{S})?{M}{S}{MOD}", r_month_mod, first=F_SHAHR_M),
        Rule("month_this", rf"{THIS}{S}(?:شهر{S})?{M}", r_month_this, first=frozenset(this)),
        # parts of periods
        Rule("position_month", rf"(?P<pos>{alternation(mk['position'])}){S}(?:شهر{S})?{M}{YEAR_OPT}",
             r_position, first=F_POS),
        Rule("position_year", rf"(?P<pos>{alternation(mk['position'])}){S}(?:(?:عام|العام|سنه){S})?{year(words=False)}",
             r_position, first=F_POS),
        Rule("position_rel", rf"(?:عطله{S})?(?P<pos>{alternation(mk['position'])}){S}(?:{THIS}{S})?{REL_UNIT}"
                             rf"(?:{S}{MOD})?", r_position, first=F_POSREL),
        Rule("quarter", rf"الربع{S}(?P<q>{alternation(mk['quarter'])}){S}(?:من{S})?(?:(?:(?:عام|العام|سنه){S})?"
                        rf"{year()}|{THIS}{S}(?:العام|السنه)|(?:العام|السنه){S}{MOD})", r_quarter,
             first=frozenset({"الربع"})),
        Rule("season", rf"(?:{THIS}{S})?(?P<sea>{alternation(mk['season'])}){S}(?:(?:(?:من{S})?(?:عام|العام|سنه)"
                       rf"{S})?{year()}|(?:العام{S})?{MOD})", r_season, first=F_SEASON),
        Rule("season_this", rf"{THIS}{S}(?P<sea>{alternation(mk['season'])})", r_season, first=frozenset(this)),
        Rule("decade", rf"(?P<dec>{alternation(mk['decade'])})(?:{S}(?:من{S})?القرن{S}(?:الماضي|العشرين))?",
             r_decade, first=F_DECADE),
        # relative days, with a weekday when named (اليوم الأحد)
        Rule("relday", rf"{DAYPART}(?P<rel>{alternation(mk['relday'])})(?!{S}(?:كامل|بكامل))"
                       rf"(?:{OS}[،,(]?{OS}{YAWM}{WD}(?:{OS}\))?)?", r_relday, first=F_RELDAY),
        # weekdays
        Rule("wd_nth", rf"(?P<nth>اول|ثاني|ثالث|رابع|اخر){S}(?:يوم{S})?(?P<wd>{WD_ANY}){S}(?:من|في){S}"
                       rf"(?:شهر{S})?(?:{M}|(?:{THIS}{S})?الشهر(?:{S}{MOD})?)", r_wd_nth, first=F_NTH),
        Rule("wd_week", rf"{DAYPART}{YAWM}{WD}{S}(?:من{S})?(?:{THIS}{S})?الاسبوع(?:{S}{MOD})?", r_wd_week, first=F_WD),
        Rule("week_wd", rf"(?:{THIS}{S})?الاسبوع(?:{S}{MOD})?{S}(?:{YAWM}){WD}", r_wd_week, first=F_WEEKWD),
        Rule("wd_mod", rf"{DAYPART}{YAWM}{WD}{S}{MOD}", r_wd_mod, first=F_WD),
        Rule("wd_this", rf"{THIS}{S}(?:ال)?{YAWM}{WD}", r_wd_this, first=frozenset(this)),
        Rule("wd_day", rf"{YAWM}{WD}{OS}[،,]?{OS}(?:(?:في{S})?(?P<d>[0-3]?\d)(?!\d)(?!\s*[\u0621-\u064a])"
                       rf"|في{S}(?:(?P<o>{ORD})|(?P<c>{CARD})))",
             r_wd_day, first=F_WD),
        Rule("wd_ord", rf"{YAWM}{WD}{S}(?P<nth>الاول|الثاني|الثالث|الرابع|الخامس)(?!\s+عشر)(?!\w)", r_wd_nth,
             first=F_WD),
        Rule("weekday", rf"{DAYPART}{YAWM}{WD}", r_weekday, first=F_WD),
        # relative periods
        Rule("rel_period", rf"{THIS}{S}{REL_UNIT}|{REL_UNIT.replace('<u>', '<u_>')}{S}{MOD}",
             aliased(r_rel_period), first=F_RELP),
        Rule("last_n", rf"(?P<cu>{UNIT_PLURAL}(?:{S}(?:\d+|(?:ال)?{CARD}))?)(?:{S}(?:القليله|العديده))?"
                       rf"{S}{MOD}", r_last_n, first=F_LASTN),
        Rule("last_n_count", rf"(?:(?P<last>اخر){S}|(?<=خلال\s)|(?<=في\s))(?P<cu>{CU_CHAIN})(?:{S}{MOD})?", r_last_n,
             first=words("اخر", F_COUNT)),
        Rule("from_now", rf"(?:{OFF}{S})?{ABOUT}{CU_CHAIN}{S}من{S}الان", r_offset, first=F_FROMNOW),
        Rule("offset", rf"{OFF}{S}{ABOUT}{CU_CHAIN}(?:{S}في{S}المستقبل)?(?!\s+من\s)", r_offset, first=F_OFF),
        Rule("count_mod", rf"(?P<cu>{CU_CHAIN}){S}{MOD}", r_last_n, first=F_COUNT),
        # years
        Rule("year", rf"(?:عام|العام|سنه|السنه|عامي){S}(?:(?P<y>\d{{3,4}})(?!\d)|(?P<yc>{CARD})){HIJ}", r_year,
             first=F_YEAR),
        Rule("year_in", rf"(?<=في\s)(?P<y>(?:1[0-9]|20)\d\d)(?!\d){HIJ}", r_year, first=F_DIGIT),
        Rule("year_marked", r"(?P<y>\d{4})(?:(?P<h>\s*ه(?!\w)\.?|\s+هجري(?:ه)?)|\s*م(?!\w)|\s+ميلادي(?:ه)?)", r_year,
             first=F_DIGIT),
        Rule("year_range_prep", r"(?:(?<=بين\s)(?P<y1>(?:1[89]|20)\d\d)\s*و\s*|(?<=من\s)(?P<y1_>(?:1[89]|20)\d\d)"
                                r"\s*(?:الي|حتي)\s*)(?P<y2>(?:1[89]|20)\d\d)(?!\d)", aliased(r_range_years),
             first=F_DIGIT),
        Rule("year_range_bare", r"(?P<y1>(?:1[89]|20)\d\d)\s*-\s*(?P<y2>(?:1[89]|20)\d\d)(?!\d)", r_range_years,
             first=F_DIGIT),
        # months alone (after the dates that contain them)
        Rule("month_word", rf"(?:{THIS}{S})?شهر{S}{M}", r_month, first=F_THIS_SHAHR),
        Rule("month_after_prep", rf"(?:(?<=في\s)|(?<=منذ\s)|(?<=حتي\s)|(?<=خلال\s)){M}", r_month, first=F_MONTH),
        Rule("month", M_SAFE, r_month, first=F_MONTH),
        # a day of the current month
        Rule("day_bare", rf"(?:يوم{S}(?P<d>[0-3]?\d)(?!\d)(?![.\-/]\d)|{AFTER_FI}(?P<d_>[0-3]?\d)(?!\d){END}"
                         rf"|(?:{AFTER_PREP}|(?<=ل))(?P<o>{ORD}){END})", aliased(r_wd_day), first=F_DAYBARE),
        # durations: recognised so that they are never read as times
        Rule("duration", rf"(?:{DUR}{OS})?(?:(?:\d+(?:[.,]\d+)?|{CARD}|{FEW}(?!\w)){OS}{UNIT}"
                         rf"(?:{OS}[،,]?{OS}و?{OS}{CU})*(?:{S}(?:كامل|كامله|كاملا|ونصف))?"
                         rf"|(?:نصف|ربع){S}(?:ال)?{UNIT}|{DUAL}(?!\w))", r_duration, first=F_DUR),
        Rule("duration_marked", rf"{DUR}{OS}(?:ال)?{CU}(?:{S}(?:كامل|كامله|كاملا|ونصف))?", r_duration, first=F_DURM),
        Rule("duration_full", rf"{CU}{S}(?:كامل|كامله|كاملا)", r_duration, first=F_COUNT),
    ]
    return rules


class _GroupAlias:
    """A match whose alternative groups (``y_``) answer under their main name (``y``)."""

    __slots__ = ("_m",)

    def __init__(self, m: re.Match):
        self._m = m

    def group(self, key=0):
        if key == 0:
            return self._m.group(0)
        v = self._m.groupdict().get(key)
        return v if v is not None else self._m.groupdict().get(key + "_")

    def groupdict(self):
        g = dict(self._m.groupdict())
        for k, v in list(g.items()):
            if k.endswith("_") and v is not None:
                g[k[:-1]] = v
        return g

    def start(self):
        return self._m.start()

    def end(self):
        return self._m.end()


def aliased(fn):
    """A resolver reading a rule whose alternatives spell one group twice (``y`` and ``y_``)."""
    return lambda m, cx: fn(_GroupAlias(m), cx)
