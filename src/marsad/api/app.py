"""marsad's HTTP API and dashboard: a FastAPI application over one store.

Reads are open; writes (``POST /articles``) need ``Authorization: Bearer <token>`` where the token is
``MARSAD_API_TOKEN`` on the server, and are refused outright when no token is configured, so a server started
without thinking about it cannot be written to. Every error is JSON ``{"code", "message"}``; lists are
``{"total": N, "items": [...]}``. Request bodies are capped (:data:`MAX_BODY`) before they are read.

The dashboard (``GET /``) is static HTML/JS/CSS from ``marsad/web`` served with a strict Content Security
Policy (scripts only from this server, no inline script): together with the dashboard building its DOM with
``textContent`` only, markup inside an article can never run.
"""
from __future__ import annotations

import hmac
import os
import threading
import time
from pathlib import Path
from typing import Annotated, Any, Iterator

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import MarsadError
from ..records import check_date
from ..store import EventFilter, Store, open_store

WEB = Path(__file__).resolve().parent.parent / "web"
#: the largest request body accepted (bytes): comfortably above any news article (records.MAX_CHARS is in
#: characters; Arabic is two bytes per character in UTF-8)
MAX_BODY = 4 * 1024 * 1024
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")

Limit = Annotated[int, Query(ge=0, le=1000, description="page size (at most 1000)")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]


class ArticleIn(BaseModel):
    """An article to code and store."""

    id: str | None = Field(None, max_length=512, description="stable article id (default: a hash of the text)")
    date: str | None = Field(None, description="publication date YYYY-MM-DD (anchors relative times)")
    text: str = Field(..., description="the article text (UTF-8)")
    title: str | None = None
    source: str | None = None
    url: str | None = None


