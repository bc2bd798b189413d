"""The exported event sentence classifiers: loading, obvious sentences, calibration, speed, no scikit-learn."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.errors import ResourceError, UsageError
from marsad.events import classifier
from marsad.events.classifier.features import features, word_features, words
from tests.conftest import shared_path

PROTEST = "خرج آلاف المتظاهرين إلى شوارع العاصمة احتجاجا على رفع أسعار الوقود ورددوا هتافات تطالب برحيل الحكومة."
SPORTS = "فاز فريق الهلال على النصر بثلاثة أهداف مقابل هدف في المباراة التي أقيمت مساء أمس على ملعب الملك فهد."
AIRSTRIKE = "شنت الطائرات الحربية غارات جوية على مواقع المسلحين مما أسفر عن مقتل عشرين شخصا وإصابة العشرات."
SHOOTING = "أطلق مسلحون مجهولون النار على دورية للشرطة فقتلوا ثلاثة من أفرادها وأصابوا اثنين آخرين."
AID = "قدمت المنظمة مساعدات غذائية وطبية لآلاف اللاجئين وأرسلت فريقا لتدريب الأطباء في المخيمات."
WELCOME = "أعرب وزير الخارجية عن ترحيبه بالمبادرة وأكد دعم بلاده الكامل لجهود السلام."
CONDEMN = "ندد الرئيس بشدة بالتصريحات واتهم الحكومة المجاورة بالتدخل في الشؤون الداخلية لبلاده."


@pytest.fixture(scope="module")
def clf() -> classifier.SentenceClassifier:
    return classifier.load()


def test_artifacts_load_and_are_small(clf):
    model = Path(str(classifier.MODEL_DIR))
    size = sum(p.stat().st_size for p in model.iterdir())
    assert size < 20_000_000
    assert clf.meta["columns"] == ["quad:0", "quad:1", "quad:2", "quad:3", "quad:4", "relevant", "PROTEST", "ASSAULT"]
    assert (model / "MODEL_CARD.md").read_text(encoding="utf-8").count("macro-F1") >= 1
    assert classifier.load() is clf  # cached


def test_missing_model_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError):
        classifier.read(tmp_path)


def test_protest_sentence_scores_high_and_sports_low(clf):
    assert clf.event_prob(PROTEST, "PROTEST") >= clf.threshold("PROTEST")
    assert clf.event_prob(SPORTS, "PROTEST") < clf.threshold("PROTEST", "recall")
    assert clf.event_prob(PROTEST, "PROTEST") > 5 * clf.event_prob(SPORTS, "PROTEST")


def test_assault_sentences(clf):
    assert clf.event_prob(SHOOTING, "ASSAULT") >= clf.threshold("ASSAULT")
    assert clf.event_prob(AIRSTRIKE, "ASSAULT") >= clf.threshold("ASSAULT")
    assert clf.event_prob(AID, "ASSAULT") < clf.threshold("ASSAULT", "recall")
    assert clf.threshold("ASSAULT", "recall") < clf.threshold("ASSAULT", "balanced")


@pytest.mark.parametrize("text, quad", [(AIRSTRIKE, 4), (SHOOTING, 4), (AID, 2), (WELCOME, 1), (CONDEMN, 3)])
def test_quad_uses_cameo_numbering(clf, text, quad):
    p = clf.quad(text)
    assert max(p, key=p.get) == quad


def test_probabilities_are_distributions(clf):
    for text in (PROTEST, SPORTS, AIRSTRIKE, "", "123 ... !"):
        s = clf.predict(text)
        assert set(s.quad) == {0, 1, 2, 3, 4}
        assert sum(s.quad.values()) == pytest.approx(1.0, abs=1e-5)
        assert all(0.0 <= v <= 1.0 for v in (*s.quad.values(), s.relevance, *s.events.values()))


def test_batch_equals_single_calls(clf):
    texts = [PROTEST, "", SPORTS, AIRSTRIKE, WELCOME]
    for single, batch in zip(map(clf.predict, texts), clf.predict_batch(texts)):
        assert batch.quad == pytest.approx(single.quad, abs=1e-5)
        assert batch.events == pytest.approx(single.events, abs=1e-5)
        assert batch.relevance == pytest.approx(single.relevance, abs=1e-5)
    assert clf.predict_batch([]) == []


def test_unknown_event_type_is_a_usage_error(clf):
    with pytest.raises(UsageError):
        clf.event_prob(PROTEST, "COERCE")
    with pytest.raises(UsageError):
        clf.threshold("PROTEST", "lenient")


def test_features_share_stems_across_clitics():
    assert words("وبالمفاوضات الـ3، مع إيران") == ["وبالمفاوضات", "ال", "0", "|", "مع", "ايران"]
    stem = {f for f in word_features("مفاوضات") if f.startswith("c:") and " " not in f}
    assert stem <= set(word_features("وبالمفاوضات"))
    f = features("تظاهر الطلاب. تظاهر")
    assert f.count("w:تظاهر") == 2 and "b:تظاهر الطلاب" in f and "b:الطلاب تظاهر" not in f


def test_speed_per_sentence(clf):
    texts = [f"{PROTEST} {i}" for i in range(2000)]
    t = time.perf_counter()
    for x in texts:
        clf.predict(x)
    assert (time.perf_counter() - t) / len(texts) < 0.001  # target 0.1 ms; generous on a shared machine


def test_inference_never_imports_sklearn():
    code = ("import sys, time; t = time.perf_counter(); from marsad.events import classifier; "
            "c = classifier.load(); c.quad('تظاهر الآلاف'); c.predict_batch(['هجوم']); "
            "print(int('sklearn' in sys.modules), time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "0"
    assert float(out[1]) < 3.0  # about 0.3 s; loose for a busy machine


def test_score_floor_on_training_slices(clf):
    quad_tsv = shared_path("data", "events", "un-quadclass", "quad_multiclass.train.tsv")
    csv.field_size_limit(1 << 26)
    with quad_tsv.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:401]
    un_to_cameo = {int(k): v for k, v in clf.meta["un_to_cameo"].items()}
    preds = clf.predict_batch([t for t, _ in rows])
    hits = sum(p.quad_class == un_to_cameo[int(y)] for p, (_, y) in zip(preds, rows))
    assert hits / len(rows) >= 0.7  # seen in training: far above the 0.58 cross-validated accuracy floor

    events = shared_path("data", "events")
    dev = [json.loads(line) for line in (events / "gsr-spans" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    for etype in ("PROTEST", "ASSAULT"):
        with (events / "sentence-judgements" / f"{etype.lower()}_gsr.csv").open(encoding="utf-8", newline="") as f:
            easy = [r["text"] for r in csv.DictReader(f) if r["label"] == "easy no"][:300]
        gold = [d["text"] for d in dev if d["category"] == etype]  # held out of training (model card)
        recall = sum(clf.event_prob(x, etype) >= clf.threshold(etype, "recall") for x in gold) / len(gold)
        assert recall >= 0.9
        false_events = sum(clf.event_prob(x, etype) >= clf.threshold(etype) for x in easy) / len(easy)
        assert false_events <= 0.1  # training rows: in-sample, far below the 10% out-of-fold rate
