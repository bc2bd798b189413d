"""SQLite specifics: WAL, foreign keys, schema version; concurrent writers; a killed ingest."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from marsad.errors import UsageError
from marsad.store import open_store
from marsad.store.schema import SCHEMA_VERSION
from marsad.store.synthetic import corpus


def test_pragmas_and_schema_version(tmp_path):
    db = tmp_path / "m.db"
    with open_store(db) as s:
        assert s.version == SCHEMA_VERSION
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with open_store(db) as s:  # reopening applies nothing twice
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM schema_info").scalar() == 1


def _ingest_worker(db: str, seed: int, barrier) -> None:
    recs = corpus(60, seed=seed)
    with open_store(db) as s:
        barrier.wait()
        s.ingest(recs, batch=5)


def test_two_processes_ingesting_the_same_articles(tmp_path):
    db = str(tmp_path / "m.db")
    open_store(db).close()
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_ingest_worker, args=(db, 11, barrier)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    recs = corpus(60, seed=11)
    with open_store(db) as s:
        c = s.counts()
    assert c["articles"] == 60
    assert c["events"] == sum(len(r.events) for r in recs)
    assert c["entities"] == sum(len(r.entities) for r in recs)


KILLED_INGEST = """
import itertools, sys
from marsad.store import open_store
from marsad.store.synthetic import corpus
s = open_store(sys.argv[1])
print("ready", flush=True)
endless = (r for i in itertools.count() for r in corpus(50, seed=3 + i, prefix=f"k{i}"))
s.ingest(endless, batch=20)
"""


def test_killed_ingest_leaves_a_consistent_store(tmp_path):
    db = str(tmp_path / "m.db")
    p = subprocess.Popen([sys.executable, "-c", KILLED_INGEST, db], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ready"
    deadline = time.time() + 30
    while time.time() < deadline:  # wait until some batches are committed, then kill it mid-run
        time.sleep(0.3)
        with sqlite3.connect(db) as conn:
            if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 40:
                break
    os.kill(p.pid, signal.SIGKILL)
    p.wait(10)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert n_articles >= 40 and n_articles % 20 == 0  # whole batches only
        # every stored article has exactly its events, entities and search row
        assert conn.execute("SELECT sum(n_events) FROM articles").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM events").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM events WHERE article_pk NOT IN (SELECT pk FROM articles)"
                            ).fetchone()[0] == 0
    # and ingesting again completes it without duplicates
    with open_store(db) as s:
        stats = s.ingest(corpus(50, seed=3, prefix="k0"))
        assert stats.unchanged == min(50, n_articles) and s.counts()["articles"] == max(50, n_articles)


def test_pending_migrations_are_applied_once(tmp_path, monkeypatch):
    from marsad.store import schema

    db = tmp_path / "m.db"
    open_store(db).close()

    def v2(conn):
        conn.exec_driver_sql("CREATE TABLE later_table (x INTEGER)")

    monkeypatch.setitem(schema.MIGRATIONS, 2, v2)
    with open_store(db) as s:
        assert s.version == 2
    with open_store(db) as s:  # already applied: not run again (CREATE TABLE would fail)
        with s.engine.connect() as conn:
            assert [r[0] for r in conn.exec_driver_sql("SELECT version FROM schema_info ORDER BY version")] == [1, 2]


def test_a_newer_store_is_refused(tmp_path):
    db = tmp_path / "m.db"
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_info VALUES (99, 'later')")
    with pytest.raises(UsageError, match="schema version 99"):
        open_store(db)
