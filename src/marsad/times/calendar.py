"""Calendar arithmetic and the value strings of the contract (``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM``,
``YYYY``, ``A/B``). Pure functions over :class:`datetime.date`; Hijri conversion through hijridate.
"""
from __future__ import annotations

import calendar as _cal
import datetime as dt

from hijridate import Gregorian, Hijri

from ..errors import InternalError

DAY = dt.timedelta(days=1)


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, the day clamped to the month's length (31 Jan + 1 month = 28/29 Feb)."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def shift(d: dt.date, n: int, unit: str) -> dt.date | None:
    """``d`` moved by ``n`` calendar units (day, week, month, year, decade); None outside the years 1-9999 that
    a date can hold (منذ 2500 عام)."""
    months = {"month": 1, "year": 12, "decade": 120}.get(unit)
    try:
        if unit == "day":
            return d + n * DAY
        if unit == "week":
            return d + 7 * n * DAY
        if months is not None:
            return add_months(d, months * n)
    except (ValueError, OverflowError):
        return None
    raise InternalError(f"unknown calendar unit {unit!r}")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _cal.monthrange(year, month)[1])


def valid_day(year: int, month: int, day: int) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= _cal.monthrange(year, month)[1]):
        return None
    return dt.date(year, month, day)


def week_start(d: dt.date) -> dt.date:
    """Monday of the ISO week of ``d``."""
    return d - (d.isoweekday() - 1) * DAY


def fmt_day(d: dt.date) -> str:
    return d.isoformat()


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_interval(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def nearest_weekday(anchor: dt.date, weekday: int, direction: str | None, *, strict: bool = False) -> dt.date:
    """The date with ISO ``weekday`` next to ``anchor``: the most recent one for the past (today included unless
    ``strict``), the coming one for the future (never today: "يوم الأحد" said on a Sunday about the future is
    next week's)."""
    diff = (weekday - anchor.isoweekday()) % 7
    if direction == "future":
        return anchor + (diff or 7) * DAY
    back = (anchor.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - back * DAY


def year_for(anchor: dt.date, month: int, day: int | None, direction: str | None) -> int:
    """The year of a day-month (or a month) given without one: the latest past occurrence for a past clause,
    the next one for a future clause, otherwise the occurrence nearest to the anchor."""
    def key(y: int) -> dt.date:
        return dt.date(y, month, min(day or 1, _cal.monthrange(y, month)[1]))

    this = key(anchor.year)
    if day is None:  # a month: the current month counts as both past and future
        cur = (anchor.year, anchor.month)
        if direction == "past":
            return anchor.year if (anchor.year, month) <= cur else anchor.year - 1
        if direction == "future":
            return anchor.year if (anchor.year, month) >= cur else anchor.year + 1
        diff = month - anchor.month
        return anchor.year + (1 if diff < -6 else -1 if diff > 6 else 0)
    if direction == "past":
        return anchor.year if this <= anchor else anchor.year - 1
    if direction == "future":
        return anchor.year if this >= anchor else anchor.year + 1
    cands = [key(anchor.year - 1), this, key(anchor.year + 1)]
    return min(cands, key=lambda c: abs((c - anchor).days)).year


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """A Hijri (Umm al-Qura) date in Gregorian, or None outside the range hijridate covers (1343-1500 AH)."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_month_range(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of a Hijri month."""
    try:
        h = Hijri(year, month, 1)
        first = h.to_gregorian()
        return first, first + (h.month_length() - 1) * DAY
    except (ValueError, OverflowError):
        return None


def hijri_year_of(d: dt.date) -> int:
    return Gregorian(d.year, d.month, d.day).to_hijri().year


def value_range(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a contract value (used by the evaluation)."""
    if "/" in value:
        a, b = value.split("/", 1)
        ra, rb = value_range(a), value_range(b)
        return (ra[0], rb[1]) if ra and rb else None
    try:
        if "-W" in value:
            y, w = value.split("-W")
            start = dt.date.fromisocalendar(int(y), int(w), 1)
            return start, start + 6 * DAY
        parts = value.split("-")
        if len(parts) == 3:
            d = dt.date.fromisoformat(value)
            return d, d
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return dt.date(y, m, 1), month_end(y, m)
        y = int(value)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None
