"""The clitic lexicon: normalized word frequencies that decide clitic splits.

The frequency list ``data/wordfreq.tsv.gz`` is built from the raw news in ``../shared/data`` by
``marsad build wordfreq`` (see :mod:`marsad.text.build`); ``data/never_split.txt`` lists frequent words whose
first or last letters only look like clitics. Loaded once per process.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from .normalize import normalize
from .tokenize import CliticLexicon

DATA = resources.files("marsad.text") / "data"


@lru_cache(maxsize=1)
def load_clitic_lexicon() -> CliticLexicon:
    freq: dict[str, int] = {}
    path = DATA / "wordfreq.tsv.gz"
    if path.is_file():
        with gzip.open(str(path), "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                w, _, n = line.rstrip("\n").partition("\t")
                if n:
                    freq[w] = int(n)
    never: set[str] = set()
    ns = DATA / "never_split.txt"
    if ns.is_file():
        for line in ns.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                never.add(normalize(line))
    return CliticLexicon(freq, frozenset(never))
