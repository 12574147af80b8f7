"""Actors: states (ISO3), IGOs, people with role and country, national bodies."""
from __future__ import annotations

import re

import pytest
from conftest import actor, assert_evidence_offsets

from diplograph.stages.actors import find_actors, slug

PUB = "2022-09-14"


@pytest.fixture(scope="module")
def actors_of(parse_text):
    cache: dict = {}

    def run(text: str, published: str | None = PUB):
        if (text, published) not in cache:
            cache[text, published] = find_actors(parse_text(text, published))
        return cache[text, published]

    return run


def ids(record: dict, kind: str | None = None) -> set[str]:
    return {a["id"] for a in record["actors"] if kind is None or a["kind"] == kind}


# ---------------------------------------------------------------- states


@pytest.mark.parametrize("sentence, state, surface", [
    ("Le ministre japonais des Affaires étrangères a salué l'accord.", "JPN", "japonais"),
    ("Pékin a salué la décision.", "CHN", "Pékin"),
    ("La partie russe a salué la décision.", "RUS", "russe"),
    ("Les États-Unis ont salué la décision.", "USA", "États-Unis"),
    ("La Côte d’Ivoire a salué la décision.", "CIV", "Côte d’Ivoire"),
    ("La présidente sud-africaine a salué la décision.", "ZAF", "sud-africaine"),
    ("La Guinée-Bissau a salué la décision.", "GNB", "Guinée-Bissau"),
    ("Le Kremlin a salué la décision.", "RUS", "Kremlin"),
    ("Les autorités vietnamiennes ont salué la décision.", "VNM", "vietnamiennes"),
])
def test_actors_names_demonyms_and_capitals_are_iso3_states(extract_text, sentence, state,
                                                             surface):
    record = extract_text(sentence, PUB)
    found = actor(record, state)
    assert found is not None, record["actors"]
    assert found["kind"] == "state"
    assert surface in [m["text"] for m in found["mentions"]]
    assert ids(record, "state") == {state}
    assert_evidence_offsets(record)


def test_actors_state_country_is_its_own_code(extract_text):
    record = extract_text("Le ministre japonais des Affaires étrangères a salué l'accord.", PUB)
    assert actor(record, "JPN")["country"] == "JPN"


def test_actors_state_display_name_is_english(extract_text):
    record = extract_text("La Côte d’Ivoire a salué la décision.", PUB)
    assert actor(record, "CIV")["name"] in ("Côte d'Ivoire", "Ivory Coast", "Cote d'Ivoire")


@pytest.mark.parametrize("sentence, igo", [
    ("L'ANASE a publié une déclaration.", "igo:asean"),
    ("L'ASEAN a publié une déclaration.", "igo:asean"),
    ("L'Union africaine a publié une déclaration.", "igo:african-union"),
    ("Les Nations unies ont publié une déclaration.", "igo:un"),
    ("L'Organisation mondiale de la santé a publié une déclaration.", "igo:who"),
])
def test_actors_international_organisations(extract_text, sentence, igo):
    record = extract_text(sentence, PUB)
    found = actor(record, igo)
    assert found is not None, record["actors"]
    assert found["kind"] == "igo" and found["country"] is None


def test_actors_venue_and_topic_are_flagged(actors_of):
    index = actors_of("Le ministre japonais a rencontré à Moscou son homologue russe. Ils ont "
                      "évoqué la situation au Myanmar.")
    flags = {(m.actor_id, m.text): (m.place, m.topic) for m in index.mentions
             if m.kind == "state"}
    assert flags[("RUS", "Moscou")] == (True, False)  # a venue
    assert flags[("RUS", "russe")] == (False, False)
    assert flags[("JPN", "japonais")] == (False, False)
    assert flags[("MMR", "Myanmar")] == (False, True)  # a topic


def test_actors_main_dyad_is_the_two_most_mentioned_states(actors_of):
    index = actors_of("Le Vietnam et le Laos ont renforcé leur coopération. Le Vietnam a "
                      "félicité le Laos. La Thaïlande a salué ces efforts.")
    assert index.dyad == ("LAO", "VNM")


