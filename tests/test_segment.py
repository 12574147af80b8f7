"""Sentence splitting with offsets, and page furniture marked as skip (no spaCy)."""
from __future__ import annotations

import itertools
import re

import pytest

from diplograph.ingest.metadata import split_headline
from diplograph.lang import load_language
from diplograph.segment import MAX_SENTENCE, _cut_line, split_sentences

SKIP = [re.compile(p) for p in load_language("fr").discourse["skip_line_patterns"]]

ARTICLE = (
    "Visite du ministre sénégalais à Banjul\n"
    ">> Le Sénégal et la Gambie inaugurent un pont\n"
    ">>Dakar accueille un forum sur la pêche\n"
    "\n"
    "M. Ousmane Faye a rencontré J. K. Camara à Banjul. Les deux hommes ont parlé du commerce ! "
    "Ils se reverront en 2024… « C'est un succès », a dit Mme Diallo. 12 accords ont été signés.\n"
    "Photo : AFP/Jean Martin\n"
    "Photos: Archives\n"
    "Par Aminata Sow\n"
    "VNA/CVN\n"
    "Le Dr. Ba et le Pr. Ndiaye, de l'Université, étaient présents. Fin.\n"
)


def sentences(text: str = ARTICLE, body_start: int | None = None):
    if body_start is None:
        body_start = split_headline(text)[1]
    return split_sentences(text, body_start, SKIP)


def by_text(text: str = ARTICLE) -> dict[str, bool]:
    return {s.text: s.skip for s in sentences(text)}


def test_segment_offsets_quote_the_text_exactly():
    found = sentences()
    assert found
    for s in found:
        assert ARTICLE[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
    starts = [s.start for s in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_segment_splits_at_sentence_punctuation():
    texts = [s.text for s in sentences() if not s.skip]
    assert texts == [
        "M. Ousmane Faye a rencontré J. K. Camara à Banjul.",
        "Les deux hommes ont parlé du commerce !",
        "Ils se reverront en 2024…",
        "« C'est un succès », a dit Mme Diallo.",
        "12 accords ont été signés.",
        "Le Dr. Ba et le Pr. Ndiaye, de l'Université, étaient présents.",
        "Fin.",
    ]


@pytest.mark.parametrize("sentence", [
    "M. Faye a reçu Mme Sow à Dakar.",
    "MM. Faye et Sow ont reçu J. Camara à Dakar.",
    "Le texte a été signé par A. B. Diallo et M. K. Traoré hier.",
    "Mgr. Sarr a béni la cérémonie devant Dr. Ba.",
])
def test_segment_does_not_split_after_titles_or_initials(sentence):
    found = sentences("Corps.\n" + sentence + "\n", body_start=0)
    assert [s.text for s in found] == ["Corps.", sentence]


def test_segment_every_line_ends_a_sentence():
    text = "Le ministre est arrivé à Dakar\nIl a rencontré son homologue\n"
    assert [s.text for s in sentences(text, body_start=0)] == [
        "Le ministre est arrivé à Dakar", "Il a rencontré son homologue"]


def test_segment_marks_headline_as_skip():
    found = sentences()
    assert found[0].text == "Visite du ministre sénégalais à Banjul" and found[0].skip
    assert not by_text()["M. Ousmane Faye a rencontré J. K. Camara à Banjul."]


def test_segment_headline_is_read_when_there_is_no_body_start():
    found = sentences(body_start=0)
    assert found[0].text == "Visite du ministre sénégalais à Banjul" and not found[0].skip


@pytest.mark.parametrize("line", [
    ">> Le Sénégal et la Gambie inaugurent un pont",
    ">>Dakar accueille un forum sur la pêche",
    "Photo : AFP/Jean Martin",
    "Photos: Archives",
    "Par Aminata Sow",
    "VNA/CVN",
])
def test_segment_marks_links_credits_and_bylines_as_skip(line):
    assert by_text()[line] is True


def test_segment_a_photo_caption_stating_what_happened_is_read():
    text = ("Titre\nLe ministre Faye (à gauche) reçoit son homologue gambien, le 28 septembre à "
            "Dakar. Photo : AFP\n")
    flags = by_text(text)
    assert flags["Le ministre Faye (à gauche) reçoit son homologue gambien, le 28 septembre à "
                 "Dakar."] is False


def test_segment_all_sentences_of_a_skipped_line_are_skipped():
    text = "Corps.\n>> Le Sénégal signe. La Gambie aussi.\n"
    assert [(s.text, s.skip) for s in sentences(text, body_start=0)] == [
        ("Corps.", False), (">> Le Sénégal signe.", True), ("La Gambie aussi.", True)]


def test_segment_keeps_offsets_with_crlf_and_typographic_characters():
    text = "Titre\r\nLe ministre a dit : « C’est l’heure ». Puis il est parti.\r\n\r\nFin.\r\n"
    found = sentences(text)
    assert [s.text for s in found] == [
        "Titre", "Le ministre a dit : « C’est l’heure ».", "Puis il est parti.", "Fin."]
    for s in found:
        assert text[s.start:s.end] == s.text


def test_segment_splits_wire_copy_that_lost_its_space():
    line = "Ils ont signé un accord.Leur homologue, M.Xi, a salué la coopération.Fin."
    assert [line[a:b] for a, b in _cut_line(line)] == [
        "Ils ont signé un accord.", "Leur homologue, M.Xi, a salué la coopération.", "Fin."]


def test_a_period_without_its_space_still_ends_a_sentence():
    text = "Ils ont parlé entre les deux pays.Le ministre est parti. M. Xi arrive."
    pieces = [s.text for s in split_sentences(text, 0, [])]
    assert pieces == ["Ils ont parlé entre les deux pays.", "Le ministre est parti.",
                      "M. Xi arrive."]


def test_segment_a_run_with_no_full_stop_is_cut_into_bounded_pieces_at_clauses():
    run = "le Mali et le Niger ont parlé de pêche, " * 500
    sentences = split_sentences(run, 0, [])
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert all(s.text.endswith(",") for s in sentences[:-1])  # cut after a clause mark
    assert "".join(run[s.start:s.end] for s in sentences).replace(" ", "") == \
        run.replace(" ", "")


def test_segment_a_run_with_no_space_is_cut_hard():
    sentences = split_sentences("x" * 2500, 0, [])
    assert [len(s.text) for s in sentences] == [MAX_SENTENCE, MAX_SENTENCE, 500]
