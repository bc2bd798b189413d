"""The dashboard in headless Chromium (Debian's, driven by Playwright's Python client): it loads, shows Arabic
right-to-left in an Arabic font, filters, opens an article, and never runs markup found in an article.

Needs ``/usr/bin/chromium`` and the Noto fonts (``scripts/ci-services``); skips with the reason otherwise.
Saves ``artifacts/screenshots/dashboard.png`` (kept out of git).
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python client) is not installed")

from marsad.api.app import create_app  # noqa: E402
from marsad.io.readers import read_inputs  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402
from marsad.records import Article, ArticleRecord, Entity, Quote, Mention  # noqa: E402
from marsad.store import open_store  # noqa: E402
from marsad.store.synthetic import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
HOSTILE = ('أصدرت الوزارة بياناً <script>window.__pwned = 1</script> جاء فيه '
           '<img src=x onerror="window.__pwned = 2"> أن "الحوار مستمر" وفق المتحدث سامي.')


def _hostile_record() -> ArticleRecord:
    art = Article.create(id="evil", text=HOSTILE, date="2025-04-21", title='<svg onload="window.__pwned=3">بيان</svg>')
    s = HOSTILE.index("<script>")
    q = HOSTILE.index("الحوار")
    sp = HOSTILE.index("سامي")
    return ArticleRecord(article=art,
                         entities=(Entity(id="e1", text=HOSTILE[s:s + 8], start=s, end=s + 8, type="MISC"),
                                   Entity(id="e2", text="سامي", start=sp, end=sp + 4, type="PER")),
                         quotes=(Quote(id="q1", text="الحوار مستمر", start=q, end=q + 12, kind="direct",
                                       speaker=Mention(text="سامي", start=sp, end=sp + 4)),))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (run scripts/ci-services): browser tests skipped")
    import uvicorn

    db = tmp_path_factory.mktemp("web") / "dash.db"
    store = open_store(db)
    nlp = Pipeline()
    if (ROOT / "examples" / "articles").exists():
        store.ingest(nlp.pipe(read_inputs([str(ROOT / "examples" / "articles")])))
    seed = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")) / "seed" / "article.txt"
    if seed.exists():
        store.ingest(nlp.pipe(read_inputs([str(seed)], id="seed-article", date="2025-04-20")))
    store.ingest(corpus(60, seed=5))  # hand-built records: every chart has data whatever the pipeline finds
    store.put(_hostile_record())
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    if not srv.started:
        pytest.skip("the test server did not start")
    yield f"http://127.0.0.1:{port}", store, seed.exists()
    srv.should_exit = True
    t.join(10)
    store.close()


@pytest.fixture(scope="module")
def browser(server):
    with sync_api.sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        except sync_api.Error as e:
            pytest.skip(f"headless Chromium did not start: {str(e)[:200]}")
        yield b
        b.close()


def _open(browser, base: str, **context):
    pg = browser.new_context(viewport={"width": 1280, "height": 900}, **context).new_page()
    pg.dialogs, pg.errors, pg.console = [], [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.console.append(m.text) if m.type == "error" else None)
    # offline by construction: anything not served by the test server is refused
    pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    pg.goto(base + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    return pg


@pytest.fixture(scope="module")
def page(browser, server):
    # CSP bypassed: the test's own probes need eval, and the escaping must hold without CSP's second line
    yield _open(browser, server[0], bypass_csp=True)


def test_dashboard_runs_under_its_content_security_policy(browser, server):
    pg = _open(browser, server[0])
    pg.click("#articles li[data-article='evil']")
    pg.wait_for_selector("#article-panel:not([hidden])")
    assert pg.console == [] and pg.errors == []  # no CSP violation, no failed request, no script error
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    pg.context.close()


def test_dashboard_draws_every_view(page):
    assert page.locator("#timeline rect").count() > 10
    assert page.locator("#network circle").count() >= 5
    assert page.locator("#map circle.place").count() >= 3
    assert page.locator("#events tbody tr").count() > 5
    assert page.locator("#speakers button").count() >= 3
    assert page.locator("#articles li").count() > 5
    assert page.errors == []


def test_filter_applies_to_every_view(page, server):
    _, store, _ = server
    from marsad.store import EventFilter
    expected = store.events(EventFilter(quad=4), limit=0)[0]
    page.select_option("#filters select[name=quad]", "4")
    page.click("#filters button[type=submit]")
    page.wait_for_function(f"document.querySelector('#events-count').textContent === '{expected} matching'")
    swatches = page.eval_on_selector_all("#events tbody tr td:nth-child(2) .swatch", "els => els.map(e => e.className)")
    assert swatches and all(c.endswith("q4") for c in swatches)
    assert page.eval_on_selector_all("#timeline rect", "els => els.map(e => e.getAttribute('class'))") and \
        set(page.eval_on_selector_all("#timeline rect", "els => els.map(e => e.getAttribute('class'))")) == {"q4"}
    page.click("#reset")
    page.wait_for_function(f"document.querySelector('#events-count').textContent !== '{expected} matching'")


def test_hostile_article_renders_as_text(page):
    page.click("#articles li[data-article='evil']")
    page.wait_for_selector("#article-panel:not([hidden])")
    text = page.inner_text("#article-text")
    assert "<script>window.__pwned = 1</script>" in text and 'onerror="window.__pwned = 2"' in text
    assert '<svg onload="window.__pwned=3">' in page.inner_text("#article-title")
    assert page.locator("#article-text script, #article-text img, #article-title svg").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    # the entity over the markup is highlighted as text, the quote too
    assert page.locator("#article-text .hl-ent").first.inner_text() == "<script>"
    assert page.locator("#article-text .hl-quote").inner_text() == "الحوار مستمر"


def test_article_view_is_rtl_arabic_with_glosses(page, server):
    page.evaluate("location.hash = '#article=syn-0'")  # a link to an article opens it
    page.reload()
    page.wait_for_selector("#article-panel:not([hidden]) .hl-trigger")
    box = page.locator("#article-text")
    assert box.get_attribute("dir") == "rtl"
    style = box.evaluate("e => { const s = getComputedStyle(e); return [s.direction, s.fontFamily, s.textAlign]; }")
    assert style[0] == "rtl" and "Noto Naskh Arabic" in style[1] and style[2] in ("right", "start")
    assert page.evaluate("document.fonts.check('19px \"Noto Naskh Arabic\"', 'سلام')")
    glosses = page.locator("#article-text .gloss").all_inner_texts()
    assert any(g.startswith(("CONSULT", "DISAPPROVE", "AGREE", "AID", "ASSAULT", "REQUEST", "THREATEN", "COERCE"))
               for g in glosses)
    assert any("(RUS GOV)" in g or "(ISR MIL)" in g or "(EGY GOV)" in g or "(JOR GOV)" in g for g in glosses)
    assert page.locator("#article-text .hl-time").count() >= 1
    assert box.bounding_box()["height"] > 50  # laid out and readable, not collapsed


def test_screenshot(page, server):
    _, _, has_seed = server
    target = "seed-article" if has_seed else "syn-0"
    page.click("#reset")
    page.wait_for_selector("body[data-ready='1']")
    page.evaluate(f"location.hash = '#article={target}'")
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_selector("#article-panel:not([hidden])")
    out = ROOT / "artifacts" / "screenshots" / "dashboard.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(out), full_page=True)
    assert out.stat().st_size > 20_000
