"""Train the event sentence classifiers (quad class, relevance, PROTEST, ASSAULT) and write their model card.

Data (``--data-dir``, default ``../shared/data/events``):

* ``un-quadclass/quad_multiclass.train.tsv`` — UN sentences with a quad class. Its numbering is NOT CAMEO's,
  and NOT the one its READMEs state either (1 verbal conflict, 2 material conflict, 3 verbal cooperation,
  4 material cooperation): the sentences themselves show 1 = material conflict (killings, attacks, abductions),
  2 = material cooperation (aid, training), 3 = verbal conflict (concern, condemnation), 4 = verbal
  cooperation (welcoming, agreeing) — the alphabetical column order MatConf, MatCoop, VerConf, VerCoop of the
  upstream ``data_master.tsv``. :data:`UN_TO_CAMEO` maps them to CAMEO's (1 verbal coop, 2 material coop,
  3 verbal conflict, 4 material conflict); 0 stays "none".
* ``un-quadclass/binary_complete.train.tsv`` — the same corpus labelled relevant / irrelevant.
* ``sentence-judgements/{protest,assault}_gsr.csv`` — candidate sentences judged by annotators, mostly
  negatives. A sentence is positive when at least one annotator accepted it or it is a gold event of
  ``gsr-spans/dev.jsonl``; "easy no" (unanimous reject) sentences measure the false-event rate. The GSR
  development sentences are held out of training by default, so that the event coder's figures on them
  (``marsad eval events``) and its confidence calibration stay honest; ``--include-gsr-dev`` trains on them
  too (for a release, once tuning is over).

Each model is a linear SVM over TF-IDF (see :class:`Vectorizer`) of :mod:`marsad.events.classifier.features`,
evaluated by stratified k-fold cross-validation (the vocabulary fitted inside each fold). The out-of-fold scores calibrate
the probabilities (a softmax temperature for quad, Platt scaling for the binary models) and choose the
PROTEST/ASSAULT thresholds. The final models, fitted on all the data, are exported for numpy inference
(:mod:`marsad.events.classifier`): no scikit-learn at run time. Needs the ``train`` extra (scikit-learn).
"""
from __future__ import annotations

import csv
import importlib.util
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from ..errors import InputNotFound, UsageError
from .classifier import META_NAME, MODEL_DIR, NPZ_NAME, read
from .classifier.features import features

#: UN quad-class labels as the data uses them (see the module docstring) -> CAMEO quad class (0 stays "none")
UN_TO_CAMEO = {0: 0, 1: 4, 2: 2, 3: 3, 4: 1}
CAMEO_QUAD_NAMES = {0: "none", 1: "verbal cooperation", 2: "material cooperation",
                    3: "verbal conflict", 4: "material conflict"}
EVENT_TYPES = ("PROTEST", "ASSAULT")
#: the false-event rate on "easy no" judgements that the balanced threshold allows
MAX_EASY_NO_RATE = 0.10
#: the share of GSR development events that the recall threshold keeps
RECALL_TARGET = 0.95


@dataclass
class Task:
    """One classifier's training rows: feature lists and labels (multiclass ints or 0/1)."""

    name: str
    texts: list[str]
    labels: np.ndarray
    easy_no: np.ndarray | None = None   # PROTEST/ASSAULT: rows judged "easy no"
    gsr_dev: np.ndarray | None = None   # PROTEST/ASSAULT: rows that are GSR development events
    held_out: list[str] = field(default_factory=list)  # GSR development sentences kept out of training


def add_arguments(p) -> None:
    p.add_argument("--data-dir", type=Path, default=Path("../shared/data/events"),
                   help="the events data folder (default: ../shared/data/events)")
    p.add_argument("--out", type=Path, default=None,
                   help="where to write the model (default: the package's events/classifier/model)")
    p.add_argument("--cv", type=int, default=5, help="cross-validation folds (default 5)")
    p.add_argument("--c-quad", type=float, default=0.2, help="SVM C of the quad and relevance models")
    p.add_argument("--c-event", type=float, default=0.1, help="SVM C of the PROTEST/ASSAULT models")
    p.add_argument("--min-df", type=int, default=2, help="drop features seen in fewer sentences")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--include-gsr-dev", action="store_true",
                   help="train PROTEST/ASSAULT on the GSR development sentences too (their figures become "
                        "in-sample)")


