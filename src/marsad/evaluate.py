"""Score the pipeline on a hand-made gold article (default: the seed) with ../shared/eval/score.py.

Codes the article with the default pipeline (or ``--pipeline``), writes the record to a temporary file and runs
the shared scorer on it, printing its metric lines (time, quote, event and entity figures, must-not failures).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .cli.common import add_pipeline_options, pipeline_names
from .errors import InputNotFound

SHARED = Path("../shared")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", default=str(SHARED / "seed" / "gold.json"), help="gold JSON (default: the seed's)")
    p.add_argument("--text", default=str(SHARED / "seed" / "article.txt"), help="the article text")
    p.add_argument("--scorer", default=str(SHARED / "eval" / "score.py"), help="the shared scorer")
    add_pipeline_options(p)


def run(args) -> int:
    from .io.readers import article_from_text
    from .pipeline import Pipeline

    for path in (args.gold, args.text, args.scorer):
        if not Path(path).is_file():
            raise InputNotFound(f"no such file: {path}")
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    article = article_from_text(Path(args.text).read_bytes(), id=gold.get("id"), date=gold.get("date"))
    record = Pipeline(pipeline_names(args)).code(article)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(record.to_dict(), f, ensure_ascii=False)
    out = subprocess.run([sys.executable, args.scorer, args.gold, f.name, "--text", args.text],
                         capture_output=True, text=True)
    Path(f.name).unlink(missing_ok=True)
    sys.stdout.write("\n".join(line for line in out.stdout.splitlines() if not line.startswith("{")) + "\n")
    return 0 if out.returncode == 0 else 1
