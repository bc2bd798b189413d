"""Score the event sentence classifier on UN-style quad-class data (TSV: text, label), or predict labels.

Input is the format of ``../shared/data/events/un-quadclass/quad_multiclass.train.tsv``: a header line, then
``text<TAB>label`` with UN labels 0-4 (-1, multi-label, is skipped). The classifier answers in CAMEO quad
numbering (0 none, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict), so
its answers are mapped back to UN labels before scoring. Which UN label means what is the catch:

* ``--labels data`` (default): the order the data was found to use (the classifier's model card and its
  ``un_to_cameo``): 1 material conflict, 2 material cooperation, 3 verbal conflict, 4 verbal cooperation;
* ``--labels documented``: the order the dataset's READMEs state: 1 verbal conflict, 2 material conflict,
  3 verbal cooperation, 4 material cooperation.

Prints the mapping used, macro-F1 over the labels present, accuracy and per-label F1. ``--predict`` instead
reads one unlabelled sentence per line and writes one predicted UN label per line (``--out`` or stdout).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from ..errors import InputNotFound, MalformedRecord

#: UN label -> CAMEO quad class, as the dataset's READMEs document it
DOCUMENTED = {0: 0, 1: 3, 2: 4, 3: 1, 4: 2}
#: the file the packaged classifier was trained on (scores on it are in-sample)
TRAINING_FILE = "quad_multiclass.train.tsv"
CAMEO_NAMES = {0: "none", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
               4: "material conflict"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.tsv", help="labelled TSV (header, then text<TAB>label); with "
                                                    "--predict: one sentence per line")
    p.add_argument("--labels", choices=("data", "documented"), default="data",
                   help="which UN label order to assume (default: data, the order found in the training data)")
    p.add_argument("--predict", action="store_true", help="write one predicted UN label per input line")
    p.add_argument("--out", default=None, help="with --predict: output file (default: stdout)")


def mapping(which: str, model_meta: dict) -> dict[int, int]:
    """UN label -> CAMEO quad class for ``which`` ("data": the model's own ``un_to_cameo``)."""
    if which == "documented":
        return dict(DOCUMENTED)
    return {int(k): int(v) for k, v in model_meta["un_to_cameo"].items()}


def read_labelled(path: Path) -> list[tuple[str, int]]:
    """Rows of a quad-class TSV; the header and multi-label rows (-1) are skipped."""
    csv.field_size_limit(1 << 26)
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.reader(f, delimiter="\t"), 1):
            if n == 1 and row and not row[-1].strip().lstrip("-").isdigit():
                continue  # header
            if not row or not "".join(row).strip():
                continue
            if len(row) < 2 or not row[-1].strip().lstrip("-").isdigit():
                raise MalformedRecord(f"{path}:{n}: expected text<TAB>label")
            label = int(row[-1])
            if label >= 0:
                out.append(("\t".join(row[:-1]), label))
    return out


def predict_un(clf, texts: list[str], un_to_cameo: dict[int, int]) -> list[int]:
    """The most probable UN label of each text under the given mapping."""
    cameo_to_un = {c: u for u, c in un_to_cameo.items()}
    return [cameo_to_un[max(q, key=q.__getitem__)] for q in (s.quad for s in clf.predict_batch(texts))]


def f1_scores(gold: list[int], pred: list[int]) -> dict[int, float]:
    """Per-label F1 over the labels that occur in ``gold``."""
    out = {}
    for k in sorted(set(gold)):
        tp = sum(g == k and p == k for g, p in zip(gold, pred))
        fp = sum(g != k and p == k for g, p in zip(gold, pred))
        fn = sum(g == k and p != k for g, p in zip(gold, pred))
        out[k] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def run(args: argparse.Namespace) -> int:
    from .classifier import load
    path = Path(args.file)
    if not path.is_file():
        raise InputNotFound(f"{path} not found")
    clf = load()
    m = mapping(args.labels, clf.meta)
    if args.predict:
        texts = [line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines()]
        labels = predict_un(clf, texts, m)
        text = "".join(f"{y}\n" for y in labels)
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    rows = read_labelled(path)
    if not rows:
        raise MalformedRecord(f"{path}: no labelled rows")
    gold = [y for _, y in rows]
    pred = predict_un(clf, [t for t, _ in rows], m)
    f1 = f1_scores(gold, pred)
    print(f"mapping ({args.labels}): " + ", ".join(f"UN {u} = {CAMEO_NAMES[c]}" for u, c in sorted(m.items())))
    print(f"sentences: {len(rows)}")
    if path.name == TRAINING_FILE:
        print(f"note: the packaged classifier was trained on {TRAINING_FILE}: these figures are in-sample "
              f"(its cross-validated macro-F1 is in its model card)")
    print(f"macro_f1: {sum(f1.values()) / len(f1):.4f}")
    print(f"accuracy: {sum(g == p for g, p in zip(gold, pred)) / len(rows):.4f}")
    for k, v in f1.items():
        print(f"f1 UN {k} ({CAMEO_NAMES[m[k]]}): {v:.4f}")
    return 0
