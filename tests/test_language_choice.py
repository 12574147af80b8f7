"""Each document is read in its own language: declared, else detected; --lang
only fills in where neither tells (issue 10, item 3)."""
from __future__ import annotations

import pytest

from diplograph.errors import UnsupportedLanguage
from diplograph.extract import choose_language, extract
from diplograph.types import Document, Rejection

FRENCH = ("Le ministre des Affaires étrangères a rencontré hier son homologue pour "
          "discuter de la coopération entre les deux pays dans le domaine de la santé.")
GERMAN = ("Der Außenminister hat gestern seinen Amtskollegen getroffen, um über die "
          "Zusammenarbeit der beiden Länder im Gesundheitswesen zu sprechen.")


def doc(text: str, language: str | None = None) -> Document:
    return Document(doc_id="d1", text=text, source="made-up.txt", language=language)


def test_detected_language_is_never_relabelled_by_the_fallback():
    assert choose_language(doc(FRENCH), "en") == "fr"


def test_declared_language_wins_over_detection_and_is_normalised():
    assert choose_language(doc(FRENCH, "FR-fr"), None) == "fr"


def test_fallback_only_where_the_language_cannot_be_told():
    assert choose_language(doc("Paris, 3 mai"), "fr") == "fr"
    with pytest.raises(UnsupportedLanguage, match="cannot tell"):
        choose_language(doc("Paris, 3 mai"), "auto")


def test_unsupported_language_is_named():
    with pytest.raises(UnsupportedLanguage, match="'de'"):
        choose_language(doc(GERMAN), None)


def test_skip_unsupported_makes_a_skipped_rejection():
    [plain] = extract([doc(GERMAN)])
    [skipped] = extract([doc(GERMAN)], skip_unsupported=True)
    assert isinstance(plain, Rejection) and plain.kind == "error"
    assert isinstance(skipped, Rejection) and skipped.kind == "skipped"
