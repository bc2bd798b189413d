"""Statistical sentence classifiers for the event coder: quad class, event relevance, PROTEST and ASSAULT.

The lexicon finds candidate triggers; these linear models score the sentence around them, so the coder can
reject a trigger whose sentence does not report the event (a protest *movement* in an essay, a *threat* of an
attack) and weigh its confidence. They are trained by ``marsad train events`` (:mod:`marsad.events.train`,
scikit-learn) and run here with numpy only: a sparse dot product of TF-IDF features (:mod:`.features`) with an
exported coefficient matrix, summed word by word from a per-word cache. See ``model/MODEL_CARD.md`` for data,
figures and thresholds.

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
    clf.predict_batch(texts)        # list[SentenceScores]

A sentence costs about 0.07 ms of CPU once its word forms have been seen (0.2 ms when all are new); the last
1,024 sentences are memoised, so asking quad, relevance and event_prob of one sentence scores it once.
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
#: word forms whose feature rows are cached (cleared when full: news vocabularies are long-tailed)
WORD_CACHE_SIZE = 300_000


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
        idf = idf.astype(np.float32)
        # one row per feature: its IDF-weighted coefficients, then its IDF squared (its share of the norm)
        self._table = np.hstack([weights.astype(np.float32) * idf[:, None], (idf * idf)[:, None]])
        self._bias = bias.astype(np.float32)
        self.meta = meta
        cols = meta["columns"]
        self._quad_cols = [cols.index(f"quad:{k}") for k in QUAD_CLASSES]
        self._temperature = float(meta["quad_temperature"])
        self._platt = {name: (cols.index(name), float(a), float(b)) for name, (a, b) in meta["platt"].items()}
        self._rows: dict[str, np.ndarray] = {}  # word form -> its summed table rows (see _totals)
        # the coder asks quad, relevance and event_prob of the same sentence: score it once
        self._decision = lru_cache(maxsize=1024)(self._uncached_decision)

    def _word_row(self, word: str) -> np.ndarray:
        if len(self._rows) >= WORD_CACHE_SIZE:
            self._rows.clear()
        get = self._index.get
        row = self._rows[word] = self._table[[i for i in map(get, word_features(word)) if i is not None]].sum(0)
        return row

    def _totals(self, text: str) -> np.ndarray:
        """Unnormalised scores and squared norm of a sentence, summed word by word.

        The training vectoriser (:mod:`marsad.events.train`) divides TF-IDF by the square root of the sum of
        IDF² over feature *occurrences*, which is additive: a word's contribution is cached once per word form.
        """
        ws = words(text)
        cache = self._rows
        rows = [cache[w] if w in cache else self._word_row(w) for w in ws]
        get = self._index.get
        ids = [i for i in map(get, bigrams(ws)) if i is not None]
        if ids:
            rows.append(self._table[ids].sum(0))
        return np.add.reduce(rows) if rows else np.zeros(self._table.shape[1], np.float32)

    def _uncached_decision(self, text: str) -> np.ndarray:
        t = self._totals(text)
        s = self._bias + (t[:-1] / np.sqrt(t[-1]) if t[-1] > 0 else 0.0)
        s.flags.writeable = False
        return s

    def decision(self, text: str) -> np.ndarray:
        """Raw linear scores (read-only), one per column of ``meta["columns"]``."""
        return self._decision(text)

    def decision_batch(self, texts: list[str]) -> np.ndarray:
        """Raw scores for many sentences, shape ``(len(texts), n_columns)``."""
        if not texts:
            return np.zeros((0, len(self._bias)), np.float32)
        t = np.array([self._totals(x) for x in texts])
        norm = np.sqrt(t[:, -1:])
        return self._bias + np.divide(t[:, :-1], norm, out=np.zeros_like(t[:, :-1]), where=norm > 0)

    def _scores(self, s: np.ndarray) -> SentenceScores:
        v = s.tolist()  # eight floats: plain Python is faster than numpy here
        z = [v[c] * self._temperature for c in self._quad_cols]
        top = max(z)
        e = [math.exp(x - top) for x in z]
        total = sum(e)
        binary = {name: _sigmoid(a * v[col] + b) for name, (col, a, b) in self._platt.items()}
        return SentenceScores(quad={k: x / total for k, x in zip(QUAD_CLASSES, e)},
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
        col, a, b = self._platt["relevant"]
        return _sigmoid(a * float(self.decision(text)[col]) + b)

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
