"""Tokenizer: kinds, offsets, coverage and clitic parts."""
from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.doc import Part, Token
from marsad.text.lexicon import load_clitic_lexicon
from marsad.text.tokenize import FORMAT_CHARS, CliticLexicon, analyze, tokenize

from .clitic_cases import SPLIT, WHOLE

LEX = load_clitic_lexicon()


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text, LEX)]


def test_lexicon_is_loaded():
    assert len(LEX.freq) > 30_000, "text/data/wordfreq.tsv.gz is missing: run `marsad build wordfreq`"
    assert "لبنان" in LEX.never_split


@pytest.mark.parametrize("word,expected", sorted(SPLIT.items()))
def test_clitic_forms_split(word, expected):
    tok = tokenize(word, LEX)[0]
    assert "+".join(p.text for p in tok.parts) == expected


@pytest.mark.parametrize("word", WHOLE)
def test_look_alikes_stay_whole(word):
    (tok,) = tokenize(word, LEX)
    assert tok.parts == ()
    assert tok.stem == Part(word, 0, len(word), "stem")


def test_part_kinds_and_offsets_in_context():
    text = "قال إنه سيقوم وبالمفاوضات غداً."
    tok = next(t for t in tokenize(text, LEX) if t.text == "وبالمفاوضات")
    assert [(p.text, p.kind) for p in tok.parts] == [
        ("و", "proclitic"), ("ب", "proclitic"), ("ال", "article"), ("مفاوضات", "stem")]
    for p in tok.parts:
        assert text[p.start:p.end] == p.text
    assert tok.stem.text == "مفاوضات" and tok.stem_norm == "مفاوضات"


def test_parts_keep_marks_with_their_letters():
    word = "وَبِالْمُفَاوَضَاتِ"
    (tok,) = tokenize(word, LEX)
    assert "".join(p.text for p in tok.parts) == word
    assert [p.kind for p in tok.parts] == ["proclitic", "proclitic", "article", "stem"]
    assert tok.parts[0].text == "وَ" and tok.stem_norm == "مفاوضات"


def test_enclitic_after_ta_marbuta_and_stem_norm():
    (tok,) = tokenize("حكومتهم", LEX)
    assert [(p.text, p.kind) for p in tok.parts] == [("حكومت", "stem"), ("هم", "enclitic")]


def test_without_lexicon_only_safe_article_splits():
    lex = CliticLexicon()
    assert [p.text for p in tokenize("والمفاوضات", lex)[0].parts] == ["و", "ال", "مفاوضات"]
    assert tokenize("وقال", lex)[0].parts == ()
    assert analyze("للحل", lex) == ("ل", 1, "proclitic", "ل", 2, "article", "حل", 4, "stem")


@pytest.mark.parametrize("text,expected", [
    ("3.5", [("3.5", "number")]),
    ("1,200", [("1,200", "number")]),
    ("٢٠٢٥", [("٢٠٢٥", "number")]),
    ("12.5%", [("12.5%", "number")]),
    ("٣٫٥٪", [("٣٫٥٪", "number")]),
    ("JCPOA", [("JCPOA", "latin")]),
    ("U.S.", [("U.S.", "latin")]),
    ("https://example.com/a?b=1.", [("https://example.com/a?b=1", "url"), (".", "punct")]),
    ("www.spa.gov.sa", [("www.spa.gov.sa", "url")]),
    ("info@example.org", [("info@example.org", "email")]),
    ("#السعودية", [("#السعودية", "hashtag")]),
    ("@UN_News", [("@UN_News", "mention")]),
    ("(JCPOA)", [("(", "punct"), ("JCPOA", "latin"), (")", "punct")]),
    ("الحكومـــة", [("الحكومـــة", "word")]),
    ("مُؤَكِّدَةً", [("مُؤَكِّدَةً", "word")]),
    ("ﻻ", [("ﻻ", "word")]),
    ("…", [("…", "punct")]),
    ("...", [("...", "punct")]),
    ("بـ البرنامج", [("بـ", "word"), ("البرنامج", "word")]),
    ("قال:«نعم»؟", [("قال", "word"), (":", "punct"), ("«", "punct"), ("نعم", "word"), ("»", "punct"),
                    ("؟", "punct")]),
    ("Москва", [("Москва", "symbol")]),
])
def test_kinds(text, expected):
    assert kinds(text) == expected


