"""Round 5: the Saudi-led coalition in Yemen is a Saudi military party; the UN envoy is the UN; big
sub-national regions of major countries (Quebec, Scotland, Catalonia) resolve to their country."""
from __future__ import annotations


def test_arab_coalition_is_saudi_military(code, entity):
    doc = code("شنت طائرات التحالف العربي غارات على مواقع الحوثيين في محافظة صعدة اليمنية.")
    e = entity(doc, "التحالف العربي")
    assert (e.actor.country, e.actor.sector) == ("SAU", "MIL")


def test_coalition_led_by_saudi_arabia(code, entity):
    doc = code("أعلنت قوات التحالف بقيادة السعودية اعتراض صاروخ أطلق من الأراضي اليمنية.")
    e = entity(doc, "قوات التحالف بقيادة السعودية")
    assert e.actor.country == "SAU"


def test_un_envoy_is_the_un_not_the_venue(code, entity):
    doc = code("دعا المبعوث الأممي إلى اليمن الأطراف إلى استئناف المشاورات في جنيف الأسبوع المقبل.")
    e = entity(doc, "المبعوث الأممي")
    assert e.actor.country == "UNO"


def test_quebec_and_scotland_resolve_to_their_country(code, entity):
    doc = code("استقبل رئيس حكومة كيبيك وفدا من اسكتلندا لبحث التعاون الاقتصادي.")
    assert entity(doc, "كيبيك").geo.country == "CAN"
    assert entity(doc, "اسكتلندا").geo.country == "GBR"


def test_municipality_takes_the_adjective_after_it(code, entity):
    doc = code("داهمت قوات الأمن ورشة في بلدية الزنتان الليبية واعتقلت عاملين.")
    assert entity(doc, "الزنتان").geo.country == "LBY"


def test_anti_crime_office_of_a_local_town_is_that_countrys_police(code, entity):
    doc = code("ألقت وحدة من مكتب مكافحة الجريمة ببلدية الزنتان الليبية القبض على مهرب مصري.")
    e = entity(doc, "مكتب مكافحة الجريمة")
    assert (e.type, e.actor.country, e.actor.sector) == ("ORG", "LBY", "COP")


def test_un_envoy_named_in_his_term_is_the_un(code, entity):
    doc = code("أجرى إسماعيل ولد الشيخ أحمد محادثات مع وفد الحكومة في الرياض.", date="2016-05-10")
    e = entity(doc, "إسماعيل ولد الشيخ أحمد")
    assert (e.type, e.actor.country, e.actor.role) == ("PER", "UNO", "envoy")
