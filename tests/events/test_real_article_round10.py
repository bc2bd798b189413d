"""Constructions that round 10 of the real-article judging found uncoded; the sentences are written for these
tests (invented parties and facts), one construction each."""
from __future__ import annotations

from .conftest import of_type


def test_a_court_sentencing_with_words_between_is_a_sanction(code):
    doc = code("وقضت محكمة الجنايات في نيروبي أمس بإعدام رجل أدين بتهريب المخدرات.", [("نيروبي", "GPE", "KEN")])
    assert of_type(doc, "SANCTION") and not of_type(doc, "ASSAULT")


def test_conscription_is_mobilization(code):
    doc = code("وأعلنت كينيا إعادة العمل بالتجنيد الإجباري للشباب.", [("كينيا", "GPE", "KEN")])
    assert of_type(doc, "MOBILIZE")


def test_a_car_ramming_is_assault(code):
    doc = code("ودهس سائق شاحنة عددا من المارة في وسط نيروبي.", [("نيروبي", "GPE", "KEN")])
    assert of_type(doc, "ASSAULT")
    doc = code("وقالت الشرطة الكينية إن عملية دهس وقعت في نيروبي.", [("الكينية", "NORP", "KEN")])
    assert of_type(doc, "ASSAULT")


def test_building_a_wall_is_no_praise(code):
    doc = code("وقال المرشح إنه يشيد جدارا على الحدود مع أوغندا.", [("أوغندا", "GPE", "UGA")])
    assert not of_type(doc, "SUPPORT")
    doc = code("وأشاد وزير الخارجية الكيني بدور أوغندا في المفاوضات.", [("الكيني", "NORP", "KEN"), ("أوغندا", "GPE", "UGA")])
    assert of_type(doc, "SUPPORT")


def test_leading_the_polls_is_no_occupation(code):
    doc = code("واحتل المرشح الكيني الطليعة في استطلاعات الرأي.", [("الكيني", "NORP", "KEN")])
    assert not of_type(doc, "COERCE")


def test_polls_closing_is_no_coercion(code):
    doc = code("وأغلقت مراكز الاقتراع في كينيا أبوابها مساء أمس.", [("كينيا", "GPE", "KEN")])
    assert not of_type(doc, "COERCE")
    doc = code("وأغلقت السلطات الكينية مكاتب الصحيفة في نيروبي.", [("الكينية", "NORP", "KEN")])
    assert of_type(doc, "COERCE")
    doc = code("وبعد إغلاق صناديق الاقتراع في كينيا بدأ فرز الأصوات.", [("كينيا", "GPE", "KEN")])
    assert not of_type(doc, "COERCE")


def test_soldiers_martyred_are_assaulted_but_citing_is_not(code):
    doc = code("ووصلت جثامين الجنود الكينيين الذين استشهدوا على الحدود الشمالية.", [("الكينيين", "NORP", "KEN")])
    assert of_type(doc, "ASSAULT")
    doc = code("واستشهد الوزير الكيني بقول مأثور عن الصبر.", [("الكيني", "NORP", "KEN")])
    assert not of_type(doc, "ASSAULT")
