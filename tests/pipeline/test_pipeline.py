import pytest

from marsad.doc import Doc
from marsad.errors import MissingRequirement, UnknownComponent
from marsad.pipeline import TEXT_PIPELINE, BadItem, Component, Pipeline, register
from marsad.records import Article
from marsad.errors import EmptyText


@register
class _Counter(Component):
    name = "_test_counter"
    requires = ("tokens",)
    provides = ("count",)

    def __call__(self, doc: Doc) -> Doc:
        return doc.with_extra("count", len(doc.tokens))


def test_build_validates_requirements():
    with pytest.raises(MissingRequirement) as e:
        Pipeline(("normalizer", "_test_counter"))
    assert "tokenizer" in str(e.value)  # says who provides what is missing
    with pytest.raises(UnknownComponent):
        Pipeline(("nope",))


def test_components_run_in_order_and_explain():
    nlp = Pipeline(TEXT_PIPELINE + ("_test_counter",))
    doc = nlp(Article.create(id="a", text="قال الوزير إن الحكومة ستعقد اجتماعاً.", date="2025-01-01"))
    assert doc.extras["count"] == len(doc.tokens) > 5
    assert {"norm", "tokens", "sentences", "count"} <= doc.layers
    assert "_test_counter: requires tokens; provides count" in nlp.explain()


def test_pipe_keeps_order_and_errors_in_place():
    nlp = Pipeline(TEXT_PIPELINE)
    items = [Article.create(id=str(i), text=f"خبر رقم {i}.") for i in range(20)]
    items.insert(3, BadItem("bad", EmptyText("empty")))
    recs = list(nlp.pipe(items, jobs=2, chunksize=3))
    assert [r.article.id for r in recs] == [x.id for x in items]
    assert recs[3].error["code"] == "E101"
    assert [r.to_dict() for r in recs] == [r.to_dict() for r in nlp.pipe(items)]


def test_internal_error_becomes_record():
    @register
    class _Boom(Component):
        name = "_test_boom"

        def __call__(self, doc):
            raise ZeroDivisionError("boom")

    rec = Pipeline(("_test_boom",)).code(Article.create(id="x", text="نص"))
    assert rec.error["code"] == "E900" and "boom" in rec.error["message"]


def test_presets_are_valid_chains():
    from marsad.pipeline import PRESETS
    from marsad.cli.common import pipeline_names

    class A:
        pipeline = "full"

    assert pipeline_names(A()) == PRESETS["full"] and "ner" in PRESETS["full"]
    for names in PRESETS.values():
        Pipeline(names, initialize=False)  # validates requirements without loading models


def test_pipe_raises_the_gc_threshold_while_coding_and_restores_it():
    import gc

    from marsad.pipeline import BATCH_GC_THRESHOLD
    nlp = Pipeline(TEXT_PIPELINE)
    items = [Article.create(id=str(i), text=f"خبر رقم {i}.") for i in range(3)]
    before = gc.get_threshold()
    outer = nlp.pipe(items)
    next(outer)
    during = gc.get_threshold()
    inner = list(nlp.pipe(items))  # a batch inside a batch keeps the raised threshold
    assert len(inner) == 3 and gc.get_threshold() == during
    rest = list(outer)
    assert len(rest) == 2
    assert during[0] == max(BATCH_GC_THRESHOLD, before[0]) and during[1:] == before[1:]
    assert gc.get_threshold() == before
