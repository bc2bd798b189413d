"""Word clusters learned from raw Arabic news, the NER model's main defence against unseen names.

A name the annotated data never saw (a new minister, a small town) still appears in the same contexts as the
names it did see (after قال الوزير, before الإيرانية ...). We learn that from permissively licensed raw text
in ``../shared/data`` only, because the clusters ship with the package: the ANT news corpus (Apache-2.0), the
Arabic sentences of the UN-corpus QuadClass files and of the OEDA sentence judgements (MIT), and the words
(never the tags) of the ANERcorp train split (CC BY-SA 4.0) and the Wojood sample (MIT). SaudiNewsNet
(CC BY-NC-SA, research use only) is deliberately not a default: nothing shipped may derive from it.

1. count, for the 150,000 most frequent normalized words, their left and right neighbours (±1 with weight 1,
   ±2 with weight 0.5) among the 1,000 most frequent context words on each side;
2. positive pointwise mutual information, then a rank-100 randomized SVD (numpy);
3. k-means on the unit-length word vectors at four granularities (64, 256, 1024 and 2048 clusters), so the CRF can
   back off from fine to coarse clusters, like Brown-cluster bit-prefixes.

Run ``python -m marsad.entities.ner.clusters`` (numpy needed only here; 1-3 minutes on 2 cores). It writes
``data/clusters.tsv.gz``: ``word<TAB>c64<TAB>c256<TAB>c1024<TAB>c2048<TAB>count``. A second, independent view,
``data/clusters-50k.tsv.gz``, comes from ``--vocab 50000 --min-count 3 --sizes 64,256,1024 --out
src/marsad/entities/ner/data/clusters-50k.tsv.gz``. A third view, ``data/clusters-stems.tsv.gz``, clusters
bare stems instead of written words (``--stems --out src/marsad/entities/ner/data/clusters-stems.tsv.gz``):
every word of the corpus is first cut to its stem by the NER features' own clitic analysis (و/ف، ب/ل/ك and
the article off, :func:`..features.strip_proclitics`, which reads the word counts of ``clusters.tsv.gz``), so
وبطهران، لطهران and الطهران count as one word and a small corpus gives each name more contexts. Derived data:
they hold no text, and their headers name the sources they were learned from.
"""
from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import Counter
from pathlib import Path

from ...text.build import table_texts
from ...text.normalize import normalize
from ...text.tokenize import TOKEN_RE

DEFAULT_CORPORA = ("../shared/data/corpora/ant",)
DEFAULT_CONLL = ("../shared/data/ner/anercorp/train.txt", "../shared/data/ner/wojood-sample/train.txt",
                 "../shared/data/ner/wojood-sample/val.txt", "../shared/data/ner/wojood-sample/test.txt")
#: CSV/TSV files whose Arabic text column (``text`` or ``ar``) is read, one paragraph per row
DEFAULT_TABLES = ("../shared/data/events/un-quadclass/binary_complete.train.tsv",
                  "../shared/data/events/un-quadclass/quad_multiclass.train.tsv",
                  "../shared/data/events/sentence-judgements/assault_gsr.csv",
                  "../shared/data/events/sentence-judgements/protest_gsr.csv")
#: the licences of the default sources, written into the data file headers
DEFAULT_LICENCES = ("ANT Apache-2.0; UN-corpus QuadClass and OEDA sentence judgements MIT; ANERcorp words "
                    "CC BY-SA 4.0; Wojood sample words MIT. Not SaudiNewsNet (CC BY-NC-SA)")
OUT = Path(__file__).parent / "data" / "clusters.tsv.gz"
SIZES = (64, 256, 1024, 2048)


