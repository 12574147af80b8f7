"""Pipeline: one object per language, built once, holding the stages; the parsed
document keeps what the stages found and is never rewritten by them."""
from conftest import make_document

from diplograph.pipeline import Pipeline

TEXT = ("Le ministre chilien des Affaires étrangères a rencontré mardi 6 juillet à Lima "
        "son homologue péruvien. Les exportations chiliennes vers le Pérou ont atteint "
        "2,5 milliards de dollars en 2020.")


def test_pipeline_is_built_once_per_language(nlp):
    assert Pipeline.for_language("fr") is Pipeline.for_language("fr")
    pipeline = Pipeline.for_language("fr")
    assert pipeline.language.code == "fr" and pipeline.nlp is nlp


def test_pipeline_parses_documents_of_one_stream_in_order(nlp):
    pipeline = Pipeline.for_language("fr")
    first, second = make_document(TEXT), make_document("Le Japon a signé un accord avec "
                                                       "le Laos. Il entre en vigueur demain.")
    parsed = pipeline.parse([first, second])
    assert [p.document for p in parsed] == [first, second]
    assert [len(p.sentences) for p in parsed] == [2, 2]
    assert all(p.pipeline is pipeline for p in parsed)


def test_pipeline_read_keeps_findings_and_leaves_the_document_as_given(nlp):
    pipeline = Pipeline.for_language("fr")
    document = make_document(TEXT)  # no publication date: the text implies 2021-07-06
    (parsed,) = pipeline.parse([document])
    record = pipeline.read(parsed)
    assert parsed.document is document and document.published is None
    assert parsed.publication.value == record.document.published == "2021-07-06"
    assert parsed.found is not None and parsed.found.quantities == record.quantities
    again = pipeline.read(parsed)  # read twice (training does): the same record
    assert again.to_dict() == record.to_dict()
