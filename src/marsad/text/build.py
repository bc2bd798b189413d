"""Build the word frequency list that decides clitic splits (text/data/wordfreq.tsv.gz) and the analysis table.

Counts every Arabic word of the permissively licensed Arabic text in the shared data folder (the ANT news corpus,
the ANERcorp and Wojood tokens, the UN-corpus QuadClass sentences and the OEDA sentence judgements), normalized as
the tokenizer looks words up, and keeps the words seen at least --min-count times. The list is derived data
(counts, no text), committed with the package; rebuild it after changing the normalization or the corpora. By
default it reads ../shared next to the repository and overwrites the package's data file.

SaudiNewsNet (CC BY-NC-SA, research use only) is deliberately not a source: nothing shipped with marsad derives
from it, and it stays an unseen benchmark corpus for the tokenizer (``marsad bench`` runs on it).

The analysis table (text/data/analyses.tsv.gz, see :mod:`marsad.text.lexicon`) is the tokenizer's clitic analysis,
with the new list, of every Arabic surface form of the same texts: derived data again (forms and the offsets of
their parts), which spares the tokenizer the analysis of those forms at run time.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import MarsadError
from .lexicon import ANALYSES, DIGEST_PREFIX, NEVER_SPLIT, format_layout, read_lexicon
from .normalize import normalize
from .tokenize import LEXICON_NORMALIZATION, tokenize

#: one Arabic word of normalized text (normalization has removed marks and decomposed presentation forms)
WORD_RE = re.compile("[\u0621-\u063a\u0641-\u064a\u0671]+")
DEFAULT_OUT = Path(__file__).resolve().parent / "data" / "wordfreq.tsv.gz"
#: (path under the shared folder, how it is read, what it is): the sources, in the order they are read. The
#: QuadClass multiclass file is a subset of the binary one, so only the binary one is read.
SOURCES = (
    ("data/corpora/ant", "corpus", "ANT Corpus v1.1 (Jawhara FM news; Apache-2.0 with citation: Chouigui et al. 2017)"),
    ("data/ner/anercorp", "conll", "ANERcorp train split, tokens only (Benajiba & Rosso 2007; CC BY-SA 4.0)"),
    ("data/ner/wojood-sample", "conll", "Wojood sample, tokens only (Jarrar et al. 2022; MIT)"),
    ("data/events/un-quadclass/binary_complete.train.tsv", "table", "UN-corpus QuadClass sentences (MIT)"),
    ("data/events/sentence-judgements", "table", "OEDA event sentence judgements (MIT)"),
)
#: the column that holds the text in the CSV/TSV sources
TEXT_COLUMNS = ("text", "ar")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    default_shared = Path(__file__).resolve().parents[3].parent / "shared"
    parser.add_argument("--shared", type=Path, default=default_shared,
                        help=f"the shared data folder (default {default_shared})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output file (default {DEFAULT_OUT}); the "
                        f"analysis table is written next to it as {ANALYSES}")
    parser.add_argument("--min-count", type=int, default=3, help="keep words seen at least this often (default 3)")
    parser.add_argument("--limit", type=int, default=None, help="read at most this many articles per corpus")


def count_words(texts: Iterable[str], counts: Counter | None = None) -> Counter:
    """Add the normalized Arabic words of ``texts`` to ``counts``."""
    counts = Counter() if counts is None else counts
    for text in texts:
        counts.update(WORD_RE.findall(normalize(text, **LEXICON_NORMALIZATION)))
    return counts


def _corpus_texts(path: Path, limit: int | None) -> Iterator[str]:
    from ..io.readers import read_path
    from ..pipeline import BadItem

    for n, item in enumerate(read_path(path)):
        if limit is not None and n >= limit:
            return
        if not isinstance(item, BadItem):
            yield item.text


def _conll_tokens(folder: Path) -> Iterator[str]:
    """The first column of CoNLL-style files (one token and its tag per line)."""
    for f in sorted(folder.glob("*.txt")):
        if f.name.startswith("README"):
            continue
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                tok = line.split(" ", 1)[0].strip()
                if tok:
                    yield tok


def table_texts(path: Path) -> Iterator[str]:
    """The text column (see TEXT_COLUMNS) of a CSV/TSV file with a header row, or of every such file in a folder."""
    for f in sorted(path.glob("*.[ct]sv")) if path.is_dir() else [path]:
        with open(f, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t" if f.suffix == ".tsv" else ",")
            col = next((c for c in TEXT_COLUMNS if c in (reader.fieldnames or ())), None)
            if col is not None:
                yield from (row[col] for row in reader if row.get(col))


_READERS = {"corpus": _corpus_texts, "conll": lambda path, limit: _conll_tokens(path),
            "table": lambda path, limit: table_texts(path)}


def source_texts(shared: Path, limit: int | None = None) -> Iterator[tuple[str, Iterator[str]]]:
    """(description, texts) of each source found under ``shared``, in the order of SOURCES."""
    for rel, how, desc in SOURCES:
        path = shared / rel
        if path.exists():
            yield desc, _READERS[how](path, limit)


def build(shared: Path, *, min_count: int = 3, limit: int | None = None) -> tuple[Counter, list[str]]:
    """Word counts over the sources found under ``shared`` and the description of those used."""
    counts: Counter = Counter()
    used = []
    for desc, texts in source_texts(shared, limit):
        before = sum(counts.values())
        count_words(texts, counts)
        used.append(f"{desc}: {sum(counts.values()) - before:,} words")
    if not used:
        raise MarsadError(f"no source corpus found under {shared}", code="E301")
    return Counter({w: n for w, n in counts.items() if n >= min_count}), used


def build_analyses(shared: Path, wordfreq: Path, *, limit: int | None = None) -> tuple[dict[str, tuple], str]:
    """The clitic analysis (parts layout) of every Arabic surface form of the sources, computed with the lexicon
    of ``wordfreq`` and the package's never-split list, and the digest of that lexicon."""
    lex, digest = read_lexicon(wordfreq, DEFAULT_OUT.parent / NEVER_SPLIT)
    for _, texts in source_texts(shared, limit):
        for text in texts:
            tokenize(text, lex)  # fills lex.cache: surface -> (kind, norm, layout)
    return {s: info[2] for s, info in lex.cache.items() if info[0] == "word"}, digest


