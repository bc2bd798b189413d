"""Store fixtures: a SQLite store in a temporary directory and, when PostgreSQL's binaries are installed
(``scripts/ci-services``), a private PostgreSQL server on loopback started for this test session."""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def _pg_bin() -> Path | None:
    initdb = shutil.which("initdb")
    if initdb:
        return Path(os.path.realpath(initdb)).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a throwaway PostgreSQL server (its ``postgres`` database), or skip with the reason."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[server]')")
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (run scripts/ci-services): PostgreSQL tests skipped")
    # not under pytest's base temp directory: that one is private to this user (mode 700), and the server may
    # have to run as another user
    base = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: run it as the postgres user
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run PostgreSQL as")
        for p in (base, sock):
            os.chown(p, pw.pw_uid, pw.pw_gid)
        # runuser lives in /usr/sbin, which a minimal PATH may leave out
        runuser = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin") or "runuser"
        prefix = [runuser, "-u", "postgres", "--"]
    port = _free_port()
    env = dict(os.environ, LC_ALL="C.UTF-8")
    try:
        subprocess.run(prefix + [str(bindir / "initdb"), "-D", str(data), "-U", "marsad", "--auth=trust",
                                 "-E", "UTF8", "--no-sync"], check=True, capture_output=True, env=env, timeout=60)
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-t", "30",
                                 "-o", f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off",
                                 "start"], check=True, capture_output=True, env=env, timeout=60)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        detail = getattr(e, "stderr", b"") or b""
        pytest.skip(f"could not start PostgreSQL: {e} {detail.decode(errors='replace')[-300:]}")
    try:
        yield f"postgresql://marsad@127.0.0.1:{port}"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True, env=env, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


_db_numbers = itertools.count()


@pytest.fixture
def pg_url(pg_server) -> str:
    """A fresh, empty database on the private server."""
    import psycopg

    name = f"t{os.getpid()}_{next(_db_numbers)}_{int(time.time() * 1000) % 100000}"
    with psycopg.connect(pg_server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{pg_server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """An empty store on each backend."""
    from marsad.store import open_store

    url = str(tmp_path / "marsad.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    s = open_store(url)
    yield s
    s.close()
