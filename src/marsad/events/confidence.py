"""Event confidence: the coder's features → a probability, calibrated on development data.

``data/confidence.json`` holds logistic weights fitted by ``marsad eval events --calibrate`` (GSR sentences as
positives, "no" sentence judgements as negatives) for the types that data covers (PROTEST, ASSAULT); the other
types, and every type without the file, get the coder's prior. When the statistical classifier
(``marsad.events.classifier``) is installed, its sentence-level probability for the event's type is averaged in,
and a candidate whose averaged score is below the type's threshold (``reject_below``) is rejected. Rejecting on
the average, not on the classifier alone, lets the coder's own evidence (a date, a place, a verb, a crowd that is
introduced rather than referred back to) save a sentence the bag-of-words classifier scores low, and sink a bare
anaphoric mention (وهتف المتظاهرون) it scores high.
"""
from __future__ import annotations

import json
import math
from importlib import resources
from typing import Callable

from ..errors import ResourceError
from .coder import default_confidence
from .draft import Draft

DATA = resources.files("marsad.events") / "data"
FEATURES = ("curated", "multiword", "verb", "has_actor", "has_recipient", "has_time", "has_place", "asserted",
            "actor_slot", "actor_place", "actor_quote", "actor_previous", "pair", "reciprocal", "mentions",
            "introduced")


def features(d: Draft) -> list[float]:
    return [d.features.get(k, 0.0) for k in FEATURES]


def load_scorer(point: str = "calibrated") -> Callable[[Draft], float]:
    """The confidence function of the coder; 0.0 means "reject the candidate".

    ``point`` is the operating point used to reject PROTEST/ASSAULT candidates: "calibrated" (the average of
    the calibrated confidence and the classifier's probability must reach ``reject_below`` of confidence.json,
    thresholds chosen on dev data for that combination), or the classifier's own "recall" / "balanced" points
    (its probability alone must reach them).
    """
    base = _calibrated(default_confidence) or default_confidence
    clf = _classifier()
    if clf is None:
        return base
    from .classifier import EVENT_TYPES
    chosen = _raw().get("reject_below", {}) if point == "calibrated" else {}
    # without dev-chosen thresholds, fall back on the classifier's own point (its probability alone)
    own = {t: clf.threshold(t, "balanced" if point == "calibrated" else point) for t in EVENT_TYPES
           if t not in chosen}

    def score(d: Draft) -> float:
        c = base(d)
        if d.type in chosen or d.type in own:
            p = clf.event_prob(d.sentence.text, d.type)
            s = (c + p) / 2
            if (s < chosen[d.type]) if d.type in chosen else (p < own[d.type]):
                return 0.0
            return s
        return c
    return score


def _calibrated(prior: Callable[[Draft], float]) -> Callable[[Draft], float] | None:
    """The fitted model for the types it was fitted on (the dev data has PROTEST/ASSAULT judgements only);
    the prior for the others."""
    raw = _raw()
    if not raw:
        return None
    w, b, types = raw["weights"], raw["bias"], frozenset(raw["types"])

    def score(d: Draft) -> float:
        if d.type not in types:
            return prior(d)
        z = b + sum(wi * xi for wi, xi in zip(w, features(d)))
        return 1.0 / (1.0 + math.exp(-z))
    return score


def _raw() -> dict:
    path = DATA / "confidence.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _classifier():
    """The statistical sentence classifier when it is installed and trained, else None (the coder works without)."""
    try:
        from . import classifier
        return classifier.load()
    except (ImportError, ResourceError):
        return None
