"""Events: PLOVER type and mode, status (modality), parties, sectors, date, evidence."""
from __future__ import annotations

import pytest
from conftest import assert_evidence_offsets, events_of

PUB = "2022-09-14"  # a Wednesday

PHONE = ("Le Premier ministre malaisien Farid Hashim s'est entretenu au téléphone avec le "
         "président indonésien. Les deux dirigeants ont discuté de la sécurité maritime.")
VISIT = ("Le président sénégalais est arrivé lundi à Banjul pour une visite d'État de deux jours. "
         "Il a été accueilli à l'aéroport par le président gambien. Les deux chefs d'État ont eu des entretiens sur la sécurité et le commerce. Ils ont "
         "ensuite signé un accord de coopération dans le domaine de la pêche.")


def only_event(record: dict, type_: str) -> dict:
    found = events_of(record, type_)
    assert len(found) == 1, record["events"]
    return found[0]


def test_events_phone_call_is_consult_phone(extract_text):
    record = extract_text(PHONE, PUB)
    call = only_event(record, "CONSULT")
    assert (call["mode"], call["status"]) == ("phone", "done")
    assert call["parties"] == ["IDN", "MYS"]
    assert call["source"] == ["MYS"] and call["target"] == ["IDN"]
    assert call["people"] == ["person:farid-hashim"]
    assert call["plover"] == {"event": "CONSULT", "mode": "phone", "context": ["military"]}
    assert {"maritime", "security"} <= set(call["sectors"])


def test_events_follow_up_sentence_is_evidence_of_the_same_call(extract_text):
    record = extract_text(PHONE, PUB)
    assert len(record["events"]) == 1
    call = record["events"][0]
    assert [e["sentence"][:12] for e in call["evidence"]] == ["Le Premier m", "Les deux dir"]
    assert_evidence_offsets(record)


@pytest.mark.parametrize("sentence", [
    "Le roi du Maroc a eu un entretien téléphonique avec le président français.",
    "Le roi du Maroc s'est entretenu par téléphone avec le président français.",
])
def test_events_phone_call_phrasings(extract_text, sentence):
    call = only_event(extract_text(sentence, PUB), "CONSULT")
    assert (call["mode"], call["status"], call["parties"]) == ("phone", "done", ["FRA", "MAR"])


def test_events_visit_with_talks_is_one_consult_visit(extract_text):
    record = extract_text(VISIT, PUB)
    visit = only_event(record, "CONSULT")
    assert (visit["mode"], visit["status"]) == ("visit", "done")
    assert (visit["source"], visit["target"], visit["parties"]) == (["SEN"], ["GMB"],
                                                                    ["GMB", "SEN"])
    assert visit["date"] == {"value": "2022-09-12", "granularity": "day", "text": "lundi"}
    assert visit["location"] == {"name": "Banjul", "country": "GMB"}
    assert len(visit["evidence"]) >= 2  # arrival, welcome, talks: one visit
    assert {"security", "trade"} <= set(visit["sectors"])


def test_events_meeting_and_signing_during_it_are_two_events(extract_text):
    record = extract_text(VISIT, PUB)
    assert sorted(e["type"] for e in record["events"]) == ["AGREE", "CONSULT"]
    signing = only_event(record, "AGREE")
    assert (signing["mode"], signing["status"], signing["parties"]) == ("sign", "done",
                                                                        ["GMB", "SEN"])
    # signing an agreement is SUPPORT in strict PLOVER coding
    assert signing["plover"]["event"] == "SUPPORT"
    assert signing["agreement"] == record["agreements"][0]["id"]


def test_events_visit_to_a_capital_then_talks_is_one_event(extract_text):
    record = extract_text("Le président sénégalais est arrivé lundi à Banjul pour une visite "
                          "d'État. Les deux chefs d'État ont eu des entretiens sur la sécurité.",
                          PUB)
    visit = only_event(record, "CONSULT")
    assert visit["parties"] == ["GMB", "SEN"] and len(visit["evidence"]) == 2


def test_events_planned_visit(extract_text):
    record = extract_text("Le président sénégalais effectuera une visite officielle en Gambie "
                          "le mois prochain.", PUB)
    visit = only_event(record, "CONSULT")
    assert (visit["mode"], visit["status"], visit["parties"]) == ("visit", "planned",
                                                                  ["GMB", "SEN"])
    assert visit["date"] == {"value": "2022-10", "granularity": "month",
                             "text": "le mois prochain"}
    assert visit["plover"]["event"] == "AGREE"  # a planned CONSULT is AGREE in PLOVER


def test_events_cancelled_visit_failed(extract_text):
    record = extract_text("Le Premier ministre malien a annulé sa visite en Algérie.", PUB)
    visit = only_event(record, "CONSULT")
    assert (visit["status"], visit["parties"]) == ("failed", ["DZA", "MLI"])


def test_events_negated_meeting_failed(extract_text):
    record = extract_text("Le ministre tunisien n'a pas rencontré son homologue libyen.", PUB)
    meeting = only_event(record, "CONSULT")
    assert (meeting["status"], meeting["parties"]) == ("failed", ["LBY", "TUN"])


def test_events_invitation_and_its_acceptance_are_one_planned_visit(extract_text):
    record = extract_text("Le président kényan a invité son homologue tanzanien à effectuer une "
                          "visite officielle à Nairobi. Le président tanzanien a accepté "
                          "l'invitation.", PUB)
    visit = only_event(record, "CONSULT")
    assert (visit["mode"], visit["status"], visit["parties"]) == ("visit", "planned",
                                                                  ["KEN", "TZA"])
    assert len(visit["evidence"]) == 2
    assert len(record["events"]) == 1


