"""The real-article gold (eval/real-articles) validates, and `marsad eval articles` scores with the shared scorer."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.entities.gazetteers import IGO_CODES, load_gazetteer
from marsad.events.ontology import load_ontology

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "real-articles" / "dev.json"
ID = re.compile(r"^(JA-[A-Za-z]+-\d+-\d+|\d{4}-\d\d-\d\d-\d+)$")
DATE = re.compile(r"^\d{4}(-\d\d){0,2}$")


def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def test_gold_events_use_plover_types_known_codes_and_dates():
    types, codes = set(load_ontology().types), set(load_gazetteer().countries) | IGO_CODES
    g = gold()
    assert len(g) >= 60
    for aid, events in g.items():
        assert ID.match(aid), aid
        for e in events:
            assert {e["type"], *e.get("accept_types", ())} <= types, (aid, e)
            assert set(e.get("actor", ())) | set(e.get("recipient", ())) <= codes, (aid, e)
            assert e["importance"] in ("core", "minor"), (aid, e)
            assert all(DATE.match(d) for d in [e.get("date"), *e.get("accept_dates", ())] if d), (aid, e)


def run_eval(gold_file: Path) -> dict[str, str]:
    out = subprocess.run([sys.executable, "-m", "marsad.cli.main", "eval", "articles", "--gold", str(gold_file),
                          "--corpora", str(shared_path("data", "corpora")), "--scorer",
                          str(shared_path("eval", "score.py"))], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return dict(line.split(" ", 1) for line in out.stdout.splitlines())


def test_eval_articles_finds_what_the_gold_asks_and_not_what_it_cannot(tmp_path):
    aid, events = next((a, e) for a, e in gold().items() if a.startswith("JA-") and e)
    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps({aid: [{"type": "CONSULT", "importance": "core"}]}), encoding="utf-8")
    wrong = tmp_path / "wrong.json"  # no article's event has a type outside PLOVER
    wrong.write_text(json.dumps({aid: [{"type": "NO_SUCH_TYPE", "importance": "core"}]}), encoding="utf-8")
    assert run_eval(wrong)["event_core_recall"].startswith("0.0 (0/1)")
    assert run_eval(ok)["articles"] == "1"


def test_eval_articles_names_missing_articles(tmp_path):
    g = tmp_path / "g.json"
    g.write_text(json.dumps({"JA-politic-999999-20990101": []}), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "marsad.cli.main", "eval", "articles", "--gold", str(g),
                          "--corpora", str(shared_path("data", "corpora"))], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode == 1 and "JA-politic-999999-20990101" in out.stderr and "Traceback" not in out.stderr
