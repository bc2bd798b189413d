"""The store on SQLite and PostgreSQL: idempotent ingest, replacement, search, filters and aggregates."""
from __future__ import annotations

import dataclasses
import json
import random
from collections import Counter

import pytest

from marsad.errors import UsageError
from marsad.records import Article, ArticleRecord, Entity, error_record
from marsad.store import EventFilter
from marsad.store.synthetic import article, corpus


def _record(aid: str, text: str, date: str = "2025-03-01") -> ArticleRecord:
    return ArticleRecord(article=Article.create(id=aid, text=text, date=date, title="عنوان"))


def test_ingest_twice_stores_once(store):
    recs = corpus(12, seed=1)
    first = store.ingest(recs)
    counts = store.counts()
    second = store.ingest(recs)
    assert (first.created, first.unchanged) == (12, 0)
    assert (second.created, second.unchanged, second.replaced) == (0, 12, 0)
    assert store.counts() == counts
    assert counts["articles"] == 12
    assert counts["events"] == sum(len(r.events) for r in recs)
    assert counts["quotes"] == sum(len(r.quotes) for r in recs)
    assert counts["entities"] == sum(len(r.entities) for r in recs)


def test_article_round_trip(store):
    rec = corpus(1, seed=2)[0]
    store.put(rec)
    got = store.article(rec.article.id)
    assert json.loads(json.dumps(got)) == json.loads(json.dumps(rec.to_dict()))
    assert store.article("missing") is None


def test_changed_article_replaces_old_version(store):
    old = article("a1", "2025-02-02", random.Random(1), n_events=4, extra_text=" كلمةقديمة")
    new = article("a1", "2025-02-02", random.Random(2), n_events=1, extra_text=" كلمةجديدة")
    assert store.put(old) == "created"
    assert store.put(new) == "replaced"
    c = store.counts()
    assert c["articles"] == 1 and c["events"] == 1 and c["entities"] == len(new.entities)
    assert store.list_articles(q="كلمةجديدة")[0] == 1
    assert store.list_articles(q="كلمةقديمة")[0] == 0
    assert store.article("a1")["article"]["text"] == new.article.text


def test_search_ignores_diacritics_and_alef_forms(store):
    store.put(_record("s1", "أعلنَ وزيرُ الخارجيةِ إطلاقَ مبادرةٍ جديدةٍ للسلام في المنطقة."))
    store.put(_record("s2", "انتهت المباراة بفوز الفريق المحلي."))
    for q in ("اعلن", "أعلن", "أَعْلَنَ", "اطلاق", "إطلاق المبادرة"[:5], "مبادره"):
        total, items = store.list_articles(q=q)
        assert total == 1 and items[0]["id"] == "s1", q
    assert store.list_articles(q="المباراة")[1][0]["id"] == "s2"
    assert store.list_articles(q="غيرموجود")[0] == 0
    assert store.list_articles(q="!!!")[0] == 0  # no words: nothing, not an error
    assert store.list_articles(q='"الفريق*)')[0] == 1  # query syntax is not passed through


def test_error_records_are_not_stored(store):
    from marsad.errors import EmptyText
    stats = store.ingest([error_record("bad", EmptyText("empty")), corpus(1, seed=3)[0]])
    assert stats.errors == 1 and stats.created == 1
    assert store.counts()["articles"] == 1


def _expected(recs, pred):
    return sum(1 for r in recs for e in r.events if pred(r, e))


def test_event_filters_match_the_records(store):
    recs = corpus(40, seed=4)
    store.ingest(recs)

    def country(ms):
        return {m.actor.country for m in ms if m.actor}

    cases = [
        (EventFilter(actor_country="RUS"), lambda r, e: "RUS" in country(e.actor)),
        (EventFilter(recipient_country="EGY"), lambda r, e: "EGY" in country(e.recipient)),
        (EventFilter(country="ISR"), lambda r, e: "ISR" in country(e.actor) | country(e.recipient)),
        (EventFilter(quad=4), lambda r, e: e.quad == 4),
        (EventFilter(type="CONSULT", sector="GOV"),
         lambda r, e: e.type == "CONSULT" and "GOV" in {m.actor.sector for m in e.actor + e.recipient}),
        (EventFilter(date_from="2025-02-01", date_to="2025-02-28"),
         lambda r, e: "2025-02-01" <= e.date <= "2025-02-28"),
        (EventFilter(actor="Sergey Lavrov"),
         lambda r, e: any(m.actor.name == "Sergey Lavrov" for m in e.actor + e.recipient)),
        (EventFilter(q="موسكو"), lambda r, e: "موسكو" in r.article.text),
        (EventFilter(article=recs[3].article.id), lambda r, e: r is recs[3]),
    ]
    for f, pred in cases:
        total, items = store.events(f, limit=1000)
        assert total == _expected(recs, pred) > 0, f
        assert len(items) == total
    total, page = store.events(EventFilter(), sort="date", limit=5, offset=5)
    assert total == sum(len(r.events) for r in recs) and len(page) == 5
    dates = [e["date"] for e in store.events(EventFilter(), sort="date", limit=1000)[1]]
    assert dates == sorted(dates)
    assert page[0]["article"]["id"] and "type" in page[0]
    with pytest.raises(UsageError):
        store.events(EventFilter(), sort="nonsense")


