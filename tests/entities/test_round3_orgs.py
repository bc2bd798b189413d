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


def test_houthi_forces_and_militias_are_the_houthis(code, find):
    doc = code("اعتقلت قوات حوثية عشرة ضباط، فيما قصفت الميليشيات الحوثية حي الروضة.", date="2015-08-08")
    for name in ("حوثية", "الميليشيات الحوثية"):
        a = resolve_span(doc, *find(doc, name))
        assert a is not None and (a.country, a.sector) == ("YEM", "REB"), name


def test_tunisias_assembly_is_its_legislature(code, find):
    doc = code("وصادق مجلس نواب الشعب على الميزانية.", date="2017-03-01")
    a = resolve_span(doc, *find(doc, "مجلس نواب الشعب"))
    assert a is not None and (a.country, a.sector) == ("TUN", "LEG")
