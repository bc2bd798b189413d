"""Arabic normalization for matching, with an offset map back to the original text.

The article text is never changed. Matching (lexicons, gazetteers, cue words) runs on a normalized copy:

* harakat, tanwin, shadda, sukun, superscript alef, Quranic marks and tatweel removed;
* alef variants (أ إ آ ٱ) folded to ا; Persian yeh/keheh (ی ک) to ي ك;
* alef maqsura (ى → ي) and ta marbuta (ة → ه) folded (options, on by default);
* Arabic-Indic and Persian digits to ASCII, Arabic decimal/thousands separators and percent sign to ``. , %``;
  ASCII letters lower-cased;
* bidi controls and zero-width characters removed;
* Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) decomposed (ﻻ → لا).

Everything is one character table, applied per character, so the normalized text of a slice is the slice of the
normalized text. On long texts it is applied as one regex scan for the characters that change plus one
``str.replace`` per distinct such character, which is about three times faster than ``str.translate`` with a
dict (which raises and clears a KeyError inside for every unchanged non-ASCII character). :class:`NormText` keeps
the segments where lengths differ, so a span found in the normalized text maps back to the original by bisection.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # tanwin x3, fatha, damma, kasra, shadda, sukun
OTHER_MARKS = "".join(chr(c) for c in range(0x0653, 0x0660)) + "\u0670" + "".join(
    chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E5, 0x06E6, 0x06E9))
TATWEEL = "\u0640"
BIDI_AND_ZERO_WIDTH = ("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u061c\ufeff"
                       "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: characters that belong to the letter before them: a span's end is extended over them
COMBINING_DELETED = HARAKAT + OTHER_MARKS + TATWEEL
DELETED = COMBINING_DELETED + BIDI_AND_ZERO_WIDTH

ALEF_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
LETTER_FOLD = {"ی": "ي", "ک": "ك", "ے": "ي", "ە": "ه"}
DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
DIGIT_PUNCT = {"٫": ".", "٬": ",", "٪": "%"}
YA_FOLD = {"ى": "ي"}
TA_FOLD = {"ة": "ه"}
HAMZA_FOLD = {"ؤ": "و", "ئ": "ي"}

ARABIC_COMMA, ARABIC_SEMICOLON, ARABIC_QUESTION = "،", "؛", "؟"
ARABIC_FULL_STOP = "۔"
ARABIC_PUNCTUATION = ARABIC_COMMA + ARABIC_SEMICOLON + ARABIC_QUESTION + ARABIC_FULL_STOP + "٪٫٬"

PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))


@lru_cache(maxsize=16)
def table(*, fold_ya: bool = True, fold_ta: bool = True, fold_hamza: bool = False,
          lower: bool = True, fold_alef: bool = True) -> dict[int, str]:
    """The character table for one set of options (built once): code point -> replacement (maybe empty)."""
    base: dict[str, str] = {c: "" for c in DELETED}
    if fold_alef:
        base.update(ALEF_FOLD)
    base.update(LETTER_FOLD)
    base.update(DIGITS)
    base.update(DIGIT_PUNCT)
    if fold_ya:
        base.update(YA_FOLD)
    if fold_ta:
        base.update(TA_FOLD)
    if fold_hamza:
        base.update(HAMZA_FOLD)
    if lower:
        base.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
    t = {ord(k): v for k, v in base.items()}
    for lo, hi in PRESENTATION_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if unicodedata.category(ch) == "Cn":
                continue
            decomposed = unicodedata.normalize("NFKC", ch)
            if decomposed == ch:
                continue
            out = decomposed.translate(t)
            t[cp] = out if out.strip() else ""
    return t


class _Folder:
    """One option set's table, compiled: what changes, and what changes length (for the offset map)."""

    __slots__ = ("table", "changed", "special", "codes")

    #: below this length ``str.translate`` is faster than scanning and replacing
    SHORT = 48

    def __init__(self, t: dict[int, str]):
        self.table = t
        self.changed = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(t)) + "]")
        self.special = re.compile("[" + "".join(re.escape(chr(c)) for c, v in sorted(t.items())
                                                if len(v) != 1) + "]")
        #: the table as a list indexed by code point (``None``: kept), for the compiled folding (every character
        #: the table changes is in the BMP)
        self.codes: list[str | None] = [None] * 0x10000
        for c, v in t.items():
            self.codes[c] = v

    def __call__(self, text: str) -> str:
        if len(text) < self.SHORT:
            return text.translate(self.table)
        t = self.table
        # each replacement is already normalized, so the order of the replacements does not matter
        for ch in set(self.changed.findall(text)):
            text = text.replace(ch, t[ord(ch)])
        return text


