"""Event confidence: the coder's features → a probability, calibrated on development data.

``data/confidence.json`` holds logistic weights fitted by ``marsad eval events --calibrate`` (GSR sentences as
positives, "easy no" sentence judgements as negatives). Without it the coder's prior is used. When the
statistical classifier (``marsad.events.classifier``) is installed, its sentence-level probability for the
event's type is averaged in.
"""
from __future__ import annotations

import json
import math
from importlib import resources
from typing import Callable

from ..errors import ResourceError
from .coder import Draft, default_confidence

DATA = resources.files("marsad.events") / "data"
FEATURES = ("curated", "multiword", "verb", "has_actor", "has_recipient", "has_time", "actor_slot", "pair",
            "reciprocal", "mentions")


def features(d: Draft) -> list[float]:
    return [d.features.get(k, 0.0) for k in FEATURES]


def load_scorer(point: str = "balanced") -> Callable[[Draft], float]:
    """The confidence function of the coder; 0.0 means "reject the candidate".

    ``point`` is the classifier's operating point used to reject PROTEST/ASSAULT candidates whose sentence it
    scores below its threshold ("recall" keeps ~95% of true events; "balanced" is stricter).
    """
    base = _calibrated() or default_confidence
    clf = _classifier()
    if clf is None:
        return base
    from .classifier import EVENT_TYPES
    limits = {t: clf.threshold(t, point) for t in EVENT_TYPES}

    def score(d: Draft) -> float:
        c = base(d)
        if d.type in limits:
            p = clf.event_prob(d.sentence.text, d.type)
            if p < limits[d.type]:
                return 0.0
            return (c + p) / 2
        return c
    return score


def _calibrated() -> Callable[[Draft], float] | None:
    path = DATA / "confidence.json"
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    w, b = raw["weights"], raw["bias"]

    def score(d: Draft) -> float:
        z = b + sum(wi * xi for wi, xi in zip(w, features(d)))
        return 1.0 / (1.0 + math.exp(-z))
    return score


def _classifier():
    """The statistical sentence classifier when it is installed and trained, else None (the coder works without)."""
    try:
        from . import classifier
        return classifier.load()
    except (ImportError, ResourceError):
        return None
