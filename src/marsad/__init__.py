"""marsad: Arabic news to political event data.

The Python API (the CLI, HTTP API and Spark job are thin adapters over it)::

    import marsad
    nlp = marsad.load()                       # the default pipeline, lexicons and models loaded once
    record = nlp.code(marsad.Article.create(id="a1", text=text, date="2025-04-20"))
    record.to_dict()                          # the marsad.article/1 record

    marsad.code(text, date="2025-04-20")      # the same, in one call
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import MarsadError  # noqa: E402
from .records import SCHEMA, Article, ArticleRecord  # noqa: E402


def load(names=None, config=None):
    """Build and initialize a pipeline (the default one unless ``names`` are given)."""
    from .pipeline import DEFAULT_PIPELINE, Pipeline
    return Pipeline(names or DEFAULT_PIPELINE, config)


_DEFAULT = None


def code(text: str, *, date: str | None = None, id: str | None = None, **meta) -> ArticleRecord:
    """Code one article with the default pipeline (built on first use). Raises MarsadError on bad input."""
    global _DEFAULT
    from .io.readers import article_from_text
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT(article_from_text(text, id=id, date=date, **meta)).to_record()


__all__ = ["Article", "ArticleRecord", "MarsadError", "SCHEMA", "code", "load", "__version__"]
