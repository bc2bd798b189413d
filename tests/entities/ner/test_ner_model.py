"""The committed NER model: loads fast, finds obvious names, keeps offsets right, scores above its floor."""
from __future__ import annotations

import time

import pytest

from tests.conftest import shared_path
from marsad.entities.ner.conll import read_tagged, score, spans
from marsad.entities.ner.features import Resources, strip_proclitics
from marsad.entities.ner.model import NerModel, load_model, MODEL_DIR, MODEL_FILE
from marsad.entities.ner.train import load_wojood
from marsad.records import Article


@pytest.fixture(scope="module")
def model():
    return load_model()


def test_model_loads_quickly():
    t0 = time.perf_counter()
    NerModel(MODEL_DIR / MODEL_FILE)
    assert time.perf_counter() - t0 < 3.0  # the budget is 2 s; slack for a busy test machine


def _names(model, sentence: str) -> set[tuple[str, str]]:
    toks = sentence.split()
    return {(" ".join(toks[a:b]), t) for a, b, t in spans(model.tag(toks))}


def test_obvious_names(model):
    names = _names(model, "وقال الرئيس الأمريكي جورج بوش في واشنطن إن الولايات المتحدة لن تتراجع .")
    assert ("جورج بوش", "PERS") in names
    assert ("واشنطن", "LOC") in names
    names = _names(model, "والتقى وزير الخارجية المصري أحمد ماهر نظيره الفرنسي في باريس أمس .")
    assert any(t == "PERS" and n.startswith("أحمد ماهر") for n, t in names)
    assert ("باريس", "LOC") in names
    names = _names(model, "وأعلنت الأمم المتحدة أن مجلس الأمن سيجتمع في نيويورك .")
    assert ("نيويورك", "LOC") in names
    assert any(t == "ORG" and "الأمم" in n for n, t in names)


@pytest.mark.xfail(strict=False, reason="known miss of the current model: نظيره (his counterpart) is also the "
                   "female name Nazira once ة is normalized, it is on the Wikidata person-name list, and the first "
                   "pass ends the name on it (the previous model's margin was thin too: 0.56 O)")
def test_name_ends_before_a_counterpart_noun(model):
    names = _names(model, "والتقى وزير الخارجية المصري أحمد ماهر نظيره الفرنسي في باريس أمس .")
    assert ("أحمد ماهر", "PERS") in names


def test_no_names_in_a_plain_sentence(model):
    assert _names(model, "ارتفعت الأسعار كثيرا خلال الأسبوع الماضي بسبب الطلب .") == set()


def test_component_offsets_and_bare_spans():
    from marsad.pipeline import Pipeline
    nlp = Pipeline(["normalizer", "tokenizer", "sentencizer", "ner"])
    text = "وصل الرئيس الفرنسي جاك شيراك إلى القاهرة أمس.\nوقال مسؤول في وبطهران إن المحادثات مستمرة."
    doc = nlp(Article.create(id="t", text=text))
    full, bare = doc.extras["ner_spans"], doc.extras["ner_spans_bare"]
    assert len(full) == len(bare) and full
    got = {(text[s:e], lab) for s, e, lab in full}
    assert ("جاك شيراك", "PERS") in got and ("القاهرة", "LOC") in got
    for (s, e, lab), (bs, be, bl) in zip(full, bare):
        assert s <= bs < be == e and lab == bl and lab in ("PERS", "LOC", "ORG", "MISC")
    tehran = [text[bs:be] for (s, e, _), (bs, be, _) in zip(full, bare) if text[s:e] == "وبطهران"]
    assert tehran in ([], ["طهران"])  # when found, the proclitics و+ب are cut off the bare span


def test_proclitics_are_stripped_only_when_clear():
    res = Resources.load()
    assert strip_proclitics("والحكومه", res)[0] == "و"
    assert strip_proclitics("بطهران", res)[:2] == ("ب", "طهران")
    assert strip_proclitics("للامم", res)[1] == "الامم"
    for name in ("لبنان", "وليد", "بلال"):
        assert strip_proclitics(name, res)[0] == ""