def test_events_signing_expected_soon_is_planned(extract_text):
    record = extract_text("Un mémorandum d'entente sur la coopération agricole entre le Sénégal "
                          "et le Maroc devrait être signé prochainement.", PUB)
    signing = only_event(record, "AGREE")
    assert (signing["mode"], signing["status"], signing["parties"]) == ("sign", "planned",
                                                                        ["MAR", "SEN"])
    assert signing["plover"]["event"] == "AGREE"  # a promise to sign stays AGREE


@pytest.mark.parametrize("sentence, source, target", [
    ("Le ministre ghanéen de la Santé a demandé à l'Allemagne de fournir davantage de vaccins.",
     ["GHA"], ["DEU"]),
    ("Le ministre égyptien a exhorté l'Éthiopie à reprendre les négociations.",
     ["EGY"], ["ETH"]),
    ("La Chine a exhorté les Philippines à cesser leurs provocations.", ["CHN"], ["PHL"]),
])
def test_events_request(extract_text, sentence, source, target):
    record = extract_text(sentence, PUB)
    request = only_event(record, "REQUEST")
    assert request["status"] == "requested"
    assert (request["source"], request["target"]) == (source, target)
    assert request["parties"] == sorted(source + target)
    assert len(record["events"]) == 1  # the content of the request is not an event


def test_events_offer_is_agree_offer_proposed(extract_text):
    record = extract_text("Le ministre tunisien a proposé à la Jordanie de créer un comité mixte.",
                          PUB)
    offer = only_event(record, "AGREE")
    assert (offer["mode"], offer["status"], offer["parties"]) == ("offer", "proposed",
                                                                  ["JOR", "TUN"])
    assert (offer["source"], offer["target"]) == (["TUN"], ["JOR"])


@pytest.mark.parametrize("sentence, type_, source, target", [
    ("Le président argentin a remercié le Chili pour son aide.", "SUPPORT", ["ARG"], ["CHL"]),
    ("Le Japon a condamné le tir de missile de la Corée du Nord.", "ACCUSE", ["JPN"], ["PRK"]),
    ("Le Japon a fait don de 300 000 doses de vaccin au Laos.", "AID", ["JPN"], ["LAO"]),
])
def test_events_support_accuse_aid(extract_text, sentence, type_, source, target):
    record = extract_text(sentence, PUB)
    event = only_event(record, type_)
    assert (event["status"], event["source"], event["target"]) == ("done", source, target)


def test_events_aid_of_vaccines_is_health(extract_text):
    record = extract_text("Le Japon a fait don de 300 000 doses de vaccin au Laos.", PUB)
    aid = only_event(record, "AID")
    assert aid["sectors"] == ["health"]
    assert aid["plover"] == {"event": "AID", "mode": None, "context": ["health"]}


def test_events_capital_as_actor(extract_text):
    record = extract_text("Pékin a salué la décision du gouvernement philippin.", PUB)
    praise = only_event(record, "SUPPORT")
    assert "CHN" in praise["source"] and "CHN" in praise["parties"]


def test_events_topic_state_is_not_a_party(extract_text):
    record = extract_text("Le ministre japonais a rencontré son homologue vietnamien pour "
                          "évoquer la situation au Myanmar.", PUB)
    meeting = only_event(record, "CONSULT")
    assert meeting["parties"] == ["JPN", "VNM"]


def test_events_have_sequential_ids_and_valid_evidence(extract_text):
    for text in (PHONE, VISIT):
        record = extract_text(text, PUB)
        assert [e["id"] for e in record["events"]] == [
            f"e{i}" for i in range(1, len(record["events"]) + 1)]
        assert_evidence_offsets(record)
        for event in record["events"]:
            assert 0 < event["confidence"] <= 1
            assert event["evidence"] == sorted(event["evidence"], key=lambda e: e["start"])


def test_events_headline_and_related_links_are_not_evidence(extract_text):
    text = ("Le Japon et le Laos signent un accord\n"
            ">> La Chine a condamné le Japon\n"
            "Le ministre japonais a rencontré mardi son homologue laotien à Vientiane.\n")
    record = extract_text(text, PUB, body_start=text.index(">>"))
    assert [e["type"] for e in record["events"]] == ["CONSULT"]
    assert record["events"][0]["evidence"][0]["sentence"].startswith("Le ministre japonais")


def test_events_parties_never_empty(extract_text):
    record = extract_text("Six ministres ont participé à la réunion.", PUB)
    for event in record["events"]:
        assert event["parties"], event


def test_events_wednesday_is_not_maritime(extract_text):
    record = extract_text("Le Kenya et la Tanzanie ont signé mercredi un accord commercial.", PUB)
    assert "maritime" not in only_event(record, "AGREE")["sectors"]


def test_events_phone_call_is_not_a_later_visit(extract_text):
    record = extract_text(
        "Le ministre sénégalais des Affaires étrangères a eu mardi un entretien téléphonique "
        "avec son homologue malien. L'échange a été consacré aux préparatifs de la visite "
        "d'État que le président sénégalais effectuera au Mali en mai. La visite du président "
        "sera la première depuis dix ans.", published="2025-04-08")
    consults = events_of(record, "CONSULT")
    modes = sorted((e["mode"], e["status"]) for e in consults)
    assert modes == [("phone", "done"), ("visit", "planned")]
    call = next(e for e in consults if e["mode"] == "phone")
    assert not any("première" in v["sentence"] for v in call["evidence"])


@pytest.mark.parametrize("sentence", [
    "Les ressortissants sénégalais pourront entrer et séjourner au Mali sans visa.",
    "L'accord permettra aux ressortissants des deux pays de séjourner trente jours sans visa.",
])
def test_events_private_people_staying_is_not_a_visit(extract_text, sentence):
    assert events_of(extract_text(sentence, published="2025-05-07"), "CONSULT") == []


def test_events_signing_told_again_is_one_event(extract_text):
    record = extract_text(
        "Le Sénégal et le Mali ont signé le mardi 6 mai 2025 à Dakar un accord sur la pêche. "
        "L'accord a été signé par les deux ministres des Affaires étrangères, au cours de la "
        "visite effectuée du 5 au 7 mai 2025.", published="2025-05-07")
    assert len(events_of(record, "AGREE")) == 1


