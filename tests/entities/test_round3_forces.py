"""Forces and bodies named without a nationality take their sentence's or article's country; digits run into
a name do not hide it."""
from __future__ import annotations


def test_national_guard_units_take_the_sentence_country(code, entity):
    doc = code("أعلنت وحدات الحرس الوطني مساء السبت إيقاف ثلاثة مهربين قرب مدينة القصرين.")
    e = entity(doc, "وحدات الحرس الوطني")
    assert e.type == "ORG" and e.text == "وحدات الحرس الوطني"
    assert (e.actor.country, e.actor.sector) == ("TUN", "MIL")


def test_army_forces_with_national_adjective_of_the_story(code, entity):
    doc = code("نفذت قوات الجيش الوطني عملية تمشيط في جبال ولاية سليانة، وقال الجيش إن العملية متواصلة.")
    e = entity(doc, "قوات الجيش الوطني")
    assert e.text == "قوات الجيش الوطني" and (e.actor.country, e.actor.sector) == ("TUN", "MIL")
    second = entity(doc, "الجيش إن")
    assert second.text == "الجيش" and second.actor.country == "TUN"


def test_a_named_army_is_not_the_story_army(code):
    doc = code("تبنى الجيش الإسلامي هجوما في مدينة حلب.")
    assert all(e.text != "الجيش" for e in doc.entities)  # an unknown army's name, not a story's army


def test_a_nationality_still_decides(code, entity):
    doc = code("قصف الجيش اللبناني مواقع مسلحين قرب الحدود مع سوريا.")
    e = entity(doc, "الجيش اللبناني")
    assert e.text == "الجيش اللبناني" and e.actor.country == "LBN"


def test_digits_run_into_a_name(code, entity):
    doc = code("واعتقلت قوات الحشد الشعبي12 مسلحا غرب المدينة.")
    e = entity(doc, "الحشد الشعبي")
    assert e.text == "الحشد الشعبي" and (e.actor.country, e.actor.sector) == ("IRQ", "MIL")


def test_a_ministry_without_nationality_is_the_story_countrys(code, entity):
    doc = code("قررت وزارة الصحة العمومية غلق مصحة خاصة في صفاقس، وأكدت الوزارة أن التحقيق متواصل.")
    e = entity(doc, "وزارة الصحة العمومية")
    assert e.type == "ORG" and (e.actor.country, e.actor.sector) == ("TUN", "GOV")
    assert entity(doc, "الوزارة أن").actor.country == "TUN"


def test_a_general_union_is_labour(code, entity):
    doc = code("هددت النقابة العامة للتعليم الثانوي بالإضراب في ولاية القيروان.")
    e = entity(doc, "النقابة العامة")
    assert (e.actor.country, e.actor.sector) == ("TUN", "LAB")


def test_executive_director_of_a_party_after_a_comma(code, entity):
    doc = code("قال المدير التنفيذي لحركة النهضة، سامي الطرابلسي، إن الحركة ترفض القرار.")
    e = entity(doc, "سامي الطرابلسي")
    assert e.text == "سامي الطرابلسي" and (e.actor.country, e.actor.sector) == ("TUN", "PTY")


def test_foreign_minister_spelled_without_the_article(code, entity):
    doc = code("وقال وزير الخارجية الشيخ صباح خالد الحمد الصباح إن قطر والسعودية ستتحاوران في الدوحة.",
               date="2017-06-11")
    e = entity(doc, "صباح خالد")
    assert e.actor.country == "KWT" and e.actor.role == "foreign_minister"


def test_a_family_name_after_a_compound_given_name_and_a_seat_in_nahda(code, entity):
    doc = code("وقال القيادي في النهضة عماد الدين الحمامي إن الحركة ترفض التعديل.")
    e = entity(doc, "عماد الدين")
    assert e.text == "عماد الدين الحمامي" and (e.actor.country, e.actor.sector) == ("TUN", "PTY")


def test_a_fairly_common_family_name_after_a_given_name(code, entity):
    doc = code("وصرح القيادي بحركة النهضة لطفي زيتون بأن الحوار ضروري.")
    assert entity(doc, "لطفي").text == "لطفي زيتون"


def test_a_name_before_the_title_of_an_unknown_party(code, entity):
    doc = code("وقال سالم الزغلامي الأمين العام للحزب الوطني للعمل إن الانتخابات البلدية في تونس مؤجلة. "
               "وأضاف أن تونس تحتاج إلى الحوار.")
    e = entity(doc, "سالم الزغلامي")
    assert e.text == "سالم الزغلامي" and e.actor.sector == "PTY" and e.actor.country == "TUN"


def test_a_unit_noun_does_not_hide_a_named_army(code, entity):
    doc = code("وقاتلت قوات الجيش السوري الحر تنظيم داعش قرب حلب.")
    e = entity(doc, "الجيش السوري الحر")
    assert e.text == "الجيش السوري الحر" and e.actor.sector == "REB"


def test_security_alone_is_no_body_but_security_units_are(code, entity):
    doc = code("قال الوزير إن الأمن أولوية. وحجزت وحدات الأمن أسلحة في سليانة.")
    assert all(e.text != "الأمن" for e in doc.entities)
    e = entity(doc, "وحدات الأمن")
    assert e.text == "وحدات الأمن" and (e.actor.country, e.actor.sector) == ("TUN", "COP")


def test_a_dismissed_female_finance_minister_keeps_her_name(code, entity):
    doc = code("طالب نواب بمحاسبة وزيرة المالية المقالة سلوى الهمامي بسبب تصريحاتها حول الدينار في تونس.")
    e = entity(doc, "سلوى الهمامي")
    assert e.text == "سلوى الهمامي" and (e.actor.sector, e.actor.role) == ("GOV", "finance_minister")
