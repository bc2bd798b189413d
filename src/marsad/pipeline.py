"""The pipeline: an ordered list of small components, each ``doc -> doc``.

A component declares its ``name``, what it ``requires`` and what it ``provides``. Components are built by name
from the registry; the pipeline checks the chain when it is built (a missing requirement is an E202 error that
says which component provides it), loads every lexicon and model once per process (``initialize``), and runs
one article (:meth:`Pipeline.code`) or many (:meth:`Pipeline.pipe`, with worker processes).

Adding a component::

    from marsad.pipeline import Component, register

    @register
    class Shouter(Component):
        name = "shouter"
        requires = ("tokens",)
        provides = ("shouts",)

        def __call__(self, doc):
            return doc.with_extra("shouts", ...)
"""
from __future__ import annotations

import contextlib
import gc
import importlib
import multiprocessing
import threading
import time
from collections import defaultdict
from typing import Any, ClassVar, Iterable, Iterator

from .doc import Doc
from .errors import InternalError, MarsadError, MissingRequirement, UnknownComponent
from .records import Article, ArticleRecord, error_record


class Component:
    """Base class of pipeline components. Keep the logic in pure functions; this is the adapter."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **config: Any):
        self.config = config

    def initialize(self) -> None:
        """Load lexicons and models. Called once per process, before the first article."""

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - interface
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: {list(self.requires)} -> {list(self.provides)}>"


REGISTRY: dict[str, type[Component]] = {}

#: where the built-in components live: imported the first time their name is asked for
COMPONENT_MODULES: dict[str, str] = {
    "normalizer": "marsad.text.components",
    "tokenizer": "marsad.text.components",
    "sentencizer": "marsad.text.components",
    "ner": "marsad.entities.ner.component",      # statistical NER -> doc.extras["ner_spans"]
    "entities": "marsad.entities.component",     # mentions + gazetteers -> entities with actors and places
    "times": "marsad.times.component",           # temporal expressions -> times (and durations)
    "quotes": "marsad.quotes.component",         # reported speech -> quotes with speakers
    "events": "marsad.events.component",         # PLOVER/CAMEO events
}

#: the text layer alone (what `marsad bench --text-only` runs)
TEXT_PIPELINE: tuple[str, ...] = ("normalizer", "tokenizer", "sentencizer")

#: marsad's full pipeline, in order
DEFAULT_PIPELINE: tuple[str, ...] = TEXT_PIPELINE + ("entities", "times", "quotes", "events")

#: the default plus the statistical NER model before the gazetteers: more unknown names found, but NER costs
#: several times the rest of the pipeline per article, so it is opt-in (``--pipeline full``)
FULL_PIPELINE: tuple[str, ...] = TEXT_PIPELINE + ("ner", "entities", "times", "quotes", "events")

#: names accepted by ``--pipeline`` besides a comma-separated list of components
PRESETS: dict[str, tuple[str, ...]] = {"default": DEFAULT_PIPELINE, "full": FULL_PIPELINE, "text": TEXT_PIPELINE}


def register(cls: type[Component]) -> type[Component]:
    """Class decorator: make a component buildable by its name."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    REGISTRY[cls.name] = cls
    return cls


def get_component(name: str) -> type[Component]:
    if name not in REGISTRY and name in COMPONENT_MODULES:
        importlib.import_module(COMPONENT_MODULES[name])
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(set(REGISTRY) | set(COMPONENT_MODULES)))
        raise UnknownComponent(f"unknown component {name!r}; known components: {known}") from None


