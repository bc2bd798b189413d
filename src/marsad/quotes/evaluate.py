"""Quote figures on a corpus sample: quotes per article, kinds, speakers found and resolved.

There is no quote gold for the bundled corpora, so this prints what a person needs to judge the quotes of a
sample (``--show`` lists each quote with its cue, speaker and outlet) and the rates that drift when the
attributor breaks: quotes without a speaker, speakers resolved to an actor, unclosed quotations.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from ..cli.common import pipeline_names
from ..pipeline import DEFAULT_PIPELINE

QUOTE_PIPELINE = ("normalizer", "tokenizer", "sentencizer", "quotes")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", help="files or directories (ANT .txt, SaudiNewsNet .zip, .jsonl)")
    p.add_argument("--limit", type=int, default=50, help="articles to read (default 50)")
    p.add_argument("--skip", type=int, default=0, help="articles to skip first (another sample)")
    p.add_argument("--show", action="store_true", help="print every quote for reading")
    p.add_argument("--pipeline", metavar="NAMES", default=None,
                   help="components to run (default: the default pipeline when it has quotes, else "
                        f"{','.join(QUOTE_PIPELINE)})")


def run(args) -> int:
    from ..io.readers import read_inputs
    from ..pipeline import BadItem, Pipeline

    names = pipeline_names(args) if args.pipeline else (
        DEFAULT_PIPELINE if "quotes" in DEFAULT_PIPELINE else QUOTE_PIPELINE)
    nlp = Pipeline(names)
    c: Counter = Counter()
    for n, item in enumerate(read_inputs(args.inputs, limit=args.limit + args.skip)):
        if n < args.skip or isinstance(item, BadItem):
            continue
        doc = nlp(item)
        c["articles"] += 1
        if args.show:
            sys.stdout.write(f"\n=== {item.id}\n")
        for q in doc.quotes:
            c["quotes"] += 1
            c[f"kind_{q.kind}"] += 1
            c["with_speaker"] += q.speaker is not None
            c["speaker_resolved"] += bool(q.speaker and q.speaker.actor)
            c["with_via"] += q.via is not None
            c["unclosed"] += "unclosed_quote" in q.flags
            if args.show:
                sp = q.speaker.text if q.speaker else "-"
                via = f" via {q.via.text}" if q.via else ""
                cue = q.cue.text if q.cue else "-"
                sys.stdout.write(f"[{q.kind} {q.confidence}] {sp} <{cue}>{via}: {q.text[:160]}\n")
    q = c["quotes"] or 1
    sys.stdout.write(
        f"articles: {c['articles']}\nquotes: {c['quotes']} ({c['quotes'] / max(c['articles'], 1):.2f} per article)\n"
        f"kinds: direct {c['kind_direct']}, indirect {c['kind_indirect']}, mixed {c['kind_mixed']}\n"
        f"with speaker: {c['with_speaker'] / q:.3f}\nspeaker resolved to an actor: {c['speaker_resolved'] / q:.3f}\n"
        f"with via: {c['with_via']}\nunclosed: {c['unclosed']}\n")
    return 0
