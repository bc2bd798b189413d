"""Evaluate event coding on ../shared: GSR detection recall, source-country accuracy, false-event rates.

Figures printed:
  * GSR dev sentences (``gsr-spans/dev.jsonl``, 215 PROTEST/ASSAULT sentences): detection recall (an event of
    the gold type in the sentence) and source-country accuracy (among detected sentences whose gold source has a
    country, an event of that type whose actor has it; also over all such sentences);
  * sentence judgements (``sentence-judgements/*.csv``): the share of "easy no" (and "difficult no")
    sentences given a PROTEST/ASSAULT event, and recall on the "yes" ones; each figure also ``_reported``:
    counting only events coded as having happened (asserted or historical, not negated/hypothetical/future);
  * the classifier's UN quad-class cross-validation macro-F1 when it exposes one.
``--show-misses`` lists the GSR sentences without an event of the gold type or without its source country.
``--calibrate`` fits the confidence weights (GSR events of the gold type as positives, events of that type in
"no" judgements as negatives), then the rejection thresholds on the average of that confidence and the
classifier's probability, and writes ``data/confidence.json``.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
from pathlib import Path

from ..pipeline import Pipeline
from ..records import Article

DEFAULT_GSR = "../shared/data/events/gsr-spans/dev.jsonl"
DEFAULT_JUDGEMENTS = "../shared/data/events/sentence-judgements"
UPSTREAM = ("ner", "entities", "times", "quotes")
#: the types the sentence judgements and the classifier cover
CLASSIFIED = ("PROTEST", "ASSAULT")
#: the issue's bar on the "easy no" false-event rate
EASY_NO_BAR = 0.10
#: the rate the thresholds aim under (a point below the bar: held-out sentences differ from these)
EASY_NO_TARGET = EASY_NO_BAR - 0.01
#: modalities that claim the event took place (negated, hypothetical and future ones do not)
REPORTED = ("asserted", "historical")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gsr", default=DEFAULT_GSR, help="GSR span sentences (JSONL)")
    p.add_argument("--judgements", default=DEFAULT_JUDGEMENTS, help="folder of sentence-judgement CSV files")
    p.add_argument("--pipeline", default=None,
                   help="components before events (default: the text layer and every installed upstream stage)")
    p.add_argument("--limit", type=int, default=0, help="at most this many judgement rows per file (0: all)")
    p.add_argument("--point", default="calibrated", choices=("calibrated", "recall", "balanced"),
                   help="the classifier's operating point for rejecting PROTEST/ASSAULT candidates")
    p.add_argument("--calibrate", action="store_true", help="fit and write data/confidence.json")
    p.add_argument("--show-misses", action="store_true",
                   help="print the GSR sentences missed (no event of the type) or given a wrong source country")


def default_pipeline() -> list[str]:
    """The text layer, then the upstream stages that are installed and load, then events."""
    from ..errors import MarsadError
    names = ["normalizer", "tokenizer", "sentencizer"]
    for n in UPSTREAM:
        try:
            Pipeline(names + [n])
        except (ImportError, MarsadError):
            continue
        names.append(n)
    return names + ["events"]


def _date(s: str) -> str | None:
    s = (s or "").strip()
    return f"{s[:4]}-{s[4:6]}-{s[6:8]}" if len(s) == 8 and s.isdigit() else None


def run(args: argparse.Namespace) -> int:
    from ..errors import InputNotFound
    names = args.pipeline.split(",") + ["events"] if args.pipeline else default_pipeline()
    gsr, jdir = Path(args.gsr), Path(args.judgements)
    if not gsr.is_file():
        raise InputNotFound(f"{gsr} not found (pass --gsr)")
    samples: list[dict] = []
    nlp = Pipeline(names, {"events": {"classifier_point": args.point}})
    if args.calibrate:
        _record_features(nlp)
    print(f"pipeline: {','.join(names)}")
    misses: list[str] | None = [] if args.show_misses else None
    res = eval_gsr(nlp, gsr, samples, misses)
    for k, v in res.items():
        print(f"gsr_{k}: {v}")
    for line in misses or ():
        print(line)
    if jdir.is_dir():
        for k, v in eval_judgements(nlp, jdir, args.limit, samples).items():
            print(f"judgements_{k}: {v}")
    _print_classifier_cv()
    if ERRORS:
        print(f"errors: {len(ERRORS)} sentences failed in the pipeline (first: {ERRORS[0]})")
    if args.calibrate:
        path = Path(__file__).resolve().parent / "data" / "confidence.json"
        labelled = [(d["x"], d["y"]) for d in samples if d["type"] and d.get("y") is not None]
        w, b = fit_logistic(labelled)
        limits = choose_thresholds(samples, w, b)
        write_calibration(path, w, b, limits, labelled)
        print(f"wrote {path}: rejection thresholds {limits}; the figures above are before them (no classifier "
              f"vote): run again without --calibrate")
    return 0


def _record_features(nlp: Pipeline) -> None:
    """Calibration mode: the events component keeps every candidate (no classifier rejection) and records its
    type, features and the classifier's probability for its sentence (labels are added by the evaluators)."""
    from .confidence import _classifier, features
    from .coder import default_confidence
    comp = next(c for c in nlp.components if c.name == "events")
    clf = _classifier()
    comp.pending = []

    def scorer(d):
        p = clf.event_prob(d.sentence.text, d.type) if clf is not None and d.type in CLASSIFIED else None
        comp.pending.append((d.type, features(d), p))
        return default_confidence(d)
    comp.scorer = scorer


