"""Entity mentions from gazetteer matches (and the ``ner`` component's spans when it ran): pure functions.

Order of the passes, each one linear in the article:

0. gazetteer matches lose the readings their context rules out (:meth:`Extractor.plausible`): an organisation
   alias that is a common word first (العربية، الجزيرة، القاعدة) needs quotes, a cue word or a coordinated
   organisation; a place written with ة is not a word written with ه (جده);
1. gazetteer matches → PER (known actors), ORG (organisations; an institution + a nationality adjective:
   وزارة الخارجية الإيرانية; a city + a masculine adjective is its club: برشلونة الإسباني), GPE (countries,
   capitals and cities, ambiguity decided from diacritics and context), NORP (nationality adjectives; the nisba
   closing a nom de guerre belongs to the name: أبو مسلم التركماني);
2. titles → persons: a title, its nationality and a name after it (وزير الخارجية الإيراني، عباس عراقجي) give
   the person a country, a sector and a role; an unknown name after a title becomes a PER of its own;
3. the statistical NER spans that no gazetteer covered (PER, LOC, ORG, MISC), when they look like names (no
   function word, frequent word, inflected frequent stem or description: كان، تمكنتا، المبعوث الأممي); a
   name right after a title holds its office; a surname of a person named earlier is left to pass 5;
3a. an army, security or government body without a nationality (قوات الجيش الوطني) is an ORG of its own;
3b. a name and its kunya (سيف الله بن حسين المكنى بأبي عياض) are one person;
4. place words (حي، مدينة …) + an unknown name → LOC with the country of the nearest place;
5. coreference: the last word of every person found (بيسكوف after دميتري بيسكوف) marks later mentions;
6. titles and descriptions without a name (كبير الدبلوماسيين الإيرانيين، وزير الخارجية الإيراني) become the
   person holding that office: the last one named in the article, else the office holder on its date;
7. unknown people and organisations that name no country take the article's (:func:`story_country`), an
   organisation first the place after it (أنصار الشريعة في تونس).

Spans are kept in normalized offsets until the end, then mapped to the original text with ``doc.norm.to_orig``.
"""
from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

from ..doc import Doc
from ..records import Actor, Entity, Geo, make_id
from ..text.normalize import COMBINING_DELETED, normalize
from .actors import (country_actor, country_geo, holds, office_actor, office_holder_named, org_actor, person_actor,
                     place_geo, romanize)
from .gazetteers import DATA, Gazetteer, Office, load_common_words, load_name_tokens, rows
from .matcher import Match, find_matches, words_of

NER_TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
NAME_LINKS = frozenset({"بن", "بنت", "ابن", "ابو", "عبد", "ال", "دي", "فون"})
#: the words that open a kunya or nom de guerre (أبو محمد الجولاني)
KUNYA = frozenset({"ابو", "ابي"})
MAX_NAME_WORDS = 5
#: the role of military ranks (الجنرال، العقيد): after an office they belong to its title, not to the name
RANK = "officer"
#: a word seen fewer times than this per 10 million words of news counts as rare (likely a name)
RARE = 100
#: a name with the article after a place word (مدينة الزبداني) may be a bit more frequent than a bare one
RARE_DEFINITE = 500
#: a word seen this often is a common word first, unless it is a name token of at least TRUSTED_NAME labels
FREQUENT = 1000
TRUSTED_NAME = 50
#: office kinds that describe a person instead of naming one
DESCRIPTIONS = frozenset(("title", "desc", "unnamed", "agent", "group"))
#: inflection endings of verbs (dual, plural) and of plural nouns: a frequent stem + one of them is no name
VERB_SUFFIXES = ("ا", "وا", "ون", "ين", "تا", "ان")
#: words after a title that make it a past office (not today's holder)
FORMER = frozenset({"السابق", "السابقه", "الاسبق", "الراحل"})
#: quotation marks around a name (normalized text)
QUOTES = frozenset('«»"“”')
#: the proclitic sequences a name can carry in running text (the matcher's variants, spelled out)
PROCLITIC_FORMS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


#: words that give a person's nom de guerre or nickname (سيف الله بن حسين المكنى بأبي عياض)
ALIAS_CUES = frozenset({"المكني", "الملقب"})
#: prepositions before a place where something happens or comes from
LOCATIVES = frozenset({"في", "من", "الي", "وفي", "ومن", "والي"})
#: prepositions between a title and the body or party its holder sits in (القيادي في حزب X، النائب عن حركة Y)
SEAT_PREPOSITIONS = frozenset({"في", "عن"})
#: the article's country (:func:`country_votes`) is named at least this often …
ARTICLE_COUNTRY_MIN = 2
#: … and at least this many times as often as any other country
ARTICLE_COUNTRY_RATIO = 2


