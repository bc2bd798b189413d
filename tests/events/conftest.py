"""A fictional world for the event coder's tests: text layer from the real pipeline, entities/times/quotes by hand.

Tests never depend on the entities, times or quotes stages: each sentence states the entities it has
(surface, type, country) and the coder runs on that, so a failure here is the coder's own.
"""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.pipeline import Pipeline
from marsad.records import Actor, Article, Entity, Geo, TimeExpr


@pytest.fixture(scope="session")
def text_layer():
    return Pipeline(["normalizer", "tokenizer", "sentencizer"])


@pytest.fixture(scope="session")
def coder():
    from marsad.events.coder import default_confidence
    from marsad.events.component import EventCoder
    c = EventCoder(classifier_point="balanced")
    c.initialize()
    c.resolve = None  # the coder's own argument finding, independent of the entities stage
    c.story = None  # and of its story country (tests that need one set it)
    c.scorer = default_confidence  # and independent of the statistical classifier's current model
    return c


def find(text: str, surface: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def entity(text: str, surface: str, typ: str, country: str | None, occurrence: int = 1, sector: str | None = None):
    s, e = find(text, surface, occurrence)
    geo = Geo(name=surface, country=country) if typ in ("GPE", "LOC") else None
    actor = Actor(name=surface, country=country, sector=sector or ("GOV" if typ != "NORP" else None)) \
        if typ != "LOC" and country else None
    return Entity(id=f"e{s}", text=surface, start=s, end=e, type=typ, actor=actor, geo=geo)


@pytest.fixture
def code(text_layer, coder):
    """code(text, entities=[(surface, type, country[, occurrence])], times=[(surface, value, grain, direction)],
    date=...) -> the coded Doc."""
    def run(text: str, entities=(), times=(), quotes=(), date: str = "2025-04-20") -> Doc:
        doc = text_layer(Article.create(id="t", text=text, date=date))
        ents = tuple(sorted((entity(text, *spec) for spec in entities), key=lambda e: e.start))
        tx = []
        for surface, value, grain, direction in times:
            s, e = find(text, surface)
            tx.append(TimeExpr(id=f"t{s}", text=surface, start=s, end=e, value=value, grain=grain,
                               direction=direction))
        doc = doc.replace(entities=ents, times=tuple(tx), quotes=tuple(quotes))
        return coder(doc)
    return run


def parties(mentions) -> set[str]:
    return {m.actor.country for m in mentions if m.actor is not None and m.actor.country}


def of_type(doc, typ: str) -> list:
    """The doc's events of PLOVER type ``typ``."""
    return [e for e in doc.events if e.type == typ]
