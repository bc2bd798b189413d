"""Organisations the third real-article round found unresolved (facts: names and countries)."""
from __future__ import annotations

from marsad.entities.resolve import resolve_span

TEXT = ("وأعلن حزب البناء الوطني انسحابه من الائتلاف، فيما دعت حركة البناء الوطني إلى الحوار، "
        "ووزع مركز الملك سلمان للإغاثة والأعمال الإنسانية سلالا غذائية.")


def test_construction_parties_and_ksrelief_resolve(code, find):
    doc = code(TEXT, date="2016-05-01")
    for name, country, sector in (("حزب البناء الوطني", "TUN", "PTY"), ("حركة البناء الوطني", "DZA", "PTY"),
                                  ("مركز الملك سلمان للإغاثة والأعمال الإنسانية", "SAU", "GOV")):
        a = resolve_span(doc, *find(doc, name))
        assert a is not None and (a.country, a.sector) == (country, sector), name
