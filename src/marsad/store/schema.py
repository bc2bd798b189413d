"""The store's schema: one SQLAlchemy Core definition for SQLite and PostgreSQL, with versioned migrations.

Every child row (entity, quote, time, event, event party) hangs off its article with ``ON DELETE CASCADE``, so
replacing a changed article is one delete and one insert inside one transaction. Each row keeps the record's
own JSON (``data``) so the API returns exactly what the pipeline emitted, extra fields included; the typed
columns beside it exist only to filter, sort and aggregate.

Full-text search runs over the *normalized* article text (``marsad.text.normalize``: no diacritics, one alef),
because neither FTS5's ``unicode61`` tokenizer nor PostgreSQL's ``arabic`` configuration folds them: on SQLite
a contentless FTS5 table keyed by the article's primary key, on PostgreSQL a ``tsvector`` column (``arabic``
configuration over the normalized text) with a GIN index.
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, insert,
                        select, text)
from sqlalchemy.engine import Connection

from ..errors import UsageError

metadata = MetaData()

schema_info = Table(
    "schema_info", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(512), nullable=False, unique=True),
    Column("date", String(10), index=True),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("lang", String(8)),
    Column("record_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),       # the full article record as JSON
    Column("n_events", Integer, nullable=False, default=0),
    Column("ingested_at", String(32), nullable=False),
)

_FK = dict(ondelete="CASCADE")

entities = Table(
    "entities", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", **_FK), nullable=False, index=True),
    Column("type", String(8)),
    Column("actor_id", String(256)),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("label", Text, index=True),           # how people name the actor (English name, else code, else text)
    Column("data", Text, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", **_FK), nullable=False, index=True),
    Column("kind", String(16)),
    Column("speaker", Text, index=True),          # speaker label (as entities.label)
    Column("speaker_country", String(8), index=True),
    Column("norm_text", Text, nullable=False),
    Column("data", Text, nullable=False),
)

times = Table(
    "times", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", **_FK), nullable=False, index=True),
    Column("value", String(32)),
    Column("grain", String(16)),
    Column("data", Text, nullable=False),
)

events = Table(
    "events", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", **_FK), nullable=False, index=True),
    Column("type", String(16), index=True),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("quad", Integer, index=True),
    Column("intensity", Float),
    Column("date", String(10), index=True),
    Column("modality", String(16)),
    Column("confidence", Float),
    Column("place_name", Text),
    Column("place_country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
)

#: the event records' JSON, apart from the narrow ``events`` table: filtering, counting and sorting 100,000s
#: of events then reads a few megabytes, and only the page that is returned touches the JSON
event_data = Table(
    "event_data", metadata,
    Column("event_pk", Integer, ForeignKey("events.pk", **_FK), primary_key=True, autoincrement=False),
    Column("data", Text, nullable=False),
)

event_parties = Table(
    "event_parties", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("event_pk", Integer, ForeignKey("events.pk", **_FK), nullable=False, index=True),
    Column("role", String(10), nullable=False),  # actor, recipient
    Column("position", Integer, nullable=False),
    Column("text", Text),
    Column("actor_id", String(256)),
    Column("name", Text),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("label", Text),
    Column("code", String(16)),                   # CAMEO-style actor code: country + sector
)

# covering indexes for the party filters (value, then optionally the side, then the event)
Index("ix_event_parties_country", event_parties.c.country, event_parties.c.role, event_parties.c.event_pk)
Index("ix_event_parties_sector", event_parties.c.sector, event_parties.c.role, event_parties.c.event_pk)
Index("ix_event_parties_label", event_parties.c.label, event_parties.c.role, event_parties.c.event_pk)
Index("ix_events_date_pk", events.c.date, events.c.pk)


def _v1(conn: Connection) -> None:
    """Version 1: every table, plus the dialect's full-text index."""
    metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        # contentless: the normalized text is not stored twice; deleting re-derives it from articles.text
        conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
                             "norm_text, content='', tokenize='unicode61')")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector")
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING gin (tsv)")


#: version -> migration; each runs inside the transaction that records it
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1}
#: the schema version this code writes; :func:`migrate` brings older stores up to it
SCHEMA_VERSION = max(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "schema_info"):
        return 0
    return conn.execute(select(schema_info.c.version).order_by(schema_info.c.version.desc())).scalar() or 0


def migrate(conn: Connection, now: str) -> int:
    """Apply every pending migration on ``conn`` (inside the caller's write transaction); the new version."""
    version = current_version(conn)
    if version > max(MIGRATIONS):
        raise UsageError(f"the store has schema version {version}; this marsad knows up to {max(MIGRATIONS)}: "
                         "upgrade marsad")
    for v in sorted(MIGRATIONS):
        if v > version:
            MIGRATIONS[v](conn)
            conn.execute(insert(schema_info).values(version=v, applied_at=now))
            version = v
    return version


def lock_writers(conn: Connection) -> None:
    """Serialize writers on PostgreSQL (SQLite's ``BEGIN IMMEDIATE`` already does): a transaction-scoped lock."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(7270301)"))
