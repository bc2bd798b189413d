"""The event store: coded article records in SQLite or PostgreSQL, searchable and exportable."""
from __future__ import annotations

from .store import EventFilter, IngestStats, Store, database_url, open_store

__all__ = ["EventFilter", "IngestStats", "Store", "database_url", "open_store"]
