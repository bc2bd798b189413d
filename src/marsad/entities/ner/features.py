"""CRF features for Arabic NER, computed once per distinct token form and cached.

Per token: the normalized word; its clitic analysis (conjunction/preposition proclitics and the article
stripped by :func:`strip_proclitics`, the stem with and without the article); prefixes and suffixes (up to four
letters) of the word and of the stem (nationality -ي/-ية, plural -ون/-ين); shape (Arabic, Latin, digits,
punctuation, length); a frequency band; word clusters at four granularities (of the word, or of its stem when
the word is unknown), those of a second, smaller clustering at three, and those of the bare stem in a
clustering of stems (a third view: a stem's contexts pooled over all its written forms, وبطهران، لطهران ...);
name-list membership. Neighbours at ±1 contribute a subset (word, stem, clusters, lists), neighbours at ±2 a
smaller one, plus word bigrams around the token. Everything a token contributes depends only on its surface
form, so the feature strings are built once per form and reused (the tagging speed depends on it).

The clitic analysis is deliberately self-contained (word frequencies from the committed cluster file), so the
features do not change when the tokenizer's lexicon is rebuilt.
"""
from __future__ import annotations

import gzip
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Sequence

from ...text.normalize import normalize

DATA = resources.files("marsad.entities.ner") / "data"

CONJ = ("", "و", "ف")
PREP = ("", "ب", "ل", "ك")
ART = "ال"
#: a stem shorter than this is never split off
MIN_STEM = 2


@dataclass
class Resources:
    """Word clusters and name lists, loaded once (see :mod:`.clusters` and :mod:`.namelists`)."""

    #: normalized word -> (cluster ids from coarse to fine, as strings ..., corpus count)
    clusters: dict[str, tuple] = field(default_factory=dict)
    lists: dict[str, str] = field(default_factory=dict)
    #: a second, independent clustering of the 50,000 most frequent words (another view of the same space)
    clusters_small: dict[str, tuple] = field(default_factory=dict)
    #: bare stem -> cluster ids of a clustering of stems (proclitics and article cut off before counting)
    clusters_stem: dict[str, tuple] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Resources":
        clusters = _read_clusters("clusters.tsv.gz")
        small = _read_clusters("clusters-50k.tsv.gz") if (DATA / "clusters-50k.tsv.gz").is_file() else {}
        stem = _read_clusters("clusters-stems.tsv.gz") if (DATA / "clusters-stems.tsv.gz").is_file() else {}
        lists: dict[str, str] = {}
        with gzip.open(str(DATA / "namelists.tsv.gz"), "rt", encoding="utf-8") as f:
            for line in f:
                if line[0] == "#":
                    continue
                w, _, tags = line.rstrip("\n").partition("\t")
                lists[w] = tags
        return cls(clusters, lists, small, stem)

    def freq(self, w: str) -> int:
        c = self.clusters.get(w)
        return c[-1] if c else 0


def _read_clusters(name: str) -> dict[str, tuple]:
    clusters: dict[str, tuple] = {}
    with gzip.open(str(DATA / name), "rt", encoding="utf-8") as f:
        for line in f:
            if line[0] == "#":
                continue
            w, *ids, n = line.rstrip("\n").split("\t")
            clusters[w] = (*ids, int(n))
    return clusters


def cluster_key(n: str) -> str:
    """Digits collapsed to 0, as the cluster file is keyed."""
    if any(c.isdigit() for c in n):
        return "".join("0" if c.isdigit() else c for c in n)
    return n


def strip_proclitics(n: str, res: Resources) -> tuple[str, str, str]:
    """``(proclitics, stem with article, bare stem)`` of a normalized word.

    Candidates strip و/ف, then ب/ل/ك, then the article (لل = ل + ال with its alef dropped). The whole word wins
    unless a split's stem (looked up with its article) is a more frequent word than the whole, so names such as
    وليد، بلال، لبنان stay whole while والحكومة، بطهران، للأمم split.
    """
    best = ("", n, _bare(n))
    best_f = res.freq(n) * 2 + 1
    for c in CONJ:
        if not n.startswith(c):
            continue
        for p in PREP:
            pre = c + p
            if not pre or not n.startswith(pre):
                continue
            rest = n[len(pre):]
            # للأمم = ل + (ا)ل + أمم
            with_art = "ا" + rest if p == "ل" and rest.startswith("ل") and not rest.startswith(ART) else rest
            bare = _bare(with_art)
            if len(rest) < MIN_STEM:
                continue
            if with_art.startswith(ART) and len(bare) >= 3:
                f = float("inf")  # a proclitic before the article is unambiguous
            else:
                f = res.freq(with_art) / (1 + len(pre))
            if f > best_f:
                best, best_f = (pre, with_art, bare), f
    return best


def _bare(w: str) -> str:
    """The word without its article (when what is left is still a stem)."""
    return w[2:] if w.startswith(ART) and len(w) - 2 >= MIN_STEM else w


def _shape(s: str) -> str:
    if s.isdigit():
        return "num"
    if all("\u0600" <= ch <= "\u06ff" for ch in s):
        return "ar"
    if s.isascii() and s.isalpha():
        return "Lat" if s[0].isupper() else "lat"
    if any(ch.isdigit() for ch in s):
        return "hasnum"
    if not any(ch.isalnum() for ch in s):
        return "punct"
    return "mixed"


