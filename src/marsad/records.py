"""Immutable records of the article contract (schema ``marsad.article/1``).

Every record is a frozen dataclass. Spans are character offsets into the untouched article text
(Python ``str`` indices, end exclusive): ``record.text == article.text[record.start:record.end]``.
``to_dict()`` gives the JSON shape of ``shared/docs/output-contract.md``; ``from_dict()`` reads it back.

Identifiers are deterministic: :func:`make_id` joins the article id, the component and the span, so
coding the same article twice gives the same ids.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .errors import BinaryInput, EmptyText, InvalidDate, MissingField, TooLarge

SCHEMA = "marsad.article/1"

#: The largest article marsad codes, in characters (a clear E104 error above it). Long enough for any news
#: article (the longest in the bundled corpora is well under 100k characters), small enough to bound memory.
MAX_CHARS = 1_000_000


def make_id(article_id: str, component: str, start: int, end: int) -> str:
    """Deterministic identifier of a record: article id + component + span."""
    return f"{article_id}:{component}:{start}-{end}"


class Record:
    """Mixin: JSON-shaped dicts for frozen dataclasses (nested records, tuples as lists)."""

    #: fields left out of to_dict() when they hold their default (keeps records small)
    _omit_default: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, omit, default in _layout(type(self)):
            v = getattr(self, name)
            if omit and v == default:
                continue
            out[name] = v if v is None or type(v) in _SCALARS else _plain(v)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None):
        if d is None:
            return None
        kwargs = {}
        hints = _field_types(cls)
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name not in d:
                continue
            kwargs[f.name] = _load(hints.get(f.name), d[f.name])
        return cls(**kwargs)


#: types that to_dict() passes through as they are
_SCALARS = frozenset({str, int, float, bool})
#: per record class: (field name, left out when default?, default), computed once (dataclasses.fields() is slow)
_LAYOUTS: dict[type, tuple[tuple[str, bool, Any], ...]] = {}


def _layout(cls: type) -> tuple[tuple[str, bool, Any], ...]:
    layout = _LAYOUTS.get(cls)
    if layout is None:
        layout = _LAYOUTS[cls] = tuple((f.name, f.name in cls._omit_default, f.default)
                                       for f in dataclasses.fields(cls))
    return layout


def _plain(v: Any) -> Any:
    if isinstance(v, Record):
        return v.to_dict()
    if isinstance(v, tuple | list):
        return [_plain(x) for x in v]
    return v


# field name -> record class (for nested loading); filled by _register below
_NESTED: dict[type, dict[str, tuple[type, bool]]] = {}


def _field_types(cls) -> dict[str, tuple[type, bool]]:
    return _NESTED.get(cls, {})


def _load(spec, v):
    if spec is None or v is None:
        return tuple(v) if isinstance(v, list) else v
    typ, many = spec
    if many:
        return tuple(typ.from_dict(x) for x in v)
    return typ.from_dict(v)


def _nested(cls, **fields: tuple[type, bool]):
    _NESTED[cls] = fields
    return cls


FROZEN = dict(frozen=True, slots=True, kw_only=True)


@dataclass(**FROZEN)
class Span(Record):
    """A piece of the article text."""

    text: str
    start: int
    end: int


@dataclass(**FROZEN)
class Actor(Record):
    """A resolved identity: who an entity, a speaker or an event party is."""

    id: str | None = None        # stable actor id (e.g. the actor dictionary key), None if ad hoc
    name: str | None = None      # usual English name
    country: str | None = None   # ISO 3166-1 alpha-3 or CAMEO IGO code (UNO, EUR, NAT ...)
    sector: str | None = None    # PLOVER sector code (GOV, MIL, JRN ...)
    wikidata: str | None = None
    role: str | None = None      # the office held on the article's date, when known
    kind: str | None = None      # person, organization, country, group, unnamed


@dataclass(**FROZEN)
class Geo(Record):
    """A geocoded place."""

    name: str | None = None
    country: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None   # country, capital, city, region ...


@dataclass(**FROZEN)
class Entity(Record):
    id: str
    text: str
    start: int
    end: int
    type: str                    # PER ORG GPE LOC NORP MISC
    actor: Actor | None = None
    geo: Geo | None = None
    source: str | None = None    # what found it: ner, gazetteer, coref ...


@dataclass(**FROZEN)
class Cue(Record):
    text: str
    start: int
    end: int
    lemma: str | None = None     # the cue lexicon entry
    implies: str | None = None   # PLOVER event type the cue implies (ACCUSE, REQUEST ...)


@dataclass(**FROZEN)
class Mention(Record):
    """A span with the actor it resolves to (speakers, outlets, event parties)."""

    text: str
    start: int
    end: int
    actor: Actor | None = None


@dataclass(**FROZEN)
class Quote(Record):
    id: str
    text: str
    start: int
    end: int
    kind: str                    # direct, indirect, mixed
    cue: Cue | None = None
    speaker: Mention | None = None
    via: Mention | None = None
    confidence: float = 1.0
    flags: tuple[str, ...] = ()


@dataclass(**FROZEN)
class TimeExpr(Record):
    id: str
    text: str
    start: int
    end: int
    value: str                   # YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or A/B
    grain: str                   # day, week, month, year, interval
    direction: str | None = None # past, future, present: how the expression was anchored


@dataclass(**FROZEN)
class Place(Record):
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(**FROZEN)
class SentenceRef(Record):
    start: int
    end: int


@dataclass(**FROZEN)
class Event(Record):
    id: str
    type: str                    # one of PLOVER's 16 types
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    cameo: str | None = None
    quad: int | None = None
    intensity: float | None = None
    actor: tuple[Mention, ...] = ()
    recipient: tuple[Mention, ...] = ()
    trigger: Span | None = None
    date: str | None = None
    date_source: str | None = None  # time, publication
    place: Place | None = None
    modality: str = "asserted"   # asserted, future, negated, hypothetical, historical
    sentence: SentenceRef | None = None
    confidence: float = 0.5
    mentions: tuple[Span, ...] = ()  # other mentions of the same event in the article
    source: str | None = None    # lexicon, quote, classifier ...


@dataclass(**FROZEN)
class Article(Record):
    """The input: text fixed once (decoded, NFC, newlines normalized) and never changed."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str = "ar"

    @staticmethod
    def create(*, id: str, text: Any, date: str | None = None, title: str | None = None,
               source: str | None = None, url: str | None = None, max_chars: int = MAX_CHARS) -> "Article":
        """Validate and fix the text once: the one way to make an Article from outside data."""
        if isinstance(text, bytes | bytearray):
            text = decode_text(bytes(text))
        if text is None:
            raise MissingField("the article has no 'text'")
        if not isinstance(text, str):
            raise MissingField(f"'text' must be a string, not {type(text).__name__}")
        if "\x00" in text:
            raise BinaryInput("the text contains NUL bytes: binary data, not an article")
        text = fix_text(text)
        if not text.strip():
            raise EmptyText("the article text is empty")
        if len(text) > max_chars:
            raise TooLarge(f"the article has {len(text):,} characters; the limit is {max_chars:,}")
        if date is not None:
            date = check_date(date)
        return Article(id=str(id), text=text, date=date, title=title, source=source, url=url)


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM); anything else is a coded error."""
    if b"\x00" in data:
        raise BinaryInput("the input contains NUL bytes: binary data, not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BinaryInput(f"the input is not valid UTF-8 (byte {e.start})") from e


def fix_text(text: str) -> str:
    """The one change ever made to an article's text: NFC and newline normalization."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def check_date(date: Any) -> str:
    """A publication date as ISO ``YYYY-MM-DD`` (a datetime prefix is accepted and cut)."""
    if isinstance(date, _dt.datetime):
        return date.date().isoformat()
    if isinstance(date, _dt.date):
        return date.isoformat()
    s = str(date).strip()
    try:
        return _dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError as e:
        raise InvalidDate(f"invalid date {s[:40]!r}: expected YYYY-MM-DD") from e


