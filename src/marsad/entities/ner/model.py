"""The committed NER model: load once, tag token sequences with ANERcorp BIO tags.

Training uses CRFsuite; tagging does not call it. A linear-chain CRF's score for a token and a label is the
sum of the weights of the token's attributes, and every attribute a token gets comes from one surface form:
its own form (word, affixes, clusters ...), the forms at -2 … +2 (what they lend their neighbours), the
bigram of two adjacent forms, and sentence start/end. So the label scores each form contributes, at each of
the five offsets, are summed once per distinct form (:class:`FormScores`) and cached; tagging a text is then
a few array gathers plus Viterbi, run over all the text's sentences at once (numpy, padded to one length).
The result is CRFsuite's own Viterbi (same weights, same tie-breaking towards the lower label id), at a
fraction of the cost of building feature strings and looking them up for every token.

Loading reads the weights from the CRFsuite file (``Tagger.info()``) plus the cluster and name-list files.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from ...errors import MarsadError
from .conll import to_bio
from .consistency import propagate
from .features import Featurizer, Resources
from .stacking import doc_features

MODEL_DIR = resources.files("marsad.entities.ner") / "model"
MODEL_FILE = "ner.crfsuite"
#: sentences tagged in one padded batch (sorted by length first, so padding stays small)
BATCH = 256
#: distinct extra-attribute lists (second pass) whose scores are kept
MAX_COMBOS = 50_000


class ModelError(MarsadError):
    """The NER model file is missing or unreadable."""

    code = "E310"


class _RowIndex(dict):
    """attribute -> weight row; any attribute without weights is row 0 (``index[a]`` never raises, so a whole
    feature list maps in one ``map`` call)."""

    def __missing__(self, key: str) -> int:
        return 0


class CrfWeights:
    """A CRFsuite model's labels, transition matrix and per-attribute label weights.

    ``matrix`` holds one row of label weights per attribute, ``index`` maps an attribute to its row; row 0 is
    all zeros and stands for every attribute the model has no weight for."""

    def __init__(self, path: Path):
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(path))
            info = tagger.info()
        except (OSError, ValueError) as e:
            raise ModelError(f"cannot read the NER model {path}: {e}") from e
        ids = {lab: int(i) for lab, i in info.labels.items()}
        self.labels = sorted(ids, key=ids.get)
        n = len(self.labels)
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.trans[ids[a], ids[b]] = w
        self.index: dict[str, int] = _RowIndex()
        rows, cols, vals = [], [], []
        for (attr, lab), w in info.state_features.items():
            rows.append(self.index.setdefault(attr, len(self.index) + 1))
            cols.append(ids[lab])
            vals.append(w)
        self.matrix = np.zeros((len(self.index) + 1, n))
        self.matrix[rows, cols] = vals

    def row(self, attr: str) -> np.ndarray:
        return self.matrix[self.index[attr]]


class StackedWeights:
    """Several CRFs' attribute weights side by side (the first model's label columns, then the second's):
    one lookup of each feature string scores a form for both passes."""

    def __init__(self, parts: Sequence[CrfWeights]):
        self.index: dict[str, int] = _RowIndex()
        for w in parts:
            for attr in w.index:
                self.index.setdefault(attr, len(self.index) + 1)
        self.labels = [lab for w in parts for lab in w.labels]
        self.matrix = np.zeros((len(self.index) + 1, len(self.labels)))
        col = 0
        for w in parts:
            attrs = list(w.index)
            self.matrix[[self.index[a] for a in attrs], col:col + len(w.labels)] = w.matrix[[w.index[a] for a in attrs]]
            col += len(w.labels)

    def row(self, attr: str) -> np.ndarray:
        return self.matrix[self.index[attr]]


class FormScores:
    """Label scores per surface form and offset, cached in one array ``(forms, 5, labels)``.

    Row 0 is the form's own attributes; rows 1-4 what it lends the token 2 after, 1 after, 1 before and 2
    before it (the features ``-2:…``, ``-1:…``, ``+1:…``, ``+2:…`` of those tokens). New forms are scored
    together, one gather and one segmented sum for all of a text's new forms. Past ``MAX_FORMS`` forms the
    cache starts again, so memory stays bounded however long the process runs."""

    MAX_FORMS = 100_000

    def __init__(self, weights: CrfWeights | StackedWeights, featurizer: Featurizer):
        self.weights = weights
        self.featurizer = featurizer
        self.index: dict[str, int] = {}
        self.keys: list[str] = []
        self.table = np.zeros((4096, 5, len(weights.labels)))
        #: "first key|second key" -> (scores of bg- for the second token, of bg+ for the first)
        self.bigrams: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        zero = weights.matrix[0]
        for attr in weights.index:
            if attr.startswith(("bg-=", "bg+=")):
                lo, hi = self.bigrams.get(attr[4:], (zero, zero))
                w = weights.row(attr)
                self.bigrams[attr[4:]] = (w, hi) if attr[2] == "-" else (lo, w)
        self.bos = weights.row("BOS")
        self.eos = weights.row("EOS")

    def ids(self, tokens: Sequence[str]) -> list[int]:
        """Cache rows of the tokens' forms (new forms scored first)."""
        index = self.index
        new = [t for t in dict.fromkeys(tokens) if t not in index]
        if new:
            if len(index) + len(new) > self.MAX_FORMS:
                index.clear(), self.keys.clear()
                new = list(dict.fromkeys(tokens))
            self._add(new)
        return [index[t] for t in tokens]

    def _add(self, forms: list[str]) -> None:
        row = self.weights.index.__getitem__
        flat: list[int] = []
        starts: list[int] = []
        keys = []
        for surface in forms:
            own, ctx, key = self.featurizer.form(surface)
            keys.append(key)
            # ctx = (lent at -2, -1, +1, +2 of the receiving token); each group starts with the zero row, so
            # an empty group sums to zero
            for group in (own, *ctx):
                starts.append(len(flat))
                flat.append(0)
                flat += map(row, group)
        sums = np.add.reduceat(self.weights.matrix[flat], starts, axis=0)
        first = len(self.keys)
        end = first + len(forms)
        if end > len(self.table):
            grown = np.zeros((max(end, 2 * len(self.table)),) + self.table.shape[1:])
            grown[:first] = self.table[:first]
            self.table = grown
        self.table[first:end] = sums.reshape(len(forms), 5, -1)
        self.index.update(zip(forms, range(first, end)))
        self.keys += keys

    def emissions(self, sents: Sequence[Sequence[str]]) -> np.ndarray:
        """State scores ``(sentences, max length, labels)`` of equal-length-padded sentences."""
        lens = [len(s) for s in sents]
        L = max(lens)
        flat = np.zeros((len(sents), L), dtype=np.intp)
        rows = self.ids([t for s in sents for t in s])
        at = 0
        for r, n in enumerate(lens):
            flat[r, :n] = rows[at:at + n]
            at += n
        t = self.table
        em = t[flat, 0]
        mask = np.arange(L)[None, :] < np.array(lens)[:, None]
        if L > 1:
            both = (mask[:, 1:] & mask[:, :-1])[..., None]
            em[:, 1:] += t[flat[:, :-1], 2] * both  # the previous token (-1:)
            em[:, :-1] += t[flat[:, 1:], 3] * both  # the next token (+1:)
        if L > 2:
            both = (mask[:, 2:] & mask[:, :-2])[..., None]
            em[:, 2:] += t[flat[:, :-2], 1] * both
            em[:, :-2] += t[flat[:, 2:], 4] * both
        em[:, 0] += self.bos
        em[np.arange(len(sents)), np.array(lens) - 1] += self.eos
        bigrams, keys = self.bigrams, self.keys
        at = 0
        for r, n in enumerate(lens):
            prev = keys[rows[at]]
            for j in range(1, n):
                key = keys[rows[at + j]]
                w = bigrams.get(prev + "|" + key)
                if w is not None:
                    em[r, j] += w[0]
                    em[r, j - 1] += w[1]
                prev = key
            at += n
        return em


