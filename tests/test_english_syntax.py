"""The English parse rewritten as Universal Dependencies (lang/en/syntax.py)."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    from diplograph.nlp import load_pipeline

    return load_pipeline("en")


def relations(doc) -> dict[str, tuple[str, str]]:
    return {t.text: (t.dep_, t.head.text) for t in doc}


def test_prepositions_become_case_markers_of_obliques_and_nominal_modifiers(nlp):
    rel = relations(nlp("The envoy arrived in Nairobi for the visit of the king."))
    assert rel["Nairobi"] == ("obl", "arrived")
    assert rel["in"] == ("case", "Nairobi")
    assert rel["king"] == ("nmod", "visit")
    assert rel["of"] == ("case", "king")


def test_clearnlp_labels_are_renamed(nlp):
    rel = relations(nlp("The treaty was signed by Chile and the loan was not approved."))
    assert rel["treaty"] == ("nsubj:pass", "signed")
    assert rel["was"][0] == "aux:pass"
    assert rel["Chile"] == ("obl:agent", "signed")
    assert rel["not"][0] == "advmod"


def test_copula_hangs_under_its_predicate(nlp):
    rel = relations(nlp("The talks were useful."))
    assert rel["were"] == ("cop", "useful")
    assert rel["talks"] == ("nsubj", "useful")


def test_possessive_pronoun_is_a_determiner_and_entities_use_four_labels(nlp):
    doc = nlp("Angela Merkel welcomed her counterpart from Brazil.")
    assert relations(doc)["her"] == ("det", "counterpart")
    assert {e.label_ for e in doc.ents} <= {"PER", "LOC", "ORG", "MISC"}
    assert any(e.label_ == "PER" for e in doc.ents)


def test_sentence_boundaries_are_kept(nlp):
    doc = nlp("The ministers met in Lima. They signed two agreements on fishing.")
    assert [s.text for s in doc.sents] == ["The ministers met in Lima.",
                                         "They signed two agreements on fishing."]
