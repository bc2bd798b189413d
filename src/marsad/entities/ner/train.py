"""Train the CRF NER model on ANERcorp (BIO: PERS, LOC, ORG, MISC); optionally cross-validate first.

``marsad train ner --data ../shared/data/ner/anercorp/train.txt --cv 5 --out src/marsad/entities/ner/model``
runs 5-fold cross-validation on the training file (contiguous folds, so one news story never sits on both
sides), prints entity-level precision/recall/F1 per type and overall (exact span and type, as conlleval), then
trains on all of it (both CRF passes, :mod:`.stacking`) and writes ``ner.crfsuite``, ``ner-pass2.crfsuite``,
``training.json`` (parameters, scores, time, size) and ``MODEL_CARD.md`` to ``--out``. ``--unlabeled`` self-trains
(:mod:`.selftrain`; in CV, each fold's teacher is trained on that fold's training side). ``--extra`` adds Wojood-style files to the training side only (nested tags mapped: PERS, ORG,
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
from typing import Sequence

from .conll import format_scores, read_conll, read_tagged, score, to_bioes
from .features import Featurizer, Resources
from .selftrain import load_unlabeled
from .stacking import doc_features

#: Wojood types that map onto ANERcorp's; everything else (DATE, OCC, NORP, EVENT ...) becomes O
WOJOOD_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

Data = list[tuple[list[str], list[str]]]


def add_arguments(p) -> None:
    p.add_argument("--data", required=True, help="ANERcorp-style CoNLL training file (token tag per line)")
    p.add_argument("--extra", action="append", default=[],
                   help="a Wojood file or folder of .txt files added to the training side (tags mapped)")
    p.add_argument("--unlabeled", action="append", default=[], type=Path,
                   help="unlabeled news (ANT files or folders) for self-training (:mod:`.selftrain`)")
    p.add_argument("--min-prob", type=float, default=0.9,
                   help="self-training keeps sentences tagged with at least this probability (default 0.9)")
    p.add_argument("--cv", type=int, default=0, metavar="K", help="K-fold cross-validation first (0: none)")
    p.add_argument("--out", type=Path, default=None,
                   help="model folder (default: the package's model folder); nothing is written with --cv-only")
    p.add_argument("--cv-only", action="store_true", help="only cross-validate; do not train the final model")
    p.add_argument("--c1", type=float, default=0.03, help="L1 regularization (default 0.03)")
    p.add_argument("--c2", type=float, default=0.1, help="L2 regularization (default 0.1)")
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


def train_crf(data: Data, model_path: str, params: dict, feat: Featurizer,
              extra: list[list[list[str]]] | None = None) -> None:
    """One CRF, trained on BIOES labels (:func:`.conll.to_bioes`; the tagger reads them back as BIO);
    ``extra``: more attributes per sentence and token (the second pass's)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for k, (toks, tags) in enumerate(data):
        xs = feat.sentence(toks)
        if extra is not None:
            xs = [x + e for x, e in zip(xs, extra[k])]
        trainer.append(xs, to_bioes(tags))
    trainer.set_params(params)
    trainer.train(model_path)


def train_model(data: Data, model_path: str, params: dict, res: Resources,
                unlabeled: Sequence[list[list[str]]] = (), min_prob: float = 0.9) -> int:
    """Both passes (:func:`train_passes`); with ``unlabeled`` articles, first a model on ``data`` alone that
    tags them, then the final one on ``data`` plus its confident sentences (:mod:`.selftrain`). Returns how
    many sentences self-training added."""
    if not unlabeled:
        train_passes(data, model_path, params, res)
        return 0
    from .model import NerModel
    from .selftrain import pseudo_label

    with tempfile.TemporaryDirectory() as tmp:
        teacher = os.path.join(tmp, "teacher.crfsuite")
        train_passes(data, teacher, params, res)
        pseudo = pseudo_label(NerModel(teacher, res), unlabeled, min_prob)
    train_passes(data + pseudo, model_path, params, res)
    return len(pseudo)


def train_passes(data: Data, model_path: str, params: dict, res: Resources) -> None:
    """Both passes: the first CRF on all of ``data``; the second on ``data`` with document features from
    first-pass tags that are jackknifed (each half tagged by a CRF trained on the other half), as
    :mod:`.stacking` explains."""
    from .model import Crf, pass2_path

    feat = Featurizer(res)
    train_crf(data, model_path, params, feat)
    half = len(data) // 2
    first_tags: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for train, tag in ((data[half:], data[:half]), (data[:half], data[half:])):
            path = os.path.join(tmp, "half.crfsuite")
            train_crf(train, path, params, feat)
            first_tags += Crf(Path(path), feat).tag([toks for toks, _ in tag])
    extra = doc_features([toks for toks, _ in data], first_tags, feat.stem_key)
    train_crf(data, str(pass2_path(Path(model_path))), params, feat, extra)


def _fold(args) -> tuple[list[list[str]], list[list[str]]]:
    train, test, params, unlabeled, min_prob = args
    from .model import NerModel

    res = Resources.load()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fold.crfsuite")
        train_model(train, path, params, res, unlabeled, min_prob)
        pred = NerModel(path, res).tag_document([toks for toks, _ in test])
    return [tags for _, tags in test], pred


def cross_validate(data: Data, extra: Data, k: int, params: dict, jobs: int,
                   unlabeled: Sequence[list[list[str]]] = (), min_prob: float = 0.9) -> dict:
    """Contiguous K-fold CV; returns the pooled entity-level scores. With ``unlabeled`` articles each fold
    self-trains with a teacher trained on that fold's training side only (the held-out part never informs
    the pseudo-labels)."""
    n = len(data)
    bounds = [round(i * n / k) for i in range(k + 1)]
    tasks = [(data[:bounds[i]] + data[bounds[i + 1]:] + extra, data[bounds[i]:bounds[i + 1]], params,
              unlabeled, min_prob)
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

Files: `ner.crfsuite` (first CRF pass) and `ner-pass2.crfsuite` (second pass), CRFsuite models, {size:.1f} MB
together; `training.json` (everything below, machine-readable).
Features use the derived files `../data/clusters.tsv.gz`, `../data/clusters-50k.tsv.gz`,
`../data/clusters-stems.tsv.gz`, `../data/namelists.tsv.gz` and the curated `../data/cues.tsv` (sources and
licences in their headers).

## Data (and what the shipped files derive from)
- `{data}`: ANERcorp, CAMeL Lab train split (CC BY-SA 4.0; Benajiba & Rosso 2007, Obeid et al. 2020):
  {sentences:,} sentences, {tokens:,} tokens. The test split was never used.
- Extra training data: {extra}.
- Self-training (`selftrain.py`): {selftrain}.
- Word clusters: learned here (PPMI + randomized SVD + k-means; `python -m marsad.entities.ner.clusters`, about
  1 minute) from permissively licensed text only: the ANT news corpus (Apache-2.0), the Arabic sentences of the
  UN-corpus QuadClass files and of the OEDA sentence judgements (MIT), and the words (never the tags) of the
  ANERcorp train split (CC BY-SA 4.0) and the Wojood sample (MIT): 1.9 M tokens, 56,000 words with count >= 2 in
  64/256/1024/2048 clusters, a second view (`--vocab 50000 --min-count 3 --sizes 64,256,1024 --out
  .../clusters-50k.tsv.gz`) and a third of bare stems (`--stems --out .../clusters-stems.tsv.gz`: every word cut
  to its stem by the features' clitic analysis before counting; 37,000 stems). **SaudiNewsNet (CC BY-NC-SA,
  research use only) is not used** for any shipped file (the builder's defaults exclude it; the earlier model's
  clusters, learned with it, were replaced).
- Name lists (`python -m marsad.entities.ner.namelists`): Wikidata person-name tokens (CC0), country names
  (datasets/country-codes, PDDL), city names (world-cities-translations, CC BY 4.0; noisy, candidates only),
  nationality adjectives, places and organisations of the entities gazetteer (`marsad.entities`, curated,
  Apache-2.0 over GeoNames CC BY 4.0), organisation cue words (`data/cues.tsv`, curated).

## Command
```
{command}
```
CRFsuite L-BFGS, parameters `{params}`. Training on the whole file took {train_seconds} s (2 shared cores).

## Features (per token, cached per surface form)
Normalized word; conjunction/preposition proclitics and the article stripped (stem with and without the
article); prefixes 2-4 and suffixes 1-4 of the word and of the bare stem; shape (Arabic, Latin, digits,
punctuation), length; corpus frequency band; word clusters of both word clusterings at all granularities (of
the word, else of its stem) and the stem clusters of the bare stem; name-list membership of the word and of its bare stem (person tokens, countries,
cities, nationality adjectives, gazetteer places and organisations, organisation cue words); at ±1 the
neighbour's word, stem, proclitics, shape, clusters (stem clusters too) and lists; at ±2 its word, two cluster levels and lists;
word bigrams (previous+current, current+next); sentence start/end. Both CRFs learn BIOES labels (a one-token
name is S-X, a name's last token E-X), read back as BIO.

Two passes (`stacking.py`): the second CRF has all of the above plus document-level features from the first
pass's tags: the first-pass tag of the token and of its neighbours, and what the first pass made of the same
bare stem elsewhere within 25 sentences (majority entity type and its share, every type it got, or "all
untagged"). It is trained on first-pass tags jackknifed over two halves of the training data (each half tagged
by a CRF trained on the other), so it learns how far an unseen text's first-pass tags can be trusted.

After the CRF passes, `consistency.py` propagates names within a text: the surname of a person and one-word
person/place names found in a sentence tag the same (proclitic-stripped) word within 25 sentences when it is not
a frequent word (cluster-corpus count <= 30). The scores below include it on all folds.

## Tagging speed
Tagging does not call CRFsuite: the label scores every surface form contributes (own attributes, what it lends
its neighbours at -2..+2) are summed once per form from the model's weights and cached (bounded), and Viterbi
runs over all of a text's sentences at once in numpy; the tags are CRFsuite's own (0 differences over the
125,102 training tokens; a test checks both passes).

## Variants tried (fold 3 of 5, entity F1 after propagation; raw CRF in brackets)
{variants}

## Cross-validated scores
{cv}

## Use
`marsad ner --conll FILE` (token per line, blank lines between sentences -> `token<TAB>tag`; the file is
tagged as one running text);
`marsad eval ner FILE.conll` scores it on any CoNLL file; the pipeline component `ner` gives character spans.
"""

#: every variant measured, newest last (kept in the card: what was tried and what it gave)
VARIANTS = """
Fold 3 of 5 is the contiguous fifth of the file from sentence 1,589 to 2,384 (1,616 gold entities); a difference
under about 0.005 is noise.

| variant | F1 (raw CRF) |
|---|---|
| earlier model: clusters learned with SaudiNewsNet (10.5 M tokens), c1 0.05, c2 0.01, propagation cut 300 | 0.732 |
| licence-clean clusters (1.9 M tokens), same settings | 0.654 (0.676) |
| + propagation cut 30 instead of 300 (counts of a 5x smaller corpus) | 0.680 (0.676) |
| + gazetteer name lists (nationalities, places, organisations) and organisation cue words | 0.679 (0.676) |
| + c1 0.1, c2 0.01 | 0.682 (0.674) |
| + c1 0.02, c2 0.03 | 0.689 (0.685) |
| + c1 0.01, c2 0.05 | 0.688 (0.683) |
| + **c1 0.03, c2 0.1** | **0.691 (0.687)** |
| + c1 0.03, c2 0.3 | 0.687 (0.682) |
| c1 0.03, c2 0.1 with clusters whose context words drop و/ف (left out: raw CRF lower) | 0.693 (0.682) |
| propagation window 10/25/60/200 sentences x cut 10/20/30/50, also ORG and MISC names (same model) | 0.672-0.690; 25 and 30 kept |
| c1 0.05, c2 0.1 | 0.693 (0.688) |
| c1 0.03, c2 0.1, 300 L-BFGS iterations instead of 150 | 0.690 (0.685) |
| two-pass (stacked) CRF with document-level features, experiment script (c1 0.03, c2 0.1, 150 iterations) | 0.724 (0.714) |
| **the same as shipped (`stacking.py`)** | **0.720** |
Earlier variants (the previous model's card, fold 3, with SaudiNewsNet clusters): Wojood sample as extra
training data 0.704 -> 0.677 (different conventions, dialect text); name lists crossed with frequency bands plus
cluster bigrams 0.704 -> 0.679; neighbours' affixes 0.724 -> 0.710; 300 L-BFGS iterations (no gain); both
clusterings together 0.724 -> 0.732.

Second round (this model; fold 3, entity F1 after propagation, raw CRF in brackets; "first pass" rows train and
tag the first CRF alone, the others both passes). The same configuration trained twice through different code
paths differed by up to 0.009, so only the 5-fold CV below decides:

| variant | F1 (raw CRF) |
|---|---|
| previous model, first pass alone | 0.691 (0.687) |
| previous model, both passes | 0.720 (0.711) |
| first pass + Wojood sample as extra training data (outermost mapped layer) | 0.664 (0.661) |
| first pass + prefixes/suffixes of 4 letters (word and bare stem) | 0.693 (0.688) |
| first pass + binarized SVD word vectors (50 dims, +/- beyond the mean), own / also at ±1 | 0.689 (0.686) / 0.692 (0.685) |
| first pass + stem clusters (bare stems clustered, own and ±1) | 0.698 (0.687) |
| first pass + BIOES labels | 0.696 (0.693) |
| first pass + BIOES + stem clusters + 4-letter affixes | 0.706-0.715 (0.701) |
| the same plus a vowel-letter pattern of the stem (transliterated names) | 0.703 (0.701) |
| first pass, O label penalized by 0.25/0.5/0.75/1.0/1.5 at tagging (recall for precision) | 0.690/0.697/0.689/0.682/0.664 |
| **both passes + BIOES + stem clusters + 4-letter affixes (shipped)** | **0.721 (0.713)**; 5-fold CV 0.754 -> 0.768 |
| the previous two-pass model + second-pass features: first-pass multi-word names matched again in the window (B/I) | 0.720 (0.711) |
| the previous two-pass model + first-pass tags at ±2 | 0.714 (0.705) |
| the previous two-pass model, first-pass tags jackknifed over 5 parts instead of 2 | 0.709 (0.704) |
| shipped two-pass + second-pass features: inside quotes/parentheses (length, first/last), neighbours' document majority type | 0.723 (0.716), within noise: left out |
Known miss: أحمد ماهر نظيره (his counterpart) is tagged as one name; نظيره is also the female name Nazira once ة
is normalized and sits on the Wikidata person-name list (the previous model's margin there was thin too).

Third round (fold 3, both passes, entity F1 after propagation, raw CRF in brackets; the two-pass model as
shipped before this round, retrained on folds 1, 2, 4, 5: 0.718 (0.710), P 0.768 R 0.674):

| variant | F1 (raw CRF) |
|---|---|
| label bias at decoding for ORG and/or MISC only (ORG 0.25/0.5/1.0 x MISC 0/0.5/1.0, second pass or both) | 0.700-0.718: no gain |
| self-training: ANT politic + internationalNews (1,772 articles, 7,263 sentences) tagged by the fold's own two-pass model, sentences with a name and sequence probability >= 0.9 added (2,352) | 0.718 (0.713) |
| **the same, probability >= 0.7 (3,629 sentences; ORG 0.469 -> 0.508, MISC 0.498 -> 0.544, PERS 0.715 -> 0.686)** | **0.725 (0.725)** |
Self-training at 0.7 in 5-fold CV (each fold's teacher trained on its own training side; 3,556 sentences added
on the whole file): F1 0.7672 (P 0.821 R 0.720; LOC 0.865 PERS 0.756 ORG 0.622 MISC 0.580) against 0.7676: no gain
(PERS loses what ORG and MISC win; ANT's Tunisian/Syrian news teaches e.g. الأسد as a person), so not shipped.
Not tried yet: wider windows for ORG (a cue word at -3, first-pass tag bigrams in the second pass: started,
stopped for CPU time); a third pass; cleaning common words out of the person-name list; more ANT categories or
a lower probability cut (0.5) for self-training.
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
    st = info.get("self_training")
    selftrain = (f"{st['articles']:,} unlabeled articles ({', '.join(st['unlabeled'])}; ANT, Apache-2.0) tagged by "
                 f"a model trained on the data above; {st['sentences_added']:,} sentences with a name and a "
                 f"sequence probability >= {st['min_prob']} added to the training side" if st else "none")
    return CARD.format(selftrain=selftrain, size=info["model_bytes"] / 1e6, data=info["data"], sentences=info["sentences"],
                       tokens=info["tokens"], command=info["command"], params=json.dumps(info["params"]),
                       train_seconds=info["train_seconds"], cv=cv_text, variants=VARIANTS.strip(),
                       extra=(", ".join(info["extra"]) + f" ({info['extra_sentences']:,} sentences, Wojood "
                              "layers mapped: PERS, ORG, GPE/LOC/FAC -> LOC, the rest O)")
                       if info["extra"] else "none")


def run(args) -> int:
    from .model import MODEL_DIR, MODEL_FILE, pass2_path

    data = read_tagged(Path(args.data).read_text(encoding="utf-8"), name=args.data)
    extra: Data = []
    for e in args.extra:
        extra += load_wojood(Path(e))
    unlabeled = load_unlabeled(args.unlabeled) if args.unlabeled else []
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
              "feature.possible_transitions": True}
    info: dict = {"data": args.data, "extra": args.extra, "sentences": len(data),
                  "tokens": sum(len(t) for t, _ in data), "extra_sentences": len(extra), "params": params,
                  "command": "marsad train ner " + " ".join(sys.argv[3:])}
    if args.cv:
        t0 = time.perf_counter()
        scores = cross_validate(data, extra, args.cv, params, args.jobs, unlabeled, args.min_prob)
        info["cv"] = {"folds": args.cv, "scores": scores, "seconds": round(time.perf_counter() - t0, 1)}
        print(f"{args.cv}-fold cross-validation, entity level (exact span and type):")
        print(format_scores(scores))
    if args.cv_only:
        return 0
    out = Path(args.out) if args.out else Path(str(MODEL_DIR))
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    info["self_training"] = {"unlabeled": [str(u) for u in args.unlabeled], "articles": len(unlabeled),
                             "min_prob": args.min_prob} if unlabeled else None
    added = train_model(data + extra, str(out / MODEL_FILE), params, Resources.load(), unlabeled, args.min_prob)
    if unlabeled:
        info["self_training"]["sentences_added"] = added
    info["train_seconds"] = round(time.perf_counter() - t0, 1)
    info["model_bytes"] = (out / MODEL_FILE).stat().st_size + pass2_path(out / MODEL_FILE).stat().st_size
    (out / "training.json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "MODEL_CARD.md").write_text(model_card(info), encoding="utf-8")
    print(f"model written to {out / MODEL_FILE} ({info['model_bytes'] / 1e6:.1f} MB, "
          f"trained in {info['train_seconds']} s)")
    return 0
