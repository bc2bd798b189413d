"""The ``times`` pipeline component: temporal expressions and durations of an article."""
from __future__ import annotations

from ..doc import Doc
from ..pipeline import Component, register
from .extract import find_all, grammar


@register
class Times(Component):
    """Times resolved against the article date (only self-contained dates when it has none); durations apart."""

    name = "times"
    requires = ("norm", "tokens", "sentences")
    provides = ("times", "durations")

    def initialize(self) -> None:
        grammar()  # compile the rules once per process

    def __call__(self, doc: Doc) -> Doc:
        times, durations = find_all(doc)
        return doc.replace(times=tuple(times), durations=tuple(durations))