def test_events_two_people_just_named_are_the_sides(extract_text):
    record = extract_text(
        "DAKAR, 5 mars 2025 - Le ministre sénégalais des Affaires étrangères, Ousmane Faye, "
        "s'est entretenu mercredi à Dakar avec son homologue gambien, Lamin Jallow. "
        "Cette visite intervient au lendemain de celle du ministre malien des Affaires "
        "étrangères, Moussa Traoré, qu'Ousmane Faye avait reçu mardi. Les deux hommes avaient "
        "notamment discuté de la sécurité aux frontières.", published="2025-03-05")
    retrospective = [e for e in events_of(record, "CONSULT") if e["parties"] == ["MLI", "SEN"]]
    assert retrospective and retrospective[0]["date"]["value"] == "2025-03-04"
    assert not any(set(e["parties"]) == {"GMB", "MLI", "SEN"} for e in record["events"])


def test_events_one_meeting_per_counterpart_named_side_by_side(extract_text):
    record = extract_text("Le ministre turc des Affaires étrangères s'est entretenu mardi avec "
                          "ses homologues japonais et iranien.", PUB)
    meetings = events_of(record, "CONSULT")
    assert sorted(tuple(e["parties"]) for e in meetings) == [("IRN", "TUR"), ("JPN", "TUR")]


def test_events_one_gathering_of_three_stays_one_event(extract_text):
    record = extract_text("Le président chinois a tenu mardi une réunion trilatérale avec son "
                          "homologue russe et le président mongol.", PUB)
    meetings = events_of(record, "CONSULT")
    assert [e["parties"] for e in meetings] == [["CHN", "MNG", "RUS"]]


def test_events_group_reference_takes_the_parties_of_the_act_told_before(parse_text):
    from diplograph.stages.actors import find_actors
    from diplograph.stages.context import participants

    parsed = parse_text("Le président chinois a tenu mardi une réunion trilatérale avec son "
                        "homologue russe et le président mongol. Les dirigeants ont évoqué "
                        "la sécurité régionale.", PUB)
    actors = find_actors(parsed)
    second = parsed.readable()[1]
    who = participants(parsed, actors, second, current=("CHN", "MNG", "RUS"))
    assert who.parties == ["CHN", "MNG", "RUS"]


def _types(extract_text, text: str) -> list[str]:
    return sorted(e["type"] for e in extract_text(text, PUB)["events"])


def test_events_decision_gives_way_to_the_one_sided_act_it_wraps(extract_text):
    assert _types(extract_text, "Le Ghana a décidé de suspendre sa coopération militaire "
                                "avec le Togo.") == ["SANCTION"]


def test_events_decision_is_an_agreement_only_when_several_sides_take_it(extract_text):
    assert _types(extract_text, "Le Ghana et le Togo ont décidé d'explorer de nouvelles "
                                "pistes de coopération.") == ["AGREE"]
    assert _types(extract_text, "Le Ghana peut souverainement décider de l'exploitation "
                                "de ses ressources, a dit le Togo.") == []
    assert _types(extract_text, "Le Ghana a décidé d'accentuer la pression sur le Togo.") == []


def test_events_recalled_envoy_and_closed_border_are_sanctions(extract_text):
    assert _types(extract_text, "Le Ghana a rappelé son ambassadeur au Togo.") == ["SANCTION"]
    assert _types(extract_text, "Le Ghana a annoncé la fermeture de sa frontière avec "
                                "le Togo.") == ["SANCTION"]
    assert _types(extract_text, "Le Ghana a rappelé au Togo l'importance du dialogue.") == []


def test_events_stated_will_to_act_is_a_planned_agreement(extract_text):
    record = extract_text("Le Ghana et le Togo ont exprimé leur volonté de renforcer "
                          "leurs échanges commerciaux.", PUB)
    pledge = only_event(record, "AGREE")
    assert pledge["status"] == "planned"
    assert _types(extract_text, "Le Ghana et le Togo ont souligné leur intérêt pour "
                                "la culture.") == []


def test_events_setting_up_a_body_is_an_agreement(extract_text):
    assert _types(extract_text, "Le Ghana et le Togo ont mis en place un comité "
                                "mixte.") == ["AGREE"]


def test_events_expressed_appreciation_is_support(extract_text):
    assert _types(extract_text, "Le ministre ghanéen a exprimé son appréciation du rôle "
                                "du Togo.") == ["SUPPORT"]


def test_events_act_named_as_a_document_topic_is_no_act(extract_text):
    assert _types(extract_text, "Le Ghana et le Togo ont étudié un projet sur la création "
                                "d'une commission mixte.") == []
    assert _types(extract_text, "Le Ghana et le Togo ont signé un mémorandum sur la "
                                "coordination des secours.") == ["AGREE"]


def test_events_expressed_concern_is_an_accusation(extract_text):
    assert _types(extract_text, "Le Ghana a exprimé sa préoccupation au Togo.") == ["ACCUSE"]


def test_events_participle_describing_a_thing_is_no_act(extract_text):
    assert _types(extract_text, "Les diplomates togolais expulsés par le Ghana sont "
                                "rentrés à Lomé.") == []


@pytest.mark.parametrize("sentence", [
    "Le ministre chinois des Affaires étrangères a visité lundi la Tanzanie.",
    "Le ministre chinois des Affaires étrangères s'est déplacé lundi en Tanzanie.",
    "Le séjour du ministre chinois des Affaires étrangères en Tanzanie a duré deux jours.",
])
def test_events_visit_verbs_and_nouns_come_as_families(extract_text, sentence):
    visit = only_event(extract_text(sentence, PUB), "CONSULT")
    assert (visit["mode"], visit["parties"]) == ("visit", ["CHN", "TZA"])


