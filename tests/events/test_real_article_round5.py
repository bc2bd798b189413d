"""Constructions that round 5 of the real-article judging found wrong; the sentences are written for these tests
(invented parties and facts), one construction each."""
from __future__ import annotations

from .conftest import of_type, parties


def test_a_meeting_noun_with_a_pronoun_takes_the_noun_after_it_as_its_object(code):
    text = "ودعا الوزير المغربي خلال لقائه اليوم المبعوث الأممي إلى تسريع الحوار."
    doc = code(text, [("الوزير المغربي", "PER", "MAR"), ("المبعوث الأممي", "PER", "UNO")],
               times=[("اليوم", "2025-04-20", "day", None)])
    ev = of_type(doc, "CONSULT")
    assert ev and parties(ev[0].actor) == {"MAR"} and parties(ev[0].recipient) == {"UNO"}
    # the hamza of لقاء sits on ya before the pronoun (لقائها) and the noun is still a meeting
    doc = code("وجددت الوزيرة الكندية خلال لقائها نظيرها الأردني دعم بلادها.",
               [("الوزيرة الكندية", "PER", "CAN"), ("الأردني", "NORP", "JOR")])
    assert of_type(doc, "CONSULT")


def test_a_time_in_a_relative_clause_on_another_noun_does_not_date_the_event(code):
    text = "طالب الرئيس الكيني المتمردين باحترام الهدنة التي بدأت الليلة الماضية."
    doc = code(text, [("الرئيس الكيني", "PER", "KEN")], times=[("الليلة الماضية", "2025-04-19", "day", "past")])
    ev = of_type(doc, "REQUEST")
    assert ev and ev[0].date == "2025-04-20"
    # a relative clause right after an event noun is the event's own
    text = "وتتواصل الزيارة التي بدأها الوزير الكندي الليلة الماضية إلى الأردن."
    doc = code(text, [("الوزير الكندي", "PER", "CAN"), ("الأردن", "GPE", "JOR")],
               times=[("الليلة الماضية", "2025-04-19", "day", "past")])
    assert any(e.date == "2025-04-19" for e in of_type(doc, "CONSULT"))


def test_the_definite_appeal_is_mostly_a_party_not_a_request(code):
    doc = code("وقال رئيس كتلة النداء إن الحكومة ستعرض برنامجها غدا.")
    assert not of_type(doc, "REQUEST")
    doc = code("ووجه الوزير الأردني نداء إلى المجتمع الدولي.", [("الوزير الأردني", "PER", "JOR")])
    assert of_type(doc, "REQUEST")


def test_the_rule_of_a_named_ruler_is_no_sentence(code):
    doc = code("وشغل المنصب نفسه إبان حكم بن علي قبل أن يستقيل.")
    assert not of_type(doc, "SANCTION")
    doc = code("حكم القاضي على المتهم بالسجن عامين.")
    assert of_type(doc, "SANCTION")


def test_relative_ma_after_a_word_is_no_negation_and_the_judged_party_is_the_target(code):
    text = "استدعت الكويت سفيرها بعد ما وصفته بتصريحات عدائية من قبل المسؤولين البوليفيين."
    doc = code(text, [("الكويت", "GPE", "KWT"), ("المسؤولين البوليفيين", "PER", "BOL")])
    ev = of_type(doc, "ACCUSE")
    assert ev and ev[0].modality == "asserted"
    assert parties(ev[0].actor) == {"KWT"} and parties(ev[0].recipient) == {"BOL"}
    doc = code("قال الوزير الكويتي: ما انتقدنا القرار.", [("الوزير الكويتي", "PER", "KWT")])
    assert of_type(doc, "ACCUSE")[0].modality == "negated"


def test_rushing_to_a_place_is_no_mobilisation(code):
    doc = code("وهرعت فرق الإسعاف إلى مكان الحادث فور تلقي البلاغ.")
    assert not of_type(doc, "MOBILIZE")


def test_the_prosecution_is_an_actor_noun_whose_nationality_names_the_party(code):
    text = "أعلن الادعاء العام النمساوي فتح تحقيق في الحادث."
    doc = code(text, [("النمساوي", "NORP", "AUT")])
    ev = of_type(doc, "ACCUSE")
    assert ev and parties(ev[0].actor) == {"AUT"}


