"""The compiled text layer gives exactly what its Python source gives.

The token loop (text/_speedups.pyx) against the Python loop, and the tokenizer and sentence splitter compiled
from their .py files against those files loaded as Python: a compiled module that disagrees with its source was
not rebuilt after an edit (run ``pip install -e .``).
"""
from __future__ import annotations

import gc
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.doc import Token
from marsad.text import normalize as N
from marsad.text import sentences as S
from marsad.text import tokenize as T
from marsad.text.lexicon import load_clitic_lexicon

from tests.conftest import SHARED

speedups = pytest.importorskip("marsad.text._speedups", reason="built without Cython or a C compiler")

LEX = load_clitic_lexicon()
TEXTS = [
    "قال وزير الخارجية إنّ «المفاوضات» ستُستأنف غداً في الدوحة.",
    "وَبِالْمُفَاوَضَاتِ وصلوا إلى اتفاق بنسبة 12.5% (٣٫٥٪) عبر https://example.com/a?b=1.",
    "أعلنت U.S. و JCPOA، ثم #غزة و @user_1 في 2025/04/20… ﻻ ﷲ\u200fوالسلام\u00ad!!",
    "",
    "   \n\t ",
    # marks, joiners and format characters in and around words; other scripts; non-BMP; Unicode spaces
    "ًكتاب مي\u200cخواهم ال\u200fوزير ـمنذ \u200dو\ufeffب 𝐀بc😀 rock'n'roll... \u00a0x\u3000y\u2028z\u0301",
]
#: characters the token loop treats differently (letters, marks, joiners, format characters, spaces, dots)
_TRICKY = "وبالكتابًّـ\u200c\u200d\u200f\u00ad\ufeff\u202a \u00a0\u3000\n.،«»#@_'-’x1٣%𝐀😀ﻻﷲ\u0301"


#: two lexicons like the package's, for loops that must not share a cache (see _fresh)
_LEXICONS = (T.CliticLexicon(LEX.freq, LEX.never_split), T.CliticLexicon(LEX.freq, LEX.never_split))


def _fresh(which: int = 0) -> T.CliticLexicon:
    """A lexicon like the package's with an empty cache: every form is classified anew."""
    lex = _LEXICONS[which]
    lex.cache.clear()
    return lex


_CLASSES = T.char_classes()


def _compiled(text: str, lex: T.CliticLexicon) -> tuple[Token, ...]:
    return speedups.tokenize_loop(T.TOKEN_RE.match, _CLASSES, T._classify, Token, text, lex)


def test_the_package_uses_the_compiled_loop():
    assert T._token_loop.func is speedups.tokenize_loop


@pytest.mark.parametrize("text", TEXTS)
def test_same_tokens_and_cache(text):
    a, b = _fresh(0), _fresh(1)
    toks = _compiled(text, a)
    assert toks == T.python_token_loop(text, b)
    assert a.cache == b.cache
    assert type(toks) is tuple and all(type(t) is Token for t in toks)
    assert [t.parts for t in toks] == [t.parts for t in T.python_token_loop(text, b)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TEXTS[:3]) | st.text(_TRICKY, max_size=8), max_size=12).map("".join)
       | st.text(max_size=60))
def test_same_tokens_on_any_text(text):
    assert _compiled(text, _fresh(0)) == T.python_token_loop(text, _fresh(1))


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


def _source_module(module):
    """The Python source of a compiled module, loaded as a module of its own (it is only compiled when the
    package was built with Cython: else the test is skipped)."""
    path = Path(module.__file__)
    if path.suffix == ".py":
        pytest.skip(f"{module.__name__} is not compiled")
    spec = importlib.util.spec_from_file_location(f"{module.__package__}._source_{path.name.split('.')[0]}",
                                                  path.with_name(path.name.split(".")[0] + ".py"))
    source = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(source)
    return source


def _sample_texts() -> list[str]:
    """The texts above, and 150 ANT articles when ../shared is there."""
    from marsad.io.readers import read_inputs

    corpus = SHARED / "data" / "corpora" / "ant"
    return TEXTS + ([a.text for a in read_inputs([str(corpus)], limit=150)] if corpus.exists() else [])


def test_compiled_tokenizer_equals_its_source():
    source = _source_module(T)
    lex = source.CliticLexicon(LEX.freq, LEX.never_split)
    words = [w for w in LEX.cache if LEX.cache[w][0] == "word"]
    assert len(words) > 100_000  # the analysis table: the clitic analysis of every form of the word list's sources
    assert [source.analyze(w, lex) for w in words] == [T.analyze(w, LEX) for w in words]
    fresh = _fresh()
    for text in _sample_texts():
        assert source.python_token_loop(text, lex) == T.python_token_loop(text, fresh)


def test_compiled_sentence_splitter_equals_its_source():
    source = _source_module(S)
    for text in _sample_texts():
        toks = T.tokenize(text, LEX)
        assert source.split_sentences(text, toks) == S.split_sentences(text, toks)


_FOLDERS = [N.folder(*opts) for opts in ((), (False, False), (True, True, True, False, False))]


@settings(max_examples=300, deadline=None)
@given(st.text(_TRICKY + "أإآىةیکًٌٍَُِّْٰٕٔ٠١ABCﷺﻻﷲ\u2066", max_size=40) | st.text(max_size=40))
def test_compiled_folding_equals_the_python_one(text):
    for f in _FOLDERS:
        assert speedups.fold(text, f.codes) == N.python_fold(text, f)


def test_normtext_uses_the_compiled_folding():
    assert N._fold is not N.python_fold
    with pytest.raises(ValueError):
        speedups.fold("x", [None] * 10)
