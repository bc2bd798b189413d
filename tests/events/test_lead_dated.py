"""Issue 6: a plain attack stated in the lead of a dated article, without a time word, is an event — the article's
publication date dates it, as news does; the full pipeline with the calibrated confidence (and the classifier
when installed) must keep it. The sentences are written for this test."""
from __future__ import annotations

import pytest

from marsad.events.evaluate import default_pipeline
from marsad.pipeline import Pipeline
from marsad.records import Article

LEAD = "قصفت المدفعية التركية قرى كردية في ريف عفرين."


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(default_pipeline())


def assaults(nlp, text: str, date: str | None):
    return [e for e in nlp(Article.create(id="t", text=text, date=date)).events if e.type == "ASSAULT"]


def test_a_lead_attack_without_a_time_word_is_kept_and_dated_by_publication(nlp):
    got = assaults(nlp, LEAD, "2017-01-01")
    assert got and got[0].date == "2017-01-01" and got[0].date_source == "publication"


def test_the_publication_date_only_counts_for_the_lead(nlp):
    from marsad.events import confidence
    seen: list[tuple[int, float]] = []
    comp = next(c for c in nlp.components if c.name == "events")
    scorer = comp.scorer

    def spy(d):
        seen.append((d.sentence.start, d.features["has_time"]))
        return scorer(d)
    comp.scorer = spy
    try:
        text = "أعلن الجيش حالة التأهب. وعقد الوزير مؤتمرا صحفيا. " + LEAD
        nlp(Article.create(id="t", text=text, date="2017-01-01"))
        nlp(Article.create(id="u", text=LEAD, date=None))
    finally:
        comp.scorer = scorer
    assert confidence.FEATURES.count("has_time") == 1
    later = [t for s, t in seen if s > 0]
    assert later and all(t == 0.0 for t in later)  # third sentence: not the lead
    assert seen[-1] == (0, 0.0)  # undated article: nothing to date the lead