def test_actors_mentions_quote_the_text(actors_of):
    text = ("Le chef de la diplomatie russe Sergueï Lavrov a reçu à Moscou son homologue "
            "indonésienne Retno Marsudi. L’ANASE a salué la rencontre.")
    index = actors_of(text)
    assert index.mentions
    for m in index.mentions:
        assert text[m.start:m.end] == m.text
    starts = [(m.start, m.end) for m in index.mentions]
    assert starts == sorted(starts)


# ----------------------------------------------------------------- people

APPOSITION = ("La ministre sud-africaine des Relations internationales, Thandiwe Mokoena, a "
              "rencontré mercredi à Pretoria son homologue brésilien, Paulo Ferreira. Mokoena a "
              "souligné l'importance du commerce entre les deux pays.")


def test_actors_person_role_and_country_from_an_apposition(extract_text):
    record = extract_text(APPOSITION, PUB)
    minister = actor(record, "person:thandiwe-mokoena")
    assert minister is not None, record["actors"]
    assert (minister["kind"], minister["name"]) == ("person", "Thandiwe Mokoena")
    assert (minister["country"], minister["role"]) == ("ZAF", "foreign_minister")


def test_actors_surname_alone_later_is_the_same_person(extract_text):
    record = extract_text(APPOSITION, PUB)
    people = [a for a in record["actors"] if a["kind"] == "person"]
    assert "person:mokoena" not in ids(record)
    minister = actor(record, "person:thandiwe-mokoena")
    assert [m["text"] for m in minister["mentions"]] == ["Thandiwe Mokoena", "Mokoena"]
    assert len([p for p in people if "mokoena" in p["id"]]) == 1


def test_actors_counterpart_gets_the_country_of_the_title(extract_text):
    record = extract_text(APPOSITION, PUB)
    counterpart = actor(record, "person:paulo-ferreira")
    assert counterpart is not None and counterpart["country"] == "BRA"


@pytest.mark.parametrize("sentence, person, country, role", [
    ("Le Premier ministre malaisien Farid Hashim s'est entretenu avec le président indonésien.",
     "person:farid-hashim", "MYS", "head_of_government"),
    ("Le président ghanéen Nana Kwame Mensah a reçu une délégation japonaise.",
     "person:nana-kwame-mensah", "GHA", "head_of_state"),
    ("Le vice-ministre coréen des Affaires étrangères, Park Jin-sol, est arrivé à Hanoï.",
     None, "KOR", "deputy_minister"),
    ("Le ministre ivoirien de l'Agriculture, Kouassi Adjoumani, a visité une ferme au Mali.",
     "person:kouassi-adjoumani", "CIV", "minister"),
])
def test_actors_person_role_and_country_from_the_title(extract_text, sentence, person, country,
                                                       role):
    record = extract_text(sentence, PUB)
    people = [a for a in record["actors"] if a["kind"] == "person"]
    found = actor(record, person) if person else (people[0] if people else None)
    assert found is not None, record["actors"]
    assert (found["country"], found["role"]) == (country, role)


def test_actors_known_person_gets_canonical_id_from_a_french_spelling(extract_text):
    record = extract_text("Le chef de la diplomatie russe Sergueï Lavrov a reçu à Moscou son "
                          "homologue indonésienne Retno Marsudi. Lavrov a salué le dynamisme "
                          "des relations.", "2019-05-20")
    lavrov = actor(record, "person:sergei-lavrov")
    assert lavrov is not None, record["actors"]
    assert (lavrov["name"], lavrov["country"], lavrov["role"]) == (
        "Sergei Lavrov", "RUS", "foreign_minister")
    assert [m["text"] for m in lavrov["mentions"]] == ["Sergueï Lavrov", "Lavrov"]
    marsudi = actor(record, "person:retno-marsudi")
    assert (marsudi["country"], marsudi["role"]) == ("IDN", "foreign_minister")


def test_actors_person_ids_are_ascii_slugs(extract_text):
    record = extract_text("Le président ivoirien, Koffi Ahoua Traoré, s'est rendu lundi à Accra. "
                          "Traoré a été reçu par le président ghanéen.", PUB)
    person = actor(record, "person:koffi-ahoua-traore")
    assert person is not None and person["name"] == "Koffi Ahoua Traoré"
    assert (person["country"], person["role"]) == ("CIV", "head_of_state")
    for a in record["actors"]:
        if a["kind"] == "person":
            assert re.fullmatch(r"person:[a-z0-9]+(?:-[a-z0-9]+)*", a["id"])


