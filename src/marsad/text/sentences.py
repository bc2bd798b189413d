"""Sentence splitting: terminal punctuation, line breaks, quotation-aware.

A sentence ends at ``. ! ? ؟ …`` or ``۔`` (followed by space, a closing quote or bracket, or the end of the
text), and always at a line break: news paragraphs and headlines are one per line. It does not end at:

* a full stop inside a quotation (« » “ ” " ") — the quotation belongs to the sentence that reports it; a
  terminal mark just before the closing quote ends the sentence after the quote. A quotation only counts as one
  when it closes within the same paragraph and within :data:`MAX_QUOTE_CHARS`, so a stray quote mark never
  swallows the rest of the article;
* a decimal point or a dot inside a URL, an e-mail or an acronym (the tokenizer keeps those whole);
* common abbreviations (د. م. ص. ق.م أ.د) and single-letter initials (J. or م.).

Compiled with Cython when the package is built with it (see ext-modules in pyproject.toml): rebuild after an edit.
"""
from __future__ import annotations

import bisect
import re
from functools import partial
from operator import attrgetter

from ..doc import Sentence, Token

TERMINAL = ".!?؟…۔"
#: abbreviations after which a full stop does not end a sentence (lower case, without the final dot)
ABBREVIATIONS = frozenset({
    "د", "م", "ص", "ق", "ق.م", "ه", "هـ", "ج", "أ", "ا", "ت", "س", "ب", "ك", "أ.د", "ا.د", "ص.ب", "ج.م.ع",
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "jr", "sr", "inc", "ltd", "co", "u.s", "u.n",
    "e.g", "i.e", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
})
OPEN_QUOTES = {"«": "»", "“": "”", "„": "“", "‹": "›", '"': '"'}
CLOSE_QUOTES = frozenset(OPEN_QUOTES.values())
#: the longest a quotation may be for a full stop inside it not to end the sentence (characters)
MAX_QUOTE_CHARS = 600
#: characters that may follow a terminal mark that ends a sentence
AFTER_TERMINAL = ")]»”\"'’"
#: token kinds whose dots are never sentence ends
_WHOLE_KINDS = frozenset({"url", "email", "number", "latin", "hashtag", "mention"})

#: a line break or quotation mark, or a run of terminal marks, possibly both ("». or \n…"): one character class
#: first, which the regex engine scans for at C speed
_BOUNDARY = re.compile(r'[\n«»“”„‹›".!?؟…۔][.!?؟…۔]*')
_QUOTE_OR_BREAK = frozenset("\n") | frozenset(OPEN_QUOTES) | CLOSE_QUOTES
_START = attrgetter("start")
_new_sentence = partial(tuple.__new__, Sentence)
#: the word before a full stop, when it is short enough to be an abbreviation (searched with endpos = the dot)
_SHORT_WORD = re.compile(r'[^\s(«"“]{1,6}\Z')


def split_sentences(text: str, tokens: tuple[Token, ...] = ()) -> tuple[Sentence, ...]:
    """Sentences in order, covering every non-space character; each knows its token range when tokens are given."""
    starts = list(map(_START, tokens))  # token starts, for bisection without a key function
    cuts: list[int] = []
    closer = ""      # the closing mark of the open quotation ("" when none is open)
    quote_end = -1   # where that quotation closes
    for m in _BOUNDARY.finditer(text):
        s, e = m.span()
        ch = text[s]
        if ch in _QUOTE_OR_BREAK:
            if ch == "\n":
                cuts.append(s + 1)
                closer = ""
            elif closer and ch == closer and s == quote_end:
                closer = ""
                # a terminal mark just inside the closing quote ends the sentence after the quote
                end = _sentence_end(text, s + 1)
                if s and text[s - 1] in TERMINAL and end >= 0:
                    cuts.append(end)
            elif ch in OPEN_QUOTES and not closer:
                end = _quote_end(text, s, OPEN_QUOTES[ch])
                if end >= 0:
                    closer, quote_end = OPEN_QUOTES[ch], end
            if e == s + 1:
                continue
            s += 1  # terminal marks right after the quote or line break
        if closer:
            continue  # inside a quotation
        end = _sentence_end(text, e)
        if end < 0 or (e - s == 1 and text[s] == "." and (_is_abbreviation(text, s) or _inside_token(tokens, starts, s))):
            continue
        cuts.append(end)
    return _build(text, cuts, starts)


def _quote_end(text: str, start: int, close: str) -> int:
    """Where a quotation opened at ``start`` closes: in the same paragraph and close enough, else -1."""
    limit = min(len(text), start + MAX_QUOTE_CHARS)
    end = text.find(close, start + 1, limit)
    if end < 0:
        return -1
    nl = text.find("\n", start + 1, end)
    return end if nl < 0 else -1


def _sentence_end(text: str, e: int) -> int:
    """Where a sentence whose terminal mark ends at ``e`` ends: after any closing brackets and quotes, when
    space or the end of the text follows; -1 when it does not end there (3.5، www.x.org، "؟"قال)."""
    n = len(text)
    while e < n and text[e] in AFTER_TERMINAL:
        e += 1
    return e if e == n or text[e].isspace() else -1


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _SHORT_WORD.search(text, max(0, dot - 6), dot)
    if m is None:
        return False
    word = m.group().lower()
    if word[:1] in ("و", "ف") and word[1:] in ABBREVIATIONS:
        return True  # وأ.د. سامي
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())  # initials: د. or J.


def _inside_token(tokens: tuple[Token, ...], starts: list[int], pos: int) -> bool:
    """Whether the character at ``pos`` is inside a URL, e-mail, number or acronym token (U.S.)."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and tokens[i].end > pos and tokens[i].kind in _WHOLE_KINDS


def _build(text: str, cuts: list[int], starts: list[int]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    prev = 0
    ti = 0
    for cut in cuts + [len(text)]:
        if cut <= prev:
            continue
        seg = text[prev:cut]
        stripped = seg.strip()
        if not stripped:
            prev = cut
            continue
        start = prev + (len(seg) - len(seg.lstrip()))
        end = start + len(stripped)
        prev = cut
        first = ti
        ti = bisect.bisect_left(starts, end, lo=ti) if starts else 0
        out.append(_new_sentence((stripped, start, end, first, ti)))
    return tuple(out)