def _take(nlp: Pipeline) -> list:
    comp = next(c for c in nlp.components if c.name == "events")
    got = getattr(comp, "pending", None)
    if got is None:
        return []
    comp.pending = []
    return got


def _record(samples: list, item: str, group: str, gold: str, got: list, label_of) -> None:
    """One marker per item (for rates), then one sample per candidate event."""
    samples.append({"item": item, "set": group, "gold": gold, "type": None})
    for t, x, p in got:
        samples.append({"item": item, "set": group, "gold": gold, "type": t, "x": x, "p": p, "y": label_of(t)})


def eval_gsr(nlp: Pipeline, path: Path, samples: list, misses: list[str] | None = None) -> dict:
    """GSR figures; ``misses``, when a list, receives one line per missed sentence or wrong source country."""
    n = found = found_asserted = src_gold = src_ok = src_gold_det = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        typ = row["plover"]
        art = Article.create(id=row["id"], text=row["text"], date=_date(row.get("date", "")))
        doc = _code(nlp, art)
        # other types in a GSR sentence may be right too: no label for them
        _record(samples, row["id"], "gsr", typ, _take(nlp), lambda t, typ=typ: 1 if t == typ else None)
        n += 1
        evs = [e for e in doc.events if e.type == typ]
        found += bool(evs)
        found_asserted += any(e.modality in REPORTED for e in evs)
        cty = (row.get("source_code") or "None").split()[0]
        ok = True
        if cty != "None":
            src_gold += 1
            src_gold_det += bool(evs)
            ok = any(m.actor is not None and m.actor.country == cty for e in evs for m in e.actor)
            src_ok += ok
        if misses is not None and (not evs or not ok):
            got = "; ".join(f"{e.trigger.text} -> " + (",".join(f"{m.text}={m.actor.country if m.actor else None}"
                                                             for m in e.actor) or "no actor") for e in evs)
            what = "MISSED" if not evs else f"SOURCE got [{got}]"
            misses.append(f"{what} {typ} gold source {row.get('source_text')!r}={cty} trigger "
                          f"{row.get('trigger')!r}: {row['text'][:200]}")
    return {"sentences": n, "detection_recall": _r(found, n),
            "detection_recall_reported": _r(found_asserted, n),
            "source_country_acc_detected": _r(src_ok, src_gold_det),
            "source_country_acc_all": _r(src_ok, src_gold)}


def eval_judgements(nlp: Pipeline, folder: Path, limit: int, samples: list) -> dict:
    out: dict = {}
    for path in sorted(folder.glob("*.csv")):
        counts: dict[str, list[int]] = {}
        with path.open(encoding="utf-8", newline="") as f:
            for k, row in enumerate(csv.DictReader(f)):
                if limit and k >= limit:
                    break
                label, typ = row["label"], row["event_type"]
                art = Article.create(id=row["id"], text=row["text"] or " ", date=None)
                doc = _code(nlp, art)
                hit = any(e.type == typ for e in doc.events)
                hit_reported = any(e.type == typ and e.modality in REPORTED for e in doc.events)
                _record(samples, row["id"], label, typ, _take(nlp),
                        lambda t, typ=typ, label=label: int(label == "yes")
                        if t == typ and label != "ambiguous" else None)
                c = counts.setdefault(label, [0, 0, 0])
                c[0] += hit
                c[1] += hit_reported
                c[2] += 1
        name = path.stem
        for label, (hit, rep, tot) in sorted(counts.items()):
            key = label.replace(" ", "_")
            metric = "recall" if label == "yes" else "event_rate"
            out[f"{name}_{key}_{metric}"] = f"{_r(hit, tot)} ({hit}/{tot})"
            out[f"{name}_{key}_{metric}_reported"] = f"{_r(rep, tot)} ({rep}/{tot})"
    return out