@dataclass(**FROZEN)
class ArticleRecord(Record):
    """marsad's output for one article: the contract's top-level object."""

    _omit_default = ("error", "flags", "durations")

    schema: str = SCHEMA
    article: Article | None = None
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    durations: tuple[Span, ...] = ()
    flags: tuple[str, ...] = ()
    error: dict | None = None


_nested(Entity, actor=(Actor, False), geo=(Geo, False))
_nested(Quote, cue=(Cue, False), speaker=(Mention, False), via=(Mention, False))
_nested(Mention, actor=(Actor, False))
_nested(Event, actor=(Mention, True), recipient=(Mention, True), trigger=(Span, False), place=(Place, False),
        sentence=(SentenceRef, False), mentions=(Span, True))
_nested(ArticleRecord, article=(Article, False), entities=(Entity, True), quotes=(Quote, True),
        times=(TimeExpr, True), events=(Event, True), durations=(Span, True))


def error_record(article_id: str | None, error: Exception, **article_fields) -> ArticleRecord:
    """The record a batch emits for an article that could not be coded."""
    from .errors import InternalError, MarsadError

    if not isinstance(error, MarsadError):
        error = InternalError(f"internal error ({type(error).__name__}: {error})")
    art = Article(id=str(article_id) if article_id is not None else "", text="", **article_fields)
    return ArticleRecord(article=art, error=error.to_dict())
