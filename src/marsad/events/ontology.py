"""PLOVER as data: types, quad classes, modes, intensities, closest CAMEO codes and the CAMEO crosswalk.

Everything is read from ``data/plover.json`` (from the PLOVER manual) and ``data/cameo2plover.tsv`` (converted
from the 2021 crosswalk by ``marsad build triggers``) once per process.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ResourceError

DATA = resources.files("marsad.events") / "data"


@dataclass(frozen=True, slots=True)
class TypeInfo:
    name: str
    quad: int
    intensity: float
    cameo: str
    modes: dict  # mode -> (intensity, cameo)


@dataclass(frozen=True, slots=True)
class Ontology:
    types: dict[str, TypeInfo]
    contexts: frozenset[str]
    crosswalk_modes: dict[str, str | None]
    crosswalk_contexts: dict[str, str]

    def valid(self, typ: str, mode: str | None) -> bool:
        t = self.types.get(typ)
        return t is not None and (mode is None or mode in t.modes)

    def fix_mode(self, typ: str, mode: str | None) -> str | None:
        """A crosswalk or lexicon mode as one of the manual's modes for ``typ`` (None when it has none)."""
        mode = (mode or "").strip() or None
        if mode is None:
            return None
        if mode in self.crosswalk_modes:
            mode = self.crosswalk_modes[mode]
        return mode if mode in self.types[typ].modes else None

    def fix_context(self, ctx: str) -> str | None:
        ctx = self.crosswalk_contexts.get(ctx.strip(), ctx.strip())
        return ctx if ctx in self.contexts else None

    def code(self, typ: str, mode: str | None) -> tuple[int, float, str]:
        """(quad, intensity, closest CAMEO code) of a type and mode."""
        t = self.types[typ]
        if mode and mode in t.modes:
            score, cameo = t.modes[mode]
            return t.quad, float(score), cameo
        return t.quad, float(t.intensity), t.cameo


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    path = DATA / "plover.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ResourceError(f"cannot read the PLOVER table {path}: {e}") from e
    types = {name: TypeInfo(name=name, quad=v["quad"], intensity=v["intensity"], cameo=v["cameo"],
                            modes={m: tuple(x) for m, x in v["modes"].items()})
             for name, v in raw["types"].items()}
    cm = {k: v for k, v in raw["crosswalk_modes"].items() if not k.startswith("_")}
    cc = {k: v for k, v in raw["crosswalk_contexts"].items() if not k.startswith("_")}
    return Ontology(types=types, contexts=frozenset(raw["contexts"]), crosswalk_modes=cm, crosswalk_contexts=cc)


@lru_cache(maxsize=1)
def load_crosswalk() -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    """CAMEO code -> (PLOVER type, mode, contexts) from ``data/cameo2plover.tsv``."""
    out = {}
    for line in (DATA / "cameo2plover.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("cameo\t") or not line.strip():
            continue
        code, typ, mode, ctx = (line.split("\t") + ["", "", ""])[:4]
        out[code] = (typ, mode or None, tuple(c for c in ctx.split(";") if c))
    return out