def test_a_verbal_attack_is_disapproval_and_an_armed_one_an_assault(code):
    text = "هاجم وزير الخارجية الإيراني بشدة تصريحات نظيره الفنلندي."
    doc = code(text, [("وزير الخارجية الإيراني", "PER", "IRN"), ("الفنلندي", "NORP", "FIN")])
    assert of_type(doc, "ACCUSE") and not of_type(doc, "ASSAULT")
    doc = code("شن الرئيس التشيلي هجوما لاذعا على الاتحاد الأوروبي.",
               [("الرئيس التشيلي", "PER", "CHL"), ("الاتحاد الأوروبي", "ORG", "EUR")])
    ev = of_type(doc, "ACCUSE")
    assert ev and parties(ev[0].actor) == {"CHL"} and parties(ev[0].recipient) == {"EUR"}
    doc = code("هاجم مسلحون نقطة تفتيش للجيش البيروفي.", [("للجيش البيروفي", "ORG", "PER")])
    assert of_type(doc, "ASSAULT") and not of_type(doc, "ACCUSE")


def test_a_terror_listing_is_a_sanction_and_a_hearing_an_investigation(code):
    text = "أدرجت الحكومة الماليزية جماعة النور على قائمة الإرهاب."
    doc = code(text, [("الحكومة الماليزية", "ORG", "MYS")])
    ev = of_type(doc, "SANCTION")
    assert ev and parties(ev[0].actor) == {"MYS"}
    doc = code("عقد البرلمان الكندي جلسة استماع لوزير الدفاع.", [("البرلمان الكندي", "ORG", "CAN")])
    assert [e for e in of_type(doc, "ACCUSE") if e.mode == "investigate"]


def test_refusing_to_cooperate_is_a_rejection(code):
    text = "وقال الوزير الفنلندي إن بلاده لن تقبل بأي اتفاق لا يحفظ حقوق اللاجئين."
    doc = code(text, [("الوزير الفنلندي", "PER", "FIN")])
    ev = of_type(doc, "REJECT")
    assert ev and ev[0].modality == "asserted" and parties(ev[0].actor) == {"FIN"}
    assert not of_type(doc, "AGREE")
    doc = code("أعلنت الحكومة النرويجية أنها لن تصوت لصالح مشروع القرار.", [("الحكومة النرويجية", "ORG", "NOR")])
    assert of_type(doc, "REJECT") and not of_type(doc, "SUPPORT")
    # a thing that does not meet conditions refuses nothing
    assert not of_type(code("تم حجز لعب لا تستجيب لشروط السلامة."), "REJECT")
    # a past negation (لم) stays a negated cooperation, not a rejection
    doc = code("لم تدعم الحكومة النرويجية مشروع القرار.", [("الحكومة النرويجية", "ORG", "NOR")])
    assert not of_type(doc, "REJECT")


def test_a_ban_on_showing_or_entering_is_a_restriction(code):
    text = "قررت السلطات الأردنية منع عرض الفيلم في دور السينما."
    doc = code(text, [("السلطات الأردنية", "ORG", "JOR")])
    ev = of_type(doc, "COERCE")
    assert ev and ev[0].mode == "restrict" and parties(ev[0].actor) == {"JOR"}


def test_one_party_meeting_another_makes_the_pair_that_the_sides_refer_to(code):
    text = "التقى الرئيس الغاني المبعوث الأممي في أكرا. واتفق الجانبان على مواصلة التنسيق."
    doc = code(text, [("الرئيس الغاني", "PER", "GHA"), ("المبعوث الأممي", "PER", "UNO"), ("أكرا", "GPE", "GHA")])
    ev = of_type(doc, "AGREE")
    assert ev and parties(ev[0].actor) | parties(ev[0].recipient) == {"GHA", "UNO"}


def test_pushing_someone_to_act_and_dropping_bombs_are_no_seizure_or_aid(code):
    doc = code("دفعت الهزة عددا من السكان إلى مغادرة بيوتهم.")
    assert not of_type(doc, "COERCE")
    doc = code("ألقت طائرة تابعة للجيش الكيني قنبلتين على السوق.", [("للجيش الكيني", "ORG", "KEN")])
    assert not of_type(doc, "AID")


