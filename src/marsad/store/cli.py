"""``marsad ingest`` (code and store articles) and ``marsad export`` (stored events to files)."""
from __future__ import annotations

import os
import sys

from ..cli.common import add_pipeline_options, pipeline_names, progress
from ..errors import UsageError

DEFAULT_DB = "marsad.db"


def add_db_option(p) -> None:
    p.add_argument("--db", default=os.environ.get("MARSAD_DB", DEFAULT_DB), metavar="URL",
                   help="the store: a SQLite file path (default marsad.db, or $MARSAD_DB) or postgresql://…")


def add_parser(sub) -> None:
    h = "code articles and store them (idempotent: the same article is stored once)"
    p = sub.add_parser("ingest", help=h, description=h + ". A changed article replaces its old version.")
    p.add_argument("inputs", nargs="+", metavar="FILE|DIR|-")
    add_db_option(p)
    p.add_argument("--date", help="publication date YYYY-MM-DD for .txt input without one")
    add_pipeline_options(p)
    p.set_defaults(run=run_ingest)

    h = "export stored events: jsonl, csv, parquet, plover (PLOVER JSON) or gdelt (GDELT-style TSV)"
    p = sub.add_parser("export", help=h, description=h + ".")
    add_db_option(p)
    p.add_argument("--format", "-f", required=True, choices=("jsonl", "csv", "parquet", "plover", "gdelt"))
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first event date")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last event date")
    p.add_argument("--out", "-o", metavar="FILE", help="output file (default stdout; required for parquet)")
    p.set_defaults(run=run_export)


def ingest(inputs, *, db: str, date: str | None = None, names=None, jobs: int = 1, show_progress: bool = True):
    """Code ``inputs`` with the pipeline and store them; the ingest statistics."""
    from ..io.readers import read_inputs
    from ..pipeline import DEFAULT_PIPELINE, Pipeline
    from .store import open_store

    nlp = Pipeline(names or DEFAULT_PIPELINE)
    items = read_inputs(inputs, date=date)
    records = nlp.pipe(progress(items, desc="ingesting") if show_progress else items, jobs=jobs)
    with open_store(db) as store:
        return store.ingest(records)


def run_ingest(args) -> int:
    stats = ingest(args.inputs, db=args.db, date=args.date, names=pipeline_names(args), jobs=args.jobs)
    print(f"marsad: stored in {args.db}: {stats}", file=sys.stderr)
    return 2 if stats.errors else 0


def run_export(args) -> int:
    from ..export import chunks, write_parquet
    from ..records import check_date
    from .store import EventFilter, open_store

    f = EventFilter(date_from=args.date_from and check_date(args.date_from),
                    date_to=args.date_to and check_date(args.date_to))
    with open_store(args.db) as store:
        events = store.iter_events(f)
        if args.format == "parquet":
            if not args.out:
                raise UsageError("--format parquet needs --out FILE")
            n = write_parquet(events, args.out)
            print(f"marsad: {n} events written to {args.out}", file=sys.stderr)
            return 0
        out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
        try:
            for chunk in chunks(events, args.format):
                out.write(chunk)
        finally:
            if args.out:
                out.close()
    return 0