def viterbi(em: np.ndarray, lens: Sequence[int], trans: np.ndarray) -> np.ndarray:
    """Best label ids ``(sentences, max length)`` for padded state scores of sentences sorted by ascending
    length. At step t only the sentences still running (a suffix of the rows) are extended; a finished one
    keeps its score and gets identity back-pointers, so backtracking passes through its padding unchanged.
    Ties go to the lower label id, as in CRFsuite."""
    S, L, n = em.shape
    first_live = np.searchsorted(np.asarray(lens), np.arange(L), side="right").tolist()
    back = np.empty((L, S, n), dtype=np.intp)
    back[:] = np.arange(n)
    score = em[:, 0].copy()
    for t in range(1, L):
        r = first_live[t]
        cand = score[r:, :, None] + trans
        back[t, r:] = cand.argmax(axis=1)
        score[r:] = cand.max(axis=1) + em[r:, t]
    out = np.empty((S, L), dtype=np.intp)
    out[:, L - 1] = score.argmax(axis=1)
    rows = np.arange(S)
    for t in range(L - 1, 0, -1):
        out[:, t - 1] = back[t, rows, out[:, t]]
    return out


class Crf:
    """One CRF: its weights and Viterbi; tags sentences with its own per-form scores, or decodes state
    scores it is handed (the two passes share one :class:`FormScores`)."""

    def __init__(self, path: Path, featurizer: Featurizer):
        self.weights = CrfWeights(path)
        #: the model's labels as BIO (a model trained on BIOES labels is read back as BIO)
        self.bio_labels = [to_bio(lab) for lab in self.weights.labels]
        self.featurizer = featurizer
        self._scores: FormScores | None = None
        self._combos: dict[tuple[str, ...], int] = {}
        self._combo_table = np.zeros((1024, len(self.weights.labels)))

    @property
    def scores(self) -> FormScores:
        if self._scores is None:
            self._scores = FormScores(self.weights, self.featurizer)
        return self._scores

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence, this CRF alone."""
        out: list[list[str]] = [[] for _ in sentences]
        for batch in batches(sentences):
            sents = [sentences[i] for i in batch]
            self.decode(self.scores.emissions(sents), batch, [len(s) for s in sents], out)
        return out

    def decode(self, em: np.ndarray, batch: Sequence[int], lens: Sequence[int], out: list[list[str]],
               extra: Sequence[Sequence[Sequence[str]]] | None = None) -> None:
        """Best tags for a batch's state scores (plus the scores of ``extra`` attributes per token) into
        ``out`` at the batch's sentence numbers."""
        if extra is not None:
            self._add_extra(em, extra)
        labels = self.bio_labels
        for i, row, n in zip(batch, viterbi(em, lens, self.weights.trans).tolist(), lens):
            out[i] = [labels[j] for j in row[:n]]

    def _add_extra(self, em: np.ndarray, extra: Sequence[Sequence[Sequence[str]]]) -> None:
        """Add the scores of per-token attribute lists; a text repeats few distinct lists (first-pass tags
        and document evidence), so each distinct list is summed once and cached (bounded)."""
        combos = self._combos
        ids: list[int] = []
        where_r: list[int] = []
        where_j: list[int] = []
        for r, sent in enumerate(extra):
            for j, attrs in enumerate(sent):
                key = tuple(attrs)
                i = combos.get(key)
                if i is None:
                    i = self._add_combo(key)
                ids.append(i)
                where_r.append(r)
                where_j.append(j)
        if ids:
            em[where_r, where_j] += self._combo_table[ids]

    def _add_combo(self, attrs: tuple[str, ...]) -> int:
        if len(self._combos) >= MAX_COMBOS:
            self._combos.clear()
        i = len(self._combos)
        if i == len(self._combo_table):
            self._combo_table = np.concatenate([self._combo_table, np.zeros_like(self._combo_table)])
        index, matrix = self.weights.index, self.weights.matrix
        self._combo_table[i] = matrix[[index[a] for a in attrs]].sum(axis=0) if attrs else 0.0
        self._combos[attrs] = i
        return i


