"""Statistical sentence classifiers for the event coder: quad class, event relevance, PROTEST and ASSAULT.

The lexicon finds candidate triggers; these linear models score the sentence around them, so the coder can
reject a trigger whose sentence does not report the event (a protest *movement* in an essay, a *threat* of an
attack) and weigh its confidence. They are trained by ``marsad train events`` (:mod:`marsad.events.train`,
scikit-learn) and run here with numpy only: a sparse dot product of TF-IDF features (:mod:`.features`) with an
exported coefficient matrix. See ``model/MODEL_CARD.md`` for data, figures and thresholds.

API (one model per process, loaded lazily in well under a second)::

    from marsad.events import classifier
    clf = classifier.load()
    clf.quad(text)                  # {0: p_none, 1: verbal coop, 2: material coop, 3: verbal conflict,
                                    #  4: material conflict} — CAMEO quad numbering, sums to 1
    clf.event_prob(text, "PROTEST") # P(the sentence reports a PROTEST); also "ASSAULT"
    clf.relevance(text)             # P(the sentence reports a political interaction at all)
    clf.threshold("PROTEST")        # the decision threshold chosen on development data ("balanced");
    clf.threshold("PROTEST", "recall")  # a lower one that keeps ~95% recall, for rejecting candidates
    clf.predict(text)               # all of the above in one pass: SentenceScores
    clf.predict_batch(texts)        # list[SentenceScores], vectorised

Each call costs one feature extraction (cached per word form) and one small dot product.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ...errors import ResourceError, UsageError
from .features import bigrams, word_features, words

MODEL_DIR = resources.files("marsad.events.classifier") / "model"
NPZ_NAME = "classifier.npz"
META_NAME = "classifier.json"
QUAD_CLASSES = (0, 1, 2, 3, 4)
EVENT_TYPES = ("PROTEST", "ASSAULT")


@dataclass(frozen=True, slots=True)
class SentenceScores:
    """Every output of the classifiers for one sentence."""

    quad: dict[int, float]
    relevance: float
    events: dict[str, float]

    @property
    def quad_class(self) -> int:
        """The most probable CAMEO quad class (0 = no interaction)."""
        return max(self.quad, key=self.quad.__getitem__)


class SentenceClassifier:
    """The exported linear models: a feature vocabulary, IDF weights, one coefficient column per output."""

    def __init__(self, vocab: list[str], idf: np.ndarray, weights: np.ndarray, bias: np.ndarray, meta: dict):
        self._index = {f: i for i, f in enumerate(vocab)}
        self._idf = idf.astype(np.float32)
        self._w = weights.astype(np.float32)
        self._b = bias.astype(np.float32)
        self.meta = meta
        cols = meta["columns"]
        self._quad_cols = np.array([cols.index(f"quad:{k}") for k in QUAD_CLASSES])
        self._temperature = float(meta["quad_temperature"])
        self._platt = {name: (cols.index(name), float(a), float(b)) for name, (a, b) in meta["platt"].items()}
        self._word_ids = lru_cache(maxsize=200_000)(self._uncached_word_ids)
        # the coder asks quad, relevance and event_prob of the same sentence: score it once
        self._decision = lru_cache(maxsize=1024)(self._uncached_decision)

    def _uncached_word_ids(self, word: str) -> tuple[int, ...]:
        get = self._index.get
        return tuple(i for i in map(get, word_features(word)) if i is not None)

    def _vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Feature ids and their L2-normalised sublinear TF-IDF values (the training vectoriser's maths)."""
        ws = words(text)
        ids: list[int] = []
        for w in ws:
            ids.extend(self._word_ids(w))
        get = self._index.get
        ids.extend(i for i in map(get, bigrams(ws)) if i is not None)
        if not ids:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        uniq, counts = np.unique(np.array(ids), return_counts=True)
        vals = (1.0 + np.log(counts, dtype=np.float32)) * self._idf[uniq]
        vals /= np.sqrt(vals @ vals)
        return uniq, vals

    def _uncached_decision(self, text: str) -> np.ndarray:
        ids, vals = self._vector(text)
        s = vals @ self._w[ids] + self._b
        s.flags.writeable = False
        return s

    def decision(self, text: str) -> np.ndarray:
        """Raw linear scores (read-only), one per column of ``meta["columns"]``."""
        return self._decision(text)

    def decision_batch(self, texts: list[str]) -> np.ndarray:
        """Raw scores for many sentences, shape ``(len(texts), n_columns)``, with one gather for all of them."""
        vecs = [self._vector(t) for t in texts]
        out = np.tile(self._b, (len(texts), 1))
        lengths = np.array([len(ids) for ids, _ in vecs])
        rows = np.flatnonzero(lengths)
        if rows.size:
            ids = np.concatenate([vecs[r][0] for r in rows])
            vals = np.concatenate([vecs[r][1] for r in rows])
            starts = np.concatenate(([0], np.cumsum(lengths[rows])[:-1]))
            out[rows] += np.add.reduceat(self._w[ids] * vals[:, None], starts, axis=0)
        return out

    def _scores(self, s: np.ndarray) -> SentenceScores:
        z = s[self._quad_cols] * self._temperature
        e = np.exp(z - z.max())
        p = e / e.sum()
        binary = {name: _sigmoid(a * float(s[col]) + b) for name, (col, a, b) in self._platt.items()}
        return SentenceScores(quad={k: float(v) for k, v in zip(QUAD_CLASSES, p)},
                              relevance=binary.pop("relevant"), events=binary)

    def predict(self, text: str) -> SentenceScores:
        """All outputs for one sentence."""
        return self._scores(self.decision(text))

    def predict_batch(self, texts: list[str]) -> list[SentenceScores]:
        """All outputs for many sentences (faster than one call each)."""
        return [self._scores(row) for row in self.decision_batch(texts)]

    def quad(self, text: str) -> dict[int, float]:
        """CAMEO quad-class probabilities: 0 none, 1 verbal coop, 2 material coop, 3 verbal conf., 4 material conf."""
        return self.predict(text).quad

    def relevance(self, text: str) -> float:
        """Probability that the sentence reports a political interaction (UN relevance model)."""
        s = self.decision(text)
        col, a, b = self._platt["relevant"]
        return _sigmoid(a * float(s[col]) + b)

    def event_prob(self, text: str, type: str) -> float:  # noqa: A002 - the PLOVER type, as the API names it
        """Probability that the sentence reports an event of PLOVER ``type`` (PROTEST or ASSAULT)."""
        if type not in EVENT_TYPES:
            raise UsageError(f"no sentence classifier for event type {type!r}; known: {', '.join(EVENT_TYPES)}")
        col, a, b = self._platt[type]
        return _sigmoid(a * float(self.decision(text)[col]) + b)

    def threshold(self, type: str, point: str = "balanced") -> float:  # noqa: A002
        """The probability threshold for ``type`` chosen on development data.

        ``balanced``: at most 10% false events on "easy no" judgements (a standalone detector);
        ``recall``: keeps ~95% of the GSR development events (for rejecting lexicon candidates).
        """
        try:
            return float(self.meta["thresholds"][type][point])
        except KeyError as e:
            raise UsageError(f"no {point!r} threshold for {type!r}") from e


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def read(directory: Path) -> SentenceClassifier:
    """Load the classifier exported to ``directory`` (``classifier.npz`` and ``classifier.json``)."""
    npz, meta = Path(directory) / NPZ_NAME, Path(directory) / META_NAME
    if not npz.is_file() or not meta.is_file():
        raise ResourceError(f"event classifier not found in {directory}; run `marsad train events`")
    with np.load(npz) as z:
        vocab = bytes(z["vocab"]).decode("utf-8").split("\n")
        return SentenceClassifier(vocab, z["idf"], z["weights"], z["bias"],
                                  json.loads(meta.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def load() -> SentenceClassifier:
    """The packaged classifier, loaded once per process."""
    with resources.as_file(MODEL_DIR) as d:
        return read(Path(d))
