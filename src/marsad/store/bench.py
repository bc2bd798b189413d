"""Store and API benchmarks: ``python -m marsad.store.bench [CORPUS] [--limit N] [--events N]``.

1. Ingest throughput into a fresh SQLite store, one process, extraction included (the default pipeline,
   whatever it holds today), over real articles read from CORPUS; and the database size per 1,000 articles.
2. ``GET /events`` latency with filters over a store of ``--events`` synthetic events (hand-built records,
   :mod:`marsad.store.synthetic`), through a real uvicorn server on loopback in its own process and a bounded,
   sequential client loop: p50/p95/p99 in milliseconds.

Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..io.readers import read_inputs
from ..pipeline import DEFAULT_PIPELINE, BadItem, Pipeline
from .store import open_store
from .synthetic import corpus

#: the filters the latency loop cycles through (one request each, in turn)
QUERIES = (
    {},
    {"quad": 4},
    {"actor_country": "RUS"},
    {"country": "ISR", "quad": 3},
    {"type": "CONSULT", "from": "2025-02-01", "to": "2025-02-28"},
    {"recipient_country": "EGY", "sort": "-intensity"},
    {"sector": "MIL", "modality": "asserted"},
    {"q": "موسكو", "quad": 1},
    {"actor": "Sergey Lavrov", "offset": 100},
    {"from": "2025-03-01", "to": "2025-03-31", "sort": "date"},
)


def _size(db: Path) -> int:
    with open_store(db) as s, s.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def bench_ingest(corpus_path: str, limit: int, workdir: Path) -> dict:
    items = [it for it in read_inputs([corpus_path], limit=limit) if not isinstance(it, BadItem)]
    db = workdir / "ingest.db"
    nlp = Pipeline(DEFAULT_PIPELINE)
    t0, c0 = time.perf_counter(), time.process_time()
    with open_store(db) as store:
        stats = store.ingest(nlp.pipe(items))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    code_s = sum(nlp.timings.values())
    size = _size(db)
    with open_store(db) as store:
        counts = store.counts()
    return {"pipeline": list(DEFAULT_PIPELINE), "articles": len(items), "stored": stats.created,
            "seconds": round(wall, 2), "articles_per_s": round(len(items) / wall, 1),
            # per CPU second of this process: the one-core figure, whatever else shares the machine
            "cpu_seconds": round(cpu, 2), "articles_per_cpu_s": round(len(items) / cpu, 1),
            "load_average_1min": round(os.getloadavg()[0], 2),
            "coding_seconds": round(code_s, 2), "store_seconds": round(wall - code_s, 2),
            "mean_chars": round(sum(len(a.text) for a in items) / len(items)),
            "db_bytes": size, "db_mb_per_1000_articles": round(size / len(items) * 1000 / 1e6, 2),
            "counts": counts}


def bench_synthetic_size(n: int, workdir: Path) -> dict:
    """Database size per 1,000 articles when every layer is filled (5 events, 3 quotes each)."""
    db = workdir / "size.db"
    recs = corpus(n, events_per_article=5, seed=42)
    with open_store(db) as store:
        store.ingest(recs, batch=200)
    size = _size(db)
    return {"articles": n, "events_per_article": 5, "mean_chars": round(sum(len(r.article.text) for r in recs) / n),
            "db_mb_per_1000_articles": round(size / n * 1000 / 1e6, 2)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_events(n_events: int, requests: int, workdir: Path, db: Path | None = None) -> dict:
    """Latency of GET /events; ``db`` (kept between runs when given) is filled only when it is empty."""
    import httpx

    db = db or workdir / "events.db"
    per = 5
    t0 = time.perf_counter()
    with open_store(db) as store:
        if store.counts()["events"] < n_events:
            for i in range(0, n_events // per, 2000):
                store.ingest(corpus(min(2000, n_events // per - i), events_per_article=per, seed=i,
                                    prefix=f"b{i}"), batch=500)
        total = store.counts()["events"]
    build_s = time.perf_counter() - t0
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "marsad.cli.main", "serve", "--db", str(db), "--port",
                               str(port)], stderr=subprocess.DEVNULL, env={**os.environ, "MARSAD_API_TOKEN": ""})
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as c:
            for _ in range(200):
                try:
                    c.get("/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            for q in QUERIES:  # warm up: the first of each query shape fills SQLite's page cache
                c.get("/events", params=q).raise_for_status()
            lat, db_cpu = [], []
            totals = {}
            cpu0 = _cpu_seconds(server.pid)
            load0 = os.getloadavg()[0]
            for i in range(requests):
                q = QUERIES[i % len(QUERIES)]
                t = time.perf_counter()
                r = c.get("/events", params=q)
                lat.append((time.perf_counter() - t) * 1000)
                r.raise_for_status()
                db_cpu.append(_server_timing(r.headers.get("server-timing", ""), "cpu"))
                totals[json.dumps(q, ensure_ascii=False)] = r.json()["total"]
            cpu = _cpu_seconds(server.pid) - cpu0
    finally:
        server.terminate()
        server.wait(10)
    lat.sort()
    db_cpu.sort()
    pct = lambda p, xs=lat: round(xs[min(len(xs) - 1, int(p / 100 * len(xs)))], 2)  # noqa: E731
    return {"events": total, "setup_seconds": round(build_s, 1), "requests": requests,
            "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99), "max_ms": round(lat[-1], 2),
            "mean_ms": round(statistics.fmean(lat), 2),
            # CPU the server spent per request: what latency would be on an idle core, whatever else runs
            "server_cpu_ms_per_request": round(cpu * 1000 / requests, 2) if cpu >= 0 else None,
            # the endpoint thread's own CPU (Server-Timing), query and JSON included: p95 on an idle core
            "endpoint_cpu_p50_ms": pct(50, db_cpu), "endpoint_cpu_p95_ms": pct(95, db_cpu),
            "load_average_1min": [round(load0, 2), round(os.getloadavg()[0], 2)], "cpus": os.cpu_count(),
            "matches_per_query": totals}


def _server_timing(header: str, name: str) -> float:
    """One metric's duration (ms) from a Server-Timing header; NaN when absent."""
    for part in header.split(","):
        metric, _, params = part.strip().partition(";")
        if metric == name and params.startswith("dur="):
            return float(params[4:])
    return float("nan")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc); -1 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return -1.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m marsad.store.bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[3].parent / "shared" /
                                                     "data" / "corpora" / "saudinewsnet"))
    ap.add_argument("--limit", type=int, default=2000,
                    help="articles for the ingest benchmark (default 2000, as `marsad bench`)")
    ap.add_argument("--events", type=int, default=100_000, help="synthetic events for the latency benchmark")
    ap.add_argument("--requests", type=int, default=500, help="requests in the latency loop")
    ap.add_argument("--events-db", type=Path, help="keep the latency benchmark's store here (reused when full)")
    ap.add_argument("--skip", choices=("ingest", "events"), action="append", default=[])
    args = ap.parse_args(argv)
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as d:
        work = Path(d)
        if "ingest" not in args.skip:
            out["ingest"] = bench_ingest(args.corpus, args.limit, work)
            out["size_full_records"] = bench_synthetic_size(2000, work)
        if "events" not in args.skip:
            out["events_api"] = bench_events(args.events, args.requests, work, args.events_db)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
