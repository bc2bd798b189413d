"""The HTTP API through an HTTP client: auth, idempotent writes, errors, lists, exports, escaping."""
from __future__ import annotations

import csv
import io
import json

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from marsad.api.app import create_app  # noqa: E402
from marsad.store import open_store  # noqa: E402
from marsad.store.synthetic import corpus  # noqa: E402

AUTH = {"Authorization": "Bearer test-token"}
HOSTILE = ('بيان صحفي <script>window.__pwned = 1</script> ثم <img src=x onerror="window.__pwned=2"> '
           'وقال المتحدث إن "الاجتماع كان مثمراً".')


@pytest.fixture
def recs():
    return corpus(20, seed=21)


@pytest.fixture
def client(tmp_path, recs):
    store = open_store(tmp_path / "api.db")
    store.ingest(recs)
    with TestClient(create_app(store, token="test-token", max_body=20_000)) as c:
        yield c
    store.close()


def _err(resp, status, code=None):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"code", "message"} and body["message"]
    if code:
        assert body["code"] == code
    return body


def test_writes_need_the_token(client):
    art = {"id": "w1", "date": "2025-04-01", "text": "اجتمع وزير الخارجية المصري مع نظيره الأردني في عمان."}
    _err(client.post("/articles", json=art), 401, "E401")
    _err(client.post("/articles", json=art, headers={"Authorization": "Bearer wrong"}), 401, "E401")
    _err(client.post("/articles", json=art, headers={"Authorization": "Basic test-token"}), 401)
    assert client.get("/articles/w1").status_code == 404


def test_writes_refused_without_a_configured_token(tmp_path, monkeypatch):
    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    with TestClient(create_app(str(tmp_path / "n.db"))) as c:
        _err(c.post("/articles", json={"text": "نص"}, headers=AUTH), 403, "E403")
        assert c.get("/health").json()["writes"] is False


def test_post_is_idempotent(client):
    n0 = client.get("/articles").json()["total"]
    art = {"id": "w2", "date": "2025-04-01", "text": "وقعت الحكومة اتفاقاً جديداً مع البنك الدولي.", "title": "اتفاق"}
    r = client.post("/articles", json=art, headers=AUTH)
    assert r.status_code == 201 and r.json()["status"] == "created"
    r = client.post("/articles", json=art, headers=AUTH)
    assert r.status_code == 200 and r.json()["status"] == "unchanged"
    assert client.get("/articles").json()["total"] == n0 + 1
    art["text"] += " وأكدت أنها ستنفذه."
    assert client.post("/articles", json=art, headers=AUTH).json()["status"] == "replaced"
    assert client.get("/articles").json()["total"] == n0 + 1
    got = client.get("/articles/w2").json()
    assert got["schema"] == "marsad.article/1" and got["article"]["text"] == art["text"]
    art2 = {"id": "ant/2025/7", "date": "2025-04-02", "text": "خبر بمعرف فيه شرطات مائلة."}
    assert client.post("/articles", json=art2, headers=AUTH).status_code == 201
    assert client.get("/articles/ant/2025/7").json()["article"]["id"] == "ant/2025/7"


def test_bad_input_is_a_coded_json_error(client):
    _err(client.post("/articles", json={"id": "x", "text": "   "}, headers=AUTH), 400, "E101")
    _err(client.post("/articles", json={"id": "x", "text": "نص", "date": "20-20-20"}, headers=AUTH), 400, "E107")
    _err(client.post("/articles", json={"id": "x"}, headers=AUTH), 422, "E422")
    _err(client.post("/articles", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}), 422)
    _err(client.post("/articles", json={"text": "ن" * 30_000}, headers=AUTH), 413, "E413")
    chunked = (b'{"text": "' + b"x" * 1000 if i == 0 else b"x" * 1000 for i in range(30))  # no Content-Length
    _err(client.post("/articles", content=chunked, headers={**AUTH, "Content-Type": "application/json"}), 413, "E413")
    _err(client.get("/articles/nope"), 404, "E404")
    _err(client.get("/nowhere"), 404)
    _err(client.get("/events", params={"quad": 7}), 422)
    _err(client.get("/events", params={"sort": "bogus"}), 400, "E200")
    _err(client.get("/events", params={"from": "yesterday"}), 400, "E107")
    _err(client.get("/events", params={"limit": 100000}), 422)


