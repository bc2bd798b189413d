"""Round 4: bodies named without a nationality (a ministry named in full, the government, courts, the
People's Assembly and its members) are parties of the story's country; a local outlet's bare government is
home's even beside a foreign counterpart."""
from __future__ import annotations

from marsad.records import Article


def test_ministry_named_in_full_with_national_adjective(code, entity):
    doc = code("أكدت وزارة التربية الوطنية أن امتحانات الباكالوريا ستجري في موعدها بولاية قفصة.")
    e = entity(doc, "وزارة التربية الوطنية")
    assert e.type == "ORG" and e.text == "وزارة التربية الوطنية"
    assert e.actor.country == "TUN"


def test_unknown_nisba_still_makes_a_longer_name(code):
    doc = code("تبنى الجيش الإسلامي هجوما في مدينة حلب.")
    assert all(e.text != "الجيش" for e in doc.entities)


def test_criminal_court_and_court_with_adjective_take_the_country(code, entity):
    doc = code("أجلت محكمة الجنايات في بغداد النظر في قضية الفساد، وقالت المحكمة الابتدائية إن الحكم سيصدر لاحقا.")
    assert entity(doc, "محكمة الجنايات").actor.country == "IRQ"
    court = entity(doc, "المحكمة الابتدائية")
    assert court.text == "المحكمة الابتدائية" and court.actor.sector == "JUD"


def test_members_of_the_peoples_assembly(code, entity):
    doc = code("طالب عدد من نواب مجلس الشعب السوري بمحاسبة المسؤولين، وقال نواب مجلس الشعب إن دمشق ترفض ذلك.")
    e = entity(doc, "نواب مجلس الشعب إن")
    assert e.text == "نواب مجلس الشعب" and (e.actor.country, e.actor.sector) == ("SYR", "LEG")


def test_local_outlets_government_beside_a_foreign_counterpart(ent_nlp):
    text = ("قال وزير التجارة إن الحكومة تسعى إلى فتح قنوات الحوار مع الجانب الجزائري بشأن المعبر "
            "وإن المفاوضات مع الجزائريين متواصلة.")
    doc = ent_nlp(Article.create(id="t", text=text, date="2017-01-13", source="Jawhara FM"))
    gov = next(e for e in doc.entities if e.text == "الحكومة")
    assert (gov.actor.country, gov.actor.sector) == ("TUN", "GOV")


def test_government_of_a_story_about_another_country(ent_nlp):
    text = "أعلنت الحكومة في طرابلس أن ليبيا لن تقبل أي تدخل، وأكد رئيس المجلس الرئاسي الليبي ذلك في ليبيا."
    doc = ent_nlp(Article.create(id="t", text=text, date="2017-01-13", source="Jawhara FM"))
    gov = next(e for e in doc.entities if e.text == "الحكومة")
    assert gov.actor.country == "LBY"
