"""The pipeline component ``ner``: the CRF's names as character spans of the original text.

It leaves two aligned tuples in ``doc.extras`` (same length, same order):

* ``ner_spans``: ``(start, end, label)`` in ANERcorp's convention, where a name keeps the proclitics written on
  its first token (وبطهران، لإيران: the span starts at و/ل); ``label`` is PERS, LOC, ORG or MISC;
* ``ner_spans_bare``: the same spans with the conjunction/preposition proclitics (و ف ب ل ك) of the first token
  cut off (بطهران -> طهران). The article stays (الأمم المتحدة), and so does لل, where the article's alef is
  elided (للأمم المتحدة cannot lose ل without becoming a misspelling). Later stages prefer these offsets.
"""
from __future__ import annotations

from typing import Sequence

from ...doc import Doc, Token
from ...pipeline import Component, register
from ...text.normalize import NormText
from .conll import spans
from .model import NerModel, load_model

Span3 = tuple[int, int, str]


def find_names(model: NerModel, groups: Sequence[Sequence[Token]]) -> tuple[list[Span3], list[Span3]]:
    """ANERcorp-style and proclitic-free character spans of the names in a text's sentences (token groups)."""
    full: list[Span3] = []
    bare: list[Span3] = []
    all_tags = model.tag_document([[t.text for t in toks] for toks in groups])
    for tokens, tags in zip(groups, all_tags):
        for a, b, label in sorted(spans(tags)):
            first = tokens[a]
            start, end = first.start, tokens[b - 1].end
            full.append((start, end, label))
            bare.append((start + _proclitic_chars(model, first.text), end, label))
    return full, bare


def _proclitic_chars(model: NerModel, surface: str) -> int:
    """How many surface characters the token's proclitics take (harakat on them included)."""
    pre = model.featurizer.proclitic(surface)
    if not pre:
        return 0
    nt = NormText(surface)
    if len(nt.text) <= len(pre):
        return 0
    return nt.to_orig(len(pre), len(nt.text))[0]


@register
class NerTagger(Component):
    """Statistical named-entity recognition (CRF trained on ANERcorp) over each sentence."""

    name = "ner"
    requires = ("tokens", "sentences")
    provides = ("ner_spans",)

    def initialize(self) -> None:
        self.model = load_model()

    def __call__(self, doc: Doc) -> Doc:
        groups = ([doc.tokens[s.first_token:s.last_token] for s in doc.sentences]
                  if doc.sentences else [doc.tokens])
        full, bare = find_names(self.model, [g for g in groups if g])
        return doc.with_extra("ner_spans", tuple(full)).with_extra("ner_spans_bare", tuple(bare))
