"""Statistical NER (ANERcorp BIO tags: PERS, LOC, ORG, MISC) with a CRF trained here.

* :mod:`.features` turns a sentence's tokens into CRFsuite feature lists (affixes, clitic-stripped stems,
  shapes, word clusters, name lists, a ±2 window);
* :mod:`.model` loads the committed model and tags token sequences;
* :mod:`.train` (``marsad train ner``) trains it and cross-validates; :mod:`.evaluate` (``marsad eval ner``)
  scores it on a CoNLL file; :mod:`.component` is the pipeline component ``ner``;
* :mod:`.clusters` (``python -m marsad.entities.ner.clusters``) and :mod:`.namelists` build the derived
  word-cluster and name-list files in ``data/`` from the raw news and gazetteers in ``../shared/data``.
"""
