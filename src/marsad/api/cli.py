"""``marsad serve`` (the API and dashboard) and ``marsad demo`` (code the examples, then serve them)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..cli.common import add_pipeline_options, pipeline_names
from ..store.cli import add_db_option

ROOT = Path(__file__).resolve().parents[3]
#: the seed article's publication date (it is a .txt file: the date comes from outside it)
SEED_DATE = "2025-04-20"


def add_parser(sub) -> None:
    h = "serve the HTTP API and the dashboard over a store"
    p = sub.add_parser("serve", help=h, description=h + ". Writes need MARSAD_API_TOKEN set on the server "
                       "and 'Authorization: Bearer <token>' on requests.")
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(run=run_serve)

    h = "code the example articles into a store and open the dashboard"
    p = sub.add_parser("demo", help=h, description=h + " (examples/articles, plus ../shared/seed/article.txt "
                       "when present).")
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-serve", action="store_true", help="only fill the store")
    p.add_argument("--examples", default=None, metavar="DIR", help="articles to code (default examples/articles)")
    add_pipeline_options(p)
    p.set_defaults(run=run_demo)


def serve(db: str, host: str, port: int) -> None:
    import uvicorn

    from .app import create_app

    app = create_app(db)
    print(f"marsad: dashboard and API on http://{host}:{port}/ (API docs: /docs; store: {db}; writes "
          f"{'enabled' if os.environ.get('MARSAD_API_TOKEN') else 'disabled: no MARSAD_API_TOKEN'})",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def run_serve(args) -> int:
    serve(args.db, args.host, args.port)
    return 0


def demo_inputs(examples: str | None) -> list[tuple[str, dict]]:
    """(path, reader options) for every demo input that exists."""
    out = []
    ex = Path(examples) if examples else ROOT / "examples" / "articles"
    if ex.exists():
        out.append((str(ex), {}))
    shared = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
    seed = shared / "seed" / "article.txt"
    if seed.exists():
        out.append((str(seed), {"id": "seed-article", "date": SEED_DATE}))
    return out


def run_demo(args) -> int:
    from ..io.readers import read_inputs
    from ..pipeline import Pipeline
    from ..store import open_store

    inputs = demo_inputs(args.examples)
    if not inputs:
        print("marsad: no example articles found (examples/articles)", file=sys.stderr)
        return 1
    nlp = Pipeline(pipeline_names(args))
    with open_store(args.db) as store:
        for path, opts in inputs:
            stats = store.ingest(nlp.pipe(read_inputs([path], **opts), jobs=args.jobs))
            print(f"marsad: {path}: {stats}", file=sys.stderr)
        counts = store.counts()
    print(f"marsad: {args.db} holds " + ", ".join(f"{v} {k}" for k, v in counts.items()), file=sys.stderr)
    if args.no_serve:
        return 0
    serve(args.db, args.host, args.port)
    return 0