def test_mixed_text_offsets():
    text = "خطة العمل الشاملة المشتركة (JCPOA) عام 2015، بنسبة 3.67%."
    toks = tokenize(text, LEX)
    assert [t.text for t in toks if t.kind != "word"] == ["(", "JCPOA", ")", "2015", "،", "3.67%", "."]
    for t in toks:
        assert text[t.start:t.end] == t.text


def test_norm_of_tokens():
    toks = tokenize("أعلنت الحكومةُ ٢٠٢٥ JCPOA", LEX)
    assert [t.norm for t in toks] == ["اعلنت", "الحكومه", "2025", "jcpoa"]


def test_format_controls_separate_tokens():
    text = "\u200fبيروت\u200e JCPOA"
    assert [t.text for t in tokenize(text, LEX)] == ["بيروت", "JCPOA"]


def test_token_is_immutable_and_serializable():
    tok = tokenize("وقال", LEX)[0]
    assert isinstance(tok, Token)
    with pytest.raises(AttributeError):
        tok.start = 3  # type: ignore[misc]
    d = tok.to_dict()
    assert d["parts"][0] == {"text": "و", "start": 0, "end": 1, "kind": "proclitic"}
    assert Token.from_dict(d) == tok


def test_parts_come_from_one_shared_layout():
    a, b = tokenize("والمفاوضات تستمر والمفاوضات", LEX)[::2]
    assert a.layout is b.layout  # one relative layout per surface form, from the tokenizer's cache
    assert a.layout == ("و", 1, "proclitic", "ال", 3, "article", "مفاوضات", 10, "stem")
    assert b.parts == (Part("و", 17, 18, "proclitic"), Part("ال", 18, 20, "article"),
                       Part("مفاوضات", 20, 27, "stem"))
    assert b.stem == Part("مفاوضات", 20, 27, "stem") and b.stem_norm == "مفاوضات"


def test_token_built_from_parts_pickles_and_copies():
    tok = Token("بها", 5, 8, "word", "بها", (Part("ب", 5, 6, "proclitic"), Part("ها", 6, 8, "stem")))
    assert tok.layout == ("ب", 1, "proclitic", "ها", 3, "stem")
    assert tok.parts[1] == Part("ها", 6, 8, "stem") and tok.stem.start == 6
    assert pickle.loads(pickle.dumps(tok)) == tok == copy.deepcopy(tok)
    assert "parts=(Part(text='ب'" in repr(tok)
    whole = Token("قال", 0, 3, "word", "قال")
    assert whole.parts == () and whole.stem == Part("قال", 0, 3, "stem") and "parts" not in whole.to_dict()


def _covers(text: str, toks) -> None:
    pos = 0
    for t in toks:
        assert t.start >= pos and t.end > t.start
        gap = text[pos:t.start]
        assert all(c.isspace() or c in FORMAT_CHARS for c in gap), repr(gap)
        assert text[t.start:t.end] == t.text
        if t.parts:
            assert t.parts[0].start == t.start and t.parts[-1].end == t.end
            assert all(a.end == b.start for a, b in zip(t.parts, t.parts[1:]))
            assert sum(p.kind == "stem" for p in t.parts) == 1
        pos = t.end
    assert all(c.isspace() or c in FORMAT_CHARS for c in text[pos:])


ALPHABET = st.sampled_from(
    list("وفبلكسالحكومةهمنايىأإآءؤئ") + list("\u064e\u064f\u0650\u0651\u0652\u064b\u0640") +
    list("abcXYZ0123٠١٢٣.,،؛؟!?:%#@/-«»\"()") + [" ", " ", "\n", "\u200f", "\ufefb", "\ufdf2", "\u200c", "_"])


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=80))
def test_tokens_and_whitespace_cover_the_text(text):
    _covers(text, tokenize(text, LEX))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_cover_any_unicode(text):
    _covers(text, tokenize(text, LEX))


FRESH = load_clitic_lexicon.__wrapped__()  # a second copy of the lexicon, with its own cache


@settings(max_examples=100, deadline=None)
@given(st.text(ALPHABET, max_size=80))
def test_deterministic_and_cache_independent(text):
    FRESH.cache.clear()
    assert tokenize(text, LEX) == tokenize(text, FRESH) == tokenize(text, LEX)