def corpus_sentences(corpora: list[str], conll: list[str], tables: list[str] = ()):
    """Lists of normalized words, one per paragraph of raw news or table row (and per CoNLL sentence, tags
    ignored). A paragraph seen before (the two UN files share rows) is skipped."""
    from ...io.readers import read_inputs
    from ...pipeline import BadItem
    norm_cache: dict[str, str] = {}
    seen: set[int] = set()

    def words_of(para: str) -> list[str]:
        words = []
        for m in TOKEN_RE.finditer(para):
            s = m.group()
            n = norm_cache.get(s)
            if n is None:
                n = norm_cache[s] = cluster_key(s)
            words.append(n)
        return words

    def paragraphs():
        for item in read_inputs(corpora):
            if not isinstance(item, BadItem):
                yield from item.text.split("\n")
        for path in tables:
            for cell in table_texts(Path(path)):
                yield from cell.split("\n")

    for para in paragraphs():
        h = hash(para)
        if h in seen:
            continue
        seen.add(h)
        words = words_of(para)
        if words:
            yield words
    from .conll import read_conll
    for path in conll:
        for sent in read_conll(Path(path).read_text(encoding="utf-8")):
            yield [cluster_key(row[0]) for row in sent if row[0] != "$#$"]


def cluster_key(surface: str) -> str:
    """The form clusters are keyed by: normalized, digits collapsed to 0."""
    n = normalize(surface)
    if any(c.isdigit() for c in n):
        n = "".join("0" if c.isdigit() else c for c in n)
    return n


def stem_sentences(sents):
    """The same paragraphs with every word cut to its bare stem (the NER features' clitic analysis)."""
    from .features import Resources, strip_proclitics
    res = Resources.load()
    memo: dict[str, str] = {}
    for s in sents:
        out = []
        for w in s:
            b = memo.get(w)
            if b is None:
                b = memo[w] = strip_proclitics(w, res)[2]
            out.append(b)
        yield out


def build(corpora: list[str], conll: list[str], tables: list[str] = (), *, vocab_size: int = 150000, min_count: int = 2,
          sizes: tuple[int, ...] = SIZES, ctx_size: int = 1000, dim: int = 100, seed: int = 13, stems: bool = False,
          log=print) -> dict[str, tuple[int, ...]]:
    import numpy as np

    t0 = time.perf_counter()
    sents = corpus_sentences(corpora, conll, tables)
    sents = list(stem_sentences(sents) if stems else sents)
    freq = Counter(w for s in sents for w in s)
    log(f"read {len(sents):,} paragraphs, {sum(freq.values()):,} tokens, {len(freq):,} types "
        f"in {time.perf_counter() - t0:.0f} s")
    vocab = [w for w, n in freq.most_common(vocab_size) if n >= min_count]
    widx = {w: i for i, w in enumerate(vocab)}
    cidx = {w: i for i, w in enumerate(vocab[:ctx_size])}
    V, C = len(vocab), len(cidx)
    counts = np.zeros((V, 2 * C), dtype=np.float32)
    rows: list[int] = []
    cols: list[int] = []
    wts: list[float] = []

    def flush():
        if rows:
            np.add.at(counts, (np.array(rows), np.array(cols)), np.array(wts, dtype=np.float32))
            rows.clear(), cols.clear(), wts.clear()

    for s in sents:
        ids = [widx.get(w, -1) for w in s]
        ctx = [cidx.get(w, -1) for w in s]
        n = len(s)
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for d, wt in ((1, 1.0), (2, 0.5)):
                if i - d >= 0 and ctx[i - d] >= 0:
                    rows.append(wi), cols.append(ctx[i - d]), wts.append(wt)
                if i + d < n and ctx[i + d] >= 0:
                    rows.append(wi), cols.append(C + ctx[i + d]), wts.append(wt)
        if len(rows) > 2_000_000:
            flush()
    flush()
    log(f"co-occurrences counted in {time.perf_counter() - t0:.0f} s")
    total = counts.sum()
    pw = counts.sum(1, keepdims=True) / total
    pc = (counts.sum(0, keepdims=True) / total) ** 0.75
    pc /= pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts / total / (pw * pc + 1e-30))
    ppmi = np.nan_to_num(np.maximum(pmi, 0), nan=0.0, posinf=0.0).astype(np.float32)
    del counts, pmi
    rng = np.random.default_rng(seed)
    # randomized SVD (Halko et al.): a few power iterations on a random projection
    q = ppmi @ rng.standard_normal((2 * C, dim + 20)).astype(np.float32)
    for _ in range(3):
        q, _r = np.linalg.qr(q)
        q = ppmi @ (ppmi.T @ q)
    q, _r = np.linalg.qr(q)
    u, sv, _vt = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    vecs = (q @ u[:, :dim]) * np.sqrt(sv[:dim])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    log(f"SVD done in {time.perf_counter() - t0:.0f} s")
    labels = [kmeans(vecs, k, rng) for k in sizes]
    log(f"k-means done in {time.perf_counter() - t0:.0f} s")
    return {w: tuple(int(lab[i]) for lab in labels) + (freq[w],) for i, w in enumerate(vocab)}


