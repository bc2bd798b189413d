"""Who is this? The public resolver that quotes, events and adapters call on any span of an article.

API (both need a doc that went through ``normalizer`` and ``entities``; without ``entities`` they find the
article's entities themselves, more slowly)::

    from marsad.entities.resolve import resolve_span, resolve_parties

    resolve_span(doc, start, end) -> records.Actor | None
    resolve_parties(doc, start, end) -> list[records.Mention]

``start``/``end`` are offsets in the original article text (``doc.text``), like every record's.

:func:`resolve_span` answers with one actor, trying in order:

1. a person inside the span (``المتحدث باسم الرئاسة الروسية، دميتري بيسكوف`` → Dmitry Peskov, RUS, GOV; a
   surname alone, ``بيسكوف``, was already linked to the full name by the entities component);
2. a title or a description without a name (``كبير الدبلوماسيين الإيرانيين``, ``وزير الخارجية الإيراني``,
   ``الرئيس``): the person of the article holding that role for that country (the last one mentioned before
   the span), else the gazetteer's office holder on the article's date, else an anonymous office holder
   (kind ``person``, name None, country and sector from the title);
3. an organisation (``وزارة الدفاع العراقية`` → IRQ, MIL; ``وكالة تاس`` → TASS, RUS, JRN); a nameless member
   of one (``مصدر في وزارة الدفاع الإسرائيلية``) is kind ``unnamed`` with the organisation's country and sector;
4. an unnamed or collective source (``مصدر عسكري``, ``مسؤولون أمريكيون``, ``تقارير عدة``): kind ``unnamed``,
   country from a nationality adjective, sector from the adjective (عسكري → MIL) or else the noun
   (تقارير → JRN), name an English gloss ("military source", "several reports");
5. a nameless group (``المتظاهرون``, ``جنود``, ``مسلحون``): kind ``group``, sector from the noun (CVL, MIL,
   REB …), country from an adjective; a pair noun (``البلدين``, ``الجانبين``): kind ``group`` without a
   country (use :func:`resolve_parties` for its members);
6. a country, a capital standing for its government, or a nationality adjective: the country (sector GOV).

**Context country.** A nameless source, group, institution or office holder whose span names no country
(``المتظاهرون``، ``الشرطة``، ``محافظ العاصمة``) takes the country that dominates its sentence: each place
(country, city, region of a country) and each nationality adjective after a place noun (العاصمة السودانية)
votes for its country, and
the country with the most votes wins, a tie going to the country named nearest to the span (جنود في المنطقة
القبلية الباكستانية المتاخمة لأفغانستان → PAK). News sentences about protests, police and soldiers nearly
always name where they happen (متظاهرون في الخرطوم → SDN). A sentence without any place falls back on the
article's country (:func:`~marsad.entities.extract.story_country`: the country the article names clearly
most often, or its outlet's when it names none), as NGEC gives agents the country of the story: البرلمان،
الحكومة، النائب in a Tunisian news item are Tunisia's. An organisation that names no country takes the same
fallback. The GSR coders often leave such a
country empty: the rule trades spurious countries for correct ones (``marsad eval actors`` reports both).

**Cost.** The entities component stores a :class:`DocIndex` in ``doc.extras["entities_index"]``: the
article's entities in offset order, sentence countries and every answer already given, so repeated calls on
the same doc (one per event argument) cost a dictionary lookup. A doc without it gets one built on the first
call and kept for the following calls on the same doc.

:func:`resolve_parties` splits coordinated parties: ``إيران والولايات المتحدة`` and
``الوفدين الإيراني والأمريكي`` give one mention per country (sector from the head noun: الوفدين → GOV);
``البلدين``/``الجانبين``/``الطرفين`` give the two countries last mentioned as a coordinated pair
(``X و Y``) before the span. Anything else is one mention resolved by :func:`resolve_span` (none when it
resolves to nothing). Places in a locative phrase (``في روما``) are never parties.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from dataclasses import dataclass, field, replace

from ..doc import Doc
from ..records import Actor, Entity, Mention
from ..text.normalize import NormText
from .actors import country_actor, holds, office_actor, person_actor
from .extract import normalized_alias, story_country, title_context
from .gazetteers import Gazetteer, Office, load_gazetteer
from .matcher import find_matches, words_of

ACTING_TYPES = ("PER", "ORG", "GPE", "NORP")
#: extras key of the per-doc index (set by the entities component)
INDEX = "entities_index"
#: entity types whose country votes for the sentence's country
VOTING_TYPES = ("GPE", "LOC", "NORP")


@dataclass
class SpanInfo:
    """What the gazetteers see inside a span: offices, nationality countries, modifiers."""

    offices: list[Office]
    countries: list[str]
    modifiers: list[tuple[str, str]]


def analyse(doc: Doc, g: Gazetteer, start: int, end: int) -> SpanInfo:
    ns, ne = doc.norm.to_norm(start), doc.norm.to_norm(end)
    sub = doc.norm.text[ns:ne]
    texts, spans = words_of(sub)
    offices, countries, modifiers = [], [], []
    for m in find_matches(sub, texts, spans, g.trie):
        for e in m.entries:
            if e.kind == "office":
                office = g.offices[e.key]
                if office.kind == "inst" and m.first == m.last and m.first and texts[m.first - 1][:2] == "ال" \
                        and texts[m.first][:2] == "ال":
                    continue  # الشؤون الداخلية، السياسة الخارجية: an adjective of the noun before, no ministry
                offices.append(office)
            elif e.kind in ("nat", "country", "metonym"):
                countries.append(e.key)
            elif e.kind == "region" and g.regions[e.key][1]:
                countries.append(g.regions[e.key][1])  # أبناء دارفور → SDN
            elif e.kind == "org" and normalized_alias(e.alias) in g.ambiguous_context \
                    and (head := g.offices.get(texts[m.first])) is not None:
                offices.append(head)  # حكومة الوفاق outside Libyan news: a government (the org, when it is one,
                # is the span's entity and wins)
    for w in texts:
        mod = g.modifiers.get(w) or (g.modifiers.get(w[2:]) if w.startswith("ال") else None)
        if mod:
            modifiers.append(mod)
    return SpanInfo(offices, list(dict.fromkeys(countries)), modifiers)


@dataclass(eq=False)
class DocIndex:
    """One article's entities, in offset order, and the resolver's answers for it (see the module docstring)."""

    ents: tuple[Entity, ...]
    starts: list[int] = field(default_factory=list)
    spans: dict[tuple[int, int], Actor | None] = field(default_factory=dict)
    parties: dict[tuple[int, int], list[Mention]] = field(default_factory=dict)
    infos: dict[tuple[int, int], "SpanInfo"] = field(default_factory=dict)
    sentence_votes: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    _country: tuple[str | None] | None = None

    def __post_init__(self) -> None:
        self.starts = [e.start for e in self.ents]

    def country(self, g: Gazetteer, source: str | None) -> str | None:
        """The article's country (:func:`~marsad.entities.extract.story_country`), computed once."""
        if self._country is None:
            self._country = (story_country(self.ents, g, source),)
        return self._country[0]

    def overlapping(self, start: int, end: int) -> list[Entity]:
        """Entities overlapping ``[start, end)`` (entities never overlap one another: one bisect)."""
        i = max(0, bisect.bisect_left(self.starts, start) - 1)
        out = []
        for e in self.ents[i:]:
            if e.start >= end:
                break
            if e.end > start:
                out.append(e)
        return out

    def before(self, start: int) -> tuple[Entity, ...]:
        """The article's entities that start before ``start``."""
        return self.ents[:bisect.bisect_left(self.starts, start)]


