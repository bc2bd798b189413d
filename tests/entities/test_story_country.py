"""Parties that name no country: the article's country, a place after an organisation, seats in a party,
kunyas and repeated family names (our own sentences)."""
from __future__ import annotations

from marsad.entities.extract import dominant, find_entities
from marsad.entities.gazetteers import load_gazetteer
from marsad.entities.resolve import resolve_span

#: a local Tunisian item: Tunisia, a Tunisian city and a Tunisian party, no other country
TUNISIAN = ("صادق البرلمان مساء الثلاثاء على قانون المالية بعد جدل طويل في تونس. "
            "وقال نواب من صفاقس إن الحكومة لم تستمع إليهم، فيما دعت الجبهة الشعبية إلى مراجعة القانون. "
            "وأعلنت الداخلية أن أنصار الشريعة في ليبيا يهددون الحدود.")
#: two countries named as often as each other (not in the sentence of البرلمان): no story country
TWO_COUNTRIES = "وقال البرلمان إن الاتفاق مهم. ووقعت تونس ومصر اتفاقا، وستتعاون مصر وتونس."


def test_dominant_needs_a_clear_lead():
    assert dominant({"TUN": 4, "EGY": 2}, ratio=2) == "TUN"
    assert dominant({"TUN": 4, "EGY": 3}, ratio=2) is None
    assert dominant({"TUN": 4, "EGY": 3}, ratio=1) == "TUN"
    assert dominant({"TUN": 1}, ratio=2) is None  # named once is no lead
    assert dominant({"TUN": 2, "EGY": 2}, ratio=1) is None


def test_institutions_without_nationality_take_the_story_country(code, find):
    doc = code(TUNISIAN)
    parliament = resolve_span(doc, *find(doc, "البرلمان"))
    assert (parliament.country, parliament.sector) == ("TUN", "LEG")
    government = resolve_span(doc, *find(doc, "الحكومة"))
    assert (government.country, government.sector) == ("TUN", "GOV")
    interior = resolve_span(doc, *find(doc, "الداخلية"))
    assert (interior.country, interior.sector) == ("TUN", "COP")
    affairs = code("ناقش النواب الشؤون الداخلية في جلسة بصفاقس. وقالت تونس إن صفاقس آمنة.")
    assert resolve_span(affairs, *find(affairs, "الشؤون الداخلية")) is None  # an adjective, no ministry
    other = code(TWO_COUNTRIES)
    assert resolve_span(other, *find(other, "البرلمان")).country is None


def test_a_shared_party_name_takes_the_place_after_it_or_the_story_country(code, entity):
    doc = code(TUNISIAN)
    front = entity(doc, "الجبهة الشعبية")
    assert (front.type, front.actor.country, front.actor.sector) == ("ORG", "TUN", "PTY")
    ansar = entity(doc, "أنصار الشريعة")
    assert (ansar.actor.country, ansar.actor.sector) == ("LBY", "REB")
    doc = code("أعلنت الجبهة الشعبية مسؤوليتها عن الهجوم في غزة، وقالت إن غزة لن تستسلم.")
    assert entity(doc, "الجبهة الشعبية").actor.country == "PSE"
    doc = code("اعتقلت قوات الأمن عناصر من أنصار الشريعة بتونس.")
    assert entity(doc, "أنصار الشريعة").actor.country == "TUN"


def test_an_unknown_organisation_and_person_from_ner_take_the_story_country(code):
    text = "أعلنت جمعية النور الخيرية في صفاقس أن كريم بلحاج استقال. وأكدت تونس أن صفاقس آمنة."
    doc = code(text)
    spans = [(text.index(w), text.index(w) + len(w), label)
             for w, label in (("جمعية النور الخيرية", "ORG"), ("كريم بلحاج", "PERS"))]
    ents = {e.text: e for e in find_entities(doc, load_gazetteer(), spans)}
    assert ents["جمعية النور الخيرية"].actor.country == "TUN"
    assert ents["كريم بلحاج"].actor.country == "TUN" and ents["كريم بلحاج"].actor.kind == "person"
    # no clear story country: the unknown person keeps none
    text = "قال كريم بلحاج إن تونس ومصر والجزائر تتشاور."
    doc = code(text)
    s = text.index("كريم بلحاج")
    per = [e for e in find_entities(doc, load_gazetteer(), [(s, s + 10, "PERS")]) if e.type == "PER"]
    assert per and per[0].actor.country is None


