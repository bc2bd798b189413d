"""The analysed article: :class:`Doc`, what components read and return.

A Doc is immutable. A component returns a new Doc with its layer added (``doc.replace(times=...)``); the article
text inside never changes and every layer points into it by character offsets.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from .records import (FROZEN, Article, ArticleRecord, Entity, Event, Quote, Record, Span, TimeExpr)
from .text.normalize import NormText


@dataclass(**FROZEN)
class Part(Record):
    """One syntactic word inside a surface token (Stanza's token/word split): و + ب + المفاوضات."""

    text: str
    start: int
    end: int
    kind: str  # proclitic, article, stem, enclitic


@dataclass(**FROZEN)
class Token(Record):
    """A surface token with its offsets, its normalized form and (for Arabic words) its clitic parts.

    ``kind`` is one of: word (Arabic), latin, number, url, email, hashtag, mention, punct, symbol.
    ``parts`` is empty when the token is a single word; otherwise it covers the token exactly.
    """

    text: str
    start: int
    end: int
    kind: str
    norm: str
    parts: tuple[Part, ...] = ()

    @property
    def stem(self) -> Part:
        """The stem part (the whole token when it was not split)."""
        for p in self.parts:
            if p.kind == "stem":
                return p
        return Part(text=self.text, start=self.start, end=self.end, kind="stem")

    @property
    def stem_norm(self) -> str:
        """Normalized stem, without proclitics, article or enclitics."""
        if not self.parts:
            return self.norm
        from .text.normalize import normalize
        return normalize(self.stem.text)


@dataclass(**FROZEN)
class Sentence(Record):
    text: str
    start: int
    end: int
    first_token: int = 0  # index of its first token in doc.tokens
    last_token: int = 0   # index after its last token


EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(**FROZEN)
class Doc:
    article: Article
    norm: NormText | None = None
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    durations: tuple[Span, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    flags: tuple[str, ...] = ()
    #: what the components so far provided (checked by the pipeline)
    layers: frozenset[str] = frozenset()
    #: side information one component leaves for later ones (read-only mapping)
    extras: Mapping[str, Any] = field(default_factory=lambda: EMPTY)

    @property
    def text(self) -> str:
        return self.article.text

    def replace(self, **changes: Any) -> "Doc":
        return dataclasses.replace(self, **changes)

    def with_extra(self, key: str, value: Any) -> "Doc":
        return dataclasses.replace(self, extras=MappingProxyType({**self.extras, key: value}))

    def span(self, start: int, end: int) -> Span:
        return Span(text=self.article.text[start:end], start=start, end=end)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset (bisection)."""
        import bisect
        sents = self.sentences
        if not sents:
            return None
        starts = self.extras.get("_sentence_starts")
        if starts is None:
            starts = [s.start for s in sents]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and sents[i].start <= offset < max(sents[i].end, sents[i].start + 1):
            return sents[i]
        return None

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """Tokens overlapping ``[start, end)``."""
        return tuple(t for t in self.tokens if t.end > start and t.start < end)

    def to_record(self) -> ArticleRecord:
        return ArticleRecord(article=self.article, entities=self.entities, quotes=self.quotes,
                             times=self.times, events=self.events, durations=self.durations,
                             flags=self.flags)
