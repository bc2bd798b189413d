"""The command line, run as users run it: exit codes, coded one-line errors, no tracebacks."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, shared_path
from tests.helpers import assert_offsets

EXAMPLES = ROOT / "examples" / "articles"


def marsad(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad", *args], input=stdin, capture_output=True, timeout=300)


def no_traceback(p: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in p.stderr, p.stderr.decode()


def test_help_explains_commands():
    p = marsad("--help")
    assert p.returncode == 0
    out = p.stdout.decode()
    for cmd in ("code", "bench"):
        assert cmd in out


def test_code_txt_json_offsets(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("قال الوزير إن المحادثات ستستأنف يوم الأحد. وأضاف أن الوفد سيصل غداً.", encoding="utf-8")
    p = marsad("code", str(f), "--date", "2025-04-20", "--format", "json")
    assert p.returncode == 0, p.stderr
    rec = json.loads(p.stdout)
    assert rec["schema"] == "marsad.article/1"
    assert rec["article"] == {**rec["article"], "id": "a", "date": "2025-04-20"}
    assert_offsets(rec)


def test_seed_record_offsets(seed_text):
    p = marsad("code", str(shared_path("seed", "article.txt")), "--date", "2025-04-20", "--format", "json")
    assert p.returncode == 0, p.stderr
    rec = json.loads(p.stdout)
    assert rec["article"]["text"] == seed_text
    assert_offsets(rec)


@pytest.mark.parametrize("content,code", [
    (b"", "E101"), (b"   \n\t \n", "E101"), (b"\x00\x01\x02binary\x00", "E102"), (b"\xff\xfe\xc3\x28", "E102"),
])
def test_bad_txt_is_a_coded_error(tmp_path, content, code):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    p = marsad("code", str(f), "--format", "jsonl")
    no_traceback(p)
    assert p.returncode == 2
    rec = json.loads(p.stdout)
    assert rec["error"]["code"] == code
    assert p.stderr.decode().count("\n") == 1 and code in p.stderr.decode()


def test_no_arabic_is_flagged_not_an_error(tmp_path):
    f = tmp_path / "en.txt"
    f.write_text("The minister said talks would resume on Sunday.", encoding="utf-8")
    p = marsad("code", str(f), "--date", "2025-04-20", "--format", "json")
    assert p.returncode == 0
    rec = json.loads(p.stdout)
    assert "no_arabic" in rec["flags"]
    assert "error" not in rec


def test_huge_article_is_a_size_error(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        line = ("كلمة " * 200 + "\n").encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    p = marsad("code", str(f), "--format", "jsonl")
    no_traceback(p)
    assert p.returncode == 2
    assert json.loads(p.stdout)["error"]["code"] == "E104"


def test_jsonl_batch_carries_on_after_bad_lines(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "ok1", "date": "2025-04-20", "text": "أعلنت الحكومة عن خطة جديدة."}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "notext", "date": "2025-04-20"}),
        json.dumps({"id": "baddate", "date": "2025-02-30", "text": "نص"}, ensure_ascii=False),
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok2", "date": "2025-04-21", "text": "وصل الوفد إلى القاهرة."}, ensure_ascii=False),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    p = marsad("code", str(f), "--format", "jsonl")
    no_traceback(p)
    assert p.returncode == 2
    recs = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert [r["article"]["id"] for r in recs][0] == "ok1" and recs[-1]["article"]["id"] == "ok2"
    codes = [r.get("error", {}).get("code") for r in recs]
    assert codes == [None, "E105", "E106", "E107", "E101", "E105", None]


def test_usage_errors_exit_1():
    p = marsad("code", "/no/such/file.txt")
    no_traceback(p)
    assert p.returncode == 1 and b"E203" in p.stderr
    p = marsad("code", str(EXAMPLES), "--date", "20-04-2025")
    assert p.returncode == 1 and b"E107" in p.stderr
    p = marsad("code", str(EXAMPLES), "--pipeline", "normalizer,nonsense")
    assert p.returncode == 1 and b"E201" in p.stderr
    p = marsad("code", str(EXAMPLES), "--pipeline", "sentencizer")
    assert p.returncode == 1 and b"E202" in p.stderr
    p = marsad("code")
    assert p.returncode == 1
    no_traceback(p)


def test_stdin_text_and_jsonl():
    p = marsad("code", "-", "--date", "2025-04-20", "--id", "s1", "--format", "jsonl",
               stdin="عقد الوزيران اجتماعاً في الرياض.".encode())
    assert p.returncode == 0
    assert json.loads(p.stdout)["article"]["id"] == "s1"
    p = marsad("code", "-", "--format", "jsonl",
               stdin=b'{"id": "j1", "date": "2025-04-20", "text": "\\u0646\\u0635"}\n')
    assert json.loads(p.stdout)["article"]["id"] == "j1"


def test_examples_directory_table_and_jobs():
    p = marsad("code", str(EXAMPLES), "--format", "table")
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    assert out.count("== ") == len(list(EXAMPLES.glob("*.txt"))) >= 8
    one = marsad("code", str(EXAMPLES), "--format", "jsonl")
    two = marsad("code", str(EXAMPLES), "--format", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    for line in one.stdout.decode().splitlines():
        rec = json.loads(line)
        assert rec["article"]["date"]  # every example has a date (in its file name)
        assert_offsets(rec)


def test_bench_reports_figures(tmp_path):
    p = marsad("bench", str(EXAMPLES), "--limit", "8", "--text-only", "--json")
    assert p.returncode == 0, p.stderr
    fig = json.loads(p.stdout)
    assert fig["articles"] == 8 and fig["articles_per_s"] > 0 and "tokenizer" in fig["ms_per_article"]
