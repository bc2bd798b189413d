"""The text layer as pipeline components, the Doc helpers that read it, and the word frequency build."""
from __future__ import annotations

import dataclasses
import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.doc import Doc, Sentence, Token
from marsad.pipeline import TEXT_PIPELINE, Pipeline
from marsad.records import Article
from marsad.text.build import build, count_words, write
from marsad.text.lexicon import load_clitic_lexicon

NLP = Pipeline(TEXT_PIPELINE)
TEXT = "قال الوزير: «المفاوضات مستمرة.» وأضاف أن الجولة المقبلة في روما.\nعنوان ثان"


def run(text: str) -> Doc:
    return NLP(Article.create(id="t", text=text, date="2025-04-20"))


def test_text_layer():
    doc = run(TEXT)
    assert doc.norm.text.startswith("قال الوزير")
    assert [s.text for s in doc.sentences] == ["قال الوزير: «المفاوضات مستمرة.»",
                                               "وأضاف أن الجولة المقبلة في روما.", "عنوان ثان"]
    assert all(isinstance(t, Token) for t in doc.tokens) and all(isinstance(s, Sentence) for s in doc.sentences)
    assert {"norm", "tokens", "sentences"} <= doc.layers
    assert "no_arabic" not in doc.flags
    assert "no_arabic" in run("Only English here.").flags


def test_doc_replace_keeps_the_rest_and_stays_frozen():
    doc = run(TEXT)
    new = doc.replace(flags=("x",))
    assert new.flags == ("x",) and doc.flags == ()
    assert new == dataclasses.replace(doc, flags=("x",))
    assert new.with_extra("k", 1).extras["k"] == 1 and "k" not in new.extras
    with pytest.raises(TypeError):
        doc.replace(nonsense=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        new.flags = ()  # type: ignore[misc]


def test_sentence_at_and_tokens_in():
    doc = run(TEXT)
    s2 = doc.sentences[1]
    assert doc.sentence_at(s2.start) == s2 and doc.sentence_at(s2.end - 1) == s2
    assert doc.sentence_at(s2.start - 1) is None  # the space between two sentences
    assert doc.sentence_at(len(TEXT) + 5) is None
    i = TEXT.index("الجولة")
    assert [t.text for t in doc.tokens_in(i, i + len("الجولة المقبلة"))] == ["الجولة", "المقبلة"]
    assert [t.text for t in doc.tokens_in(i + 2, i + 3)] == ["الجولة"]
    assert doc.tokens_in(s2.start, s2.end) == doc.tokens[s2.first_token:s2.last_token]
    assert doc.tokens_in(0, 0) == ()


@settings(max_examples=50, deadline=None)
@given(st.text(st.sampled_from(list("وقال المفاوضات.«»\n3,5")), max_size=80), st.data())
def test_tokens_in_matches_a_linear_scan(text, data):
    doc = run(text) if text.strip() else None
    if doc is None:
        return
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert doc.tokens_in(a, b) == tuple(t for t in doc.tokens if t.end > a and t.start < b)


def test_deterministic():
    assert run(TEXT) == run(TEXT)


def test_count_words_and_build(tmp_path):
    counts = count_words(["قالَ الوزيرُ أن الوزير قال", "ﻻ JCPOA ٢٠٢٥ قال"])
    assert counts["قال"] == 3 and counts["الوزير"] == 2 and counts["لا"] == 1 and "jcpoa" not in counts
    shared = tmp_path / "shared"
    ner = shared / "data" / "ner" / "anercorp"
    ner.mkdir(parents=True)
    (ner / "train.txt").write_text("قال O\nالوزير O\n\nقال O\nقال O\nروما B-LOC\n", encoding="utf-8")
    counts, used = build(shared, min_count=2)
    assert dict(counts) == {"قال": 3} and "ANERcorp" in used[0]
    out = tmp_path / "wf.tsv.gz"
    write(counts, used, out, min_count=2)
    lines = gzip.open(out, "rt", encoding="utf-8").read().splitlines()
    assert lines[0].startswith("#") and lines[-1] == "قال\t3"


def test_packaged_lexicon_header_names_sources():
    from marsad.text.lexicon import DATA
    head = gzip.open(str(DATA / "wordfreq.tsv.gz"), "rt", encoding="utf-8").read(2000)
    assert "ANT" in head and "QuadClass" in head
    assert "SaudiNewsNet" not in head  # research-only corpus: nothing shipped derives from it
    assert load_clitic_lexicon().count("قال") > 1000
