"""Quantities: money, percentages and counted goods or people (record.md, Quantities)."""
from __future__ import annotations

import pytest
from conftest import assert_evidence_offsets

from diplograph.stages.actors import find_actors

PUB = "2023-05-10"


def quantities(record: dict) -> dict[tuple, dict]:
    return {(q["value"], q["unit"]): q for q in record["quantities"]}


def test_quantities_stage_on_a_parsed_document(parse_text):
    parsed = parse_text("Le Japon a fait don de 300 000 doses de vaccin au Laos en 2021.", PUB)
    actors = find_actors(parsed)
    times, _ = parsed.pipeline.times.find(parsed)
    (dose,) = parsed.pipeline.quantities.find(parsed, actors, times)
    assert (dose.value, dose.unit, dose.measure, dose.kind) == (300000, "doses", "vaccine",
                                                                "pledge")
    assert dose.parties == ["JPN", "LAO"] and dose.period == {"start": "2021", "end": "2021"}
    assert dose.text == "300 000 doses"
    (evidence,) = dose.evidence
    assert parsed.text[evidence.start:evidence.end] == evidence.sentence


def test_quantities_money_and_percent_values(extract_text):
    record = extract_text("Les échanges commerciaux entre le Brésil et l'Égypte ont atteint 2,6 "
                          "milliards d'USD en 2022, en hausse de 12,5% par rapport à l'année "
                          "précédente.", PUB)
    found = quantities(record)
    assert set(found) == {(2600000000, "USD"), (12.5, "percent")}
    money, share = found[2600000000, "USD"], found[12.5, "percent"]
    assert (money["measure"], money["kind"]) == ("trade", "actual")
    assert money["period"] == {"start": "2022", "end": "2022"}
    assert money["parties"] == ["BRA", "EGY"]
    assert money["text"] == "2,6 milliards d'USD"
    assert (share["measure"], share["kind"]) == ("trade", "change")
    assert_evidence_offsets(record)


def test_quantities_counted_doses_in_words(extract_text):
    record = extract_text("La Chine a fait don d'un million de doses de vaccin au Cambodge.", PUB)
    (dose,) = record["quantities"]
    assert (dose["value"], dose["unit"], dose["measure"], dose["kind"]) == (
        1000000, "doses", "vaccine", "pledge")
    assert dose["parties"] == ["CHN", "KHM"]


@pytest.mark.parametrize("phrase, value, unit", [
    ("2,6 milliards d'USD", 2600000000, "USD"),
    ("12,5%", 12.5, "percent"),
    ("3,2 pour cent", 3.2, "percent"),
    ("un million de doses", 1000000, "doses"),
    ("200 000 doses", 200000, "doses"),
    ("44 000 tonnes", 44000, "tonnes"),
    ("huit camions", 8, "trucks"),
    ("1,5 million d'euros", 1500000, "EUR"),
    ("400 millions de dollars", 400000000, "USD"),
    ("50 milliards de yens", 50000000000, "JPY"),
    ("10 milliards de francs CFA", 10000000000, "XOF"),
    ("$250", 250, "USD"),
    ("€ 3 millions", 3000000, "EUR"),
    ("trois cents soldats", 300, "troops"),
    ("vingt-cinq mille réfugiés", 25000, "people"),
])
def test_quantities_value_and_unit(extract_text, phrase, value, unit):
    record = extract_text(f"Le Ghana a reçu {phrase} du Japon dans le cadre de cette coopération.",
                          PUB)
    found = [(q["value"], q["unit"]) for q in record["quantities"]]
    assert found == [(value, unit)]


@pytest.mark.parametrize("sentence", [
    "Le Laos et la Thaïlande ont célébré en 2020 le 25e anniversaire de leurs relations.",
    "Les deux pays ont identifié quatre domaines prioritaires de coopération.",
    "Quinze mémorandums ont été signés en présence de six ministres.",
    "La mission durera 90 jours à partir du 3 mars 2021.",
    "Le nouveau pont construit par la Chine au Laos mesure 5 mètres de large.",
    "Des millions de réfugiés ont fui le conflit vers le Tchad.",
    "Le projet 5PC avance entre le Laos et la Thaïlande.",
    "Une délégation de 12 membres est arrivée à Vientiane.",
    "La 3e session de la commission mixte s'est tenue au cours d'une année difficile.",
])
def test_quantities_years_ordinals_durations_and_counts_are_not_quantities(extract_text,
                                                                          sentence):
    assert extract_text(sentence, PUB)["quantities"] == []


def test_quantities_target_from_a_conjugated_verb_and_deadline(extract_text):
    record = extract_text("Les deux pays visent 5 milliards de dollars d'échanges commerciaux "
                          "d'ici 2025.", PUB)
    (target,) = record["quantities"]
    assert (target["kind"], target["period"]) == ("target", {"start": "2025", "end": "2025"})