_LAST: list = [None, None]  # (doc, index) of the last doc without a stored index


def doc_index(doc: Doc, g: Gazetteer) -> DocIndex:
    """The doc's :class:`DocIndex`: the one the entities component stored, else one built once per doc."""
    idx = doc.extras.get(INDEX)
    if idx is not None and idx.ents is doc.entities:  # a later stage that changed the entities gets a new one
        return idx
    if _LAST[0] is doc:
        return _LAST[1]
    idx = DocIndex(tuple(sorted(doc_entities(doc, g), key=lambda e: e.start)))
    _LAST[0], _LAST[1] = doc, idx
    return idx


def context_country(doc: Doc, g: Gazetteer, idx: DocIndex, start: int) -> str | None:
    """The country of a party that names none: its sentence's, else the article's (see "Context country")."""
    return sentence_country(doc, g, idx, start) or idx.country(g, doc.article.source)


def sentence_country(doc: Doc, g: Gazetteer, idx: DocIndex, start: int) -> str | None:
    """The country that dominates the sentence around ``start`` (see "Context country" above).

    Its votes are computed once per sentence; a tie goes to the country named nearest to ``start``.
    """
    sent = doc.sentence_at(start) if doc.sentences else None
    lo, hi = (sent.start, sent.end) if sent else (0, len(doc.text))
    votes = idx.sentence_votes.get(lo)
    if votes is None:
        votes = idx.sentence_votes[lo] = []
        for e in idx.overlapping(lo, hi):
            c = (e.geo.country if e.geo else None) or (e.actor.country if e.actor and e.type == "NORP" else None)
            if e.type in VOTING_TYPES and c in g.countries and (e.type != "NORP" or place_adjective(doc, g, e)):
                votes.append((e.start, c))
    if not votes:
        return None
    counts: dict[str, int] = {}
    for _, c in votes:
        counts[c] = counts.get(c, 0) + 1
    top = max(counts.values())
    leaders = {c for c, n in counts.items() if n == top}
    if len(leaders) == 1:
        return leaders.pop()
    return min((abs(pos - start), c) for pos, c in votes if c in leaders)[1]


