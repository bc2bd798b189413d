"""Gazetteer entries → contract records (:class:`~marsad.records.Actor`, :class:`~marsad.records.Geo`).

Records are immutable, so each builder caches its results (the same country or person recurs in every article).
Also the English name of a name the gazetteers do not know: each Arabic token through the Wikidata token table
(``name_tokens.tsv.gz``), and a letter-by-letter transliteration for the rest.
"""
from __future__ import annotations

from functools import lru_cache

from ..records import Actor, Geo
from ..text.normalize import normalize
from .gazetteers import LEAF, SPELLING_MIN, Gazetteer, Office, Person, load_name_tokens

#: letter-by-letter fallback (normalized letters): rough, but readable and deterministic; ا و ي are read as
#: vowels inside a word and as consonants at its start
LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "u", "ي": "i", "ء": "", "ئ": "",
    "ؤ": "",
}
INITIAL = {"و": "w", "ي": "y"}
VOWELS = "aiu"


def country_actor(g: Gazetteer, iso3: str, sector: str | None = "GOV") -> Actor:
    """A country (or an IGO code) acting as itself: its government unless ``sector`` says otherwise."""
    c = g.countries.get(iso3)
    org = g.orgs.get(iso3)
    name = c.name if c else (org.name if org else iso3)
    wikidata = c.wikidata if c else (org.wikidata if org else None)
    return Actor(id=iso3, name=name, country=iso3, sector=sector, wikidata=wikidata, kind="country")


@lru_cache(maxsize=16384)
def person_actor(g: Gazetteer, p: Person, date: str | None) -> Actor:
    """A known person with the role they held on ``date`` (a former office holder is an elite, ELI)."""
    role, held = p.role_on(date)
    name = p.name or romanize(_alias_index(g).get(p.id, p.id))
    if role is None:
        return Actor(id=p.id, name=name, wikidata=p.wikidata, kind="person")
    sector = role.sector if held else "ELI"
    return Actor(id=p.id, name=name, country=role.country, sector=sector, wikidata=p.wikidata,
                 role=role.role if held else (f"former {role.role}" if role.role else None), kind="person")


_ALIASES: dict[int, dict[str, list[str]]] = {}


def person_aliases(g: Gazetteer) -> dict[str, list[str]]:
    """Person id → its aliases as written in the data, built once per gazetteer."""
    idx = _ALIASES.get(id(g))
    if idx is None:
        idx = {}
        stack = [g.trie]
        while stack:
            node = stack.pop()
            for w, child in node.items():
                if w == LEAF:
                    for e in child:
                        if e.kind == "person":
                            idx.setdefault(e.key, []).append(e.alias)
                else:
                    stack.append(child)
        _ALIASES[id(g)] = idx
    return idx


def _alias_index(g: Gazetteer) -> dict[str, str]:
    """Person id → one alias (its English spelling is romanized when the data gives none)."""
    return {pid: min(aliases) for pid, aliases in person_aliases(g).items()}


def office_holder_named(g: Gazetteer, country: str, role: str, name: str) -> Person | None:
    """The one person who ever held ``role`` in ``country`` and whose name begins with ``name`` (الملك سلمان →
    King Salman; الملك فهد → King Fahd, a former holder), or None when none or several do."""
    words = normalize(name).split()
    found = {p.id: p for p in g.holders.get((country, role), ())
             if any(normalize(a).split()[:len(words)] == words for a in person_aliases(g).get(p.id, ()))}
    return next(iter(found.values())) if len(found) == 1 else None


def holds(g: Gazetteer, a: Actor, role: str | None, date: str | None) -> bool:
    """Whether the actor held ``role`` on ``date`` (any of a known person's roles counts)."""
    if a.role == role:
        return True
    p = g.persons.get(a.id) if a.id else None
    return p is not None and any(r.role == role and (date is None or r.valid_on(date)) for r in p.roles)


@lru_cache(maxsize=4096)
def org_actor(g: Gazetteer, oid: str) -> Actor:
    o = g.orgs[oid]
    return Actor(id=o.id, name=o.name, country=o.country, sector=o.sector, wikidata=o.wikidata, kind="organization")


@lru_cache(maxsize=16384)
def office_actor(g: Gazetteer, office: Office, country: str | None, *, kind: str) -> Actor:
    """An institution (وزارة الخارجية الإيرانية) or an unnamed office holder, from its office and country."""
    c = g.countries.get(country) if country else None
    name = f"{c.adjective} {office.en}" if c else office.en
    return Actor(name=name, country=country, sector=office.sector, role=office.role, kind=kind)


@lru_cache(maxsize=16384)
def place_geo(g: Gazetteer, gid: int) -> Geo:
    p = g.places[gid]
    return Geo(name=p.name, country=p.country, geonameid=p.geonameid, lat=p.lat, lon=p.lon, feature=p.feature)


@lru_cache(maxsize=4096)
def country_geo(g: Gazetteer, iso3: str) -> Geo:
    c = g.countries.get(iso3)
    return Geo(name=c.name if c else iso3, country=iso3, geonameid=c.geonameid if c else None, feature="country")


def romanize(text: str) -> str:
    """English spelling of an Arabic name: spellings from Wikidata labels, letters for the rest."""
    tokens = load_name_tokens()
    out = []
    for w in normalize(text).split():
        out.append(_spell(w, tokens) or (f"al-{_spell(w[2:], tokens) or _letters(w[2:])}"
                                         if w.startswith("ال") and len(w) > 4 else _letters(w)))
    return " ".join(out)


def _spell(w: str, tokens: dict[str, tuple[str, int]]) -> str | None:
    hit = tokens.get(w)
    return hit[0] if hit and hit[1] >= SPELLING_MIN else None


def _letters(w: str) -> str:
    """Letter-by-letter spelling; Arabic leaves short vowels unwritten, so an "a" goes between two opening
    consonants (لحج → Lahj, مشعل → Mashl): rough, but pronounceable."""
    parts = [INITIAL.get(ch, LETTERS.get(ch, ch)) if i == 0 else LETTERS.get(ch, ch) for i, ch in enumerate(w)]
    parts = [p for p in parts if p]
    if len(parts) >= 2 and parts[0][-1] not in VOWELS and parts[1][0] not in VOWELS:
        parts.insert(1, "a")
    s = "".join(parts)
    if w.endswith("ه"):
        s = s[:-1] + "a"  # ta marbuta (folded to ه)
    return s.capitalize()
