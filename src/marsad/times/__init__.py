"""Temporal expressions: find them in Arabic news and resolve them to calendar values (``times`` layer).

``find_times(text_or_doc, anchor_date)`` and ``resolve(expression, anchor_date)`` are the pure entry points;
the pipeline component lives in :mod:`marsad.times.component`, the spec evaluation in
:mod:`marsad.times.evaluate`.
"""
from .extract import find_all, find_times, resolve

__all__ = ["find_all", "find_times", "resolve"]
