"""Within one article: the drafts that report the same real event become one
event, and a merged event takes what the article tells about it elsewhere."""
from __future__ import annotations

from conftest import events_of

PUB = "2022-09-14"


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
    record = extract_text("Le Japon s'est engagé à étudier la possibilité de renforcer ses "
                          "relations avec le Cambodge. Le Japon a promis d'examiner "
                          "attentivement cette possibilité avec le Cambodge.", PUB)
    agree = [e for e in events_of(record, "AGREE") if e["status"] != "done"]
    assert len(agree) == 1, record["events"]


def test_merging_a_statement_said_again_later_is_one_statement(extract_text):
    record = extract_text("L'émir du Qatar a affirmé mercredi le soutien de son pays à la "
                          "stabilité de la Libye. Il a reçu le chef du Conseil présidentiel. "
                          "Les deux hommes ont évoqué la situation régionale. L'émir du Qatar "
                          "a réaffirmé le soutien continu du Qatar à la Libye.", PUB)
    support = [e for e in events_of(record, "SUPPORT") if set(e["parties"]) == {"LBY", "QAT"}]
    assert len(support) == 1, record["events"]


def test_merging_a_sanction_announced_then_carried_out_is_one_sanction(extract_text):
    record = extract_text("L'ambassadeur d'Allemagne au Tchad va être expulsé dans un délai "
                          "de 48 heures, a annoncé vendredi le gouvernement tchadien. Le "
                          "gouvernement tchadien a déclaré l'ambassadeur d'Allemagne persona "
                          "non grata.", PUB)
    sanctions = [e for e in events_of(record, "SANCTION") if set(e["parties"]) == {"DEU", "TCD"}]
    assert len(sanctions) == 1, record["events"]


def test_merging_the_programme_of_a_visit_told_as_done_is_that_visit(extract_text):
    record = extract_text("Le président turc Recep Tayyip Erdogan est arrivé mardi en France "
                          "pour une visite officielle. M. Erdogan sera accueilli à l'Elysée par "
                          "le président français Emmanuel Macron pour un tête-à-tête.", PUB)
    consult = [e for e in events_of(record, "CONSULT") if set(e["parties"]) == {"FRA", "TUR"}]
    assert len(consult) == 1 and consult[0]["status"] == "done", record["events"]


def test_merging_a_follow_up_meeting_with_a_day_of_its_own_stays_apart(extract_text):
    record = extract_text("Le ministre argentin est arrivé mardi au Chili pour une visite "
                          "officielle. Les deux ministres se retrouveront à Buenos Aires le "
                          "15 décembre.", PUB)
    consult = [e for e in events_of(record, "CONSULT") if set(e["parties"]) == {"ARG", "CHL"}]
    assert len(consult) == 2, record["events"]