@dataclass
class Found:
    """An entity under construction (normalized offsets, word indices inclusive)."""

    start: int
    end: int
    first: int
    last: int
    type: str
    actor: Actor | None = None
    geo: Geo | None = None
    source: str = "gazetteer"


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    words = set()
    for line in (DATA / "not_names.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(normalize(line))
    return frozenset(words)


@lru_cache(maxsize=32)  # one entry per kind: fewer slots than kinds would reread the file on every call
def title_context(kind: str) -> frozenset[str]:
    """Normalized words of ``title_context.tsv`` of one kind (adjective, governor)."""
    return frozenset(normalize(r[0]) for r in rows("title_context.tsv") if r[1] == kind)


class Extractor:
    """The passes over one article (state: its words, matches and the entities found so far)."""

    def __init__(self, doc: Doc, g: Gazetteer):
        self.doc, self.g = doc, g
        self.norm = doc.norm.text
        self.date = doc.article.date
        self.wt, self.ws = words_of(self.norm)  # word texts, word spans (normalized offsets)
        self.splits = proclitic_splits(doc)
        self.matches: list[Match] = self.plausible(find_matches(self.norm, self.wt, self.ws, g.trie, self.splits))
        self.at: dict[int, Match] = {m.first: m for m in self.matches}
        self.found: list[Found] = []
        self.covered: dict[int, Found] = {}  # word index -> entity
        self._country_counts: dict[str, int] | None = None
        self._word_counts: Counter[str] | None = None
        #: titles and descriptions with a country but no name after them: (match, last word, office, country)
        self.bare_titles: list[tuple[Match, int, Office, str]] = []
        #: word index right after a title no known name followed -> (office, country): an NER name there is
        #: the office holder (وزير العدل الجزائري الطيب لوح)
        self.open_titles: dict[int, tuple[Office, str | None]] = {}
        #: the bodies named without a nationality (:meth:`standalone_pass`), by first word
        self.standalone: set[int] = set()

    # ---- helpers
    def plausible(self, matches: list[Match]) -> list[Match]:
        """Matches without the readings their context rules out.

        * an organisation alias that is a common word first (العربية، الجزيرة، القاعدة: ``ambiguous_aliases.tsv``)
          needs quotes around it alone, a cue word before it or another organisation joined by و; one with
          context countries also needs the article to name one of them (الاحتلال is Israel's in news about
          Palestine, حكومة الوفاق Libya's in news about Libya) and no other country's adjective after it;
        * a place alias written with ة (جدة) is not a word written with ه (جده "his grandfather", a pronoun
          suffix): the normalizer folds both to ه, the original text tells them apart.
        """
        out = []
        named: set[str] | None = None
        for k, m in enumerate(matches):
            drop = None
            if any(e.kind == "org" for e in m.entries):
                # by the entry's alias: للقاعدة is matched as ل + القاعدة, its text (لقاعده) is no alias
                alias = next((a for e in m.entries if e.kind == "org"
                              and (a := normalized_alias(e.alias)) in self.g.ambiguous), None)
                if alias is not None and not self.org_context(m, self.g.ambiguous[alias], matches, k):
                    drop = "org"
                elif alias in self.g.ambiguous_context:
                    named = named if named is not None else self.named_countries(matches)
                    context = self.g.ambiguous_context[alias]
                    nxt = matches[k + 1] if k + 1 < len(matches) else None
                    if named.isdisjoint(context) or (nxt is not None and nxt.first == m.last + 1 and any(
                            e.kind == "nat" and e.key not in context for e in nxt.entries)):
                        drop = "org"  # no context country named, or another's adjective: الاحتلال الأميركي
            entries = [e for e in m.entries if e.kind != drop]
            if any(e.kind in ("place", "country") and e.alias.endswith("ة") for e in entries) and \
                    self.doc.text[self.doc.norm.to_orig(m.start, m.end)[1] - 1] == "ه":
                entries = [e for e in entries if not (e.kind in ("place", "country") and e.alias.endswith("ة"))]
            if len(entries) == len(m.entries):
                out.append(m)
            elif entries:
                out.append(m._replace(entries=tuple(entries)))
        return out

    def named_countries(self, matches: list[Match]) -> set[str]:
        """The countries the article's matches name: countries, adjectives, capitals and places."""
        out = set()
        for m in matches:
            for e in m.entries:
                if e.kind in ("country", "nat", "metonym"):
                    out.add(e.key)
                elif e.kind == "place":
                    out.add(self.g.places[int(e.key)].country)
        return out

    def org_context(self, m: Match, cues: frozenset[str], matches: list[Match], k: int) -> bool:
        """An ambiguous organisation alias is quoted alone, follows a cue word (any word for the cue ``*``;
        also before في/عن: القيادي في النهضة) or is joined by و to an organisation."""
        if "*" in cues:
            return True
        norm = self.norm
        if m.start and norm[m.start - 1] in QUOTES and m.end < len(norm) and norm[m.end] in QUOTES:
            return True  # «الجزيرة»: quoted on its own, not the end of a quoted phrase ("المبادرة العربية")
        if m.first and self.adjacent(m.first - 1, m.first):
            c = m.first - 1
            if self.wt[c] in SEAT_PREPOSITIONS and c and self.adjacent(c - 1, c):
                c -= 1  # القيادي في النهضة: a seat in the organisation
            prev = self.wt[c]
            if prev in cues or (prev[:1] in "وفلب" and prev[1:] in cues):
                return True
        nxt = matches[k + 1] if k + 1 < len(matches) else None
        if nxt and nxt.first == m.last + 1 and self.wt[nxt.first][:1] == "و" and self.adjacent(m.last, nxt.first):
            if any(e.kind == "org" for e in nxt.entries):
                return True
        prv = matches[k - 1] if k else None
        return bool(prv and prv.last == m.first - 1 and self.wt[m.first][:1] == "و" and m.start > self.ws[m.first][0]
                    and self.adjacent(prv.last, m.first) and any(e.kind == "org" for e in prv.entries))

    def adjacent(self, i: int, j: int, *, comma: bool = False) -> bool:
        """Words i and j = i + 1 are separated by spaces only (or a comma when ``comma``)."""
        if j != i + 1 or j >= len(self.wt):
            return False
        gap = self.norm[self.ws[i][1]:self.ws[j][0]].strip()
        return not gap or (comma and gap in ("،", ","))

    def orig(self, start: int, end: int) -> str:
        s, e = self.doc.norm.to_orig(start, end)
        return self.doc.text[s:e]

    def add(self, f: Found) -> Found | None:
        if any(w in self.covered for w in range(f.first, f.last + 1)):
            return None
        self.found.append(f)
        for w in range(f.first, f.last + 1):
            self.covered[w] = f
        return f

    def span_found(self, m: Match, type_: str, **kw) -> Found | None:
        return self.add(Found(m.start, m.end, m.first, m.last, type_, **kw))

    def nat_after(self, m: Match) -> Match | None:
        """The nationality adjective right after ``m`` (و-coordinated ones excluded)."""
        nxt = self.at.get(m.last + 1)
        if nxt and "nat" in nxt.kinds() and self.adjacent(m.last, nxt.first) and nxt.start == self.ws[
                nxt.first][0]:
            return nxt
        return None

    # ---- pass 1
    def gazetteer_pass(self) -> None:
        skip: set[int] = set()
        for m in self.matches:
            if m.first in skip:
                continue
            kinds = m.kinds()
            if kinds & {"person", "nat"} and self.given_name(m):
                del self.at[m.first]  # تركي بن سعود: a person's given name and patronymic, left to name_run
                continue
            if "person" in kinds:
                p = self.g.persons[m.of("person")[0].key]
                self.span_found(m, "PER", actor=person_actor(self.g, p, self.date))
            elif "org" in kinds:
                self.span_found(m, "ORG", actor=org_actor(self.g, m.of("org")[0].key))
            elif kinds & {"country", "metonym", "place"}:
                self.place_or_country(m)
            elif "misc" in kinds:
                self.span_found(m, "MISC")
            elif "region" in kinds:
                name, country = self.g.regions[m.of("region")[0].key]
                self.span_found(m, "LOC", geo=Geo(name=name, country=country, feature="region"))
            elif "nat" in kinds:
                k = m.first - 2
                if k >= 0 and self.wt[k] in KUNYA and self.adjacent(k, k + 1) and self.adjacent(k + 1, m.first) \
                        and k not in self.covered and k + 1 not in self.at and m.start == self.ws[m.first][0]:
                    # أبو مسلم التركماني: a nom de guerre ends in a nisba of origin, not a nationality
                    name = self.norm[self.ws[k][0]:m.end]
                    self.add(Found(self.ws[k][0], m.end, k, m.last, "PER",
                                   actor=Actor(name=romanize(name), kind="person")))
                    continue
                iso3 = m.of("nat")[0].key
                self.span_found(m, "NORP", actor=country_actor(self.g, iso3, sector=None))
            elif "office" in kinds:
                office = self.g.offices[m.of("office")[0].key]
                nat = self.nat_after(m)
                if office.kind in ("inst", "media") and nat and not self.coordinated(nat):
                    iso3 = nat.of("nat")[0].key
                    self.add(Found(m.start, nat.end, m.first, nat.last, "ORG",
                                   actor=office_actor(self.g, office, iso3, kind="organization")))
                    skip.add(nat.first)

    def given_name(self, m: Match) -> bool:
        """Whether a person or nationality match is part of another person's name: a nationality word
        without ال before بن/ابن or right after a definite title (تركي in الأمير تركي بن سعود is a given name,
        not "Turkish": an adjective agrees with its noun), or a person alias opening with بن/ابن right after a
        given name (بن سعود in تركي بن سعود is his father's name, not Ibn Saud)."""
        wt, i = self.wt, m.first
        if "person" in m.kinds():
            return (wt[i] in ("بن", "ابن") and i > 0 and self.adjacent(i - 1, i) and i - 1 not in self.covered
                    and wt[i - 1] in load_name_tokens())
        if m.first != m.last or wt[i].startswith("ال") or m.start != self.ws[i][0] or wt[i] not in load_name_tokens():
            return False
        if i + 1 < len(wt) and wt[i + 1] in ("بن", "ابن") and self.adjacent(i, i + 1):
            return True
        prev = self.at.get(i - 1) if i and self.adjacent(i - 1, i) else None
        return bool(prev and wt[i - 1].startswith("ال") and any(
            self.g.offices[e.key].kind == "title" for e in prev.of("office")))

    def masculine_singular(self, nat: Match) -> bool:
        """A nationality adjective in the masculine singular (الإيطالي, not الإيطالية/الإيطاليون)."""
        w = self.norm[nat.start:nat.end]
        return nat.first == nat.last and w.endswith("ي")

    def coordinated(self, nat: Match) -> bool:
        """A second adjective joined by و follows (الوفدين الإيراني والأمريكي): a pair, not one institution."""
        nxt = self.at.get(nat.last + 1)
        return bool(nxt and "nat" in nxt.kinds() and nxt.start > self.ws[nxt.first][0]
                    and self.adjacent(nat.last, nxt.first))

    def place_or_country(self, m: Match) -> None:
        entries = [e for e in m.entries if e.kind in ("country", "metonym", "place")]
        if len({(e.kind == "place", e.key) for e in entries}) > 1:
            text = self.orig(m.start, m.end)
            if _marks(text):  # written diacritics decide first (عُمان vs عمّان)
                scores = [diacritic_score(text, e.alias) for e in entries]
                entries = [e for e, sc in zip(entries, scores) if sc == max(scores)]
        countries = {e.key for e in entries if e.kind in ("country", "metonym")}
        places = [int(e.key) for e in entries if e.kind == "place"]
        places.sort(key=lambda gid: -self.g.places[gid].population)
        named = {e.key for e in entries if e.kind == "country"}  # a country's own name (تونس، الكويت)
        if places and countries and (named or not any(self.g.places[p].country in countries for p in places)):
            if not self.city_context(m, self.g.places[places[0]].country, countries):
                places = []
        if places:
            place = self.g.places[places[0]]
            nat = self.nat_after(m)
            if nat is not None and self.masculine_singular(nat) and not countries:
                # a city takes feminine agreement (روما الإيطالية); with a masculine adjective it is its club
                # (روما الإيطالي، برشلونة الإسباني)
                club = Actor(name=f"{place.name} (club)", country=nat.of("nat")[0].key, kind="organization")
                self.add(Found(m.start, nat.end, m.first, nat.last, "ORG", actor=club))
                return
            metonym = place.country in countries or place.feature == "capital"
            actor = country_actor(self.g, place.country) if metonym else None
            self.span_found(m, "GPE", actor=actor, geo=place_geo(self.g, place.geonameid))
            return
        iso3 = sorted(countries)[0]
        if any(e.kind == "country" for e in entries):
            self.span_found(m, "GPE", actor=country_actor(self.g, iso3), geo=country_geo(self.g, iso3))
        else:  # a seat of government that is not a place: البيت الأبيض، الكرملين
            self.span_found(m, "ORG", actor=country_actor(self.g, iso3))

    def city_context(self, m: Match, city_country: str, countries: set[str]) -> bool:
        """Whether the context reads a name as the city (عمّان) rather than the country (عُمان).

        The city wins when "العاصمة" comes right before it, when its country's adjective comes right after
        (عمان الأردنية), or when the article names the city's country more often than the other country.
        """
        if m.first > 0 and self.wt[m.first - 1] in ("العاصمه", "مدينه", "بالعاصمه"):
            return True
        nat = self.nat_after(m)
        if nat and any(e.key == city_country for e in nat.of("nat")):
            return True
        if city_country in countries:
            return False  # the city of the same name (تونس، الكويت) needs العاصمة or مدينة before it
        count = self.country_counts()
        return count.get(city_country, 0) > max(count.get(c, 0) for c in countries)

    def country_counts(self) -> dict[str, int]:
        """How often the article names each country (names, adjectives, capitals), counted once per article."""
        if self._country_counts is None:
            counts: dict[str, int] = {}
            for m in self.matches:
                for key in {e.key for e in m.entries if e.kind in ("country", "nat", "metonym")}:
                    counts[key] = counts.get(key, 0) + 1
            self._country_counts = counts
        return self._country_counts

    def article_country(self) -> str | None:
        """The country the article is about: named (name, adjective, capital) at least twice and more often
        than any other. An unknown person after a title without nationality (السيناتور توم كوتون، اللواء خالد
        الجعيد) is taken to be of that country: news names foreigners' nationality, not locals'. (A party
        without a title needs a clearer lead: :func:`country_votes`.)"""
        counts = self.country_counts()
        return dominant({c: n for c, n in counts.items() if c in self.g.countries}, ratio=1)

    def title_holder_country(self, office: Office) -> str | None:
        """The country of an unknown person after a title without nationality (وزير النقل، أنيس غديرة).

        The article's (:meth:`article_country`); else, for a government office, a local outlet's home
        (``outlets.tsv``) when the article names it; else the one country the article names other than as a
        place something comes from or happens in (الحكومة الكورية الجنوبية … رئيس الوزراء هوانغ كيو آن); else,
        when it names none that way, the outlet's home: local news names foreign office holders' nationality,
        not its own ministers' (an item on buses imported from France names فرنسا once and its own minister
        without any). A party's office (الناطق باسم الحزب الجمهوري) may be foreign news in any outlet.
        """
        country = self.article_country()
        if country or office.sector != "GOV":
            return country
        home = outlet_country(self.doc.article.source)
        if home is not None and self.country_counts().get(home):
            return home  # a Saudi prince in a Saudi daily's item on his visit to London
        named = self.named_as_party()
        if len(named) == 1:
            return named.pop()
        return home if not named else None

    def named_as_party(self) -> set[str]:
        """The countries the article names outside a prepositional phrase (في، من، إلى، بـ، لـ + a place:
        المستوردة من فرنسا is where buses come from, المبتعث للمملكة المتحدة where a student went, not whose news
        it is); adjectives always count."""
        out = set()
        for m in self.matches:
            keys = {e.key for e in m.entries if e.kind in ("country", "nat", "metonym") and e.key in self.g.countries}
            if not keys or self.at.get(m.first) is not m:
                continue  # no country, or a reading given_name() dropped (تركي in تركي بن سعود)
            prev = self.wt[m.first - 1] if m.first and self.adjacent(m.first - 1, m.first) else ""
            clitic = self.norm[self.ws[m.first][0]:m.start]
            if not clitic and self.wt[m.first].startswith("لل"):
                clitic = "ل"  # للمملكة: ل + المملكة written as one word
            kinds = {e.kind for e in m.entries}
            if ("nat" in kinds and "country" not in kinds) or (prev not in LOCATIVES and clitic in ("", "و")):
                out |= keys
        return out

    # ---- pass 2
    def title_pass(self) -> None:
        for m in self.matches:
            offices = m.of("office")
            if not offices:
                continue
            office = self.g.offices[offices[0].key]
            if office.kind not in ("title", "desc") or self.in_place_name(m.first) or self.named_after(m.first):
                continue
            country, last, has_org, org_sector = None, m.last, False, None
            # the title's complements: a nationality, an institution with its nationality, up to two adjectives
            for _ in range(4):
                nxt_i = last + 1
                if not self.adjacent(last, nxt_i) or self.wt[nxt_i][:1] in "وف" and self.has_proclitic(nxt_i):
                    break  # والادعاء العام العراقي after رئيس الحكومة العراقية: a second party, no complement
                f = self.covered.get(nxt_i)
                if f is None and self.wt[nxt_i] in SEAT_PREPOSITIONS and self.adjacent(nxt_i, nxt_i + 1):
                    o = self.covered.get(nxt_i + 1)
                    if o is not None and o.type == "ORG" and o.first == nxt_i + 1:
                        f, nxt_i = o, nxt_i + 1  # القيادي في حزب نداء تونس، النائب عن حركة النهضة: a seat in it
                if f is not None and f.type in ("NORP", "ORG") and f.first == nxt_i:
                    country = country or (f.actor.country if f.actor else None)
                    if f.type == "ORG":
                        has_org = True
                        org_sector = org_sector or (f.actor.sector if f.actor else None)
                    last = f.last
                elif nxt_i not in self.covered and self.wt[nxt_i] in title_context("adjective"):
                    last = nxt_i
                elif nxt_i in self.at and any(self.g.offices[e.key].kind in ("inst", "media")
                                              for e in self.at[nxt_i].of("office")):
                    last = self.at[nxt_i].last  # المتحدث باسم + الرئاسة الروسية
                    if any(self.g.offices[e.key].sector == "PTY" for e in self.at[nxt_i].of("office")):
                        # الأمين العام للحزب الاشتراكي: a party the gazetteers do not know is still a party
                        has_org, org_sector = True, org_sector or "PTY"
                elif nxt_i in self.at and any(self.g.offices[e.key].role == RANK or e.key in title_context(
                        "needs_country") for e in self.at[nxt_i].of("office")):
                    # رئيس الأركان الأمريكي + الجنرال: a rank before the name; النائب العام المصري + المستشار: an
                    # honorific (judges, advisers), no second office
                    last = self.at[nxt_i].last
                else:
                    break
            if country is None and offices[0].key in title_context("needs_country"):
                continue  # المستشار فلان: an adviser or a judge, the Chancellor only with a nationality
            if org_sector and org_sector != office.sector:
                office = replace(office, sector=org_sector)  # الأمين العام لحزب …: a party's, not a government's
            if self.name_after(m, last, office, country):
                continue
            if office.kind == "title" and (self.name_before(m, last, office, country, has_org)
                                           or self.name_after_org(last, office, country)):
                continue
            if (office.kind == "title" and self.adjacent(last, last + 1, comma=True)
                    and any("ال" in w[:3] or w.startswith("لل") for w in self.wt[m.first:last + 1])):
                # a name the NER model may still find; a title without any ال (حافظ قائد السبسي) may be a name
                self.open_titles[last + 1] = (office, country)
            if not has_org and office.role and country and not self.governed(m.first):
                self.bare_titles.append((m, last, office, country))

    def named_after(self, i: int) -> bool:
        """A noun before word i names a thing after the title's holder (مستشفى الملك فهد، مطار الملك عبد العزيز،
        قاعدة الملك خالد الجوية): a place or institution, not a mention of the person acting."""
        if i == 0 or not self.adjacent(i - 1, i):
            return False
        prev = self.wt[i - 1]
        nouns = title_context("named_after")
        return prev in nouns or (prev[:1] in "وفبل" and prev[1:] in nouns)

    def in_place_name(self, i: int) -> bool:
        """Word i follows a place-name head (تل الشيخ حسين، دير الشيخ): a title inside a place name."""
        return i > 0 and self.adjacent(i - 1, i) and self.wt[i - 1] in title_context("place_head")

    def object_follows(self, i: int) -> bool:
        """Another title, institution or person starts right after word i."""
        m = self.at.get(i + 1)
        return m is not None and self.adjacent(i, i + 1) and (
            "person" in m.kinds() or any(self.g.offices[e.key].kind in ("title", "inst", "media")
                                         for e in m.of("office")))

    def governed(self, i: int) -> bool:
        """A noun right before word i governs the title (كأس ولي العهد، نجل الرئيس): not the office holder."""
        if i == 0 or not self.adjacent(i - 1, i):
            return False
        prev = self.wt[i - 1]
        governors = title_context("governor")
        return prev in governors or (prev[:1] in "وفبل" and prev[1:] in governors)

    def name_after(self, m: Match, last: int, office: Office, country: str | None) -> bool:
        """Give the name after a title chain ending at word ``last`` its office; False when none follows."""
        start = last + 1
        if office.kind == "desc" or not self.adjacent(last, start, comma=True):
            return False
        f = self.covered.get(start)
        if f is not None:
            if f.type == "PER" and f.actor is not None:
                f.actor = title_actor(self.g, f.actor, office, country, self.date)
                return True
            return False
        # a comma between the title and the name marks the name: rarer words may open it (الهاشمي الحامدي),
        # as long as a second word follows (النائبة، ضيفة حصة اليوم: a guest, no name)
        end = self.name_run(start, loose=not self.adjacent(last, start))
        if end == start and self.wt[start] not in load_name_tokens():
            end = None
        if end is None or (end == start and self.object_follows(end)):
            return False  # رئيس الأركان الأمريكي طالب رئيس الوزراء: a verb and its object, not a name
        ws = self.ws
        earlier = self.named_before(self.wt[start], start) if end == start else None
        if earlier is not None:  # الجنرال ديمبسي after الجنرال مارتن ديمبسي: the person already named
            self.add(Found(ws[start][0], ws[end][1], start, end, "PER", actor=earlier.actor, source="coref"))
            return True
        self.add_titled(start, end, office, country)
        return True

    def add_titled(self, start: int, end: int, office: Office, country: str | None) -> None:
        """Words start..end, a name unknown to the gazetteers, are a person holding ``office`` (of ``country``,
        else of the article's country)."""
        ws = self.ws
        name = self.norm[ws[start][0]:ws[end][1]]
        country = country or self.title_holder_country(office)
        holder = office_holder_named(self.g, country, office.role, name) if country and office.role else None
        if holder is not None:  # الملك سلمان: the king named Salman, not a new person
            actor = title_actor(self.g, person_actor(self.g, holder, self.date), office, country, self.date)
        else:
            actor = Actor(name=romanize(name), country=country, sector=office.sector, role=office.role,
                          kind="person")
        self.add(Found(ws[start][0], ws[end][1], start, end, "PER", actor=actor, source="title"))

    def name_before(self, m: Match, last: int, office: Office, country: str | None, has_org: bool) -> bool:
        """Give a name right before a title its office (عدنان منصر، أمين عام حزب …; بوجمعة الرميلي عضو الهيئة
        السياسية لحركة …): an apposition after the name. The name has two words or more (rarer words than
        after a title, the title closing it); the title names a known organisation within a few words, which
        gives the person its country and sector, or a nationality (after a comma only: a verb's object may
        precede a government title, انتقد فلان رئيس الحكومة is two people)."""
        end = m.first - 1
        if end < 1 or not self.adjacent(end, m.first, comma=True):
            return False
        if not has_org:
            org = self.org_ahead(last)
            if org is not None and org.actor is not None:
                has_org, country = True, country or org.actor.country
                office = replace(office, sector=org.actor.sector) if org.actor.sector else office
        if not (has_org or country) or (not has_org and self.adjacent(end, m.first)):
            return False  # خالد الشريف، المستشار الإعلامي لحزب …: an unknown body names no country
        f = self.covered.get(end)
        if f is not None:
            if f.type == "PER" and f.actor is not None and f.actor.id is None and f.actor.country is None:
                f.actor = title_actor(self.g, f.actor, office, country or self.title_holder_country(office), self.date)
                return True
            return False
        start = next((j for j in range(max(0, end - MAX_NAME_WORDS + 1), end)
                      if self.name_run(j, loose=True) == end), None)
        if start is None:
            return False
        self.add_titled(start, end, office, country)
        return True

    def org_ahead(self, last: int) -> Found | None:
        """The organisation within the four words after word ``last`` (عضو الهيئة السياسية لحركة نداء تونس),
        with no function word, punctuation or other entity before it, else None."""
        stop = not_names()
        for j in range(last + 1, last + 5):
            if j >= len(self.wt) or not self.adjacent(j - 1, j) or function_word(self.wt[j], stop):
                return None
            f = self.covered.get(j)
            if f is not None:
                return f if f.type == "ORG" and f.first == j else None
        return None

    def name_after_org(self, last: int, office: Office, country: str | None) -> bool:
        """A title, the body it belongs to and a comma, then its holder's name (رئيس حزب تيار المحبة، الهاشمي
        الحامدي; عضو الهيئة السياسية لحزب نداء تونس، فوزي اللومي). The words before the comma (five at most)
        hold an organisation or an institution noun and no function word; the name has two words or more. An
        organisation among them gives the person its country and sector. Without a comma, a body's name ending
        in a definite word ends where a first name (indefinite) opens a name (رئيس حزب الفلاحين فيصل التبيني)."""
        stop, tokens = not_names(), load_name_tokens()
        sector, body = None, office.sector == "PTY"  # رئيس حزب، القيادي: the title names a party already
        j = last + 1
        for _ in range(5):
            if j >= len(self.wt) or not self.adjacent(j - 1, j) or function_word(self.wt[j], stop):
                return False
            if (body and j > last + 1 and self.wt[j] in tokens and not self.wt[j].startswith("ال")
                    and self.wt[j - 1].startswith("ال") and (end := self.name_run(j)) is not None and end > j):
                self.add_titled(j, end, replace(office, sector=sector) if sector else office, country)
                return True
            f = self.covered.get(j)
            if f is not None:
                if f.type not in ("ORG", "NORP") or f.first != j:
                    return False
                country = country or (f.actor.country if f.actor else None)
                if f.type == "ORG":
                    body, sector = True, sector or (f.actor.sector if f.actor else None)
                j = f.last
            elif j in self.at and any(self.g.offices[e.key].kind == "inst" for e in self.at[j].of("office")):
                body = True
            if self.adjacent(j, j + 1, comma=True) and not self.adjacent(j, j + 1):
                break  # the comma that closes the body's name
            j += 1
        else:
            return False
        end = self.name_run(j + 1, loose=True) if body else None
        if end is None or end == j + 1:
            return False
        self.add_titled(j + 1, end, replace(office, sector=sector) if sector else office, country)
        return True

    def bare_title_pass(self) -> None:
        """A title or description without a name (وزير الخارجية الإيراني، كبير الدبلوماسيين الإيرانيين) is the
        person who holds that office: the last one the article named, else the office holder on its date."""
        for m, last, office, country in self.bare_titles:
            nxt = last + 1
            if nxt < len(self.wt) and self.adjacent(last, nxt) and self.wt[nxt] in FORMER:
                continue  # وزير الخارجية الإيراني السابق: not today's minister
            actor = None
            for f in reversed(self.found):
                if (f.type == "PER" and f.first < m.first and f.actor is not None and f.actor.country == country
                        and holds(self.g, f.actor, office.role, self.date)):
                    actor = f.actor
                    break
            if actor is None:
                p = self.g.holder(country, office.role, self.date)
                if p is None:
                    continue
                actor = title_actor(self.g, person_actor(self.g, p, self.date), office, country, self.date)
            inside = {id(f): f for w in range(m.first, last + 1) if (f := self.covered.get(w)) is not None}
            if any(f.type != "NORP" for f in inside.values()):
                continue
            for f in inside.values():
                self.found.remove(f)
                for w in range(f.first, f.last + 1):
                    del self.covered[w]
            self.add(Found(m.start, self.ws[last][1], m.first, last, "PER", actor=actor, source="coref"))

    def name_run(self, i: int, *, loose: bool = False) -> int | None:
        """Last word of a person's name starting at word i, or None.

        The first word must be a known name token (Wikidata person labels); later words may also be links
        (بن، عبد), rare words (family names: الطريفي) or a family name the article repeats alone
        (:meth:`repeated_surname`, :func:`family_shaped`); a frequent word, a stop word or a gazetteer match
        ends it. ``loose``, where the context marks a name (between a comma and a title: الهاشمي الحامدي، رئيس
        …), lets the first word be a fairly rare word too, and every family-shaped word one below
        ``RARE_DEFINITE``. A fairly rare word also closes a name right after a given name (:meth:`family_after_given`:
        لطفي زيتون، نور الدين البحيري).
        """
        tokens, stop, common = load_name_tokens(), not_names(), load_common_words()
        compound_ends = title_context("compound_end")
        rare = RARE_DEFINITE if loose else RARE
        last = None
        j = i
        while j < len(self.wt) and j - i < MAX_NAME_WORDS and j not in self.covered:
            w = self.wt[j]
            if w in stop or (j > i and j in self.at) or (self.has_proclitic(j) and not (
                    w in tokens and common.get(w, 0) < (RARE if j > i else FREQUENT))):
                break  # a name after a title carries no proclitic (وإلى is not the name والي), unless the
                # word is a name token the tokenizer split for want of having seen it: a rare one inside a
                # name (راجح بادي), a given name not among the most frequent words opening it (كمال، لطفي)
            if w in NAME_LINKS:
                pass
            elif w in tokens or (j > i and common.get(w, 0) < RARE) or (
                    (j > i or loose) and family_shaped(w) and (common.get(w, 0) < rare or self.repeated_surname(w))):
                last = j
            elif j > i and last == j - 1 and self.family_after_given(i, j, tokens, compound_ends):
                return j  # the family name closes the name (أشرف غني, not أشرف غني ترتكب)
            else:
                break
            if not self.adjacent(j, j + 1):
                break
            j += 1
        return last

    def family_after_given(self, i: int, j: int, tokens, compound_ends: frozenset[str]) -> bool:
        """Word j, fairly rare (below ``RARE_DEFINITE``), is a family name after the given name before it: a
        nisba or any family-shaped word after the end of a compound name (نور الدين البحيري), an indefinite
        word after an indefinite name token opening the name at word i (لطفي زيتون; a third word may be a
        verb: جون كي جعلت), but not an accusative (تركي بن سعود وفدا) nor a nickname cue (المكنى)."""
        w, prev = self.wt[j], self.wt[j - 1]
        if w in ALIAS_CUES or load_common_words().get(w, 0) >= RARE_DEFINITE:
            return False
        if prev in compound_ends:
            return family_shaped(w)
        return (j == i + 1 and prev in tokens and not prev.startswith("ال") and not w.startswith("ال")
                and not w.endswith(("ا", "ه")))

    def repeated_surname(self, w: str) -> bool:
        """A fairly rare word (below ``RARE_DEFINITE``) the article writes more than once: a family name of
        local news (الشعيبي، قسيلة are frequent in Tunisian news only because these politicians are), which the
        article repeats alone (وقال الشعيبي), unlike a word that happens to follow a name once."""
        if load_common_words().get(w, 0) >= RARE_DEFINITE:
            return False
        if self._word_counts is None:
            self._word_counts = Counter(self.wt)
        return self._word_counts[w] > 1

    def has_proclitic(self, i: int) -> bool:
        """Whether the tokenizer split a proclitic off word i (بالقصيم، لمناقشة)."""
        s = self.ws[i][0]
        return self.splits is not None and (s + 1 in self.splits or s + 2 in self.splits)

    # ---- pass 3
    def ner_pass(self, spans: Iterable[tuple[int, int, str]]) -> None:
        spans = list(spans)
        if not spans:
            return
        to_norm = self.doc.norm.to_norm
        starts = [s for s, _ in self.ws]
        for s, e, label in spans:
            type_ = NER_TYPES.get(label)
            if type_ is None:
                continue
            ns, ne = to_norm(s), to_norm(e)
            first = bisect.bisect_right(starts, ns) - 1
            last = bisect.bisect_left(starts, ne) - 1
            if first < 0 or last < first:
                continue
            inside = {id(f): f for w in range(first, last + 1) if (f := self.covered.get(w)) is not None}
            if any(f.type != "NORP" or f.first < first or f.last > last for f in inside.values()):
                continue  # a gazetteer entity is already there
            if inside and (type_ not in ("ORG", "PER") or first == last):
                continue
            # an adjective inside a longer name (الاتحاد العربي السعودي، تركي الفيصل) belongs to the name
            country = next((f.actor.country for f in inside.values() if f.actor), None)
            for f in inside.values():
                self.found.remove(f)
                for w in range(f.first, f.last + 1):
                    del self.covered[w]
            first_start = max(ns, self.ws[first][0])
            w = self.wt[first]
            if self.has_proclitic(first) and not w.startswith("لل") and w not in load_name_tokens():
                first_start = next(p for p in (self.ws[first][0] + 1, self.ws[first][0] + 2) if p in self.splits)
            text = self.norm[first_start:self.ws[last][1]]
            entries = self.g.lookup(text)
            if type_ == "LOC" and first == last and not entries and (end := self.given_name_opens(first)):
                type_, last = "PER", end  # رياض الشعيبي: a given name the model read as a place opens a name
                text = self.norm[first_start:self.ws[last][1]]
            if entries and self.doc.text[self.doc.norm.to_orig(first_start, self.ws[last][1])[1] - 1] == "ه":
                entries = [e for e in entries if not (e.kind in ("place", "country") and e.alias.endswith("ة"))]
            if not entries and not self.name_like(first, last, type_):
                continue  # a verb, a function word or a description the model took for a name (كان، تمكنتا)
            if type_ == "PER" and first == last and self.named_before(self.wt[first], first) is not None:
                continue  # a surname of a person named earlier: the coreference pass links it
            actor, geo = self.describe_unknown(type_, text, entries, first, last)
            if type_ == "PER" and first in self.open_titles and actor is not None:
                office, title_country = self.open_titles[first]
                holder_country = title_country or self.title_holder_country(office)
                actor = title_actor(self.g, actor, office, holder_country, self.date)
            elif type_ == "PER" and actor is not None and actor.country is None:
                actor = replace(actor, country=self.apposed_nationality(first))
            if type_ == "ORG" and actor is not None and actor.country is None:
                actor = replace(actor, country=country, sector=self.head_sector(first))
            if type_ == "LOC" and geo is not None and geo.feature in ("city", "capital", "country"):
                type_ = "GPE"
            self.add(Found(first_start, self.ws[last][1], first, last, type_, actor=actor, geo=geo,
                           source="ner"))

    def apposed_nationality(self, i: int) -> str | None:
        """The country of a nationality adjective and a comma right before word i (نظيره الإيطالي، سيرجيو
        ماتارالا): a description of the person named after it, else None (without a comma, the adjective may
        belong to a verb's subject: اتهم الجيش الإسرائيلي فلان)."""
        if not i or self.adjacent(i - 1, i) or not self.adjacent(i - 1, i, comma=True):
            return None
        f = self.covered.get(i - 1)
        return f.actor.country if f is not None and f.type == "NORP" and f.actor is not None else None

    def given_name_opens(self, i: int) -> int | None:
        """The last word of a person's name that word i, a given name (a name token no gazetteer knows as a
        place), opens with more name words after it (رياض الشعيبي), else None."""
        if self.wt[i] not in load_name_tokens() or not self.adjacent(i, i + 1) or i + 1 in self.covered:
            return None
        end = self.name_run(i)
        return end if end is not None and end > i else None

    def named_before(self, w: str, i: int) -> Found | None:
        """The person found before word i whose name ``w`` ends (بوتفليقة after عبد العزيز بوتفليقة), or None."""
        return next((f for f in self.found
                     if f.type == "PER" and f.last > f.first and f.last < i and self.wt[f.last] == w), None)

    def name_like(self, first: int, last: int, type_: str) -> bool:
        """Whether words ``first..last``, unknown to the gazetteers, can be a name of type ``type_``.

        Not when a word at either end is a function word or reporting verb (``not_names.txt``), nor when a
        person's "name" opens with a title, description or group noun (المبعوث الأممي) or has neither a name
        token nor a rare word (شاهد عيان); a single word also not when it is an office or place word (الريف),
        a frequent news word (كان is "was" before it is Cannes; only a person may
        bear a frequent word that is an established given name: محمد), nor an inflected form of a frequent
        word (تمكنتا = تمكنت + dual ا; قالوا = قال + وا).
        """
        stop = not_names()
        if self.wt[first] in stop or self.wt[last] in stop:
            return False
        m = self.at.get(first)
        if type_ == "PER" and m is not None and any(self.g.offices[e.key].kind in DESCRIPTIONS
                                                    for e in m.of("office")):
            return False
        tokens, common = load_name_tokens(), load_common_words()
        if first != last:
            # a person's name has a name token or a rare word in it (not شاهد عيان)
            return type_ != "PER" or any(w in tokens or common.get(w, 0) < RARE
                                         for w in self.wt[first:last + 1] if w not in NAME_LINKS)
        w = self.wt[first]
        if w[:1] in "وف" and w[1:] in stop:
            return False
        office = self.g.offices.get(w) or self.g.offices.get(w[2:] if w.startswith("ال") else "")
        if office is not None:
            return False  # a title or place word alone (الريف، المدينة) names nothing
        if type_ == "PER" and tokens.get(w, ("", 0))[1] >= TRUSTED_NAME:
            return True
        if common.get(w, 0) >= FREQUENT:
            return False
        return not any(w.endswith(suf) and len(w) - len(suf) >= 3 and common.get(w[:-len(suf)], 0) >= RARE
                       for suf in VERB_SUFFIXES)

    def describe_unknown(self, type_: str, text: str, entries: list, first: int,
                         last: int) -> tuple[Actor | None, Geo | None]:
        if type_ == "PER":
            for e in entries:
                if e.kind == "person":
                    return person_actor(self.g, self.g.persons[e.key], self.date), None
            return Actor(name=romanize(text), kind="person"), None
        if type_ == "LOC":
            for e in entries:
                if e.kind == "place":
                    return None, place_geo(self.g, int(e.key))
                if e.kind == "country":
                    return country_actor(self.g, e.key), country_geo(self.g, e.key)
            return None, Geo(name=romanize(text), country=self.nearby_country(first, last), feature="place")
        if type_ == "ORG":
            return Actor(name=romanize(text), kind="organization"), None
        return None, None

    def head_sector(self, first: int) -> str | None:
        """The sector of an institution noun opening a name (وزارة …، جامعة …), when it is one."""
        m = self.at.get(first)
        office = self.g.offices.get(m.of("office")[0].key) if m and m.of("office") else None
        return office.sector if office and office.kind in ("inst", "media") else None

    # ---- pass 3a
    def standalone_pass(self) -> None:
        """An army, security or government body named without a nationality (الجيش الوطني، الحرس الوطني،
        وزارة الداخلية: ``standalone`` in ``title_context.tsv``), with a noun naming its members before it
        (قوات الجيش الوطني، أعوان الحرس الوطني، وحدات الأمن: ``unit``), is an ORG of its own; pass 7 gives it
        its sentence's or article's country. Local news names its own forces this way, and the events stage
        finds parties among the entities only. Not when a definite nisba adjective the gazetteers do not know
        follows (الجيش الإسلامي، الجيش الشعبي: a longer name) unless it is one of ``body_adjective`` that
        name the same body in full (وزارة الدفاع الوطني), nor after a noun that governs it (قائد الجيش)."""
        standalone, unit_only = title_context("standalone"), title_context("unit_only")
        for m in self.matches:
            keys = [e.key for e in m.of("office") if e.key in standalone or e.key in unit_only]
            if not keys or m.first in self.covered:
                continue
            nxt, last, end = m.last + 1, m.last, m.end
            if (nxt < len(self.wt) and self.adjacent(m.last, nxt) and self.wt[nxt].startswith("ال")
                    and self.wt[nxt].endswith(("ي", "يه")) and nxt not in self.at):
                if self.wt[nxt] not in title_context("body_adjective"):
                    continue
                last, end = nxt, self.ws[nxt][1]  # وزارة الدفاع الوطني: the same ministry, named in full
            first, start = m.first, m.start
            unit = self.unit_before(m.first)
            if unit is not None:
                first, start = m.first - 1, unit
            elif keys[0] not in standalone:
                continue
            if self.governed(first):
                continue
            actor = office_actor(self.g, self.g.offices[keys[0]], None, kind="organization")
            if self.add(Found(start, end, first, last, "ORG", actor=actor)) is not None:
                self.standalone.add(first)

    def unit_before(self, i: int) -> int | None:
        """The normalized start of a noun naming a body's members right before word i (قوات، وحدات، أعوان;
        after a proclitic: وأعوان), else None."""
        k = i - 1
        if k < 0 or k in self.covered or not self.adjacent(k, i):
            return None
        w, units = self.wt[k], title_context("unit")
        if w in units:
            return self.ws[k][0]
        return self.ws[k][0] + 1 if w[:1] in "وفبل" and w[1:] in units else None

    # ---- pass 3b
    def kunya_pass(self) -> None:
        """A name with its nom de guerre (سيف الله بن حسين المكنى بأبي عياض) is one person: the name before the
        cue (found already, or a run of name words) and the kunya after it (أبو/أبي + a word) get one actor,
        and the coreference pass links a later أبو عياض to it."""
        if ALIAS_CUES.isdisjoint(self.wt):
            return  # most articles: one pass in C instead of a Python loop over the words
        for i, w in enumerate(self.wt):
            if w not in ALIAS_CUES or i == 0 or not self.adjacent(i - 1, i):
                continue
            k = self.kunya_after(i)
            if k is None:
                continue
            person = self.covered.get(i - 1)
            if person is None:
                start = next((j for j in range(max(0, i - MAX_NAME_WORDS), i) if self.name_run(j) == i - 1), None)
                if start is None:
                    continue
                name = self.norm[self.ws[start][0]:self.ws[i - 1][1]]
                person = self.add(Found(self.ws[start][0], self.ws[i - 1][1], start, i - 1, "PER",
                                        actor=Actor(name=romanize(name), kind="person"), source="kunya"))
            if person is None or person.type != "PER":
                continue
            first, kstart = k
            self.add(Found(kstart, self.ws[first + 1][1], first, first + 1, "PER", actor=person.actor,
                           source="coref"))

    def kunya_after(self, i: int) -> tuple[int, int] | None:
        """(first word, normalized start) of a kunya right after word i (بأبي عياض، ب أبو عياض), or None."""
        j = i + 1
        if self.adjacent(i, j) and self.wt[j] == "ب":
            i, j = j, j + 1
        if not self.adjacent(i, j) or not self.adjacent(j, j + 1) or j in self.covered or j + 1 in self.covered:
            return None
        w = self.wt[j]
        if w in KUNYA:
            return j, self.ws[j][0]
        if w[:1] == "ب" and w[1:] in KUNYA:
            return j, self.ws[j][0] + 1
        return None

    # ---- pass 4
    def placeword_pass(self) -> None:
        for m in self.matches:
            offices = m.of("office")
            if not offices or self.g.offices[offices[0].key].kind != "placeword":
                continue
            i = m.last + 1
            if not self.adjacent(m.last, i) or i in self.covered or i in self.at:
                continue
            w = self.wt[i]
            count = load_common_words().get(w, 0)
            if (w.endswith("ه") or w in not_names() or len(w) < 3 or self.has_proclitic(i)
                    or count >= (RARE_DEFINITE if w.startswith("ال") else RARE)
                    or (w.startswith("ال") and w.endswith(("ين", "ات")))):
                continue  # an adjective (ولاية خامسة), a frequent word, a plural (مخيم اللاجئين) is not a name
            office = self.g.offices[offices[0].key]
            last = i
            if w in title_context("place_head") and self.adjacent(i, i + 1) and i + 1 not in self.covered \
                    and i + 1 not in self.at and load_common_words().get(self.wt[i + 1], 0) < RARE_DEFINITE:
                last = i + 1  # بلدة كفر داعل: كفر، عين، تل … open a two-word name
            name = self.norm[self.ws[i][0]:self.ws[last][1]]
            geo = Geo(name=romanize(name), country=self.nearby_country(i, last), feature=office.en)
            self.add(Found(self.ws[i][0], self.ws[last][1], i, last, "LOC", geo=geo, source="placeword"))

    def nearby_country(self, first: int, last: int) -> str | None:
        """The country of the closest place: a nationality adjective right after the name, which agrees with
        the place (بلدية غريان الليبية), or the next three words (حي X بروما), then backwards within the
        sentence, then forwards within it (مدينة الزبداني الواقعة في ريف دمشق)."""
        nat = self.covered.get(last + 1)
        if nat is not None and nat.type == "NORP" and nat.first == last + 1 and nat.actor is not None \
                and self.adjacent(last, last + 1):
            return nat.actor.country
        for j in range(last + 1, min(last + 4, len(self.wt))):
            f = self.covered.get(j)
            if f is not None and f.geo is not None:
                return f.geo.country
        sentence = self.doc.sentence_at(self.doc.norm.to_orig_start(self.ws[first][0]))
        lo = self.doc.norm.to_norm(sentence.start) if sentence else 0
        hi = self.doc.norm.to_norm(sentence.end) if sentence else len(self.norm)
        for f in reversed(self.found):  # then backwards, within the sentence
            if lo <= f.start and f.last < first and f.geo is not None and f.geo.country:
                return f.geo.country
        ahead = [f for f in self.found if last < f.first and f.end <= hi and f.geo is not None and f.geo.country]
        return min(ahead, key=lambda f: f.first).geo.country if ahead else None

    # ---- pass 5
    def coref_pass(self) -> None:
        surnames: dict[str, Found] = {}
        for f in self.found:
            if f.type == "PER" and f.last > f.first:
                w = self.wt[f.last]
                if (len(w) >= 3 and w not in not_names() and w not in title_context("not_surname")
                        and self.wt[f.last - 1] not in NAME_LINKS):
                    surnames.setdefault(w, f)  # not a father's name (بن محمد), a regnal number, الدين
        if not surnames:
            return
        # every written form of each surname (with its proclitics): then one lookup per word
        forms = {}
        for name, f in surnames.items():
            for pre in PROCLITIC_FORMS:
                if len(name) > 3 or not pre:
                    forms.setdefault(pre + name, (len(pre), f))
        covered = self.covered
        for i, w in enumerate(self.wt):
            hit = forms.get(w)
            if hit is None or hit[1].first >= i:
                continue
            strip, f = hit
            before = self.wt[f.last - 1]  # the person's name ends in a kunya (… المكنى بأبي عياض، أبي عياض)
            kunya = (i and self.wt[i - 1] in KUNYA and i - 1 not in covered
                     and (before in KUNYA or (before[:1] == "ب" and before[1:] in KUNYA)))
            if not strip and i and self.wt[i - 1] in NAME_LINKS and self.adjacent(i - 1, i) and not kunya:
                continue  # سيف بن أحمد آل ثاني: the family name inside another person's name
            other = covered.get(i)
            if other is not None:
                # a surname that is also an adjective (السوداني، التركي) names the person when no noun
                # precedes it: after a reporting verb, a punctuation mark or at the start
                if other.type != "NORP" or other.first != other.last or not self.subject_position(i):
                    continue
                self.found.remove(other)
                del covered[i]
            first, start = i, self.ws[i][0] + strip
            if not strip and kunya and self.adjacent(i - 1, i):
                first, start = i - 1, self.ws[i - 1][0]  # أبو عياض after المكنى بأبي عياض: the whole kunya
            self.add(Found(start, self.ws[i][1], first, i, "PER", actor=f.actor, source="coref"))

    def subject_position(self, i: int) -> bool:
        """Word i starts a clause or follows a function word or reporting verb (وقال السوداني)."""
        if i == 0 or not self.adjacent(i - 1, i):
            return True
        prev = self.wt[i - 1]
        return prev in not_names() or (prev[:1] in "وف" and prev[1:] in not_names())

    # ---- pass 7
    def article_country_pass(self) -> None:
        """People and organisations that name no country get one: an organisation the place after it
        (أنصار الشريعة في تونس → TUN), else its sentence's (:meth:`sentence_party_country`), anyone else the
        article's country (:func:`story_country`). A body named without a nationality (الحكومة، الوزارة) in a
        local outlet's story about home is home's before its sentence's: local news names its own government
        bare, and a foreign party in the same sentence (الحوار مع الجانب الليبي) is whom it deals with. The
        story counted without nationality adjectives decides (a story naming Libya only as الجانب الليبي،
        الليبيين stays home's)."""
        story = story_country(self.found, self.g, self.doc.article.source)
        home = outlet_country(self.doc.article.source) if self.standalone else None
        if home is not None and story_country([f for f in self.found if f.type != "NORP"], self.g,
                                              self.doc.article.source) not in (None, home):
            home = None
        for f in self.found:
            a = f.actor
            if f.type not in ("PER", "ORG") or a is None or a.country or a.kind not in ("person", "organization") \
                    or (f.type == "PER" and a.id is not None):
                continue  # a known person without a role keeps no country: the gazetteer knows better
            if f.type == "ORG":
                local = home if f.first in self.standalone else None
                country = self.place_after(f.last) or local or self.sentence_party_country(f) or story
            else:
                country = story
            if country:
                f.actor = replace(a, country=country)

    def sentence_party_country(self, f: Found) -> str | None:
        """The country most entities of ``f``'s sentence name, when one does more than any other (المقاومة
        الشعبية beside الحوثيين and صالح is Yemen's, whatever country the article is about)."""
        sent = self.doc.sentence_at(self.doc.norm.to_orig_start(f.start))
        if sent is None:
            return None
        lo, hi = self.doc.norm.to_norm(sent.start), self.doc.norm.to_norm(sent.end)
        counts: dict[str, int] = {}
        for e in self.found:
            c = entity_country(e) if e is not f and lo <= e.start < hi else None
            if c in self.g.countries:
                counts[c] = counts.get(c, 0) + 1
        return dominant(counts, ratio=1, least=1)

    def place_after(self, i: int) -> str | None:
        """The country of a place right after word i behind في or ب (في تونس، بليبيا), else None."""
        j = i + 1
        if self.adjacent(i, j) and self.wt[j] == "في":
            j += 1
            if not self.adjacent(j - 1, j):
                return None
        elif not (self.adjacent(i, j) and self.wt[j][:1] == "ب" and self.has_proclitic(j)):
            return None
        f = self.covered.get(j)
        if f is None or f.first != j or f.type not in ("GPE", "LOC"):
            return None
        return (f.geo.country if f.geo else None) or (f.actor.country if f.actor else None)

    def entities(self) -> tuple[Entity, ...]:
        aid = self.doc.article.id
        out = []
        for f in sorted(self.found, key=lambda f: f.start):
            s, e = self.doc.norm.to_orig(f.start, f.end)
            out.append(Entity(id=make_id(aid, "ent", s, e), text=self.doc.text[s:e], start=s, end=e, type=f.type,
                              actor=f.actor, geo=f.geo, source=f.source))
        return tuple(out)


class ProcliticSplits:
    """Where the tokenizer ended a token's proclitics, asked with normalized offsets (``offset in splits``).

    Kept as original offsets, read from each token's shared clitic layout (one tuple per surface form): only
    the few offsets the matcher asks about are mapped, instead of every token's.
    """

    __slots__ = ("orig", "to_orig")

    def __init__(self, doc: Doc):
        self.orig = {t[1] + _proclitic_end(t[5]) for t in doc.tokens if t[5] and t[5][2] == "proclitic"}
        self.to_orig = doc.norm.to_orig_start

    def __contains__(self, norm_offset: int) -> bool:
        return self.to_orig(norm_offset) in self.orig


def proclitic_splits(doc: Doc) -> ProcliticSplits | None:
    """The token's proclitic ends (None without tokens: then any split is tried)."""
    return ProcliticSplits(doc) if doc.tokens else None


@lru_cache(maxsize=65536)
def _proclitic_end(layout: tuple) -> int:
    """Offset, relative to its token, where the proclitics of a clitic layout (text, end, kind …) end."""
    end = 0
    for i in range(0, len(layout), 3):
        if layout[i + 2] != "proclitic":
            break
        end = layout[i + 1]
    return end


def title_actor(g: Gazetteer, actor: Actor, office: Office, country: str | None, date: str | None) -> Actor:
    """A person's actor completed from the title before the name.

    A known person with several offices on that date (Qatar's prime minister is also its foreign minister)
    takes the one the title names; an unknown person takes country, sector and role from the title.
    """
    p = g.persons.get(actor.id) if actor.id else None
    if p is not None:
        for r in p.roles:
            if r.role == office.role and (date is None or r.valid_on(date)):
                return replace(actor, country=r.country, sector=r.sector, role=r.role)
        return actor
    return replace(actor, country=actor.country or country, sector=actor.sector or office.sector,
                   role=actor.role or office.role)


@lru_cache(maxsize=8192)
def normalized_alias(alias: str) -> str:
    """An alias as the data writes it, normalized (once per alias: matches recur in every article)."""
    return normalize(alias)


def family_shaped(w: str) -> bool:
    """A word that can be a family name when the context says so: no article (قسيلة، منصر) or a nisba with
    it (الشعيبي، الحامدي); a definite noun of another shape is a word of the sentence (التمديد، الفلاحين)."""
    return not w.startswith("ال") or w.endswith("ي")


def function_word(w: str, stop: frozenset[str]) -> bool:
    """A word of ``not_names.txt`` that can not stand inside an organisation's name: not the definite
    adjectives the list also holds (حزب الأمل الجديد)."""
    return w in stop and not w.startswith("ال")


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """Outlet id (lower case, no spaces) → the country it reports from (``outlets.tsv``)."""
    return {r[0]: r[1] for r in rows("outlets.tsv")}


def outlet_country(source: str | None) -> str | None:
    """The home country of a local outlet (``outlets.tsv``; the id is the source name lower-cased without
    spaces), else None."""
    return outlets().get(source.lower().replace(" ", "")) if source else None


def story_country(ents: Iterable, g: Gazetteer, source: str | None) -> str | None:
    """The country an article is about: the one its entities name clearly most often (:func:`country_votes`);
    else, for an article of a local outlet (``outlets.tsv``) that names its outlet's country at least as often as any other (local news naming no
    country, or once حركة النهضة, or تونس once beside بنما once), the outlet's country: a local outlet's
    news is about home unless it names another country more often."""
    counts = country_votes(ents, g)
    country = dominant(counts, ratio=ARTICLE_COUNTRY_RATIO)
    home = outlet_country(source) if country is None else None
    if home is not None and counts[home] >= max(counts.values(), default=0):
        return home
    return country


def entity_country(e) -> str | None:
    """The country an entity (:class:`Found` or :class:`~marsad.records.Entity`) names: its place's, else its
    actor's."""
    return (e.geo.country if e.geo else None) or (e.actor.country if e.actor else None)


def country_votes(ents: Iterable, g: Gazetteer) -> Counter:
    """How many of ``ents`` name each country (:func:`entity_country`). The article's own country is the one
    they name at least ``ARTICLE_COUNTRY_MIN`` times and ``ARTICLE_COUNTRY_RATIO`` times as often as any other.

    Every entity with a country votes: countries and capitals, cities and regions (their geo), nationality
    adjectives, organisations and people of a country. A local news item seldom names its own country but
    often its towns, parties and office holders (سليانة، حزب نداء تونس، الباجي قايد السبسي), so all of them count.
    NGEC likewise gives the agents that name no country the country of the story; the ratio keeps an article
    about two countries (a Tunisian statement on an attack in Egypt) from lending either to everyone.
    ``ents`` are :class:`Found` or :class:`~marsad.records.Entity` (both have type, actor and geo).
    """
    return Counter(c for e in ents if (c := entity_country(e)) in g.countries)


def dominant(counts: dict[str, int], *, ratio: float, least: int = ARTICLE_COUNTRY_MIN) -> str | None:
    """The key counted at least ``least`` times, more often than any other and at least ``ratio`` times as
    often, else None."""
    if not counts:
        return None
    top = max(counts, key=lambda c: (counts[c], c))
    second = max((n for c, n in counts.items() if c != top), default=0)
    n = counts[top]
    return top if n >= least and n > second and n >= ratio * second else None


def find_entities(doc: Doc, g: Gazetteer, ner_spans: Iterable[tuple[int, int, str]] = ()) -> tuple[Entity, ...]:
    """Every entity of the article, with its actor and place (see the module docstring for the passes)."""
    x = Extractor(doc, g)
    x.gazetteer_pass()
    x.title_pass()
    x.ner_pass(ner_spans)
    x.standalone_pass()
    x.kunya_pass()
    x.placeword_pass()
    x.coref_pass()
    x.bare_title_pass()
    x.article_country_pass()
    return x.entities()


def _marks(s: str) -> dict[int, str]:
    """Letter index → the diacritics on it."""
    out: dict[int, str] = {}
    i = -1
    for ch in s:
        if ch in COMBINING_DELETED:
            if i >= 0:
                out[i] = out.get(i, "") + ch
        elif not unicodedata.combining(ch):
            i += 1
    return out


def diacritic_score(text: str, alias: str) -> int:
    """How well the diacritics written in ``text`` agree with those of an alias (0 when either has none).

    عُمان (damma) agrees with the alias عُمان (Oman) and disagrees with عَمَّان (Amman).
    """
    om = _marks(text)
    if not om:
        return 0
    am = _marks(alias)
    if not am:
        return 0
    return sum(1 if set(m) <= set(am.get(i, "")) else -1 for i, m in om.items())
