"""Find and resolve temporal expressions in one text: one scan of a combined regex over the normalized text.

:func:`find_times` is the pure entry point other stages use (a string or a :class:`~marsad.doc.Doc`, and an
anchor date). Without an anchor (an article with no date) only expressions that carry their own year are
resolved (``12 يناير 2016``, ``عام 2018``, ``15 رمضان 1446 هـ``); relative ones are dropped, because a guess
would be worse than nothing for event dating.

``direction`` on every result says where the value lies from the anchor (past, present, future), so that the
events stage can tell a scheduled meeting from a held one.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Span, TimeExpr, make_id
from ..text.normalize import NormText
from . import calendar as cal
from .grammar import DIGIT, DURATION, Context, Rule, build
from .lexicon import Lexicon, alternation, load

#: proclitics that may stick to the first word of an expression (وبعد، بالأمس، للثاني) and stay outside it
PROCLITICS = r"(?:[وف]?[بلك]|[وف])?"
_CLAUSE_BREAK = re.compile(r"[،,؛;:]")
_SENTENCE_BREAK = re.compile(r"[.!؟?\n]")


@dataclass(frozen=True, slots=True)
class Found:
    """One expression, offsets into the normalized text."""

    start: int
    end: int
    value: str | None  # None for a duration
    grain: str | None
    rule: str = ""     # the grammar rule that found it


@dataclass(frozen=True, slots=True)
class Grammar:
    lex: Lexicon
    rules: tuple[Rule, ...]
    compiled: tuple[re.Pattern, ...]
    scanner: re.Pattern
    cues: re.Pattern
    cue_kinds: dict[str, str]
    future_stop: frozenset[str]


_NAMED = re.compile(r"\(\?P<\w+>")


def _groups(rules: tuple[Rule, ...]) -> list[tuple[frozenset[str], list[int]]]:
    """Rules gathered under one lookahead per set of first words, keeping the order that matters.

    A rule joins the last group with its first words when no group after it could match at the same place
    (disjoint first words); so among rules that can compete for a position, the earlier one is still tried
    first, and the scanner checks ~20 lookaheads per candidate word instead of one per rule."""
    groups: list[tuple[frozenset[str], list[int]]] = []
    for i, r in enumerate(rules):
        same = [k for k, (key, _) in enumerate(groups) if key == r.first]
        if same and all(not (key & r.first) for key, _ in groups[same[-1] + 1:]):
            groups[same[-1]][1].append(i)
        else:
            groups.append((r.first, [i]))
    return groups


def _guard(first: frozenset[str]) -> str:
    """A lookahead body matching any of a rule's first words, as one prefix tree (fails in a character or two)."""
    alts = [alternation(w for w in first if w != DIGIT) + r"(?![^\W\d])"] if first - {DIGIT} else []
    if DIGIT in first:
        alts.append(r"\d")
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Compile the rules once per process."""
    lex = load()
    rules = tuple(build(lex))
    body = "|".join(f"(?={_guard(key)})(?:" + "|".join(f"(?P<R{i}>{_NAMED.sub('(?:', rules[i].pattern)})"
                                                       for i in members) + ")"
                    for key, members in _groups(rules))
    first = _guard(frozenset().union(*(r.first for r in rules)))
    scanner = re.compile(rf"(?<!\w){PROCLITICS}(?={first})(?:{body})(?!\w)")
    kinds = {**{k: "past" for k in lex.markers["past_cue"]}, **{k: "future" for k in lex.markers["future_cue"]}}
    # a cue word with its proclitics (وانعقدت، فسوف); a future verb is س + an imperfect prefix (سيزور، ستواصل)
    cues = re.compile(rf"(?<!\w)[وف]?(?:(?P<cue>{alternation(kinds)})|(?P<sa>س[اتين][\u0621-\u064a]{{2,}}))(?!\w)")
    return Grammar(lex, rules, tuple(re.compile(r.pattern) for r in rules), scanner, cues, kinds,
                   frozenset(lex.markers["future_stop"]))


def _direction_finder(g: Grammar, norm: str, sentences: list[tuple[int, int]]):
    """A function (start, end) -> past/future/None: the nearest tense cue in the clause, else in the sentence.

    Cues are looked for in a sentence the first time one of its expressions asks (most sentences never do)."""
    starts = [s for s, _ in sentences]
    cache: dict[int, list[tuple[int, str]]] = {}

    def cues_of(i: int, lo: int, hi: int) -> list[tuple[int, str]]:
        if i not in cache:
            found = []
            for m in g.cues.finditer(norm, lo, hi):
                if m.group("cue"):
                    found.append((m.start("cue"), g.cue_kinds[m.group("cue")]))
                elif m.group("sa") not in g.future_stop:
                    found.append((m.start("sa"), "future"))
            cache[i] = found
        return cache[i]

    def direction(start: int, end: int) -> str | None:
        i = bisect.bisect_right(starts, start) - 1
        s_lo, s_hi = sentences[i] if i >= 0 else (0, len(norm))
        cues = cues_of(i, s_lo, s_hi)
        if not cues:
            return _lead_direction(g, norm, s_lo)
        before = _CLAUSE_BREAK.finditer(norm, s_lo, start)
        c_lo = max((m.end() for m in before), default=s_lo)
        after = _CLAUSE_BREAK.search(norm, end, s_hi)
        c_hi = after.start() if after else s_hi
        for lo, hi in ((c_lo, c_hi), (s_lo, s_hi)):
            near = [(min(abs(p - start), abs(p - end)), kind) for p, kind in cues
                    if lo <= p < hi and not start <= p < end]
            if near:
                return min(near)[1]
        return None

    return direction


#: a sentence that opens on an imperfect verb (يزور الرئيس ... الأحد) announces what is to come
_LEAD_IMPERFECT = re.compile(r"[\W\d_]*[وف]?(ي[\u0621-\u064a]{3,})")


def _lead_direction(g: Grammar, norm: str, start: int) -> str | None:
    """Future when the sentence opens on an imperfect verb (ي-), the usual way news announces an event; only
    asked when the sentence has no explicit cue. (ت- forms are left out: تلقى، تولى are past verbs.)"""
    m = _LEAD_IMPERFECT.match(norm, start)
    return "future" if m and m.group(1) not in g.future_stop else None


def _sentences(norm: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in _SENTENCE_BREAK.finditer(norm):
        out.append((s, m.end()))
        s = m.end()
    out.append((s, len(norm)))
    return out


def scan(norm: str, anchor: dt.date | None, sentences: list[tuple[int, int]] | None = None) -> list[Found]:
    """Every expression of a normalized text, in order, with its value (durations have none)."""
    g = grammar()
    cx = Context(g.lex, anchor, _direction_finder(g, norm, sentences or _sentences(norm)))
    out: list[Found] = []
    for m in g.scanner.finditer(norm):
        name = m.lastgroup
        i = int(name[1:])
        a, b = m.span(name)
        sub = g.compiled[i].fullmatch(norm, a, b)
        if sub is None:  # the stripped and the named pattern always agree; kept for safety
            continue
        res = g.rules[i].resolve(sub, cx)
        if res == DURATION or (res is not None and _after_duration_marker(g, norm, a)):
            out.append(Found(a, b, None, None, g.rules[i].name))
        elif res is not None:
            out.append(Found(a, b, res[0], res[1], g.rules[i].name))
    return _join_ranges(norm, out)


#: what joins the two ends of a range: من A إلى B، A حتى B، بين A و B، A - B
_RANGE_JOIN = re.compile(r"\s*(?:-|–|الي|حتي|لغايه|و)\s*(?:يوم\s+)?")
_RANGE_OPEN = re.compile(r"(?:من|بين|منذ)\s+(?:يوم\s+)?$")


#: a day named (today, a weekday) right before the full date it stands for
_DAY_NAMES = {"relday", "weekday", "wd_mod"}
_FULL_DATES = {"full_date", "full_date_mfirst", "numeric_ymd", "numeric_dmy", "day_rel_month"}
_DAY_THEN_DATE = re.compile(r"\s*[(،,-]?\s*(?:الموافق\s+)?")
_WEEK_THEN_DAYS = re.compile(r"\s*(?:(?:من|بين)\s+)?")


def _in_week(week: str, value: str) -> tuple[str, str]:
    """A day or an interval of days moved, weekday for weekday, into the given ISO week."""
    monday = cal.value_range(week)[0]
    a, b = cal.value_range(value)
    a, b = monday + (a.isoweekday() - 1) * cal.DAY, monday + (b.isoweekday() - 1) * cal.DAY
    return (cal.fmt_day(a), "day") if a == b else (cal.fmt_interval(a, b), "interval")


def _join_ranges(norm: str, found: list[Found]) -> list[Found]:
    """Two times joined as a range become one interval (من 2 أكتوبر إلى 22 أكتوبر، اليوم حتى الغد).

    "و" only joins after بين (بين 4 سبتمبر و8 سبتمبر), so that a list of dates stays a list."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.value is not None and f.value is not None:
            gap = norm[prev.end:f.start]
            if prev.rule in _DAY_NAMES and f.rule in _FULL_DATES and _DAY_THEN_DATE.fullmatch(gap):
                # السبت 12 أبريل، اليوم (6 مايو)، الأحد الموافق 8 ذي القعدة: the date written out decides
                end = f.end + 1 if norm.startswith(")", f.end) and "(" in gap else f.end
                out[-1] = Found(prev.start, end, f.value, f.grain, f.rule)
                continue
            if prev.grain == "week" and _WEEK_THEN_DAYS.fullmatch(gap) and f.grain in ("day", "interval"):
                # الأسبوع المقبل بين الأربعاء والجمعة: the weekdays of that week
                out[-1] = Found(prev.start, f.end, *_in_week(prev.value, f.value))
                continue
            m = _RANGE_JOIN.fullmatch(gap)
            if m and (gap.strip() != "و" or _RANGE_OPEN.search(norm, max(0, prev.start - 12), prev.start)):
                a, b = cal.value_range(prev.value), cal.value_range(f.value)
                if a and b and a == b and f.grain == "day":  # 3 ربيع الآخر 1436 - 23 يناير 2015: one day, twice
                    out[-1] = Found(prev.start, f.end, f.value, f.grain)
                    continue
                if a and b and a[0] <= b[1]:
                    out[-1] = Found(prev.start, f.end, cal.fmt_interval(a[0], b[1]), "interval")
                    continue
        out.append(f)
    return out