def test_receiving_people_in_need_is_no_visit(code):
    doc = code("وتستقبل مدينة الرمثا آلاف النازحين منذ بداية الحرب.", [("الرمثا", "GPE", "JOR")])
    assert not of_type(doc, "CONSULT")
    doc = code("استقبل الرئيس الكيني وزير الخارجية الأوغندي.",
               [("الرئيس الكيني", "PER", "KEN"), ("وزير الخارجية الأوغندي", "PER", "UGA")])
    assert of_type(doc, "CONSULT")


def test_the_verbal_noun_of_a_legal_challenge_is_no_stabbing(code):
    doc = code("عقد الأمين العام للحزب ندوة صحفية للطعن في قرار إقالته.")
    assert not of_type(doc, "ASSAULT")
    assert [e for e in of_type(doc, "ACCUSE") if e.mode == "allege"]


def test_the_pronoun_of_a_resignation_is_the_one_who_resigns(code):
    text = "التقى رئيس الوزراء الكيني الرئيس أمس، وأعلن خلال اللقاء عن استقالته من منصبه."
    doc = code(text, [("رئيس الوزراء الكيني", "PER", "KEN")])
    ev = [e for e in of_type(doc, "RETREAT") if e.mode == "resign"]
    assert ev and parties(ev[0].actor) == {"KEN"} and not parties(ev[0].recipient)


def test_a_ceasefire_violation_is_no_ceasefire_and_no_shooting(code):
    text = "واتهمت الحكومة الإثيوبية المتمردين بخرق وقف إطلاق النار في الإقليم."
    doc = code(text, [("الحكومة الإثيوبية", "ORG", "ETH")])
    assert of_type(doc, "ACCUSE")
    assert not of_type(doc, "RETREAT") and not of_type(doc, "ASSAULT")


def test_crowds_of_citizens_received_are_no_protest(code):
    doc = code("استقبل الأمير في قصره الوزراء وجموعا من المواطنين.")
    assert not of_type(doc, "PROTEST")
    doc = code("خرجت حشود من المتظاهرين في شوارع المدينة.")
    assert of_type(doc, "PROTEST")


def test_what_a_request_asks_for_has_not_happened(code):
    text = "دعا رئيس الحزب الكيني نواب المعارضة إلى الاستقالة وإنهاء الحوار مع الحكومة."
    doc = code(text, [("الحزب الكيني", "ORG", "KEN")])
    assert of_type(doc, "REQUEST")
    assert not of_type(doc, "RETREAT")
    # an act reported after the request's clause is still an event
    doc = code("دعت الحكومة الكينية إلى الحوار. وقصفت الطائرات الكينية مواقع المتمردين.",
               [("الحكومة الكينية", "ORG", "KEN"), ("الطائرات الكينية", "ORG", "KEN")])
    assert of_type(doc, "ASSAULT")


def test_announcing_a_ceasefire_is_no_shooting(code):
    doc = code("وأعلن الجيش الفلبيني وقف إطلاق النار مع المتمردين.", [("الجيش الفلبيني", "ORG", "PHL")])
    assert of_type(doc, "RETREAT") and not of_type(doc, "ASSAULT")


def test_a_politician_attacking_a_government_attacks_in_words(code):
    text = "وهاجم رئيس الحزب الغاني المعارض حكومة البلاد بسبب غلاء الأسعار."
    doc = code(text, [("الحزب الغاني", "ORG", "GHA", 1, "PTY")])
    ev = of_type(doc, "ACCUSE")
    assert ev and ev[0].mode == "disapprove" and parties(ev[0].actor) == {"GHA"}
    # armed men attacking parliament is an assault
    doc = code("هاجم مسلحون مبنى البرلمان الغاني.", [("البرلمان الغاني", "ORG", "GHA", 1, "LEG")])
    assert not of_type(doc, "ACCUSE")