@pytest.mark.parametrize("name, expected", [
    ("Sergueï Lavrov", "serguei-lavrov"),  # canonical spellings come from the KB
    ("Bùi Thanh Sơn", "bui-thanh-son"),
    ("Koffi Ahoua Traoré", "koffi-ahoua-traore"),
    ("Abdoulaye  N’Diaye", "abdoulaye-n-diaye"),
])
def test_actors_slug(name, expected):
    assert slug(name) == expected


def test_actors_ambassador_acts_for_the_sending_state(extract_text):
    record = extract_text("Le président ghanéen a reçu l'ambassadeur du Japon au Ghana, Hiroshi "
                          "Tanaka.", PUB)
    tanaka = actor(record, "person:hiroshi-tanaka")
    assert tanaka is not None
    assert (tanaka["country"], tanaka["role"]) == ("JPN", "ambassador")


def test_actors_hyphenated_given_name_is_kept_whole(extract_text):
    record = extract_text("Le vice-ministre coréen des Affaires étrangères, Park Jin-sol, est "
                          "arrivé à Hanoï.", PUB)
    assert "person:park-jin-sol" in ids(record, "person")


def test_actors_surname_that_is_a_capital_is_not_a_state(extract_text):
    record = extract_text("Le ministre brésilien des Affaires étrangères, Paulo Ferreira Lima, "
                          "est arrivé à Pretoria.", PUB)
    assert "PER" not in ids(record)
    assert "person:paulo-ferreira-lima" in ids(record, "person")


# ----------------------------------------------------------- organisations


def test_actors_national_body_by_acronym_with_country(extract_text):
    record = extract_text("L'Agence sénégalaise de promotion des exportations (ASEPEX) a signé "
                          "un accord avec le Maroc. L'ASEPEX a salué ce partenariat.", PUB)
    org = actor(record, "org:asepex")
    assert org is not None, record["actors"]
    assert (org["kind"], org["name"], org["country"]) == ("org", "ASEPEX", "SEN")
    assert len(org["mentions"]) == 2


def test_actors_are_listed_states_igos_people_orgs(extract_text):
    record = extract_text("L'Agence sénégalaise de promotion des exportations (ASEPEX) et le "
                          "président ghanéen Nana Kwame Mensah ont salué l'ANASE et le Maroc.",
                          PUB)
    order = {"state": 0, "igo": 1, "person": 2, "org": 3}
    keys = [(order[a["kind"]], a["id"]) for a in record["actors"]]
    assert keys == sorted(keys)
    assert {a["kind"] for a in record["actors"]} == {"state", "igo", "person", "org"}


# ------------------------------------------------- titles, portfolios, sides

def person(index, person_id: str):
    found = index.actors.get(person_id)
    assert found is not None, sorted(index.actors)
    return found


def test_actors_portfolio_in_a_long_title_is_not_a_person(actors_of):
    index = actors_of("Le ministre d'État, ministre des Affaires étrangères, de l'Intégration "
                      "africaine et des Ivoiriens de l'extérieur, Koffi Yao Brou, a eu un "
                      "entretien téléphonique avec son homologue cambodgien.")
    assert {a for a in index.actors if a.startswith("person:")} == {"person:koffi-yao-brou"}
    minister = person(index, "person:koffi-yao-brou")
    assert (minister.country, minister.role) == ("CIV", "foreign_minister")


def test_actors_portfolio_tagged_as_a_name_is_not_a_person(actors_of):
    index = actors_of("Le ministre de la Santé et de l'Hygiène publique, Pierre Dimba, a reçu "
                      "l'ambassadeur du Japon.")
    assert {a for a in index.actors if a.startswith("person:")} == {"person:pierre-dimba"}
    assert person(index, "person:pierre-dimba").role == "minister"


def test_actors_article_inside_a_name_stays_in_the_name(actors_of):
    index = actors_of("Le ministre français des Affaires étrangères, Jean-Yves Le Drian, a reçu "
                      "son homologue malien. Le Drian a salué la coopération.")
    drian = [a for a in index.actors.values() if a.kind == "person"]
    assert len(drian) == 1 and len(drian[0].mentions) == 2


