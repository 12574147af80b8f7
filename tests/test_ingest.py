"""Ingest: paths -> Documents or Rejections (no spaCy, fast)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from diplograph.ingest import SUPPORTED_SUFFIXES, expand_paths, iter_inputs
from diplograph.ingest.metadata import date_from_url, normalise_published, split_headline
from diplograph.types import Document, Rejection

BODY = ("Le ministre sénégalais des Affaires étrangères a reçu mardi à Dakar son homologue "
        "gambien. Les deux ministres ont parlé de commerce et de pêche.\n")


def ingest(*paths: Path, max_bytes: int = 1_000_000) -> list[Document | Rejection]:
    return list(iter_inputs(list(paths), max_bytes))


def only(results: list, kind: type):
    items = [r for r in results if isinstance(r, kind)]
    assert len(items) == 1, results
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ----------------------------------------------------------------- plain text


def test_ingest_text_headline_becomes_title_and_body_start(tmp_path):
    text = "Le Sénégal et la Gambie renforcent leur coopération\n" + BODY
    doc = only(ingest(write(tmp_path / "a1.txt", text)), Document)
    assert doc.title == "Le Sénégal et la Gambie renforcent leur coopération"
    assert doc.body_start == text.index("Le ministre")
    assert doc.text == text  # ingested exactly: offsets refer to this text
    assert doc.doc_id == "a1" and doc.source == str(tmp_path / "a1.txt")
    assert doc.published is None and doc.published_basis == "unknown"


@pytest.mark.parametrize("first_line", [
    "Le ministre sénégalais a reçu son homologue gambien à Dakar.",  # a sentence
    "Les deux pays ont signé un accord :",
    ">> Le Sénégal et la Gambie renforcent leur coopération",  # a related link
    "x" * 230,  # too long for a headline
], ids=["sentence", "colon", "related-link", "too-long"])
def test_ingest_text_first_line_that_is_not_a_headline_is_no_title(tmp_path, first_line):
    doc = only(ingest(write(tmp_path / "a.txt", first_line + "\n" + BODY)), Document)
    assert doc.title is None
    assert doc.body_start == 0


def test_ingest_text_single_line_has_no_title(tmp_path):
    doc = only(ingest(write(tmp_path / "a.txt", "Visite du ministre à Dakar\n")), Document)
    assert (doc.title, doc.body_start) == (None, 0)


@pytest.mark.parametrize("content, title, body_start", [
    ("Titre court\nCorps du texte.", "Titre court", 12),
    ("  Titre avec espaces  \nCorps.", "Titre avec espaces", 23),
    ("Le Ghana et le Togo, partenaires ?\nCorps.", "Le Ghana et le Togo, partenaires ?", 35),
    ("Titre\r\nCorps du texte.", "Titre", 7),
    ("Phrase complète.\nCorps.", None, 0),
    ("Titre\n   \n", None, 0),
])
def test_ingest_split_headline(content, title, body_start):
    assert split_headline(content) == (title, body_start)


def test_ingest_text_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path / "bom.txt", "\ufeffTitre\n".encode() + BODY.encode())
    doc = only(ingest(path), Document)
    assert doc.text.startswith("Titre") and doc.title == "Titre"


# ------------------------------------------------------------- folder walking


def test_ingest_folder_walk_is_recursive_sorted_and_names_what_it_skips(tmp_path):
    root = tmp_path / "corpus"
    write(root / "b.txt", BODY)
    write(root / "a.md", BODY)
    write(root / "sub" / "deeper" / "c.html", "<html><body><p>x</p></body></html>")
    write(root / "sub" / "d.jsonl", json.dumps({"id": "d", "text": BODY}) + "\n")
    write(root / ".hidden.txt", BODY)
    write(root / ".git" / "e.txt", BODY)
    write(root / "sub" / ".cache" / "f.txt", BODY)
    write(root / "notes.pdf", b"%PDF-1.4")
    write(root / "table.csv", "a,b\n")
    write(root / "README", BODY)
    walked = list(expand_paths([root]))
    found = [p.relative_to(root).as_posix() for p in walked if isinstance(p, Path)]
    assert found == ["a.md", "b.txt", "sub/d.jsonl", "sub/deeper/c.html"]
    skipped = [Path(r.source).name for r in walked if isinstance(r, Rejection)]
    assert skipped == ["README", "notes.pdf", "table.csv"]  # hidden files get no line
    assert all(r.kind == "skipped" for r in walked if isinstance(r, Rejection))


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_ingest_folder_walk_takes_every_supported_suffix(tmp_path, suffix):
    write(tmp_path / f"doc{suffix.upper()}", BODY)  # suffixes compare case-insensitively
    assert len(list(expand_paths([tmp_path]))) == 1


def test_ingest_folder_yields_documents_for_every_readable_file(tmp_path):
    write(tmp_path / "one.txt", BODY)
    write(tmp_path / "two" / "two.txt", BODY)
    docs = ingest(tmp_path)
    assert [d.doc_id for d in docs if isinstance(d, Document)] == ["one", "two"]


# ---------------------------------------------------------------------- JSONL


def test_ingest_jsonl_reads_id_text_title_url_published_language(tmp_path):
    rows = [
        {"id": "x1", "text": BODY, "title": "Dakar et Banjul", "url": "https://ex.org/a1",
         "published": "2021-07-06T08:30:00Z", "language": "fr"},
        {"id": 42, "text": BODY},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = ingest(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.doc_id, first.text, first.title, first.url, first.language) == (
        "x1", BODY, "Dakar et Banjul", "https://ex.org/a1", "fr")
    assert (first.published, first.published_basis) == ("2021-07-06", "metadata")
    assert first.source == "https://ex.org/a1"  # the URL names the source when given
    assert second.doc_id == "42"  # ids are strings
    assert second.source == f"{path}:2"  # otherwise file and line
    assert (second.published, second.published_basis, second.title) == (None, "unknown", None)


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/monde/2019/12/09/visite-officielle", "2019-12-09"),
    ("https://example.org/monde/visite-2019-12-09.html", "2019-12-09"),
    ("http://fr.allafrica.com/stories/201702270450.html", "2017-02-27"),
    ("https://example.org/article/102060.vnp", None),
    ("https://example.org/2019/13/45/erreur", None),
    ("https://20210706.example.org/a", None),  # the host is not the path
])
def test_ingest_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_ingest_jsonl_published_falls_back_to_a_date_in_the_url(tmp_path):
    row = {"id": "u1", "text": BODY, "published": None,
           "url": "https://example.org/afrique/2022/03/15/dakar-banjul"}
    doc = only(ingest(write(tmp_path / "f.jsonl", json.dumps(row) + "\n")), Document)
    assert doc.published == "2022-03-15"
    assert doc.published_basis == "metadata"


@pytest.mark.parametrize("value, expected", [
    ("2021-07-06", "2021-07-06"),
    ("2021-07-06T10:00:00+02:00", "2021-07-06"),
    ("2021-07", "2021-07"),
    ("2021", "2021"),
    ("06/07/2021", None),
    ("", None),
    (None, None),
])
def test_ingest_normalise_published(value, expected):
    assert normalise_published(value) == expected


# ----------------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Le Ghana et le Vietnam signent un accord | Le Journal</title>
<meta property="og:title" content="Le Ghana et le Vietnam signent un accord">
<meta property="article:published_time" content="2023-03-14T09:30:00+00:00">
</head>
<body>
<header><nav><a href="/">Accueil</a> | <a href="/monde">Monde</a></nav></header>
<article>
<h1>Le Ghana et le Vietnam signent un accord</h1>
<p>Le ministre ghanéen des Affaires étrangères a rencontré mardi à Accra son homologue
vietnamien pour des entretiens consacrés au commerce et à l'agriculture.</p>
<p>Les deux ministres ont signé un mémorandum d'entente sur la coopération agricole et se sont
engagés à porter les échanges commerciaux à un milliard de dollars d'ici 2030.</p>
<p>La partie vietnamienne a invité son homologue à effectuer une visite officielle à Hanoï
l'année prochaine, une invitation acceptée avec plaisir.</p>
</article>
<footer><p>© 2023 Le Journal. Tous droits réservés.</p></footer>
</body>
</html>
"""


