"""The coder on short sentences written for these tests, one construction each."""
from __future__ import annotations

from marsad.records import Cue, Mention, Quote, Actor

from .conftest import find, parties


def quote(text: str, cue: str, speaker: str, said: str, country: str, sector: str = "GOV",
          implies: str | None = None) -> Quote:
    """A hand-made indirect quote: its cue word, its speaker (a party of ``country``), and what is said, from
    ``said`` to the final full stop."""
    s, e = find(text, cue)
    ss, se = find(text, speaker)
    start = find(text, said)[0]
    return Quote(id="q", text=text[start:len(text) - 1], start=start, end=len(text) - 1, kind="indirect",
                 cue=Cue(text=cue, start=s, end=e, implies=implies),
                 speaker=Mention(text=speaker, start=ss, end=se, actor=Actor(country=country, sector=sector)))


def one(doc, typ):
    evs = [e for e in doc.events if e.type == typ]
    assert len(evs) == 1, [(e.type, e.trigger.text) for e in doc.events]
    return evs[0]


def test_vso_subject_and_object(code):
    doc = code("استقبلت مصر وفدا من السودان لبحث ملف المياه.", [("مصر", "GPE", "EGY"), ("السودان", "GPE", "SDN")])
    ev = one(doc, "CONSULT")
    assert ev.mode == "visit"
    assert parties(ev.actor) == {"EGY"}
    assert ev.trigger.text == "استقبلت"
    assert ev.cameo == "042" and ev.quad == 1 and ev.intensity == 4


def test_svo_subject_before_the_verb(code):
    doc = code("وقال المراسل إن الأردن يدين بشدة التفجير.", [("الأردن", "GPE", "JOR")])
    ev = one(doc, "ACCUSE")
    assert parties(ev.actor) == {"JOR"}
    assert ev.mode == "disapprove"


def test_verbal_noun_genitive_and_destination(code):
    text = "بدأت زيارة الرئيس الفرنسي إلى الجزائر أمس."
    doc = code(text, [("الفرنسي", "NORP", "FRA"), ("الجزائر", "GPE", "DZA")])
    ev = one(doc, "CONSULT")
    assert parties(ev.actor) == {"FRA"}
    assert parties(ev.recipient) == {"DZA"}
    assert ev.place is None


def test_reciprocal_between_x_and_y(code):
    doc = code("جرت مباحثات بين تركيا واليونان حول الحدود البحرية.",
               [("تركيا", "GPE", "TUR"), ("اليونان", "GPE", "GRC")])
    ev = one(doc, "CONSULT")
    assert parties(ev.actor) == {"TUR", "GRC"} == parties(ev.recipient)


def test_passive_has_a_recipient_and_no_actor(code):
    doc = code("قُتل جندي لبناني في الجنوب.", [("لبناني", "NORP", "LBN")])
    ev = one(doc, "ASSAULT")
    assert not parties(ev.actor)


def test_agent_of_a_passive_after_min_qibal(code):
    doc = code("تم اعتقال الصحفي من قبل الشرطة التونسية.", [("الشرطة التونسية", "ORG", "TUN")])
    ev = one(doc, "COERCE")
    assert ev.mode == "arrest"
    assert parties(ev.actor) == {"TUN"}


def test_nationality_adjective_of_an_event_noun_is_the_doer(code):
    doc = code("استهدفت غارة إسرائيلية موقعا في الجنوب.", [("إسرائيلية", "NORP", "ISR")])
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert parties(ev.actor) == {"ISR"}


def test_place_is_never_a_party(code):
    text = "التقى وزير خارجية قطر نظيره الإيراني في روما."
    doc = code(text, [("قطر", "GPE", "QAT"), ("الإيراني", "NORP", "IRN"), ("روما", "GPE", "ITA")])
    ev = one(doc, "CONSULT")
    assert "ITA" not in parties(ev.actor) | parties(ev.recipient)
    assert ev.place is not None and ev.place.text == "روما" and ev.place.country == "ITA"


def test_quote_cue_implies_the_event(code):
    text = "اتهم الوزير المعارضة بالتآمر."
    q = quote(text, "اتهم", "الوزير", "المعارضة", "MAR", implies="ACCUSE")
    doc = code(text, quotes=[q])
    ev = one(doc, "ACCUSE")
    assert parties(ev.actor) == {"MAR"}