def test_actors_country_in_a_title_is_a_state_not_a_person(actors_of):
    index = actors_of("Le Premier ministre Sok Dara a reçu mardi le président de la République "
                      "de Côte d'Ivoire, Jean Kouassi Bamba, arrivé la veille au Cambodge.")
    assert "CIV" in index.actors and index.actors["CIV"].kind == "state"
    assert {a for a in index.actors if a.startswith("person:")} == {
        "person:sok-dara", "person:jean-kouassi-bamba"}
    guest = person(index, "person:jean-kouassi-bamba")
    assert (guest.country, guest.role) == ("CIV", "head_of_state")


def test_actors_apposition_of_the_person_before_is_not_the_next_ones_title(actors_of):
    index = actors_of("L'accord a été signé par le ministre ivoirien Koffi Yao Brou et par son "
                      "homologue cambodgien, Sok Pheap, ministre des Affaires étrangères, en "
                      "présence de Son Excellence Jean Kouassi Bamba, Président de la "
                      "République, et de Son Excellence Hun Rith, Premier ministre du Royaume du "
                      "Cambodge.")
    assert person(index, "person:jean-kouassi-bamba").role == "head_of_state"
    prime = person(index, "person:hun-rith")
    assert (prime.country, prime.role) == ("KHM", "head_of_government")


def test_actors_open_apposition_keeps_the_title_of_the_next_person(actors_of):
    index = actors_of("Le ministre marocain des Affaires étrangères a reçu son homologue "
                      "comorien, Ali Said Mohamed, porteur d'un message du président Ahmed "
                      "Salim Bakar.")
    assert person(index, "person:ahmed-salim-bakar").role == "head_of_state"


def test_actors_plural_title_is_shared_by_two_coordinated_names(actors_of):
    index = actors_of("Les ministres des Affaires étrangères Lucien Marcel (Bénin) et Pablo "
                      "Ortega (Équateur) se verront lundi à Quito.")
    marcel = person(index, "person:lucien-marcel")
    ortega = person(index, "person:pablo-ortega")
    assert (marcel.country, marcel.role) == ("BEN", "foreign_minister")
    assert (ortega.country, ortega.role) == ("ECU", "foreign_minister")


def test_actors_singular_title_is_not_shared(actors_of):
    index = actors_of("Le président ghanéen Kwame Mensah et Kofi Boateng ont visité Hanoï.")
    assert person(index, "person:kofi-boateng").role is None


def test_actors_counterpart_holds_the_office_of_the_person_met(actors_of):
    index = actors_of("Le Premier ministre Hun Rith a salué la visite. Le ministre ivoirien des "
                      "Affaires étrangères, Koffi Yao Brou, s'est entretenu mardi à Phnom Penh "
                      "avec son homologue Sok Pheap.")
    assert person(index, "person:sok-pheap").role == "foreign_minister"


def test_actors_person_with_a_counterpart_shares_office_and_takes_the_other_side(actors_of):
    index = actors_of("L'accord entre la Côte d'Ivoire et le Cambodge a été signé par le Ministre "
                      "d'État Koffi Yao Brou et par son homologue cambodgien, Sok Pheap, ministre "
                      "des Affaires étrangères.")
    host = person(index, "person:koffi-yao-brou")
    assert (host.country, host.role) == ("CIV", "foreign_minister")


@pytest.mark.parametrize("sentence", [
    "Le ministre béninois doit être reçu jeudi par le Premier ministre Sok Dara.",
    "Le chef de la diplomatie béninoise a été reçu en audience par le Premier ministre Sok Dara.",
    "Le Premier ministre Sok Dara a reçu mardi le ministre béninois des Affaires étrangères.",
])
def test_actors_host_of_one_side_is_on_the_other_side(actors_of, sentence):
    index = actors_of("Le Cambodge et le Bénin ont supprimé les visas diplomatiques. Le Bénin "
                      "veut attirer les investisseurs cambodgiens. " + sentence)
    assert index.dyad == ("BEN", "KHM")
    assert person(index, "person:sok-dara").country == "KHM"