def place_adjective(doc: Doc, g: Gazetteer, e: Entity) -> bool:
    """A nationality adjective after a place noun (العاصمة السودانية، في المدن الباكستانية) says where the
    sentence happens; after any other noun (مسؤولين أمريكيين، طائرة أميركية، السفارة الصينية) it is somebody's
    or something's nationality and casts no vote."""
    ns = doc.norm.to_norm(e.start)
    nouns = place_nouns(g)
    for w in doc.norm.text[max(0, ns - 40):ns].split()[-2:]:  # one adjective may come between: المنطقة القبلية
        if w[:1] in "وفبل" and len(w) > 3 and (w[1:] in nouns or w[1:].startswith("ال")):
            w = w[1:]
        if (w[2:] if w.startswith("ال") else w) in nouns:
            return True
    return False


@lru_cache(maxsize=1)
def place_nouns(g: Gazetteer) -> frozenset[str]:
    """Place words of offices.tsv and place nouns of title_context.tsv (normalized, without ال)."""
    from .extract import title_context
    return frozenset(k for k, o in g.offices.items() if o.kind == "placeword") | title_context("place_noun")


def with_norm(doc: Doc) -> Doc:
    """The doc with its normalized text (made here when the normalizer did not run)."""
    return doc if doc.norm is not None else doc.replace(norm=NormText(doc.text))


def doc_entities(doc: Doc, g: Gazetteer) -> tuple[Entity, ...]:
    if doc.entities or "entities" in doc.layers or doc.extras.get("entities_done"):
        return doc.entities
    from .extract import find_entities
    return find_entities(doc, g, doc.extras.get("ner_spans") or ())


