"""Unit tests per stage, on short French snippets written for these tests."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from diplograph.extract import extract_document
from diplograph.ingest import iter_inputs
from diplograph.ingest.metadata import date_from_url, split_headline
from diplograph.segment import split_sentences
from diplograph.types import Document, Rejection


def doc(text: str, published: str | None = None) -> Document:
    return Document(doc_id="t", text=text, source="test", language="fr", published=published,
                    published_basis="metadata" if published else "unknown")


# ------------------------------------------------------------------ ingest

def test_ingest_headline_is_title_and_sentence_is_not():
    assert split_headline("Titre court\nCorps du texte.")[0] == "Titre court"
    assert split_headline("Ceci est une phrase.\nSuite.") == (None, 0)


@pytest.mark.parametrize("url, expected", [
    ("http://fr.allafrica.com/stories/201702270450.html", "2017-02-27"),
    ("https://example.org/2019/12/09/visite", "2019-12-09"),
    ("https://example.org/article/102060.vnp", None),
])
def test_ingest_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_ingest_rejects_bad_files_and_keeps_good_ones(tmp_path):
    (tmp_path / "ok.txt").write_text("Titre\nLe Japon a salué la Corée.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "big.txt").write_text("x" * 200)
    (tmp_path / ".hidden.txt").write_text("ignored")
    (tmp_path / "notes.csv").write_text("ignored")
    results = list(iter_inputs([tmp_path, tmp_path / "missing.txt"], max_bytes=100))
    docs = [r for r in results if isinstance(r, Document)]
    reasons = {Path(r.source).name: r.reason for r in results if isinstance(r, Rejection)}
    assert [d.doc_id for d in docs] == ["ok"]
    assert "empty" in reasons["empty.txt"] and "too large" in reasons["big.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_ingest_jsonl_fields_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Texte.", "url": "https://x.org/2020/01/02/y"}\n'
                    '[1, 2]\n{"id": "b"}\n', encoding="utf-8")
    results = list(iter_inputs([path], 10_000))
    assert results[0].doc_id == "a" and results[0].published == "2020-01-02"
    assert all(isinstance(r, Rejection) for r in results[1:]) and len(results) == 3


def test_ingest_html_main_text_and_metadata(tmp_path):
    page = tmp_path / "page.html"
    body = " ".join(["Le ministre japonais des Affaires étrangères a rencontré son homologue "
                     "sénégalais à Dakar pour discuter de la coopération sanitaire."] * 3)
    page.write_text(f"<html><head><title>Visite</title><meta property='article:published_time'"
                    f" content='2022-03-04'></head><body><nav>Menu</nav><article><p>{body}</p>"
                    f"</article></body></html>", encoding="utf-8")
    [result] = list(iter_inputs([page], 100_000))
    assert isinstance(result, Document) and "homologue" in result.text
    assert result.published == "2022-03-04"


# ----------------------------------------------------------------- segment

def test_segment_offsets_furniture_and_abbreviations():
    text = (">>Lien vers un autre article\nTitre\nM. Dupont a reçu Mme Durand. Elle est "
            "repartie.\nPhoto : AFP\n")
    sentences = split_sentences(text, 0, [re.compile(r"^\s*>>"), re.compile(r"^\s*Photo\s*:")])
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [s.text for s in sentences if not s.skip] == [
        "Titre", "M. Dupont a reçu Mme Durand.", "Elle est repartie."]


# ---------------------------------------------------------- whole stages

@pytest.fixture(scope="module")
def visit():
    text = ("Le Japon et le Kenya renforcent leurs liens\n"
            "NAIROBI - La ministre kényane des Affaires étrangères Wanjiku Otieno a reçu mercredi "
            "3 mai son homologue japonais Takeshi Mori, en visite officielle au Kenya. "
            "Les échanges commerciaux ont atteint 1,2 milliard de dollars en 2022, en hausse de "
            "8,5%, et les deux pays visent 2 milliards de dollars d'ici 2030. "
            "Les deux ministres ont signé un mémorandum d'entente sur la coopération agricole. "
            "Un accord sur les services aériens devrait être signé prochainement. "
            "Otieno a demandé au Japon de soutenir la construction du port de Lamu. "
            "Mori a invité son homologue à se rendre à Tokyo l'année prochaine. "
            "Le Japon a par ailleurs fait don de 200 000 doses de vaccin au Kenya.\n")
    return extract_document(doc(text)).to_dict()


def test_stages_published_inferred_from_weekday_and_years(visit):
    assert visit["published"] == "2023-05-03" and visit["published_basis"] == "inferred"


def test_stages_states_people_roles(visit):
    actors = {a["id"]: a for a in visit["actors"]}
    assert {"JPN", "KEN"} <= set(actors)
    otieno = actors["person:wanjiku-otieno"]
    assert (otieno["country"], otieno["role"]) == ("KEN", "foreign_minister")
    assert actors["person:takeshi-mori"]["country"] == "JPN"
    assert len(otieno["mentions"]) >= 2  # the surname alone is the same person


def test_stages_quantities(visit):
    found = {(q["value"], q["unit"], q["kind"]) for q in visit["quantities"]}
    assert (1200000000, "USD", "actual") in found
    assert (8.5, "percent", "change") in found
    assert (2000000000, "USD", "target") in found
    assert (200000, "doses", "pledge") in found
    assert not any(q["value"] in (2022, 2030) for q in visit["quantities"])


def test_stages_events_types_and_statuses(visit):
    events = {(e["type"], e["status"]) for e in visit["events"]}
    assert ("CONSULT", "done") in events
    assert ("AGREE", "done") in events
    assert ("AGREE", "planned") in events
    assert ("REQUEST", "requested") in events
    assert ("CONSULT", "planned") in events
    assert any(e["type"] == "AID" for e in visit["events"])
    meeting = next(e for e in visit["events"] if e["type"] == "CONSULT" and e["status"] == "done")
    assert meeting["parties"] == ["JPN", "KEN"] and meeting["date"]["value"] == "2023-05-03"


def test_stages_agreements(visit):
    statuses = {a["kind"]: a["status"] for a in visit["agreements"]}
    assert statuses.get("mou") == "signed"
    assert statuses.get("agreement") == "negotiating"  # due for signature: a text exists


def test_stages_evidence_offsets(visit):
    for item in visit["events"] + visit["agreements"] + visit["quantities"]:
        for ev in item["evidence"]:
            assert visit["text"][ev["start"]:ev["end"]] == ev["sentence"]


def test_stages_relative_dates_and_capitals():
    record = extract_document(doc("Pékin a convoqué hier l'ambassadeur des Philippines pour "
                                  "protester contre l'incident.", published="2024-06-11")).to_dict()
    event = record["events"][0]
    assert event["parties"] == ["CHN", "PHL"] and event["date"]["value"] == "2024-06-10"


def test_stages_nothing_to_extract():
    record = extract_document(doc("Le festival de jazz a attiré de nombreux visiteurs ce week-end "
                                  "sous un soleil radieux.")).to_dict()
    assert record["events"] == [] and record["agreements"] == [] and record["quantities"] == []


def test_extract_a_group_that_fails_to_parse_together_reads_each_document_alone(monkeypatch):
    from diplograph import extract as extract_module

    together = extract_module.parse_many

    def fails_together(documents):  # as when one document of the group breaks spaCy
        if len(documents) > 1:
            raise ValueError("one sentence too long for spaCy")
        return together(documents)

    monkeypatch.setattr(extract_module, "parse_many", fails_together)
    docs = [Document(doc_id=f"d{i}", text="Le ministre russe a rencontré mardi son homologue "
                     "vietnamien à Hanoï.", source=f"d{i}.txt", published="2022-09-14")
            for i in range(3)]
    out = list(extract_module.extract([*docs, Rejection("bad.bin", "binary")], "fr"))
    assert [getattr(r, "source", None) for r in out[3:]] == ["bad.bin"]
    assert [r.document.doc_id for r in out[:3]] == ["d0", "d1", "d2"]
    assert all(r.events for r in out[:3])