def kmeans(x, k: int, rng, iters: int = 15):
    """Spherical k-means (cosine), initialized from frequent words (rows are sorted by frequency)."""
    import numpy as np
    cent = x[rng.choice(min(len(x), 20 * k), size=k, replace=False)].copy()
    lab = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        lab = np.concatenate([np.argmax(x[i:i + 8192] @ cent.T, axis=1) for i in range(0, len(x), 8192)])
        for j in range(k):
            m = lab == j
            if m.any():
                c = x[m].sum(0)
                cent[j] = c / (np.linalg.norm(c) + 1e-9)
    return lab


def write(clusters: dict[str, tuple[int, ...]], path: Path, sources: list[str], licences: str,
          sizes: tuple[int, ...] = SIZES, unit: str = "word") -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"# marsad NER {unit} clusters (derived data, no text): {unit}\t"
                + "".join(f"c{k}\t" for k in sizes) + "count\n")
        f.write(f"# learned by marsad.entities.ner.clusters from {', '.join(sources)} "
                f"({licences}; see their SOURCE.md)\n")
        for w, cs in clusters.items():
            f.write(w + "\t" + "\t".join(map(str, cs)) + "\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", action="append", help="raw news folders (default: ANT in ../shared)")
    p.add_argument("--conll", action="append",
                   help="CoNLL files whose words (not tags) are added (default: ANERcorp train, Wojood sample)")
    p.add_argument("--table", action="append",
                   help="CSV/TSV files with a text or ar column (default: UN QuadClass, OEDA judgements)")
    p.add_argument("--licences", help="the sources' licences, for the file header (required with your own sources)")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--vocab", type=int, default=150000, help="words clustered (the most frequent)")
    p.add_argument("--min-count", type=int, default=2)
    p.add_argument("--sizes", default=",".join(map(str, SIZES)), help="cluster counts, coarse to fine")
    p.add_argument("--stems", action="store_true", help="cluster bare stems (proclitics and article cut off)")
    args = p.parse_args(argv)
    sizes = tuple(int(x) for x in args.sizes.split(","))
    corpora = args.corpus or list(DEFAULT_CORPORA)
    conll = args.conll or list(DEFAULT_CONLL)
    tables = args.table or list(DEFAULT_TABLES)
    custom = args.corpus or args.conll or args.table
    if custom and not args.licences:
        p.error("--licences is required when the sources are not the defaults (they go into the file header)")
    clusters = build(corpora, conll, tables, vocab_size=args.vocab, min_count=args.min_count, sizes=sizes,
                     stems=args.stems, log=lambda m: print(m, file=sys.stderr))
    write(clusters, args.out, corpora + tables + conll, args.licences or DEFAULT_LICENCES, sizes,
          "stem" if args.stems else "word")
    print(f"wrote {len(clusters):,} words to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
