"""Sentence features shared by training and inference: the same functions make both, so they cannot drift.

A sentence becomes a bag of strings over its normalized text (:func:`marsad.text.normalize.normalize`, then a
small token regex: runs of letters, numbers and sentence punctuation; the full tokenizer's URL, e-mail and clitic
handling cost four times as much and change nothing here):

* ``w:`` word unigrams and ``b:`` word bigrams (numbers folded to ``0``; sentence punctuation breaks bigrams);
* ``c:`` character 3–5-grams inside each word padded with spaces. The stem of وبالمفاوضات shares its
  n-grams with مفاوضات, which is why no clitic segmentation — and no clitic lexicon, which may be rebuilt
  and would silently change the features — is used here.

:func:`word_features` is cached per word form, so for words a process has seen the cost is a look-up.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...text.normalize import normalize

CHAR_NGRAMS = (3, 4, 5)
#: only the first letters of very long tokens (URLs, run-together words) give character n-grams
MAX_WORD_CHARS = 24
NUM = "0"
BREAK = "|"
#: a number | a run of letters (Arabic or Latin) | punctuation that breaks bigrams
TOKEN_RE = re.compile(r"(\d+(?:[.,]\d+)*)|([^\W\d_]+)|([.،,;؛:!?؟])")


def words(text: str) -> list[str]:
    """Normalized word tokens of ``text``: numbers become ``0``, sentence punctuation ``|``."""
    return [word or (NUM if num else BREAK) for num, word, _ in TOKEN_RE.findall(normalize(text))]


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