def resolve_span(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor a span of the article stands for, or None (see the module docstring for the order)."""
    g = load_gazetteer()
    doc = with_norm(doc)
    idx = doc_index(doc, g)
    key = (start, end)
    if key not in idx.spans:
        idx.spans[key] = _resolve_span(doc, g, idx, start, end)
    return idx.spans[key]


def span_info(doc: Doc, g: Gazetteer, idx: DocIndex, start: int, end: int) -> SpanInfo:
    key = (start, end)
    info = idx.infos.get(key)
    if info is None:
        info = idx.infos[key] = analyse(doc, g, start, end)
    return info


def _resolve_span(doc: Doc, g: Gazetteer, idx: DocIndex, start: int, end: int) -> Actor | None:
    inside = idx.overlapping(start, end)
    for e in inside:
        if e.type == "PER" and e.actor is not None:
            return e.actor
    info = span_info(doc, g, idx, start, end)
    country = next((e.actor.country for e in inside if e.type in ("NORP", "ORG", "GPE") and e.actor), None)
    country = country or (info.countries[0] if info.countries else None)
    org = next((e.actor for e in inside if e.type == "ORG" and e.actor is not None), None)
    for office in info.offices:
        if country is None and normalized_alias(office.phrase) in title_context("needs_country"):
            continue  # a bare المستشار is no Chancellor (see title_context.tsv)
        if office.kind in ("title", "desc") and office.role:
            holder = office_holder(doc, g, idx, start, office, country)
            if holder is not None and holder.id is None and org is not None and org.sector:
                # الأمين العام لحزب التيار الديمقراطي: the office of a party (its sector), not of a government
                holder = replace(holder, name=f"{office.en} ({org.name})", country=org.country or holder.country,
                                 sector=org.sector)
            return holder
    if org is not None and info.offices and info.offices[0].kind in ("unnamed", "agent"):
        # a nameless member of an organisation: مصدر في وزارة الدفاع الإسرائيلية → ISR, MIL, unnamed
        first = info.offices[0]
        return Actor(name=f"{first.en} ({org.name})", country=org.country, sector=org.sector,
                     kind="unnamed" if first.kind == "unnamed" else "group")
    if org is not None:
        return org if org.country else replace(org, country=context_country(doc, g, idx, start))
    for office in info.offices:
        if office.kind in ("unnamed", "agent", "inst", "media"):
            country = country or context_country(doc, g, idx, start)  # nameless: the sentence's country
        if office.kind == "unnamed":
            return unnamed_actor(g, office, country, info.modifiers)
        if office.kind == "agent":
            return unnamed_actor(g, office, country, info.modifiers, kind="group")
        if office.kind == "group":
            return Actor(name=office.en, kind="group")
        if office.kind in ("inst", "media"):
            actor = office_actor(g, office, country, kind="organization")
            sector = next((s for s, _ in info.modifiers if s != "UNK"), None)
            return replace(actor, sector=sector) if sector else actor  # السلطات العسكرية → MIL
    # a country or its adjective; an adjective of the span may name the sector (دورية عسكرية ألمانية → MIL)
    sector = next((s for s, _ in info.modifiers if s != "UNK"), "GOV")
    for e in inside:
        if e.type in ("GPE", "NORP") and e.actor is not None and e.actor.country:
            return country_actor(g, e.actor.country, sector)
    return country_actor(g, country, sector) if country else None


def office_holder(doc: Doc, g: Gazetteer, idx: DocIndex, start: int, office: Office,
                  country: str | None) -> Actor:
    """The person holding ``office`` (for ``country``): in the article first, then on the article's date,
    else an anonymous holder (of the sentence's country when the title names none)."""
    for e in reversed(idx.before(start)):
        if e.start >= start or e.type != "PER" or e.actor is None:
            continue
        a = e.actor
        if (country is None or a.country == country) and holds(g, a, office.role, doc.article.date):
            return a if a.role == office.role else replace(a, role=office.role)
    if country:
        p = g.holder(country, office.role, doc.article.date)
        if p is not None:
            return person_actor(g, p, doc.article.date)
    return office_actor(g, office, country or context_country(doc, g, idx, start), kind="person")


def unnamed_actor(g: Gazetteer, office: Office, country: str | None, modifiers: list[tuple[str, str]],
                  kind: str = "unnamed") -> Actor:
    """A nameless source or group: مصدر عسكري → military source (MIL); تقارير عدة → several reports (JRN);
    متظاهرون فلسطينيون → Palestinian protesters (PSE, CVL)."""
    sector = next((s for s, _ in modifiers if s != "UNK"), office.sector)
    c = g.countries.get(country) if country else None
    words = ([c.adjective] if c else []) + [en for _, en in modifiers] + [office.en]
    return Actor(name=" ".join(words), country=country, sector=sector, kind=kind)


def resolve_parties(doc: Doc, start: int, end: int) -> list[Mention]:
    """The parties a span names, one mention each (see the module docstring)."""
    g = load_gazetteer()
    doc = with_norm(doc)
    idx = doc_index(doc, g)
    key = (start, end)
    if key not in idx.parties:
        idx.parties[key] = _resolve_parties(doc, g, idx, start, end)
    return list(idx.parties[key])


def _resolve_parties(doc: Doc, g: Gazetteer, idx: DocIndex, start: int, end: int) -> list[Mention]:
    text = doc.text
    info = span_info(doc, g, idx, start, end)
    inside = [e for e in idx.overlapping(start, end) if e.start >= start and e.end <= end
              and e.type in ACTING_TYPES and e.actor is not None and e.actor.country]
    units = [e for e in inside if not locative(text, e)]
    if any(e.type == "PER" for e in units):
        # with people named, adjectives belong to their titles (الرئيس الروسي فلاديمير بوتين ونظيره الأمريكي …)
        units = [e for e in units if e.type != "NORP"]
    if inside and not units:
        return []  # only the place where something happened
    if not units and any(o.kind == "group" for o in info.offices):
        pair = recent_pair(text, idx.before(start), start)
        return [Mention(text=text[start:end], start=start, end=end, actor=country_actor(g, c)) for c in pair]
    if len(units) >= 2 and coordinated(text, units):
        sector = next((o.sector for o in info.offices if o.kind == "inst" and o.sector), "GOV")
        out, seen = [], set()
        for e in units:
            actor = country_actor(g, e.actor.country, sector) if e.type in ("NORP", "GPE") else e.actor
            key = (actor.id, actor.name, actor.country)
            if key not in seen:
                seen.add(key)
                out.append(Mention(text=e.text, start=e.start, end=e.end, actor=actor))
        return out
    actor = resolve_span(doc, start, end)
    return [Mention(text=text[start:end], start=start, end=end, actor=actor)] if actor else []


def coordinated(text: str, units: list[Entity]) -> bool:
    """Units joined by و (possibly after a comma, or ونظيره "and his counterpart"), not by an apposition comma."""
    for a, b in zip(units, units[1:]):
        gap = text[a.end:b.start].strip().replace("،", "").replace(",", "").strip()
        first = gap.split()[0] if gap else ""
        if first in ("و", "أو", "او", "ومع") or first.startswith("ونظير"):
            return True
    return False


def locative(text: str, e: Entity) -> bool:
    """A place after في/ب/من (في روما، بروما): where something happened, not who did it."""
    if e.type != "GPE" or e.actor is None:
        return False
    before = text[max(0, e.start - 4):e.start]
    return before.endswith(("في ", "من ", "ب", "وفي ", "إلى ", "الى "))


def recent_pair(text: str, ents: tuple[Entity, ...], start: int) -> list[str]:
    """The two countries last named as a coordinated pair before ``start`` (X و Y), else the last two named."""
    prior = [e for e in ents if e.end <= start and e.type in ACTING_TYPES and e.actor is not None
             and e.actor.country and not locative(text, e)]
    for a, b in reversed(list(zip(prior, prior[1:]))):
        if a.actor.country != b.actor.country and coordinated(text, [a, b]):
            return [a.actor.country, b.actor.country]
    seen: list[str] = []
    for e in reversed(prior):
        if e.actor.country not in seen:
            seen.append(e.actor.country)
        if len(seen) == 2:
            return seen[::-1]
    return seen
