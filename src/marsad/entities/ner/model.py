"""The committed NER model: load once, tag token sequences with ANERcorp BIO tags.

The CRFsuite file is memory-mapped by CRFsuite itself, so loading costs little more than reading the cluster
and name-list files (about 0.1-0.2 s).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

from ...errors import MarsadError
from .features import Featurizer, Resources

MODEL_DIR = resources.files("marsad.entities.ner") / "model"
MODEL_FILE = "ner.crfsuite"


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
        self.featurizer = Featurizer(res or Resources.load())
        self.path = path

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``O``, ``B-PERS`` …) for one sentence of surface tokens."""
        if not tokens:
            return []
        return self.tagger.tag(self.featurizer.sentence(tokens))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sentences]


@lru_cache(maxsize=1)
def load_model() -> NerModel:
    """The committed model (cached per process)."""
    return NerModel(MODEL_DIR / MODEL_FILE)
