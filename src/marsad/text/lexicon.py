"""The clitic lexicon: normalized word frequencies that decide clitic splits, and the analysis table.

The frequency list ``data/wordfreq.tsv.gz`` is built from the raw news in ``../shared/data`` by
``marsad build wordfreq`` (see :mod:`marsad.text.build`); ``data/never_split.txt`` lists frequent words whose
first or last letters only look like clitics. Loaded once per process.

The same build step writes ``data/analyses.tsv.gz``: the clitic analysis of every Arabic surface form of the
same corpora (spaCy-lookups style), which prefills the tokenizer's cache so that those forms are never analysed
at run time. A table is only valid for the lexicon it was computed with: its header names the SHA-256 of the
lexicon files, and a table whose digest differs, or whose sample entries :func:`analyze` no longer reproduces
(the analysis code changed), is not used: the tokenizer is then slower, never different.
"""
from __future__ import annotations

import gzip
import hashlib
import logging
import re
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from itertools import islice, repeat
from operator import itemgetter

from .normalize import folder, normalize
from .tokenize import CliticLexicon, analyze

DATA = resources.files("marsad.text") / "data"
WORDFREQ = "wordfreq.tsv.gz"
NEVER_SPLIT = "never_split.txt"
ANALYSES = "analyses.tsv.gz"
#: the header line of the analysis table that names the digest of the lexicon it was computed with
DIGEST_PREFIX = "# lexicon sha256 "
#: one in this many entries of the table is analysed again at load time (a changed analysis code is caught
#: at a cost of about a millisecond)
CHECK_EVERY = 1000

#: a part in the table: its end (in the surface form) and the first letter of its kind
_PART = re.compile(r"(\d+)([pase])")
_KIND = {"p": "proclitic", "a": "article", "s": "stem", "e": "enclitic"}

log = logging.getLogger(__name__)


def _same_or_folded(surface: str, norm: str) -> str:
    return surface if surface == norm else norm


@lru_cache(maxsize=1)
def load_clitic_lexicon() -> CliticLexicon:
    """The package's lexicon, its cache prefilled from the analysis table when that table is current."""
    lex, digest = read_lexicon(DATA / WORDFREQ, DATA / NEVER_SPLIT)
    table = DATA / ANALYSES
    if lex.freq and table.is_file():
        lex.prefill(read_analyses(table, lex, digest))
    return lex


def read_lexicon(wordfreq: Traversable, never_split: Traversable) -> tuple[CliticLexicon, str]:
    """A lexicon from its two files (either may be missing) and the SHA-256 of their contents."""
    raw = gzip.decompress(wordfreq.read_bytes()) if wordfreq.is_file() else b""
    ns = never_split.read_bytes() if never_split.is_file() else b""
    freq: dict[str, int] = {}
    for line in raw.decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        w, _, n = line.partition("\t")
        if n:
            freq[w] = int(n)
    never = {normalize(s) for s in (line.split("#", 1)[0].strip() for line in ns.decode("utf-8").splitlines()) if s}
    return CliticLexicon(freq, frozenset(never)), hashlib.sha256(raw + b"\0" + ns).hexdigest()


def format_layout(layout: tuple) -> str:
    """A parts layout (:func:`analyze`) as the table writes it: the end and kind letter of each part (1p4a9s)."""
    return "".join(f"{layout[i + 1]}{layout[i + 2][0]}" for i in range(0, len(layout), 3))


def read_analyses(path: Traversable, lex: CliticLexicon, digest: str) -> dict[str, tuple]:
    """The table as tokenizer cache entries (surface -> kind, normalized form, layout); empty when it was not
    computed with this lexicon (``digest``) or with this analysis code (a sample is analysed again).

    The table has one section per layout (a line with a tab and the layout, then the forms that have it), so
    that every section is decoded by a few C-level passes: 116,000 forms load in about 0.1 s.
    """
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    _, found, body = text.partition(f"{DIGEST_PREFIX}{digest}\n")
    if not found:
        log.warning("%s was computed with another lexicon and is not used: run `marsad build wordfreq`", path)
        return {}
    fold = folder()
    entries: dict[str, tuple] = {}
    for section in body.split("\t")[1:]:
        spec, _, forms = section.partition("\n")
        surfaces = forms.split("\n")[:-1]
        # the layout of every form of the section: its part texts by slicing, then (text, end, kind) per part
        columns: list = []
        a = 0
        for end, kind in _PART.findall(spec):
            b = int(end)
            columns += (map(itemgetter(slice(a, b)), surfaces), repeat(b), repeat(_KIND[kind]))
            a = b
        layouts = zip(*columns) if columns else repeat(())
        # normalization is per character and keeps line breaks: one pass over the whole section; a form that
        # normalization leaves alone is its own normalized form (one string for both, as the tokenizer keeps it)
        norms = map(_same_or_folded, surfaces, fold("\n".join(surfaces)).split("\n"))
        entries.update(zip(surfaces, zip(repeat("word"), norms, layouts)))
    if any(analyze(s, lex) != info[2] for s, info in islice(entries.items(), 0, None, CHECK_EVERY)):
        log.warning("%s no longer matches the clitic analysis and is not used: run `marsad build wordfreq`", path)
        return {}
    return entries