def test_judging_words_after_a_speech_verb_are_disapproval(code):
    text = "واعتبر رئيس الحزب المغربي أن ما تقوم به الحكومة هو تحايل على الشعب."
    doc = code(text, [("الحزب المغربي", "ORG", "MAR", 1, "PTY")])
    ev = of_type(doc, "ACCUSE")
    assert ev and ev[0].mode == "disapprove" and parties(ev[0].actor) == {"MAR"}


def test_a_detention_order_is_an_arrest_and_the_investigating_judge_no_investigation(code):
    doc = code("أصدر قاضي التحقيق بطاقة إيداع بالسجن في حق الوزير السابق.")
    assert [e for e in of_type(doc, "COERCE") if e.mode == "arrest"]
    assert not of_type(doc, "ACCUSE")
    doc = code("وصدر له قرار بالسجن من النيابة العامة مساء أمس.")
    assert [e for e in of_type(doc, "COERCE") if e.mode == "arrest"]


def test_a_fronted_topic_refers_to_the_speaker_named_after_it(code):
    from marsad.records import Actor, Cue, Mention, Quote
    text = "وبخصوص دعوته البرلمان إلى الانعقاد، اعتبر رئيس الحكومة التونسي الأسبق أن المجلس هو المكان الأنسب."
    s = text.index("اعتبر")
    sp = text.index("رئيس الحكومة التونسي الأسبق")
    spk = Mention(text="رئيس الحكومة التونسي الأسبق", start=sp, end=sp + len("رئيس الحكومة التونسي الأسبق"),
                  actor=Actor(country="TUN", sector="GOV", kind="person"))
    q0 = text.index("المجلس")
    q = Quote(id="q1", text=text[q0:-1], start=q0, end=len(text) - 1, kind="indirect",
              cue=Cue(text="اعتبر", start=s, end=s + 5), speaker=spk, via=None)
    doc = code(text, [("رئيس الحكومة التونسي الأسبق", "PER", "TUN")], quotes=[q])
    ev = of_type(doc, "REQUEST")
    assert ev and parties(ev[0].actor) == {"TUN"}


def test_achieving_reaching_and_publishing_are_no_events(code):
    doc = code("وأضاف أن المجلس لم يحقق أهدافه في التواصل مع المواطنين.")
    assert not of_type(doc, "ACCUSE")
    doc = code("نسعى إلى تحقيق توازن سياسي حقيقي في المشهد.")
    assert not of_type(doc, "ACCUSE")
    doc = code("وعبر عن أمله في ألا تصل البلاد إلى أزمة سياسية.")
    assert not of_type(doc, "CONSULT")
    doc = code("يتم اليوم نشر نتائج امتحان شهادة ختم التعليم الأساسي.")
    assert not doc.events
    doc = code("حققت الشرطة النمساوية في الحادث.", [("الشرطة النمساوية", "ORG", "AUT")])
    assert of_type(doc, "ACCUSE")


def test_a_spokesman_of_an_organisation_speaks_for_it(code):
    text = "استنكر الناطق باسم الحزب الجمهوري المالي عدم دعوة حزبه إلى الاجتماع."
    doc = code(text, [("الحزب الجمهوري المالي", "ORG", "MLI", 1, "PTY")])
    ev = of_type(doc, "ACCUSE")
    assert ev and parties(ev[0].actor) == {"MLI"} and not parties(ev[0].recipient)


def test_a_quantity_reaching_a_figure_is_no_visit(code):
    doc = code("وقالت الوكالة إن عددا يصل إلى 390 مقاتلا قتلوا في الغارات.")
    assert not of_type(doc, "CONSULT")
    doc = code("وتطلع الوزير الكويتي إلى تعاون أوثق مع الاتحاد الأوروبي.", [("الوزير الكويتي", "PER", "KWT")])
    assert not of_type(doc, "ACCUSE")