def test_conll_spans_and_score():
    assert spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG"]) == {
        (0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")}
    s = score([["B-PERS", "I-PERS", "O", "B-LOC"]], [["B-PERS", "O", "O", "B-LOC"]])
    assert s["LOC"]["f1"] == 1.0 and s["PERS"]["f1"] == 0.0 and s["ALL"]["precision"] == 0.5


def test_bioes_round_trip():
    from marsad.entities.ner.conll import to_bio, to_bioes
    bio = ["O", "B-PERS", "I-PERS", "I-PERS", "B-LOC", "B-LOC", "O", "I-ORG", "B-MISC", "I-MISC"]
    bioes = to_bioes(bio)
    assert bioes == ["O", "B-PERS", "I-PERS", "E-PERS", "S-LOC", "S-LOC", "O", "S-ORG", "B-MISC", "E-MISC"]
    assert [to_bio(t) for t in bioes] == ["O", "B-PERS", "I-PERS", "I-PERS", "B-LOC", "B-LOC", "O", "B-ORG",
                                          "B-MISC", "I-MISC"]
    assert spans([to_bio(t) for t in bioes]) == spans(bio)


def test_stem_clusters_pool_a_names_written_forms():
    """وبطهران and طهران share their stem-cluster features (the third clustering view keys bare stems)."""
    from marsad.entities.ner.features import Featurizer
    feat = Featurizer(Resources.load())
    assert "طهران" in feat.res.clusters_stem
    stem_feats = [f for f in feat.form("طهران")[0] if f[:1] == "b" and f[1:2].isdigit()]
    assert len(stem_feats) == 4
    assert set(stem_feats) <= set(feat.form("وبطهران")[0])
    assert set(stem_feats) != {f for f in feat.form("الحكومه")[0] if f[:1] == "b" and f[1:2].isdigit()}


def test_wojood_layers_flattened(tmp_path):
    f = tmp_path / "w.txt"
    f.write_text("رئيس B-OCC\nاللجنة I-OCC B-ORG\nفي O\nنابلس B-GPE\nأمس B-DATE\n", encoding="utf-8")
    assert load_wojood(f) == [(["رئيس", "اللجنة", "في", "نابلس", "أمس"], ["O", "B-ORG", "O", "B-LOC", "O"])]


def test_committed_model_on_anercorp_slice(model):
    """A regression floor on sentences the model was trained on: catches a model/feature mismatch."""
    path = shared_path("data", "ner", "anercorp", "train.txt")
    data = read_tagged(path.read_text(encoding="utf-8"))[:400]
    s = score([t for _, t in data], [model.tag(w) for w, _ in data])
    assert s["ALL"]["f1"] > 0.9


def test_surnames_propagate_to_nearby_sentences():
    from marsad.entities.ner.consistency import propagate
    from marsad.entities.ner.features import Featurizer
    feat = Featurizer(Resources.load())
    sents = [["التقى", "جاك", "شيراك", "في", "كوركوفا"], ["وقال", "وشيراك", "إن", "كوركوفا", "قال"], ["وقال", "شيراك"]]
    tags = [["O", "B-PERS", "I-PERS", "O", "B-LOC"], ["O"] * 5, ["O", "O"]]
    out = propagate(sents, tags, feat, window=2)
    assert out[0] == tags[0]
    assert out[1] == ["O", "B-PERS", "O", "B-LOC", "O"]  # وشيراك found through its stem; قال is a common word
    assert out[2] == ["O", "B-PERS"]
    assert propagate(sents, tags, feat, window=1)[2] == ["O", "O"]  # too far from the full name


MY_SENTENCES = [
    "وأكد وزير الخارجية الأردني أيمن الصفدي في عمان أن الحوار مستمر مع الجانب السوري .".split(),
    "وقالت وكالة الأنباء الفرنسية إن شركة توتال ستفتح مكتبا في بغداد العام المقبل .".split(),
    "ذهب".split(),
    "استقبل الرئيس التونسي قيس سعيد وفدا من البنك الدولي برئاسة فريد بلحاج يوم الأحد".split(),
]


def test_fast_tagger_is_crfsuites_viterbi(model):
    """The array tagger sums the same weights as CRFsuite: same tags in both passes, batched or alone (the
    models' BIOES labels read as BIO)."""
    import pycrfsuite
    from marsad.entities.ner.conll import to_bio
    from marsad.entities.ner.features import Featurizer
    from marsad.entities.ner.model import pass2_path
    from marsad.entities.ner.stacking import doc_features
    feat = Featurizer(model.featurizer.res)
    ref = pycrfsuite.Tagger()
    ref.open(str(MODEL_DIR / MODEL_FILE))
    first = [[to_bio(t) for t in ref.tag(feat.sentence(s))] for s in MY_SENTENCES]
    assert model.first.tag(MY_SENTENCES) == first
    assert [model.first.tag([s])[0] for s in MY_SENTENCES] == first
    assert model.second is not None
    ref2 = pycrfsuite.Tagger()
    ref2.open(str(pass2_path(MODEL_DIR / MODEL_FILE)))
    extra = doc_features(MY_SENTENCES, first, feat.stem_key)
    second = [[to_bio(t) for t in ref2.tag([x + e for x, e in zip(feat.sentence(s), ex)])]
              for s, ex in zip(MY_SENTENCES, extra)]
    assert model.tag_sentences(MY_SENTENCES) == second
    assert any(t != "O" for tags in second for t in tags)


def test_document_features_see_the_other_mentions():
    from marsad.entities.ner.stacking import doc_features
    sents = [["قال", "كوركوفا", "أمس"], ["وكوركوفا", "هنا"], ["زار", "كوركوفا"]]
    tags = [["O", "B-PERS", "O"], ["O", "O"], ["O", "B-LOC"]]
    feats = doc_features(sents, tags, lambda w: w[1:] if w.startswith("و") and len(w) > 4 else w)
    assert feats[0][0] == ["p1=O", "p1+1=B-PERS"]
    # the untagged وكوركوفا: two other mentions, one PERS and one LOC (the first, on a tie)
    assert feats[1][0][:3] == ["p1=O", "p1+1=O", "dm=PERS"] and "dn=LOC" in feats[1][0]
    assert "dfrac=PERS2" in feats[1][0]  # 1 of its 2 other mentions
    assert feats[0][2] == ["p1=O", "p1-1=B-PERS"]  # أمس: no other mention
    assert feats[2][0] == ["p1=O", "p1+1=B-LOC"]
    sents[2][0] = "قال"  # another mention of an untagged word
    assert doc_features(sents, tags, lambda w: w)[2][0] == ["p1=O", "p1+1=B-LOC", "dO"]
    far = doc_features(sents, tags, lambda w: w, window=0)
    assert not any(f.startswith(("dm=", "dn=")) for f in far[1][0])


def test_form_cache_stays_bounded(model):
    expected = model.first.tag(MY_SENTENCES)
    m = NerModel(MODEL_DIR / MODEL_FILE)
    m.first.scores.MAX_FORMS = 20  # fewer than the forms of all these sentences: the cache restarts when full
    for s, tags in zip(MY_SENTENCES, expected):
        assert m.first.tag([s])[0] == tags
        assert len(m.first.scores.index) <= 20
    assert m.first.tag(MY_SENTENCES) == expected  # one call with more forms than the bound still works


def test_gazetteer_lists_and_cues():
    lists = Resources.load().lists
    assert "nat" in lists["الايرانيه"]  # nationality adjective (from the entities gazetteer)
    assert "org_cue" in lists["وزاره"]
    assert "gplace" in lists["طهران"]


def test_shipped_clusters_exclude_saudinewsnet():
    """SaudiNewsNet is research-only (CC BY-NC-SA): no shipped NER data file may be learned from it."""
    import gzip
    from marsad.entities.ner.features import DATA
    for name in ("clusters.tsv.gz", "clusters-50k.tsv.gz", "clusters-stems.tsv.gz", "namelists.tsv.gz"):
        with gzip.open(str(DATA / name), "rt", encoding="utf-8") as f:
            header = [next(f), next(f)]
        source_line = header[1].split("(")[0].lower()
        assert "saudinewsnet" not in source_line, name
        assert "saudinewsnet" in header[1].lower() or name == "namelists.tsv.gz"  # says it is excluded
