"""Train the CRF NER model on ANERcorp (BIO: PERS, LOC, ORG, MISC); optionally cross-validate first.

``marsad train ner --data ../shared/data/ner/anercorp/train.txt --cv 5 --out src/marsad/entities/ner/model``
runs 5-fold cross-validation on the training file (contiguous folds, so one news story never sits on both
sides), prints entity-level precision/recall/F1 per type and overall (exact span and type, as conlleval), then
trains on all of it and writes ``ner.crfsuite``, ``attributes.txt.gz`` and ``training.json`` (parameters, scores, time, size) to
``--out``. ``--extra`` adds Wojood-style files to the training side only (nested tags mapped: PERS, ORG,
GPE/LOC/FAC -> LOC; the rest dropped); CV is always scored on the ``--data`` folds alone, each fold tagged as
one document (CRF, then :mod:`.consistency`), as ``marsad ner --conll`` does.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

from .consistency import propagate
from .conll import format_scores, read_conll, read_tagged, score
from .features import Featurizer, Resources

#: Wojood types that map onto ANERcorp's; everything else (DATE, OCC, NORP, EVENT ...) becomes O
WOJOOD_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

Data = list[tuple[list[str], list[str]]]


def add_arguments(p) -> None:
    p.add_argument("--data", required=True, help="ANERcorp-style CoNLL training file (token tag per line)")
    p.add_argument("--extra", action="append", default=[],
                   help="a Wojood file or folder of .txt files added to the training side (tags mapped)")
    p.add_argument("--cv", type=int, default=0, metavar="K", help="K-fold cross-validation first (0: none)")
    p.add_argument("--out", type=Path, default=None,
                   help="model folder (default: the package's model folder); nothing is written with --cv-only")
    p.add_argument("--cv-only", action="store_true", help="only cross-validate; do not train the final model")
    p.add_argument("--c1", type=float, default=0.05, help="L1 regularization (default 0.05)")
    p.add_argument("--c2", type=float, default=0.01, help="L2 regularization (default 0.01)")
    p.add_argument("--iterations", type=int, default=200, help="L-BFGS iterations (default 200)")
    p.add_argument("--jobs", "-j", type=int, default=2, help="folds trained in parallel (default 2)")


def load_wojood(path: Path) -> Data:
    """Wojood's nested layers flattened: per token, the first layer whose type maps onto ANERcorp's."""
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    out: Data = []
    for f in files:
        for sent in read_conll(f.read_text(encoding="utf-8"), name=str(f)):
            toks, tags = [], []
            prev = "O"
            for cols in sent:
                tag = "O"
                for t in cols[1:]:
                    typ = WOJOOD_MAP.get(t[2:])
                    if t[:2] in ("B-", "I-") and typ:
                        tag = t[:2] + typ
                        break
                if tag.startswith("I-") and prev[2:] != tag[2:]:
                    tag = "B-" + tag[2:]
                toks.append(cols[0])
                tags.append(tag)
                prev = tag
            out.append((toks, tags))
    return out


def train_model(data: Data, model_path: str, params: dict, res: Resources) -> None:
    import pycrfsuite

    feat = Featurizer(res)
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in data:
        trainer.append(feat.sentence(toks), tags)
    trainer.set_params(params)
    trainer.train(model_path)


def _fold(args) -> tuple[list[list[str]], list[list[str]]]:
    train, test, params = args
    import pycrfsuite

    res = Resources.load()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fold.crfsuite")
        train_model(train, path, params, res)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        feat = Featurizer(res)
        sents = [toks for toks, _ in test]
        pred = propagate(sents, [tagger.tag(feat.sentence(toks)) for toks in sents], feat)
    return [tags for _, tags in test], pred


def cross_validate(data: Data, extra: Data, k: int, params: dict, jobs: int) -> dict:
    """Contiguous K-fold CV; returns the pooled entity-level scores."""
    n = len(data)
    bounds = [round(i * n / k) for i in range(k + 1)]
    tasks = [(data[:bounds[i]] + data[bounds[i + 1]:] + extra, data[bounds[i]:bounds[i + 1]], params)
             for i in range(k)]
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(max(1, min(jobs, k))) as pool:
        for g, p in pool.imap(_fold, tasks):
            gold += g
            pred += p
    return score(gold, pred)


CARD = """# marsad NER model (CRF, ANERcorp BIO tags)

Files: `ner.crfsuite` (CRFsuite model, {size:.1f} MB), `attributes.txt.gz` (its attributes, used to drop
features the model has no weight for), `training.json` (everything below, machine-readable). Features use the
derived files `../data/clusters.tsv.gz`, `../data/clusters-50k.tsv.gz` and `../data/namelists.tsv.gz` (sources
in their headers).

## Data
- `{data}`: ANERcorp, CAMeL Lab train split (CC BY-SA 4.0; Benajiba & Rosso 2007, Obeid et al. 2020):
  {sentences:,} sentences, {tokens:,} tokens. The test split was never used.
- Extra training data: {extra}.
- Word clusters: learned here (PPMI + randomized SVD + k-means; `python -m marsad.entities.ner.clusters`, about
  2 minutes) from the raw news of SaudiNewsNet and ANT (10.5 M tokens) and the words (not tags) of the ANERcorp
  train split: 150,000 words in 64/256/1024/2048 clusters, and a second view of the 50,000 most frequent in
  64/256/1024 (`--vocab 50000 --min-count 3 --sizes 64,256,1024 --out .../clusters-50k.tsv.gz`).