def test_speaker_is_no_doer_of_the_event_he_reports(code):
    text = "قال المتحدث باسم الجيش الباكستاني إن انفجارا وقع في السوق."
    q = quote(text, "قال", "المتحدث", "انفجارا", "PAK", sector="MIL")
    doc = code(text, quotes=[q])
    assert all("PAK" not in parties(ev.actor) for ev in doc.events)


def test_future_modality(code):
    doc = code("ومن المقرر أن تبدأ المفاوضات بين الهند وباكستان يوم الخميس.",
               [("الهند", "GPE", "IND"), ("وباكستان", "GPE", "PAK")],
               times=[("يوم الخميس", "2025-04-24", "day", "future")])
    ev = one(doc, "CONSULT")
    assert ev.modality == "future"
    assert ev.date == "2025-04-24" and ev.date_source == "time"


def test_future_prefix_sa(code):
    doc = code("وسيزور الملك المغرب.", [("المغرب", "GPE", "MAR")])
    assert one(doc, "CONSULT").modality == "future"


def test_negated_modality(code):
    doc = code("لم يلتق الرئيس الكيني بنظيره.", [("الرئيس الكيني", "PER", "KEN")])
    assert one(doc, "CONSULT").modality == "negated"


def test_hypothetical_modality(code):
    doc = code("وإذا انسحبت القوات الروسية من المدينة فإن الهدنة ستصمد.", [("القوات الروسية", "ORG", "RUS")])
    ev = next(e for e in doc.events if e.type == "RETREAT" and e.trigger.text == "انسحبت")
    assert ev.modality == "hypothetical"


def test_historical_modality_and_dated_by_the_sentence(code):
    doc = code("اجتاحت القوات المدينة وقتل العشرات عام 2003.", times=[("عام 2003", "2003", "year", "past")])
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert ev.modality == "historical" and ev.date == "2003"


def test_asserted_and_dated_by_publication(code):
    doc = code("تظاهر آلاف الطلاب في العاصمة.")
    ev = one(doc, "PROTEST")
    assert ev.modality == "asserted"
    assert ev.date == "2025-04-20" and ev.date_source == "publication"


def test_past_fact_ignores_the_future_time_of_its_object(code):
    doc = code("اتفق العراق والأردن على عقد جولة جديدة الأسبوع المقبل.", [("العراق", "GPE", "IRQ"),
                                                                    ("والأردن", "GPE", "JOR")],
               times=[("الأسبوع المقبل", "2025-W17", "week", "future")])
    ev = one(doc, "AGREE")
    assert ev.modality == "asserted" and ev.date == "2025-04-20"


def test_pair_noun_takes_the_last_reciprocal_parties(code):
    text = "عقدت الهند وباكستان محادثات في دبي. واتفق البلدان على تبادل الأسرى."
    doc = code(text, [("الهند", "GPE", "IND"), ("وباكستان", "GPE", "PAK"), ("دبي", "GPE", "ARE")])
    ev = next(e for e in doc.events if e.type == "AGREE")
    assert parties(ev.actor) == {"IND", "PAK"}
    assert all("ARE" not in parties(e.actor) | parties(e.recipient) for e in doc.events)


def test_within_article_deduplication(code):
    text = "اجتمع وزيرا خارجية مصر والسعودية في القاهرة. وتناول الاجتماع الأوضاع الإقليمية."
    doc = code(text, [("مصر", "GPE", "EGY"), ("والسعودية", "GPE", "SAU"), ("القاهرة", "GPE", "EGY")])
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert len(consult) == 1
    assert [m.text for m in consult[0].mentions] == ["الاجتماع"]


def test_background_nouns_are_not_events(code):
    doc = code("بعد سنوات من الهجمات والمفاوضات الفاشلة عاد الهدوء.")
    assert not doc.events


def test_purpose_of_cooperation_is_not_an_event(code):
    doc = code("تسعى الحكومة لرفع العقوبات مقابل الانسحاب.")
    assert not [e for e in doc.events if e.type == "RETREAT"]


def test_records_point_into_the_original_text(code):
    text = "وأعلنت الحكومةُ فرضَ عقوباتٍ جديدة على الشركة."
    doc = code(text)
    ev = one(doc, "SANCTION")
    assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    assert ev.id == f"t:event:{ev.trigger.start}-{ev.trigger.end}"
    assert 0.0 <= ev.confidence <= 1.0
    assert text[ev.sentence.start:ev.sentence.end].startswith("وأعلنت")


