"""The event store: article records in SQLite (embedded, default) or PostgreSQL (teams), behind one class.

Writes are idempotent and atomic. Each article is keyed by its id and a hash of its whole record: the same
record again is skipped, a changed one replaces the old version (delete, cascade, insert) inside the same
transaction, so a reader or a crash never sees half an article. Writers are serialized (SQLite
``BEGIN IMMEDIATE`` with a busy timeout; a transaction-scoped advisory lock on PostgreSQL), which is what makes
two ingest processes on one database safe: the second waits, then finds the article already there.

Reads return plain JSON-shaped dicts: the pipeline's own records (``data`` columns), with the article's id,
date, title and URL beside each event or quote.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlalchemy import and_, case, create_engine, delete, event, func, insert, or_, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql import ColumnElement

from ..errors import UsageError
from ..records import Actor, ArticleRecord
from ..text.normalize import normalize
from .schema import (articles, entities, event_data, event_parties, events, lock_writers, migrate,
                     quotes, times)

#: how long a writer waits for another process's transaction before giving up (ms)
BUSY_TIMEOUT_MS = 60_000
#: the largest page a query returns
MAX_LIMIT = 1000
#: walk the sort order (instead of sorting every match) when about this many rows give a page
SCAN_ROWS = 20_000
#: child lists of the article record that live in their own tables (the record column keeps the rest)
CHILDREN = (("entities", entities), ("quotes", quotes), ("times", times), ("events", events))
#: where each child list's JSON lives, ordered by insertion
_CHILD_JSON = {
    "entities": (entities.c.data, entities, entities.c.article_pk, entities.c.pk),
    "quotes": (quotes.c.data, quotes, quotes.c.article_pk, quotes.c.pk),
    "times": (times.c.data, times, times.c.article_pk, times.c.pk),
    "events": (event_data.c.data, events.join(event_data, event_data.c.event_pk == events.c.pk),
               events.c.article_pk, events.c.pk),
}
EVENT_SORTS = {"date": events.c.date, "intensity": events.c.intensity, "confidence": events.c.confidence,
               "quad": events.c.quad, "type": events.c.type}


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL from what people type: a file path, ``sqlite:///…`` or ``postgresql://…``."""
    s = str(db)
    if s.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + s.split("://", 1)[1]
    if "://" in s:
        if not s.startswith(("sqlite://", "postgresql+")):
            raise UsageError(f"unsupported database URL {s.split('://')[0]}://…: use a file path, "
                             "sqlite:///PATH or postgresql://…")
        return s
    return "sqlite:///" + str(Path(s).expanduser().resolve())


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # The driver's own transaction handling is switched off so that ours (below) decides the BEGIN kind.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA cache_size = -32000")      # 32 MB of page cache per connection
        cur.execute("PRAGMA mmap_size = 268435456")    # reads of big stores through the OS page cache
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front: a deferred transaction that upgrades later can fail with
        # SQLITE_BUSY without waiting, which is how two concurrent ingests would otherwise lose articles.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


def event_day(value: str | None) -> str | None:
    """The day an event is filed under (timeline, date filters): the first day of its time value.

    Event dates follow the times contract (``2025-04-19``, ``2025-W17``, ``2025-04``, ``2018`` or ``A/B``);
    the full value stays in the event's JSON.
    """
    from ..times.calendar import value_range
    span = value_range(value) if value else None
    return span[0].isoformat() if span else None


@dataclass

class EventFilter:
    """Filters shared by the event list, the exports and the dashboard's statistics."""

    country: str | None = None            # actor or recipient country
    actor_country: str | None = None
    recipient_country: str | None = None
    actor: str | None = None              # actor or recipient label (English name or code), exact
    sector: str | None = None             # actor or recipient sector
    type: str | None = None
    mode: str | None = None
    quad: int | None = None
    modality: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None                  # full-text query over the articles
    article: str | None = None            # one article id

    @classmethod
    def from_mapping(cls, m: dict[str, Any]) -> "EventFilter":
        return cls(**{f.name: m[f.name] for f in fields(cls) if m.get(f.name) not in (None, "")})


