"""The temporal lexicon files: headers, complete calendars, no conflicting spellings."""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from marsad.text.normalize import normalize
from marsad.times.lexicon import DATA, _rows, load

FILES = ["months.tsv", "weekdays.tsv", "numbers.tsv", "units.tsv", "markers.tsv"]


@pytest.mark.parametrize("name", FILES)
def test_header_names_its_source(name):
    head = (DATA / name).read_text(encoding="utf-8").splitlines()[:12]
    assert head[0].startswith("#")
    assert any("knowledge" in line or "Source" in line or "written for marsad" in line for line in head)


def test_every_calendar_has_twelve_months():
    by_system = defaultdict(set)
    for name, month, calendar, system, bare in _rows("months.tsv"):
        by_system[system].add(int(month))
        assert calendar in ("gregorian", "hijri") and bare in ("0", "1")
    assert by_system["msa"] == set(range(1, 13))
    assert by_system["levant"] == set(range(1, 13))
    assert by_system["hijri"] == set(range(1, 13))
    assert by_system["maghreb"] | {3, 9, 10, 11, 12} == set(range(1, 13))  # مارس... shared with msa


def test_weekdays_cover_the_week():
    assert set(load().weekdays.values()) == set(range(1, 8))


@pytest.mark.parametrize("name,key_col,value_cols", [("months.tsv", 0, (1, 2)), ("weekdays.tsv", 0, (1,)),
                                                     ("numbers.tsv", 0, (1, 2)), ("units.tsv", 0, (1, 2))])
def test_no_spelling_with_two_meanings(name, key_col, value_cols):
    seen: dict[str, tuple] = {}
    for row in _rows(name):
        key, value = normalize(row[key_col]), tuple(row[c] for c in value_cols)
        assert seen.setdefault(key, value) == value, f"{row[key_col]} has two readings in {name}"


def test_markers_have_known_kinds_and_values():
    kinds = Counter(kind for _, kind, _ in _rows("markers.tsv"))
    assert set(kinds) == {"relday", "daypart", "modifier", "position", "offset", "duration", "past_cue",
                          "future_cue", "future_stop", "season", "decade", "quarter"}
    lex = load()
    assert set(lex.markers["modifier"].values()) <= {"past", "future", "present", "prev2", "next2"}
    assert all(int(v) in range(-2, 3) for v in lex.markers["relday"].values())