def run(args) -> int:
    if importlib.util.find_spec("sklearn") is None:
        raise UsageError("training needs scikit-learn: pip install 'marsad[train]'")
    if args.cv < 2:
        raise UsageError("--cv must be at least 2")
    data = Path(args.data_dir)
    if not data.is_dir():
        raise InputNotFound(f"no events data folder at {data}")
    out = Path(args.out) if args.out else Path(str(MODEL_DIR))
    t0 = time.perf_counter()
    tasks = load_tasks(data, include_gsr_dev=args.include_gsr_dev)
    feats = {t: features(t) for task in tasks for t in task.texts + task.held_out}
    _log(f"{len(feats)} distinct sentences, features in {time.perf_counter() - t0:.1f}s")

    report: dict = {"cv_folds": args.cv, "tasks": {}}
    oof: dict[str, np.ndarray] = {}
    dev: dict[str, np.ndarray] = {}
    for task in tasks:
        c = args.c_quad if task.name in ("quad", "relevant") else args.c_event
        oof[task.name], held = cross_val_scores(task, feats, c, args)
        if task.gsr_dev is not None:
            dev[task.name] = np.concatenate([oof[task.name][task.gsr_dev], held])
        report["tasks"][task.name] = {"C": c, "rows": len(task.texts), "gsr_dev_held_out": len(task.held_out),
                                      **evaluate(task, oof[task.name], dev.get(task.name), args)}
        _log(f"{task.name}: {json.dumps(report['tasks'][task.name], ensure_ascii=False)}")

    meta = calibrate(tasks, oof, dev, report)
    vec, vocab, weights, bias, meta["columns"] = fit_final(tasks, feats, args)
    out.mkdir(parents=True, exist_ok=True)
    write_model(out, vocab, vec.idf, weights, bias, meta)
    report["train_seconds"] = round(time.perf_counter() - t0, 1)
    report["check_max_abs_diff"] = export_check(out, tasks, feats, vec, weights, bias)
    report["sizes"] = {p.name: p.stat().st_size for p in (out / NPZ_NAME, out / META_NAME)}
    report["n_features"] = len(vocab)
    meta["report"] = report
    (out / META_NAME).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "MODEL_CARD.md").write_text(model_card(report, meta, args), encoding="utf-8")
    _log(f"wrote {out} in {report['train_seconds']}s")
    return 0


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _read_tsv(path: Path) -> list[tuple[str, int]]:
    if not path.is_file():
        raise InputNotFound(f"missing {path}")
    csv.field_size_limit(1 << 26)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return [(text, int(label)) for text, label in rows[1:] if int(label) >= 0]  # -1: multi-label, unusable


