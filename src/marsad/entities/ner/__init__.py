"""Statistical NER (ANERcorp BIO tags: PERS, LOC, ORG, MISC) with a CRF trained here.

* :mod:`.features` turns a sentence's tokens into CRFsuite feature lists (affixes, clitic-stripped stems,
  shapes, word clusters, name lists, a ±2 window);
* :mod:`.model` loads the committed model's weights and tags token sequences (per-form label scores, numpy
  Viterbi over a text's sentences: CRFsuite's tags without calling CRFsuite per token);
* :mod:`.train` (``marsad train ner``) trains it and cross-validates; :mod:`.evaluate` (``marsad eval ner``)
  scores it on a CoNLL file; :mod:`.component` is the pipeline component ``ner``;
* :mod:`.clusters` (``python -m marsad.entities.ner.clusters``) and :mod:`.namelists` build the derived
  word-cluster and name-list files in ``data/`` from permissively licensed text and gazetteers in
  ``../shared/data`` (never SaudiNewsNet, which is research-only) and the entities stage's gazetteer.
"""