def test_the_antecedent_of_a_relative_pronoun_is_the_subject_of_its_verb(code):
    text = "وأثار القرار غضبا في قطر التي اتهمت السعودية بمحاولة عزلها."
    doc = code(text, [("قطر", "GPE", "QAT"), ("السعودية", "GPE", "SAU")])
    ev = of_type(doc, "ACCUSE")
    assert ev and parties(ev[0].actor) == {"QAT"} and parties(ev[0].recipient) == {"SAU"}
    # with an object pronoun on the verb, the antecedent is its object
    text = "وأدان الوزير المالي الغارات على تمبكتو التي شنتها القوات الفرنسية."
    doc = code(text, [("الوزير المالي", "PER", "MLI"), ("تمبكتو", "GPE", "MLI"), ("القوات الفرنسية", "ORG", "FRA")])
    assert not [e for e in doc.events if e.trigger.text == "شنتها" and parties(e.actor) == {"MLI"}]


def test_an_activist_or_journalist_with_a_nationality_is_a_party(code):
    text = "وصف الناشط السياسي المغربي رئيس البلدية بزعيم عصابة."
    doc = code(text, [("المغربي", "NORP", "MAR")])
    ev = of_type(doc, "ACCUSE")
    assert ev and parties(ev[0].actor) == {"MAR"}


def test_a_support_or_visit_asked_for_is_no_event(code):
    doc = code("وفي كلمته طالب الرئيس الغاني بدعم أكبر لجهود بلاده.", [("الرئيس الغاني", "PER", "GHA")])
    assert of_type(doc, "REQUEST") and not of_type(doc, "SUPPORT")
    doc = code("دعا النائب الغاني رئيس الحكومة إلى القيام بزيارة رسمية إلى الجهة.", [("النائب الغاني", "PER", "GHA")])
    assert of_type(doc, "REQUEST") and not of_type(doc, "CONSULT")


def test_cancelling_an_agreement_or_dealings_is_a_sanction(code):
    text = "أعلن الرئيس الأمريكي إلغاء القرار الذي اتخذته الإدارة السابقة بشأن تطبيع العلاقات مع كوبا."
    doc = code(text, [("الرئيس الأمريكي", "PER", "USA"), ("كوبا", "GPE", "CUB")])
    ev = of_type(doc, "SANCTION")
    assert ev and parties(ev[0].actor) == {"USA"}
    doc = code("أوقفت البنوك الكويتية التعامل مع مصارف بوليفية.", [("الكويتية", "NORP", "KWT")])
    assert [e for e in of_type(doc, "SANCTION") if e.mode == "discontinue"]
    assert not of_type(doc, "COERCE")


def test_the_pronoun_of_an_attack_noun_is_its_doer(code):
    text = "قصفت القوات الإثيوبية مواقع المتمردين أمس. وواصلت القوات الإثيوبية اليوم غاراتها على الإقليم."
    doc = code(text, [("القوات الإثيوبية", "ORG", "ETH", 1, "MIL"), ("القوات الإثيوبية", "ORG", "ETH", 2, "MIL")])
    ev = [e for e in of_type(doc, "ASSAULT") if e.trigger.text == "غاراتها"]
    assert not ev or ("ETH" in parties(ev[0].actor) and "ETH" not in parties(ev[0].recipient))
    assert not [e for e in of_type(doc, "ASSAULT") if "ETH" in parties(e.recipient)]


def test_a_name_between_commas_after_a_title_is_the_subject_and_a_threatened_act_no_event(code):
    text = 'هدد الأمين العام لحزب النور الباكستاني، أحمد خان، اليوم الخميس، "الهند" باستهداف منشآتها النووية.'
    doc = code(text, [("حزب النور الباكستاني", "ORG", "PAK", 1, "PTY"), ("أحمد خان", "PER", "PAK", 1, "PTY"),
                      ("الهند", "GPE", "IND")], times=[("اليوم الخميس", "2025-04-17", "day", "past")])
    ev = of_type(doc, "THREATEN")
    assert ev and parties(ev[0].actor) == {"PAK"} and parties(ev[0].recipient) == {"IND"}
    assert not of_type(doc, "ASSAULT")