def test_a_crowd_noun_signals_its_event_only_when_the_crowd_acts(code):
    assert not [e for e in code("استخدمت الشرطة الهراوات ضد المتظاهرين.").events if e.type == "PROTEST"]
    assert one(code("وحمل المتظاهرون لافتات كتب عليها شعارات."), "PROTEST").mode == "demo"
    assert one(code("وأغلق آلاف المتظاهرين الطريق الرئيسي."), "PROTEST")


def test_a_participle_is_a_trigger_on_its_own(code):
    doc = code("وأكد الوزير أن روسيا مستعدة لبذل كل جهد.", [("روسيا", "GPE", "RUS")])
    assert parties(one(doc, "AGREE").actor) == {"RUS"}


def test_a_word_with_ta_marbuta_is_no_verb_with_a_pronoun(code):
    doc = code("وقالت وزارة الخارجية المصرية في بيان إن الاجتماعات مستمرة.",
               [("وزارة الخارجية المصرية", "ORG", "EGY")])
    assert [e.trigger.text for e in doc.events] == ["الاجتماعات"]


def test_vso_subject_stays_the_actor_of_an_agreement_between_others(code):
    text = "وافق مجلس الأمن على الاتفاق المبرم بين إيران والقوى الكبرى."
    doc = code(text, [("مجلس الأمن", "ORG", "UNO"), ("إيران", "GPE", "IRN")])
    ev = one(doc, "AGREE")
    assert parties(ev.actor) == {"UNO"}


def test_accusative_indefinite_noun_and_mode_from_cue_words(code):
    doc = code("أجرى وزير خارجية الكويت اتصالا هاتفيا مع نظيره العماني.", [("الكويت", "GPE", "KWT")])
    ev = one(doc, "CONSULT")
    assert ev.mode == "phone" and ev.cameo == "041"
    assert parties(ev.actor) == {"KWT"}


def test_speaker_pronoun_after_an_is_the_doer_and_the_noun_after_the_verb_its_object(code):
    text = "ذكرت الخارجية المغربية أنها استدعت سفير الجزائر اليوم."
    q = quote(text, "ذكرت", "الخارجية المغربية", "استدعت", "MAR")
    doc = code(text, [("الجزائر", "GPE", "DZA")], quotes=[q])
    evs = [ev for ev in doc.events if ev.trigger.text == "استدعت"]
    assert len(evs) == 1, [(ev.type, ev.trigger.text) for ev in doc.events]
    assert parties(evs[0].actor) == {"MAR"}
    assert parties(evs[0].recipient) == {"DZA"}


def test_eliminating_militants_is_an_assault(code):
    doc = code("وقال البيان إن قوات الجيش قضت على سبعة مسلحين في المنطقة الجبلية.")
    assert [ev.trigger.text for ev in doc.events if ev.type == "ASSAULT"] == ["قضت"]
    doc = code("دعا الوزير إلى القضاء على الفقر في الأرياف.")
    assert not [ev for ev in doc.events if ev.type == "ASSAULT"]


def test_bare_force_noun_in_a_report_is_the_speakers_countrys(code):
    text = "أعلنت وزارة الداخلية التونسية أن الشرطة اعتقلت ثلاثة مشتبه بهم."
    q = quote(text, "أعلنت", "وزارة الداخلية التونسية", "الشرطة", "TUN")
    doc = code(text, quotes=[q])
    ev = one(doc, "COERCE")
    assert parties(ev.actor) == {"TUN"}
    assert ev.actor[0].text == "الشرطة"


def test_words_inside_an_organisations_name_are_no_event(code):
    doc = code("زار وفد من منظمة التعاون الإسلامي القاهرة أمس.",
               [("منظمة التعاون الإسلامي", "ORG", None), ("القاهرة", "GPE", "EGY")])
    assert [ev.type for ev in doc.events if ev.trigger.text == "التعاون"] == []
    assert [ev.trigger.text for ev in doc.events if ev.type == "CONSULT"] == ["زار"]


