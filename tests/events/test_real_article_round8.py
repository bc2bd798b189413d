"""Constructions that round 8 of the real-article judging found wrong; the sentences are written for these tests
(invented parties and facts), one construction each."""
from __future__ import annotations

from .conftest import of_type, parties


def test_a_sum_given_to_help_someone_is_aid_however_far_the_purpose(code):
    doc = code("وقدمت الحكومة الكينية، في اجتماعها الأخير قبل العطلة، عشرة ملايين دولار لمساعدة اللاجئين.",
               [("الحكومة الكينية", "ORG", "KEN")])
    ev = of_type(doc, "AID")
    assert ev and parties(ev[0].actor) == {"KEN"}


def test_granting_visas_or_giving_up_citizenship_is_no_aid_nor_concession(code):
    doc = code("وقالت كينيا إنها ترفض منح خمسة نواب أوغنديين تأشيرات دخول.", [("كينيا", "GPE", "KEN")])
    assert of_type(doc, "REJECT") and not of_type(doc, "AID")
    doc = code("وكان الصحافي قد تنازل عن جنسيته الكينية قبل عام.")
    assert not of_type(doc, "CONCEDE")


def test_abolishing_posts_is_a_concession_and_keeping_posts_away_no_deportation(code):
    doc = code("وقرر رئيس الوزراء الكيني إلغاء مناصب نواب الرئيس.", [("الكيني", "NORP", "KEN")])
    ev = of_type(doc, "CONCEDE")
    assert ev and parties(ev[0].actor) == {"KEN"}
    doc = code("وقرر الرئيس إبعاد المناصب العليا عن المحاصصة الحزبية.")
    assert not of_type(doc, "COERCE")


def test_a_political_rally_is_no_troop_mobilization(code):
    doc = code("وكان الرئيس يتحدث أمام حشد سياسي في نيروبي.", [("نيروبي", "GPE", "KEN")])
    assert not of_type(doc, "MOBILIZE")


def test_a_missile_named_before_its_launching_verb_has_that_verb_s_subject_as_doer(code):
    doc = code("وقال الجيش إن صاروخا أطلقته أوغندا صباح اليوم سقط في البحيرة.", [("أوغندا", "GPE", "UGA")])
    ev = of_type(doc, "ASSAULT")
    assert ev and parties(ev[0].actor) == {"UGA"}


def test_revealing_suspected_corruption_alleges_it(code):
    doc = code("وكشف تقرير أعدته جمعية كينية عن شبهات فساد في مشروع الطريق.", [("كينية", "NORP", "KEN")])
    assert [(e.type, e.mode) for e in of_type(doc, "ACCUSE")] == [("ACCUSE", "allege")]


def test_the_purpose_of_a_sum_names_the_beneficiary_past_the_giver_s_titled_name(code):
    doc = code("وقدم الرئيس الكيني السابق، موي كيباكي، مليون دولار لمساعدة اللاجئين الصوماليين.",
               [("الكيني", "NORP", "KEN"), ("موي كيباكي", "PER", "KEN"), ("الصوماليين", "NORP", "SOM")])
    ev = of_type(doc, "AID")
    assert ev and parties(ev[0].actor) == {"KEN"} and parties(ev[0].recipient) == {"SOM"}


def test_a_qualifier_between_a_title_and_its_holder_keeps_the_name_an_apposition(code):
    doc = code("وانتقد وزير الخارجية الكيني السابق، جون أوكيلو، الحكومة الأوغندية.",
               [("الكيني", "NORP", "KEN"), ("جون أوكيلو", "PER", "KEN"), ("الحكومة الأوغندية", "ORG", "UGA")])
    ev = of_type(doc, "ACCUSE")
    assert ev and parties(ev[0].actor) == {"KEN"} and parties(ev[0].recipient) == {"UGA"}


