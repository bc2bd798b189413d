"""The committed NER model: load once, tag token sequences with ANERcorp BIO tags.

The CRFsuite file is memory-mapped by CRFsuite itself, so loading costs little more than reading the cluster
and name-list files (about 0.1-0.2 s).
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

from ...errors import MarsadError
from .consistency import propagate
from .features import Featurizer, Resources

MODEL_DIR = resources.files("marsad.entities.ner") / "model"
MODEL_FILE = "ner.crfsuite"
#: the attributes the model has weights for, one per line (written by training next to the model)
ATTRIBUTES_FILE = "attributes.txt.gz"


class ModelError(MarsadError):
    """The NER model file is missing or unreadable."""

    code = "E310"


class NerModel:
    """A CRFsuite tagger plus the featurizer it was trained with."""

    def __init__(self, path: str | Path, res: Resources | None = None):
        import pycrfsuite

        path = Path(str(path))
        if not path.is_file():
            raise ModelError(f"NER model not found at {path}; train it with `marsad train ner`")
        self.tagger = pycrfsuite.Tagger()
        try:
            self.tagger.open(str(path))
        except (OSError, ValueError) as e:
            raise ModelError(f"cannot read the NER model {path}: {e}") from e
        self.featurizer = Featurizer(res or Resources.load(), read_attributes(path.parent / ATTRIBUTES_FILE))
        self.path = path

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``O``, ``B-PERS`` …) for one sentence of surface tokens."""
        if not tokens:
            return []
        return self.tagger.tag(self.featurizer.sentence(tokens))

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for consecutive sentences of one text: the CRF per sentence, then names made consistent
        across nearby sentences (:mod:`.consistency`)."""
        return propagate(sentences, [self.tag(s) for s in sentences], self.featurizer)


def read_attributes(path: Path) -> frozenset[str] | None:
    """The model's attributes, or None (no filtering) when the file is not there."""
    if not path.is_file():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return frozenset(line.rstrip("\n") for line in f)


def write_attributes(model_path: Path) -> None:
    """List the attributes of a trained model next to it (CRFsuite keeps only those with weights)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    attrs = sorted({a for a, _label in tagger.info().state_features})
    with gzip.open(model_path.parent / ATTRIBUTES_FILE, "wt", encoding="utf-8") as f:
        f.writelines(a + "\n" for a in attrs)


@lru_cache(maxsize=1)
def load_model() -> NerModel:
    """The committed model (cached per process)."""
    return NerModel(MODEL_DIR / MODEL_FILE)
