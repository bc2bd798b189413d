"""Name-list membership for the NER features: person-name tokens, country and city name tokens.

Built by ``python -m marsad.entities.ner.namelists`` from ``../shared/data/gazetteers``:

* ``per``: Arabic person-name tokens mined from Wikidata labels (steveash/NETransliteration-COLING2018, CC0);
* ``cty``/``cty_part``: Arabic country names (datasets/country-codes, PDDL: ``official_name_ar``, UNTERM short
  and formal names) as one-word names or as words of longer names;
* ``city``/``city_part``: Arabic city names (jamsshhayd/world-cities-translations, CC BY 4.0), a noisy list
  used only as a *candidate* signal: the CRF learns how much to trust it;
* ``nat``, ``gplace``/``gplace_part``, ``org``/``org_part``: from the entities stage's curated gazetteer
  (:mod:`marsad.entities.gazetteers`: nationality adjectives in all their forms, GeoNames places, named
  organisations; Apache-2.0 curation over GeoNames CC BY 4.0 and country-codes PDDL);
* ``org_cue``: words that head organisation names (``data/cues.tsv``, curated).

Written to ``data/namelists.tsv.gz`` (``normalized token<TAB>comma-separated lists``). Only the lists are
features; resolving names to countries and places is the entities stage's job, with its own curated gazetteers.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

from ...text.normalize import normalize

GAZ = Path("../shared/data/gazetteers")
OUT = Path(__file__).parent / "data" / "namelists.tsv.gz"
_ADMIN = re.compile(r"^(محافظة|ولاية|مقاطعة|منطقة|إقليم|مدينة)\s+")
_PAREN = re.compile(r"\(.*?\)")


def _add_name(lists: dict[str, set[str]], name: str, tag: str) -> None:
    words = [normalize(w) for w in _PAREN.sub(" ", name).split()]
    words = [w for w in words if len(w) >= 2]
    if len(words) == 1:
        lists[words[0]].add(tag)
    else:
        for w in words:
            lists[w].add(tag + "_part")


def build(gaz: Path) -> dict[str, set[str]]:
    lists: dict[str, set[str]] = defaultdict(set)
    pdir = gaz / "wikidata-person-name-tokens-ar"
    for f in ("wd_arabic_80", "wd_arabic_20", "wd_arabic.normalized.aligned.tokens"):
        for line in (pdir / f).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 2:
                w = normalize(cols[1].replace(" ", ""))
                if len(w) >= 2:
                    lists[w].add("per")
    with open(gaz / "country-codes" / "country-codes.csv", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            for col in ("official_name_ar", "UNTERM Arabic Short", "UNTERM Arabic Formal"):
                if row.get(col):
                    _add_name(lists, row[col], "cty")
    with open(gaz / "world-cities-ar" / "world-cities.csv", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("CityNameAr"):
                _add_name(lists, _ADMIN.sub("", row["CityNameAr"].strip()), "city")
            if row.get("CountryNameAr"):
                _add_name(lists, row["CountryNameAr"], "cty")
    _add_gazetteer(lists)
    for line in (Path(__file__).parent / "data" / "cues.tsv").read_text(encoding="utf-8").splitlines():
        if line and line[0] != "#":
            word, tag = line.split("\t")
            lists[normalize(word)].add(tag)
    return lists


#: gazetteer entry kinds that become name lists (nationality adjectives, places, organisations)
GAZ_KINDS = {"nat": "nat", "place": "gplace", "org": "org"}


def _add_gazetteer(lists: dict[str, set[str]]) -> None:
    """One-word aliases of the entities gazetteer as ``nat``/``gplace``/``org``, words of longer ones as
    ``…_part`` (nationality phrases excepted: only the adjective itself is a cue)."""
    from ..gazetteers import LEAF, load_gazetteer

    def walk(node: dict, words: tuple[str, ...]) -> None:
        for key, child in node.items():
            if key == LEAF:
                for e in child:
                    tag = GAZ_KINDS.get(e.kind)
                    if tag is None or (len(words) > 1 and tag == "nat"):
                        continue
                    for w in words:
                        if len(w) >= 2:
                            lists[w].add(tag if len(words) == 1 else tag + "_part")
            else:
                walk(child, words + (key,))

    walk(load_gazetteer().trie, ())


def write(lists: dict[str, set[str]], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# marsad NER name lists (derived): normalized token<TAB>lists (per, cty, cty_part, city, city_part, "
                "nat, gplace, gplace_part, org, org_part, org_cue)\n")
        f.write("# sources in ../shared/data/gazetteers: wikidata-person-name-tokens-ar (CC0), "
                "country-codes (PDDL), world-cities-ar (CC BY 4.0; noisy, candidates only); marsad.entities "
                "gazetteer (curated, Apache-2.0; GeoNames CC BY 4.0); data/cues.tsv (curated). No SaudiNewsNet.\n")
        for w in sorted(lists):
            f.write(f"{w}\t{','.join(sorted(lists[w]))}\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gazetteers", type=Path, default=GAZ)
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    lists = build(args.gazetteers)
    write(lists, args.out)
    print(f"wrote {len(lists):,} tokens to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
