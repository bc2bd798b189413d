"""Self-training: unlabeled news tagged by the model, its confident sentences added to the training data.

ANERcorp is small (4,000 sentences) and recall is the model's weak side: many names in a test text never
occur in the training file. A model trained on ANERcorp tags a permissively licensed news corpus (ANT,
Apache-2.0; never SaudiNewsNet, whose licence forbids it); the sentences it is sure of (the probability of the
whole tag sequence under the second CRF pass, after name propagation, at least ``min_prob``) and that contain a
name are added to the training side, and both passes are trained again. The extra sentences teach the model
new names in contexts it already handles, and the contexts of names it already knows.

The unlabeled text goes through the project's own normalizer, tokenizer and sentencizer (the tokens the
pipeline component tags), one article at a time (the model tags a text as a whole).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from ...errors import MarsadError
from .conll import spans, to_bioes

#: an ANT file is one TREC-style document; its body is between these tags
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)

Doc = list[list[str]]


def load_unlabeled(paths: Sequence[Path]) -> list[Doc]:
    """Articles (sentences of surface tokens) from ``.txt`` files or folders of them (searched recursively).
    A file holding a ``<TEXT>`` element (ANT) contributes that element, any other file its whole text."""
    from ...pipeline import Pipeline
    from ...records import Article

    nlp = Pipeline(["normalizer", "tokenizer", "sentencizer"])
    docs: list[Doc] = []
    for p in paths:
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            raw = f.read_text(encoding="utf-8")
            m = _TEXT.search(raw)
            text = (m.group(1) if m else raw).strip()
            if not text:
                continue
            try:
                doc = nlp(Article.create(id=f.stem, text=text))
            except MarsadError:
                continue  # an article the pipeline refuses (too long, not text) is simply not used
            sents = [[t.text for t in doc.tokens[s.first_token:s.last_token]] for s in doc.sentences]
            docs.append([s for s in sents if s])
    return docs


def pseudo_label(model, docs: Sequence[Doc], min_prob: float) -> list[tuple[list[str], list[str]]]:
    """The sentences of ``docs`` that ``model`` (a two-pass :class:`.model.NerModel`) tags with at least one
    name and with a sequence probability of at least ``min_prob``, with those tags (BIO)."""
    import pycrfsuite

    from .model import pass2_path
    from .stacking import doc_features

    tagger = pycrfsuite.Tagger()
    tagger.open(str(pass2_path(model.path)))
    feat = model.featurizer
    out = []
    for sents in docs:
        first = model.first.tag(sents)
        extra = doc_features(sents, first, feat.stem_key)
        for toks, x, tags in zip(sents, extra, model.tag_document(sents)):
            if not spans(tags):
                continue
            tagger.set([f + e for f, e in zip(feat.sentence(toks), x)])
            if tagger.probability(to_bioes(tags)) >= min_prob:
                out.append((toks, tags))
    return out