def test_quantities_target_with_deadline(extract_text):
    record = extract_text("Le Vietnam et l'Australie se sont fixé pour objectif de porter leurs "
                          "échanges commerciaux à 20 milliards de dollars d'ici 2030.", PUB)
    (target,) = record["quantities"]
    assert (target["value"], target["unit"], target["kind"], target["measure"]) == (
        20000000000, "USD", "target", "trade")
    assert target["period"] == {"start": "2030", "end": "2030"}
    assert target["parties"] == ["AUS", "VNM"]


def test_quantities_target_not_met(extract_text):
    record = extract_text("L'objectif de 10 milliards de dollars d'échanges fixé pour 2020 par "
                          "le Vietnam et la Thaïlande n'a pas encore été atteint.", PUB)
    (target,) = record["quantities"]
    assert (target["kind"], target["status"]) == ("target", "not_met")
    assert target["period"] == {"start": "2020", "end": "2020"}


def test_quantities_rate_per_year(extract_text):
    record = extract_text("L'accord entre l'Inde et le Népal prévoit une aide de 400 millions "
                          "d'USD par an.", PUB)
    (aid,) = record["quantities"]
    assert (aid["value"], aid["unit"], aid["per"], aid["measure"], aid["kind"]) == (
        400000000, "USD", "year", "aid", "pledge")


def test_quantities_part_year_period(extract_text):
    record = extract_text("Au cours des six premiers mois de 2021, les échanges commerciaux entre "
                          "la Corée et le Vietnam ont atteint 35 milliards de dollars.", PUB)
    (trade,) = record["quantities"]
    assert trade["period"] == {"start": "2021-01", "end": "2021-06"}
    assert trade["measure"] == "trade"


def test_quantities_same_figure_twice_is_one_quantity_with_two_evidences(extract_text):
    record = extract_text("Le Japon a fait don de 300 000 doses de vaccin au Laos. Les 300 000 "
                          "doses sont arrivées mardi à Vientiane.", PUB)
    (dose,) = record["quantities"]
    assert len(dose["evidence"]) == 2
    assert_evidence_offsets(record)


def test_quantities_one_amount_in_two_currencies_is_two_quantities(extract_text):
    record = extract_text("Le Japon a accordé au Laos un don de 1,2 milliard de yens, soit "
                          "environ 8 millions d'euros.", PUB)
    assert sorted((q["unit"], q["value"]) for q in record["quantities"]) == [
        ("EUR", 8000000), ("JPY", 1200000000)]


def test_quantities_skip_headline_and_credits(extract_text):
    text = ("Le Japon offre 5 millions de dollars au Laos\n"
            ">> La Chine livre 2 000 tonnes de riz au Laos\n"
            "Le Japon a fait don de 300 000 doses de vaccin au Laos.\n"
            "Photo : 40 000 personnes à Vientiane\n")
    record = extract_text(text, PUB, body_start=text.index(">>"))
    assert [(q["value"], q["unit"]) for q in record["quantities"]] == [(300000, "doses")]


@pytest.mark.parametrize("sentence, kind", [
    ("La France a accordé 5 millions d'euros au Liban.", "pledge"),
    ("La Chine a promis 2 millions de dollars au Laos.", "pledge"),
    ("Le Japon a octroyé 3 millions de dollars au Laos.", "pledge"),
    ("Les exportations de la Turquie vers l'Irak ont augmenté de 7 %.", "change"),
    ("L'Union européenne a débloqué 10 millions d'euros pour le Tchad.", "pledge"),
], ids=["accordé", "promis", "octroyé", "augmenté", "débloqué"])
def test_quantities_kind_from_inflected_verbs(extract_text, sentence, kind):
    (quantity,) = extract_text(sentence, PUB)["quantities"]
    assert quantity["kind"] == kind


def test_quantities_period_key_is_present_even_when_null(extract_text):
    record = extract_text("La Chine a fait don d'un million de doses de vaccin au Cambodge.", PUB)
    assert "period" in record["quantities"][0]


@pytest.mark.parametrize("text, measure", [
    # the gift told after the figure, goods with no measure word: aid granted
    ("Quarante tonnes de riz offertes par le Japon sont arrivées au Laos.", "aid"),
    # a figure of aid with no verb of giving is still granted
    ("Un navire égyptien chargé de 50 tonnes d'aide alimentaire a accosté au Soudan.", "aid"),
    ("La France apportera un appui financier de 20 millions d'euros au Niger.", "aid"),
])
def test_quantities_gifts_are_pledges_wherever_the_sentence_says_so(extract_text, text, measure):
    (figure,) = extract_text(text, PUB)["quantities"]
    assert (figure["kind"], figure["measure"]) == ("pledge", measure)


def test_quantities_trade_figure_beside_a_grant_word_elsewhere_keeps_its_cue(extract_text):
    record = extract_text("Le commerce bilatéral a atteint 3 milliards de dollars, a indiqué le "
                          "ministre, qui a promis de nouveaux investissements.", PUB)
    (figure,) = record["quantities"]
    assert (figure["kind"], figure["measure"]) == ("actual", "trade")