def test_a_seat_in_a_party_gives_its_country_and_sector(code, entity):
    doc = code("قال القيادي في حركة النهضة،منير الشعيبي إن الحوار ضروري. وأضاف الشعيبي أن الحزب مستعد.")
    per = entity(doc, "منير الشعيبي")
    assert per.text == "منير الشعيبي"  # a family name the article repeats alone belongs to the name
    assert (per.actor.country, per.actor.sector, per.actor.role) == ("TUN", "PTY", "party_official")
    again = entity(doc, "الشعيبي", 2)
    assert again.source == "coref" and again.actor == per.actor
    doc = code("دعا أمين عام حزب نداء تونس منير الشعيبي إلى الحوار.")
    per = entity(doc, "منير")
    assert (per.actor.country, per.actor.sector) == ("TUN", "PTY")


def test_lawyers_activists_and_mps_are_titles(code, entity):
    doc = code("قال المحامي وليد بن عمر إن موكله بريء. وأكدت الناشطة سلمى الحداد أن تونس تحتاج إلى إصلاح.")
    lawyer, activist = entity(doc, "وليد"), entity(doc, "سلمى")
    assert (lawyer.actor.sector, lawyer.actor.role) == ("JUD", "lawyer")
    assert (activist.actor.sector, activist.actor.role) == ("CVL", "activist")


def test_a_kunya_is_the_same_person_and_links_later_mentions(code, entity):
    doc = code("أكدت الداخلية التونسية أن سيف الله بن مصباح المكنى بأبي قتادة فر إلى ليبيا. "
               "وكان أبو قتادة يقود خلية في القصرين. وتطالب تونس بتسليمه.")
    name = entity(doc, "سيف الله بن مصباح")
    assert name.type == "PER" and name.text == "سيف الله بن مصباح" and name.actor.country == "TUN"
    kunya = entity(doc, "أبي قتادة")
    later = entity(doc, "أبو قتادة")
    assert later.text == "أبو قتادة" and kunya.actor == later.actor == name.actor


def test_governorates_place_local_news_and_the_eu_foreign_policy_chief_is_known(code, find, entity):
    doc = code("حجز أعوان الحرس الوطني بمعتمدية الروحية من ولاية سليانة بندقيتين. وقال مصدر أمني إن الأبحاث متواصلة.")
    guard = resolve_span(doc, *find(doc, "الحرس الوطني"))
    assert guard.country == "TUN"
    doc = code("تزور منسقة السياسة الخارجية في الاتحاد الأوروبي فيديريكا موغيريني تونس.", date="2015-04-28")
    per = entity(doc, "موغيريني")
    assert (per.actor.id, per.actor.country) == ("MOGHERINI", "EUR")


