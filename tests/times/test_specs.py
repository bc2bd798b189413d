"""Development suites: the Recognizers-Text Arabic specs and the seed article (skipped without ../shared)."""
from __future__ import annotations

import pytest

from tests.conftest import shared_path
from marsad.times.evaluate import score_file

SPECS = ("data", "time", "recognizers-text-ar", "DateTime")

# file -> (minimum extraction F1, minimum resolution accuracy or None); floors a little under today's figures
FLOORS = {
    "DateExtractor.json": (0.95, None),
    "DatePeriodExtractor.json": (0.92, None),
    "DateParser.json": (0.95, 0.90),
    "DateTimeExtractor.json": (0.80, None),
    "DateTimePeriodExtractor.json": (0.83, None),
}
NO_DATES = ("DurationExtractor.json", "DurationParser.json", "SetExtractor.json", "TimeExtractor.json",
            "TimeParser.json")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_spec_floor(name):
    sc = score_file(shared_path(*SPECS, name))
    f1_floor, res_floor = FLOORS[name]
    assert sc.prf()[2] >= f1_floor
    if res_floor is not None:
        assert sc.res_ok / sc.res_total >= res_floor
    assert sc.leaks == 0


@pytest.mark.parametrize("name", NO_DATES)
def test_durations_and_clock_times_never_become_dates(name):
    sc = score_file(shared_path(*SPECS, name))
    assert sc.leaks == 0 and sc.pred == 0


def test_seed_times(seed_text, seed_gold):
    from marsad.pipeline import Pipeline
    from marsad.records import Article

    nlp = Pipeline(["normalizer", "tokenizer", "sentencizer", "times"])
    doc = nlp(Article.create(id="seed", text=seed_text, date=seed_gold["date"]))
    got = [(t.text, t.value, t.grain) for t in doc.times]
    assert got == [(g["text"], g["value"], g["grain"]) for g in seed_gold["times"]]
    assert all(seed_text[t.start:t.end] == t.text for t in doc.times)
    assert "أربع ساعات" in [d.text for d in doc.durations][0]
