"""Agreements: documents named in the article, each with its lifecycle status."""
from __future__ import annotations

import pytest
from conftest import assert_evidence_offsets, events_of


PUB = "2022-09-14"  # a Wednesday

SIGNED = "Le Sénégal et le Maroc ont signé mardi un mémorandum d'entente sur la coopération agricole."
SEVERAL = ("Le Vietnam et le Laos ont signé un plan de coopération pour la période 2021-2025. Les "
           "deux parties ont également signé un mémorandum d'entente sur l'éducation et un "
           "accord sur les transports routiers.")


def only_agreement(record: dict) -> dict:
    assert len(record["agreements"]) == 1, record["agreements"]
    return record["agreements"][0]


def test_agreements_signed_memorandum(extract_text):
    record = extract_text(SIGNED, PUB)
    mou = only_agreement(record)
    assert mou["title"] == "mémorandum d'entente sur la coopération agricole"
    assert (mou["kind"], mou["status"], mou["parties"]) == ("mou", "signed", ["MAR", "SEN"])
    assert mou["sectors"] == ["agriculture"]
    assert mou["date"] == {"value": "2022-09-13", "granularity": "day", "text": "mardi"}
    assert_evidence_offsets(record)


def test_agreements_signed_memorandum_has_an_agree_event_linked_to_it(extract_text):
    record = extract_text(SIGNED, PUB)
    (signing,) = events_of(record, "AGREE")
    assert (signing["mode"], signing["status"]) == ("sign", "done")
    assert signing["agreement"] == only_agreement(record)["id"] == "a1"
    assert signing["parties"] == ["MAR", "SEN"]


def test_agreements_documents_signed_together_are_one_event_and_several_agreements(
        extract_text):
    record = extract_text(SEVERAL, "2021-03-10")
    kinds = sorted(a["kind"] for a in record["agreements"])
    assert kinds == ["agreement", "mou", "plan"]
    assert all(a["status"] == "signed" for a in record["agreements"])
    assert all(a["parties"] == ["LAO", "VNM"] for a in record["agreements"])
    assert [a["id"] for a in record["agreements"]] == ["a1", "a2", "a3"]
    (signing,) = events_of(record, "AGREE")
    assert len(signing["evidence"]) == 2
    assert_evidence_offsets(record)


def test_agreements_period_of_a_plan(extract_text):
    record = extract_text(SEVERAL, "2021-03-10")
    plan = next(a for a in record["agreements"] if a["kind"] == "plan")
    assert plan["title"].startswith("plan de coopération")
    assert plan["period"] == {"start": "2021", "end": "2025"}


def test_agreements_signing_expected_soon_is_not_signed(extract_text):
    record = extract_text("Un mémorandum d'entente sur la coopération agricole entre le Sénégal "
                          "et le Maroc devrait être signé prochainement.", PUB)
    mou = only_agreement(record)
    assert mou["status"] == "negotiating"  # a text due for signature exists: not a mere idea
    assert mou["date"] is None
    (signing,) = events_of(record, "AGREE")
    assert signing["status"] == "planned" and signing["agreement"] == mou["id"]


@pytest.mark.parametrize("sentence, kind, status", [
    ("Le Vietnam et le Laos finalisent un accord de libre-échange.", "agreement", "finalizing"),
    ("Le Maroc et le Nigeria négocient actuellement un accord sur le gazoduc.", "agreement",
     "negotiating"),
    (("L'accord de partenariat économique entre le Maroc et le Nigeria est entré en vigueur "
      "en 2022."), "agreement", "in_force"),
    ("Le Laos a proposé un traité d'amitié au Vietnam.", "treaty", "proposed"),
    ("Le Maroc et le Nigeria ont signé lundi à Rabat un accord de libre-échange.", "agreement",
     "signed"),
])
def test_agreements_status_lifecycle(extract_text, sentence, kind, status):
    agreement = only_agreement(extract_text(sentence, PUB))
    assert (agreement["kind"], agreement["status"]) == (kind, status)


def test_agreements_in_force_is_dated(extract_text):
    record = extract_text("L'accord de partenariat économique entre le Maroc et le Nigeria est "
                          "entré en vigueur en 2022.", PUB)
    assert only_agreement(record)["date"]["value"] == "2022"


@pytest.mark.parametrize("sentence", [
    "Le Vietnam et le Laos sont d'accord pour renforcer leur coopération.",
    "Le Vietnam et le Laos agissent en accord avec le droit international.",
    "Les deux pays ont discuté du projet d'accord.",
    "Le Vietnam a rappelé cet accord au Laos.",
])
def test_agreements_idioms_and_bare_back_references_are_not_documents(extract_text, sentence):
    assert extract_text(sentence, PUB)["agreements"] == []


