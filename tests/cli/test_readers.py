"""Readers of the corpus formats."""
from pathlib import Path

from marsad.io.readers import date_from_name, read_ant, read_path
from marsad.pipeline import BadItem

ANT_DOC = """<DOC>
<DOCNO>JA-politic-7-20170121</DOCNO>
<URL>http://example.org/a</URL>
<SRC>Example FM</SRC>
<TITLE>عنوان الخبر</TITLE>
<TIME>{time}</TIME>
<TEXT>
قال الوزير إن الحكومة ستعقد اجتماعاً.
</TEXT>
</DOC>
"""


def test_ant_dates_in_both_formats():
    for time, want in (("21/01/2017", "2017-01-21"), ("2017-01-21T16:19:00+01:00", "2017-01-21"),
                       ("3/2/2016", "2016-02-03")):
        (item,) = list(read_ant(ANT_DOC.format(time=time).encode(), name="x"))
        assert not isinstance(item, BadItem), item
        assert item.date == want and item.title == "عنوان الخبر" and item.text.startswith("قال")


def test_date_from_file_name():
    assert date_from_name("2025-04-20-visit.txt") == "2025-04-20"
    assert date_from_name("JA-politic-1-20170121.txt") == "2017-01-21"
    assert date_from_name("notes-2025-13-40.txt") is None


def test_directory_of_ant_files(tmp_path: Path):
    (tmp_path / "JA-politic-7-20170121.txt").write_text(ANT_DOC.format(time="21/01/2017"), encoding="utf-8")
    items = list(read_path(tmp_path))
    assert len(items) == 1 and items[0].id == "JA-politic-7-20170121" and items[0].source == "Example FM"