@pytest.mark.parametrize("sentence", [
    # a copula: the nationality describes the person, it is not the other side
    "La visite du président Jean Kouassi Bamba sera la première d'un chef d'État béninois au "
    "Cambodge.",
    # a companion inside the subject is on the same side
    "Le ministre béninois des Affaires étrangères, accompagné du président Jean Kouassi Bamba, "
    "est arrivé à Phnom Penh.",
])
def test_actors_no_side_guessed_without_two_sides_facing(actors_of, sentence):
    index = actors_of("Le Cambodge et le Bénin ont supprimé les visas diplomatiques. Le Bénin "
                      "veut attirer les investisseurs cambodgiens. " + sentence)
    assert person(index, "person:jean-kouassi-bamba").country != "KHM"


PAIR = ("Le ministre cambodgien des Affaires étrangères, Chhem Sokha, a reçu mercredi son "
        "homologue béninois, Romuald Dossou. Cette visite intervient au lendemain de celle du "
        "ministre ivoirien des Affaires étrangères, Koffi Yao Brou, que Chhem Sokha avait reçu "
        "mardi. Les deux hommes avaient notamment discuté de la filière rizicole.")


def test_actors_the_two_men_are_the_two_people_just_named(actors_of):
    index = actors_of(PAIR)
    last = max(m.sentence for m in index.mentions)
    pair = {m.actor_id for m in index.in_sentence(last) if m.kind == "person"}
    assert pair == {"person:chhem-sokha", "person:koffi-yao-brou"}
    assert {m.text for m in index.in_sentence(last) if m.kind == "person"} == {"Les deux hommes"}


def test_actors_the_two_ministers_need_two_people_in_the_sentence_before(actors_of):
    index = actors_of("Le ministre cambodgien des Affaires étrangères, Chhem Sokha, a reçu son "
                      "homologue béninois, Romuald Dossou. Le Bénin veut attirer des "
                      "investisseurs. Les deux ministres ont signé un accord.")
    last = max(m.sentence for m in index.mentions)
    assert not [m for m in index.in_sentence(last) if m.kind == "person"]


# ------------------------------------------------- titles: where they stop, what they map to

def _person(record: dict, person_id: str) -> dict:
    found = actor(record, person_id)
    assert found is not None, record["actors"]
    return found


def test_actors_dateline_is_not_part_of_a_title(extract_text):
    record = extract_text("Lisbonne, 3 mai (AFP) – Le Premier ministre Jan Kowalczyk a démissionné.",
                          PUB)
    person = _person(record, "person:jan-kowalczyk")
    assert person["role"] == "head_of_government" and person["country"] is None


def test_actors_coordinated_person_title_belongs_to_the_next_name(extract_text):
    record = extract_text("Le ministre de l'Intérieur, Jan Kowalczyk, et l'ambassadeur de Suisse "
                          "en Pologne, Anna Berg, ont signé l'accord.", PUB)
    assert _person(record, "person:jan-kowalczyk")["country"] != "CHE"
    berg = _person(record, "person:anna-berg")
    assert (berg["country"], berg["role"]) == ("CHE", "ambassador")


def test_actors_title_with_an_article_in_a_list_is_the_next_persons(extract_text):
    record = extract_text("Ont participé le ministre azerbaïdjanais de l'Économie, Elnur Aliyev, "
                          "le vice-ministre géorgien de la Santé, Lasha Beridze, et des experts.",
                          PUB)
    beridze = _person(record, "person:lasha-beridze")
    assert (beridze["country"], beridze["role"]) == ("GEO", "deputy_minister")


def test_actors_country_where_an_official_is_posted_is_not_his(extract_text):
    record = extract_text("Les échanges ont crû de 20 %, selon le conseiller commercial vietnamien "
                          "en Russie Tran Van Binh.", PUB)
    assert _person(record, "person:tran-van-binh")["country"] == "VNM"


def test_actors_apposition_starting_with_a_preposition_is_not_the_persons(extract_text):
    record = extract_text("Étaient présents M. Carlos Vega, du président du conseil européen "
                          "M. Pierre Dumont et d'autres invités.", PUB)
    assert _person(record, "person:carlos-vega")["role"] is None


