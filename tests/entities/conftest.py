"""Fixtures of the entities tests: one pipeline with the entities component, built once."""
from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline
from marsad.records import Article


@pytest.fixture(scope="session")
def ent_nlp():
    return Pipeline(["normalizer", "tokenizer", "sentencizer", "entities"])


@pytest.fixture(scope="session")
def code(ent_nlp):
    """Code a text (date 2025-04-20 unless given) and return the doc."""
    def run(text: str, date: str | None = "2025-04-20"):
        return ent_nlp(Article.create(id="t", text=text, date=date))
    return run


def _find(doc, sub: str, occurrence: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence):
        i = doc.text.find(sub, i + 1)
        if i < 0:
            raise AssertionError(f"{sub!r} not in the text")
    return i, i + len(sub)


def _entity(doc, sub: str, occurrence: int = 1):
    """The entity overlapping the n-th occurrence of ``sub`` (fails when there is none)."""
    s, e = _find(doc, sub, occurrence)
    hits = [x for x in doc.entities if x.end > s and x.start < e]
    if not hits:
        raise AssertionError(f"no entity over {sub!r}: {[x.text for x in doc.entities]}")
    return hits[0]


@pytest.fixture
def find():
    """find(doc, sub, occurrence=1) -> (start, end) of the n-th occurrence."""
    return _find


@pytest.fixture
def entity():
    """entity(doc, sub, occurrence=1) -> the first entity overlapping that occurrence."""
    return _entity