def test_agreements_document_mentions_carry_the_title(parse_text):
    parsed = parse_text(SIGNED, PUB)
    mentions = parsed.pipeline.agreements.mentions(parsed)
    assert [(m.title, m.kind, m.bare) for m in mentions] == [
        ("mémorandum d'entente sur la coopération agricole", "mou", False)]


@pytest.mark.parametrize("sentence, status", [
    ("Les deux ministres se sont félicités de l'aboutissement des négociations sur l'accord "
     "d'exemption de visas entre le Sénégal et le Mali, dont le texte a été paraphé mardi.",
     "agreed"),
    ("Un mémorandum d'entente sur la pêche entre le Sénégal et le Mali devrait être signé "
     "lors de la visite.", "negotiating"),
    ("Le Sénégal et le Mali espèrent signer un accord de partenariat stratégique.", "proposed"),
    ("Le Sénégal et le Mali ont signé mardi un accord sur les visas, qui entrera en vigueur "
     "trente jours après sa signature.", "signed"),
])
def test_agreements_status_of_settled_and_future_texts(extract_text, sentence, status):
    record = extract_text(sentence, published="2025-04-08")
    assert [a["status"] for a in record["agreements"]] == [status]


def titles(record: dict) -> list[str]:
    return [a["title"] for a in record["agreements"]]


@pytest.mark.parametrize("sentence", [
    "Le Sénégal et le Mali ont signé cinq accords de coopération.",
    "Le Sénégal et le Mali ont signé 13 protocoles d'accords.",
    "Le Sénégal et le Mali ont échangé plusieurs mémorandums d'entente.",
])
def test_agreements_counted_documents_are_one_record_for_the_set(extract_text, sentence):
    agreement = only_agreement(extract_text(sentence, PUB))
    assert (agreement["status"], agreement["parties"]) == ("signed", ["MLI", "SEN"])


def test_agreements_a_set_named_one_by_one_gives_way_to_its_documents(extract_text):
    record = extract_text("Le Sénégal et le Mali ont signé trois accords. Ils ont signé un accord "
                          "sur la pêche et un mémorandum d'entente sur l'éducation.", PUB)
    assert len(record["agreements"]) == 2
    assert any("pêche" in t for t in titles(record))
    assert any("éducation" in t for t in titles(record))


def test_agreements_signed_ones_referred_back_to_are_no_new_document(extract_text):
    assert extract_text("Les accords signés par le Sénégal et le Mali couvrent la pêche.",
                        PUB)["agreements"] == []


@pytest.mark.parametrize("sentence, word", [
    ("Le Sénégal et le Mali ont signé un protocole de partenariat dans le domaine de la santé.",
     "santé"),
    ("Un mémorandum d'entente entre le Sénégal et le Mali a été signé pour la gestion d'un port.",
     "port"),
    ("Le Sénégal et le Mali ont signé un accord entre les deux pays sur la pêche.", "pêche"),
    ("Le Maroc et le Nigeria ont signé lundi à Rabat un accord de libre-échange.", "libre-échange"),
    ("Le Canada et le Mexique négocient l'accord de libre-échange nord-américain (ALENA).",
     "libre-échange nord-américain (ALENA)"),
])
def test_agreements_title_keeps_the_topic(extract_text, sentence, word):
    assert word in only_agreement(extract_text(sentence, PUB))["title"]


def test_agreements_title_leaves_out_time_span(extract_text):
    record = extract_text(SEVERAL, "2021-03-10")
    plan = next(a for a in record["agreements"] if a["kind"] == "plan")
    assert "période" not in plan["title"]


@pytest.mark.parametrize("sentence, status", [
    ("Le Sénégal et le Mali ont procédé mardi à la signature d'un accord sur la pêche.", "signed"),
    ("La réunion entre le Sénégal et le Mali s'est achevée par l'adoption de la Déclaration de "
     "Dakar.", "agreed"),
])
def test_agreements_act_told_by_a_noun(extract_text, sentence, status):
    assert only_agreement(extract_text(sentence, PUB))["status"] == status


@pytest.mark.parametrize("sentence", [
    "Le Mali a donné son accord de principe au Sénégal pour un prêt.",
    "Le Sénégal a signé un accord.",
])
def test_agreements_consent_and_one_sided_texts_are_not_agreements(extract_text, sentence):
    assert extract_text(sentence, PUB)["agreements"] == []


@pytest.mark.parametrize("text", [
    "Avant la déclaration conjointe, le Sénégal et le Mali ont signé un accord sur la pêche.",
    ("Le Sénégal et le Mali ont signé un accord sur la pêche au Centre de convention "
     "international de Bamako."),
    ("Le Sénégal et le Mali ont signé un mémorandum d'entente pour une coopération militaire. "
     "Il s'agit d'un mémorandum d'accord pour la coopération militaire, signé par les deux "
     "ministres."),
])
def test_agreements_one_document_only(extract_text, text):
    assert len(extract_text(text, PUB)["agreements"]) == 1