def test_a_protest_note_a_refused_grant_and_an_inquiry_asked_for(code):
    doc = code("قدم الجيش الهندي اليوم مذكرة احتجاج إلى بعثة الأمم المتحدة.",
               [("الجيش الهندي", "ORG", "IND", 1, "MIL"), ("الأمم المتحدة", "ORG", "UNO")])
    ev = of_type(doc, "ACCUSE")
    assert ev and parties(ev[0].actor) == {"IND"} and not of_type(doc, "PROTEST")
    doc = code("قال الوزير التشيكي إن بلاده لن تمنح اللاجئين حق العمل.", [("الوزير التشيكي", "PER", "CZE")])
    assert of_type(doc, "REJECT") and not of_type(doc, "AID")
    doc = code("طالبت الحكومة البيروفية بإجراء تحقيق دولي في الحادث.", [("الحكومة البيروفية", "ORG", "PER")])
    assert of_type(doc, "REQUEST") and not of_type(doc, "ACCUSE")


def test_relations_of_cooperation_are_a_topic_not_an_event(code):
    text = "التقى وزير الخارجية الكيني نظيره الأوغندي. وبحث الجانبان سبل دفع علاقات التعاون الثنائي."
    doc = code(text, [("وزير الخارجية الكيني", "PER", "KEN"), ("الأوغندي", "NORP", "UGA")])
    assert of_type(doc, "CONSULT") and not of_type(doc, "COOPERATE")


def test_a_request_reaches_its_far_ila(code):
    text = "دعا أمين عام الحزب الكيني في مداخلة له في برنامج إذاعي اليوم الخميس نواب المعارضة إلى الاستقالة."
    doc = code(text, [("الحزب الكيني", "ORG", "KEN", 1, "PTY")])
    assert of_type(doc, "REQUEST") and not of_type(doc, "RETREAT")


def test_press_conferences_and_document_dates(code):
    doc = code("وقال رئيس اللجنة القطرية في مؤتمر صحفي عقده أمس إن لجنته ستتعاقد مع مكتب محاماة.",
               [("اللجنة القطرية", "ORG", "QAT")])
    assert not of_type(doc, "CONSULT")
    assert of_type(code("يشارك الوزير الأردني في مؤتمر دولي للمانحين.", [("الوزير الأردني", "PER", "JOR")]),
                   "CONSULT")
    text = "صادق البرلمان الكيني اليوم على تنقيح القانون عدد 34 المؤرخ في 28 أفريل 2016 مقابل اعتراض نائبين."
    doc = code(text, [("البرلمان الكيني", "ORG", "KEN")],
               times=[("اليوم", "2025-04-20", "day", None), ("28 أفريل 2016", "2016-04-28", "day", "past")])
    assert all(e.date != "2016-04-28" for e in doc.events)


def test_a_first_person_verb_in_a_quote_is_the_speakers(code):
    from marsad.records import Actor, Cue, Mention, Quote
    text = "وقال رئيس الحزب الكيني: نحن نرفض كل مس برئيس حكومتنا."
    sp = text.index("رئيس الحزب الكيني")
    spk = Mention(text="رئيس الحزب الكيني", start=sp, end=sp + len("رئيس الحزب الكيني"),
                  actor=Actor(country="KEN", sector="PTY", kind="person"))
    q0 = text.index("نحن")
    q = Quote(id="q1", text=text[q0:-1], start=q0, end=len(text) - 1, kind="direct",
              cue=Cue(text="وقال", start=0, end=4), speaker=spk, via=None)
    doc = code(text, quotes=[q])
    ev = of_type(doc, "REJECT")
    assert ev and parties(ev[0].actor) == {"KEN"}


def test_sending_troops_is_a_mobilisation(code):
    doc = code("أرسلت بريطانيا نحو ألف جندي إلى ليبيا.", [("بريطانيا", "GPE", "GBR"), ("ليبيا", "GPE", "LBY")])
    ev = of_type(doc, "MOBILIZE")
    assert ev and parties(ev[0].actor) == {"GBR"}
    doc = code("أرسلت السعودية مساعدات إلى اليمن.", [("السعودية", "GPE", "SAU"), ("اليمن", "GPE", "YEM")])
    assert of_type(doc, "AID") and not of_type(doc, "MOBILIZE")


