"""Checks shared by tests."""
from __future__ import annotations


def assert_offsets(record: dict) -> int:
    """Every dict with text/start/end inside the record matches the article text; returns how many were checked."""
    text = record["article"]["text"]
    checked = 0

    def walk(x):
        nonlocal checked
        if isinstance(x, dict):
            if {"text", "start", "end"} <= x.keys() and isinstance(x["start"], int):
                assert text[x["start"]:x["end"]] == x["text"], (x, text[x["start"]:x["end"]])
                checked += 1
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for key in ("entities", "quotes", "times", "events", "durations"):
        walk(record.get(key, []))
    return checked