class ApiError(HTTPException):
    """An HTTP error with a stable marsad code."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code


def _error(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"code": code, "message": message}, status_code=status, headers=headers)


class BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes, by Content-Length or, without one, by reading at
    most ``limit + 1`` bytes before the application sees any (the body is then handed on from memory)."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        too_big = _error(413, "E413", f"request body over the {self.limit:,}-byte limit")
        for k, v in scope.get("headers", ()):
            if k == b"content-length" and v.isdigit() and int(v) > self.limit:
                return await too_big(scope, receive, send)
        chunks, size = [], 0
        while True:
            msg = await receive()
            if msg["type"] != "http.request":  # the client went away
                return
            chunks.append(msg.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                return await too_big(scope, receive, send)
            if not msg.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def event_filter(  # async: a cheap dependency runs on the event loop, not through the thread pool
    country: str | None = Query(None, description="actor or recipient country (ISO alpha-3 or CAMEO code)"),
    actor_country: str | None = Query(None, description="the acting side's country"),
    recipient_country: str | None = Query(None, description="the receiving side's country"),
    actor: str | None = Query(None, description="actor or recipient, by English name or code (exact)"),
    sector: str | None = Query(None, description="actor or recipient sector (GOV, MIL, OPP …)"),
    type: str | None = Query(None, description="PLOVER event type (CONSULT, ASSAULT …)"),
    mode: str | None = Query(None, description="PLOVER mode"),
    quad: int | None = Query(None, ge=1, le=4, description="1 verbal coop, 2 material coop, 3 verbal conflict, "
                                                          "4 material conflict"),
    modality: str | None = Query(None, description="asserted, future, negated, hypothetical, historical"),
    date_from: str | None = Query(None, alias="from", description="first event date YYYY-MM-DD"),
    date_to: str | None = Query(None, alias="to", description="last event date YYYY-MM-DD"),
    q: str | None = Query(None, max_length=500, description="words in the article (diacritics and alef forms "
                                                           "do not matter)"),
    article: str | None = Query(None, description="events of one article id"),
) -> EventFilter:
    return EventFilter(country=country, actor_country=actor_country, recipient_country=recipient_country,
                       actor=actor, sector=sector, type=type, mode=mode, quad=quad, modality=modality,
                       date_from=date_from and check_date(date_from), date_to=date_to and check_date(date_to),
                       q=q, article=article)


Filters = Annotated[EventFilter, Depends(event_filter)]


def create_app(db: str | Store, *, token: str | None = None, max_body: int = MAX_BODY,
               pipeline: tuple[str, ...] | None = None) -> FastAPI:
    """The application over ``db`` (a store or its URL). ``token`` defaults to ``$MARSAD_API_TOKEN``."""
    store = db if isinstance(db, Store) else open_store(db)
    token = token if token is not None else os.environ.get("MARSAD_API_TOKEN") or None
    # /docs is marsad's own offline page over /openapi.json: FastAPI's Swagger UI loads from a CDN
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic news coded as political event data: articles, events, quotes, actors.")
    app.state.store = store
    coder = _Coder(pipeline)

    @app.exception_handler(HTTPException)
    async def _http_error(_req: Request, exc: HTTPException):
        code = getattr(exc, "code", f"E{exc.status_code}")
        return _error(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_req: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return _error(422, "E422", "invalid request: " + "; ".join(parts))

    @app.exception_handler(MarsadError)
    async def _marsad_error(_req: Request, exc: MarsadError):
        return _error(400, exc.code, exc.message)

    def require_writer(request: Request) -> None:
        if not token:
            raise ApiError(403, "E403", "writes are disabled: the server has no MARSAD_API_TOKEN configured")
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise ApiError(401, "E401", "missing or wrong bearer token", {"WWW-Authenticate": "Bearer"})

    # ---- dashboard ---------------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def dashboard():
        return FileResponse(WEB / "index.html", headers={"Content-Security-Policy": CSP,
                                                          "X-Content-Type-Options": "nosniff"})

    @app.get("/docs", include_in_schema=False)
    def api_docs():
        return FileResponse(WEB / "api.html", headers={"Content-Security-Policy": CSP})

    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/health", tags=["meta"])
    def health() -> dict:
        return {"status": "ok", "version": __version__, "schema_version": store.version,
                "writes": bool(token), "counts": store.counts()}

    # ---- articles ------------------------------------------------------------------------------------------
    @app.post("/articles", status_code=201, tags=["articles"], dependencies=[Depends(require_writer)])
    def post_article(body: ArticleIn) -> JSONResponse:
        """Code an article and store it. Idempotent: the same article again is ``unchanged`` (200)."""
        from ..io.readers import text_id
        from ..records import Article

        art = Article.create(id=body.id or text_id(body.text), text=body.text, date=body.date, title=body.title,
                             source=body.source, url=body.url)
        record = coder.code(art)
        if record.error:
            return _error(400, record.error["code"], record.error["message"])
        status = store.put(record)
        return JSONResponse({"id": art.id, "status": status, "events": len(record.events),
                             "quotes": len(record.quotes), "entities": len(record.entities),
                             "location": f"/articles/{art.id}"},
                            status_code=200 if status == "unchanged" else 201)

    @app.get("/articles", tags=["articles"])
    def list_articles(q: str | None = Query(None, max_length=500), date_from: str | None = Query(None, alias="from"),
                      date_to: str | None = Query(None, alias="to"), source: str | None = None,
                      limit: Limit = 50, offset: Offset = 0) -> dict:
        total, items = store.list_articles(q=q, date_from=date_from and check_date(date_from),
                                           date_to=date_to and check_date(date_to), source=source,
                                           limit=limit, offset=offset)
        return {"total": total, "items": items}

    @app.get("/articles/{article_id:path}", tags=["articles"])
    def get_article(article_id: str) -> dict:
        """The article record (schema marsad.article/1) with its text."""
        rec = store.article(article_id)
        if rec is None:
            raise ApiError(404, "E404", f"no article with id {article_id!r}")
        return rec

    # ---- events ----------------------------------------------------------------------------------------------
    @app.get("/events", tags=["events"])
    def list_events(f: Filters, sort: str = Query("-date", description="date, intensity, confidence, quad or "
                                                                       "type; prefix - for descending"),
                    limit: Limit = 50, offset: Offset = 0) -> Response:
        t0, c0 = time.perf_counter(), time.thread_time()
        total, items = store.events(f, sort=sort, limit=limit, offset=offset, raw=True)
        body = '{"total":%d,"items":[%s]}' % (total, ",".join(items))
        # Server-Timing: the query's wall time and the CPU this request's thread spent (what the wall time
        # would be with a core to itself)
        timing = f"db;dur={(time.perf_counter() - t0) * 1000:.2f}, cpu;dur={(time.thread_time() - c0) * 1000:.2f}"
        return Response(body, media_type="application/json", headers={"Server-Timing": timing})

    def export(f: EventFilter, fmt: str, media: str, filename: str) -> StreamingResponse:
        from ..export import chunks
        return StreamingResponse(_encode(chunks(store.iter_events(f), fmt)), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    @app.get("/events.csv", tags=["exports"])
    def events_csv(f: Filters) -> StreamingResponse:
        """Matching events as CSV, one flat row per event."""
        return export(f, "csv", "text/csv; charset=utf-8", "events.csv")

    @app.get("/events.jsonl", tags=["exports"])
    def events_jsonl(f: Filters) -> StreamingResponse:
        """Matching events as JSON Lines (the records as stored, with their article reference)."""
        return export(f, "jsonl", "application/x-ndjson", "events.jsonl")

    @app.get("/events.plover.json", tags=["exports"])
    def events_plover(f: Filters) -> StreamingResponse:
        """Matching events in PLOVER's JSON shape (an array)."""
        return export(f, "plover", "application/json", "events.plover.json")

    @app.get("/events.gdelt.tsv", tags=["exports"])
    def events_gdelt(f: Filters) -> StreamingResponse:
        """Matching events as GDELT-style tab-separated rows with a header."""
        return export(f, "gdelt", "text/tab-separated-values; charset=utf-8", "events.gdelt.tsv")

    # ---- quotes, actors, statistics ----------------------------------------------------------------------------
    @app.get("/quotes", tags=["quotes"])
    def list_quotes(speaker: str | None = Query(None, description="speaker (English name or code, exact)"),
                    country: str | None = Query(None, description="the speaker's country"),
                    q: str | None = Query(None, max_length=500, description="words in the quote"),
                    article: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        total, items = store.quotes(speaker=speaker, country=country, q=q, article=article, limit=limit,
                                    offset=offset)
        return {"total": total, "items": items}

    @app.get("/speakers", tags=["quotes"])
    def list_speakers(limit: Limit = 100) -> dict:
        items = store.speakers(limit=limit)
        return {"total": len(items), "items": items}

    @app.get("/actors", tags=["actors"])
    def list_actors(q: str | None = Query(None, max_length=200), country: str | None = None,
                    limit: Limit = 50, offset: Offset = 0) -> dict:
        total, items = store.actors(q=q, country=country, limit=limit, offset=offset)
        return {"total": total, "items": items}

    @app.get("/stats/timeline", tags=["statistics"])
    def timeline(f: Filters) -> dict:
        """Events per day by quad class (q1 verbal coop … q4 material conflict)."""
        items = store.timeline(f)
        return {"total": len(items), "items": items}

    @app.get("/stats/network", tags=["statistics"])
    def network(f: Filters, limit: Annotated[int, Query(ge=1, le=500)] = 60) -> dict:
        """Actor -> recipient edges weighted by event count."""
        return store.network(f, limit=limit)

    @app.get("/stats/places", tags=["statistics"])
    def places(f: Filters) -> dict:
        items = store.places(f)
        return {"total": len(items), "items": items}

    @app.get("/stats/facets", tags=["statistics"])
    def facets() -> dict:
        return store.facets()

    app.add_middleware(BodyLimit, limit=max_body)
    return app


def _encode(chunks: Iterator[str]) -> Iterator[bytes]:
    for c in chunks:
        yield c.encode("utf-8")


class _Coder:
    """The pipeline, built on the first write and shared by the server's threads (one article at a time)."""

    def __init__(self, names: tuple[str, ...] | None):
        self.names = names
        self.nlp: Any = None
        self.lock = threading.Lock()

    def code(self, art):
        from ..pipeline import DEFAULT_PIPELINE, Pipeline

        with self.lock:
            if self.nlp is None:
                self.nlp = Pipeline(self.names or DEFAULT_PIPELINE)
            return self.nlp.code(art)


__all__ = ["ArticleIn", "CSP", "MAX_BODY", "create_app"]
