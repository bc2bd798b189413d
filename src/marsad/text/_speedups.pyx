# cython: language_level=3, boundscheck=False, wraparound=False
"""The tokenizer's token loop in C (optional: :func:`marsad.text.tokenize.tokenize` is the same loop in Python).

Built by ``pip install -e .`` when Cython and a C compiler are present (``[tool.setuptools] ext-modules`` in
pyproject.toml, an optional extension: without them the package installs and runs without it). The Python
version makes a dozen C-level passes over the tokens (split, running sum of lengths, cache look-ups, unzipping,
building); this is one pass that builds each token in place. Everything it knows about tokens comes from its
arguments (the split regex, the cache, the function that classifies an unseen form), so the two cannot disagree
on what a token is; ``tests/text/test_speedups.py`` checks that they give the same tokens.
"""
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM


cdef extern from "Python.h":
    # a new instance of a tuple subclass with n empty slots (what tuple.__new__ allocates for a subclass)
    object PyType_GenericAlloc(type t, Py_ssize_t n)


cdef inline void _put(tuple t, Py_ssize_t i, object value):
    Py_INCREF(value)  # PyTuple_SET_ITEM steals a reference
    PyTuple_SET_ITEM(t, i, value)


def tokenize_loop(object split, object classify, type token_type, str text, object lex):
    """The tokens of ``text``, like :func:`marsad.text.tokenize.python_token_loop`. ``split`` is the tokenizer's regex split (gap, token, gap, …, gap),
    ``lex.cache`` maps a surface form to its (kind, norm, layout) and ``classify(surface, lex)`` computes them
    for an unseen form; ``token_type`` is :class:`marsad.doc.Token`, a tuple subclass (text, start, end,
    kind, norm, layout)."""
    cdef list pieces = split(text)
    cdef dict cache = lex.cache
    cdef Py_ssize_t n = len(pieces) // 2
    cdef Py_ssize_t i, pos = 0, end
    cdef str surface
    cdef object info
    cdef tuple tok
    cdef tuple out = PyTuple_New(n)
    for i in range(n):
        pos += len(<str>pieces[2 * i])
        surface = <str>pieces[2 * i + 1]
        end = pos + len(surface)
        info = cache.get(surface)
        if info is None:
            info = classify(surface, lex)
            cache[surface] = info
        tok = <tuple>PyType_GenericAlloc(token_type, 6)
        _put(tok, 0, surface)
        _put(tok, 1, pos)
        _put(tok, 2, end)
        _put(tok, 3, (<tuple>info)[0])
        _put(tok, 4, (<tuple>info)[1])
        _put(tok, 5, (<tuple>info)[2])
        _put(out, i, tok)
        pos = end
    return out