def test_event_list_filters_and_pages(client, recs):
    n = sum(len(r.events) for r in recs)
    body = client.get("/events", params={"limit": 7, "offset": 3}).json()
    assert set(body) == {"total", "items"} and body["total"] == n and len(body["items"]) == 7
    q4 = sum(1 for r in recs for e in r.events if e.quad == 4)
    assert client.get("/events", params={"quad": 4}).json()["total"] == q4
    rus = sum(1 for r in recs for e in r.events if any(m.actor.country == "RUS" for m in e.actor))
    items = client.get("/events", params={"actor_country": "RUS", "limit": 1000}).json()["items"]
    assert len(items) == rus and all(any(m["actor"]["country"] == "RUS" for m in e["actor"]) for e in items)
    by_int = client.get("/events", params={"sort": "-intensity", "limit": 1000}).json()["items"]
    assert [e["intensity"] for e in by_int] == sorted((e["intensity"] for e in by_int), reverse=True)
    text_hits = client.get("/events", params={"q": "بغداد", "type": "ASSAULT"}).json()["total"]
    assert text_hits == sum(1 for r in recs for e in r.events if e.type == "ASSAULT" and "بغداد" in r.article.text)


def test_other_routes(client, recs):
    assert client.get("/articles", params={"q": "غزة"}).json()["total"] == sum("غزة" in r.article.text for r in recs)
    quotes = client.get("/quotes").json()
    assert quotes["total"] == sum(len(r.quotes) for r in recs)
    sp = quotes["items"][0]["speaker_label"]
    assert all(q["speaker_label"] == sp for q in client.get("/quotes", params={"speaker": sp}).json()["items"])
    actors = client.get("/actors").json()
    assert actors["total"] == 10 and {"label", "country", "sector", "mentions", "events"} <= set(actors["items"][0])
    tl = client.get("/stats/timeline").json()["items"]
    assert sum(d["total"] for d in tl) == sum(len(r.events) for r in recs)
    assert client.get("/stats/network").json()["edges"]
    assert client.get("/stats/places").json()["items"][0]["lat"] is not None
    assert client.get("/stats/facets").json()["types"] == sorted({e.type for r in recs for e in r.events})
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/api.js" in docs.text and "cdn" not in docs.text.lower()
    spec = client.get("/openapi.json").json()
    for path in ("/articles", "/articles/{article_id}", "/events", "/quotes", "/actors", "/stats/timeline",
                 "/events.csv", "/events.jsonl", "/events.plover.json"):
        assert path in spec["paths"], path


def test_exports(client, recs):
    n4 = sum(1 for r in recs for e in r.events if e.quad == 4)
    r = client.get("/events.csv", params={"quad": 4})
    assert r.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == n4
    lines = client.get("/events.jsonl", params={"quad": 4}).text.splitlines()
    assert len(lines) == n4 and json.loads(lines[0])["quad"] == 4
    pl = client.get("/events.plover.json", params={"quad": 4}).json()
    assert len(pl) == n4 and all(e["event"] in ("ASSAULT", "COERCE") for e in pl)
    g = client.get("/events.gdelt.tsv").text.splitlines()
    assert g[0].startswith("GLOBALEVENTID\tSQLDATE")


def test_hostile_markup_comes_back_only_as_data(client):
    r = client.post("/articles", json={"id": "evil", "date": "2025-04-02", "text": HOSTILE,
                                       "title": "<b onmouseover=alert(1)>عنوان</b>"}, headers=AUTH)
    assert r.status_code == 201
    got = client.get("/articles/evil")
    assert got.headers["content-type"] == "application/json"
    assert got.json()["article"]["text"] == HOSTILE  # stored and returned verbatim, as a JSON string
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "__pwned" not in page.text and "onmouseover" not in page.text  # the page never embeds data
    js = client.get("/static/app.js").text
    assert "innerHTML" not in js.replace("never innerHTML", "")


def test_api_on_postgresql(pg_url, recs):
    store = open_store(pg_url)
    store.ingest(recs)
    with TestClient(create_app(store, token="test-token")) as c:
        art = {"id": "pg1", "date": "2025-04-03", "text": "أَعلنتِ الحكومةُ إطلاقَ برنامجٍ للإسكان."}
        assert c.post("/articles", json=art, headers=AUTH).status_code == 201
        assert c.post("/articles", json=art, headers=AUTH).json()["status"] == "unchanged"
        assert c.get("/articles", params={"q": "اعلنت اطلاق"}).json()["items"][0]["id"] == "pg1"
        body = c.get("/events", params={"country": "RUS", "limit": 5}).json()
        assert body["total"] == sum(1 for r in recs for e in r.events
                                    if any(m.actor.country == "RUS" for m in e.actor + e.recipient))
        assert len(body["items"]) == 5 and body["items"][0]["article"]["id"]
        assert len(c.get("/events.jsonl").text.splitlines()) == sum(len(r.events) for r in recs)
    store.close()
