"""The ``entities`` component: gazetteers (+ the ``ner`` component's spans when it ran) → ``doc.entities``."""
from __future__ import annotations

from ..doc import Doc
from ..pipeline import Component, register
from .extract import find_entities
from .gazetteers import Gazetteer, load_gazetteer
from .resolve import INDEX, DocIndex

#: extras key set once the component ran (doc.layers is only updated when the whole pipeline is done)
DONE = "entities_done"


@register
class EntityRecognizer(Component):
    """Entities with their actors (who) and places (where).

    Works from the gazetteers alone; when the statistical ``ner`` component ran before it, its spans
    (``doc.extras["ner_spans"]``) add the names no gazetteer knows.
    """

    name = "entities"
    requires = ("norm", "tokens", "sentences")
    provides = ("entities",)

    def initialize(self) -> None:
        from .gazetteers import load_common_words, load_name_tokens
        self.gazetteer: Gazetteer = load_gazetteer()
        load_name_tokens()
        load_common_words()

    def __call__(self, doc: Doc) -> Doc:
        ents = find_entities(doc, self.gazetteer, doc.extras.get("ner_spans") or ())
        # the marker tells the resolver that an empty tuple is the answer, not a layer still to compute; the
        # index makes the resolver's repeated calls on this doc (one per quote and event argument) cheap
        return doc.replace(entities=ents).with_extra(DONE, True).with_extra(INDEX, DocIndex(ents))
