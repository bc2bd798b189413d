"""The text layer as pipeline components: normalizer, tokenizer, sentencizer."""
from __future__ import annotations

import re

from ..doc import Doc
from ..pipeline import Component, register
from .normalize import NormText
from .sentences import split_sentences
from .tokenize import CliticLexicon, tokenize

_ARABIC = re.compile("[\u0621-\u064a]")


@register
class Normalizer(Component):
    """Normalized copy of the text for matching, with its offset map; flags articles with no Arabic."""

    name = "normalizer"
    provides = ("norm",)

    def __call__(self, doc: Doc) -> Doc:
        flags = doc.flags if _ARABIC.search(doc.text) else doc.flags + ("no_arabic",)
        return doc.replace(norm=NormText(doc.text), flags=flags)


@register
class Tokenizer(Component):
    """Surface tokens with offsets and clitic parts."""

    name = "tokenizer"
    requires = ("article",)
    provides = ("tokens",)

    def initialize(self) -> None:
        from .lexicon import load_clitic_lexicon
        self.lexicon: CliticLexicon = load_clitic_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        return doc.replace(tokens=tokenize(doc.text, self.lexicon))


@register
class Sentencizer(Component):
    """Sentences (quotation-aware), each with its token range."""

    name = "sentencizer"
    requires = ("tokens",)
    provides = ("sentences",)

    def __call__(self, doc: Doc) -> Doc:
        return doc.replace(sentences=split_sentences(doc.text, doc.tokens))
