"""The public resolver: resolve_span and resolve_parties on our own sentences."""
from __future__ import annotations

from marsad.entities.resolve import resolve_parties, resolve_span

TEXT = ("التقى وزير الخارجية القطري، محمد بن عبد الرحمن آل ثاني، نظيره المصري في الدوحة. "
        "وقال المتحدث باسم الكرملين، دميتري بيسكوف، إن موسكو تراقب الوضع. "
        "وأكد بيسكوف أن المحادثات بين مصر وقطر مهمة. وأضاف كبير الدبلوماسيين القطريين أن البلدين متفقان. "
        "وقال مصدر عسكري إن القصف توقف، فيما نقلت تقارير عدة عن مسؤولين أمريكيين قولهم إن وزارة الدفاع العراقية ردت. "
        "وصرح وزير الخارجية الإيراني بأن الوفدين الإيراني والأمريكي سيلتقيان.")


def test_person_title_apposition_and_surname(code, find):
    doc = code(TEXT)
    a = resolve_span(doc, *find(doc, "المتحدث باسم الكرملين، دميتري بيسكوف"))
    assert (a.name, a.country, a.sector) == ("Dmitry Peskov", "RUS", "GOV")
    b = resolve_span(doc, *find(doc, "بيسكوف", 2))
    assert b.id == "PESKOV"


def test_description_corefers_to_the_foreign_minister(code, find):
    doc = code(TEXT)
    a = resolve_span(doc, *find(doc, "كبير الدبلوماسيين القطريين"))
    assert a.country == "QAT" and a.role == "foreign_minister" and a.kind == "person"
    assert a.name and "Al Thani" in a.name


def test_title_without_name_gives_the_office_holder_on_the_date(code, find):
    doc = code(TEXT, date="2025-04-20")
    a = resolve_span(doc, *find(doc, "وزير الخارجية الإيراني"))
    assert (a.name, a.country, a.sector) == ("Abbas Araghchi", "IRN", "GOV")
    old = code(TEXT, date="2022-03-01")
    b = resolve_span(old, *find(old, "وزير الخارجية الإيراني"))
    assert b.name == "Hossein Amir-Abdollahian"


def test_unnamed_sources(code, find):
    doc = code(TEXT)
    mil = resolve_span(doc, *find(doc, "مصدر عسكري"))
    assert (mil.kind, mil.sector, mil.country) == ("unnamed", "MIL", None)
    rep = resolve_span(doc, *find(doc, "تقارير عدة"))
    assert (rep.kind, rep.sector) == ("unnamed", "JRN")
    us = resolve_span(doc, *find(doc, "مسؤولين أمريكيين"))
    assert (us.kind, us.country, us.sector) == ("unnamed", "USA", "GOV")


def test_institution_with_nationality(code, find):
    doc = code(TEXT)
    a = resolve_span(doc, *find(doc, "وزارة الدفاع العراقية"))
    assert (a.country, a.sector, a.kind) == ("IRQ", "MIL", "organization")


def test_parties_split_and_pairs(code, find):
    doc = code(TEXT)
    pair = resolve_parties(doc, *find(doc, "مصر وقطر"))
    assert [m.actor.country for m in pair] == ["EGY", "QAT"]
    dual = resolve_parties(doc, *find(doc, "الوفدين الإيراني والأمريكي"))
    assert [m.actor.country for m in dual] == ["IRN", "USA"]
    assert all(m.actor.sector == "GOV" for m in dual)
    both = resolve_parties(doc, *find(doc, "البلدين"))
    assert sorted(m.actor.country for m in both) == ["EGY", "QAT"]


def test_apposition_is_one_party_and_places_are_not_parties(code, find):
    doc = code(TEXT)
    one = resolve_parties(doc, *find(doc, "وزير الخارجية القطري، محمد بن عبد الرحمن آل ثاني"))
    assert len(one) == 1 and one[0].actor.country == "QAT"
    assert resolve_parties(doc, *find(doc, "في الدوحة")) == []


def test_capital_as_government(code, find):
    doc = code("وقالت طهران وواشنطن إنهما تمكنتا من تبادل الآراء.")
    parties = resolve_parties(doc, *find(doc, "طهران وواشنطن"))
    assert [(m.actor.country, m.actor.sector) for m in parties] == [("IRN", "GOV"), ("USA", "GOV")]


def test_nameless_groups_take_their_sector_from_the_noun(code, find):
    doc = code("قال متظاهرون فلسطينيون إن مسلحين هاجموا دورية عسكرية ألمانية قرب السلطات العسكرية.")
    pro = resolve_span(doc, *find(doc, "متظاهرون فلسطينيون"))
    assert (pro.kind, pro.country, pro.sector) == ("group", "PSE", "CVL")
    assert resolve_span(doc, *find(doc, "مسلحين")).sector == "UAF"
    patrol = resolve_span(doc, *find(doc, "دورية عسكرية ألمانية"))
    assert (patrol.country, patrol.sector) == ("DEU", "MIL")
    assert resolve_span(doc, *find(doc, "السلطات العسكرية")).sector == "MIL"


def test_gsr_spans_floor():
    """Actor resolution on the GSR spans stays above its measured level (sector 0.83, country 0.81)."""
    from marsad.entities.evaluate import score
    from tests.conftest import shared_path
    result = score(shared_path("data", "events", "gsr-spans", "dev.jsonl"))
    assert result["sector_acc"] >= 0.78 and result["country_acc"] >= 0.75, result