@pytest.mark.parametrize("sentence, person, role", [
    ("Le président du gouvernement espagnol, Luis Ortega, est arrivé à Rabat.",
     "person:luis-ortega", "head_of_government"),
    ("Il a rencontré le 1er ministre Tom Kalo à Port-Vila.", "person:tom-kalo",
     "head_of_government"),
    ("La présidente du Conseil national, Anna Keller, a reçu la délégation.",
     "person:anna-keller", "legislator"),
    ("Le président de la chambre haute du Parlement, Igor Smirnov, a salué l'accord.",
     "person:igor-smirnov", "legislator"),
    ("Radu Popescu, secrétaire d'État chargé de l'Europe, a reçu la délégation.",
     "person:radu-popescu", "deputy_minister"),
    ("La secrétaire au Trésor Mary Collins est arrivée à Accra.", "person:mary-collins",
     "minister"),
    ("L'ancien Premier ministre Taro Yamada conduit la délégation.", "person:taro-yamada",
     "other"),
    ("Le secrétaire général du Parti communiste Van Long a reçu la délégation.",
     "person:van-long", "other"),
    ("Le Chef d'Etat haïtien, Jean Baptiste, a lu la déclaration.", "person:jean-baptiste",
     "head_of_state"),
    ("Le chef du renseignement égyptien Omar Fathi était présent.", "person:omar-fathi",
     "head_of_agency"),
])
def test_actors_national_variants_of_titles(extract_text, sentence, person, role):
    assert _person(extract_text(sentence, PUB), person)["role"] == role


@pytest.mark.parametrize("sentence, person, role", [
    ("Le secrétaire général de l'OTAN, Lars Hansen, a reçu le ministre polonais de la Défense.",
     "person:lars-hansen", "head_of_agency"),
    ("La commissaire européenne au Commerce, Eva Lind, a rencontré le ministre brésilien.",
     "person:eva-lind", "official"),
    ("L'émissaire spécial de l'ONU sur la Syrie, Karim Haddad, est arrivé à Genève.",
     "person:karim-haddad", "official"),
])
def test_actors_officials_of_an_organisation_have_no_country(extract_text, sentence, person, role):
    found = _person(extract_text(sentence, PUB), person)
    assert (found["country"], found["role"]) == (None, role)


def test_actors_only_the_title_nearest_the_name_says_whom_it_serves(extract_text):
    record = extract_text("Le président de l'Asean, le président des Philippines, Ramon Diaz, a "
                          "ouvert la réunion.", PUB)
    diaz = _person(record, "person:ramon-diaz")
    assert (diaz["country"], diaz["role"]) == ("PHL", "head_of_state")


def test_actors_country_before_the_title_phrase_is_not_the_persons(extract_text):
    record = extract_text("Tokyo a convoqué l'ambassadeur de Chine depuis l'entrée en fonction du "
                          "Premier ministre Kenji Mori.", PUB)
    assert _person(record, "person:kenji-mori")["country"] != "CHN"


def test_actors_clause_after_a_name_is_not_an_apposition(extract_text):
    record = extract_text("La conversation a porté sur les deux sommets de Kim Chol-su, l'un avec "
                          "le chef de l'État américain.",
                          PUB)
    assert _person(record, "person:kim-chol-su")["country"] is None


def test_actors_title_naming_several_states_defers_to_the_knowledge_base(extract_text):
    record = extract_text("Le ministre coréen a reçu ses homologues chinois et japonais, Wang Yi et "
                          "Fumio Kishida.", "2016-08-24")
    assert actor(record, "person:wang-yi")["country"] == "CHN"


@pytest.mark.parametrize("credit", [
    "(Reportage Paul Martin ; version française Anne Roux)",
    "© Paul Martin/AFP",
])
def test_actors_bylines_and_credits_name_no_actors(extract_text, credit):
    record = extract_text("Le ministre malien des Affaires étrangères a reçu l'ambassadeur. " + credit,
                          PUB)
    assert not ids(record, "person") and "FRA" not in ids(record)


def test_actors_a_credit_word_inside_a_sentence_is_not_a_credit(extract_text):
    record = extract_text("Ce reportage de Paul Martin montre le président malien Ali Touré.", PUB)
    assert actor(record, "person:ali-toure") is not None


