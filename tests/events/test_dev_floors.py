"""Floors on the development data in ../shared (skipped without it)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import shared_path

FULL = ["normalizer", "tokenizer", "sentencizer", "entities", "times", "quotes", "events"]


def _pipeline(names):
    from marsad.errors import MarsadError
    from marsad.pipeline import Pipeline
    try:
        return Pipeline(names)
    except (ImportError, MarsadError) as e:
        pytest.skip(f"upstream stage not available: {e}")


def test_seed_events(seed_text, tmp_path):
    gold_path = shared_path("seed", "gold.json")
    nlp = _pipeline(FULL)
    from marsad.records import Article
    rec = nlp.code(Article.create(id="seed", text=seed_text, date="2025-04-20")).to_dict()
    pred = tmp_path / "seed.json"
    pred.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared_path("eval", "score.py")), str(gold_path), str(pred),
                          "--text", str(shared_path("seed", "article.txt"))], capture_output=True, text=True,
                         check=True).stdout
    s = json.loads(out.strip().splitlines()[-1])
    assert s["event_core_recall"] == 1.0
    assert s["event_minor_recall"] >= 0.75
    assert s["event_precision"] >= 0.8
    assert not s["must_not_failures"]


def test_gsr_detection_recall_and_source_country():
    # the pipeline `marsad eval events` runs: the calibrated confidence counts on the times stage (a dated
    # sentence reports an event) and the parties on ner/entities
    path = shared_path("data", "events", "gsr-spans", "dev.jsonl")
    from marsad.events.evaluate import default_pipeline, eval_gsr
    res = eval_gsr(_pipeline(default_pipeline()), path, [])
    # the bars (0.856 and 0.767 measured)
    assert res["detection_recall"] >= 0.85
    assert res["source_country_acc_detected"] >= 0.75


def test_easy_no_false_event_rate():
    folder = shared_path("data", "events", "sentence-judgements")
    nlp = _pipeline(["normalizer", "tokenizer", "sentencizer", "events"])
    from marsad.events.evaluate import eval_judgements
    res = eval_judgements(nlp, folder, 0, [])
    # every "easy no" row (the first 600 are not representative), in-sample for the classifier (it is trained on
    # these judgements): the bar, 10% for both (8.6% and 8.5% measured by `marsad eval events`)
    for name, floor in (("assault_gsr", 0.10), ("protest_gsr", 0.10)):
        rate = float(res[f"{name}_easy_no_event_rate"].split()[0])
        assert rate <= floor, (name, rate)