def test_ingest_html_title_text_and_published_time(tmp_path):
    doc = only(ingest(write(tmp_path / "page.html", HTML)), Document)
    assert doc.doc_id == "page"
    assert doc.title == "Le Ghana et le Vietnam signent un accord"
    assert "a rencontré mardi à Accra son homologue" in doc.text
    assert "porter les échanges commerciaux à un milliard de dollars" in doc.text
    assert "Accueil" not in doc.text and "Tous droits réservés" not in doc.text
    assert (doc.published, doc.published_basis) == ("2023-03-14", "metadata")


def test_ingest_html_without_article_text_is_rejected(tmp_path):
    path = write(tmp_path / "blank.html", "<html><head><title>Vide</title></head><body></body>"
                                          "</html>")
    rejection = only(ingest(path), Rejection)
    assert rejection.source == str(path)
    assert "no article text" in rejection.reason


# ----------------------------------------------------------------- bad inputs


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n   \n", "only whitespace"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
    ("latin1.txt", "Le président a déclaré à Dakar.".encode("latin-1"), "not UTF-8"),
    ("utf16.txt", "Le président a déclaré à Dakar.".encode("utf-16"), "binary"),
    ("empty.jsonl", b"", "empty file"),
    ("latin1.jsonl", json.dumps({"id": "a", "text": "déclaré"}, ensure_ascii=False)
     .encode("latin-1"), "not UTF-8"),
], ids=["empty", "whitespace", "binary", "latin-1", "utf-16", "empty-jsonl", "latin-1-jsonl"])
def test_ingest_bad_file_gives_a_rejection_naming_it(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    results = ingest(path)
    rejection = only(results, Rejection)
    assert len(results) == 1
    assert rejection.source in (str(path), f"{path}:1")  # a JSONL file names the line
    assert reason in rejection.reason
    assert str(rejection).startswith(str(path))


def test_ingest_non_utf8_reason_gives_the_offset_and_a_fix(tmp_path):
    raw = "Le ministre a déclaré".encode("latin-1")
    rejection = only(ingest(write(tmp_path / "l.txt", raw)), Rejection)
    assert f"offset {raw.index(0xE9)}" in rejection.reason
    assert "re-encode" in rejection.reason


def test_ingest_oversized_file_is_rejected_with_the_limit(tmp_path):
    path = write(tmp_path / "big.txt", BODY * 20)
    rejection = only(ingest(path, max_bytes=1000), Rejection)
    assert rejection.source == str(path)
    assert "too large" in rejection.reason and "1,000" in rejection.reason
    assert "--max-bytes" in rejection.reason
    assert isinstance(only(ingest(path, max_bytes=len(BODY.encode()) * 20), Document), Document)


def test_ingest_missing_path_is_rejected(tmp_path):
    missing = tmp_path / "nowhere" / "article.txt"
    rejection = only(ingest(missing), Rejection)
    assert rejection.source == str(missing)
    assert "no such file or folder" in rejection.reason


def test_ingest_bad_files_do_not_stop_the_good_ones(tmp_path):
    write(tmp_path / "a_good.txt", BODY)
    write(tmp_path / "b_empty.txt", b"")
    write(tmp_path / "c_binary.txt", b"\x00\x01")
    write(tmp_path / "d_good.txt", BODY)
    results = ingest(tmp_path, tmp_path / "missing.txt")
    assert [type(r).__name__ for r in results] == [
        "Document", "Rejection", "Rejection", "Document", "Rejection"]


@pytest.mark.parametrize("line, reason", [
    ("{broken", "malformed JSON"),
    ('["a", "list"]', "must be an object"),
    ('{"id": "n1"}', "missing or empty 'text'"),
    ('{"id": "n1", "text": "   "}', "missing or empty 'text'"),
    ('{"id": "n1", "text": 12}', "missing or empty 'text'"),
    ('{"text": "Le ministre a parlé."}', "missing 'id'"),
    ('{"id": " ", "text": "Le ministre a parlé."}', "missing 'id'"),
], ids=["malformed", "not-object", "no-text", "blank-text", "text-not-string", "no-id",
        "blank-id"])
def test_ingest_jsonl_bad_line_is_rejected_and_other_lines_still_read(tmp_path, line, reason):
    good = [json.dumps({"id": f"ok{i}", "text": BODY}) for i in (1, 2)]
    path = write(tmp_path / "feed.jsonl", "\n".join([good[0], line, good[1]]) + "\n")
    results = ingest(path)
    assert [type(r).__name__ for r in results] == ["Document", "Rejection", "Document"]
    assert [r.doc_id for r in results if isinstance(r, Document)] == ["ok1", "ok2"]
    rejection = results[1]
    assert rejection.source == f"{path}:2"  # the file and the line
    assert reason in rejection.reason


def test_ingest_html_headline_line_is_not_body(tmp_path):
    doc = only(ingest(write(tmp_path / "page.html", HTML)), Document)
    assert doc.text.startswith(doc.title + "\n")
    assert doc.body_start == len(doc.title) + 1


# ------------------------------------------------------- inputs that once raised

def test_ingest_jsonl_nested_too_deep_is_a_rejection_of_its_line(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    path = write(tmp_path / "deep.jsonl", deep + "\n" + json.dumps({"id": "ok", "text": BODY}))
    results = ingest(path)
    assert isinstance(results[0], Rejection) and "nested too deeply" in results[0].reason
    assert results[0].source == f"{path}:1"
    assert results[1].doc_id == "ok"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0c"])
def test_ingest_jsonl_text_with_a_unicode_line_separator_is_one_record(tmp_path, separator):
    text = BODY + separator + "Deuxième paragraphe."
    path = write(tmp_path / "sep.jsonl", json.dumps({"id": "a", "text": text},
                                                    ensure_ascii=False) + "\n")
    (document,) = ingest(path)
    assert isinstance(document, Document) and document.text == text


def test_ingest_jsonl_record_over_the_limit_is_rejected_and_the_next_read(tmp_path):
    big = json.dumps({"id": "big", "text": "x " * 600})
    path = write(tmp_path / "c.jsonl", big + "\n" + json.dumps({"id": "ok", "text": BODY}))
    results = list(iter_inputs([path], 1000))
    assert isinstance(results[0], Rejection) and "too large" in results[0].reason
    assert results[1].doc_id == "ok"


@pytest.mark.parametrize("value", ["2021-02-30", "0000-00-00", "2021-13", "0000"])
def test_ingest_impossible_published_dates_are_unknown(tmp_path, value):
    path = write(tmp_path / "d.jsonl", json.dumps({"id": "a", "text": BODY, "published": value}))
    (document,) = ingest(path)
    assert document.published is None and document.published_basis == "unknown"


def test_ingest_unreadable_file_in_a_folder_is_reported_and_the_others_read(tmp_path,
                                                                            monkeypatch):
    write(tmp_path / "a.txt", BODY)
    locked = write(tmp_path / "b.txt", BODY)
    read_bytes = Path.read_bytes

    def refuse(path):  # root ignores chmod, so the refusal is simulated
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    results = ingest(tmp_path)
    assert isinstance(results[0], Document)
    assert isinstance(results[1], Rejection) and "Permission denied" in results[1].reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_ingest_named_pipe_is_reported_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (rejection,) = ingest(tmp_path)
    assert "not a regular file" in rejection.reason


@pytest.mark.parametrize("name", ["feed.xml", "crawl.warc", "dump.jsonl.gz", "a.pdf"])
def test_ingest_named_file_of_another_format_is_refused_not_read_as_text(tmp_path, name):
    path = write(tmp_path / name, BODY)
    (rejection,) = ingest(path)
    assert isinstance(rejection, Rejection) and "not a format diplograph reads" in rejection.reason


def test_ingest_named_file_without_suffix_is_read_as_text(tmp_path):
    (document,) = ingest(write(tmp_path / "article", BODY))
    assert isinstance(document, Document)