def test_a_name_starting_with_waw_is_not_coordinated(code):
    doc = code("استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة.",
               [("الرئيس المصري", "PER", "EGY"), ("وزير الخارجية الأردني", "PER", "JOR"), ("القاهرة", "GPE", "EGY")])
    ev = one(doc, "CONSULT")
    assert parties(ev.actor) == {"EGY"}
    assert parties(ev.recipient) == {"JOR"}
    doc = code("استقبل الرئيس المصري ووزير الخارجية السفير الأردني.",
               [("الرئيس المصري", "PER", "EGY"), ("وزير الخارجية", "PER", "EGY"), ("الأردني", "NORP", "JOR")])
    assert parties(one(doc, "CONSULT").actor) == {"EGY"}


def test_definite_actor_noun_after_the_verb_is_the_subject_and_the_name_after_it_the_object(code):
    doc = code("التقى الرئيس المصري وزير الدفاع أمس. وانتقد الرئيس إيران بشدة.",
               [("الرئيس المصري", "PER", "EGY"), ("إيران", "GPE", "IRN")])
    ev = one(doc, "ACCUSE")
    assert parties(ev.recipient) == {"IRN"}
    assert parties(ev.actor) == {"EGY"}


def test_indefinite_gunfire_is_an_assault(code):
    doc = code("تعرض موكب الوزير الليبي لإطلاق نار كثيف من قبل مجموعة مسلحة.")
    assert [ev.trigger.text for ev in doc.events if ev.type == "ASSAULT"] == ["لإطلاق"]


def test_cooperation_between_nobody_named_is_no_event(code):
    # a sports fixture, an initiative or a partnership with no party: nothing to code (an attack stays)
    assert not code("ويلتقي الفريق الأول مع منافسه يوم السبت في الملعب البلدي.").events
    assert not [e for e in code("وأشاد بالشراكة والمبادرة.").events if e.type in ("COOPERATE", "AGREE")]
    assert [e for e in code("وقتل ثلاثة أشخاص في هجوم على سوق شعبي.").events if e.type == "ASSAULT"]


def test_his_counterpart_is_the_recipient_and_the_subject_the_previous_actor(code):
    text = "وصل الرئيس البرازيلي إلى نيروبي أمس، ويلتقي خلالها نظيره الكيني لبحث ملفات التجارة."
    doc = code(text, [("الرئيس البرازيلي", "PER", "BRA"), ("نيروبي", "GPE", "KEN"), ("نظيره الكيني", "PER", "KEN")])
    # (the meeting and the visit are one happening: deduplicated into one event)
    evs = [e for e in doc.events if e.type == "CONSULT"]
    assert evs and all(parties(e.actor) == {"BRA"} and parties(e.recipient) == {"KEN"} for e in evs)


def test_words_that_name_no_event(code):
    assert not code("وكشف تقرير صادر عن الأمم المتحدة ارتفاع البطالة.", [("الأمم المتحدة", "ORG", "UNO")]).events
    doc = code("وقال رئيس كتلة حزب نداء تونس إن الحزب سيفوز.", [("تونس", "GPE", "TUN")])
    assert not [e for e in doc.events if e.type == "REQUEST"]
    assert not code("ولم يعد الاتحاد الأفريقي قادرا على التأثير.", [("الاتحاد الأفريقي", "ORG", "AFU")]).events


def test_the_subject_matter_of_talks_is_no_event(code):
    text = "ووصل وزير الخارجية الهندي إلى القاهرة لبحث التعاون الاقتصادي مع مصر."
    doc = code(text, [("الهندي", "NORP", "IND"), ("القاهرة", "GPE", "EGY"), ("مصر", "GPE", "EGY")])
    assert not [e for e in doc.events if e.type == "COOPERATE"]


def test_his_country_after_the_speakers_an_is_the_speakers(code):
    text = "وأكد وزير الخارجية الأردني أن بلاده ترحب بكل مبادرة للسلام."
    q = quote(text, "أكد", "وزير الخارجية الأردني", "بلاده", "JOR")
    doc = code(text, quotes=[q])
    ev = next(e for e in doc.events if e.type == "SUPPORT")
    assert parties(ev.actor) == {"JOR"}


def test_counted_people_are_the_victims_not_the_doers(code):
    doc = code("مقتل خمسة نيجيريين بهجوم على قرية حدودية.", [("نيجيريين", "NORP", "NGA")])
    evs = [e for e in doc.events if e.type == "ASSAULT"]
    assert evs and all("NGA" not in parties(e.actor) for e in evs)
    assert any("NGA" in parties(e.recipient) for e in evs)
    # an uncounted nationality after an attack noun still names its doer
    doc = code("وشنت طائرات تركية غارة على قرية حدودية.", [("تركية", "NORP", "TUR")])
    assert any("TUR" in parties(e.actor) for e in doc.events if e.type == "ASSAULT")