def test_agreements_sides_of_a_document_from_the_sentence_before(extract_text):
    record = extract_text("Les ministres du Sénégal, du Mali et du Niger se sont réunis mardi à "
                          "Dakar. La réunion s'est achevée par l'adoption de la Déclaration de "
                          "Dakar.", PUB)
    assert only_agreement(record)["parties"] == ["MLI", "NER", "SEN"]


def test_agreements_an_announced_agreement_is_agreed(extract_text):
    record = extract_text("Le ministre a annoncé un accord entre le Sénégal et le Mali sur la "
                          "réouverture des frontières.", PUB)
    agreement = only_agreement(record)
    assert "frontières" in agreement["title"] and agreement["status"] == "agreed"


def test_agreements_hoping_for_some_agreement_names_no_document(extract_text):
    assert extract_text("Le Sénégal espère parvenir à un accord avec le Mali.",
                        PUB)["agreements"] == []


def test_agreements_members_of_a_counted_set_share_its_signing(extract_text):
    record = extract_text("Le Sénégal et le Mali ont signé quatre accords mardi. Le premier "
                          "ministre s'est félicité de la visite. La coopération se porte bien. "
                          "On y trouve un accord de jumelage entre Dakar et Bamako.",
                          PUB)
    assert all(a["status"] == "signed" for a in record["agreements"])
    assert any("jumelage" in t for t in titles(record))


def test_agreements_members_listed_after_a_counted_set_are_records(extract_text):
    record = extract_text("Le Sénégal et le Mali ont signé mardi six protocoles d'accord. Ils "
                          "concernent la coopération dans le domaine de la pêche ; la création "
                          "d'un conseil d'affaires ; la formation des diplomates.", PUB)
    found = titles(record)
    assert len(found) == 3, found
    assert all(any(word in t for t in found) for word in ("pêche", "conseil", "diplomates"))
    assert all(a["status"] == "signed" for a in record["agreements"])


def test_agreements_first_and_second_of_a_set_are_records(extract_text):
    record = extract_text("Le Sénégal et le Mali ont signé mardi deux memoranda. Le premier, "
                          "signé par les ministres, prévoit des consultations bilatérales. Le "
                          "second, qui porte sur la coopération culturelle, a été signé par les "
                          "ministres de la Culture.", PUB)
    found = titles(record)
    assert len(found) == 2 and any("consultations" in t for t in found) \
        and any("culturelle" in t for t in found), found


def test_agreements_two_documents_on_two_coordinated_topics(extract_text):
    record = extract_text("Le Sénégal et le Mali ont signé deux accords portant sur la protection "
                          "des investissements et sur la coopération dans la défense.", PUB)
    found = titles(record)
    assert len(found) == 2 and any("investissements" in t for t in found) \
        and any("défense" in t for t in found), found


def test_agreements_title_runs_over_a_coordinated_topic_that_is_no_document(extract_text):
    record = extract_text("Le Sénégal et le Mali ont conclu un accord sur leur coopération et "
                          "leurs échanges.", PUB)
    assert "échanges" in only_agreement(record)["title"]


def test_agreements_a_signing_wished_for_is_no_document_yet(extract_text):
    record = extract_text("Au menu : la conclusion d'un accord avec le FMI souhaitée par la "
                          "France et le Sénégal.", PUB)
    assert all(a["status"] == "proposed" for a in record["agreements"])


@pytest.mark.parametrize("sentence, status", [
    ("Le Sénégal et le Mali ont annoncé qu'un accord de pêche était sur le point d'être conclu.",
     "finalizing"),
    ("Le Sénégal et le Mali vont simplifier les formalités en vue de conclure un accord de "
     "transport aérien.", "negotiating"),
    ("Le Sénégal a dénoncé les accords militaires avec le Mali.", "abandoned"),
    ("Le Sénégal et le Mali accélèrent le processus de conclusion d'un accord de pêche.",
     "negotiating"),
])
def test_agreements_status_from_the_act_around(extract_text, sentence, status):
    assert only_agreement(extract_text(sentence, PUB))["status"] == status


def test_agreements_listed_domains_after_a_copula(extract_text):
    record = extract_text("Le Sénégal et le Mali ont signé mardi six protocoles d'accord. Les "
                          "domaines visés sont les hydrocarbures ; les mines, ainsi que "
                          "l'éducation.", PUB)
    found = titles(record)
    assert all(any(word in t for t in found) for word in ("hydrocarbures", "mines", "éducation"))


def test_agreements_one_document_named_by_fewer_of_its_sides(extract_text):
    record = extract_text("L'Union européenne et le Mercosur ont conclu l'accord commercial "
                          "Mercosur-UE. Le Brésil a signé l'accord Mercosur-UE avec l'Union "
                          "européenne.", PUB)
    assert len(record["agreements"]) == 1, [(a["title"], a["parties"]) for a in record["agreements"]]
