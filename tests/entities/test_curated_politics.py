"""Curated office holders (2011-2025) and regional parties resolve by name, title and date."""
from __future__ import annotations

import pytest

from marsad.entities.gazetteers import load_gazetteer
from marsad.entities.resolve import resolve_span

TUNIS = ("قال الرئيس الباجي قائد السبسي إن الحوار مستمر، فيما التقى وزير الخارجية خميس الجهيناوي نظيره الليبي. "
         "وأكد السبسي أن رئيس الحكومة يوسف الشاهد سيزور الجزائر.")
PARTIES = ("وقال قيادي في حركة النهضة إن نداء تونس وآفاق تونس وحزب المسار لم يحسموا موقفهم، "
           "وانتقد رئيس النهضة الحكومة، فيما دعا الاتحاد العام التونسي للشغل إلى الإضراب.")
JD = ("هنأ حزب العدالة والتنمية المغربي حزب العدالة والتنمية التركي بفوزه، "
      "وقال متحدث إن حزب العدالة والتنمية لم يعلق بعد على سد النهضة.")


def test_head_of_state_by_name_on_a_date_in_office(code, find):
    doc = code(TUNIS, date="2016-05-01")
    a = resolve_span(doc, *find(doc, "الباجي قائد السبسي"))
    assert (a.id, a.name, a.country, a.sector, a.role) == (
        "ESSEBSI", "Beji Caid Essebsi", "TUN", "GOV", "head_of_state")
    again = resolve_span(doc, *find(doc, "السبسي", 2))
    assert again.id == "ESSEBSI"


def test_foreign_minister_and_head_of_government_are_tunisian(code, find):
    doc = code(TUNIS, date="2016-09-15")
    fm = resolve_span(doc, *find(doc, "خميس الجهيناوي"))
    assert (fm.name, fm.country, fm.role) == ("Khemaies Jhinaoui", "TUN", "foreign_minister")
    pm = resolve_span(doc, *find(doc, "يوسف الشاهد"))
    assert (pm.name, pm.country, pm.role) == ("Youssef Chahed", "TUN", "head_of_government")


def test_a_later_date_does_not_give_the_office(code, find):
    doc = code(TUNIS, date="2025-05-01")
    a = resolve_span(doc, *find(doc, "الباجي قائد السبسي"))
    assert a.name == "Beji Caid Essebsi" and a.country == "TUN"
    assert a.sector != "GOV" and a.role != "head_of_state"


def test_title_alone_names_the_holder_on_the_date(code, find):
    text = "وقال وزير الخارجية التونسي إن بلاده ترفض التدخل."
    for date, name in (("2015-06-01", "Taieb Baccouche"), ("2017-06-01", "Khemaies Jhinaoui"),
                       ("2023-06-01", "Nabil Ammar")):
        doc = code(text, date=date)
        assert resolve_span(doc, *find(doc, "وزير الخارجية التونسي")).name == name, date


def test_a_son_with_his_fathers_surname_is_not_the_father(code, find):
    doc = code("وقال حافظ قائد السبسي إن الحزب موحد.", date="2016-05-01")
    a = resolve_span(doc, *find(doc, "حافظ قائد السبسي"))
    assert a.id == "HCESSEBSI" and a.country == "TUN" and a.role != "head_of_state"


def test_parties_resolve_to_country_and_sector(code, find):
    doc = code(PARTIES, date="2016-05-01")
    for name, oid in (("حركة النهضة", "NAHDHA"), ("نداء تونس", "NIDAA"), ("آفاق تونس", "AFEK"),
                      ("حزب المسار", "MASSAR")):
        a = resolve_span(doc, *find(doc, name))
        assert (a.id, a.country, a.sector, a.kind) == (oid, "TUN", "PTY", "organization"), name
    ugtt = resolve_span(doc, *find(doc, "الاتحاد العام التونسي للشغل"))
    assert (ugtt.country, ugtt.sector) == ("TUN", "LAB")


def test_bare_nahda_needs_a_cue(code, entity, find):
    doc = code(PARTIES, date="2016-05-01")
    assert resolve_span(doc, *find(doc, "النهضة", 2)).id == "NAHDHA"  # رئيس النهضة
    dam = code("وقالت إثيوبيا إن سد النهضة سيكتمل.", date="2016-05-01")
    s, e = find(dam, "النهضة")
    assert not [x for x in dam.entities if x.start < e and x.end > s]


def test_justice_and_development_only_when_qualified(code, find):
    doc = code(JD, date="2016-05-01")
    assert resolve_span(doc, *find(doc, "حزب العدالة والتنمية المغربي")).country == "MAR"
    assert resolve_span(doc, *find(doc, "حزب العدالة والتنمية التركي")).country == "TUR"
    s, e = find(doc, "حزب العدالة والتنمية", 3)
    assert not [x for x in doc.entities if x.start < e and x.end > s and x.text.startswith("حزب")]


@pytest.mark.parametrize("country,role,date,pid", [
    ("TUN", "head_of_state", "2013-01-01", "MARZOUKI"),
    ("TUN", "head_of_government", "2015-06-01", "ESSID"),
    ("EGY", "head_of_government", "2016-01-01", "SHISMAIL"),
    ("SAU", "head_of_government", "2016-01-01", "SALMAN"),
    ("SAU", "foreign_minister", "2019-03-01", "ASSAF"),
    ("GBR", "foreign_minister", "2017-01-01", "BJOHNSON"),
    ("FRA", "foreign_minister", "2016-06-01", "AYRAULT"),
    ("USA", "foreign_minister", "2017-06-01", "TILLERSON"),
    ("TUR", "head_of_government", "2017-01-01", "YILDIRIM"),
    ("IRQ", "head_of_state", "2016-01-01", "MASUM"),
    ("DZA", "head_of_government", "2017-06-01", "TEBBOUNE"),
    ("ISR", "foreign_minister", "2021-01-01", "ASHKENAZI"),
    ("LBY", "head_of_state", "2011-06-01", "GADDAFI"),
])
def test_one_holder_per_office_and_date(country, role, date, pid):
    assert load_gazetteer().holder(country, role, date).id == pid


def test_holder_of_an_office_held_twice():
    assert load_gazetteer().holder("TUN", "foreign_minister", "2021-06-01").id == "JERANDI"


def test_curated_offices_never_overlap():
    """Two curated holders of a one-holder office on the same day would leave a bare title unresolved."""
    g = load_gazetteer()
    for (country, role), people in g.holders.items():
        if role not in ("head_of_state", "head_of_government", "foreign_minister"):
            continue
        terms = sorted((r.start or "", r.end or "9999", p.id) for p in people if p.source == "curated"
                       for r in p.roles if (r.country, r.role) == (country, role))
        for (s1, e1, p1), (s2, _e2, p2) in zip(terms, terms[1:]):
            assert e1 <= s2 or p1 == p2, (country, role, p1, p2)


def test_earlier_office_is_known_before_the_later_one(code, find):
    """A person in the news before the office that made them curated gets the office held then."""
    doc = code("وقال جان إيف لودريان إن فرنسا سترسل طائرات، فيما انتقدت إيفيت كوبر الحكومة.", date="2015-11-20")
    ld = resolve_span(doc, *find(doc, "جان إيف لودريان"))
    assert (ld.country, ld.role) == ("FRA", "defense_minister")
    yc = resolve_span(doc, *find(doc, "إيفيت كوبر"))
    assert yc.country == "GBR" and yc.role != "foreign_minister"
