"""Subcommands that dispatch to a named task: ``marsad train ner``, ``marsad eval time-specs``, ``marsad build wordfreq``.

Each task lives next to the stage it belongs to, in a module with ``add_arguments(parser)`` and ``run(args)``
(and a module docstring whose first line is the help). A task whose module is not installed is not listed.
"""
from __future__ import annotations

from .common import optional_module

GROUPS: dict[str, tuple[str, dict[str, str]]] = {
    "train": ("train a model from ../shared/data and write its artifact and model card", {
        "ner": "marsad.entities.ner.train",
        "events": "marsad.events.train",
    }),
    "eval": ("evaluate a stage on development data and print its figures", {
        "time-specs": "marsad.times.evaluate",
        "ner": "marsad.entities.ner.evaluate",
        "actors": "marsad.entities.evaluate",
        "quotes": "marsad.quotes.evaluate",
        "events": "marsad.events.evaluate",
        "un-quad": "marsad.events.un_quad",
        "seed": "marsad.evaluate",
        "articles": "marsad.evaluate_articles",
    }),
    "build": ("rebuild a derived data file of the package from ../shared/data", {
        "wordfreq": "marsad.text.build",
        "gazetteers": "marsad.entities.gazetteers.build",
        "triggers": "marsad.events.lexicon_build",
    }),
}


def add_parser(sub) -> None:
    for group, (help_, tasks) in GROUPS.items():
        p = sub.add_parser(group, help=help_, description=help_)
        tsub = p.add_subparsers(dest="task", metavar="TASK", required=True)
        for name, mod in tasks.items():
            m = optional_module(mod)
            if m is None:
                continue
            doc = (m.__doc__ or name).strip().splitlines()[0]
            tp = tsub.add_parser(name, help=doc, description=(m.__doc__ or doc).strip())
            m.add_arguments(tp)
            tp.set_defaults(run=m.run)
