"""The ``events`` pipeline component: PLOVER/CAMEO events from the analysed article."""
from __future__ import annotations

from ..doc import Doc
from ..pipeline import Component, register
from .arguments import resolve_hook, story_hook
from .coder import code_events
from .cues import load_cues
from .lexicon import load_lexicon
from .ontology import load_ontology


@register
class EventCoder(Component):
    """Lexicon triggers → typed, dated, placed events with actors, recipients and modality.

    Config: ``converted`` (default True) also matches the patterns converted from UniversalPetrarch;
    ``classifier_point`` ("calibrated", "recall" or "balanced") is the operating point for rejecting
    PROTEST/ASSAULT candidates when the classifier is installed.
    """

    name = "events"
    requires = ("norm", "tokens", "sentences")
    provides = ("events",)

    def initialize(self) -> None:
        self.lexicon = load_lexicon(bool(self.config.get("converted", True)))
        self.cues = load_cues()
        self.ontology = load_ontology()
        self.resolve = resolve_hook()
        self.story = story_hook()
        from .confidence import load_scorer
        self.scorer = load_scorer(str(self.config.get("classifier_point", "calibrated")))

    def __call__(self, doc: Doc) -> Doc:
        events = code_events(doc, self.lexicon, self.cues, self.ontology, scorer=self.scorer, resolve=self.resolve,
                             story=self.story)
        return doc.replace(events=events)
