import json

import pytest

from marsad.errors import BinaryInput, EmptyText, InvalidDate, TooLarge
from marsad.records import (Actor, Article, ArticleRecord, Entity, Event, Mention, Quote, Cue, Span, TimeExpr,
                            make_id)


def test_article_create_fixes_text_once():
    a = Article.create(id="x", text="سطر\r\nثان\r", date="2025-04-20T10:00:00")
    assert a.text == "سطر\nثان\n"
    assert a.date == "2025-04-20"


@pytest.mark.parametrize("text,err", [("", EmptyText), ("   \n\t", EmptyText), ("a\x00b", BinaryInput),
                                      (b"\xff\xfe\x00", BinaryInput), (b"\xc3\x28", BinaryInput)])
def test_article_bad_text(text, err):
    with pytest.raises(err):
        Article.create(id="x", text=text)


def test_article_bad_date_and_size():
    with pytest.raises(InvalidDate):
        Article.create(id="x", text="نص", date="2025-13-01")
    with pytest.raises(TooLarge):
        Article.create(id="x", text="ن" * 20, max_chars=10)


def test_record_json_round_trip():
    actor = Actor(name="Dmitry Peskov", country="RUS", sector="GOV")
    rec = ArticleRecord(
        article=Article(id="a", text="نص", date="2025-04-20"),
        entities=(Entity(id=make_id("a", "ent", 0, 2), text="نص", start=0, end=2, type="PER", actor=actor),),
        quotes=(Quote(id="q", text="نص", start=0, end=2, kind="direct",
                      cue=Cue(text="قال", start=0, end=1), speaker=Mention(text="x", start=0, end=1, actor=actor)),),
        times=(TimeExpr(id="t", text="نص", start=0, end=2, value="2025", grain="year"),),
        events=(Event(id="e", type="CONSULT", actor=(Mention(text="x", start=0, end=1, actor=actor),),
                      trigger=Span(text="نص", start=0, end=2), contexts=("diplomatic",)),),
    )
    d = json.loads(json.dumps(rec.to_dict(), ensure_ascii=False))
    assert d["schema"] == "marsad.article/1"
    assert "error" not in d
    back = ArticleRecord.from_dict(d)
    assert back == rec


def test_make_id_is_deterministic():
    assert make_id("a", "ent", 1, 5) == make_id("a", "ent", 1, 5) != make_id("a", "ent", 1, 6)
