"""Options and helpers shared by subcommands."""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Iterable, Iterator, TypeVar

from ..pipeline import DEFAULT_PIPELINE, PRESETS

T = TypeVar("T")


def optional_module(mod: str):
    """A subcommand or task module, or None while it is not part of this installation (a missing extra)."""
    try:
        return importlib.import_module(mod)
    except ModuleNotFoundError as e:
        if e.name and mod.startswith(e.name):
            return None
        raise


def add_pipeline_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="worker processes (default 1; each loads the models once)")
    p.add_argument("--pipeline", metavar="NAMES", default=None,
                   help="a preset (default, full = default + the NER model, text) or comma-separated components "
                        f"(default: {','.join(DEFAULT_PIPELINE)})")


def pipeline_names(args) -> tuple[str, ...]:
    spec = getattr(args, "pipeline", None)
    if spec in PRESETS:
        return PRESETS[spec]
    if spec:
        return tuple(n.strip() for n in spec.split(",") if n.strip())
    return DEFAULT_PIPELINE


def progress(items: Iterable[T], *, total: int | None = None, desc: str = "", unit: str = "article") -> Iterator[T]:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm
    yield from tqdm(items, total=total, desc=desc, unit=unit, file=sys.stderr, dynamic_ncols=True)