def test_events_a_sanction_covers_what_its_own_phrase_names_a_meeting_its_sentence(extract_text):
    record = extract_text("Lors d'une réunion sur le commerce et le tourisme, le ministre japonais "
                          "a annoncé que son pays imposera des sanctions à la Corée du Nord.", PUB)
    sectors = {e["type"]: e["sectors"] for e in record["events"]}
    assert sectors == {"CONSULT": ["tourism", "trade"], "SANCTION": []}


def test_events_dateline_city_is_no_host_of_a_visit(extract_text):
    record = extract_text("SÉOUL (Reuters) - La délégation russe est arrivée en Corée du Nord "
                          "pour une visite de trois jours.", PUB)
    assert {tuple(e["parties"]) for e in events_of(record, "CONSULT")} == {("PRK", "RUS")}


def test_events_an_organisations_official_acts_for_it(extract_text):
    record = extract_text("Le secrétaire général de l'OTAN, Henrik Larsen, a accueilli mardi "
                          "le roi de Norvège. M. Larsen a remercié la Norvège pour son "
                          "engagement.", PUB)
    thanks = only_event(record, "SUPPORT")
    assert thanks["parties"] == ["NOR", "igo:nato"]


@pytest.mark.parametrize("sentence, type_, mode", [
    # function words in patterns are matched by their lemma in context ("d'", "des" -> de/un)
    ("Le Vanuatu et la Chine ont établi des relations diplomatiques mardi.", "AGREE", "agree"),
    ("Le Japon et la Corée du Sud se sont mis d'accord mardi sur un calendrier.", "AGREE",
     "agree"),
    ("Le président français s'est entretenu au téléphone mardi avec son homologue ivoirien.",
     "CONSULT", "phone"),
])
def test_events_patterns_with_function_words_match(extract_text, sentence, type_, mode):
    (event,) = events_of(extract_text(sentence, PUB), type_)
    assert event["mode"] == mode


def test_events_organisation_hosting_another_gathering_is_no_side(extract_text):
    record = extract_text("Le ministre turc Mevlut Cavusoglu a rencontré jeudi son homologue "
                          "russe Sergueï Lavrov, à l'occasion de la réunion des ministres des "
                          "Affaires étrangères de l'ASEAN.", PUB)
    meetings = [e for e in events_of(record, "CONSULT") if e["mode"] != "multilateral"]
    assert meetings and meetings[0]["parties"] == ["RUS", "TUR"]


def test_events_both_sides_with_one_named_takes_the_host(extract_text):
    record = extract_text("Le ministre a reçu les ambassadeurs d'Inde, du Brésil et de Norvège. "
                          "Lors d'une audience accordée à l'ambassadeur norvégien à la fin de son "
                          "séjour au Maroc, les deux parties ont salué l'excellence des "
                          "relations bilatérales.", PUB)
    assert ["MAR", "NOR"] in [e["parties"] for e in events_of(record, "SUPPORT")]


def test_events_status_cue_in_a_relative_clause_is_not_the_acts(extract_text):
    record = extract_text("Les présidents sénégalais et libérien se sont entretenus. Ils sont "
                          "convenus d'accélérer les discussions sur un accord de pêche, dont le "
                          "projet est en cours de négociation.", PUB)
    assert [e["status"] for e in events_of(record, "AGREE")] == ["done"]


def test_events_cited_source_is_no_party(extract_text):
    record = extract_text("D'après le ministre nigérien des Affaires étrangères, Amadou Sow, le "
                          "sommet de la Cedeao a décidé de suspendre le Mali.", PUB)
    assert all("NER" not in e["parties"] for e in record["events"]) and record["events"]


def test_events_visit_at_an_invitation_is_one_visit_not_a_planned_one(extract_text):
    record = extract_text("Le président du Ghana effectue une visite officielle au Togo, "
                          "à l'invitation de son homologue togolais.", PUB)
    assert [(e["type"], e["status"]) for e in record["events"]] == [("CONSULT", "done")]


TOUR = ("Le Premier ministre indien Ravi Kumar a entamé mardi une visite officielle en Argentine. "
        "Le 21 mai, Ravi Kumar se rendra en Uruguay et il continuera ensuite sa tournée au "
        "Paraguay et en Bolivie.")


def test_events_tour_gives_one_visit_per_stop(extract_text):
    record = extract_text(TOUR, "2015-05-19")
    visits = sorted(e["parties"] for e in events_of(record, "CONSULT"))
    assert visits == [["ARG", "IND"], ["BOL", "IND"], ["IND", "PRY"], ["IND", "URY"]]
    for visit in events_of(record, "CONSULT"):
        assert visit["source"] == ["IND"]


def test_events_legs_named_by_leg_nouns_give_one_visit_each(extract_text):
    record = extract_text("La ministre péruvienne des Affaires étrangères, Ana Quispe, est "
                          "rentrée de son voyage en Europe. Et l'escale de Pologne (avant celles "
                          "de la Hongrie et de l'Autriche), qui a duré deux jours, s'est bien "
                          "passée.", PUB)
    visits = sorted(e["parties"] for e in events_of(record, "CONSULT"))
    assert visits == [["AUT", "PER"], ["HUN", "PER"], ["PER", "POL"]]
    for visit in events_of(record, "CONSULT"):
        assert visit["source"] == ["PER"]


def test_events_stop_after_a_venue_goes_on_with_the_traveller(extract_text):
    record = extract_text("La vice-présidente américaine a rencontré mercredi des femmes "
                          "entrepreneurs. Il s'agit de son dernier engagement à Accra avant de "
                          "se rendre en Tanzanie.", PUB)
    trip = [e for e in events_of(record, "CONSULT") if "TZA" in e["parties"]]
    assert [(e["parties"], e["status"]) for e in trip] == [(["TZA", "USA"], "planned")]


