"""The ``quotes`` component: reported speech with its speaker, cue and outlet (see :mod:`marsad.quotes.find`)."""
from __future__ import annotations

from ..doc import Doc
from ..pipeline import Component, register
from ..records import Cue, Mention, Quote, make_id
from .cues import CueLexicon, load_lexicon
from .find import Found, find_quotes
from .speakers import Resolver, load_resolver, resolve


def to_records(doc: Doc, found: list[Found], resolver: Resolver | None) -> tuple[Quote, ...]:
    """Quote records (offsets into the original text), the speaker and outlet spans resolved to actors."""
    text = doc.text
    cache: dict[tuple[int, int], Mention] = {}

    def mention(span: tuple[int, int] | None) -> Mention | None:
        if span is None:
            return None
        if span not in cache:
            s, e = span
            cache[span] = Mention(text=text[s:e], start=s, end=e, actor=resolve(doc, s, e, resolver))
        return cache[span]

    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if (f.start, f.end) in seen:
            continue
        seen.add((f.start, f.end))
        cue = None
        if f.cue is not None:
            cs, ce, entry = f.cue
            cue = Cue(text=text[cs:ce], start=cs, end=ce, lemma=entry.lemma, implies=entry.implies)
        out.append(Quote(id=make_id(doc.article.id, "quote", f.start, f.end), text=text[f.start:f.end],
                         start=f.start, end=f.end, kind=f.kind, cue=cue, speaker=mention(f.speaker),
                         via=mention(f.via), confidence=round(f.confidence, 2), flags=f.flags))
    return tuple(out)


@register
class QuoteAttributor(Component):
    """Who said what: direct, indirect and mixed quotes with speaker, cue and outlet.

    Uses ``doc.entities`` (through the entities stage's resolver) when the ``entities`` component ran before
    it; without it speakers keep their spans and get no actor.
    """

    name = "quotes"
    requires = ("norm", "tokens", "sentences")
    provides = ("quotes",)

    def initialize(self) -> None:
        self.lexicon: CueLexicon = load_lexicon()
        self.resolver: Resolver | None = load_resolver()

    def __call__(self, doc: Doc) -> Doc:
        found = find_quotes(doc, self.lexicon)
        # without the entities layer the resolver would extract the article's entities again for every
        # speaker (tens of ms): identity is then left to a pipeline that runs entities
        resolver = self.resolver if (doc.entities or "entities" in doc.layers) else None
        return doc.replace(quotes=to_records(doc, found, resolver))
