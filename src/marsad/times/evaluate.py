"""score the time stage on the Microsoft Recognizers-Text Arabic specs (extraction P/R/F1, resolution accuracy)

Reads every ``*.json`` spec file under DIR (``../shared/data/time/recognizers-text-ar``); each case has an
``Input``, an optional ``Context.ReferenceDateTime`` (the anchor; 2016-11-07 when absent, the specs' usual
reference) and the expected ``Results`` (Text, Start, Length, Type, and for parser files a ``Value`` with
Future/Past resolutions).

Per file it prints:

* extraction precision/recall/F1 of marsad's times against the expected date-bearing results (types date,
  daterange, datetime, datetimerange), a predicted time matching an expected one when their spans overlap
  (``exact`` gives F1 with identical spans);
* resolution accuracy: over expected results that resolve to one day, the share that marsad found and
  resolved to that day (the future or the past reading: the specs give both for underspecified dates and
  marsad picks one from the clause's tense); impossible dates (31 September) are left out;
* leaks: predicted times overlapping an expected duration (durations must never be dates).

Clock times (types time, timerange) and sets (every Monday) are out of marsad's scope and neither counted as
expected nor, when marsad leaves them alone, as errors. The Number/ files are not temporal and are skipped.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputNotFound
from .calendar import value_range
from .extract import find_all

DATE_TYPES = {"date", "daterange", "datetime", "datetimerange"}
DEFAULT_ANCHOR = "2016-11-07"


@dataclass
class Score:
    cases: int = 0
    gold: int = 0
    pred: int = 0
    tp_pred: int = 0
    tp_gold: int = 0
    exact: int = 0
    res_total: int = 0
    res_ok: int = 0
    leaks: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.pred if self.pred else 1.0
        r = self.tp_gold / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def exact_f1(self) -> float:
        p = self.exact / self.pred if self.pred else 1.0
        r = self.exact / self.gold if self.gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _type(result: dict) -> str:
    return str(result.get("Type") or result.get("TypeName") or "").split(".")[-1]


def _gold_days(result: dict) -> set[dt.date] | None:
    """The days an expected result may resolve to (future and past readings), or None if not a single day."""
    value = result.get("Value") or {}
    days = set()
    for key in ("FutureResolution", "PastResolution"):
        res = value.get(key) or {}
        text = res.get("date") or res.get("dateTime") or res.get("datetime")
        if not text:
            return None
        try:
            d = dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
        if d.year <= 1:  # the specs' marker for an impossible date
            return None
        days.add(d)
    return days or None


def score_file(path: Path, verbose: bool = False) -> Score:
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    sc = Score()
    for case in cases:
        text = case.get("Input") or ""
        ref = ((case.get("Context") or {}).get("ReferenceDateTime") or DEFAULT_ANCHOR)[:10]
        times, _ = find_all(text, ref)
        sc.cases += 1
        results = case.get("Results") or []
        gold = [r for r in results if _type(r) in DATE_TYPES]
        durations = [r for r in results if _type(r) == "duration"]
        others = [r for r in results if _type(r) not in DATE_TYPES and _type(r) != "duration"]
        sc.gold += len(gold)

        def span(r: dict) -> tuple[int, int]:
            return r["Start"], r["Start"] + r["Length"]

        def overlaps(t, r) -> bool:
            a, b = span(r)
            return t.start < b and a < t.end

        used: set[int] = set()
        for t in times:
            if any(overlaps(t, r) for r in durations):
                sc.leaks += 1
            if any(overlaps(t, r) for r in others) and not any(overlaps(t, r) for r in gold):
                continue  # a date inside a clock-time expression: out of scope, not an error
            sc.pred += 1
            hit = next((i for i, r in enumerate(gold) if i not in used and overlaps(t, r)), None)
            if hit is not None:
                used.add(hit)
                sc.tp_pred += 1
                sc.exact += span(gold[hit]) == (t.start, t.end)
            elif verbose:
                sc.errors.append(f"FP  {text!r}: {t.text!r} -> {t.value}")
        sc.tp_gold += len(used)
        for i, r in enumerate(gold):
            if i not in used and verbose:
                sc.errors.append(f"FN  {text!r}: {r.get('Text')!r}")
            days = _gold_days(r)
            if days is None:
                continue
            sc.res_total += 1
            t = next((t for t in times if overlaps(t, r)), None)
            rng = value_range(t.value) if t else None
            ok = rng is not None and rng[0] == rng[1] and rng[0] in days
            sc.res_ok += ok
            if not ok and t is not None and verbose:
                sc.errors.append(f"VAL {text!r} @{ref}: {t.text!r} -> {t.value}, expected "
                                 f"{' or '.join(sorted(map(str, days)))}")
    return sc


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", type=Path,
                        help="the Recognizers-Text Arabic specs (../shared/data/time/recognizers-text-ar)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss, false alarm and wrong value")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")


def run(args: argparse.Namespace) -> int:
    files = sorted(p for p in Path(args.dir).rglob("*.json") if "Number" not in p.parts)
    if not files:
        raise InputNotFound(f"no spec files under {args.dir}")
    out = {}
    if not args.json:
        print(f"{'file':32} {'cases':>5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6} "
              f"{'resol.':>12} {'leaks':>5}")
    for f in files:
        sc = score_file(f, args.verbose)
        p, r, f1 = sc.prf()
        res = sc.res_ok / sc.res_total if sc.res_total else None
        out[f.name] = {"cases": sc.cases, "gold": sc.gold, "pred": sc.pred, "precision": round(p, 4),
                       "recall": round(r, 4), "f1": round(f1, 4), "exact_f1": round(sc.exact_f1(), 4),
                       "resolution_acc": None if res is None else round(res, 4),
                       "resolution_n": sc.res_total, "duration_leaks": sc.leaks}
        if not args.json:
            rs = f"{res:.3f} ({sc.res_total})" if res is not None else "-"
            print(f"{f.name:32} {sc.cases:5d} {sc.gold:5d} {sc.pred:5d} {p:6.3f} {r:6.3f} {f1:6.3f} "
                  f"{sc.exact_f1():6.3f} {rs:>12} {sc.leaks:5d}")
            for e in sc.errors:
                print("   ", e)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0
