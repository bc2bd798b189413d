"""The private PostgreSQL server fixtures of tests/store, shared here (loaded by path: test folders are not
packages)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("marsad_store_test_fixtures",
                                               Path(__file__).resolve().parents[1] / "store" / "conftest.py")
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

pg_server = _fixtures.pg_server
pg_url = _fixtures.pg_url