def test_nameless_member_of_an_organisation(code, find):
    doc = code("وقال مصدر في وزارة الدفاع الإسرائيلية إن الجيش مستعد.")
    a = resolve_span(doc, *find(doc, "مصدر في وزارة الدفاع الإسرائيلية"))
    assert (a.kind, a.country, a.sector) == ("unnamed", "ISR", "MIL")
    assert "Israeli Defence Ministry" in a.name


def test_counterparts_are_two_parties(code, find):
    doc = code("التقى الرئيس الروسي فلاديمير بوتين ونظيره الأمريكي دونالد ترامب في ألاسكا.")
    parties = resolve_parties(doc, *find(doc, "الرئيس الروسي فلاديمير بوتين ونظيره الأمريكي دونالد ترامب"))
    assert [(m.actor.name, m.actor.country) for m in parties] == [("Vladimir Putin", "RUS"), ("Donald Trump", "USA")]


def test_resolver_works_on_a_bare_doc():
    from marsad.doc import Doc
    from marsad.records import Article
    doc = Doc(article=Article.create(id="b", text="قال المتحدث باسم الكرملين دميتري بيسكوف إن روسيا مستعدة.",
                                     date="2025-04-20"))
    s = doc.text.index("دميتري")
    assert resolve_span(doc, s, s + len("دميتري بيسكوف")).id == "PESKOV"
    r = doc.text.index("روسيا")
    assert [m.actor.country for m in resolve_parties(doc, r, r + 5)] == ["RUS"]


def test_nameless_actors_take_the_country_of_their_sentence(code, find):
    doc = code("تجمع مئات المتظاهرين أمام البرلمان في مدينة كفرنبلون الجنوبية حيث فرقتهم الشرطة. "
               "وفي العاصمة البيروفية ليما أغلق محتجون الطرق، فيما قال مسؤولون أمريكيون إن الوضع هادئ. "
               "وأطلق جنود النار في المنطقة الحدودية الباكستانية المتاخمة لأفغانستان. "
               "وقال مصدر إن الاجتماع انتهى.")
    assert resolve_span(doc, *find(doc, "مئات المتظاهرين")).country is None  # كفرنبلون: no known place
    protesters = resolve_span(doc, *find(doc, "محتجون"))
    assert (protesters.country, protesters.sector, protesters.kind) == ("PER", "CVL", "group")
    assert protesters.name.startswith("Peru") and protesters.name.endswith("protesters")
    assert resolve_span(doc, *find(doc, "جنود")).country == "PAK"  # tie: the nearer country
    assert resolve_span(doc, *find(doc, "مصدر")).country is None  # no place in its sentence
    police = code("قال سكان في بغداد إن الشرطة أغلقت الشارع.")
    assert (resolve_span(police, *find(police, "الشرطة")).country,
            resolve_span(police, *find(police, "سكان")).country) == ("IRQ", "IRQ")


def test_a_nationality_of_another_actor_casts_no_vote(code, find):
    doc = code("قال مسلحون إن طائرة أميركية قصفت المنطقة.")
    assert resolve_span(doc, *find(doc, "مسلحون")).country is None


def test_armed_groups_follow_the_event_data_conventions(code, find):
    doc = code("وقال مقاتلو طالبان إن عناصر داعش وجبهة النصرة والحوثيين انسحبوا بينما هاجمت قوات الصحوة مواقعهم.")
    got = {name: (a.country, a.sector) for name in ("طالبان", "داعش", "جبهة النصرة", "الحوثيين", "قوات الصحوة")
           for a in [resolve_span(doc, *find(doc, name))]}
    assert got == {"طالبان": ("AFG", "REB"), "داعش": ("IMG", "REB"), "جبهة النصرة": ("SYR", "REB"),
                   "الحوثيين": ("YEM", "REB"), "قوات الصحوة": ("IRQ", "UAF")}


def test_repeated_calls_are_answered_from_the_doc_index(code, find):
    from marsad.entities.resolve import INDEX
    doc = code("قال متظاهرون في القاهرة إن الشرطة المصرية اعتقلت ناشطين.")
    idx = doc.extras[INDEX]
    span = find(doc, "متظاهرون")
    first = resolve_span(doc, *span)
    assert idx.spans[span] is first and resolve_span(doc, *span) is first
    parties = resolve_parties(doc, *find(doc, "الشرطة المصرية"))
    assert [m.actor.country for m in parties] == ["EGY"]
    parties.clear()  # a caller changing its list leaves the cached answer alone
    assert len(resolve_parties(doc, *find(doc, "الشرطة المصرية"))) == 1


def test_a_broadcaster_is_never_a_government_party(code, find):
    doc = code("قالت قناة الجزيرة إن الدوحة رحبت بالاتفاق.")
    parties = resolve_parties(doc, *find(doc, "قناة الجزيرة"))
    assert [(m.actor.id, m.actor.country, m.actor.sector) for m in parties] == [("JAZ", "QAT", "JRN")]
    island = code("تقع الجزيرة قبالة الساحل.")
    assert resolve_parties(island, *find(island, "الجزيرة")) == []


def test_a_title_of_a_party_is_the_partys_office_holder(code, find):
    doc = code("قال الأمين العام لحزب التيار الديمقراطي غازي الشواشي إن البرلمان عاجز.", date="2016-05-01")
    a = resolve_span(doc, *find(doc, "الأمين العام لحزب التيار الديمقراطي"))
    assert (a.country, a.sector, a.role) == ("TUN", "PTY", "secretary_general")
    doc = code("قال الأمين العام للجامعة العربية إن القمة ستعقد في موعدها.", date="2016-05-01")
    a = resolve_span(doc, *find(doc, "الأمين العام للجامعة العربية"))
    assert a is not None and a.sector != "PTY"
