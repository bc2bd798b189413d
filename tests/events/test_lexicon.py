"""The matcher: one entry covers inflections and clitic-attached forms; multiword patterns need their words."""
from __future__ import annotations

import pytest

from marsad.events.lexicon import load_lexicon, match_follow, noun_forms, strip_keys, verb_forms
from marsad.text.normalize import normalize


def types_of(word: str) -> set[tuple[str, str]]:
    return {(h.trigger.type, h.form) for h in load_lexicon().heads(normalize(word))}


@pytest.mark.parametrize("word", ["انسحب", "انسحبت", "انسحبوا", "ينسحب", "تنسحبان", "وانسحبت", "فينسحبون"])
def test_verb_inflections_and_clitics(word):
    assert ("RETREAT", "past") in types_of(word) or ("RETREAT", "present") in types_of(word)


@pytest.mark.parametrize("word", ["الانسحاب", "والانسحاب", "بالانسحاب", "انسحابها", "للانسحاب"])
def test_verbal_noun_with_article_prepositions_and_pronouns(word):
    assert ("RETREAT", "noun") in types_of(word)


def test_future_prefix_is_read_on_verbs_only():
    heads = load_lexicon().heads(normalize("وسيزور"))
    assert any(h.trigger.type == "CONSULT" and h.future for h in heads)
    assert not any(h.form == "noun" for h in load_lexicon().heads(normalize("سمفاوضات")))


def test_past_verbs_take_no_article_and_no_preposition():
    assert ("CONSULT", "past") not in types_of("الاجتمع")
    assert not any(form == "past" for _, form in types_of("لرفع"))


def test_indefinite_only_nouns():
    assert ("AGREE", "noun") in types_of("اتفاق")
    assert ("AGREE", "noun") not in types_of("الاتفاق")


def test_forms():
    assert {"زيارات", "زيارت"} <= noun_forms("زياره")
    assert {"يلتقون", "التقت", "يلتق"} <= verb_forms("التقي") | verb_forms("/يلتقي")
    assert ("مفاوضات", True, "ب", False) in strip_keys("بالمفاوضات")


def test_multiword_pattern_needs_its_words():
    lex = load_lexicon()
    words = [normalize(w) for w in "شنت الطائرات غارات على القرية".split()]
    head = next(h for h in lex.heads(words[0]) if h.trigger.follow and "غارات" in h.trigger.follow[0][0])
    assert match_follow(head.trigger, words, 0, len(words)) == [2]
    assert match_follow(head.trigger, words[:2], 0, 2) is None


def test_a_verb_never_takes_the_possessive_ya():
    lex = load_lexicon()
    # توافقي "consensual" (حل توافقي) is no verb توافق with a pronoun; the noun زيارتي "my visit" keeps ي
    assert not [h for h in lex.heads("توافقي") if h.form != "noun"]
    assert [h for h in lex.heads("زيارتي") if h.trigger.type == "CONSULT"]
