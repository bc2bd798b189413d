"""``marsad ingest`` / ``marsad export`` / ``marsad demo --no-serve`` through the command line."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.export import FLAT_COLUMNS, GDELT_COLUMNS
from marsad.store import open_store
from marsad.store.synthetic import corpus

ROOT = Path(__file__).resolve().parents[2]


def _write_articles(d: Path) -> Path:
    d.mkdir()
    (d / "one.txt").write_text("استقبل الرئيس التونسي وزير الخارجية الجزائري في قصر قرطاج يوم الاثنين.",
                               encoding="utf-8")
    lines = [{"id": "j1", "date": "2025-05-02", "text": "أعلنت الحكومة الأردنية عن خطة جديدة للنقل العام."},
             {"id": "j2", "date": "2025-05-03", "text": "تظاهر مئات الطلاب أمام مبنى البرلمان في بغداد."}]
    (d / "more.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                  encoding="utf-8")
    return d


def test_ingest_twice_gives_identical_counts(tmp_path, capsys):
    inputs = [str(_write_articles(tmp_path / "in"))]
    examples = ROOT / "examples" / "articles"
    if examples.exists():
        inputs.append(str(examples))
    db = str(tmp_path / "m.db")
    assert main(["ingest", *inputs, "--db", db, "--date", "2025-05-01"]) == 0
    with open_store(db) as s:
        first = s.counts()
    assert main(["ingest", *inputs, "--db", db, "--date", "2025-05-01"]) == 0
    err = capsys.readouterr().err
    assert "0 new" in err.splitlines()[-1] and "0 replaced" in err.splitlines()[-1]
    with open_store(db) as s:
        assert s.counts() == first
        assert s.article("j1")["article"]["date"] == "2025-05-02"
    assert first["articles"] >= 3


def test_ingest_reports_bad_input(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "bad.jsonl").write_text('{"id": "x", "text": ""}\n{"id": "y", "text": "نص صالح للتخزين."}\n',
                                 encoding="utf-8")
    assert main(["ingest", str(d), "--db", str(tmp_path / "m.db")]) == 2
    assert "1 new" in capsys.readouterr().err


@pytest.fixture
def filled(tmp_path):
    db = str(tmp_path / "e.db")
    recs = corpus(25, seed=9)
    with open_store(db) as s:
        s.ingest(recs)
    return db, recs


def test_exports(filled, tmp_path, capsys):
    db, recs = filled
    n = sum(len(r.events) for r in recs)
    assert main(["export", "--db", db, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == n and json.loads(lines[0])["article"]["id"]

    out = tmp_path / "e.csv"
    assert main(["export", "--db", db, "-f", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == n and tuple(rows[0]) == FLAT_COLUMNS
    assert {r["actor_code"] for r in rows} >= {"RUSGOV", "ISRMIL"}

    assert main(["export", "--db", db, "-f", "gdelt"]) == 0
    g = list(csv.DictReader(io.StringIO(capsys.readouterr().out), delimiter="\t"))
    assert tuple(g[0]) == GDELT_COLUMNS and len(g) == n
    row = next(r for r in g if r["EventCode"] == "190")
    assert row["EventRootCode"] == "19" and row["QuadClass"] == "4" and float(row["GoldsteinScale"]) == -10.0
    assert len(row["SQLDATE"]) == 8 and row["ActionGeo_Lat"] and row["SOURCEURL"].startswith("https://")

    assert main(["export", "--db", db, "-f", "plover", "--from", "2025-02-01", "--to", "2025-02-28"]) == 0
    pl = json.loads(capsys.readouterr().out)
    assert len(pl) == sum(1 for r in recs for e in r.events if "2025-02-01" <= e.date <= "2025-02-28") > 0
    assert {"id", "date", "event", "mode", "context", "actor", "recipient", "source"} <= set(pl[0])

    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "e.parquet"
    assert main(["export", "--db", db, "-f", "parquet", "-o", str(out)]) == 0
    t = pq.read_table(out)
    assert t.num_rows == n and t.column_names == list(FLAT_COLUMNS)
    assert main(["export", "--db", db, "-f", "parquet"]) == 1  # needs --out


def test_demo_no_serve(tmp_path, capsys):
    if not (ROOT / "examples" / "articles").exists():
        pytest.skip("no examples/articles")
    db = str(tmp_path / "d.db")
    assert main(["demo", "--no-serve", "--db", db]) == 0
    with open_store(db) as s:
        assert s.counts()["articles"] >= len(list((ROOT / "examples" / "articles").glob("*.txt")))