class NerModel:
    """The CRF pass(es) plus the featurizer the model was trained with.

    ``ner.crfsuite`` is the first pass; ``ner-pass2.crfsuite`` next to it, when there, the second
    (:mod:`.stacking`: document-level features from the first pass's tags)."""

    def __init__(self, path: str | Path, res: Resources | None = None):
        path = Path(str(path))
        if not path.is_file():
            raise ModelError(f"NER model not found at {path}; train it with `marsad train ner`")
        self.featurizer = Featurizer(res or Resources.load())
        self.first = Crf(path, self.featurizer)
        second = pass2_path(path)
        self.second = Crf(second, self.featurizer) if second.is_file() else None
        parts = [self.first.weights] + ([self.second.weights] if self.second else [])
        self.scores = FormScores(StackedWeights(parts), self.featurizer)
        self.path = path

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for the consecutive sentences of one text: the first pass, then the second with the
        first's document-level evidence (no name propagation). Both passes' state scores come from one
        emissions call per batch (their weights side by side)."""
        n1 = len(self.first.weights.labels)
        first: list[list[str]] = [[] for _ in sentences]
        work = []
        for batch in batches(sentences):
            lens = [len(sentences[i]) for i in batch]
            em = self.scores.emissions([sentences[i] for i in batch])
            self.first.decode(em[..., :n1], batch, lens, first)
            work.append((batch, lens, em[..., n1:]))
        if self.second is None:
            return first
        extra = doc_features(sentences, first, self.featurizer.stem_key)
        out: list[list[str]] = [[] for _ in sentences]
        for batch, lens, em in work:
            self.second.decode(np.ascontiguousarray(em), batch, lens, out, [extra[i] for i in batch])
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``O``, ``B-PERS`` …) for one sentence of surface tokens (a text of one sentence)."""
        return self.tag_sentences([tokens])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for consecutive sentences of one text: the CRF passes, then names made consistent across
        nearby sentences (:mod:`.consistency`)."""
        return propagate(sentences, self.tag_sentences(sentences), self.featurizer)


def batches(sentences: Sequence[Sequence[str]]) -> list[list[int]]:
    """Numbers of the non-empty sentences, sorted by length (as :func:`viterbi` needs), in batches."""
    order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
    return [order[b:b + BATCH] for b in range(0, len(order), BATCH)]


def pass2_path(path: Path) -> Path:
    """Where the second pass of the model at ``path`` lives."""
    return path.with_name(path.stem + "-pass2" + path.suffix)


@lru_cache(maxsize=1)
def load_model() -> NerModel:
    """The committed model (cached per process)."""
    return NerModel(MODEL_DIR / MODEL_FILE)
