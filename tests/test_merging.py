"""Within one article: the drafts that report the same real event become one
event, and a merged event takes what the article tells about it elsewhere."""
from __future__ import annotations

from conftest import events_of

PUB = "2022-09-14"


def between(record: dict, type_: str, *parties: str) -> list[dict]:
    """The events of one type whose parties are exactly these."""
    return [e for e in events_of(record, type_) if set(e["parties"]) == set(parties)]


def only_event(record: dict, type_: str) -> dict:
    found = events_of(record, type_)
    assert len(found) == 1, record["events"]
    return found[0]


def test_merging_meeting_takes_sectors_told_after_it_without_an_act_word(extract_text):
    record = extract_text("Le ministre russe des Affaires étrangères a rencontré mardi son "
                          "homologue vietnamien à Moscou. La défense et l'énergie figuraient "
                          "en tête de l'ordre du jour.", PUB)
    meeting = only_event(record, "CONSULT")
    assert {"defense", "energy"} <= set(meeting["sectors"])


def test_merging_sectors_stop_at_the_next_act_of_other_parties(extract_text):
    record = extract_text("Le ministre russe des Affaires étrangères a rencontré mardi son "
                          "homologue vietnamien à Moscou. Le président chinois a reçu mercredi "
                          "le Premier ministre japonais. La défense figurait en tête de "
                          "l'ordre du jour.", PUB)
    moscow = next(e for e in events_of(record, "CONSULT") if "VNM" in e["parties"])
    assert "defense" not in moscow["sectors"]


def test_merging_a_bilateral_summit_is_the_meeting_of_its_two_sides(extract_text):
    record = extract_text("Le Premier ministre indien a rencontré lundi le président russe. "
                          "Les deux dirigeants ont tenu lundi un sommet bilatéral.", PUB)
    meeting = only_event(record, "CONSULT")
    assert meeting["parties"] == ["IND", "RUS"] and meeting["mode"] != "multilateral"


def test_merging_audience_with_another_office_holder_is_another_meeting(extract_text):
    record = extract_text("Le ministre ivoirien des Affaires étrangères, Koffi Brou, s'est "
                          "entretenu mardi avec son homologue cambodgien Sok Chenda. En fin de "
                          "journée, le ministre a été reçu par le Premier ministre Hun Vannak.",
                          PUB)
    meetings = events_of(record, "CONSULT")
    assert len(meetings) == 2, meetings
    assert all(m["parties"] == ["CIV", "KHM"] for m in meetings)


def test_merging_the_first_mention_that_dates_an_event_gives_its_date(extract_text):
    record = extract_text("Le président égyptien a discuté, mardi, avec le ministre qatari des "
                          "Affaires étrangères du renforcement de la coopération bilatérale. "
                          "Lundi, le président égyptien avait reçu au Caire le ministre qatari "
                          "des Affaires étrangères.", PUB)
    (meeting,) = events_of(record, "CONSULT")
    assert len(meeting["evidence"]) == 2 and meeting["date"]["text"] == "mardi"


def test_merging_a_promise_restated_in_the_next_sentence_is_one_pledge(extract_text):
    record = extract_text("La Corée du Sud s'est engagée à étudier la possibilité d'ouvrir un "
                          "consulat au Paraguay. La Corée du Sud a promis d'examiner "
                          "sérieusement ce projet avec le Paraguay.", PUB)
    agree = [e for e in events_of(record, "AGREE") if e["status"] != "done"]
    assert len(agree) == 1, record["events"]


def test_merging_a_statement_said_again_later_is_one_statement(extract_text):
    record = extract_text("Le roi de Jordanie a affirmé lundi le soutien de son pays à l'unité "
                          "du Soudan. Il a reçu le président du Conseil souverain. Les deux "
                          "hommes ont évoqué la situation humanitaire. Le roi de Jordanie a "
                          "réaffirmé le soutien constant de la Jordanie au Soudan.", PUB)
    support = between(record, "SUPPORT", "JOR", "SDN")
    assert len(support) == 1, record["events"]


def test_merging_a_sanction_announced_then_carried_out_is_one_sanction(extract_text):
    record = extract_text("L'ambassadeur du Canada au Niger sera expulsé sous 72 heures, a "
                          "indiqué jeudi le gouvernement nigérien. Le gouvernement nigérien a "
                          "déclaré l'ambassadeur du Canada persona non grata.", PUB)
    sanctions = between(record, "SANCTION", "CAN", "NER")
    assert len(sanctions) == 1, record["events"]


def test_merging_the_programme_of_a_visit_told_as_done_is_that_visit(extract_text):
    record = extract_text("Le président brésilien Luiz Inácio Lula da Silva est arrivé lundi en "
                          "Espagne pour une visite officielle. M. Lula sera accueilli à la "
                          "Moncloa par le chef du gouvernement espagnol Pedro Sánchez pour un "
                          "entretien.", PUB)
    consult = between(record, "CONSULT", "BRA", "ESP")
    assert len(consult) == 1 and consult[0]["status"] == "done", record["events"]