def test_displeasure_complaints_and_bomb_making_material(code):
    doc = code("أعلن حزب النور الكيني عن استيائه من التعيينات الجديدة.", [("حزب النور الكيني", "ORG", "KEN", 1, "PTY")])
    assert [e for e in of_type(doc, "ACCUSE") if e.mode == "disapprove"]
    doc = code("قدم الحزب الكيني للهيئة العليا شكوى خطية من إقصائه.", [("الحزب الكيني", "ORG", "KEN", 1, "PTY")])
    assert [e for e in of_type(doc, "ACCUSE") if e.mode == "allege"]
    doc = code("تم العثور على ألغام تقليدية الصنع ومعدات التفجير في الجبل.")
    assert not of_type(doc, "ASSAULT")


def test_a_time_after_since_dates_something_else(code):
    text = "وصل الرئيس الكيني إلى أوغندا في أول زيارة له منذ توليه الحكم في مايو الماضي."
    doc = code(text, [("الرئيس الكيني", "PER", "KEN"), ("أوغندا", "GPE", "UGA")],
               times=[("مايو الماضي", "2025-05", "month", "past")])
    ev = of_type(doc, "CONSULT")
    assert ev and all(e.date == "2025-04-20" for e in ev)


def test_an_event_after_since_is_background_and_a_distress_call_no_appeal(code):
    doc = code("وتشهد المنطقة موجة احتجاجات منذ مقتل بائع السمك في أكتوبر الماضي.")
    assert not of_type(doc, "ASSAULT")
    doc = code("تلقت الشرطة نداء استغاثة من أحد المواطنين.")
    assert not of_type(doc, "REQUEST")


def test_an_unnamed_arrester_is_the_police_of_the_place(code):
    doc = code("واعتقلت الشرطة خمسة أشخاص في مدينة نيروبي.", [("نيروبي", "GPE", "KEN")])
    ev = of_type(doc, "COERCE")
    assert ev and parties(ev[0].actor) == {"KEN"} and ev[0].actor[0].actor.sector == "COP"


def test_relating_to_is_no_phone_call(code):
    assert not of_type(code("وأوضح أن ما يحصل اليوم يتصل بالفكر السياسي السائد."), "CONSULT")
    doc = code("وسيتصل الرئيس الكيني هاتفيا بنظيره الأوغندي.", [("الرئيس الكيني", "PER", "KEN"), ("الأوغندي", "NORP", "UGA")])
    assert [e for e in of_type(doc, "CONSULT") if e.mode == "phone"]


def test_crowds_and_rallying_support_are_no_troops(code):
    assert not of_type(code("وقارنت الصحف بين حجم الحشود الجماهيرية في الحفلين."), "MOBILIZE")
    assert not of_type(code("تهدف المبادرة إلى حشد الدعم لسد الفجوة."), "MOBILIZE")
    doc = code("دفع الجيش التركي بحشود عسكرية إلى الحدود.", [("الجيش التركي", "ORG", "TUR", 1, "MIL")])
    assert of_type(doc, "MOBILIZE")


def test_security_preparations_are_no_readiness_to_cooperate(code):
    assert not of_type(code("وتجري الترتيبات وسط استعداد أمني استثنائي كثيف."), "AGREE")
    doc = code("أعرب الرئيس الإيراني عن استعداد بلاده للتعاون مع الجيران.", [("الرئيس الإيراني", "PER", "IRN")])
    assert of_type(doc, "AGREE")


def test_the_two_countries_of_a_sentence_resolve_its_dual_noun(code):
    text = "توجت أشغال اللجنة المشتركة الكينية الأوغندية بإمضاء اتفاقيات تعاون بين البلدين."
    doc = code(text, [("الكينية", "NORP", "KEN"), ("الأوغندية", "NORP", "UGA")])
    assert any(parties(e.actor) | parties(e.recipient) == {"KEN", "UGA"} for e in doc.events)


def test_welcoming_every_initiative_reaches_no_agreement(code):
    doc = code("وأكد الوزير الفنلندي أن بلاده ترحب بكل مبادرة تخدم السلام.", [("الوزير الفنلندي", "PER", "FIN")])
    assert of_type(doc, "SUPPORT") and not of_type(doc, "AGREE")
    doc = code("وقدم الوزير الفنلندي مبادرة جديدة للسلام.", [("الوزير الفنلندي", "PER", "FIN")])
    assert of_type(doc, "AGREE")  # a particular initiative still is one