def test_events_trade_figures_are_one_cooperation_when_they_are_the_news(extract_text):
    text = ("Le commerce bilatéral entre le Ghana et la Thaïlande a atteint 620 millions de "
            "dollars en 2021. Durant l'année, la Thaïlande a exporté pour 400 millions de "
            "dollars de biens vers le Ghana.")
    record = extract_text(text, PUB)
    trade = only_event(record, "COOPERATE")
    assert trade["parties"] == ["GHA", "THA"] and len(trade["evidence"]) == 2


def test_events_trade_figures_beside_a_meeting_are_background(extract_text):
    text = ("Le président ghanéen a reçu lundi l'ambassadeur du Vietnam. Les échanges commerciaux "
            "entre les deux pays ont atteint 620 millions de dollars en 2021.")
    record = extract_text(text, PUB)
    assert events_of(record, "COOPERATE") == []


def test_events_blame_named_by_a_participle_with_its_author(extract_text):
    text = ("Le Chili a annoncé jeudi la construction d'un barrage sur le fleuve frontalier, un "
            "projet qualifié d'« inacceptable » par la Bolivie.")
    record = extract_text(text, PUB)
    assert only_event(record, "ACCUSE")["parties"] == ["BOL", "CHL"]


def test_events_several_unnamed_doers_go_on_with_the_last_sides(extract_text):
    text = ("Les ministres des Affaires étrangères du Pérou, du Chili et de l'Équateur se sont "
            "retrouvés à Lima le 3 mars 2023. Ils ont convenu d'intensifier la coopération "
            "contre la pêche illégale.")
    record = extract_text(text, PUB)
    assert only_event(record, "AGREE")["parties"] == ["CHL", "ECU", "PER"]


def test_events_both_sides_with_one_named_take_the_partner_of_the_last_meeting(extract_text):
    text = ("Le Premier ministre norvégien Jonas Berg a eu lundi un entretien téléphonique avec le "
            "président finlandais Mikko Laine. Mikko Laine a accusé la Russie d'avoir menacé "
            "l'Estonie et la Lettonie. L'Estonie et la Lettonie ont demandé à la Russie de retirer "
            "ses troupes. L'appel a été lancé à l'initiative de la Norvège et les deux parties ont "
            "convenu de rester en contact.")
    record = extract_text(text, PUB)
    assert only_event(record, "AGREE")["parties"] == ["FIN", "NOR"]


def test_events_bare_title_as_subject_is_the_one_holder_named_before(extract_text):
    text = ("Le chef de la diplomatie chilienne, Ana Torres, a rencontré à Genève ses homologues "
            "du Pérou et de la Bolivie. Le mardi 4 mars, le ministre des Affaires étrangères a "
            "rencontré le secrétaire général de l'OTAN.")
    record = extract_text(text, PUB)
    assert ["CHL", "igo:nato"] in [e["parties"] for e in events_of(record, "CONSULT")]


def test_events_il_goes_on_with_the_subject_not_the_counterpart_just_named(extract_text):
    text = ("Le ministre ghanéen des Affaires étrangères, Kwame Mensah, a rencontré son homologue "
            "du Togo, Kodjo Agbeko. Les deux ministres ont discuté du commerce. Il a ensuite "
            "rencontré le ministre des Affaires étrangères du Bénin, Paul Hounsou.")
    record = extract_text(text, PUB)
    assert ["BEN", "GHA"] in [e["parties"] for e in events_of(record, "CONSULT")]


def test_events_pronoun_chain_keeps_the_traveller_past_the_hosts_met(extract_text):
    text = ("La ministre canadienne des Affaires étrangères, Claire Dubois, est arrivée lundi au "
            "Kenya. Elle a rencontré le président kényan William Otieno. Elle a aussi retrouvé le "
            "président tanzanien Jomo Kariuki à Nairobi. Elle se rendra vendredi en Ouganda, où "
            "elle s'entretiendra avec le Premier ministre Robert Nsubuga.")
    record = extract_text(text, PUB)
    meetings = [e["parties"] for e in events_of(record, "CONSULT")]
    assert ["CAN", "UGA"] in meetings and ["TZA", "UGA"] not in meetings


def test_events_host_of_unknown_country_is_the_side_the_meeting_leaves_out(extract_text):
    text = ("Les travaux de la réunion tripartite (Kenya, Ouganda et Rwanda) sur le Soudan du Sud "
            "se sont ouverts mardi à Nairobi. Le ministre des Affaires étrangères, Joseph Mwangi, a "
            "présidé la réunion à laquelle participent ses homologues ougandais, Peter Okello, et "
            "rwandais, Eric Habimana.")
    record = extract_text(text, PUB)
    assert [e["parties"] for e in events_of(record, "CONSULT")] == [["KEN", "RWA", "UGA"]]


def test_events_support_with_one_side_goes_to_its_last_partner_met(extract_text):
    text = ("Le président chilien Gabriel Rojas a reçu lundi son homologue uruguayen Martín Sosa. "
            "La veille, le Pérou avait dénoncé la Bolivie et le Pérou a rappelé son ambassadeur en "
            "Bolivie. Par ailleurs, l'Uruguay a confirmé son soutien à la réforme des retraites.")
    record = extract_text(text, PUB)
    assert only_event(record, "SUPPORT")["parties"] == ["CHL", "URY"]


def test_events_state_support_is_discussed_for_is_not_a_party(extract_text):
    record = extract_text("Le ministre chilien et son homologue argentin ont évoqué le soutien "
                          "à la Bolivie et à l'Équateur. Le Pérou a réaffirmé son soutien au "
                          "Paraguay.", PUB)
    assert only_event(record, "CONSULT")["parties"] == ["ARG", "CHL"]
    assert only_event(record, "SUPPORT")["parties"] == ["PER", "PRY"]  # support given


def test_events_one_sides_own_wish_naming_no_one_else_is_no_agreement(extract_text):
    assert _types(extract_text, "Le président ghanéen a affiché sa volonté de porter "
                                "l'affaire devant la justice internationale.") == []
    assert _types(extract_text, "Le président ghanéen a exprimé son souhait de travailler "
                                "avec le Togo sur l'énergie solaire.") == ["AGREE"]


