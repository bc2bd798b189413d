"""Constructions that round 11 of the real-article judging found miscoded; the sentences are written for these
tests (invented parties and facts), one construction each."""
from __future__ import annotations

from .conftest import of_type, parties


def test_a_referral_to_the_courts_with_words_between_is_an_accusation(code):
    doc = code("وقالت الهيئة الكينية إنها أحالت منها أكثر من 200 ملف على القضاء.", [("الكينية", "NORP", "KEN")])
    assert of_type(doc, "ACCUSE")
    doc = code("وأحالت الهيئة الكينية التقرير إلى البرلمان.", [("الكينية", "NORP", "KEN")])
    assert not of_type(doc, "ACCUSE")


def test_insisting_on_a_necessity_in_a_participle_is_a_request(code):
    doc = code("وأعرب الرئيس الكيني عن قلقه مؤكدا ضرورة تسريع المفاوضات مع أوغندا.",
               [("الكيني", "NORP", "KEN"), ("أوغندا", "GPE", "UGA")])
    assert of_type(doc, "REQUEST")


def test_a_known_agreement_named_in_construct_is_no_agreement(code):
    doc = code("وانتقد الرئيس الكيني اتفاقية التجارة الحرة مع أوغندا.", [("الكيني", "NORP", "KEN"), ("أوغندا", "GPE", "UGA")])
    assert not of_type(doc, "AGREE")
    doc = code("وأعلنت كينيا وأوغندا اتفاقا على فتح الحدود.", [("كينيا", "GPE", "KEN"), ("أوغندا", "GPE", "UGA")])
    assert of_type(doc, "AGREE")


def test_a_nationality_after_a_strike_noun_is_its_doer(code):
    doc = code("وأدت الضربة الكينية التي استهدفت معسكرا للجيش الأوغندي في كمبالا ليلة الأحد إلى خسائر كبيرة.",
               [("الكينية", "NORP", "KEN"), ("للجيش الأوغندي", "ORG", "UGA")])
    ev = of_type(doc, "ASSAULT")
    assert ev and any(parties(e.actor) == {"KEN"} for e in ev)


def test_winning_or_buying_support_is_no_support(code):
    doc = code("واجتذب الرئيس الكيني دعم النواب الأوغنديين.", [("الكيني", "NORP", "KEN"), ("الأوغنديين", "NORP", "UGA")])
    assert not of_type(doc, "SUPPORT")
    doc = code("وأعطى الرئيس الكيني أموالا للنواب لشراء دعمهم.", [("الكيني", "NORP", "KEN")])
    assert not of_type(doc, "SUPPORT")
    doc = code("وأعلنت الحكومة الكينية دعمها لأوغندا.", [("الحكومة الكينية", "ORG", "KEN"), ("لأوغندا", "GPE", "UGA")])
    assert of_type(doc, "SUPPORT")