def test_actors_side_named_before_the_title_is_the_persons(extract_text):
    record = extract_text("L'accord a été paraphé côté béninois par le ministre des Finances, "
                          "Paul Hounkpè, et côté japonais par l'ambassadeur.", PUB)
    assert _person(record, "person:paul-hounkpe")["country"] == "BEN"


def test_actors_state_named_after_a_venue_preposition_is_a_place(actors_of):
    index = actors_of("Le ministre japonais a rencontré son homologue russe en Indonésie.")
    flags = {m.actor_id: m.place for m in index.mentions if m.kind == "state"}
    assert flags["IDN"] is True and flags["RUS"] is False


def test_actors_state_introduced_by_a_subject_matter_preposition_is_a_topic(actors_of):
    index = actors_of("Le Canada a remercié la Suède pour son travail sur le Mali.")
    flags = {m.actor_id: m.topic for m in index.mentions if m.kind == "state"}
    assert flags["MLI"] is True and flags["SWE"] is False


def test_actors_state_the_act_is_compared_with_stands_aside(actors_of):
    index = actors_of("À l'instar de la France, le Canada impose des sanctions au Mali.")
    flags = {m.actor_id: m.aside for m in index.mentions if m.kind == "state"}
    assert flags == {"FRA": True, "CAN": False, "MLI": False}


def test_actors_dateline_states_are_places(actors_of):
    index = actors_of("OTTAWA, 3 mai (Reuters) - Le Mali a rappelé son ambassadeur au Niger.")
    flags = {m.actor_id: m.place for m in index.mentions if m.kind == "state"}
    assert flags["CAN"] is True and flags["MLI"] is False


def test_actors_capital_after_a_place_preposition_is_a_place(actors_of):
    index = actors_of("Le 25 mai à Addis-abeba, François Hollande a eu des entretiens.")
    assert [m.place for m in index.mentions if m.kind == "state"] == [True]


def test_actors_place_before_a_colon_opening_the_text_is_a_dateline(actors_of):
    index = actors_of("Kigali: Le Tchad a décrété l'expulsion de l'ambassadeur du Qatar.")
    flags = {m.actor_id: m.dateline for m in index.mentions if m.kind == "state"}
    assert flags == {"RWA": True, "TCD": False, "QAT": False}


def test_actors_shared_adjective_goes_to_the_state_the_article_names(actors_of):
    index = actors_of("Le président congolais est arrivé à Brazzaville. Le Congo a salué "
                      "la décision.")
    assert {m.actor_id for m in index.mentions if m.text == "congolais"} == {"COG"}


def test_actors_body_a_candidacy_aims_at_is_a_topic(actors_of):
    index = actors_of("Le Ghana a sollicité le soutien du Mali à la candidature du Togo au "
                      "Conseil de sécurité des Nations unies.")
    flags = {m.actor_id: m.topic for m in index.mentions if m.kind == "igo"}
    assert set(flags.values()) == {True}


def test_actors_organisation_in_an_officials_remit_is_a_topic(actors_of):
    index = actors_of("Son ministre chargé de l'Union africaine a convoqué l'ambassadeur "
                      "marocain.")
    flags = {m.actor_id: m.topic for m in index.mentions if m.kind in ("igo", "state")}
    assert flags == {"igo:african-union": True, "MAR": False}


def test_actors_an_organisation_can_be_a_side_of_the_main_pair(actors_of):
    index = actors_of("L'Union européenne a adopté des sanctions contre le Venezuela. L'UE "
                      "dénonce la répression au Venezuela. Les ministres, réunis à Bruxelles, "
                      "critiquent Caracas.")
    assert index.dyad == ("VEN", "igo:eu")


def test_actors_hyphenated_given_name_is_named_alone_by_its_first_word(actors_of):
    index = actors_of("Le chef de la diplomatie sud-coréenne, Choi Sung-un, a reçu un "
                      "an plus tard son homologue vietnamien. Choi a salué un partenariat solide.")
    alone = {m.text: m.actor_id for m in index.mentions if m.kind == "person"}
    assert alone.get("Choi") == "person:choi-sung-un" and "un" not in alone


def test_actors_francophonie_takes_the_slug_of_its_english_short_name(actors_of):
    index = actors_of("La secrétaire générale de l'OIF a été reçue par le président gabonais.")
    assert "igo:oif" in {m.actor_id for m in index.mentions if m.kind == "igo"}


