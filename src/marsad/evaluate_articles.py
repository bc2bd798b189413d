"""Score event coding on hand-judged real news articles (core-event recall, loose precision) with the shared scorer.

The gold files (``eval/real-articles/*.json``) are marsad's own judgements: ``{article_id: [event, …]}`` with the
seed gold's event fields (``type``, ``accept_types``, ``actor`` and ``recipient`` country codes, ``date``,
``accept_dates``, ``importance`` core/minor). They hold no text: each id names an article of the corpora in
``../shared/data/corpora`` (ANT's DOCNO, or SaudiNewsNet's ``<zip member>-<index>``), which is read from there.
Every article is coded with the default pipeline (or ``--pipeline``) and matched by ``score_article`` of
``../shared/eval/score.py``, the scorer the held-out articles are judged with: an event is found when one
predicted event has an accepted type, an actor country among the gold actors, a party country among the gold
recipients and a date starting with the gold date.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

from .cli.common import add_pipeline_options, pipeline_names
from .errors import InputNotFound

SHARED = Path("../shared")
GOLD = Path("eval/real-articles/dev.json")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", default=str(GOLD), help=f"gold JSON {{article_id: [events]}} (default: {GOLD})")
    p.add_argument("--corpora", default=str(SHARED / "data" / "corpora"), help="where the articles are read from")
    p.add_argument("--scorer", default=str(SHARED / "eval" / "score.py"), help="the shared scorer")
    p.add_argument("--per-article", action="store_true", help="one line per article as well")
    add_pipeline_options(p)


def load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("marsad_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def find_articles(corpora: Path, ids: set[str]) -> dict:
    """The gold's articles by id: ANT ids name their file (``JA-<category>-…``); others are looked for in the
    SaudiNewsNet zips (``<member>-<index>``)."""
    from .io.readers import read_path

    found = {}
    for aid in ids:
        parts = aid.split("-")
        path = corpora / "ant" / parts[1] / f"{aid}.txt" if len(parts) > 2 and parts[0] == "JA" else None
        if path is not None and path.is_file():
            found.update((a.id, a) for a in read_path(path))
    rest = ids - found.keys()
    members = {aid.rsplit("-", 1)[0] for aid in rest}
    for z in sorted((corpora / "saudinewsnet").rglob("*.zip")) if rest else ():
        if z.stem not in members:
            continue
        found.update((a.id, a) for a in read_path(z) if a.id in rest)
    return found


def run(args) -> int:
    from .pipeline import Pipeline

    for path in (args.gold, args.scorer):
        if not Path(path).is_file():
            raise InputNotFound(f"no such file: {path}")
    score = load_scorer(args.scorer)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    articles = find_articles(Path(args.corpora), set(gold))
    missing = sorted(set(gold) - articles.keys())
    if missing:
        raise InputNotFound(f"{len(missing)} gold articles not found under {args.corpora}: {', '.join(missing[:5])}")
    pipeline = Pipeline(pipeline_names(args))
    pooled = score.Tally()
    for aid, events in gold.items():
        record = pipeline.code(articles[aid]).to_dict()
        t = score.Tally()
        for tally in (t, pooled):
            score.score_article({"events": events}, record, "", tally)
        if args.per_article:
            c = t.c
            print(f"{aid:40s} core {c['event_found_core']}/{c['event_gold_core']}  "
                  f"minor {c['event_found_minor']}/{c['event_gold_minor']}  "
                  f"predicted ok {c['event_pred_ok']}/{c['event_pred']}")
    c, r = pooled.c, pooled.ratio
    print(f"articles {len(gold)}")
    print(f"event_core_recall {r('event_found_core', 'event_gold_core')} "
          f"({c['event_found_core']}/{c['event_gold_core']})")
    print(f"event_minor_recall {r('event_found_minor', 'event_gold_minor')} "
          f"({c['event_found_minor']}/{c['event_gold_minor']})")
    print(f"event_precision {r('event_pred_ok', 'event_pred')} ({c['event_pred_ok']}/{c['event_pred']})")
    return 0
