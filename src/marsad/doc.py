"""The analysed article: :class:`Doc`, what components read and return.

A Doc is immutable. A component returns a new Doc with its layer added (``doc.replace(times=...)``); the article
text inside never changes and every layer points into it by character offsets.
"""
from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from functools import partial
from types import MappingProxyType
from operator import attrgetter
from typing import Any, Mapping, NamedTuple

from .records import FROZEN, Article, ArticleRecord, Entity, Event, Quote, Span, TimeExpr
from .text.normalize import NormText, normalize


class Part(NamedTuple):
    """One syntactic word inside a surface token (Stanza's token/word split): و + ب + المفاوضات.

    A named tuple rather than a dataclass: an article has hundreds of them and a tuple is built at C speed,
    while staying immutable, hashable and readable by name.
    """

    text: str
    start: int
    end: int
    kind: str  # proclitic, article, stem, enclitic

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Part":
        return cls(d["text"], d["start"], d["end"], d["kind"])


class _TokenFields(NamedTuple):
    text: str
    start: int
    end: int
    kind: str
    norm: str
    #: the clitic parts relative to the token, flat: text, end (relative to ``start``) and kind of each part
    layout: tuple = ()


class Token(_TokenFields):
    """A surface token with its offsets, its normalized form and (for Arabic words) its clitic parts.

    ``kind`` is one of: word (Arabic), latin, number, url, email, hashtag, mention, punct, symbol.
    ``parts`` is empty when the token is a single word; otherwise it covers the token exactly.

    A named tuple for speed (the tokenizer builds one per token, at C speed). The parts are kept as ``layout``,
    offsets relative to the token, because that tuple is the same for every occurrence of a surface form: the
    tokenizer shares one per form from its cache, and :attr:`parts` builds the :class:`Part` objects with
    absolute offsets only when they are read. ``Token(text, start, end, kind, norm, parts)`` takes parts.
    """

    __slots__ = ()

    def __new__(cls, text: str, start: int, end: int, kind: str, norm: str, parts: tuple[Part, ...] = ()):
        layout = tuple(x for p in parts for x in (p.text, p.end - start, p.kind))
        return tuple.__new__(cls, (text, start, end, kind, norm, layout))

    def __getnewargs__(self) -> tuple:
        return self.text, self.start, self.end, self.kind, self.norm, self.parts

    def __repr__(self) -> str:
        return (f"Token(text={self.text!r}, start={self.start}, end={self.end}, kind={self.kind!r}, "
                f"norm={self.norm!r}, parts={self.parts!r})")

    @property
    def parts(self) -> tuple[Part, ...]:
        """The clitic parts with absolute offsets (built from ``layout`` on each read)."""
        layout = self[5]
        if not layout:
            return ()
        s = a = self[1]
        out = []
        for i in range(0, len(layout), 3):
            b = s + layout[i + 1]
            out.append(_new_part((layout[i], a, b, layout[i + 2])))
            a = b
        return tuple(out)

    @property
    def stem(self) -> Part:
        """The stem part (the whole token when it was not split)."""
        layout = self[5]
        s = a = self[1]
        for i in range(0, len(layout), 3):
            b = s + layout[i + 1]
            if layout[i + 2] == "stem":
                return _new_part((layout[i], a, b, "stem"))
            a = b
        return Part(self.text, self.start, self.end, "stem")

    @property
    def stem_norm(self) -> str:
        """Normalized stem, without proclitics, article or enclitics."""
        if not self[5]:
            return self.norm
        return normalize(self.stem.text)

    def to_dict(self) -> dict[str, Any]:
        d = {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind, "norm": self.norm}
        if self[5]:
            d["parts"] = [p.to_dict() for p in self.parts]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Token":
        return cls(d["text"], d["start"], d["end"], d["kind"], d["norm"],
                   tuple(Part.from_dict(p) for p in d.get("parts", ())))


_new_part = partial(tuple.__new__, Part)


class Sentence(NamedTuple):
    """A sentence: its text and offsets, and the range ``[first_token, last_token)`` of its tokens."""

    text: str
    start: int
    end: int
    first_token: int = 0  # index of its first token in doc.tokens
    last_token: int = 0   # index after its last token

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "first_token": self.first_token, "last_token": self.last_token}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Sentence":
        return cls(d["text"], d["start"], d["end"], d.get("first_token", 0), d.get("last_token", 0))


EMPTY: Mapping[str, Any] = MappingProxyType({})
_START = attrgetter("start")
_END = attrgetter("end")


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
        """A copy with some fields changed, like ``dataclasses.replace`` but about a fifth cheaper (no
        ``__init__`` call and no dict of every field): the pipeline calls it twice per component and article."""
        new = _new_doc(Doc)
        get = changes.pop
        for name, slot in _DOC_SLOTS:
            slot.__set__(new, get(name, slot.__get__(self)))
        if changes:
            raise TypeError(f"Doc has no field(s) {', '.join(map(repr, changes))}")
        return new

    def with_extra(self, key: str, value: Any) -> "Doc":
        return self.replace(extras=MappingProxyType({**self.extras, key: value}))

    def span(self, start: int, end: int) -> Span:
        return Span(text=self.article.text[start:end], start=start, end=end)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset, or None between sentences (bisection, O(log n))."""
        sents = self.sentences
        i = bisect.bisect_right(sents, offset, key=_START) - 1
        if i >= 0 and offset < max(sents[i].end, sents[i].start + 1):
            return sents[i]
        return None

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """Tokens overlapping ``[start, end)`` (bisection: tokens are ordered and never overlap)."""
        toks = self.tokens
        i = bisect.bisect_right(toks, start, key=_END)
        j = bisect.bisect_left(toks, end, lo=i, key=_START)
        return toks[i:j]

    def to_record(self) -> ArticleRecord:
        return ArticleRecord(article=self.article, entities=self.entities, quotes=self.quotes,
                             times=self.times, events=self.events, durations=self.durations,
                             flags=self.flags)


_new_doc = object.__new__
#: (field name, slot descriptor) of every Doc field: a slot's own setter skips the frozen ``__setattr__``
_DOC_SLOTS = tuple((f.name, Doc.__dict__[f.name]) for f in dataclasses.fields(Doc))
