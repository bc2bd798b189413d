"""PLOVER event coding: trigger lexicon, arguments, modality, dates, places, deduplication.

The pure functions live in :mod:`.coder` (finding events), :mod:`.lexicon` (the trigger matcher),
:mod:`.arguments` (actor/recipient spans), :mod:`.modality`; :mod:`.component` is the pipeline adapter.
"""
