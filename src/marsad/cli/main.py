"""The ``marsad`` command line: a thin adapter over the Python API.

Each subcommand lives in its own module in this package with ``add_parser(subparsers)`` and ``run(args)``;
``SUBCOMMANDS`` lists them in the order ``--help`` shows. Errors are printed as one coded line, never a
traceback. Exit codes: 0 ok, 1 usage or configuration error, 2 finished with per-item errors.
"""
from __future__ import annotations

import argparse
import os
import sys

from .. import __version__
from ..errors import MarsadError, UsageError
from .common import optional_module

SUBCOMMANDS = [
    "marsad.cli.code",      # code articles -> article records
    "marsad.cli.ner",       # marsad ner --conll FILE
    "marsad.cli.bench",     # speed and memory
    "marsad.cli.tasks",     # train / eval / build
    "marsad.store.cli",     # ingest, export
    "marsad.api.cli",       # serve, demo
]

DESCRIPTION = """\
marsad reads Arabic news and writes down who did what to whom, when, where, and who said what:
entities resolved to actors, quotes with their speakers, times as calendar dates, places, and
PLOVER/CAMEO events. Everything runs offline on a CPU.

examples:
  marsad code article.txt --date 2025-04-20          code one article (JSON record on stdout)
  marsad code articles.jsonl --format jsonl          code many (one record per line)
  marsad code examples/articles --format table       a readable summary for people
  marsad bench ../shared/data/corpora/saudinewsnet --limit 2000
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in SUBCOMMANDS:
        m = optional_module(mod)
        if m is not None:
            m.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 - no tracebacks for users; MARSAD_DEBUG=1 shows them
        if os.environ.get("MARSAD_DEBUG"):
            raise
        print(f"marsad: internal error E900: {type(e).__name__}: {e} (set MARSAD_DEBUG=1 for details)",
              file=sys.stderr)
        return 1


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse: --help (0) or a usage error (2 -> our 1)
        return 0 if e.code in (0, None) else 1
    if not getattr(args, "command", None):
        parser.print_help()
        return 1
    try:
        return int(args.run(args) or 0)
    except UsageError as e:
        print(f"marsad: error {e}", file=sys.stderr)
        return 1
    except MarsadError as e:
        print(f"marsad: error {e}", file=sys.stderr)
        return 1


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