def test_events_arrival_of_things_told_by_a_second_verb_is_no_visit(extract_text):
    assert _types(extract_text, "À ce jour, trois navires transportant 50 tonnes de riz en "
                                "provenance du Maroc sont arrivés au Sénégal.") == []
    assert _types(extract_text, "Le ministre marocain a quitté Rabat et est arrivé lundi "
                                "au Sénégal.") == ["CONSULT"]


def test_events_worry_about_a_situation_blames_no_one(extract_text):
    text = ("Le Ghana et le Togo ont partagé leur préoccupation quant à la situation dans le nord "
            "du Mali, appelant au respect de l'intégrité territoriale du Mali.")
    assert _types(extract_text, text) == ["REQUEST"]
    assert _types(extract_text, "Le Ghana a exprimé sa préoccupation concernant les activités "
                                "militaires du Togo à la frontière.") == ["ACCUSE"]


def test_events_call_for_a_quoted_aim_is_a_request(extract_text):
    assert _types(extract_text, "Le Ghana a appelé « à la retenue » le Togo.") == ["REQUEST"]


def test_events_signing_named_with_a_demonstrative_is_told_before(nlp):
    from diplograph.lang import load_language
    from diplograph.stages.triggers import Trigger, back_reference

    lang = load_language("fr")
    sign = Trigger(type="AGREE", mode="sign", status=None, weak=False, needs=None, not_with=(),
                   head=0, size=1)
    doc = nlp("Après cette signature, le ministre chilien a visité le port de Callao.")
    head = next(t for t in doc if t.lower_ == "signature")
    assert back_reference(head, sign, lang) == "told"
    doc = nlp("La signature de l'accord a eu lieu mardi à Lima.")
    head = next(t for t in doc if t.lower_ == "signature")
    assert back_reference(head, sign, lang) is None


def test_events_condemned_to_a_fate_is_no_accusation(extract_text):
    text = ("Si la crise dure, la région sera condamnée au désastre, a averti le Ghana à propos "
            "du Togo.")
    assert "ACCUSE" not in _types(extract_text, text)
    assert _types(extract_text, "Le Ghana a condamné l'attaque contre son ambassade "
                                "au Togo.") == ["ACCUSE"]


def test_events_a_matter_that_demands_something_is_no_request(extract_text):
    assert _types(extract_text, "Le Ghana et le Togo ont de nombreux dossiers en suspens qui "
                                "demandent des consultations régulières.") == []
    assert _types(extract_text, "La situation à la frontière exige une réponse rapide du Ghana "
                                "et du Togo.") == []
    assert _types(extract_text, "Le Ghana a demandé au Togo de rouvrir la "
                                "frontière.") == ["REQUEST"]


def test_events_judging_an_act_needed_is_a_call_for_it(extract_text):
    text = ("Le roi du Maroc a reçu mardi le président mauritanien. Les deux dirigeants ont "
            "estimé indispensable une réponse rapide des bailleurs face à la sécheresse.")
    record = extract_text(text, PUB)
    assert only_event(record, "REQUEST")["parties"] == ["MAR", "MRT"]


def test_events_judging_aid_needed_leaves_the_aid_the_act(extract_text):
    text = ("Le Japon a jugé nécessaire d'envoyer des vivres au Népal après les inondations.")
    record = extract_text(text, PUB)
    assert events_of(record, "REQUEST") == []
    assert only_event(record, "AID")["parties"] == ["JPN", "NPL"]


def test_events_officials_dispatched_somewhere_are_a_visit(extract_text):
    text = ("Le Kenya a dépêché jeudi à Juba son ministre des Affaires étrangères pour apaiser "
            "la crise avec le Soudan du Sud.")
    record = extract_text(text, PUB)
    visit = only_event(record, "CONSULT")
    assert visit["mode"] == "visit" and visit["parties"] == ["KEN", "SSD"]


def test_events_a_delegation_sent_somewhere_is_a_visit_to_that_host(extract_text):
    text = ("Le Gabon a envoyé mardi une délégation au Cameroun pour préparer le sommet. "
            "Une mission de l'Union africaine sera envoyée au Tchad la semaine prochaine.")
    record = extract_text(text, PUB)
    visits = events_of(record, "CONSULT")
    assert sorted(tuple(v["parties"]) for v in visits) == [
        ("CMR", "GAB"), ("TCD", "igo:african-union")]
    assert visits[0]["mode"] == "visit"


def test_events_reconsidering_ties_with_the_other_is_a_threat(extract_text):
    text = ("Le Pérou va réexaminer ses relations avec la Bolivie après l'incident frontalier, "
            "a annoncé le gouvernement péruvien.")
    record = extract_text(text, PUB)
    assert only_event(record, "THREATEN")["parties"] == ["BOL", "PER"]


def test_events_relations_worsening_is_no_threat(extract_text):
    text = ("La dégradation des relations entre le Pérou et la Bolivie inquiète les voisins.")
    record = extract_text(text, PUB)
    assert events_of(record, "THREATEN") == []


def test_events_a_sitting_of_a_gathering_of_states_is_a_meeting(extract_text):
    text = ("Le Bénin a accueilli jeudi à Cotonou la 14e session de la Conférence des chefs "
            "d'État de la CEDEAO.")
    record = extract_text(text, PUB)
    meeting = only_event(record, "CONSULT")
    assert meeting["parties"] == ["BEN", "igo:ecowas"] and meeting["mode"] == "multilateral"


def test_events_a_training_session_is_no_meeting(extract_text):
    text = ("Des policiers du Bénin ont suivi jeudi une session de formation à Cotonou.")
    record = extract_text(text, PUB)
    assert events_of(record, "CONSULT") == []


