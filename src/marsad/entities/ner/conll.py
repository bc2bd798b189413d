"""CoNLL-style files: one token per line (extra columns allowed), a blank line between sentences.

Reading keeps every column so training can take the last one as the tag and ``marsad ner --conll`` can take
the first one as the token. Entity-level scoring is conlleval's: an entity counts when its span and its type
both match exactly.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator, Sequence

from ...errors import InputError

TYPES = ("PERS", "LOC", "ORG", "MISC")


class ConllError(InputError):
    """A CoNLL file that cannot be read (a line with no token, a missing tag)."""

    code = "E110"


def read_conll(text: str, *, name: str = "input") -> Iterator[list[list[str]]]:
    """Sentences as lists of rows (each row the whitespace-separated columns of one line)."""
    sent: list[list[str]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            if sent:
                yield sent
                sent = []
            continue
        cols = line.split()
        if line[0].isspace():
            raise ConllError(f"{name}:{lineno}: line starts with whitespace (no token in the first column)")
        sent.append(cols)
    if sent:
        yield sent


def read_tagged(text: str, *, name: str = "input") -> list[tuple[list[str], list[str]]]:
    """(tokens, tags) per sentence; the tag is the last column and must look like ``O`` or ``B-X``/``I-X``."""
    out = []
    for sent in read_conll(text, name=name):
        toks, tags = [], []
        for cols in sent:
            if len(cols) < 2 or not (cols[-1] == "O" or cols[-1][:2] in ("B-", "I-")):
                raise ConllError(f"{name}: token {cols[0]!r} has no BIO tag in its last column")
            toks.append(cols[0])
            tags.append(cols[-1])
        out.append((toks, tags))
    return out


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` in token indices, conlleval-style (an I- after O starts one)."""
    out = set()
    start, typ = -1, ""
    for i, t in enumerate(list(tags) + ["O"]):
        boundary = t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ)
        if boundary and start >= 0:
            out.add((start, i, typ))
            start, typ = -1, ""
        if t != "O" and (t.startswith("B-") or start < 0):
            start, typ = i, t[2:]
    return out


def to_bioes(tags: Sequence[str]) -> list[str]:
    """BIO tags (as read, conlleval-valid) rewritten as BIOES: a one-token name is ``S-X``, a name's last token
    ``E-X``. The CRFs learn these richer labels (a name's end is a decision of its own) and are read back as
    BIO through :func:`to_bio`."""
    out = []
    ends = {b - 1 for _a, b, _t in spans(tags)}
    starts = {a for a, _b, _t in spans(tags)}
    for i, t in enumerate(tags):
        if t == "O":
            out.append(t)
        elif i in starts:
            out.append(("S-" if i in ends else "B-") + t[2:])
        else:
            out.append(("E-" if i in ends else "I-") + t[2:])
    return out


def to_bio(tag: str) -> str:
    """One BIOES label as BIO (``S-X`` -> ``B-X``, ``E-X`` -> ``I-X``)."""
    return {"S-": "B-", "E-": "I-"}.get(tag[:2], tag[:2]) + tag[2:] if tag != "O" else tag


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Entity-level precision, recall and F1 per type and overall (key ``ALL``), with counts."""
    tp: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    np_: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        gs, ps = spans(g), spans(p)
        for s in gs:
            ng[s[2]] += 1
        for s in ps:
            np_[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    out = {}
    for t in sorted(set(ng) | set(np_)) + ["ALL"]:
        a, b, c = (sum(x.values()) for x in (tp, ng, np_)) if t == "ALL" else (tp[t], ng[t], np_[t])
        prec = a / c if c else 0.0
        rec = a / b if b else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[t] = {"precision": prec, "recall": rec, "f1": f1, "gold": b, "predicted": c}
    return out


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for t, s in scores.items():
        lines.append(f"{t:<6} {s['precision']:6.4f} {s['recall']:6.4f} {s['f1']:6.4f} "
                     f"{int(s['gold']):6d} {int(s['predicted']):6d}")
    return "\n".join(lines)