def test_describing_as_terrorist_is_an_accusation_and_cancelling_a_meeting_a_refusal(code):
    text = "ووصف البرلمان الكندي الجماعة المسلحة بأنها منظمة إرهابية."
    doc = code(text, [("البرلمان الكندي", "ORG", "CAN")])
    ev = next(e for e in doc.events if e.type == "ACCUSE")
    assert parties(ev.actor) == {"CAN"}
    assert not [e for e in code("ووصف الوزير الاجتماع بأنه مثمر.").events if e.type == "ACCUSE"]
    doc = code("وألغت الحكومة اليابانية لقاء كان مقررا مع الوفد الكوري.",
               [("الحكومة اليابانية", "ORG", "JPN"), ("الوفد الكوري", "ORG", "KOR")])
    ev = next(e for e in doc.events if e.type == "REJECT")
    assert ev.mode == "meet" and parties(ev.actor) == {"JPN"} and parties(ev.recipient) == {"KOR"}


def test_achieving_is_no_investigation(code):
    assert not [e for e in code("وقال إنه لا يمكن تحقيق المصالحة دون العفو.").events if e.type == "ACCUSE"]
    # an investigation asked for has not happened: the demand is the event
    doc = code("وطالب النواب بإجراء تحقيق برلماني في صفقة السلاح.")
    assert [e for e in doc.events if e.type == "REQUEST"]
    assert not [e for e in doc.events if e.type == "ACCUSE" and e.mode == "investigate"]
    doc = code("وفتح البرلمان تحقيقا برلمانيا في صفقة السلاح.")
    assert [e for e in doc.events if e.type == "ACCUSE" and e.mode == "investigate"]


def test_seizing_goods_and_self_restraint(code):
    doc = code("وضبطت الجمارك الأردنية شحنة من الحبوب المخدرة في مطار عمان.", [("الجمارك الأردنية", "ORG", "JOR")])
    ev = next(e for e in doc.events if e.type == "COERCE")
    assert ev.mode == "seize" and parties(ev.actor) == {"JOR"}
    assert not [e for e in code("ودعا الأمين العام الطرفين إلى ضبط النفس.").events if e.type == "COERCE"]


def test_a_visit_with_a_pronoun_is_the_speakers(code):
    text = "وأضاف وزير الزراعة التونسي على هامش زيارته للمزارعين أن الموسم سيكون جيدا."
    q = quote(text, "وأضاف", "وزير الزراعة التونسي", "الموسم", "TUN")
    doc = code(text, quotes=[q])
    ev = next(e for e in doc.events if e.type == "CONSULT")
    assert parties(ev.actor) == {"TUN"}


def test_ranking_first_and_paying_the_price_are_no_seizure_or_support(code):
    assert not code("واحتلت جامعة القاهرة للعام الثالث على التوالي المركز الأول في التصنيف.").events
    doc = code("واحتلت القوات الإثيوبية مركزا للشرطة قرب الحدود.", [("القوات الإثيوبية", "ORG", "ETH")])
    assert [e for e in doc.events if e.type == "COERCE"]
    assert not [e for e in code("وقال إن كندا ستدفع ثمن تصرفاتها.", [("كندا", "GPE", "CAN")]).events
                if e.type == "SUPPORT"]


def test_sanctions_that_target_a_sector_are_no_attack(code):
    text = "فرضت كندا عقوبات جديدة على بيلاروسيا تستهدف قطاع البوتاس."
    doc = code(text, [("كندا", "GPE", "CAN"), ("بيلاروسيا", "GPE", "BLR")])
    assert not [e for e in doc.events if e.type == "ASSAULT"]
    assert [e for e in doc.events if e.type == "SANCTION"]


def test_closing_prices_and_receiving_applications_are_no_events(code):
    assert not code("وسجل الخام 49 دولارا للبرميل مرتفعا عن مستوى الإغلاق السابق.").events
    assert not code("ويستمر استقبال الطلبات حتى نهاية الشهر.").events
    doc = code("وأغلقت السلطات التركية المعبر الحدودي.", [("السلطات التركية", "ORG", "TUR")])
    assert [e for e in doc.events if e.type == "COERCE"]
