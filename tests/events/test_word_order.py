"""Subject before the verb (SVO, the usual headline order) versus after it (VSO), through the default pipeline."""
import pytest

from marsad.records import Article


def _countries(ms):
    return {m.actor.country for m in ms if m.actor}


@pytest.mark.parametrize("text,typ,actor,recipient", [
    ("الرئيس الفرنسي يزور الجزائر لبحث ملفات الطاقة.", "CONSULT", "FRA", "DZA"),
    ("زار الرئيس الفرنسي الجزائر لبحث ملفات الطاقة.", "CONSULT", "FRA", "DZA"),
    ("الاتحاد الأوروبي يفرض عقوبات جديدة على روسيا.", "SANCTION", "EUR", "RUS"),
])
def test_subject_before_or_after_the_verb(nlp, text, typ, actor, recipient):
    doc = nlp(Article.create(id="t", text=text, date="2025-03-02"))
    ev = [e for e in doc.events if e.type == typ]
    assert ev, doc.events
    assert actor in _countries(ev[0].actor) and recipient in _countries(ev[0].recipient)


def test_a_name_after_its_title_is_no_recipient(nlp):
    text = "ودعا رئيس الوزراء العراقي محمد شياع السوداني المواطنين إلى المشاركة في الانتخابات."
    doc = nlp(Article.create(id="t", text=text, date="2025-11-12"))
    ev = [e for e in doc.events if e.type == "REQUEST"]
    assert ev and "IRQ" in _countries(ev[0].actor)
    assert not any(m.actor and m.actor.name == "Mohammed Shia al-Sudani" for m in ev[0].recipient)


def test_a_name_the_gazetteer_does_not_know_after_its_title_is_no_recipient(nlp):
    text = "والتقى وزير الخارجية الموريتاني محمد ولد سالم نظيره المغربي في الرباط أمس."
    doc = nlp(Article.create(id="t", text=text, date="2025-11-12"))
    ev = [e for e in doc.events if e.type == "CONSULT"]
    assert ev and _countries(ev[0].actor) == {"MRT"}
    assert _countries(ev[0].recipient) == {"MAR"}
