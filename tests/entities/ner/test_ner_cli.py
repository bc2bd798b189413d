"""``marsad ner --conll``: same tokens and blank lines out, tags in the second column, coded errors."""
from __future__ import annotations

import io
import sys

import pytest

from marsad.cli.main import main
from marsad.cli.ner import tag_lines

CONLL = "قال O\nالرئيس O\nالإيراني B-MISC\n\n\nوصل O\nإلى O\nبغداد B-LOC\n.\tO\textra\n"


def test_tag_lines_keeps_tokens_and_every_blank_line():
    out = list(tag_lines(CONLL.splitlines(), lambda sents: [["X"] * len(s) for s in sents]))
    assert out == ["قال\tX", "الرئيس\tX", "الإيراني\tX", "", "", "وصل\tX", "إلى\tX", "بغداد\tX", ".\tX"]


def test_cli_round_trips_a_file(tmp_path, capsys):
    f = tmp_path / "in.conll"
    f.write_text(CONLL, encoding="utf-8")
    assert main(["ner", "--conll", str(f)]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines[-1] == ""  # output ends with a newline
    lines = lines[:-1]
    assert [ln.split("\t")[0] for ln in lines] == [ln.split()[0] if ln.strip() else "" for ln in CONLL.splitlines()]
    tags = [ln.split("\t")[1] for ln in lines if ln]
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    assert tags[5] == "B-LOC"  # بغداد after إلى


def test_cli_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("زار\nبيروت\n".encode())))
    assert main(["ner", "--conll", "-"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("زار\t") and out.splitlines()[1] == "بيروت\tB-LOC"


@pytest.mark.parametrize("content,code", [(b"\x00\x01binary", "E102"), (b"\xff\xfe\xfa", "E103"),
                                          (b"\n\n  \n", "E101")])
def test_cli_bad_input_is_one_coded_line(tmp_path, capsys, content, code):
    f = tmp_path / "bad.conll"
    f.write_bytes(content)
    assert main(["ner", "--conll", str(f)]) == 1
    err = capsys.readouterr().err.strip()
    assert code in err and "\n" not in err and "Traceback" not in err


def test_cli_missing_file(capsys):
    assert main(["ner", "--conll", "/nonexistent/x.conll"]) == 1
    assert "E203" in capsys.readouterr().err