def load_tasks(data: Path, *, include_gsr_dev: bool = False) -> list[Task]:
    """The four training sets, labels in the exported (CAMEO) numbering."""
    quad = _read_tsv(data / "un-quadclass" / "quad_multiclass.train.tsv")
    rel = _read_tsv(data / "un-quadclass" / "binary_complete.train.tsv")
    tasks = [Task("quad", [t for t, _ in quad], np.array([UN_TO_CAMEO[y] for _, y in quad])),
             Task("relevant", [t for t, _ in rel], np.array([y for _, y in rel]))]
    dev_path = data / "gsr-spans" / "dev.jsonl"
    if not dev_path.is_file():
        raise InputNotFound(f"missing {dev_path}")
    dev = [json.loads(line) for line in dev_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for etype in EVENT_TYPES:
        path = data / "sentence-judgements" / f"{etype.lower()}_gsr.csv"
        if not path.is_file():
            raise InputNotFound(f"missing {path}")
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        gold = {d["text"].strip() for d in dev if d["category"] == etype}
        held_out = [] if include_gsr_dev else sorted(gold)
        rows = [r for r in rows if include_gsr_dev or r["text"].strip() not in gold]
        in_dev = np.array([r["text"].strip() in gold for r in rows], dtype=bool)
        accepted = np.array([int(r["accept"]) >= 1 for r in rows])
        tasks.append(Task(etype, [r["text"] for r in rows], (accepted | in_dev).astype(int),
                          easy_no=np.array([r["label"] == "easy no" for r in rows]), gsr_dev=in_dev,
                          held_out=held_out))
    return tasks


class Vectorizer:
    """TF-IDF over feature lists, divided by sqrt(sum of IDF² over feature occurrences).

    That norm equals the L2 norm when no feature repeats, and unlike it, it is a sum over words: the runtime
    (``classifier.SentenceClassifier._totals``) caches each word form's share and never builds the vector.
    Cross-validation scores the same as sublinear L2-normalised TF-IDF. Keep the two in step.
    """

    def __init__(self, min_df: int):
        self.min_df = min_df

    def fit(self, docs: list[list[str]]) -> Vectorizer:
        from sklearn.feature_extraction.text import CountVectorizer
        self.counts = CountVectorizer(analyzer=_identity, min_df=self.min_df).fit(docs)
        df = np.bincount(self.counts.transform(docs).indices, minlength=len(self.counts.vocabulary_))
        self.idf = np.log((1 + len(docs)) / (1 + df)) + 1  # scikit-learn's smoothed IDF
        self.vocabulary = self.counts.vocabulary_
        return self

    def transform(self, docs: list[list[str]]):
        import scipy.sparse as sp
        c = self.counts.transform(docs)
        norm = np.sqrt(c @ (self.idf ** 2))
        norm[norm == 0] = 1.0
        return sp.diags(1.0 / norm) @ c.multiply(self.idf).tocsr()

    def fit_transform(self, docs: list[list[str]]):
        return self.fit(docs).transform(docs)


def _identity(x: list[str]) -> list[str]:
    return x


def _svm(c: float, seed: int):
    from sklearn.svm import LinearSVC
    return LinearSVC(C=c, class_weight="balanced", random_state=seed)


def cross_val_scores(task: Task, feats: dict, c: float, args) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold decision scores ((n, classes) for quad, (n,) for binary tasks), and the mean score of the
    fold models on the held-out sentences (none of them saw those)."""
    y = task.labels
    multi = task.name == "quad"
    scores = np.zeros((len(y), 5) if multi else len(y))
    docs = [feats[t] for t in task.texts]
    held_docs = [feats[t] for t in task.held_out]
    held = np.zeros(len(held_docs))
    for tr, te in _folds(y, args):
        vec = Vectorizer(args.min_df)
        x_tr = vec.fit_transform([docs[i] for i in tr])
        clf = _svm(c, args.seed).fit(x_tr, y[tr])
        scores[te] = clf.decision_function(vec.transform([docs[i] for i in te]))
        if held_docs:
            held += clf.decision_function(vec.transform(held_docs)) / args.cv
    return scores, held


def _folds(y: np.ndarray, args) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold
    return list(StratifiedKFold(args.cv, shuffle=True, random_state=args.seed).split(np.zeros(len(y)), y))


def evaluate(task: Task, s: np.ndarray, dev: np.ndarray | None, args) -> dict:
    """Cross-validated figures of one task from its out-of-fold scores."""
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
    y = task.labels
    if task.name == "quad":
        pred = s.argmax(1)
        per = f1_score(y, pred, average=None, labels=list(CAMEO_QUAD_NAMES))
        by_fold = [f1_score(y[te], pred[te], average="macro") for _, te in _folds(y, args)]
        return {"macro_f1": round(float(f1_score(y, pred, average="macro")), 4),
                "macro_f1_fold_min_max": [round(float(min(by_fold)), 4), round(float(max(by_fold)), 4)],
                "accuracy": round(float(accuracy_score(y, pred)), 4),
                "per_class_f1": {f"{k} {n}": round(float(v), 4) for (k, n), v in zip(CAMEO_QUAD_NAMES.items(), per)}}
    pred = (s > 0).astype(int)
    fig = {"positives": int(y.sum()), "f1_at_0": round(float(f1_score(y, pred)), 4),
           "roc_auc": round(float(roc_auc_score(y, s)), 4)}
    if dev is not None:
        neg, pos = s[task.easy_no], dev
        fig["auc_easy_no_vs_gsr_dev"] = round(float(roc_auc_score(
            np.r_[np.zeros(len(neg)), np.ones(len(pos))], np.r_[neg, pos])), 4)
    return fig


def _fit_temperature(s: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature that minimises the out-of-fold log loss (a 1-D grid: robust, no optimiser)."""
    best, best_t = np.inf, 1.0
    for t in np.geomspace(0.1, 20, 200):
        z = s * t
        z = z - z.max(1, keepdims=True)
        nll = -(z[np.arange(len(y)), y] - np.log(np.exp(z).sum(1))).mean()
        if nll < best:
            best, best_t = nll, float(t)
    return best_t


def _fit_platt(s: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression
    lr = LogisticRegression(C=1e4).fit(s.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def _prob(s: np.ndarray, ab: tuple[float, float]) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(ab[0] * s + ab[1])))


def calibrate(tasks: list[Task], oof: dict, dev: dict, report: dict) -> dict:
    """Calibration parameters and the PROTEST/ASSAULT thresholds, all from out-of-fold scores."""
    meta: dict = {"platt": {}, "thresholds": {}}
    for task in tasks:
        s = oof[task.name]
        if task.name == "quad":
            meta["quad_temperature"] = _fit_temperature(s, task.labels)
            continue
        ab = meta["platt"][task.name] = _fit_platt(s, task.labels)
        if task.easy_no is None:
            continue
        neg, pos = _prob(s[task.easy_no], ab), _prob(dev[task.name], ab)
        points = {"balanced": float(np.quantile(neg, 1 - MAX_EASY_NO_RATE, method="higher")) + 1e-6,
                  "recall": float(np.quantile(pos, 1 - RECALL_TARGET, method="lower"))}
        meta["thresholds"][task.name] = {k: round(v, 6) for k, v in points.items()}
        report["tasks"][task.name]["operating_points"] = {
            k: {"threshold": round(v, 4), "easy_no_false_event_rate": round(float((neg >= v).mean()), 4),
                "gsr_dev_recall": round(float((pos >= v).mean()), 4)} for k, v in points.items()}
    return meta


def fit_final(tasks: list[Task], feats: dict, args):
    """Fit one shared vocabulary on every sentence, then each model on all its rows; stack the coefficients."""
    vec = Vectorizer(args.min_df).fit(list(feats.values()))
    cols, weights, bias = [], [], []
    for task in tasks:
        c = args.c_quad if task.name in ("quad", "relevant") else args.c_event
        clf = _svm(c, args.seed).fit(vec.transform([feats[t] for t in task.texts]), task.labels)
        if task.name == "quad":
            cols += [f"quad:{k}" for k in clf.classes_]
            weights.append(clf.coef_.T)
            bias.extend(clf.intercept_)
        else:
            cols.append(task.name)
            weights.append(clf.coef_.T)
            bias.append(clf.intercept_[0])
    vocab = [""] * len(vec.vocabulary)
    for f, i in vec.vocabulary.items():
        vocab[i] = f
    return vec, vocab, np.hstack(weights), np.array(bias), cols


def write_model(out: Path, vocab: list[str], idf, weights, bias, meta: dict) -> None:
    if any("\n" in f for f in vocab):
        raise UsageError("a feature contains a newline; the vocabulary format cannot store it")
    meta["un_to_cameo"] = UN_TO_CAMEO
    meta["features"] = {"char_ngrams": [3, 4, 5], "word_ngrams": [1, 2], "tf": "raw",
                        "norm": "sqrt(sum of idf^2 over occurrences)"}
    meta["source"] = ("UN quad-class and relevance annotations (MIT), Arabic event-detection sentence "
                      "judgements and GSR spans (see ../shared/README.md); derived weights only, no text")
    meta["trained"] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    np.savez_compressed(out / NPZ_NAME, vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
                        idf=idf.astype(np.float16), weights=weights.astype(np.float16),
                        bias=bias.astype(np.float32))
    (out / META_NAME).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def export_check(out: Path, tasks: list[Task], feats: dict, vec: Vectorizer, weights, bias) -> float:
    """Largest difference between the exported numpy runtime's scores and the training maths (300 sentences)."""
    texts = [t for task in tasks for t in task.texts[:75]]
    ref = vec.transform([feats[t] for t in texts]) @ weights + bias
    return round(float(np.abs(read(out).decision_batch(texts) - ref).max()), 5)


def model_card(report: dict, meta: dict, args) -> str:
    q = report["tasks"]["quad"]
    lines = [
        "# Event sentence classifiers (quad class, relevance, PROTEST, ASSAULT)",
        "",
        "Written by `marsad train events`; do not edit by hand (it is regenerated with the model).",
        "",
        "## Command",
        "",
        "```",
        f"marsad train events --data-dir {args.data_dir} --cv {args.cv} --c-quad {args.c_quad} "
        f"--c-event {args.c_event} --min-df {args.min_df} --seed {args.seed}"
        + (" --include-gsr-dev" if args.include_gsr_dev else ""),
        "```",
        "",
        f"Trained {meta['trained']} in {report['train_seconds']} s on a CPU (cross-validation included).",
        "",
        "## Data (read from ../shared, never copied)",
        "",
        "- `un-quadclass/quad_multiclass.train.tsv` (MIT): UN Arabic sentences with a quad class. **Its labels "
        "are not numbered as its READMEs say** (1 verbal conflict, 2 material conflict, 3 verbal cooperation, "
        "4 material cooperation). The sentences show 1 = material conflict (11% contain قتل, 0-3% elsewhere), "
        "2 = material cooperation (aid, training), 3 = verbal conflict (18% contain قلق), 4 = verbal "
        "cooperation (رحب): the alphabetical order MatConf, MatCoop, VerConf, VerCoop of the upstream columns. "
        f"Mapping used (UN label -> CAMEO quad): {UN_TO_CAMEO}; CAMEO: 0 none, 1 verbal cooperation, "
        "2 material cooperation, 3 verbal conflict, 4 material conflict.",
        "- `un-quadclass/binary_complete.train.tsv` (MIT): the same corpus, relevant / irrelevant.",
        "- `sentence-judgements/{protest,assault}_gsr.csv`: annotator judgements of candidate sentences. "
        "Positive = at least one annotator accepted, or a gold event of `gsr-spans/dev.jsonl`. "
        + ("The GSR development sentences are part of the training data (`--include-gsr-dev`): their figures "
           "below are out-of-fold, but any later figure on them with this model is in-sample."
           if args.include_gsr_dev else
           "The GSR development sentences are held out of training (figures on them below are from models "
           "that never saw them, and so are `marsad eval events` figures on them)."),
        "",
        "## Model",
        "",
        "Features (`marsad.events.classifier.features`): normalized word unigrams and bigrams and character "
        "3-5-grams inside words; TF-IDF divided by the square root of the sum of IDF² over feature occurrences "
        "(the L2 norm when no feature repeats, but additive over words, so inference caches each word's share); "
        "vocabulary of features seen in at least "
        f"{args.min_df} sentences ({report['n_features']} features, shared by all models). Linear SVMs "
        "(scikit-learn LinearSVC, balanced class weights). Probabilities: softmax with a temperature "
        f"({meta['quad_temperature']:.3f}) for quad; Platt scaling for the binary models, both fitted on "
        "out-of-fold scores. Inference is numpy only (weights float16).",
        "",
        f"## Cross-validated figures ({args.cv}-fold, stratified, vocabulary fitted inside each fold)",
        "",
        f"UN quad class ({q['rows']} sentences): **macro-F1 {q['macro_f1']}** (folds "
        f"{q['macro_f1_fold_min_max'][0]}-{q['macro_f1_fold_min_max'][1]}), accuracy {q['accuracy']}. "
        "(Held-out bar 0.55; published native-Arabic transformer: 0.629.)",
        "",
        "| CAMEO quad class | F1 |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v} |" for k, v in q["per_class_f1"].items()]
    r = report["tasks"]["relevant"]
    lines += ["", f"UN relevance ({r['rows']} sentences): F1 {r['f1_at_0']}, ROC AUC {r['roc_auc']}.", ""]
    lines += ["| type | training rows | positives | F1 (score > 0) | ROC AUC | AUC easy-no vs GSR dev |",
              "|---|---|---|---|---|---|"]
    for t in EVENT_TYPES:
        e = report["tasks"][t]
        lines.append(f"| {t} | {e['rows']} | {e['positives']} | {e['f1_at_0']} | {e['roc_auc']} | "
                     f"{e['auc_easy_no_vs_gsr_dev']} |")
    lines += ["", "Operating points (`clf.threshold(type, point)`), on out-of-fold easy-no probabilities and GSR "
              "dev probabilities (held out, unless trained with `--include-gsr-dev`): *balanced* allows "
              f"{MAX_EASY_NO_RATE:.0%} false events on \"easy no\" sentences; *recall* keeps "
              f"{RECALL_TARGET:.0%} of the GSR development events (use it to reject lexicon candidates: the "
              "lexicon already rejects most easy-no sentences).", "",
              "| type | point | threshold | easy-no false-event rate | GSR dev recall |", "|---|---|---|---|---|"]
    for t in EVENT_TYPES:
        for k, v in report["tasks"][t]["operating_points"].items():
            lines.append(f"| {t} | {k} | {v['threshold']} | {v['easy_no_false_event_rate']} | {v['gsr_dev_recall']} |")
    sizes = ", ".join(f"`{k}` {v / 1e3:.0f} kB" for k, v in report["sizes"].items())
    lines += ["", "## Artifacts", "", f"{sizes}. Export check: numpy scores differ from the training maths by at "
              f"most {report['check_max_abs_diff']} (float16 weights).", "",
              "## Limits", "",
              "- The UN sentences are long, formal report prose; news sentences are shorter. Quad scores on news "
              "are a hint for the coder, not a decision.",
              "- PROTEST has few clear positives (37 unanimous; most judgements are negatives), so its "
              "classifier is much weaker than ASSAULT's: alone it cannot reach both 10% false events and 85% "
              "recall. Use it behind the trigger lexicon, with the *recall* threshold, to reject candidates.",
              "- The *recall* threshold is read off the GSR development scores themselves, so its 95% is a "
              "development figure; the *balanced* one off out-of-fold easy-no scores.",
              "- The sentence judgements (easy-no included) are training data: false-event rates measured on "
              "them with this model are in-sample and lower than the out-of-fold ones above.", ""]
    return "\n".join(lines)
