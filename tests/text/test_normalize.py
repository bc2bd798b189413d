"""Normalization and its offset map."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import NormText, dediac, normalize
from marsad.text.tokenize import tokenize


@pytest.mark.parametrize("text,expected", [
    ("مُؤَكِّدَةً", "مؤكده"),             # harakat, tanwin, shadda removed; ta marbuta folded
    ("الحكومـــة", "الحكومه"),            # tatweel removed
    ("أإآٱ", "اااا"),                     # alef variants
    ("على", "علي"),                        # alef maqsura
    ("ی ک", "ي ك"),                        # Persian letters
    ("٢٠٢٥ ۱۴۰۳", "2025 1403"),           # Arabic-Indic and Persian digits
    ("٣٫٥٪", "3.5%"),                      # Arabic decimal separator and percent
    ("\u200fبيروت\u200e\u200b", "بيروت"),  # bidi controls and zero-width characters
    ("ﻻ ﷲ", "لا الله"),                    # presentation forms decomposed
    ("JCPOA", "jcpoa"),
    ("الْعَرَبِيَّةُ،؛؟", "العربيه،؛؟"),  # Arabic punctuation kept
])
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_options():
    assert normalize("مدرسة على", fold_ta=False, fold_ya=False) == "مدرسة على"
    assert normalize("أحمد", fold_alef=False) == "أحمد"
    assert normalize("مسؤول رئيس", fold_hamza=True) == "مسوول رييس"
    assert normalize("ABC", lower=False) == "ABC"
    assert dediac("أَحْمَدُ") == "أحمد"


def test_long_and_short_paths_agree():
    short = "أَعلنت الحكومـة ٢٠٢٥ ﻻ"
    long = short * 10
    assert normalize(long) == normalize(short) * 10 == "".join(normalize(c) for c in long)


def test_normtext_maps_back():
    text = "قالَ الوزيـــرُ: ﻻ ٢٠٢٥"
    nt = NormText(text)
    assert nt.text == "قال الوزير: لا 2025"
    a = nt.text.index("الوزير")
    s, e = nt.to_orig(a, a + len("الوزير"))
    assert text[s:e] == "الوزيـــرُ"
    s, e = nt.to_orig(nt.text.index("لا"), nt.text.index("لا") + 2)
    assert text[s:e] == "ﻻ"
    assert nt.to_norm(text.index("٢")) == nt.text.index("2")
    assert nt.to_orig(0, 0) == (0, 0) and nt.to_orig(len(nt), len(nt)) == (len(text), len(text))


TEXTS = st.text(st.sampled_from(
    list("وفبلكسالحكومةهمنايىأإآءؤئ") + list("\u064e\u064f\u0650\u0651\u0652\u064b\u0640\u0670") +
    list("abcXYZ0123٠١٢٣۴.,،؛؟!%") + [" ", "\n", "\u200f", "\u200b", "\ufefb", "\ufdf2", "\ufe8e", "\u00ad"]),
    max_size=120)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert NormText(text).text == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_idempotent_any_unicode(text):
    assert normalize(normalize(text)) == normalize(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_offsets_round_trip_at_token_boundaries(text):
    nt = NormText(text)
    norm = nt.text
    prev = (0, 0)
    for tok in tokenize(text):
        a, b = nt.to_norm(tok.start), nt.to_norm(tok.end)
        assert 0 <= a <= b <= len(norm)
        assert normalize(text[tok.start:tok.end]) == norm[a:b]   # normalization commutes with slicing
        if a == b:
            continue  # a token that normalizes to nothing (a lone mark)
        s, e = nt.to_orig(a, b)
        assert 0 <= s <= e <= len(text) and (s, e) >= prev          # in range and monotonic
        prev = (s, e)
        assert normalize(text[s:e]) == norm[a:b]
        assert tok.start <= s < tok.end


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.data())
def test_any_normalized_span_maps_into_range(text, data):
    nt = NormText(text)
    a = data.draw(st.integers(0, len(nt)))
    b = data.draw(st.integers(a, len(nt)))
    s, e = nt.to_orig(a, b)
    assert 0 <= s <= e <= len(text)
    assert nt.to_orig_start(a) <= nt.to_orig_start(b)