class Featurizer:
    """Feature strings for token sequences (training) and per surface form (the tagger's scores).

    The small per-form facts the other stages ask for (proclitics, stem key, frequency) are cached; the
    feature lists are cached only by :meth:`sentence`, which training calls many times over one corpus."""

    #: per-form caches are cleared past this many forms, so a long-running process stays bounded
    MAX_FORMS = 200_000
    #: feature lists of the most recent forms are kept so the two CRF passes build them once per text
    RECENT = 5_000

    def __init__(self, res: Resources):
        self.res = res
        self._lists: dict[str, tuple[list[str], tuple[list[str], ...], str]] = {}
        self._recent: dict[str, tuple[list[str], tuple[list[str], ...], str]] = {}
        self._key: dict[str, str] = {}
        self._pre: dict[str, str] = {}
        self._bare: dict[str, str] = {}

    def form(self, surface: str) -> tuple[list[str], tuple[list[str], ...], str]:
        """``(own features, (features lent at -2, -1, +1, +2), bigram key)`` of one surface form: all a token
        contributes to its own and its neighbours' feature lists (what the fast tagger scores once per form)."""
        got = self._recent.get(surface)
        if got is not None:
            return got
        res = self.res
        n = normalize(surface)
        k = cluster_key(n)
        pre, st, bare = strip_proclitics(k, res)
        if len(self._key) >= self.MAX_FORMS:
            self._key.clear(), self._pre.clear(), self._bare.clear()
        # the proclitics that can be cut off the surface without touching the stem (not لل = ل + ال)
        self._pre[surface] = pre if k[len(pre):] == st else ""
        self._key[surface] = k
        self._bare[surface] = bare
        cl = res.clusters.get(k)
        scl = res.clusters.get(st) if st != k else None
        fr = cl[-1] if cl else 0
        own = [
            "bias", "w=" + k, "sh=" + _shape(surface), "len=" + str(min(len(n), 8)),
            "p2=" + k[:2], "p3=" + k[:3], "s1=" + k[-1:], "s2=" + k[-2:], "s3=" + k[-3:],
            "fq=" + (str(min(int(math.log2(fr)), 14)) if fr else "oov"),
            "p4=" + k[:4], "s4=" + k[-4:], "bs4=" + bare[-4:], "bp3=" + bare[:3],
        ]
        if pre or st != k:
            own += ["pre=" + pre, "st=" + st]
        if bare != k:
            own += ["bst=" + bare, "bs2=" + bare[-2:], "bs3=" + bare[-3:], "bp2=" + bare[:2]]
        if st.startswith(ART):
            own.append("art")
        c = cl or scl
        if c:
            tag = "c" if cl else "sc"
            own += [f"{tag}{j}={cid}" for j, cid in enumerate(c[:-1])]
        if cl and scl:
            own += [f"sc{j}={cid}" for j, cid in enumerate(scl[1:-1], 1)]
        d = res.clusters_small.get(k) or res.clusters_small.get(st)
        if d:
            own += [f"d{j}={cid}" for j, cid in enumerate(d[:-1])]
        b = res.clusters_stem.get(bare)
        stem_cl = [f"b{j}={cid}" for j, cid in enumerate(b[:-1])] if b else []
        own += stem_cl
        lists = set(filter(None, res.lists.get(k, "").split(",")))
        if bare != k:
            lists |= {"st_" + t for t in res.lists.get(bare, "").split(",") if t}
        own += ["nl=" + t for t in sorted(lists)]
        ctx1 = ["w=" + k, "sh=" + _shape(surface)] + ["nl=" + t for t in sorted(lists)]
        if st != k:
            ctx1.append("st=" + st)
        if pre:
            ctx1.append("pre=" + pre)
        if c:
            ctx1 += [f"c{j}={cid}" for j, cid in enumerate(c[:-1])]
        if d:
            ctx1 += [f"d{j}={cid}" for j, cid in enumerate(d[:-1])]
        ctx1 += stem_cl
        ctx2 = ["w=" + k] + (["c1=" + c[1], "c2=" + c[2]] if c else []) + ["nl=" + t for t in sorted(lists)]
        ctx = (["-2:" + f for f in ctx2], ["-1:" + f for f in ctx1],
               ["+1:" + f for f in ctx1], ["+2:" + f for f in ctx2])
        if len(self._recent) >= self.RECENT:
            self._recent.clear()
        got = self._recent[surface] = (own, ctx, k)
        return got

    def proclitic(self, surface: str) -> str:
        """The normalized conjunction/preposition proclitics of a token (``""`` when there are none)."""
        if surface not in self._pre:
            self.form(surface)
        return self._pre[surface]

    def stem_key(self, surface: str) -> str:
        """The normalized stem without proclitics and article: what one name's mentions share."""
        if surface not in self._bare:
            self.form(surface)
        return self._bare[surface]

    def frequency(self, surface: str) -> int:
        """How often the whole (normalized) token occurs in the cluster corpus."""
        if surface not in self._key:
            self.form(surface)
        return self.res.freq(self._key[surface])

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """One feature list per token (for training: the lists of every form seen are kept)."""
        lists = self._lists
        for t in tokens:
            if t not in lists:
                lists[t] = self.form(t)
        forms = [lists[t] for t in tokens]
        n = len(tokens)
        out = []
        for i, (own, _ctx, key) in enumerate(forms):
            f = own + forms[i - 2][1][0] if i >= 2 else own + []
            if i >= 1:
                f += forms[i - 1][1][1]
                f.append("bg-=" + forms[i - 1][2] + "|" + key)
            else:
                f.append("BOS")
            if i + 1 < n:
                f += forms[i + 1][1][2]
                f.append("bg+=" + key + "|" + forms[i + 1][2])
            else:
                f.append("EOS")
            if i + 2 < n:
                f += forms[i + 2][1][3]
            out.append(f)
        return out
