"""Constructions that round 11 of the real-article judging found uncoded or misattributed; the sentences are
written for these tests (invented parties and facts), one construction each."""
from __future__ import annotations

from .conftest import of_type


def test_a_meeting_named_after_a_session_is_consult(code):
    doc = code("وعقدت في مدريد الدورة السادسة للاجتماع الكيني الأوغندي رفيع المستوى.",
               [("مدريد", "GPE", "ESP"), ("الكيني", "NORP", "KEN"), ("الأوغندي", "NORP", "UGA")])
    assert of_type(doc, "CONSULT")


def test_holding_a_meeting_at_sentence_start_is_consult(code):
    doc = code("عقد الاجتماع الكيني الأوغندي في نيروبي برئاسة وزيري الخارجية.",
               [("الكيني", "NORP", "KEN"), ("الأوغندي", "NORP", "UGA"), ("نيروبي", "GPE", "KEN")])
    assert of_type(doc, "CONSULT")


def test_a_nationality_after_an_attack_noun_is_its_doer(code):
    doc = code("وقالت أوغندا إن الغارة الكينية على مطار غولو دمرت طائرتين.",
               [("أوغندا", "GPE", "UGA"), ("الكينية", "NORP", "KEN"), ("غولو", "GPE", "UGA")])
    assaults = of_type(doc, "ASSAULT")
    assert assaults and all(any(m.actor is not None and m.actor.country == "KEN" for m in e.actor) for e in assaults)


def test_the_nationality_of_a_verbs_object_is_no_doer(code):
    doc = code("وأعلن الجيش أن مقاتلاته اعترضت طائرة ركاب أوغندية فوق نيروبي.",
               [("أوغندية", "NORP", "UGA"), ("نيروبي", "GPE", "KEN")])
    assert not any(m.actor is not None and m.actor.country == "UGA" for e in doc.events for m in e.actor)
    doc = code("وقدمت كينيا مليون دولار لمساعدة الأوغنديين المتضررين من الفيضانات.",
               [("كينيا", "GPE", "KEN"), ("الأوغنديين", "NORP", "UGA")])
    aid = of_type(doc, "AID")
    assert aid and all(m.actor.country == "KEN" for e in aid for m in e.actor if m.actor is not None)


def test_an_attack_is_dated_by_its_own_clause_not_the_statement(code):
    text = "وقالت الشرطة الكينية اليوم الخميس إن مسلحين هاجموا دورية للجيش قرب الحدود يوم الأربعاء."
    times = [("اليوم الخميس", "2025-04-17", "day", "past"), ("يوم الأربعاء", "2025-04-16", "day", "past")]
    doc = code(text, [("الكينية", "NORP", "KEN")], times=times, date="2025-04-17")
    assert [e.date for e in of_type(doc, "ASSAULT")] == ["2025-04-16"]
    doc = code("وقالت الشرطة الكينية اليوم الخميس إن مسلحين هاجموا دورية للجيش قرب الحدود.", [("الكينية", "NORP", "KEN")],
               times=times[:1], date="2025-04-17")
    assert [e.date for e in of_type(doc, "ASSAULT")] == ["2025-04-17"]
