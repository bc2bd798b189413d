"""Sentence splitting: terminal punctuation, paragraph breaks, quotation-aware.

A sentence ends at ``. ! ? ؟ …`` or ``۔`` (followed by space or the end), and always at a blank line or a line
break. Not at: a full stop inside an open quotation (« » “ ” " ") unless the quotation closes right after it,
decimals (3.5), common abbreviations (د. م. ص. ق.م), single-letter initials, or URLs/e-mails (tokens).
"""
from __future__ import annotations

import re

from ..doc import Sentence, Token

TERMINAL = ".!?؟…۔"
#: abbreviations after which a full stop does not end a sentence (normalized, without the dot)
ABBREVIATIONS = frozenset({
    "د", "م", "ص", "ق", "ق.م", "ه", "هـ", "ج", "أ", "ا", "ت", "س", "ب", "ك",
    "mr", "mrs", "dr", "prof", "st", "no", "vs", "etc", "jr", "sr", "inc", "ltd", "co", "u.s", "u.n",
})
OPEN_QUOTES = {"«": "»", "“": "”", "„": "“", "‹": "›"}
CLOSE_QUOTES = {v: k for k, v in OPEN_QUOTES.items()}
SYMMETRIC_QUOTES = {'"'}
#: the longest a quotation may stay open before sentence splitting stops respecting it (characters)
MAX_QUOTE_CHARS = 600

_BOUNDARY = re.compile(r"\n\s*\n|\n|[.!?؟…۔]+|[«»“”„‹›\"]")


def split_sentences(text: str, tokens: tuple[Token, ...] = ()) -> tuple[Sentence, ...]:
    """Sentences covering the non-space text; each knows its token index range when tokens are given."""
    protected = _protected_spans(tokens) if tokens else []
    cuts: list[int] = []
    quote_stack: list[tuple[str, int]] = []
    for m in _BOUNDARY.finditer(text):
        s, e = m.span()
        ch = text[s]
        if ch == "\n":
            cuts.append(e)
            quote_stack.clear()  # a paragraph never continues an unclosed quote's sentence
            continue
        if ch in OPEN_QUOTES or (ch in SYMMETRIC_QUOTES and not (quote_stack and quote_stack[-1][0] == ch)):
            if ch in SYMMETRIC_QUOTES or ch in OPEN_QUOTES:
                quote_stack.append((OPEN_QUOTES.get(ch, ch), s))
            continue
        if ch in CLOSE_QUOTES or ch in SYMMETRIC_QUOTES:
            if quote_stack and quote_stack[-1][0] == ch:
                quote_stack.pop()
                # a terminal mark just inside the closing quote ends the sentence after the quote
                if s > 0 and text[s - 1] in TERMINAL and _ends_here(text, e):
                    cuts.append(e)
            continue
        # terminal punctuation
        if quote_stack and s - quote_stack[-1][1] < MAX_QUOTE_CHARS:
            continue
        if not _ends_here(text, e):
            continue
        if ch == "." and e - s == 1 and (_is_abbreviation(text, s) or _in_spans(protected, s)):
            continue
        cuts.append(e)
    return _build(text, cuts, tokens)


def _ends_here(text: str, e: int) -> bool:
    """A terminal mark ends a sentence when followed by space, a closing bracket/quote, or the end."""
    if e >= len(text):
        return True
    nxt = text[e]
    return nxt.isspace() or nxt in ")]»”\"'"


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(«\"":
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()  # initials: د. or J.


def _protected_spans(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokens if t.kind in ("url", "email", "number")]


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _build(text: str, cuts: list[int], tokens: tuple[Token, ...]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    prev = 0
    ti = 0
    n_tok = len(tokens)
    for cut in sorted(set(cuts)) + [len(text)]:
        if cut <= prev:
            continue
        seg = text[prev:cut]
        lstrip = len(seg) - len(seg.lstrip())
        rstrip = len(seg) - len(seg.rstrip())
        start, end = prev + lstrip, cut - rstrip
        prev = cut
        if end <= start:
            continue
        first = ti
        while ti < n_tok and tokens[ti].start < end:
            ti += 1
        out.append(Sentence(text=text[start:end], start=start, end=end, first_token=first, last_token=ti))
    return tuple(out)
