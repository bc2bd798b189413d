"""``marsad bench``: throughput, memory and per-component cost over a corpus."""
from __future__ import annotations

import json
import resource
import sys
import time

from ..pipeline import TEXT_PIPELINE, BadItem, Pipeline
from .common import add_pipeline_options, pipeline_names, progress

HELP = "measure speed and memory over a corpus (JSONL, a directory, ANT or SaudiNewsNet)"


def add_parser(sub) -> None:
    p = sub.add_parser("bench", help=HELP, description=HELP + ". Articles are read first, then coded and timed.")
    p.add_argument("corpus", nargs="+", metavar="CORPUS")
    p.add_argument("--limit", type=int, default=2000, help="articles to code (default 2000)")
    p.add_argument("--text-only", action="store_true", help="run only the text layer (" + ",".join(TEXT_PIPELINE) + ")")
    p.add_argument("--repeat", type=int, default=1, help="code the articles this many times (default 1)")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    add_pipeline_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..io.readers import read_inputs

    names = TEXT_PIPELINE if args.text_only else pipeline_names(args)
    t_load = time.perf_counter()
    nlp = Pipeline(names)
    load_s = time.perf_counter() - t_load
    items = [it for it in read_inputs(args.corpus, limit=args.limit) if not isinstance(it, BadItem)]
    if not items:
        print("marsad: error E203: no articles found in the corpus", file=sys.stderr)
        return 1
    chars = sum(len(a.text) for a in items)
    nbytes = sum(len(a.text.encode("utf-8")) for a in items)
    tokens = 0
    errors = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    for _ in range(args.repeat):
        for rec in nlp.pipe(progress(items, total=len(items), desc="bench"), jobs=args.jobs):
            errors += rec.error is not None
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0  # this process only: meaningful with --jobs 1, steadier than wall on a busy machine
    n = len(items) * args.repeat
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if "tokens" in {p for c in nlp.components for p in c.provides}:
        from ..text.tokenize import TOKEN_RE
        tokens = sum(1 for a in items for _ in TOKEN_RE.finditer(a.text)) * args.repeat
    figures = {
        "articles": n, "jobs": args.jobs, "pipeline": list(names), "errors": errors,
        "load_seconds": round(load_s, 3), "seconds": round(wall, 3),
        "articles_per_s": round(n / wall, 1),
        "articles_per_cpu_s": round(n / cpu, 1) if args.jobs <= 1 and cpu > 0 else None, "mb_per_s": round(nbytes * args.repeat / wall / 1e6, 2),
        "tokens_per_s": round(tokens / wall) if tokens else None,
        "mean_chars": round(chars / len(items)),
        "peak_rss_mb": round(max(rss_self, rss_kids), 1),
        "ms_per_article": {k: round(v * 1000 / n, 4) for k, v in nlp.timings.items()},
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    print(f"articles        {n} ({figures['mean_chars']} characters on average), jobs {args.jobs}, errors {errors}")
    print(f"pipeline        {', '.join(names)} (loaded in {load_s:.2f} s)")
    print(f"throughput      {figures['articles_per_s']} articles/s, {figures['mb_per_s']} MB/s"
          + (f", {figures['tokens_per_s']:,} tokens/s" if tokens else ""))
    if figures["articles_per_cpu_s"]:
        print(f"per CPU second  {figures['articles_per_cpu_s']} articles (CPU time of this process)")
    print(f"peak memory     {figures['peak_rss_mb']} MB")
    print("ms per article by component")
    for k, v in figures["ms_per_article"].items():
        print(f"  {k:<14} {v:.4f}")
    return 0
