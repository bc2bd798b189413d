"""PLOVER event coding: trigger lexicon, arguments, modality, dates, places, deduplication.

The pure functions live in :mod:`.coder` (finding events: the orchestration), :mod:`.spotting` (triggers),
:mod:`.parties` (actor and recipient), :mod:`.speakers` (quotes), :mod:`.retyping` (type and mode from context),
:mod:`.dating` (dates), :mod:`.dedup` (one event per happening), :mod:`.draft` (the event being built),
:mod:`.lexicon` (the trigger matcher), :mod:`.arguments` (actor/recipient spans), :mod:`.modality`;
:mod:`.component` is the pipeline adapter.
"""