def test_a_title_after_the_name_or_after_its_party_and_a_comma(code, entity):
    doc = code("اعتبر نزار الزغلامي، أمين عام حزب نداء تونس، أن المبادرة فاشلة.")
    per = entity(doc, "نزار الزغلامي")
    assert per.text == "نزار الزغلامي" and (per.actor.country, per.actor.sector) == ("TUN", "PTY")
    doc = code("حذر اليوم بوعلام القرمازي عضو المكتب السياسي لحركة النهضة من الفوضى.")
    per = entity(doc, "بوعلام القرمازي")
    assert per.text == "بوعلام القرمازي" and (per.actor.country, per.actor.sector) == ("TUN", "PTY")
    doc = code("دعا رئيس حزب الفجر الجديد، الصادق البنزرتي، الحكومة إلى الاستقالة. وقال البنزرتي إن تونس في خطر.")
    per = entity(doc, "الصادق البنزرتي")
    assert per.text == "الصادق البنزرتي" and per.actor.sector == "PTY" and per.actor.role == "party_leader"
    doc = code("طالب رئيس حزب المزارعين ماهر الفرشيشي بالإصلاح. وقال الفرشيشي إن تونس في أزمة وإن تونس قادرة.")
    per = entity(doc, "ماهر الفرشيشي")
    assert per.text == "ماهر الفرشيشي" and (per.actor.country, per.actor.sector) == ("TUN", "PTY")
    # a verb's object before a government title is another person: no apposition without a comma
    doc = code("انتقد سمير العبيدي رئيس الحكومة بسبب الفشل.")
    assert not [e for e in doc.entities if e.type == "PER" and "العبيدي" in e.text]


def test_an_article_naming_no_country_is_about_its_outlets_country(ent_nlp):
    from marsad.records import Article
    text = "استنكر الناطق باسم الحزب الجمهوري منذر القصيبي عدم دعوة حزبه إلى اجتماع الجبهة."

    def person(source, body=text):
        doc = ent_nlp(Article.create(id="t", text=body, date="2014-02-15", source=source))
        return next(e for e in doc.entities if e.type == "PER")

    assert person("Jawhara FM").actor.country == "TUN"
    assert person("alriyadh").actor.country == "SAU"
    assert person(None).actor.country is None and person("Unknown Daily").actor.country is None
    # an article that names a country is not about its outlet's by default
    assert person("alriyadh", text + " وقال إن اليونان تابعت.").actor.country is None


def test_an_ambiguous_organisation_with_a_proclitic_still_needs_its_cue(code):
    doc = code("قصفت الطائرات معسكرا مجاورا للقاعدة الجوية في لحج.")
    assert not [e for e in doc.entities if e.type == "ORG"]
    doc = code("قال إن مقاتلي القاعدة انسحبوا من لحج.")
    assert [e.actor.id for e in doc.entities if e.type == "ORG"] == ["AQ"]


def test_guards_on_names_and_shared_names(code, entity):
    # a definite noun the article repeats is no family name (التمديد), a nisba may be
    doc = code("أعلن وزير الدفاع اللبناني سامي قزحيا التمديد للقادة. ورفض التيار التمديد.")
    assert entity(doc, "سامي قزحيا").text == "سامي قزحيا"
    # an apposition title needs a known organisation or a nationality: an unknown party names no country
    doc = code("وقال ماجد الشريف، المستشار الإعلامي لحزب النور والأمل، إن الحزب حزين. وأكد أن الرياض والرياض بعيدة.")
    assert not [e for e in doc.entities if e.type == "PER" and "ماجد" in e.text]
    # a single rare word after a title and a comma is no name (ضيفة "a guest")
    doc = code("وحذرت النائبة، ضيفة حصة اليوم الخميس، من الأزمة في تونس.")
    assert not [e for e in doc.entities if e.type == "PER"]
    # a shared name takes the country its sentence names before the article's
    doc = code("قالت روسيا إن روسيا مستعدة وإن موسكو تتابع. ومع هزائم الحوثيين على يد المقاومة الشعبية في عدن تراجعوا.")
    assert entity(doc, "المقاومة الشعبية").actor.country == "YEM"


def test_a_kunya_inside_an_ner_name_links_later_mentions(code):
    text = "نشرت الجماعة تسجيلا لزعيمها سعد بن منصور المكنى بأبي حفص. وقال أبو حفص إن الهدنة انتهت."
    doc = code(text)
    s = text.index("سعد بن منصور")
    e = text.index("حفص") + 3
    ents = find_entities(doc, load_gazetteer(), [(s, e, "PERS")])
    per = [x for x in ents if x.type == "PER"]
    assert per[-1].text == "أبو حفص" and per[-1].source == "coref" and per[-1].actor == per[0].actor
