"""Tokenizer with character offsets and clitic parts.

One compiled regular expression finds the surface tokens (Arabic words, Latin words and acronyms, numbers in
any digits, URLs, e-mails, hashtags, mentions, punctuation). Tokens and whitespace cover the text exactly;
the only other characters left between tokens are invisible format controls (bidi marks, zero-width spaces).

Arabic words are split into their clitic parts (Stanza's token/word split: وبالمفاوضات = و + ب + ال +
مفاوضات) by :func:`choose_analysis`, which decides with a word frequency lexicon whether letters that look
like clitics are clitics (و+قال) or part of the stem (وزير، لبنان).

Speed: everything about a surface form (its kind, normalized form and clitic parts) is computed once per
process and cached, so the work per token is one dictionary look-up and building the tuples of the result
(see :func:`tokenize`). The package's lexicon comes with the cache prefilled from an analysis table (see
:mod:`marsad.text.lexicon`). When Cython and a C compiler were at hand at install time, this module is compiled
from this file and the loop over the tokens runs in C (``_speedups.pyx``, see ext-modules in pyproject.toml):
the compiled module shadows this file, so rebuild (``pip install -e .``) after editing it;
``tests/text/test_speedups.py`` fails while the two disagree.
"""
from __future__ import annotations

import re
from functools import partial
from itertools import accumulate

from ..doc import Token
from .normalize import folder

AR_LETTER = ("\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
             "\ufb50-\ufdff\ufe70-\ufefc")
AR_MARK = "\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
#: invisible format characters that separate tokens like whitespace does (never a token by themselves)
FORMAT_CHARS = frozenset("\u00ad\u061c\u200b\u200e\u200f\u2060\ufeff" + "".join(map(chr, range(0x202A, 0x202F)))
                         + "".join(map(chr, range(0x2066, 0x206A))))
FORMAT = "".join(sorted(FORMAT_CHARS))
_QUOTES = "«»\"“”<>"

#: (kind, pattern) in priority order; the first alternative that matches at a position wins
TOKEN_PATTERNS: tuple[tuple[str, str], ...] = (
    # Arabic words first: most tokens are, and no later alternative can start with an Arabic letter
    ("word", rf"[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*"),
    ("url", rf"(?:https?://|www\.)[^\s{_QUOTES}]*[^\s{_QUOTES}.,;:!?؟،؛)\]}}'’]"),
    ("email", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    ("hashtag", rf"#[\w{AR_MARK}]+"),
    ("mention", r"@\w+"),
    ("number", r"\d+(?:[.,٫٬]\d+)*[%٪]?"),
    ("latin", r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"
              r"|[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f0-9]|['’-](?=[A-Za-z\u00c0-\u024f]))*"),
    ("punct", rf"\.{{2,}}|[^\s\w{FORMAT}]"),
    ("symbol", rf"[^\W\d_]+|[^\s{FORMAT}]"),
)
#: the tokenizer's regular expression, one named group per kind (``m.lastgroup`` is the kind)
TOKEN_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in TOKEN_PATTERNS))
#: the same alternatives as one capturing group: ``split`` returns the gaps and the tokens, in order. No token
#: starts with a space: the lookahead rejects a space at once, where the engine would try every alternative
_SPLIT_RE = re.compile(r"(?=\S)(" + "|".join(f"(?:{p})" for _, p in TOKEN_PATTERNS) + ")")