def test_a_name_s_own_office_after_it_is_no_recipient_when_an_object_follows(code):
    doc = code("واتهم جون أوكيلو نائب الرئيس الكيني أوغندا اليوم بدعم المتمردين.",
               [("جون أوكيلو", "PER", "KEN"), ("الكيني", "NORP", "KEN"), ("أوغندا", "GPE", "UGA")])
    ev = of_type(doc, "ACCUSE")
    assert ev and parties(ev[0].actor) == {"KEN"} and parties(ev[0].recipient) == {"UGA"}
    # with no party after it, the office is the object
    doc = code("واتهم جون أوكيلو وزير الدفاع الأوغندي بالكذب.",
               [("جون أوكيلو", "PER", "KEN"), ("الأوغندي", "NORP", "UGA")])
    ev = of_type(doc, "ACCUSE")
    assert ev and parties(ev[0].recipient) == {"UGA"}


def test_similar_measures_repeat_the_last_measure_s_type_and_target(code):
    text = ("وقطعت كينيا علاقاتها الدبلوماسية مع أوغندا. "
            "بدورها، أعلنت كل من تنزانيا ورواندا اتخاذها إجراءات مماثلة.")
    doc = code(text, [("كينيا", "GPE", "KEN"), ("أوغندا", "GPE", "UGA"), ("تنزانيا", "GPE", "TZA"),
                      ("رواندا", "GPE", "RWA")])
    similar = [e for e in doc.events if e.trigger.start > text.index("بدورها")]
    assert similar and similar[0].type == "SANCTION"
    assert parties(similar[0].actor) == {"TZA", "RWA"} and parties(similar[0].recipient) == {"UGA"}
    # after aid, similar steps are aid
    text = "وقدمت كينيا مساعدات إنسانية لأوغندا. واتخذت تنزانيا خطوات مماثلة."
    doc = code(text, [("كينيا", "GPE", "KEN"), ("أوغندا", "GPE", "UGA"), ("تنزانيا", "GPE", "TZA")])
    similar = [e for e in doc.events if e.trigger.start >= text.index("واتخذت")]
    assert similar and similar[0].type == "AID" and parties(similar[0].actor) == {"TZA"}


def test_a_time_in_a_clause_without_relative_pronoun_dates_that_clause(code):
    text = "وطلبت كينيا من أوغندا تفسيرا لتصريح أدلى به وزيرها وأشار فيه إلى وقوع هجوم يوم الجمعة."
    doc = code(text, [("كينيا", "GPE", "KEN"), ("أوغندا", "GPE", "UGA")],
               times=[("يوم الجمعة", "2025-04-18", "day", "past")])
    ev = of_type(doc, "REQUEST")
    assert ev and ev[0].date == "2025-04-20"  # the publication date, not the attack's
    text = "وحطم المحتجون واجهات متاجر في شارع كان مسرحا لأعمال شغب في العام الماضي."
    doc = code(text, times=[("العام الماضي", "2024", "year", "past")])
    ev = [e for e in doc.events if e.trigger.text == "وحطم"]
    assert ev and ev[0].date == "2025-04-20"
    # a clause right after an event noun is its own
    text = "وتأتي الزيارة التي يقوم بها الرئيس الكيني اليوم إلى أوغندا."
    doc = code(text, [("الكيني", "NORP", "KEN"), ("أوغندا", "GPE", "UGA")],
               times=[("اليوم", "2025-04-20", "day", None)], date="2025-04-21")
    ev = of_type(doc, "CONSULT")
    assert ev and ev[0].date == "2025-04-20"


def test_a_war_on_corruption_is_coercion_and_a_war_elsewhere_is_not(code):
    doc = code("ووصف الوزير الحرب التي تشنها كينيا على الفساد بأم المعارك.", [("كينيا", "GPE", "KEN")])
    ev = of_type(doc, "COERCE")
    assert ev and parties(ev[0].actor) == {"KEN"} and "corruption" in ev[0].contexts
    doc = code("وتحدث الوزير عن الحرب في جنوب السودان وعن الفساد الإداري.")
    assert not of_type(doc, "COERCE")


def test_calling_something_chaotic_or_unacceptable_disapproves_of_it(code):
    doc = code("ووصف حزب كيني ما يحدث في أوغندا بالانتصاب الفوضوي.", [("كيني", "NORP", "KEN"), ("أوغندا", "GPE", "UGA")])
    assert [(e.type, e.mode) for e in doc.events] == [("ACCUSE", "disapprove")]
