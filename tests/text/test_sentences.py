"""Sentence splitting."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.lexicon import load_clitic_lexicon
from marsad.text.sentences import split_sentences
from marsad.text.tokenize import tokenize

LEX = load_clitic_lexicon()


def sents(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, tokenize(text, LEX))]


@pytest.mark.parametrize("text,expected", [
    ("وصل الوفد أمس. وبدأت المحادثات اليوم! هل تنجح؟ لا أحد يعرف…",
     ["وصل الوفد أمس.", "وبدأت المحادثات اليوم!", "هل تنجح؟", "لا أحد يعرف…"]),
    ("The talks began. They ended at noon?", ["The talks began.", "They ended at noon?"]),
    ("عنوان الخبر\nنص الخبر الأول.\n\nفقرة ثانية", ["عنوان الخبر", "نص الخبر الأول.", "فقرة ثانية"]),
    # a full stop inside a quotation does not end the sentence that reports it
    ("قال الوزير: «المفاوضات صعبة. لكننا مستمرون» ثم غادر. وانتهى اللقاء.",
     ["قال الوزير: «المفاوضات صعبة. لكننا مستمرون» ثم غادر.", "وانتهى اللقاء."]),
    ('وأضاف: "سنواصل العمل. الطريق طويل". وتابع حديثه.',
     ['وأضاف: "سنواصل العمل. الطريق طويل".', "وتابع حديثه."]),
    ("وقال: «لن نتراجع.» ثم صمت.", ["وقال: «لن نتراجع.»", "ثم صمت."]),
    ("قال “نحن هنا. وسنبقى” وخرج.", ["قال “نحن هنا. وسنبقى” وخرج."]),
    # an unclosed quotation does not swallow the rest of the paragraph
    ('قال "كلام بلا نهاية. جملة ثانية. جملة ثالثة.', ['قال "كلام بلا نهاية.', "جملة ثانية.", "جملة ثالثة."]),
    ("التقى د. أحمد بالسفير. ثم غادر.", ["التقى د. أحمد بالسفير.", "ثم غادر."]),
    ("أسس عام 300 ق.م. في المدينة. ثم ازدهرت.", ["أسس عام 300 ق.م. في المدينة.", "ثم ازدهرت."]),
    ("م. خالد وأ.د. سامي حضرا. انتهى.", ["م. خالد وأ.د. سامي حضرا.", "انتهى."]),
    ("بلغ النمو 3.5 في المئة. وهذا جيد.", ["بلغ النمو 3.5 في المئة.", "وهذا جيد."]),
    ("Mr. J. Smith met the U.S. envoy. Then he left.", ["Mr. J. Smith met the U.S. envoy.", "Then he left."]),
    ("زوروا www.spa.gov.sa. للمزيد.", ["زوروا www.spa.gov.sa.", "للمزيد."]),
    ("(انظر الصفحة الأولى.) ثم تابع.", ["(انظر الصفحة الأولى.)", "ثم تابع."]),
    ("ماذا؟! لا أصدق.", ["ماذا؟!", "لا أصدق."]),
    ("", []),
    ("   \n ", []),
])
def test_split(text, expected):
    assert sents(text) == expected


def test_token_ranges():
    text = "قال الوزير كلاماً. ثم غادر القاعة."
    toks = tokenize(text, LEX)
    s1, s2 = split_sentences(text, toks)
    assert [t.text for t in toks[s1.first_token:s1.last_token]] == ["قال", "الوزير", "كلاماً", "."]
    assert [t.text for t in toks[s2.first_token:s2.last_token]] == ["ثم", "غادر", "القاعة", "."]
    assert s1.to_dict() == {"text": "قال الوزير كلاماً.", "start": 0, "end": 18, "first_token": 0,
                            "last_token": 4}


PIECES = st.sampled_from(["قال", "و", "هم", "من", " ", " ", " ", ".", "!", "؟", "…", "«", "»", '"', "“", "”", "\n",
                          "3", "،", "د.", "ق.م", "www.x.org", "U.S."])
TEXTS = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_ordered_cover_tokens(text):
    toks = tokenize(text, LEX)
    ss = split_sentences(text, toks)
    prev_end, prev_tok = 0, 0
    for s in ss:
        assert prev_end <= s.start < s.end and text[s.start:s.end] == s.text == s.text.strip()
        assert s.first_token == prev_tok and s.last_token > s.first_token
        assert all(s.start <= t.start and t.end <= s.end for t in toks[s.first_token:s.last_token])
        prev_end, prev_tok = s.end, s.last_token
    assert prev_tok == len(toks)
    assert "".join(text.split()) == "".join("".join(s.text.split()) for s in ss)
    assert split_sentences(text, toks) == ss


@pytest.mark.shared
def test_seed_article_sentences(seed_text):
    ss = split_sentences(seed_text, tokenize(seed_text, LEX))
    # 14 lines; two of them hold two sentences ("… يوم السبت. ترأس …" and "… في عُمان. ومن المقرر …")
    assert len(ss) == 16
    quoted = [s for s in ss if '"' in s.text]
    # every quotation stays whole inside its sentence (an even number of quote marks in each)
    assert quoted and all(s.text.count('"') % 2 == 0 for s in quoted)
    peskov = next(s for s in ss if "بيسكوف، قائلًا" in s.text)
    assert peskov.text.endswith('بالوسائل السياسية والدبلوماسية".')
    assert ss[8].text == "محادثات إيجابية وبناءة بين الولايات المتحدة وإيران في روما"  # the headline line