PROCLITIC_CONJ = ("و", "ف")
PROCLITIC_PREP = ("ب", "ل", "ك")
FUTURE = "س"
#: the future prefix only comes before an imperfect verb, which starts with one of these
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
ARTICLE = "ال"
ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ك", "ي")
#: enclitics that may follow a bare preposition: له، بها، لنا
PREP_STEMS = {"ل": ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ك", "ي"),
              "ب": ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ك")}

#: prepositions and particles that take any pronoun (in the spelling they have before one: لدى → لدي): always
#: split, whatever the counts (لديك is لدي + ك, not ل + ديك)
PRONOUN_HOSTS = frozenset({"لدي", "علي", "إلي", "الي", "عن", "من", "مع", "عند", "أن", "إن", "ان", "لكن", "بين",
                           "حول", "أمام", "امام", "ضد", "نحو", "دون", "فوق", "تحت", "منذ", "عبر", "خلال", "بعد",
                           "قبل"})

#: a stem must be at least this long (in letters) for the letters around it to be taken as clitics
MIN_STEM = 2
#: How much evidence a split needs, per clitic. A reading scores count(stem) x the weights of its clitics and
#: must reach WHOLE_WEIGHT x count(whole word). The weights reflect how often a clitic attaches: و attaches to
#: so many words that واضاف is seen twenty times as often as اضاف, yet it is و + أضاف; ك ("like") is rare, so
#: its stem must be seen far more often than the whole word; ك (your) and ي (my) are rarer still in news.
PROCLITIC_WEIGHTS = {"و": 2.0, "ف": 0.5, "ب": 1.0, "ل": 1.0, "ك": 0.15, "س": 0.5}
ENCLITIC_WEIGHTS = {"ه": 0.1, "ها": 0.1, "هم": 0.1, "هما": 0.1, "هن": 0.05, "ك": 0.002, "كم": 0.02, "نا": 0.1,
                    "ي": 0.0005}
#: enclitics of the first and second person (my, your): rare in news outside quoted speech, while a word that
#: only looks like one with them is common (سليماني، فتحي، يشارك). A word never seen whole keeps them unless its
#: stem is a noun (seen with the article: a name never is).
SPEECH_ENCLITICS = frozenset({"ي", "ك", "كم"})
WHOLE_WEIGHT = 0.02
#: Two-letter stems need far more evidence: many two-letter strings are seen as fragments, while the real
#: two-letter stems after a clitic are frequent function words (و+قد، ف+إن، من+ه), not لقي = ل + قي.
SHORT_STEM_WEIGHT = 0.3
#: A word that is itself seen with the article (البنك، الوزير، الولاية), or after و when it starts with و
#: (ووزير), at least this share of its own count is a word of its own: its first or last letters are not clitics.
LEXEME_SHARE = 0.02
#: how often a word must be seen before it counts as known (the stem of a split)
MIN_STEM_COUNT = 3

#: the light form used for the clitic analysis: marks removed and presentation forms decomposed, but the
#: letters kept (ة, ى and hamza on alef tell a lot: أل is not the article, ة is never the pronoun ه)
_LIGHT = folder(fold_ya=False, fold_ta=False, fold_alef=False, lower=False)
#: :func:`marsad.text.normalize.normalize` as one ``str.translate`` (the same result, without its dispatch), and
#: the search for a character it changes
_NORMALIZE = folder().table
_NORMALIZED = folder().changed


class CliticLexicon:
    """Word frequencies (normalized forms) that decide clitic splits; see :mod:`marsad.text.lexicon`.

    It also keeps the tokenizer's cache of analysed surface forms, which is only valid for this lexicon.
    """

    #: the cache is cleared when it grows past this many surface forms (bounded memory on huge inputs), back to
    #: its prefilled entries (:meth:`prefill`)
    MAX_CACHE = 400_000

    def __init__(self, freq: dict[str, int] | None = None, never_split: frozenset[str] = frozenset()):
        self.freq = {w: n for w, n in (freq or {}).items() if n >= MIN_STEM_COUNT}
        self.never_split = never_split
        self.cache: dict[str, tuple] = {}  # surface -> (kind, norm, parts layout)
        self.prefilled: dict[str, tuple] = {}  # what the cache holds when it starts or is cleared
        #: the counts :meth:`count` reads: a word that starts with an alef has the sum over the hamza its alef
        #: carries (أعلن، اعلن), under each of its spellings, so that a count is a single look-up
        self._counts = dict(self.freq)
        any_alef: dict[str, int] = {}
        for w, n in self.freq.items():
            if w[:1] in _ALEFS:
                any_alef[w[1:]] = any_alef.get(w[1:], 0) + n
        for rest, n in any_alef.items():
            for alef in _ALEFS:
                self._counts[alef + rest] = n

    def prefill(self, entries: dict[str, tuple]) -> None:
        """Cache entries computed beforehand (the analysis table): kept when the cache is cleared."""
        self.prefilled = entries
        self.cache.update(entries)

    def count(self, light: str) -> int:
        """How often a word (in light form) was seen, whatever hamza its first alef carries; 0 when unknown."""
        return self._counts.get(light.replace("ى", "ي"), 0)

    def exact(self, light: str) -> int:
        """How often exactly this spelling was seen (أل is not ال)."""
        return self.freq.get(light.replace("ى", "ي"), 0)


#: How the lexicon's words are normalized (options of :func:`marsad.text.normalize.normalize`): it keeps hamza
#: and ة, which tell a lot (ألوانها has no article, كتابة is not كتاب + ه), and folds ى, which news spells either
#: way. A light form becomes a lexicon key by folding ى alone (``CliticLexicon.count``).
LEXICON_NORMALIZATION = {"fold_ta": False, "fold_alef": False}
_ALEFS = frozenset("اأإآ")
Analysis = tuple[tuple[str, ...], str, str, str]  # proclitics, article, stem, enclitic
_PREFIX_LETTERS = PROCLITIC_CONJ + PROCLITIC_PREP + (FUTURE, ARTICLE)


def _proclitic_options(w: str) -> list[tuple[str, ...]]:
    """Proclitic sequences the word may start with: (), (و,), (ب,), (و, ب), (ف, س) …"""
    out: list[tuple[str, ...]] = [()]
    for conj in ((), *((c,) for c in PROCLITIC_CONJ if w.startswith(c))):
        if conj:
            out.append(conj)
        rest = w[len(conj):]
        for p in PROCLITIC_PREP:
            if rest.startswith(p):
                out.append(conj + (p,))
        if rest.startswith(FUTURE) and rest[1:2] in IMPERFECT_PREFIXES:
            out.append(conj + (FUTURE,))
    return out


class _Memo(dict):
    """A function's memory: a dict that computes a missing value once, then answers at C speed."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str):
        value = self[key] = self.fn(key)
        return value


def _readings_of_head(head: str) -> tuple[tuple[tuple[str, ...], int, str, float], ...]:
    """The proclitic options of the words that start with ``head`` (their first three letters, all the options
    depend on), each with its length in letters, its last clitic and its weight."""
    opts = []
    for pre in _proclitic_options(head):
        weight = 1.0
        for p in pre:
            weight *= PROCLITIC_WEIGHTS[p]
        opts.append((pre, sum(map(len, pre)), pre[-1] if pre else "", weight))
    return tuple(opts)


#: the readings of a word by its first three letters, and its possible enclitics by its last three (bounded:
#: one entry per distinct three letters)
_HEADS = _Memo(_readings_of_head)
_TAILS = _Memo(lambda tail: tuple(e for e in ENCLITICS if tail.endswith(e)))


def _enclitic_stems(stem: str) -> tuple[str, ...]:
    """Dictionary forms of a stem seen before an enclitic: حكومت(ه) is حكومة, مستوا(ه) is مستوى."""
    last = stem[-1:]
    if last == "ت":
        return (stem, stem[:-1] + "ة")
    if last == "ا":
        return (stem, stem[:-1] + "ى")
    if last in ("ؤ", "ئ"):
        return (stem, stem[:-1] + "ء")
    return (stem,)


def _protected(u: str, lex: CliticLexicon) -> bool:
    """A unit not to split further: in never_split, or a word of its own (see LEXEME_SHARE)."""
    exact = lex.exact
    seen = exact(ARTICLE + u) + (exact("و" + u) if u.startswith("و") else 0)
    return (seen > 0 and seen >= LEXEME_SHARE * lex.count(u)) or u.translate(_NORMALIZE) in lex.never_split


def _splits_protected(a: Analysis, w: str, lex: CliticLexicon) -> bool:
    """Whether a reading splits inside a protected unit (وكان is و + كان, never و + ك + ان)."""
    pre, art, stem, enc = a
    if len(stem) < MIN_STEM:
        return False  # a preposition and its pronoun
    pos = 0
    for k in range(len(pre) + 1):
        inner = k < len(pre) or bool(art)  # a split inside the unit that starts here, before any enclitic
        if (inner or enc) and _protected(w[pos:], lex):
            return True
        if inner and enc and any(_protected(u, lex) for u in _enclitic_stems(w[pos:len(w) - len(enc)])):
            return True  # وزيرها is وزير + ها, never و + زير + ها
        if k < len(pre):
            pos += len(pre[k])
    return False


def _unjustified(a: Analysis, w: str, lex: CliticLexicon) -> bool:
    """Whether a split below the first one lacks evidence against the unit it splits: each clitic must be
    justified by its own unit, as the first is by the whole word (ولقي is و + لقي, not و + ل + قي)."""
    pre, art, stem, enc = a
    if len(stem) < MIN_STEM or (not enc and len(pre) < 2):
        return False  # a preposition and its pronoun, or a single split (justified by the whole word)
    count = lex.count
    share = SHORT_STEM_WEIGHT if len(stem) == MIN_STEM and not art else WHOLE_WEIGHT
    starts = list(accumulate(map(len, pre), initial=0))  # where the unit after each proclitic starts
    # the evidence of the innermost unit, carried outwards one clitic at a time
    evidence = float(lex.exact(ARTICLE + stem) if art else
                     max(map(count, _enclitic_stems(stem))) if enc else count(stem))
    if enc:
        rest = w[starts[-1]:]
        if pre and evidence * ENCLITIC_WEIGHTS[enc] < share * count(rest):
            return True
        evidence = max(count(rest), evidence * ENCLITIC_WEIGHTS[enc])
    for k in range(len(pre) - 1, 0, -1):
        unit = w[starts[k]:]
        if evidence * PROCLITIC_WEIGHTS[pre[k]] < share * count(unit):
            return True
        evidence = max(count(unit), evidence * PROCLITIC_WEIGHTS[pre[k]])
    return False


def choose_analysis(w: str, lex: CliticLexicon) -> Analysis:
    """The most plausible (proclitics, article, stem, enclitic) of a word in light form.

    A reading with clitics must have enough evidence (see PROCLITIC_WEIGHTS) and must not split inside a
    protected unit (see LEXEME_SHARE and ``never_split.txt``). Of the readings left, the one with the most
    clitics wins (وبشكل is و + ب + شكل even though بشكل is seen more often than شكل), then the best evidence.
    The bare article (ال + stem) is taken whenever the stem is a known word: almost every word that starts with
    ال has the article, and the exceptions (الذي، الآن) are listed. Without a lexicon, only the article and a
    conjunction or preposition before it are split (والمفاوضات، بالوسائل), which is safe for words of that shape.

    One flat loop on purpose: every distinct word of a corpus goes through here once, so it is the tokenizer's
    cost on new text.
    """
    whole: Analysis = ((), "", w, "")
    if len(w) < 2 or not (w.startswith(_PREFIX_LETTERS) or w.endswith(ENCLITICS)):
        return whole
    if not lex.freq:
        return _article_only(w)
    count, exact = lex.count, lex.exact
    whole_count = count(w)
    floor, short_floor = WHOLE_WEIGHT * whole_count, SHORT_STEM_WEIGHT * whole_count
    encs = _TAILS[w[-3:]]
    found: list[tuple[tuple[int, float], Analysis]] = []
    for pre, plen, last, weight in _HEADS[w[:3]]:
        npre = len(pre)
        rest = w[plen:]
        if last != FUTURE:
            # the article: ال, or its ل alone after the preposition ل (لل = ل + ال)
            art = "ل" if last == "ل" and rest.startswith("ل") and not rest.startswith(ARTICLE) else (
                ARTICLE if rest.startswith(ARTICLE) else "")
            stem = rest[len(art):]
            if art and len(stem) >= MIN_STEM:
                # the bare article is taken whenever the stem is a known word or the word cannot be a verb
                score = exact(ARTICLE + stem) * weight if npre else (
                    _ALWAYS if count(stem) or _unknown_definite(w, stem, count) else 0.0)
                if score > 0 and score >= floor:
                    found.append(((npre + 1, score), (pre, art, stem, "")))
        if npre and len(rest) >= MIN_STEM and (last != FUTURE or rest[:1] in IMPERFECT_PREFIXES):
            score = count(rest) * weight
            if score > 0 and score >= (short_floor if len(rest) == MIN_STEM else floor):
                found.append(((npre, score), (pre, "", rest, "")))
        for enc in encs:
            stem = rest[:len(rest) - len(enc)]
            if len(stem) < MIN_STEM:
                if enc in PREP_STEMS.get(stem, ()) and last not in PROCLITIC_PREP:
                    found.append(((npre + 1, _ALWAYS), (pre, "", stem, enc)))  # له، بها، ولنا
                continue
            if last == FUTURE and stem[:1] not in IMPERFECT_PREFIXES:
                continue
            if stem in PRONOUN_HOSTS and last not in PROCLITIC_PREP:
                found.append(((npre + 1, _ALWAYS), (pre, "", stem, enc)))  # لديك، عليه، ومنهم
                continue
            if not whole_count and enc in SPEECH_ENCLITICS and not any(
                    exact(ARTICLE + s) for s in _enclitic_stems(stem)):
                continue  # a name (نوفاك، سليماني), unless the stem is a noun, seen with the article (بلادك)
            if stem.startswith(ARTICLE) and len(stem) >= 2 + MIN_STEM and count(stem[2:]):
                continue  # a pronoun never follows a noun with the article (القطي is not القط + ي)
            if enc == "ي" and max(count(stem + "ية"), count(stem + "ين")) * 4 > count(rest):
                continue  # a nisba adjective (إيراني، دولي) or a dual/plural before a noun (مسلحي، عامي), not + my
            score = max(map(count, _enclitic_stems(stem))) * weight * ENCLITIC_WEIGHTS[enc]
            if score > 0 and score >= (short_floor if len(stem) == MIN_STEM else floor):
                found.append(((npre + 1, score), (pre, "", stem, enc)))
    if found:
        found.sort(reverse=True)
        for _, a in found:
            if not _splits_protected(a, w, lex) and not _unjustified(a, w, lex):
                return a
    return whole


#: an unknown stem after the article needs this many letters (ال + a rare two-letter string is rarely a noun)
MIN_UNKNOWN_STEM = 3


def _unknown_definite(w: str, stem: str, count) -> bool:
    """Whether a word that starts with ال has the article although its stem was never seen alone (المتحدة،
    اليمن، الحوثيين: a small lexicon sees many nouns only with the article). The ال of a form VIII verb is part
    of its stem (التقى، التزم، الغى): those verbs have an imperfect يلتقي، يلتزم، يلغي, which no noun has."""
    return len(stem) >= MIN_UNKNOWN_STEM and not count("ي" + w[1:])


def _article_only(w: str) -> Analysis:
    """The analysis without a lexicon: the article and one conjunction and/or preposition before it."""
    for pre in sorted(_proclitic_options(w), key=len, reverse=True):
        if pre[-1:] == (FUTURE,):
            continue
        rest = w[sum(map(len, pre)):]
        art = "ل" if pre[-1:] == ("ل",) and rest.startswith("ل") and not rest.startswith(ARTICLE) else (
            ARTICLE if rest.startswith(ARTICLE) else "")
        if art and len(rest) - len(art) >= MIN_STEM:
            return pre, art, rest[len(art):], ""
    return ((), "", w, "")


_ALWAYS = float("inf")


def _light_map(surface: str) -> tuple[str, list[int] | None]:
    """The light form of a surface word and, for each of its characters, the surface index it comes from
    (``None`` when the two line up one to one, as they do for most words)."""
    if _LIGHT.changed.search(surface) is None:
        return surface, None  # most words: nothing to fold (a search is cheaper than str.translate)
    t = _LIGHT.table
    if _LIGHT.special.search(surface) is None:
        return surface.translate(t), None
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(surface):
        rep = t.get(ord(ch), ch)
        out.append(rep)
        origin.extend([i] * len(rep))
    return "".join(out), origin


def analyze(surface: str, lex: CliticLexicon) -> tuple:
    """Clitic parts of an Arabic surface word as its layout (:attr:`marsad.doc.Token.layout`): text, end
    (relative to the word) and kind of each part, flat; ``()`` if unsplit.

    The parts cover the surface exactly: marks (harakat, tatweel) stay with the letter before them. The layout
    is flat and atomic on purpose: the cache holds one per surface form, and tuples of strings and ints are left
    alone by the garbage collector, which would otherwise walk the whole cache again and again.
    """
    light, origin = _light_map(surface)
    pre, art, stem, enc = choose_analysis(light, lex)
    if not pre and not art and not enc:
        return ()
    layout: list = []
    a = pos = 0
    for piece, kind in zip(pre + (art, stem, enc), _KINDS[len(pre)]):
        if not piece:
            continue
        pos += len(piece)
        b = len(surface) if pos == len(light) else pos if origin is None else origin[pos]
        if b <= a:
            return ()  # a boundary inside a ligature (ﻻ): keep the word whole
        layout += (surface[a:b], b, kind)
        a = b
    return tuple(layout)


#: the kinds of the pieces of an analysis, by its number of proclitics
_KINDS = [("proclitic",) * n + ("article", "stem", "enclitic") for n in range(4)]


def _classify(surface: str, lex: CliticLexicon) -> tuple[str, str, tuple]:
    """Kind, normalized form and clitic parts of a surface form (the kind a token of this text always has:
    the alternatives of the token regex are tried in order, and none of them looks past the token's end)."""
    # the normalized form is the surface itself when nothing folds (most forms): one string for both
    norm = surface if _NORMALIZED.search(surface) is None else surface.translate(_NORMALIZE)
    if surface[0] in _WORD_START:  # the regex's first alternative: the whole token is an Arabic word
        return "word", norm, analyze(surface, lex)
    m = TOKEN_RE.match(surface)
    kind = m.lastgroup if m is not None and m.end() == len(surface) else "symbol"
    return kind, norm, ()


#: the characters an Arabic word starts with (AR_LETTER as a set, for one look-up instead of a regex match)
_WORD_START = frozenset(filter(re.compile(f"[{AR_LETTER}]").match,
                              map(chr, (*range(0x0600, 0x0700), *range(0xFB50, 0xFF00)))))


def tokenize(text: str, lex: CliticLexicon | None = None) -> tuple[Token, ...]:
    """Surface tokens of ``text`` with offsets, normalized forms and clitic parts.

    Each token's kind, normalized form and parts layout come from the lexicon's cache of surface forms (shared
    by every occurrence of the form, see :class:`marsad.doc.Token`): only unseen forms cost Python work. The
    loop over the tokens is compiled when the package was built with Cython (``marsad.text._speedups``), else
    :func:`python_token_loop`; both give the same tokens.
    """
    lex = lex or _EMPTY_LEX
    if len(lex.cache) > lex.MAX_CACHE:
        lex.cache.clear()
        lex.cache.update(lex.prefilled)
    return _token_loop(text, lex)


def python_token_loop(text: str, lex: CliticLexicon) -> tuple[Token, ...]:
    """The tokens of ``text`` (see :func:`tokenize`), written for speed as a few C-level passes: one regex split
    gives the tokens and the gaps between them, the running sum of their lengths gives every offset, one cache
    look-up per token gives its kind, normalized form and parts layout, and the tokens are built by ``map``."""
    cache = lex.cache
    pieces = _SPLIT_RE.split(text)  # gap, token, gap, token, …, gap
    surfaces = pieces[1::2]
    offsets = list(accumulate(map(len, pieces)))
    infos = list(map(cache.get, surfaces))
    i = -1
    for _ in range(infos.count(None)):  # the unseen forms, found by C-level scans
        i = infos.index(None, i + 1)
        surface = surfaces[i]
        info = cache.get(surface)  # seen earlier in this text
        if info is None:
            info = cache[surface] = _classify(surface, lex)
        infos[i] = info
    kinds, norms, layouts = zip(*infos) if infos else ((), (), ())
    return tuple(map(_new_token, zip(surfaces, offsets[0::2], offsets[1::2], kinds, norms, layouts)))


_new_token = partial(tuple.__new__, Token)
_EMPTY_LEX = CliticLexicon()


def char_classes() -> bytes:
    """One byte per BMP character, for the compiled token loop: 1 if it is an Arabic letter (AR_LETTER), 2 if
    an Arabic mark (AR_MARK), 4 if whitespace or an invisible format character (FORMAT); read off the regex's
    own character sets."""
    bmp = "".join(map(chr, range(0x10000)))
    table = bytearray(0x10000)
    for flag, chars in ((1, f"[{AR_LETTER}]"), (2, f"[{AR_MARK}]"), (4, rf"[\s{FORMAT}]")):
        for m in re.finditer(chars, bmp):
            table[m.start()] |= flag
    return bytes(table)


try:
    from ._speedups import tokenize_loop
except ImportError:  # built without Cython or a C compiler
    _token_loop = python_token_loop
else:
    _token_loop = partial(tokenize_loop, TOKEN_RE.match, char_classes(), _classify, Token)