def _after_duration_marker(g: Grammar, norm: str, start: int) -> bool:
    """طوال اليوم، لمدة أسبوع: the word before the expression makes it a length of time."""
    prev = norm[max(0, start - 12):start].split()
    if not prev:
        return False
    w = prev[-1]
    durs = g.lex.markers["duration"]
    return w in durs or (w[:1] in "ول" and w[1:] in durs)


def direction_of(value: str, anchor: dt.date | None) -> str | None:
    """past, present or future: where a value lies from the anchor."""
    rng = cal.value_range(value) if anchor else None
    if rng is None:
        return None
    if rng[1] < anchor:
        return "past"
    if rng[0] > anchor:
        return "future"
    return "present"


def _anchor(date: str | dt.date | None) -> dt.date | None:
    if date is None or isinstance(date, dt.date):
        return date
    return dt.date.fromisoformat(date[:10])


def find_all(text_or_doc, anchor_date: str | dt.date | None = None, *,
             article_id: str = "") -> tuple[list[TimeExpr], list[Span]]:
    """Times and durations of a text or Doc, offsets into the original text.

    With a Doc, its normalized text, sentences and (unless given) article date and id are used.
    """
    from ..doc import Doc
    if isinstance(text_or_doc, Doc):
        doc = text_or_doc
        norm = doc.norm or NormText(doc.text)
        if anchor_date is None:
            anchor_date = doc.article.date
        article_id = article_id or doc.article.id
        sentences = [(norm.to_norm(s.start), norm.to_norm(s.end)) for s in doc.sentences] or None
    else:
        norm, sentences = NormText(text_or_doc), None
    anchor = _anchor(anchor_date)
    original = norm.original
    times: list[TimeExpr] = []
    durations: list[Span] = []
    for f in scan(norm.text, anchor, sentences):
        s, e = norm.to_orig(f.start, f.end)
        if f.value is None:
            durations.append(Span(text=original[s:e], start=s, end=e))
        else:
            times.append(TimeExpr(id=make_id(article_id, "time", s, e), text=original[s:e], start=s, end=e,
                                  value=f.value, grain=f.grain, direction=direction_of(f.value, anchor)))
    return times, durations


def find_times(text_or_doc, anchor_date: str | dt.date | None = None, *, article_id: str = "") -> list[TimeExpr]:
    """The time expressions of a text or Doc, resolved against ``anchor_date`` (ISO string or date)."""
    return find_all(text_or_doc, anchor_date, article_id=article_id)[0]


def resolve(expression: str, anchor_date: str | dt.date | None = None) -> TimeExpr | None:
    """The first time expression in a short text (``resolve("الأسبوع المقبل", "2025-04-20").value``)."""
    found = find_times(expression, anchor_date)
    return found[0] if found else None