def test_aggregates(store):
    recs = corpus(30, seed=5)
    store.ingest(recs)
    n_events = sum(len(r.events) for r in recs)
    timeline = store.timeline()
    assert sum(d["total"] for d in timeline) == n_events
    assert sum(d["q4"] for d in timeline) == _expected(recs, lambda r, e: e.quad == 4)
    net = store.network(limit=500)
    assert sum(e["weight"] for e in net["edges"]) == n_events  # one actor and one recipient per event
    assert sum(p["events"] for p in store.places()) == n_events
    total, actors = store.actors(limit=100)
    mentions = Counter(e.actor.name for r in recs for e in r.entities if e.actor)
    assert total == len(mentions)
    assert {a["label"]: a["mentions"] for a in actors} == dict(mentions)
    quotes_by = Counter(q.speaker.actor.name for r in recs for q in r.quotes)
    assert {s["speaker"]: s["quotes"] for s in store.speakers()} == dict(quotes_by)
    speaker, n = quotes_by.most_common(1)[0]
    assert store.quotes(speaker=speaker)[0] == n
    assert store.quotes(q="الحوار")[0] == sum(1 for r in recs for q in r.quotes if "الحوار" in q.text)
    facets = store.facets()
    assert "RUS" in facets["countries"] and facets["date_min"] <= facets["date_max"]


def test_records_with_extra_layers_are_kept(store):
    rec = corpus(1, seed=6)[0]
    ent = dataclasses.replace(rec.entities[0], source="gazetteer")
    rec = dataclasses.replace(rec, entities=(ent,) + rec.entities[1:], flags=("short",))
    store.put(rec)
    got = store.article(rec.article.id)
    assert got["flags"] == ["short"] and got["entities"][0]["source"] == "gazetteer"


def test_entity_without_actor(store):
    text = "زار الوفد مدينة حلب."
    rec = ArticleRecord(article=Article.create(id="e1", text=text, date="2025-01-01"),
                        entities=(Entity(id="x", text="حلب", start=text.index("حلب"), end=text.index("حلب") + 3,
                                         type="GPE"),))
    store.put(rec)
    assert store.counts()["entities"] == 1
    assert store.actors()[0] == 0


def test_concurrent_writers_store_each_article_once(store):
    import threading

    from marsad.store import open_store
    recs = corpus(30, seed=8)
    url = store.url
    errors = []

    def work():
        try:
            with open_store(url) as s:
                s.ingest(recs, batch=4)
        except Exception as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    c = store.counts()
    assert c["articles"] == 30 and c["events"] == sum(len(r.events) for r in recs)


def test_events_are_filed_under_the_first_day_of_their_time_value():
    from marsad.store.store import event_day

    assert event_day("2025-04-19") == "2025-04-19"
    assert event_day("2025-W17") == "2025-04-21"
    assert event_day("2025-04") == "2025-04-01"
    assert event_day("2018") == "2018-01-01"
    assert event_day("2025-04-19/2025-04-26") == "2025-04-19"
    assert event_day(None) is None and event_day("soon") is None


def test_timeline_leaves_out_historical_background_unless_asked(tmp_path):
    from marsad.records import Article, ArticleRecord, Event
    from marsad.store import EventFilter, open_store

    store = open_store(str(tmp_path / "t.db"))
    rec = ArticleRecord(article=Article(id="h", text="نص", date="2025-04-20"), events=(
        Event(id="e1", type="CONSULT", quad=1, date="2025-04-19", modality="asserted"),
        Event(id="e2", type="SANCTION", quad=3, date="2018", modality="historical")))
    store.ingest([rec])
    assert [d["date"] for d in store.timeline()] == ["2025-04-19"]
    assert [d["date"] for d in store.timeline(EventFilter(modality="historical"))] == ["2018-01-01"]
