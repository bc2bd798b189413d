"""Tokenizer with character offsets and clitic parts.

One compiled regular expression finds the surface tokens (Arabic words, Latin words, numbers in any digits,
URLs, e-mails, hashtags, mentions, punctuation). Arabic words are then split into their clitic parts
(Stanza's token/word split: وبالمفاوضات = و + ب + ال + مفاوضات) by :func:`analyze`, which decides with a word
frequency lexicon whether letters that look like clitics are clitics (و+قال) or part of the stem (وزير، لبنان).
Analyses are cached per surface form, so the cost per token is a dictionary look-up.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..doc import Part, Token
from .normalize import NormText, normalize

AR_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc"
AR_MARK = "\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"

TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s«»\"“”<>]+[^\s«»\"“”<>.,;:!?؟،؛)\]}'])"
    r"|(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    rf"|(?P<hashtag>#[\w{AR_MARK}]+)"
    r"|(?P<mention>@\w+)"
    r"|(?P<number>\d+(?:[.,٫٬]\d+)*)"
    rf"|(?P<word>[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*)"
    r"|(?P<latin>[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f0-9]|['’-](?=[A-Za-z]))*)"
    r"|(?P<punct>\.{2,}|[^\s\w])"
    r"|(?P<symbol>[^\s])"
)

PROCLITIC_CONJ = ("و", "ف")
PROCLITIC_PREP = ("ب", "ك", "ل", "س")
ARTICLE = "ال"
ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي")

#: a stem must be at least this long (in normalized letters) for letters before it to be taken as clitics
MIN_STEM = 2


class CliticLexicon:
    """Word frequencies (normalized forms) that decide clitic splits; see :mod:`marsad.text.lexicon`."""

    def __init__(self, freq: dict[str, int] | None = None, never_split: frozenset[str] = frozenset()):
        self.freq = freq or {}
        self.never_split = never_split

    def known(self, w: str) -> int:
        return self.freq.get(w, 0)


def _candidates(w: str):
    """(proclitic parts, stem, enclitic) candidates for a normalized word, most split first."""
    pre_options: list[tuple[str, ...]] = [()]
    for c in PROCLITIC_CONJ:
        if w.startswith(c):
            pre_options.append((c,))
    extended = []
    for pre in pre_options:
        rest = w[len("".join(pre)):]
        for p in PROCLITIC_PREP:
            if rest.startswith(p):
                extended.append(pre + (p,))
    pre_options += extended
    out = []
    for pre in pre_options:
        rest = w[len("".join(pre)):]
        # the article: ال, or لل after the preposition ل (ل + ال with the alef dropped)
        arts = [""]
        if rest.startswith(ARTICLE):
            arts.append(ARTICLE)
        if pre and pre[-1] == "ل" and rest.startswith("ل") and not rest.startswith(ARTICLE):
            arts.append("ل")  # للمفاوضات = ل + (ا)ل + مفاوضات
        for art in arts:
            stem0 = rest[len(art):]
            encs = [""] + ([e for e in ENCLITICS if stem0.endswith(e)] if not art else [])
            for enc in encs:
                stem = stem0[: len(stem0) - len(enc)] if enc else stem0
                if len(stem) >= MIN_STEM:
                    out.append((pre, art, stem, enc))
    return out


def choose_analysis(w: str, lex: CliticLexicon) -> tuple[tuple[str, ...], str, str, str]:
    """The most plausible (proclitics, article, stem, enclitic) for a normalized word.

    The whole word wins when it is known at least as often as the stem of any split; a split wins when its stem
    (with or without the article) is a known word and the whole word is rare. Without a lexicon, only the
    unambiguous splits are made: a conjunction or preposition before the article (والمفاوضات، بالوسائل).
    """
    if w in lex.never_split or len(w) <= MIN_STEM:
        return (), "", w, ""
    best = ((), "", w, "")
    whole = lex.known(w)
    best_score = whole * 2 + (1 if whole else 0)
    for pre, art, stem, enc in _candidates(w):
        if not pre and not art and not enc:
            continue
        if art and len(stem) >= MIN_STEM and not enc:
            # proclitics + article: reliable whenever the article is really there
            f = max(lex.known(ARTICLE + stem), lex.known(stem), 1 if not lex.freq else 0)
            score = f * 4 if pre else f * 3
            if not lex.freq and (pre or art):
                score = 10**6 if len(stem) >= 2 else 0
        else:
            f = lex.known(stem) or lex.known(ARTICLE + stem) // 4
            # every clitic makes the analysis less likely; enclitic ي only with a well-known stem
            penalty = (2 ** (len(pre) + bool(enc))) * (8 if enc == "ي" else 1)
            score = f / penalty
        if score > best_score:
            best, best_score = (pre, art, stem, enc), score
    return best


@lru_cache(maxsize=200_000)
def _analyze_cached(surface: str, lex_id: int) -> tuple[tuple[int, int, str], ...]:
    lex = _LEXICONS[lex_id]
    nt = NormText(surface)
    w = nt.text
    pre, art, stem, enc = choose_analysis(w, lex)
    if not pre and not art and not enc:
        return ()
    parts: list[tuple[int, int, str]] = []
    pos = 0
    for p in pre:
        parts.append((pos, pos + len(p), "proclitic"))
        pos += len(p)
    if art:
        parts.append((pos, pos + len(art), "article"))
        pos += len(art)
    parts.append((pos, pos + len(stem), "stem"))
    pos += len(stem)
    if enc:
        parts.append((pos, pos + len(enc), "enclitic"))
    # map normalized offsets back to the surface form (harakat, tatweel)
    mapped = []
    for a, b, kind in parts:
        s, e = nt.to_orig(a, b)
        mapped.append((s, e, kind))
    # make the parts cover the surface exactly (leading marks belong to the first part)
    fixed = []
    for i, (s, e, kind) in enumerate(mapped):
        s = 0 if i == 0 else fixed[-1][1]
        e = len(surface) if i == len(mapped) - 1 else e
        fixed.append((s, e, kind))
    return tuple(fixed)


_LEXICONS: dict[int, CliticLexicon] = {}


def analyze(surface: str, lex: CliticLexicon) -> tuple[tuple[int, int, str], ...]:
    """Clitic parts of an Arabic surface word as ``(start, end, kind)`` relative to it; ``()`` if unsplit."""
    key = id(lex)
    if key not in _LEXICONS:
        _LEXICONS[key] = lex
    return _analyze_cached(surface, key)


def tokenize(text: str, lex: CliticLexicon | None = None) -> tuple[Token, ...]:
    """Surface tokens of ``text`` with offsets, normalized forms and clitic parts."""
    lex = lex or _EMPTY_LEX
    out = []
    append = out.append
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        surface = m.group()
        if kind == "word":
            rel = analyze(surface, lex)
            parts = tuple(Part(text=surface[a:b], start=s + a, end=s + b, kind=k) for a, b, k in rel)
            append(Token(text=surface, start=s, end=e, kind=kind, norm=_norm(surface), parts=parts))
        else:
            append(Token(text=surface, start=s, end=e, kind=kind or "symbol", norm=_norm(surface)))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _norm(surface: str) -> str:
    return normalize(surface)


_EMPTY_LEX = CliticLexicon()
