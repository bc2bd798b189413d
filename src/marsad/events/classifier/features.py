"""Sentence features shared by training and inference: the same functions make both, so they cannot drift.

A sentence becomes a bag of strings over its normalized text (:func:`marsad.text.normalize.normalize`, then
the tokenizer's token regex :data:`marsad.text.tokenize.TOKEN_RE`):

* ``w:`` word unigrams and ``b:`` word bigrams (numbers folded to ``0``; sentence punctuation breaks bigrams);
* ``c:`` character 3–5-grams inside each word padded with spaces. The stem of وبالمفاوضات shares its
  n-grams with مفاوضات, which is why no clitic segmentation — and no clitic lexicon, which may be rebuilt
  and would silently change the features — is used here.

:func:`word_features` is cached per word form, so for words a process has seen the cost is a look-up.
"""
from __future__ import annotations

from functools import lru_cache

from ...text.normalize import normalize
from ...text.tokenize import TOKEN_RE

CHAR_NGRAMS = (3, 4, 5)
#: only the first letters of very long tokens (URLs, run-together words) give character n-grams
MAX_WORD_CHARS = 24
NUM = "0"
BREAK = "|"
WORD_KINDS = frozenset({"word", "latin", "hashtag"})
BREAK_PUNCT = frozenset(".،,;؛:!?؟")


def words(text: str) -> list[str]:
    """Normalized word tokens of ``text``: numbers become ``0``, sentence punctuation ``|``."""
    out: list[str] = []
    for m in TOKEN_RE.finditer(normalize(text)):
        kind = m.lastgroup
        if kind in WORD_KINDS:
            out.append(m.group())
        elif kind == "number":
            out.append(NUM)
        elif kind == "punct" and m.group() in BREAK_PUNCT:
            out.append(BREAK)
    return out


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, ...]:
    """The unigram and character n-gram features of one normalized word (none for a break)."""
    if word == BREAK:
        return ()
    if word == NUM:
        return ("w:0",)
    w = f" {word[:MAX_WORD_CHARS]} "
    n = len(w)
    return (f"w:{word}",) + tuple(f"c:{w[i:i + k]}" for k in CHAR_NGRAMS for i in range(n - k + 1))


def bigrams(ws: list[str]) -> list[str]:
    """Word bigram features of a word sequence from :func:`words`."""
    return [f"b:{a} {b}" for a, b in zip(ws, ws[1:]) if a != BREAK and b != BREAK]


def features(text: str) -> list[str]:
    """All feature strings of one sentence, with repeats (term frequency counts)."""
    ws = words(text)
    out = [f for w in ws for f in word_features(w)]
    out.extend(bigrams(ws))
    return out
