"""Self-training helpers: unlabeled articles read and tokenized, only confident sentences with names kept."""
from __future__ import annotations

from marsad.entities.ner.model import load_model
from marsad.entities.ner.selftrain import load_unlabeled, pseudo_label

ANT_STYLE = """<DOC>
<DOCNO>JA-test-1</DOCNO>
<TITLE>عنوان لا يقرأ</TITLE>
<TEXT>
التقى الرئيس الفرنسي إيمانويل ماكرون في باريس اليوم رئيس الوزراء البريطاني.
ارتفعت الأسعار كثيرا خلال الأسبوع الماضي بسبب الطلب.
</TEXT>
</DOC>
"""


def test_unlabeled_text_element_and_plain_files(tmp_path):
    (tmp_path / "a.txt").write_text(ANT_STYLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("وصل الوفد إلى القاهرة.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("<TEXT> </TEXT>", encoding="utf-8")
    docs = load_unlabeled([tmp_path])
    assert len(docs) == 2
    first = docs[0]
    assert len(first) == 2 and first[0][:3] == ["التقى", "الرئيس", "الفرنسي"]
    assert "عنوان" not in [t for s in first for t in s]  # only the body
    assert docs[1] == [["وصل", "الوفد", "إلى", "القاهرة", "."]]


def test_pseudo_labels_keep_confident_sentences_with_names(tmp_path):
    (tmp_path / "a.txt").write_text(ANT_STYLE, encoding="utf-8")
    docs = load_unlabeled([tmp_path])
    model = load_model()
    kept = pseudo_label(model, docs, 0.0)
    # the sentence without a name is never kept, whatever the threshold
    assert [toks[0] for toks, _ in kept] == ["التقى"]
    toks, tags = kept[0]
    assert tags[toks.index("باريس")] == "B-LOC"
    assert pseudo_label(model, docs, 1.01) == []
