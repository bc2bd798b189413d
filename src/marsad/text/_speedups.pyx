# cython: language_level=3, boundscheck=False, wraparound=False
"""The tokenizer's token loop in C (optional: :func:`marsad.text.tokenize.tokenize` is the same loop in Python).

Built by ``pip install -e .`` when Cython and a C compiler are present (``[tool.setuptools] ext-modules`` in
pyproject.toml, an optional extension: without them the package installs and runs without it). The Python
version makes a dozen C-level passes over the tokens (split, running sum of lengths, cache look-ups, unzipping,
building); this is one pass over the characters that matches Arabic words itself (most tokens) and builds each token in
place. What it knows about tokens comes from its arguments (the regex, a table of character classes derived
from the regex's own character sets, the cache, the function that classifies an unseen form);
``tests/text/test_speedups.py`` checks on any text that the two loops give the same tokens.
"""
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_SET_ITEM


cdef extern from "Python.h":
    # a new instance of a tuple subclass with n empty slots (what tuple.__new__ allocates for a subclass)
    object PyType_GenericAlloc(type t, Py_ssize_t n)


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