@dataclass
class IngestStats:
    created: int = 0
    replaced: int = 0
    unchanged: int = 0
    errors: int = 0

    def add(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def __str__(self) -> str:
        return (f"{self.created} new, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.errors} not coded")


def label(actor: Actor | dict | None, text: str | None) -> str | None:
    """How the dashboard names an actor: its English name, else its country+sector code, else the text."""
    a = actor.to_dict() if isinstance(actor, Actor) else (actor or {})
    return a.get("name") or actor_code(a) or text


def actor_code(a: dict) -> str | None:
    """A CAMEO-style actor code (``RUSGOV``): country then sector, when either is known."""
    if not a or not (a.get("country") or a.get("sector")):
        return None
    return f"{a.get('country') or '---'}{a.get('sector') or ''}"


def record_hash(rest_json: str, text: str, jsons: dict[str, list[str]]) -> str:
    """The hash that tells a changed record from the stored one, over the JSON that is stored (no second
    encoding): the record without text and children, the text, then each child list's name and items. NUL
    separates the parts unambiguously: article text never holds one (E102) and JSON escapes it."""
    h = hashlib.sha256(rest_json.encode("utf-8"))
    for part in (text, *(x for name, items in jsons.items() for x in (name, *items))):
        h.update(b"\0")
        h.update(part.encode("utf-8"))
    return h.hexdigest()


_FTS_TOKEN = re.compile(r"\w+")


def fts_terms(q: str) -> list[str]:
    """The words of a text query, normalized like the indexed text (diacritics and alef forms folded)."""
    return _FTS_TOKEN.findall(normalize(q))


class Store:
    """One database. Open with :func:`open_store`; safe to share between threads."""

    def __init__(self, db: str | Path):
        self.url = database_url(db)
        self.dialect = "sqlite" if self.url.startswith("sqlite") else "postgresql"
        if self.dialect == "sqlite":
            self.engine = _sqlite_engine(self.url)
        else:
            self.engine = create_engine(self.url, pool_pre_ping=True)
        with self._write() as conn:
            self.version = migrate(conn, _now())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- transactions -------------------------------------------------------------------------------------
    def _write(self):
        """A write transaction (context manager yielding a connection), serialized against other writers."""
        return _WriteTx(self.engine)

    def _read(self):
        return self.engine.connect()

    # ---- writing --------------------------------------------------------------------------------------------
    def ingest(self, records: Iterable[ArticleRecord], *, batch: int = 32) -> IngestStats:
        """Store many records, ``batch`` per transaction (a crash loses at most one batch in flight)."""
        stats = IngestStats()
        pending: list[ArticleRecord] = []

        def flush() -> None:
            with self._write() as conn:
                statuses = [self._put(conn, r) for r in pending]
            for s in statuses:
                stats.add(s)
            pending.clear()

        for r in records:
            if r.error is not None or r.article is None:
                stats.errors += 1
                continue
            pending.append(r)
            if len(pending) >= batch:
                flush()
        if pending:
            flush()
        if stats.created or stats.replaced:
            self.analyze()
        return stats

    def analyze(self) -> None:
        """Refresh the query planner's statistics (SQLite; PostgreSQL's autovacuum does its own).

        Without them SQLite sorts every match of a broad filter (``quad=4``) instead of walking the date
        index and stopping at the page; ``analysis_limit`` keeps this a few milliseconds at any size.
        """
        if self.dialect == "sqlite":
            with self._write() as conn:
                conn.exec_driver_sql("PRAGMA analysis_limit = 20000")
                conn.exec_driver_sql("ANALYZE")

    def put(self, record: ArticleRecord) -> str:
        """Store one record: ``created``, ``replaced`` or ``unchanged``."""
        with self._write() as conn:
            return self._put(conn, record)

    def _put(self, conn: Connection, record: ArticleRecord) -> str:
        d = record.to_dict()
        rest = {k: v for k, v in d.items() if k not in dict(CHILDREN)}
        rest["article"] = {k: v for k, v in rest["article"].items() if k != "text"}
        rest_json = _dumps(rest)
        jsons = {name: [_dumps(x) for x in d[name]] for name, _ in CHILDREN}
        art = record.article
        h = record_hash(rest_json, art.text, jsons)
        row = conn.execute(select(articles.c.pk, articles.c.record_hash, articles.c.text)
                           .where(articles.c.id == art.id)).first()
        if row is not None and row.record_hash == h:
            return "unchanged"
        if row is not None:
            self._fts_delete(conn, row.pk, row.text)
            conn.execute(delete(articles).where(articles.c.pk == row.pk))
        pk = conn.execute(insert(articles).values(
            id=art.id, date=art.date, title=art.title, source=art.source, url=art.url, lang=art.lang,
            record_hash=h, text=art.text, record=rest_json, n_events=len(record.events),
            ingested_at=_now())).inserted_primary_key[0]
        self._fts_insert(conn, pk, art.text)
        self._insert_children(conn, pk, record, d, jsons)
        return "created" if row is None else "replaced"

    def _insert_children(self, conn: Connection, pk: int, r: ArticleRecord, d: dict,
                         jsons: dict[str, list[str]]) -> None:
        """The child rows of a record; ``d`` is its ``to_dict()`` and ``jsons`` the JSON of each child, stored
        as they are (each record is turned into a dict and JSON once: ingest spends most of its store time
        there)."""
        if r.entities:
            conn.execute(insert(entities), [
                dict(article_pk=pk, type=e.type, actor_id=e.actor and e.actor.id,
                     country=e.actor and e.actor.country, sector=e.actor and e.actor.sector,
                     label=label(ed["actor"], None) if e.actor else None, data=js)
                for e, ed, js in zip(r.entities, d["entities"], jsons["entities"])])
        if r.quotes:
            conn.execute(insert(quotes), [
                dict(article_pk=pk, kind=q.kind,
                     speaker=label(q.speaker.actor, q.speaker.text) if q.speaker else None,
                     speaker_country=q.speaker.actor.country if q.speaker and q.speaker.actor else None,
                     norm_text=normalize(q.text), data=js) for q, js in zip(r.quotes, jsons["quotes"])])
        if r.times:
            conn.execute(insert(times), [dict(article_pk=pk, value=t.value, grain=t.grain,
                                              data=js) for t, js in zip(r.times, jsons["times"])])
        if not r.events:
            return
        adate = r.article.date
        rows = [dict(article_pk=pk, type=e.type, mode=e.mode, cameo=e.cameo, quad=e.quad, intensity=e.intensity,
                     date=event_day(e.date or adate), modality=e.modality, confidence=e.confidence,
                     place_name=e.place and (e.place.name or e.place.text),
                     place_country=e.place and e.place.country, lat=e.place and e.place.lat,
                     lon=e.place and e.place.lon) for e in r.events]
        pks = conn.execute(insert(events).returning(events.c.pk, sort_by_parameter_order=True),
                           rows).scalars().all()
        conn.execute(insert(event_data), [dict(event_pk=epk, data=js) for epk, js in zip(pks, jsons["events"])])
        parties = []
        for epk, ed in zip(pks, d["events"]):
            for role in ("actor", "recipient"):
                for i, m in enumerate(ed.get(role, ())):
                    a = m.get("actor") or {}
                    parties.append(dict(event_pk=epk, role=role, position=i, text=m["text"], actor_id=a.get("id"),
                                        name=a.get("name"), country=a.get("country"), sector=a.get("sector"),
                                        label=label(a, m["text"]), code=actor_code(a)))
        if parties:
            conn.execute(insert(event_parties), parties)

    def _fts_insert(self, conn: Connection, pk: int, text_: str) -> None:
        if self.dialect == "sqlite":
            conn.execute(text("INSERT INTO article_fts(rowid, norm_text) VALUES (:pk, :t)"),
                         {"pk": pk, "t": normalize(text_)})
        else:
            conn.execute(text("UPDATE articles SET tsv = to_tsvector('arabic', :t) WHERE pk = :pk"),
                         {"pk": pk, "t": normalize(text_)})

    def _fts_delete(self, conn: Connection, pk: int, old_text: str) -> None:
        if self.dialect == "sqlite":  # a contentless FTS5 row is deleted by repeating what was indexed
            conn.execute(text("INSERT INTO article_fts(article_fts, rowid, norm_text) VALUES ('delete', :pk, :t)"),
                         {"pk": pk, "t": normalize(old_text)})

    # ---- reading ----------------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self._read() as conn:
            return {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for name, t in (("articles", articles),) + CHILDREN}

    def article(self, article_id: str) -> dict | None:
        """The stored article record (the contract's JSON), or None."""
        with self._read() as conn:
            row = conn.execute(select(articles.c.pk, articles.c.text, articles.c.record)
                               .where(articles.c.id == article_id)).first()
            if row is None:
                return None
            rec = json.loads(row.record)
            rec["article"]["text"] = row.text
            for name, (data, source, article_pk, pk) in _CHILD_JSON.items():
                rec[name] = [json.loads(x) for x in conn.execute(
                    select(data).select_from(source).where(article_pk == row.pk).order_by(pk)).scalars()]
        ordered = {"schema": rec.pop("schema", None), "article": rec.pop("article")}
        ordered.update({name: rec.pop(name) for name, _ in CHILDREN})
        ordered.update(rec)
        return ordered

    def _fts_match(self, q: str, article_pk=articles.c.pk) -> ColumnElement:
        """``article_pk IN (articles matching every word of q)``."""
        terms = fts_terms(q)
        if not terms:
            return article_pk.is_(None)  # a query with no words matches nothing
        if self.dialect == "sqlite":
            expr = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
            sub = text("SELECT rowid FROM article_fts WHERE article_fts MATCH :fts").bindparams(fts=expr)
            return article_pk.in_(sub.columns(rowid=articles.c.pk.type))
        if article_pk is articles.c.pk:
            return text("articles.tsv @@ plainto_tsquery('arabic', :fts)").bindparams(fts=" ".join(terms))
        return article_pk.in_(select(articles.c.pk).where(
            text("articles.tsv @@ plainto_tsquery('arabic', :fts)").bindparams(fts=" ".join(terms))))

    def list_articles(self, *, q: str | None = None, date_from: str | None = None, date_to: str | None = None,
                      source: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
        conds = []
        if q:
            conds.append(self._fts_match(q))
        if date_from:
            conds.append(articles.c.date >= date_from)
        if date_to:
            conds.append(articles.c.date <= date_to)
        if source:
            conds.append(articles.c.source == source)
        where = and_(True, *conds)
        cols = [articles.c.id, articles.c.date, articles.c.title, articles.c.source, articles.c.url,
                articles.c.n_events]
        with self._read() as conn:
            total = conn.execute(select(func.count()).select_from(articles).where(where)).scalar_one()
            rows = conn.execute(select(*cols).where(where).order_by(articles.c.date.desc(), articles.c.pk.desc())
                                .limit(_limit(limit)).offset(max(offset, 0))).mappings().all()
        return total, [dict(r) for r in rows]

    def _event_conditions(self, f: EventFilter, *, scan: bool = False) -> list[ColumnElement]:
        """The WHERE terms of ``f``. ``scan=True`` (SQLite) writes membership tests as ``pk+0 IN (…)``: the
        planner can then not drive the query from the IN list and walks the sort index instead, stopping
        after one page — right when the filter matches many events, wrong when it matches few."""
        c = events.c
        pk, article_pk = (c.pk + 0, c.article_pk + 0) if scan else (c.pk, c.article_pk)
        conds: list[ColumnElement] = []
        for col, val in ((c.type, f.type), (c.mode, f.mode), (c.quad, f.quad), (c.modality, f.modality)):
            if val is not None:
                conds.append(col == val)
        if f.date_from:
            conds.append(c.date >= f.date_from)
        if f.date_to:
            conds.append(c.date <= f.date_to)

        def party(role: str | None, col, val) -> ColumnElement:
            sub = select(event_parties.c.event_pk).where(col == val)
            if role:
                sub = sub.where(event_parties.c.role == role)
            return pk.in_(sub)

        if f.actor_country:
            conds.append(party("actor", event_parties.c.country, f.actor_country))
        if f.recipient_country:
            conds.append(party("recipient", event_parties.c.country, f.recipient_country))
        if f.country:
            conds.append(party(None, event_parties.c.country, f.country))
        if f.sector:
            conds.append(party(None, event_parties.c.sector, f.sector))
        if f.actor:
            conds.append(party(None, event_parties.c.label, f.actor))
        if f.q:
            conds.append(self._fts_match(f.q, article_pk))
        if f.article:
            conds.append(article_pk.in_(select(articles.c.pk).where(articles.c.id == f.article)))
        return conds

    def events(self, f: EventFilter | None = None, *, sort: str = "-date", limit: int = 50,
               offset: int = 0, raw: bool = False) -> tuple[int, list]:
        """One page of events matching ``f`` and how many match in all.

        Items are the stored event records with an ``article`` reference added; with ``raw=True`` they are
        JSON strings built without decoding the stored JSON (what the API sends: the hot path stays cheap).
        """
        f = f or EventFilter()
        where = and_(True, *self._event_conditions(f))
        key = sort.lstrip("-")
        if key not in EVENT_SORTS:
            raise UsageError(f"unknown sort {sort!r}; use one of {', '.join(sorted(EVENT_SORTS))} (prefix - "
                             "for descending)")
        col = EVENT_SORTS[key]
        order = (col.desc(), events.c.pk.desc()) if sort.startswith("-") else (col.asc(), events.c.pk.asc())
        limit, offset = _limit(limit), max(offset, 0)
        with self._read() as conn:
            total = conn.execute(select(func.count()).select_from(events).where(where)).scalar_one()
            if self.dialect == "sqlite" and total and key == "date":  # the sort with an index to walk
                # rows a walk down the sort order reads before it has the page, if matches are spread evenly
                size = conn.execute(select(func.max(events.c.pk))).scalar() or 0
                if (offset + limit) * size / total < SCAN_ROWS:
                    where = and_(True, *self._event_conditions(f, scan=True))
            # the page's keys first (narrow rows and indexes only), then the JSON of those few events
            pks = conn.execute(select(events.c.pk).where(where).order_by(*order).limit(limit)
                               .offset(offset)).scalars().all()
            rows = self._event_rows(conn, pks)
        return total, [(_event_json if raw else _event_item)(r) for r in rows]

    def _event_rows(self, conn: Connection, pks: list[int]) -> list:
        if not pks:
            return []
        by_pk = {r.pk: r for r in conn.execute(self._event_select().where(events.c.pk.in_(pks)))}
        return [by_pk[pk] for pk in pks]

    def iter_events(self, f: EventFilter | None = None, *, chunk: int = 2000) -> Iterator[dict]:
        """Every matching event in storage order (for exports), read in chunks by primary key."""
        where = and_(True, *self._event_conditions(f or EventFilter()))
        last = 0
        while True:
            with self._read() as conn:
                pks = conn.execute(select(events.c.pk).where(where, events.c.pk > last)
                                   .order_by(events.c.pk).limit(chunk)).scalars().all()
                rows = self._event_rows(conn, pks)
            if not rows:
                return
            for r in rows:
                yield _event_item(r)
            last = rows[-1].pk

    @staticmethod
    def _event_select():
        return (select(events.c.pk, event_data.c.data, articles.c.id,
                       articles.c.date, articles.c.title, articles.c.source, articles.c.url)
                .select_from(events.join(event_data, event_data.c.event_pk == events.c.pk)
                             .join(articles, events.c.article_pk == articles.c.pk)))

    def quotes(self, *, speaker: str | None = None, country: str | None = None, q: str | None = None,
               article: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
        conds = []
        if speaker:
            conds.append(quotes.c.speaker == speaker)
        if country:
            conds.append(quotes.c.speaker_country == country)
        if q:
            for term in fts_terms(q):
                conds.append(quotes.c.norm_text.contains(term, autoescape=True))
        if article:
            conds.append(articles.c.id == article)
        where = and_(True, *conds)
        j = quotes.join(articles, quotes.c.article_pk == articles.c.pk)
        with self._read() as conn:
            total = conn.execute(select(func.count()).select_from(j).where(where)).scalar_one()
            rows = conn.execute(select(quotes.c.data, quotes.c.speaker, articles.c.id, articles.c.date,
                                       articles.c.title, articles.c.source, articles.c.url).select_from(j)
                                .where(where).order_by(articles.c.date.desc(), quotes.c.pk)
                                .limit(_limit(limit)).offset(max(offset, 0))).all()
        return total, [dict(json.loads(r.data), speaker_label=r.speaker, article=_article_ref(r)) for r in rows]

    def speakers(self, *, limit: int = 100) -> list[dict]:
        with self._read() as conn:
            rows = conn.execute(select(quotes.c.speaker, func.max(quotes.c.speaker_country).label("country"),
                                       func.count().label("n")).where(quotes.c.speaker.is_not(None))
                                .group_by(quotes.c.speaker).order_by(func.count().desc(), quotes.c.speaker)
                                .limit(_limit(limit))).all()
        return [{"speaker": r.speaker, "country": r.country, "quotes": r.n} for r in rows]

    def actors(self, *, q: str | None = None, country: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict]]:
        """Resolved actors with how often they are mentioned and take part in events."""
        e = entities.c
        conds = [e.label.is_not(None)]
        if q:
            conds.append(e.label.contains(q, autoescape=True))
        if country:
            conds.append(e.country == country)
        base = (select(e.label, func.max(e.actor_id).label("actor_id"), func.max(e.country).label("country"),
                       func.max(e.sector).label("sector"), func.count().label("mentions"),
                       func.count(func.distinct(e.article_pk)).label("articles"))
                .where(*conds).group_by(e.label))
        with self._read() as conn:
            total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
            rows = conn.execute(base.order_by(func.count().desc(), e.label).limit(_limit(limit))
                                .offset(max(offset, 0))).mappings().all()
            labels = [r["label"] for r in rows]
            n_distinct = func.count(func.distinct(event_parties.c.event_pk))
            n_events = dict(conn.execute(select(event_parties.c.label, n_distinct)
                                         .where(event_parties.c.label.in_(labels))
                                         .group_by(event_parties.c.label)).all()) if labels else {}
        return total, [dict(r, events=n_events.get(r["label"], 0)) for r in rows]

    def timeline(self, f: EventFilter | None = None) -> list[dict]:
        """Events per day by quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict).

        Historical events (background dated long before the article, e.g. a 2018 withdrawal recalled in 2025) are
        left out unless the filter asks for that modality: plotted, they stretch the time axis over years.
        """
        f = f or EventFilter()
        conds = self._event_conditions(f)
        if f.modality is None:
            conds.append(or_(events.c.modality.is_(None), events.c.modality != "historical"))
        where = and_(True, *conds)
        with self._read() as conn:
            rows = conn.execute(select(events.c.date, events.c.quad, func.count()).where(where)
                                .group_by(events.c.date, events.c.quad).order_by(events.c.date)).all()
        days: dict[str | None, dict] = {}
        for date, quad, n in rows:
            d = days.setdefault(date, {"date": date, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "other": 0, "total": 0})
            d[f"q{quad}" if quad in (1, 2, 3, 4) else "other"] += n
            d["total"] += n
        return list(days.values())

    def network(self, f: EventFilter | None = None, *, limit: int = 60) -> dict:
        """Who acts on whom: weighted actor -> recipient edges (with cooperation/conflict counts)."""
        where = and_(True, *self._event_conditions(f or EventFilter()))
        a, r = event_parties.alias("a"), event_parties.alias("r")
        conflict = func.sum(case((events.c.quad >= 3, 1), else_=0))
        q = (select(a.c.label.label("source"), r.c.label.label("target"), func.count().label("weight"),
                    conflict.label("conflict"))
             .select_from(events.join(a, and_(a.c.event_pk == events.c.pk, a.c.role == "actor"))
                          .join(r, and_(r.c.event_pk == events.c.pk, r.c.role == "recipient")))
             .where(where, a.c.label.is_not(None), r.c.label.is_not(None))
             .group_by(a.c.label, r.c.label).order_by(func.count().desc()).limit(_limit(limit)))
        with self._read() as conn:
            edges = [dict(m) for m in conn.execute(q).mappings()]
        weight: dict[str, int] = {}
        for e in edges:
            for k in (e["source"], e["target"]):
                weight[k] = weight.get(k, 0) + e["weight"]
        nodes = [{"id": k, "weight": w} for k, w in sorted(weight.items(), key=lambda kv: -kv[1])]
        return {"nodes": nodes, "edges": edges}

    def places(self, f: EventFilter | None = None, *, limit: int = 500) -> list[dict]:
        where = and_(True, *self._event_conditions(f or EventFilter()), events.c.lat.is_not(None),
                     events.c.lon.is_not(None))
        with self._read() as conn:
            rows = conn.execute(select(events.c.place_name.label("name"), events.c.place_country.label("country"),
                                       events.c.lat, events.c.lon, func.count().label("events"))
                                .where(where).group_by(events.c.place_name, events.c.place_country,
                                                       events.c.lat, events.c.lon)
                                .order_by(func.count().desc()).limit(_limit(limit))).mappings().all()
        return [dict(r) for r in rows]

    def facets(self) -> dict:
        """Values the dashboard's filters offer: event types, countries, modalities, date range."""
        with self._read() as conn:
            types = conn.execute(select(events.c.type).where(events.c.type.is_not(None)).distinct()
                                 .order_by(events.c.type)).scalars().all()
            countries = conn.execute(select(event_parties.c.country).where(event_parties.c.country.is_not(None))
                                     .distinct().order_by(event_parties.c.country)).scalars().all()
            modalities = conn.execute(select(events.c.modality).where(events.c.modality.is_not(None)).distinct()
                                      .order_by(events.c.modality)).scalars().all()
            lo, hi = conn.execute(select(func.min(events.c.date), func.max(events.c.date))).one()
        return {"types": types, "countries": countries, "modalities": modalities, "date_min": lo, "date_max": hi}


class _WriteTx:
    """``with store._write() as conn``: one serialized write transaction, committed on success."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def __enter__(self) -> Connection:
        self.conn = self.engine.connect().execution_options(write=True)
        self.tx = self.conn.begin()
        lock_writers(self.conn)
        return self.conn

    def __exit__(self, exc_type, *_):
        try:
            if exc_type is None:
                self.tx.commit()
            else:
                self.tx.rollback()
        finally:
            self.conn.close()


def _dumps(d: Any) -> str:
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def _limit(n: int) -> int:
    return max(0, min(int(n), MAX_LIMIT))


def _article_ref(r) -> dict:
    return {"id": r.id, "date": r.date, "title": r.title, "source": r.source, "url": r.url}


def _event_item(r) -> dict:
    d = json.loads(r.data)
    d["article"] = _article_ref(r)
    return d


def _event_json(r) -> str:
    """The stored event JSON with the article reference spliced in as its last member."""
    ref = _dumps(_article_ref(r))
    body = r.data.rstrip()
    if body == "{}":
        return '{"article":' + ref + "}"
    return body[:-1] + ',"article":' + ref + "}"


def open_store(db: str | Path) -> Store:
    """Open (creating or upgrading) the store at ``db``: a path, ``sqlite:///…`` or ``postgresql://…``."""
    return Store(db)


__all__ = ["EventFilter", "IngestStats", "Store", "database_url", "open_store"]