@lru_cache(maxsize=32)
def folder(fold_ya: bool = True, fold_ta: bool = True, fold_hamza: bool = False, lower: bool = True,
           fold_alef: bool = True) -> _Folder:
    """The compiled normalizer for one set of options (built once per process)."""
    return _Folder(table(fold_ya=fold_ya, fold_ta=fold_ta, fold_hamza=fold_hamza, lower=lower,
                         fold_alef=fold_alef))


_DEFAULT = folder()


def normalize(text: str, *, fold_ya: bool = True, fold_ta: bool = True, fold_hamza: bool = False,
              lower: bool = True, fold_alef: bool = True) -> str:
    """Normalized copy of ``text`` for matching (see the module docstring). Idempotent."""
    if fold_ya and fold_ta and lower and fold_alef and not fold_hamza:
        return _DEFAULT(text)
    return folder(fold_ya, fold_ta, fold_hamza, lower, fold_alef)(text)


def dediac(text: str) -> str:
    """Remove harakat, Quranic marks and tatweel only (no letter folding)."""
    return text.translate(_DEDIAC)


_DEDIAC = {ord(c): None for c in COMBINING_DELETED}


class NormText:
    """A normalized copy of a text and the map from its offsets back to the original.

    ``segments`` lists runs ``(norm_start, orig_start, norm_len, orig_len)`` in order; a run is either a copy
    (``norm_len == orig_len``, one character for one) or one original character expanded to several.
    Deleted characters fall in the gaps between runs.
    """

    __slots__ = ("text", "original", "_nstarts", "_ostarts", "_segs")

    def __init__(self, original: str, *, fold_ya: bool = True, fold_ta: bool = True,
                 fold_hamza: bool = False, lower: bool = True, fold_alef: bool = True):
        self.original = original
        self.text, segs = _fold(original, folder(fold_ya, fold_ta, fold_hamza, lower, fold_alef))
        self._segs = segs
        self._nstarts = [s[0] for s in segs]
        self._ostarts = [s[1] for s in segs]

    def __len__(self) -> int:
        return len(self.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NormText) and (self.original, self.text, self._segs) == (
            other.original, other.text, other._segs)

    def __hash__(self) -> int:
        return hash((self.original, self.text))

    def __repr__(self) -> str:
        return f"NormText({self.text[:40]!r}{'…' if len(self.text) > 40 else ''})"

    def to_orig_start(self, n: int) -> int:
        """Original offset of the normalized character at ``n`` (``len`` maps to the original's end)."""
        if n >= len(self.text):
            return len(self.original)
        i = bisect.bisect_right(self._nstarts, n) - 1
        ns, os_, nl, ol = self._segs[i]
        return os_ + (n - ns) if nl == ol else os_

    def to_orig_end(self, n: int) -> int:
        """Original end offset (exclusive) for a normalized span ending at ``n``; trailing marks included."""
        if n <= 0:
            return self.to_orig_start(0) if self.text else 0
        i = bisect.bisect_right(self._nstarts, n - 1) - 1
        ns, os_, nl, ol = self._segs[i]
        end = os_ + (n - 1 - ns) + 1 if nl == ol else os_ + ol
        orig = self.original
        while end < len(orig) and orig[end] in COMBINING_DELETED:
            end += 1
        return end

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original text."""
        if end <= start:
            s = self.to_orig_start(start)
            return s, s
        return self.to_orig_start(start), self.to_orig_end(end)

    def to_norm(self, o: int) -> int:
        """Normalized offset for an original offset (a deleted character maps to the next kept one)."""
        if not self._segs:
            return 0
        i = bisect.bisect_right(self._ostarts, o) - 1
        if i < 0:
            return 0
        ns, os_, nl, ol = self._segs[i]
        if o < os_ + ol:
            return ns + (o - os_) if nl == ol else ns
        return ns + nl


def python_fold(original: str, f: _Folder) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The normalized text and the segments of :class:`NormText` (compiled as ``marsad.text._speedups.fold``
    when the package was built with Cython: one pass over the characters, the same result)."""
    t = f.table
    segs: list[tuple[int, int, int, int]] = []
    n = o = 0  # next positions in norm and original
    for m in f.special.finditer(original):
        p = m.start()
        if p > o:
            segs.append((n, o, p - o, p - o))
            n += p - o
        rep = t[ord(original[p])]
        if rep:
            segs.append((n, p, len(rep), 1))
            n += len(rep)
        o = p + 1
    if o < len(original):
        segs.append((n, o, len(original) - o, len(original) - o))
    return f(original), segs


try:
    from ._speedups import fold as _compiled_fold
except ImportError:  # built without Cython or a C compiler
    _fold = python_fold
else:
    def _fold(original: str, f: _Folder) -> tuple[str, list[tuple[int, int, int, int]]]:
        return _compiled_fold(original, f.codes)