def write(counts: Counter, used: list[str], out: Path, *, min_count: int) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same counts give the same bytes (reproducible builds, clean diffs)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        lines = ["# marsad word frequencies: Arabic word <TAB> count (built by `marsad build wordfreq`). Words are",
                 "# normalized without folding hamza on alef or ta marbuta (marsad.text.tokenize.LEXICON_NORMALIZATION).",
                 "# Derived counts only, no text. Sources:"]
        lines += [f"#   {u}" for u in used]
        lines.append(f"# Words seen fewer than {min_count} times are left out.")
        lines += [f"{w}\t{n}" for w, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))


def write_analyses(layouts: dict[str, tuple], used: list[str], digest: str, out: Path) -> None:
    """The table, in one section per layout (see :func:`marsad.text.lexicon.read_analyses`)."""
    sections: dict[str, list[str]] = {}
    for s, lay in sorted(layouts.items()):
        sections.setdefault(format_layout(lay), []).append(s)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        lines = ["# marsad clitic analyses (built by `marsad build wordfreq`, read by marsad.text.lexicon): Arabic",
                 "# surface forms, one per line, in sections: a line <TAB>layout starts the forms with that layout,",
                 "# the end (in characters) and kind (proclitic, article, stem, enclitic) of each part; the first",
                 "# section (empty layout) has the forms that are not split. Derived data: the surface forms of the",
                 "# word list's sources, analysed with that word list:"]
        lines += [f"#   {u}" for u in used]
        lines.append(DIGEST_PREFIX + digest)
        for spec in sorted(sections, key=lambda k: (k != "", k)):
            lines.append("\t" + spec)
            lines += sections[spec]
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))


def run(args: argparse.Namespace) -> int:
    try:
        counts, used = build(args.shared, min_count=args.min_count, limit=args.limit)
    except MarsadError as e:
        print(f"marsad: error {e}", file=sys.stderr)
        return 1
    write(counts, used, args.out, min_count=args.min_count)
    print(f"{len(counts):,} words ({args.out.stat().st_size / 1e6:.2f} MB) -> {args.out}")
    for u in used:
        print(f"  {u}")
    layouts, digest = build_analyses(args.shared, args.out, limit=args.limit)
    table = args.out.parent / ANALYSES
    write_analyses(layouts, used, digest, table)
    print(f"{len(layouts):,} analysed surface forms ({table.stat().st_size / 1e6:.2f} MB) -> {table}")
    return 0
