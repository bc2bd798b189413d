"""The analysis table that prefills the tokenizer's cache: equal to the analysis it stands for, never stale."""
from __future__ import annotations

import logging

from marsad.text import lexicon as L
from marsad.text.build import write_analyses
from marsad.text.normalize import normalize
from marsad.text.tokenize import CliticLexicon, analyze, tokenize

WORDS = ["وبالمفاوضات", "وَبِالْمُفَاوَضَاتِ", "حكومتهم", "لبنان", "وقال", "للحل", "بها", "الوزير", "ﻻجئين"]


def test_shipped_table_is_current_and_equals_the_analysis():
    lex, digest = L.read_lexicon(L.DATA / L.WORDFREQ, L.DATA / L.NEVER_SPLIT)
    entries = L.read_analyses(L.DATA / L.ANALYSES, lex, digest)
    assert len(entries) > 100_000, "text/data/analyses.tsv.gz is stale or missing: run `marsad build wordfreq`"
    fresh = CliticLexicon(lex.freq, lex.never_split)
    for surface, info in entries.items():
        assert info == ("word", normalize(surface), analyze(surface, fresh)), surface


def test_package_lexicon_is_prefilled():
    lex = L.load_clitic_lexicon()
    assert len(lex.cache) > 100_000
    assert lex.cache["وقال"] == ("word", "وقال", ("و", 1, "proclitic", "قال", 4, "stem"))


def test_table_round_trip(tmp_path):
    lex, digest = L.read_lexicon(L.DATA / L.WORDFREQ, L.DATA / L.NEVER_SPLIT)
    fresh = CliticLexicon(lex.freq, lex.never_split)
    for w in WORDS:
        tokenize(w, fresh)
    layouts = {s: info[2] for s, info in fresh.cache.items()}
    assert any(layouts.values()) and not all(layouts.values())
    out = tmp_path / L.ANALYSES
    write_analyses(layouts, ["test words"], digest, out)
    assert L.read_analyses(out, lex, digest) == fresh.cache


def test_table_of_another_lexicon_or_analysis_is_not_used(tmp_path, caplog):
    lex, digest = L.read_lexicon(L.DATA / L.WORDFREQ, L.DATA / L.NEVER_SPLIT)
    out = tmp_path / L.ANALYSES
    write_analyses({"وقال": analyze("وقال", lex)}, ["test"], "0" * 64, out)
    with caplog.at_level(logging.WARNING):
        assert L.read_analyses(out, lex, digest) == {}
    assert "another lexicon" in caplog.text
    # a layout the analysis does not give (the analysis code changed since the table was built)
    write_analyses({"وقال": ("وق", 2, "stem", "ال", 4, "enclitic")}, ["test"], digest, out)
    assert L.read_analyses(out, lex, digest) == {}
    assert "no longer matches" in caplog.text


def test_a_cleared_cache_keeps_the_table(monkeypatch):
    lex = CliticLexicon(L.load_clitic_lexicon().freq)
    lex.prefill({"وقال": ("word", "وقال", ("و", 1, "proclitic", "قال", 4, "stem"))})
    monkeypatch.setattr(lex, "MAX_CACHE", 4)
    for text in ("قال الوزير", "ذهب الرئيس"):
        tokenize(text, lex)
    assert len(lex.cache) == 5
    tokenize("قال", lex)  # the cache was cleared, back to the table
    assert set(lex.cache) == {"وقال", "قال"}