def test_merging_a_follow_up_meeting_with_a_day_of_its_own_stays_apart(extract_text):
    record = extract_text("Le ministre argentin est arrivé mardi au Chili pour une visite "
                          "officielle. Les deux ministres se retrouveront à Buenos Aires le "
                          "15 décembre.", PUB)
    consult = between(record, "CONSULT", "ARG", "CHL")
    assert len(consult) == 2, record["events"]


def test_merging_a_wish_to_talk_told_with_the_call_is_that_call(extract_text):
    record = extract_text("Le président chilien Pablo Rojas et le Premier ministre portugais "
                          "Luis Costa se sont entretenus jeudi au téléphone. La conversation "
                          "téléphonique a eu lieu à la demande de Luis Costa, qui voulait "
                          "s'entretenir avec Pablo Rojas de la pêche.", PUB)
    calls = events_of(record, "CONSULT")
    assert len(calls) == 1
    assert calls[0]["mode"] == "phone" and calls[0]["status"] == "done"
    assert len(calls[0]["evidence"]) == 2


def test_merging_a_promise_explained_then_quoted_is_one_promise(extract_text):
    record = extract_text("Le Brésil s'est engagé à étudier l'ouverture d'une ambassade au "
                          "Népal. La promesse a été faite lors d'un dîner officiel à Brasilia. "
                          "« Le Brésil a promis d'examiner cette ouverture », a déclaré le "
                          "ministre népalais Ram Thapa.", PUB)
    promises = events_of(record, "AGREE")
    assert len(promises) == 1
    assert len(promises[0]["evidence"]) == 2


def test_merging_sanctions_of_two_kinds_are_two_events(extract_text):
    """An expulsion and a recall between the same sides, even in one sentence,
    are two acts; a word naming no kind ("des sanctions") joins either."""
    record = extract_text("Le Ghana a expulsé l'ambassadeur du Togo et a suspendu les échanges "
                          "commerciaux avec Lomé.", PUB)
    assert len(between(record, "SANCTION", "GHA", "TGO")) == 2
    record = extract_text("Le Ghana va expulser l'ambassadeur togolais. Le Ghana va aussi "
                          "rappeler son ambassadeur au Togo.", PUB)
    assert len(between(record, "SANCTION", "GHA", "TGO")) == 2
    record = extract_text("Le Ghana a imposé mardi des sanctions au Togo, en gelant les avoirs "
                          "de dix ministres togolais.", PUB)
    assert len(between(record, "SANCTION", "GHA", "TGO")) == 1



def test_merging_a_third_state_named_in_a_plan_is_a_topic_not_its_place(extract_text):
    record = extract_text("Le ministre portugais des Affaires étrangères est arrivé dimanche à "
                          "Brasilia pour une visite officielle au Brésil. Il doit rencontrer son "
                          "homologue brésilien pour discuter de la guerre en Syrie.", PUB)
    visits = between(record, "CONSULT", "BRA", "PRT")
    assert len(visits) == 1, record["events"]
    assert len(visits[0]["evidence"]) == 2


def test_merging_the_visit_of_an_organisation_is_the_meeting_it_held(extract_text):
    record = extract_text("Le secrétaire général de l'OTAN a rencontré lundi à Oslo le Premier "
                          "ministre norvégien pour un entretien en tête-à-tête. Une visite placée "
                          "sous le signe de la confiance: ils se connaissent depuis des années.",
                          PUB)
    gatherings = between(record, "CONSULT", "NOR", "igo:nato")
    assert len(gatherings) == 1, record["events"]
    assert len(gatherings[0]["evidence"]) == 2


def test_merging_a_day_of_the_news_is_not_an_act_dated_by_its_year(extract_text):
    # no publication date: "jeudi" stays unresolved; "en mars 2019" names its year
    record = extract_text("Le Pérou a rappelé jeudi son ambassadeur au Chili pour consultations. "
                          "En mars 2019, le Pérou avait déjà rappelé son ambassadeur au Chili "
                          "après une dispute frontalière.")
    recalls = between(record, "SANCTION", "CHL", "PER")
    assert len(recalls) == 2, record["events"]


def test_merging_talks_after_a_summons_held_as_a_meeting_are_that_summons(extract_text):
    record = extract_text("Le ministère suédois des Affaires étrangères a convoqué l'ambassadeur "
                          "iranien pour un entretien. À l'issue de cette rencontre, le ministère "
                          "a publié un communiqué. L'ambassadeur iranien a qualifié l'entretien "
                          "de franc.", PUB)
    assert not between(record, "CONSULT", "IRN", "SWE"), record["events"]
    summons = between(record, "ACCUSE", "IRN", "SWE")
    assert len(summons) == 1 and len(summons[0]["evidence"]) == 3, record["events"]