def test_events_a_work_opened_by_both_sides_is_cooperation(extract_text):
    text = ("Les présidents du Togo et du Bénin ont inauguré mardi un pont sur le fleuve Mono.")
    record = extract_text(text, PUB)
    assert only_event(record, "COOPERATE")["parties"] == ["BEN", "TGO"]


def test_events_a_work_opened_by_one_side_is_no_cooperation(extract_text):
    text = ("Le président togolais a inauguré mardi un hôpital à Lomé, en présence de "
            "l'ambassadeur du Japon.")
    record = extract_text(text, PUB)
    assert events_of(record, "COOPERATE") == []


def test_events_readiness_naming_a_partner_is_an_agreement_offered(extract_text):
    assert _types(extract_text, "Le Chili est prêt à rejoindre le corridor commercial "
                                "péruvien, a déclaré le ministre chilien.") == ["AGREE"]
    assert _types(extract_text, "Le Ghana s'est dit disposé à travailler avec le Togo "
                                "sur l'énergie solaire.") == ["AGREE"]
    assert _types(extract_text, "Le Ghana est prêt à contribuer à la stabilité "
                                "régionale.") == []


def test_events_sanctions_judged_in_a_reporting_clause_are_not_imposed(extract_text):
    assert "SANCTION" not in _types(extract_text, "« Ce choix est une erreur », ajoute le "
                                    "communiqué bolivien, estimant les sanctions chiliennes "
                                    "injustes.")
    assert "SANCTION" in _types(extract_text, "Le Chili a adopté de nouvelles sanctions "
                                "contre la Bolivie.")


def test_events_support_owned_by_the_speakers_own_state_is_given(extract_text):
    assert "SUPPORT" in _types(extract_text, "Selon le président péruvien, le soutien "
                               "constant de son pays au Chili ne faiblira pas.")


def test_events_tariffs_imposed_on_the_other_side_are_a_sanction(extract_text):
    assert "SANCTION" in _types(extract_text, "Le Pérou a imposé des droits de douane de 40 % "
                                "sur le cuivre chilien.")
    assert "SANCTION" not in _types(extract_text, "Les droits de douane entre le Pérou et le "
                                    "Chili restent faibles.")


@pytest.mark.parametrize("text, act, parties", [
    ("Le Pérou a rejeté mardi les mesures prises par le Chili, accusant le Brésil de "
     "soutenir son voisin.", "REJECT", ["CHL", "PER"]),
    ("Le gouvernement kényan dénonce une manœuvre de l'Ouganda et qualifie les propos de "
     "Kigali de mensongers.", "ACCUSE", ["KEN", "UGA"]),
    ("Les présidents péruvien et chilien ont eu lundi un entretien au cours duquel ils ont "
     "critiqué la politique de l'Argentine.", "CONSULT", ["CHL", "PER"]),
])
def test_events_states_of_a_later_clause_are_not_parties(extract_text, text, act, parties):
    """A state named in a clause of its own after the act (a detached
    participle, a coordinated verb, an oblique relative) is not its party."""
    record = extract_text(text, PUB)
    assert any(e["parties"] == parties for e in events_of(record, act)), record["events"]


def test_events_participle_saying_what_the_act_says_keeps_its_states(extract_text):
    """", affirmant que X ..." goes on with the act's own content."""
    record = extract_text("Le Pérou a exprimé sa vive préoccupation, affirmant que le Chili "
                          "masse des troupes à la frontière.", PUB)
    assert any({"CHL", "PER"} <= set(e["parties"]) for e in events_of(record, "ACCUSE")), \
        record["events"]


def test_events_gathering_of_an_organisation_is_the_organisations(extract_text):
    """A summit named as an organisation's is that organisation's, not the
    visitor's nor the host's told around it."""
    record = extract_text("Le président togolais est arrivé lundi à Accra, en amont du sommet "
                          "de la Cédéao prévu la semaine prochaine.", PUB)
    assert ["igo:ecowas"] in [e["parties"] for e in events_of(record, "CONSULT")], \
        record["events"]


def test_events_gathering_joined_by_its_subject_keeps_the_subjects_side(extract_text):
    """"X a participé au sommet de l'UA": X's state takes part in it."""
    record = extract_text("Le président sénégalais a participé mardi au sommet de l'Union "
                          "africaine.", PUB)
    assert any(e["parties"] == ["SEN", "igo:african-union"]
               for e in events_of(record, "CONSULT")), record["events"]


def test_events_gathering_naming_no_side_is_the_articles_organisation(extract_text):
    """"Le prochain sommet se tiendra à X" in an article about one
    organisation and one state: the organisation's summit, not the pair's."""
    record = extract_text("La Cédéao a suspendu le Niger de ses instances. La Cédéao exige "
                          "le retour à l'ordre constitutionnel au Niger. Le prochain sommet "
                          "se tiendra à Lomé en juillet.", PUB)
    assert ["igo:ecowas"] in [e["parties"] for e in events_of(record, "CONSULT")], \
        record["events"]


def test_events_habit_told_in_a_relative_clause_is_no_act(extract_text):
    assert "SUPPORT" not in _types(extract_text, "Le Ghana a critiqué le Togo, qui soutient "
                                   "des groupes rebelles dans la région.")
    assert "ACCUSE" in _types(extract_text, "Le ministre ghanéen, qui a condamné le Togo, "
                              "est arrivé à Accra.")


def test_events_act_noun_judged_by_an_adjective_is_no_act(extract_text):
    assert "SUPPORT" not in _types(extract_text, "Selon le ministre ghanéen, le soutien du "
                                   "Togo aux réformes reste précieux.")
    # what a decision settles is not a judgement: the decision (or the act) stays
    assert _types(extract_text, "Le Ghana et le Togo ont décidé que leurs exercices "
                                "militaires conjoints deviendraient annuels.") != []


