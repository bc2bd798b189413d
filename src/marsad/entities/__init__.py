"""Entities, actors and places: who and where, resolved to real identities.

* :mod:`.gazetteers`: the data (countries, nationalities, places, organisations, offices, political actors
  with dated roles) and its build task;
* :mod:`.matcher`: one left-to-right pass over the normalized text finding every gazetteer alias;
* :mod:`.component`: the ``entities`` pipeline component (gazetteers + the ``ner`` component's spans →
  ``doc.entities`` with actors and places);
* :mod:`.resolve`: the public resolver other stages call (:func:`~.resolve.resolve_span`,
  :func:`~.resolve.resolve_parties`);
* ``ner/``: the statistical NER model (its own component, ``ner``).
"""
