"""Who a speaker span is: asked of the entities stage, never decided here.

The entities stage owns identity (gazetteers, titles and appositions, coreference of descriptions such as
كبير الدبلوماسيين الإيرانيين, unnamed sources such as مصدر عسكري). Its resolver
``marsad.entities.resolve.resolve_span(doc, start, end)`` is imported lazily; when it is not installed the
actor is taken from an entity of ``doc.entities`` overlapping the span (people first, then organizations),
and is None when the entities component did not run.
"""
from __future__ import annotations

import importlib
from typing import Callable

from ..doc import Doc
from ..records import Actor

Resolver = Callable[[Doc, int, int], "Actor | None"]
#: entity types in the order a speaker span prefers them
SPEAKER_TYPES = ("PER", "ORG", "GPE", "NORP", "MISC", "LOC")


def load_resolver() -> Resolver | None:
    """The entities stage's span resolver, or None when that module is not there (yet)."""
    try:
        mod = importlib.import_module("marsad.entities.resolve")
    except ModuleNotFoundError as e:
        if e.name and "marsad.entities.resolve".startswith(e.name):
            return None
        raise
    return getattr(mod, "resolve_span", None)


def from_entities(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor of the best entity overlapping ``[start, end)``: preferred type, then the largest overlap."""
    best = None
    for ent in doc.entities:
        if ent.actor is None or ent.end <= start or ent.start >= end:
            continue
        rank = SPEAKER_TYPES.index(ent.type) if ent.type in SPEAKER_TYPES else len(SPEAKER_TYPES)
        key = (rank, -(min(end, ent.end) - max(start, ent.start)))
        if best is None or key < best[0]:
            best = (key, ent.actor)
    return best[1] if best else None


def resolve(doc: Doc, start: int, end: int, resolver: Resolver | None) -> Actor | None:
    """The actor a speaker or outlet span refers to (None when unknown)."""
    if resolver is not None:
        actor = resolver(doc, start, end)
        if actor is not None:
            return actor
    return from_entities(doc, start, end)
