"""The one definition of "the same event / agreement" (sameness.py), shared by
the extractor within an article and by the store across articles."""
import datetime as dt

import pytest

from diplograph import sameness

D = dt.date


@pytest.mark.parametrize("a, b, same", [
    ("phone", "visit", False), ("visit", "multilateral", False), ("offer", "accept", False),
    ("visit", "press_conference", True), ("sign", "agree", True),
    ("meeting", "phone", True), ("meeting", "visit", True), (None, "phone", True),
])
def test_sameness_modes(a, b, same):
    assert sameness.modes_agree(a, b) is same
    assert sameness.modes_agree(b, a) is same


def test_sameness_days_overlap_and_undated():
    assert sameness.days_overlap((D(2021, 7, 5), D(2021, 7, 7)), (D(2021, 7, 6), D(2021, 7, 6)))
    assert not sameness.days_overlap((D(2021, 7, 5), D(2021, 7, 5)),
                                     (D(2021, 7, 7), D(2021, 7, 7)))
    assert sameness.days_overlap(None, (D(2021, 7, 7), D(2021, 7, 7)))


def test_sameness_counterparts_compared_side_by_side():
    side_of = {"lavrov": "RUS", "marsudi": "IDN", "widodo": "IDN", "unknown": None}
    assert sameness.counterparts_agree({"lavrov", "marsudi"}, {"lavrov", "marsudi"}, side_of)
    assert sameness.counterparts_agree({"lavrov"}, {"marsudi"}, side_of)  # host, then guest
    assert not sameness.counterparts_agree({"lavrov", "marsudi"}, {"lavrov", "widodo"}, side_of)
    assert sameness.counterparts_agree({"lavrov", "unknown"}, {"lavrov"}, side_of)


def test_sameness_amounts():
    assert sameness.amounts_agree({1000}, {1000, 5})
    assert not sameness.amounts_agree({1000}, {2000})
    assert sameness.amounts_agree(set(), {2000})


def test_sameness_titles_fold_generic_words_and_compare_subjects():
    words = sameness.title_words("Mémorandum d'entente sur les échanges d'étudiants", "fr")
    assert words == frozenset({"echange", "etudiant"})
    other = sameness.title_words("accord sur l'échange d'étudiants et d'enseignants", "fr")
    assert sameness.same_agreement_title(words, other, across_articles=False)
    assert not sameness.same_agreement_title(
        words, sameness.title_words("accord de coopération militaire", "fr"), across_articles=True)


def test_sameness_titles_within_an_article_need_every_word_of_the_shorter():
    a = sameness.title_words("accord de coopération militaire, technique et navale", "fr")
    b = sameness.title_words("accord de coopération militaire, technique et spatiale", "fr")
    assert sameness.same_agreement_title(a, b, across_articles=True)
    assert not sameness.same_agreement_title(a, b, across_articles=False)