- Name lists (`python -m marsad.entities.ner.namelists`): Wikidata person-name tokens (CC0), country names
  (datasets/country-codes, PDDL), city names (world-cities-translations, CC BY 4.0; noisy, candidates only).

## Command
```
{command}
```
CRFsuite L-BFGS, parameters `{params}`. Training on the whole file took {train_seconds} s (2 shared cores).

## Features (per token, cached per surface form)
Normalized word; conjunction/preposition proclitics and the article stripped (stem with and without the
article); prefixes 2-3 and suffixes 1-3 of the word and of the bare stem; shape (Arabic, Latin, digits,
punctuation), length; corpus frequency band; word clusters of both clusterings at all granularities (of the
word, else of its stem);
name-list membership of the word and of its bare stem; at ±1 the neighbour's word, stem, proclitics, shape,
clusters and lists; at ±2 its word, two cluster levels and lists; word bigrams (previous+current,
current+next); sentence start/end.

After the CRF, `consistency.py` propagates names within a text: the surname of a person and one-word
person/place names found in a sentence tag the same (proclitic-stripped) word within 25 sentences when it is not
a frequent word (corpus count <= 300). It added about 2 F1 points (PERS +6) on fold 3 of 5, where its window and
frequency cut were chosen; the scores below include it on all folds.

Tried and left out (fold 3 of 5, F1 without -> with): Wojood sample as extra training data (0.704 -> 0.677:
different conventions and dialect text); name lists crossed with frequency bands plus cluster bigrams
(0.704 -> 0.679); neighbours' affixes (0.724 -> 0.710); c1=0.15 (0.704 -> 0.694); c1=0.02/c2=0.05 and
c1=0.03/c2=0.003 (lower); 300 L-BFGS iterations (no gain). Both clusterings together: fold 3 0.724 (large
only) / 0.726 (small only) -> 0.732; fold 1 0.776 (small only) -> 0.786.

## Cross-validated scores
{cv}

## Use
`marsad ner --conll FILE` (token per line, blank lines between sentences -> `token<TAB>tag`; the file is
tagged as one running text);
`marsad eval ner FILE.conll` scores it on any CoNLL file; the pipeline component `ner` gives character spans.
"""


def model_card(info: dict) -> str:
    cv = info.get("cv")
    if cv:
        rows = ["| type | precision | recall | F1 | gold entities |", "|---|---|---|---|---|"]
        for t, s in cv["scores"].items():
            rows.append(f"| {t} | {s['precision']:.4f} | {s['recall']:.4f} | **{s['f1']:.4f}** | {int(s['gold'])} |")
        cv_text = (f"{cv['folds']}-fold cross-validation on the training file (contiguous folds; extra data only on "
                   f"the training side), entity level, exact span and type (conlleval), pooled over the folds "
                   f"({cv['seconds']} s):\n\n" + "\n".join(rows))
    else:
        cv_text = "Not run for this model (train with `--cv 5`)."
    return CARD.format(size=info["model_bytes"] / 1e6, data=info["data"], sentences=info["sentences"],
                       tokens=info["tokens"], command=info["command"], params=json.dumps(info["params"]),
                       train_seconds=info["train_seconds"], cv=cv_text,
                       extra=(", ".join(info["extra"]) + f" ({info['extra_sentences']:,} sentences, Wojood "
                              "layers mapped: PERS, ORG, GPE/LOC/FAC -> LOC, the rest O)")
                       if info["extra"] else "none")


def run(args) -> int:
    from .model import MODEL_DIR, MODEL_FILE, write_attributes

    data = read_tagged(Path(args.data).read_text(encoding="utf-8"), name=args.data)
    extra: Data = []
    for e in args.extra:
        extra += load_wojood(Path(e))
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
              "feature.possible_transitions": True}
    info: dict = {"data": args.data, "extra": args.extra, "sentences": len(data),
                  "tokens": sum(len(t) for t, _ in data), "extra_sentences": len(extra), "params": params,
                  "command": "marsad train ner " + " ".join(sys.argv[3:])}
    if args.cv:
        t0 = time.perf_counter()
        scores = cross_validate(data, extra, args.cv, params, args.jobs)
        info["cv"] = {"folds": args.cv, "scores": scores, "seconds": round(time.perf_counter() - t0, 1)}
        print(f"{args.cv}-fold cross-validation, entity level (exact span and type):")
        print(format_scores(scores))
    if args.cv_only:
        return 0
    out = Path(args.out) if args.out else Path(str(MODEL_DIR))
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    train_model(data + extra, str(out / MODEL_FILE), params, Resources.load())
    info["train_seconds"] = round(time.perf_counter() - t0, 1)
    write_attributes(out / MODEL_FILE)
    info["model_bytes"] = (out / MODEL_FILE).stat().st_size
    (out / "training.json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "MODEL_CARD.md").write_text(model_card(info), encoding="utf-8")
    print(f"model written to {out / MODEL_FILE} ({info['model_bytes'] / 1e6:.1f} MB, "
          f"trained in {info['train_seconds']} s)")
    return 0