class Pipeline:
    """Components in order, validated when built."""

    def __init__(self, names: Iterable[str] = DEFAULT_PIPELINE, config: dict[str, dict] | None = None,
                 *, initialize: bool = True):
        self.names = tuple(names)
        self.config = dict(config or {})
        self.components: list[Component] = [get_component(n)(**self.config.get(n, {})) for n in self.names]
        self._validate()
        self._provides = {c.name: frozenset(c.provides) for c in self.components}
        self.timings: dict[str, float] = defaultdict(float)
        self._initialized = False
        if initialize:
            self.initialize()

    def _validate(self) -> None:
        have: set[str] = {"article"}
        for c in self.components:
            missing = [r for r in c.requires if r not in have]
            if missing:
                providers = {r: sorted(n for n, cls in _all_components().items() if r in cls.provides)
                             for r in missing}
                hint = "; ".join(f"{r!r} is provided by {', '.join(p) or 'no known component'}"
                                 for r, p in providers.items())
                raise MissingRequirement(f"component {c.name!r} requires {missing} which nothing before it "
                                         f"provides ({hint})")
            have.update(c.provides)

    def initialize(self) -> None:
        if not self._initialized:
            for c in self.components:
                c.initialize()
            self._initialized = True
            # lexicons and models live as long as the process: take them out of the garbage collector's way
            # (its older-generation collections would otherwise walk all their objects again and again)
            gc.freeze()

    def explain(self) -> str:
        """One line per component: what it needs and what it adds."""
        return "\n".join(f"{i + 1}. {c.name}: requires {', '.join(c.requires) or '-'}; "
                         f"provides {', '.join(c.provides) or '-'}" for i, c in enumerate(self.components))

    def __call__(self, article: Article) -> Doc:
        """Run every component over one article. Raises MarsadError on bad input."""
        self.initialize()
        doc = Doc(article=article, layers=_ARTICLE_LAYER)
        timings = self.timings
        clock = time.perf_counter
        provides = self._provides
        for c in self.components:
            t0 = clock()
            doc = c(doc)
            # later components can ask which layers exist (e.g. "entities" ran, even if it found none)
            doc = doc.replace(layers=doc.layers | provides[c.name])
            timings[c.name] += clock() - t0
        return doc

    def code(self, item: "Article | BadItem") -> ArticleRecord:
        """One article record; bad input and internal errors become an error record, never an exception."""
        if isinstance(item, BadItem):
            return error_record(item.id, item.error)
        try:
            return self(item).to_record()
        except MarsadError as e:
            return error_record(item.id, e, date=item.date)
        except Exception as e:  # noqa: BLE001 - one article's bug must not kill a batch
            return error_record(item.id, InternalError(f"{type(e).__name__}: {e}"), date=item.date)

    def pipe(self, items: Iterable["Article | BadItem"], *, jobs: int = 1,
             chunksize: int = 16) -> Iterator[ArticleRecord]:
        """Code many articles, in input order. ``jobs > 1`` uses worker processes, each loading once."""
        if jobs <= 1:
            with _batch_gc():
                for item in items:
                    yield self.code(item)
            return
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(self.names, self.config)) as pool:
            for record, timings in pool.imap(_work, items, chunksize=chunksize):
                for k, v in timings.items():
                    self.timings[k] += v
                yield record


_ARTICLE_LAYER = frozenset({"article"})

#: The garbage collector's youngest-generation threshold while a batch is coded (Python's default is 700).
#: Coding allocates many short-lived containers (tokens, matches, records) and makes no reference cycles, so at
#: the default the collector runs every few hundred tokens and finds nothing: measured, 15% of a batch's CPU
#: time (132 -> 152 articles per CPU second on SaudiNewsNet), with no change in peak memory.
BATCH_GC_THRESHOLD = 50_000
_gc_lock = threading.Lock()
_gc_batches = 0
_gc_saved: tuple[int, ...] = ()


def _raise_gc_threshold() -> tuple[int, ...]:
    """Raise the youngest generation's threshold to BATCH_GC_THRESHOLD (never lower it); the old thresholds."""
    saved = gc.get_threshold()
    gc.set_threshold(max(BATCH_GC_THRESHOLD, saved[0]), *saved[1:])
    return saved


@contextlib.contextmanager
def _batch_gc() -> Iterator[None]:
    """Raise the youngest generation's threshold while any batch runs; the old one comes back after the last."""
    global _gc_batches, _gc_saved
    with _gc_lock:
        if _gc_batches == 0:
            _gc_saved = _raise_gc_threshold()
        _gc_batches += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_batches -= 1
            if _gc_batches == 0:
                gc.set_threshold(*_gc_saved)


class BadItem:
    """An input item that could not even be read as an article (kept in order for its error record)."""

    __slots__ = ("id", "error")

    def __init__(self, id: str | None, error: MarsadError):
        self.id = id
        self.error = error

    def __repr__(self) -> str:
        return f"BadItem({self.id!r}, {self.error})"


def _all_components() -> dict[str, type[Component]]:
    for mod in set(COMPONENT_MODULES.values()):
        try:
            importlib.import_module(mod)
        except ImportError:
            pass
    return dict(REGISTRY)


_WORKER: Pipeline | None = None


def _init_worker(names: tuple[str, ...], config: dict) -> None:
    global _WORKER
    _WORKER = Pipeline(names, config)
    _raise_gc_threshold()  # a worker only codes batches


def _work(item):
    if _WORKER is None:  # pragma: no cover - the pool initializer always runs first
        raise RuntimeError("worker pipeline not initialized")
    before = dict(_WORKER.timings)
    record = _WORKER.code(item)
    return record, {k: v - before.get(k, 0.0) for k, v in _WORKER.timings.items()}
