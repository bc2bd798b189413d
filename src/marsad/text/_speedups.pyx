# cython: language_level=3, boundscheck=False, wraparound=False
"""The text layer's loops over characters in C: the tokenizer's token loop and the normalizer's folding (optional:
:func:`marsad.text.tokenize.python_token_loop` and :func:`marsad.text.normalize.python_fold` do the same in Python).

Built by ``pip install -e .`` when Cython and a C compiler are present (``[tool.setuptools] ext-modules`` in
pyproject.toml, an optional extension: without them the package installs and runs without it). The Python
version makes a dozen C-level passes over the tokens (split, running sum of lengths, cache look-ups, unzipping,
building); this is one pass over the characters that matches Arabic words itself (most tokens) and builds each token in
place. What it knows about tokens comes from its arguments (the regex, a table of character classes derived
from the regex's own character sets, the cache, the function that classifies an unseen form);
``tests/text/test_speedups.py`` checks on any text that the two loops give the same tokens.
"""
from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_SET_ITEM


cdef extern from "Python.h":
    # a new instance of a tuple subclass with n empty slots (what tuple.__new__ allocates for a subclass)
    object PyType_GenericAlloc(type t, Py_ssize_t n)
    # a str from a buffer of code points (in the narrowest representation that holds them)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND


cdef inline void _put(tuple t, Py_ssize_t i, object value):
    Py_INCREF(value)  # PyTuple_SET_ITEM steals a reference
    PyTuple_SET_ITEM(t, i, value)


#: character classes of the table :func:`marsad.text.tokenize.char_classes` passes (one byte per BMP character)
cdef enum:
    LETTER = 1  # an Arabic letter: starts and continues a word (AR_LETTER)
    MARK = 2    # an Arabic mark or joiner: continues a word (AR_MARK)
    GAP = 4     # whitespace or an invisible format character: between tokens, never in one


def tokenize_loop(object token_match, bytes char_classes, object classify, type token_type, str text,
                  object lex):
    """The tokens of ``text``, like :func:`marsad.text.tokenize.python_token_loop`.

    The tokens are found as the tokenizer's regex finds them: a token starts at every character that is not a
    gap, and the regex's first alternative, an Arabic word (a letter, then letters and marks), is matched here
    in C; any other token is matched by ``token_match`` (the regex's ``match``, with its alternatives in order)
    at that position. ``lex.cache`` maps a surface form to its (kind, norm, layout) and ``classify(surface,
    lex)`` computes them for an unseen form; ``token_type`` is :class:`marsad.doc.Token`, a tuple subclass
    (text, start, end, kind, norm, layout).
    """
    cdef const unsigned char* classes = char_classes
    cdef dict cache = lex.cache
    cdef Py_ssize_t n = len(text), i = 0, j
    cdef Py_UCS4 c
    cdef str surface
    cdef object info, m
    cdef tuple tok
    cdef list out = []
    while i < n:
        c = text[i]
        if c < 0x10000 and classes[c] & GAP:
            i += 1
            continue
        if c < 0x10000 and classes[c] & LETTER:
            j = i + 1
            while j < n:
                c = text[j]
                if c >= 0x10000 or not classes[c] & (LETTER | MARK):
                    break
                j += 1
        else:
            m = token_match(text, i)
            if m is None:  # no alternative matches here (the regex skips such a character too)
                i += 1
                continue
            j = m.end()
        surface = text[i:j]
        info = cache.get(surface)
        if info is None:
            info = classify(surface, lex)
            cache[surface] = info
        tok = <tuple>PyType_GenericAlloc(token_type, 6)
        _put(tok, 0, surface)
        _put(tok, 1, i)
        _put(tok, 2, j)
        _put(tok, 3, (<tuple>info)[0])
        _put(tok, 4, (<tuple>info)[1])
        _put(tok, 5, (<tuple>info)[2])
        out.append(tok)
        i = j
    return tuple(out)


def fold(str text, list table):
    """``text`` normalized with a character table and the segments of :class:`marsad.text.normalize.NormText`,
    like :func:`marsad.text.normalize.python_fold` (one pass over the characters instead of two regex scans and
    a replacement per distinct character). ``table[c]`` is the replacement of the BMP character ``c`` (``None``
    when it is kept); characters outside the BMP are kept."""
    cdef Py_ssize_t n = len(text), p, k, o = 0, nn = 0, size = n, length
    cdef Py_UCS4 c
    cdef object rep
    cdef str r
    cdef list segs = []
    cdef Py_UCS4* buf
    cdef Py_UCS4* grown
    if len(table) != 0x10000:
        raise ValueError("the table needs one entry per BMP character")
    buf = <Py_UCS4*>PyMem_Malloc(size * sizeof(Py_UCS4) + 1)
    if buf == NULL:
        raise MemoryError()
    try:
        for p in range(n):
            c = text[p]
            rep = table[<Py_ssize_t>c] if c < 0x10000 else None
            if rep is None:
                buf[nn] = c
                nn += 1
                continue
            r = <str>rep
            length = len(r)
            if length == 1:
                buf[nn] = r[0]
                nn += 1
                continue
            # a character deleted or expanded: the copy run before it, then its own segment
            if p > o:
                segs.append((nn - (p - o), o, p - o, p - o))
            if length:
                if nn + length + (n - p) > size:
                    size = nn + length + (n - p) + n
                    grown = <Py_UCS4*>PyMem_Realloc(buf, size * sizeof(Py_UCS4))
                    if grown == NULL:
                        raise MemoryError()
                    buf = grown
                segs.append((nn, p, length, 1))
                for k in range(length):
                    buf[nn + k] = r[k]
                nn += length
            o = p + 1
        if o < n:
            segs.append((nn - (n - o), o, n - o, n - o))
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, nn), segs
    finally:
        PyMem_Free(buf)
