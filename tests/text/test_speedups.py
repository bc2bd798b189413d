"""The compiled token loop (text/_speedups.pyx) gives exactly the tokens of the Python loop."""
from __future__ import annotations

import gc
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.doc import Token
from marsad.text import tokenize as T
from marsad.text.lexicon import load_clitic_lexicon

speedups = pytest.importorskip("marsad.text._speedups", reason="built without Cython or a C compiler")

LEX = load_clitic_lexicon()
TEXTS = [
    "قال وزير الخارجية إنّ «المفاوضات» ستُستأنف غداً في الدوحة.",
    "وَبِالْمُفَاوَضَاتِ وصلوا إلى اتفاق بنسبة 12.5% (٣٫٥٪) عبر https://example.com/a?b=1.",
    "أعلنت U.S. و JCPOA، ثم #غزة و @user_1 في 2025/04/20… ﻻ ﷲ\u200fوالسلام\u00ad!!",
    "",
    "   \n\t ",
]


def _fresh() -> T.CliticLexicon:
    return T.CliticLexicon(LEX.freq, LEX.never_split)


def _compiled(text: str, lex: T.CliticLexicon) -> tuple[Token, ...]:
    return speedups.tokenize_loop(T._SPLIT_RE.split, T._classify, Token, text, lex)


def test_the_package_uses_the_compiled_loop():
    assert T._token_loop.func is speedups.tokenize_loop


@pytest.mark.parametrize("text", TEXTS)
def test_same_tokens_and_cache(text):
    a, b = _fresh(), _fresh()
    toks = _compiled(text, a)
    assert toks == T.python_token_loop(text, b)
    assert a.cache == b.cache
    assert type(toks) is tuple and all(type(t) is Token for t in toks)
    assert [t.parts for t in toks] == [t.parts for t in T.python_token_loop(text, b)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TEXTS[:3] + [" ", "\n", "و", "ال", "ـ", "ّ", ".", "x", "٣"]), max_size=20).map("".join)
       | st.text(max_size=60))
def test_same_tokens_on_any_text(text):
    assert _compiled(text, _fresh()) == T.python_token_loop(text, _fresh())


def test_no_reference_leaks():
    lex = _fresh()
    text = TEXTS[0] * 3
    _compiled(text, lex)
    norm = lex.cache["وزير"][1]
    gc.collect()
    before = sys.getrefcount(norm), sys.getrefcount(Token)
    for _ in range(200):
        toks = _compiled(text, lex)
    del toks
    gc.collect()
    assert (sys.getrefcount(norm), sys.getrefcount(Token)) == before
