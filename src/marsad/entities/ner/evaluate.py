"""Score the committed NER model on a CoNLL file (entity level: exact span and type, as conlleval).

``marsad eval ner FILE.conll`` reads ``token ... tag`` lines (the gold tag in the last column), tags the tokens
with the model and prints precision, recall and F1 per type and overall.
"""
from __future__ import annotations

import json
from pathlib import Path

from ...errors import UsageError
from .conll import format_scores, read_tagged, score


def add_arguments(p) -> None:
    p.add_argument("file", help="CoNLL file with gold BIO tags in the last column")
    p.add_argument("--model", help="a .crfsuite file (default: the committed model)")
    p.add_argument("--limit", type=int, default=0, help="score only the first N sentences")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")


def evaluate(path: str, model=None, limit: int = 0) -> dict:
    from .model import NerModel, load_model

    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{path}: no such file", code="E203")
    data = read_tagged(p.read_text(encoding="utf-8"), name=path)
    if limit:
        data = data[:limit]
    if model is None or isinstance(model, str):
        model = NerModel(model) if model else load_model()
    return score([tags for _, tags in data], model.tag_document([toks for toks, _ in data]))


def run(args) -> int:
    scores = evaluate(args.file, args.model, args.limit)
    print(json.dumps(scores, indent=1) if args.json else format_scores(scores))
    return 0
