"""The ontology tables and trigger lexicons are valid data."""
from __future__ import annotations

import re

from marsad.events.cues import load_cues
from marsad.events.lexicon import load_lexicon
from marsad.events.ontology import load_crosswalk, load_ontology

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_sixteen_types_with_quads_scores_and_cameo_codes():
    onto = load_ontology()
    assert set(onto.types) == PLOVER_TYPES
    for t in onto.types.values():
        assert t.quad in (1, 2, 3, 4)
        assert -10 <= t.intensity <= 10
        assert re.fullmatch(r"\d{3,4}", t.cameo)
        for mode, (score, cameo) in t.modes.items():
            assert -10 <= score <= 10 and re.fullmatch(r"\d{3,4}", cameo), (t.name, mode)
    assert onto.code("CONSULT", "visit") == (1, 4.0, "042")
    assert onto.code("ASSAULT", None)[0] == 4


def test_crosswalk_maps_to_valid_types_modes_and_contexts():
    onto = load_ontology()
    xw = load_crosswalk()
    assert len(xw) > 200
    for code, (typ, mode, ctx) in xw.items():
        assert onto.valid(typ, mode), (code, typ, mode)
        assert all(c in onto.contexts for c in ctx), (code, ctx)
    assert xw["0871"][:2] == ("RETREAT", "ceasefire")


def test_every_trigger_has_a_valid_type_mode_and_context():
    onto = load_ontology()
    lex = load_lexicon()
    for t in lex.entries:
        assert onto.valid(t.type, t.mode), t.pattern
        assert all(c in onto.contexts for c in t.contexts), t.pattern
        assert t.kind in ("verb", "noun", "participle", "indef", "crowd", "block"), t.pattern
        assert t.source in ("curated", "petrarch")
        quad, score, cameo = onto.code(t.type, t.mode)
        assert re.fullmatch(r"\d{3,4}", cameo)


def test_lexicon_size_covers_all_types():
    counts = load_lexicon().count_by_type()
    assert set(counts) == PLOVER_TYPES
    assert sum(counts.values()) >= 1000
    curated = load_lexicon(False).count_by_type()
    assert set(curated) == PLOVER_TYPES and min(curated.values()) >= 5


def test_cue_groups_load_and_modes_are_valid():
    onto = load_ontology()
    cues = load_cues()
    assert {"future", "negated", "hypothetical"} <= set(cues.modality)
    for (typ, mode) in cues.modes:
        assert onto.valid(typ, mode), (typ, mode)
    for name in cues.contexts:
        assert name in onto.contexts, name
    assert "البلدين" in cues.pair_nouns