def test_actors_state_listed_after_a_topic_or_venue_shares_its_role(actors_of):
    index = actors_of("La ministre chilienne et son homologue argentin ont évoqué la "
                      "situation au Soudan, au Yémen et en Somalie, avant de visiter des "
                      "écoles en Bolivie et au Pérou.")
    flags = {m.actor_id: (m.place, m.topic) for m in index.mentions if m.kind == "state"}
    assert flags["YEM"] == (False, True) and flags["SOM"] == (False, True)
    assert flags["PER"][0]  # "et au Pérou" after the venue "en Bolivie"
    assert flags["CHL"] == (False, False) and flags["ARG"] == (False, False)


def test_actors_state_where_people_gather_is_a_venue(actors_of):
    index = actors_of("Le ministre chilien s'est entretenu au Portugal avec son homologue "
                      "brésilien, puis les ministres réunis à Malte ont salué le Pérou.")
    flags = {m.actor_id: m.place for m in index.mentions if m.kind == "state"}
    assert flags == {"CHL": False, "PRT": True, "BRA": False, "MLT": True, "PER": False}


def test_actors_organisation_someone_chairs_does_not_act(actors_of):
    index = actors_of("Le président ghanéen a reçu son homologue togolais, venu saluer son "
                      "travail à la tête de la CEDEAO. La présidence de l'ASEAN a condamné "
                      "l'attaque.")
    flags = {m.actor_id: m.topic for m in index.mentions if m.kind == "igo"}
    assert flags == {"igo:ecowas": True, "igo:asean": False}  # the subject still acts


def test_actors_officials_serve_the_state_envoys_are_accredited_to(extract_text):
    record = extract_text("Le président de la République, Tomas Varga, a reçu mardi deux "
                          "ambassadeurs accrédités en Slovaquie. Le nouvel ambassadeur du Chili, "
                          "Rosa Pinto, lui a remis ses lettres de créance.", PUB)
    assert _person(record, "person:tomas-varga")["country"] == "SVK"


def test_actors_minister_facing_a_state_and_an_organisation_serves_a_state(extract_text):
    record = extract_text("Le ministre des Affaires étrangères, Piet Janssen, a été reçu à Rome "
                          "par Marco Bellini, ministre italien des Affaires étrangères. Ils ont "
                          "parlé de l'UE, du budget de l'UE et de l'avenir de l'Union européenne. "
                          "La Belgique et l'Italie veulent une UE plus forte.", PUB)
    assert _person(record, "person:piet-janssen")["country"] == "BEL"


def test_actors_unplaced_president_serves_the_state_an_organisation_deals_with(extract_text):
    """An article about an organisation dealing with one state (named mostly
    as a topic or venue): a president whose country it does not give is that
    state's."""
    record = extract_text(
        "Les chefs d'État de la Cédéao ont tenu un sommet sur la situation au Burkina Faso. "
        "Une mission de la Cédéao sera envoyée au Burkina Faso. La Cédéao soutient la tenue "
        "d'élections au Burkina Faso. L'organisation régionale a exigé la libération du "
        "président Issa Tarama.", "2022-09-14")
    person = next(a for a in record["actors"] if a["id"] == "person:issa-tarama")
    assert person["country"] == "BFA"


def test_actors_capital_used_as_a_first_name_is_no_state(extract_text):
    """"le ministre ... Santiago Mbemba": a capital's name the parse joins to
    a surname is a person's first name, not that capital's state."""
    record = extract_text("Le ministre gabonais a signé un accord avec le ministre congolais de "
                          "l'industrie et du commerce Santiago Mbemba.", "2022-09-14")
    assert "CHL" not in {a["id"] for a in record["actors"]}, record["actors"]


def test_actors_known_person_named_by_a_longer_or_shorter_form_of_the_name(extract_text):
    record = extract_text("Le président guatémaltèque a reçu mardi Manuel López Obrador au "
                          "palais national.", "2020-03-10")
    found = actor(record, "person:andres-manuel-lopez-obrador")
    assert found is not None, record["actors"]
    assert (found["country"], found["role"]) == ("MEX", "head_of_state")