def test_events_calling_someone_by_name_is_no_request(extract_text):
    assert "REQUEST" not in _types(extract_text, "Le président ghanéen et son homologue "
                                   "togolais se sont parlé, un échange préparé par le ministre "
                                   "Kofi Mensah, lequel avait appelé Faure la veille.")
    assert "REQUEST" in _types(extract_text, "Le Ghana a appelé le Togo à libérer les "
                               "prisonniers.")


def test_events_visit_said_to_be_a_first_meeting_is_the_same_event(extract_text):
    text = ("Le président ghanéen a reçu jeudi à Accra le Premier ministre togolais. "
            "Cette visite était la première rencontre des deux dirigeants depuis leur "
            "investiture le 2 mars.")
    assert _types(extract_text, text) == ["CONSULT"]


def test_events_intergovernmental_gathering_is_a_meeting(extract_text):
    meeting = only_event(extract_text("Le dossier sera à l'ordre du jour du prochain séminaire "
                                      "intergouvernemental entre le Ghana et le Togo.", PUB),
                         "CONSULT")
    assert (meeting["mode"], meeting["parties"]) == ("meeting", ["GHA", "TGO"])


def test_events_counted_acts_of_one_side_are_one_with_each_other_side(extract_text):
    record = extract_text("Les journaux annoncent les deux prochaines rencontres du président "
                          "ghanéen, l'une avec le président togolais et l'autre avec le "
                          "président béninois.", PUB)
    meetings = sorted(e["parties"] for e in record["events"] if e["type"] == "CONSULT")
    assert meetings == [["BEN", "GHA"], ["GHA", "TGO"]]


def test_events_negotiations_told_as_happening_are_talks(extract_text):
    assert _types(extract_text, "Les négociations entre le Ghana et le Togo sur un accord "
                                "commercial ont commencé en 2019.") == ["CONSULT"]
    assert "CONSULT" not in _types(extract_text, "Le Ghana a cité les visas, un dossier sur "
                                   "lequel les négociations avec le Togo se poursuivent.")


def test_events_participle_naming_a_quality_is_no_act(extract_text):
    assert "REQUEST" not in _types(extract_text, "Au Togo, le fusil ghanéen est le plus "
                                   "demandé depuis ses succès au Bénin.")
    assert "AGREE" not in _types(extract_text, "Ce terme signifie qu'un diplomate ghanéen "
                                 "n'est plus le bienvenu ou accepté au Togo.")
    assert "THREATEN" in _types(extract_text, "Le Ghana a adressé une sévère mise en garde "
                                "au Togo.")


def test_events_later_mention_naming_a_participant_widens_the_meeting(extract_text):
    record = extract_text("Une conférence de presse conjointe a été tenue avec ses homologues "
                          "ghanéen et togolais à Lomé. Une conférence de presse conjointe a "
                          "réuni le ministre béninois des Affaires étrangères, Paul Akpovi, et "
                          "ses homologues ghanéen et togolais.", PUB)
    conferences = [e for e in record["events"] if e["mode"] == "press_conference"]
    assert [e["parties"] for e in conferences] == [["BEN", "GHA", "TGO"]], record["events"]
    assert len(conferences[0]["evidence"]) == 2


def test_events_one_invited_to_an_organisation_summit_joins_it(extract_text):
    record = extract_text("Le président ghanéen a invité lundi le président togolais au "
                          "sommet de la CEDEAO prévu en mai.", "2019-03-11")
    summits = [e["parties"] for e in record["events"] if "igo:ecowas" in e["parties"]]
    assert summits == [["GHA", "TGO", "igo:ecowas"]], record["events"]


def test_events_meeting_with_one_more_named_side_after_a_told_meeting_is_another(extract_text):
    record = extract_text("Le président ghanéen a reçu mardi son homologue togolais à Accra. "
                          "Le président ghanéen a également organisé une réunion trilatérale "
                          "avec son homologue togolais et le président béninois Patrice "
                          "Talon.", "2019-03-12")
    meetings = sorted(e["parties"] for e in record["events"] if e["type"] == "CONSULT")
    assert meetings == [["BEN", "GHA", "TGO"], ["GHA", "TGO"]], record["events"]



def test_events_undertaking_of_an_organisation_takes_no_partner_from_its_gathering():
    from types import SimpleNamespace as NS

    from diplograph.stages.context import Participants
    from diplograph.stages.events import _with_last_partner

    def meeting(parties, mode, trigger_mode):
        return NS(type="CONSULT", parties=parties, mode=mode, trigger=NS(mode=trigger_mode))

    alone = Participants(["igo:ecowas"], ["igo:ecowas"], [], [])
    summit = meeting(["GHA", "igo:ecowas"], "meeting", "multilateral")  # its host, Ghana
    assert _with_last_partner(alone, [summit]).parties == ["igo:ecowas"]
    talks = meeting(["GHA", "igo:ecowas"], "meeting", "meeting")  # met one to one
    assert _with_last_partner(alone, [talks]).parties == ["GHA", "igo:ecowas"]


def test_events_bilateral_mention_after_a_meeting_of_three_is_the_pair_own(extract_text):
    record = extract_text("Les ministres des Affaires étrangères du Ghana, du Togo et du Bénin "
                          "se sont réunis mardi à Cotonou. Lors de leur rencontre bilatérale, "
                          "le ministre ghanéen et son homologue togolais ont évoqué le "
                          "commerce.", PUB)
    meetings = sorted(e["parties"] for e in record["events"] if e["type"] == "CONSULT")
    assert ["GHA", "TGO"] in meetings, record["events"]


def test_events_a_date_set_off_after_a_since_phrase_dates_that_start(extract_text):
    """"depuis sa prise de fonctions, en mai 2023": the date of the start, not of the visit."""
    record = extract_text("Il s'agissait de la première visite du ministre danois en Norvège "
                          "depuis sa prise de fonctions, en mai 2023.", "2024-10-02")
    visit = events_of(record, "CONSULT")[0]
    assert (visit.get("date") or {}).get("text") != "mai 2023", visit