ERRORS: list[str] = []


def _code(nlp: Pipeline, art: Article):
    """The analysed sentence; a crash in any component counts as no events and is reported at the end."""
    from ..doc import Doc
    try:
        return nlp(art)
    except Exception as e:  # noqa: BLE001 - an evaluation must finish and say how many items failed
        ERRORS.append(f"{art.id}: {type(e).__name__}: {e}")
        return Doc(article=art)


def _print_classifier_cv() -> None:
    """The classifier's UN quad-class cross-validation figures, as recorded in its model metadata."""
    from .confidence import _classifier
    clf = _classifier()
    quad = ((clf.meta.get("report") or {}).get("tasks") or {}).get("quad") if clf is not None else None
    if quad:
        folds = (clf.meta.get("report") or {}).get("cv_folds")
        print(f"classifier_un_quad_cv_macro_f1: {quad.get('macro_f1')} ({folds}-fold, folds "
              f"{quad.get('macro_f1_fold_min_max')}; from `marsad train events --cv`)")


def choose_thresholds(samples: list[dict], w: list[float], b: float) -> dict[str, float]:
    """Per type, the threshold on the average of the calibrated confidence (weights ``w``, bias ``b``) and the
    classifier probability below which candidates are rejected: the one keeping the most GSR sentences while
    giving at most EASY_NO_TARGET of the "easy no" sentences an event of the type."""
    out = {}
    for typ in CLASSIFIED:
        best: dict[tuple[str, str], float] = {}
        for d in samples:
            if d["gold"] != typ or d["set"] not in ("gsr", "easy no"):
                continue
            key = (d["set"], d["item"])
            if d["type"] is None:
                best.setdefault(key, -1.0)
            elif d["type"] == typ and d["p"] is not None:
                best[key] = max(best.get(key, -1.0), (_logistic(w, b, d["x"]) + d["p"]) / 2)
        gsr = [p for (g, _), p in best.items() if g == "gsr"]
        easy = [p for (g, _), p in best.items() if g == "easy no"]
        if not gsr or not easy:
            continue
        within = [t / 100 for t in range(0, 61) if sum(p >= t / 100 for p in easy) <= EASY_NO_TARGET * len(easy)]
        if within:
            out[typ] = max(within, key=lambda t: (sum(p >= t for p in gsr), -t))
    return out


def _logistic(w: list[float], b: float, x: list[float]) -> float:
    z = b + sum(wi * xi for wi, xi in zip(w, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit_logistic(samples: list[tuple[list[float], int]], steps: int = 400,
                 lr: float = 0.5) -> tuple[list[float], float]:
    """Logistic regression by batch gradient descent (no dependency): weights for confidence.py's features."""
    from .confidence import FEATURES
    k = len(FEATURES)
    w, b = [0.0] * k, 0.0
    n = len(samples)
    if not n:
        return w, b
    for _ in range(steps):
        gw, gb = [0.0] * k, 0.0
        for x, y in samples:
            g = _logistic(w, b, x) - y
            gb += g
            for j in range(k):
                gw[j] += g * x[j]
        b -= lr * gb / n
        w = [wi - lr * (gi / n + 1e-3 * wi) for wi, gi in zip(w, gw)]
    return [round(x, 4) for x in w], round(b, 4)  # as written to confidence.json, so thresholds fit them


def write_calibration(path: Path, w: list[float], b: float, limits: dict[str, float],
                      samples: list[tuple[list[float], int]]) -> None:
    from .confidence import FEATURES
    path.write_text(json.dumps({
        "_source": "fitted by `marsad eval events --calibrate` on ../shared/data/events (GSR dev sentences: "
                   "events of the gold type as positives; sentence judgements: events of the judged type, "
                   "positive only for 'yes'); reject_below: the threshold on the average of this confidence and "
                   "the classifier probability under which a candidate of the type is rejected, the one keeping "
                   f"the most GSR sentences with at most {EASY_NO_TARGET:.0%} 'easy no' false events",
        "types": list(CLASSIFIED), "reject_below": limits, "features": list(FEATURES),
        "weights": w, "bias": b,
        "samples": len(samples), "positives": sum(y for _, y in samples)}, indent=1) + "\n", encoding="utf-8")


def _r(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None
