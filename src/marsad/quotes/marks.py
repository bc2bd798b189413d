"""Quoted segments: the text between quotation marks, in every style news uses.

Styles: « » “ ” „ “ ‹ › and the symmetric " and '' (two apostrophes). Marks nest (« ... "..." ... »): only
the outermost segment is returned, the inner marks stay part of its text. A quotation continues over a
paragraph break when the next paragraph opens with the same mark (the typographic convention for long
quotes). An unclosed quotation never runs on: it is capped at the end of its paragraph or at
:data:`MAX_UNCLOSED` characters (cut back to a sentence end when there is one) and flagged ``unclosed_quote``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: opening mark -> the closing marks it accepts (” is also used as an opener in right-to-left typing)
PAIRS: dict[str, tuple[str, ...]] = {
    "«": ("»",), "“": ("”", "“", "″"), "„": ("“", "”"), "‹": ("›",), '"': ('"',), "''": ("''",), "”": ("“", "”"),
}
MARK_RE = re.compile(r"''|[\"“”«»„‹›″]")
#: the longest an unclosed quotation is allowed to run, in characters
MAX_UNCLOSED = 400
#: the longest a closed quotation inside one paragraph may be before it is taken as unclosed
MAX_QUOTE = 3000
_TERMINAL = re.compile(r"[.!?؟…](?=\s)")


@dataclass(frozen=True, slots=True)
class Segment:
    """A quotation: ``start``/``end`` bound its content, ``outer_start``/``outer_end`` include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool = True


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _cap(text: str, open_end: int, limit: int) -> int:
    """Where an unclosed quotation opened at ``open_end`` stops: a sentence end before ``limit`` if any."""
    limit = min(limit, open_end + MAX_UNCLOSED)
    last = None
    for m in _TERMINAL.finditer(text, open_end, limit):
        last = m.end()
    if last is None and limit < len(text) and text[limit - 1] in ".!?؟…":
        last = limit
    return last if last is not None else limit


def find_segments(text: str) -> list[Segment]:
    """Outermost quoted segments of ``text``, in order."""
    out: list[Segment] = []
    marks = [(m.start(), m.end(), m.group()) for m in MARK_RE.finditer(text)]
    i = 0
    n = len(marks)
    while i < n:
        s, e, ch = marks[i]
        if ch not in PAIRS:  # a stray closing mark
            i += 1
            continue
        stack = [ch]
        j = i + 1
        close = None
        para_end = text.find("\n", e)
        para_end = len(text) if para_end < 0 else para_end
        while j < n:
            ms, me, mc = marks[j]
            if ms > para_end:
                # a new paragraph: the quotation goes on only when it opens with the same mark
                nxt = text[para_end:ms]
                if len(stack) == 1 and not nxt.strip() and mc == stack[0]:
                    para_end = text.find("\n", me)
                    para_end = len(text) if para_end < 0 else para_end
                    j += 1
                    continue
                break
            if mc in PAIRS[stack[-1]]:
                stack.pop()
                if not stack:
                    close = j
                    break
            elif mc in PAIRS:
                stack.append(mc)
            j += 1
        if close is not None and marks[close][0] - e <= MAX_QUOTE:
            cs, ce = _trim(text, e, marks[close][0])
            if ce > cs:
                out.append(Segment(start=cs, end=ce, outer_start=s, outer_end=marks[close][1]))
            i = close + 1
            continue
        end = _cap(text, e, para_end)
        cs, ce = _trim(text, e, end)
        if ce > cs:
            out.append(Segment(start=cs, end=ce, outer_start=s, outer_end=end, closed=False))
        i += 1
        while i < n and marks[i][0] < end:
            i += 1
    return out
