"""Times: dates in the text, resolved against the publication date, and the
publication date inferred from the text when metadata lacks it."""
from __future__ import annotations

import pytest
from conftest import assert_evidence_offsets, events_of



@pytest.fixture(scope="module")
def times_of(parse_text):
    cache: dict = {}

    def run(text: str, published: str | None = None):
        if (text, published) not in cache:
            parsed = parse_text(text, published)
            cache[text, published] = parsed.pipeline.times.find(parsed)
        return cache[text, published]

    return run


def values(mentions) -> dict[str, tuple[str, str, str | None] | None]:
    """mention text -> (value, granularity, end) or None when unresolved."""
    return {m.text: (m.value.value, m.value.granularity, m.value.end) if m.value else None
            for m in mentions}


# ------------------------------------------------------------ published date


def test_times_weekday_and_a_year_mentioned_elsewhere_infer_published(extract_text):
    # Tuesday 6 July 2021; the year only appears in another sentence.
    record = extract_text("Le ministre japonais des Affaires étrangères est arrivé mardi 6 juillet "
                          "à Hanoï pour une visite officielle. Les deux pays célèbrent en 2021 "
                          "le 48e anniversaire de leurs relations diplomatiques.")
    assert (record["published"], record["published_basis"]) == ("2021-07-06", "inferred")
    visit = events_of(record, "CONSULT")[0]
    assert visit["date"] == {"value": "2021-07-06", "granularity": "day",
                             "text": "mardi 6 juillet"}
    assert_evidence_offsets(record)


def test_times_weekday_that_matches_no_mentioned_year_infers_nothing(times_of):
    # 7 July 2021 was a Wednesday, not a Tuesday.
    mentions, published = times_of("Le ministre est arrivé mardi 7 juillet à Hanoï. Les deux "
                                   "pays célèbrent en 2021 leur anniversaire.")
    assert (published.value, published.basis) == (None, "unknown")
    assert values(mentions)["mardi 7 juillet"][0] is None  # no year: the text alone is kept


def test_times_weekday_picks_the_mentioned_year_that_agrees(times_of):
    # 1 May was a Wednesday in 2019, a Friday in 2020.
    _, published = times_of("Le président est arrivé le mercredi 1er mai à Dakar, un an après "
                            "sa visite de 2018. Le prochain sommet aura lieu en 2020.")
    assert (published.value, published.basis) == ("2019-05-01", "inferred")


def test_times_explicit_past_date_infers_published(times_of):
    _, published = times_of("Le sommet s'est tenu le 6 juillet 2021 à Jakarta.")
    assert (published.value, published.basis) == ("2021-07-06", "inferred")


def test_times_future_date_does_not_become_published(times_of):
    _, published = times_of("Le sommet s'est tenu le 6 juillet 2021 à Jakarta. La prochaine "
                            "réunion aura lieu le 15 mars 2022 à Hanoï.")
    assert published.value == "2021-07-06"


def test_times_metadata_published_wins_over_the_text(times_of):
    _, published = times_of("Le sommet s'est tenu le 6 juillet 2021 à Jakarta.", "2021-07-08")
    assert (published.value, published.basis) == ("2021-07-08", "metadata")


def test_times_nothing_to_go_on_leaves_published_unknown(extract_text):
    record = extract_text("Le ministre japonais a rencontré son homologue vietnamien à Hanoï.")
    assert (record["published"], record["published_basis"]) == (None, "unknown")


def test_times_unresolved_relative_date_keeps_its_text(extract_text):
    record = extract_text("Le ministre japonais a rencontré hier à Hanoï son homologue "
                          "vietnamien.")
    meeting = events_of(record, "CONSULT")[0]
    assert meeting["date"] is not None
    assert meeting["date"]["text"] == "hier" and meeting["date"]["value"] is None


# ------------------------------------------------------------ relative dates

RELATIVE = ("Les deux ministres se sont rencontrés le 28 décembre. Ils se reverront l'année "
            "prochaine. Ils se sont parlé aujourd'hui, hier et avant-hier, et se verront demain. "
            "Jeudi, le président a reçu l'ambassadeur. Le mois dernier, un accord a été signé. "
            "L'an dernier, les échanges ont progressé.")


@pytest.mark.parametrize("text, value, granularity", [
    ("le 28 décembre", "2021-12-28", "day"),  # the nearest 28 December: the previous year
    ("l'année prochaine", "2023", "year"),
    ("aujourd'hui", "2022-01-03", "day"),
    ("hier", "2022-01-02", "day"),
    ("avant-hier", "2022-01-01", "day"),
    ("demain", "2022-01-04", "day"),
    ("Jeudi", "2021-12-30", "day"),  # the last Thursday before Monday 3 January 2022
    ("Le mois dernier", "2021-12", "month"),
    ("L'an dernier", "2021", "year"),
])
def test_times_relative_dates_resolve_against_published(times_of, text, value, granularity):
    mentions, published = times_of(RELATIVE, "2022-01-03")
    assert published.value == "2022-01-03"
    assert values(mentions)[text] == (value, granularity, None)


def test_times_relative_dates_in_events(extract_text):
    record = extract_text("Le président kényan a reçu hier l'ambassadeur chinois à Nairobi. "
                          "Le mois dernier, Pékin a salué les efforts du Kenya.", "2022-03-15")
    dates = {e["type"]: e["date"] for e in record["events"]}
    assert dates["CONSULT"] == {"value": "2022-03-14", "granularity": "day", "text": "hier"}
    assert dates["SUPPORT"] == {"value": "2022-02", "granularity": "month",
                                "text": "Le mois dernier"}


def test_times_given_published_resolves_weekdays(extract_text):
    record = extract_text("Le Sénégal et le Maroc ont signé mardi un mémorandum d'entente sur "
                          "la coopération agricole.", "2022-09-14")  # a Wednesday
    assert events_of(record, "AGREE")[0]["date"]["value"] == "2022-09-13"


# ------------------------------------------------- weekdays and their tense

# (sentence, published, weekday as written, expected day): a weekday told in
# the past is the last such day on or before publication, one in a clause that
# looks ahead (future, conditional, "est attendu", "doit", "est prévu") the
# next such day on or after it; the publication day itself when it is that day.
WEEKDAYS = [
    ("Le ministre a signé mercredi un accord avec son homologue.",
     "2025-03-06", "mercredi", "2025-03-05"),  # published on a Thursday
    ("Le ministre a reçu jeudi l'ambassadeur du Japon.", "2025-03-06", "jeudi", "2025-03-06"),
    ("Le chef de la diplomatie est attendu jeudi à Bangkok.", "2025-03-05", "jeudi", "2025-03-06"),
    ("Le ministre se rendra vendredi à Hanoï.", "2025-03-05", "vendredi", "2025-03-07"),
    ("Le ministre doit s'entretenir lundi avec son homologue.", "2025-03-05", "lundi",
     "2025-03-10"),
    ("Ce jeudi, le ministre doit être reçu en audience par le Premier ministre.",
     "2025-03-06", "jeudi", "2025-03-06"),
    ("La réunion des deux délégations est prévue samedi à Dakar.", "2025-03-05", "samedi",
     "2025-03-08"),
    ("Le ministre a dû annuler lundi sa visite à Paris.", "2025-03-05", "lundi", "2025-03-03"),
    ("Le président reçoit mardi son homologue.", "2025-03-05", "mardi", "2025-03-04"),
]


@pytest.mark.parametrize("text, published, weekday, expected", WEEKDAYS)
def test_times_weekday_follows_the_tense_of_its_clause(times_of, text, published, weekday,
                                                       expected):
    mentions, _ = times_of(text, published)
    assert values(mentions)[weekday] == (expected, "day", None)


def test_times_each_weekday_takes_the_tense_of_its_own_clause(times_of):
    mentions, _ = times_of("Le ministre a signé mercredi un accord à Phnom Penh et se rendra "
                           "vendredi à Bangkok.", "2025-03-06")
    found = values(mentions)
    assert found["mercredi"][0] == "2025-03-05"
    assert found["vendredi"][0] == "2025-03-07"


# ------------------------------------------- dates that do not date the act

# (sentence, mention, kind): a date inside a participle clause told before the
# main verb dates that clause ("Arrivé lundi soir": the arrival), a dateline the
# filing when the lead names a day of its own; both stay resolved.
SET_ASIDE = [
    ("Arrivé lundi soir à Phnom Penh, le ministre a eu avec son hôte une séance de travail.",
     "lundi", "aside"),
    ("Le ministre, arrivé lundi à Paris, a rencontré son homologue.", "lundi", "aside"),
    ("Le ministre a rencontré lundi à Paris son homologue.", "lundi", "weekday"),
    ("Le Premier ministre a reçu dimanche à Alger son homologue, indique un communiqué.",
     "dimanche", "weekday"),
    ("PHNOM PENH, 5 mars 2025 (AKP) - Le ministre s'est entretenu mardi avec son homologue.",
     "5 mars 2025", "dateline"),
    ("Cotonou, 5 mars 2025 - Le ministre a signé hier un accord avec son homologue.",
     "5 mars 2025", "dateline"),
    ("RABAT, 5 mars 2025 (MAP) - Le ministre a reçu son homologue.", "5 mars 2025", "date"),
    ("Le 5 mars 2025, le ministre a reçu mardi son homologue.", "Le 5 mars 2025", "date"),
]


@pytest.mark.parametrize("text, mention, kind", SET_ASIDE)
def test_times_dates_set_aside_from_the_act(times_of, text, mention, kind):
    mentions, _ = times_of(text, "2025-03-05")
    found = next(m for m in mentions if m.text == mention)
    assert found.kind == kind
    assert found.value is not None and found.value.value is not None


def test_times_dateline_still_gives_the_published_date(times_of):
    _, published = times_of("PHNOM PENH, 5 mars 2025 (AKP) - Le ministre s'est entretenu mardi "
                            "avec son homologue.")
    assert (published.value, published.basis) == ("2025-03-05", "inferred")


def test_times_lead_act_dated_by_its_weekday_not_the_arrival_nor_the_dateline(extract_text):
    record = extract_text("PHNOM PENH, 5 mars 2025 (AKP) - Le ministre ivoirien des Affaires "
                          "étrangères s'est entretenu mardi avec son homologue cambodgien. "
                          "Arrivé lundi soir à Phnom Penh, le ministre ivoirien a eu avec son "
                          "hôte une séance de travail.")
    talks = events_of(record, "CONSULT")
    assert [t["date"]["value"] for t in talks] == ["2025-03-04"]
    assert len(talks[0]["evidence"]) == 2


def test_times_target_year_does_not_place_the_report(times_of):
    # 3 July was a Wednesday in 2024 and in 2030; 2030 is only a target.
    _, published = times_of("NAIROBI, 3 juillet (Xinhua) - Les échanges ont atteint 3 milliards "
                            "de dollars en 2023, a annoncé mercredi la ministre. Les deux pays "
                            "visent 10 milliards de dollars d'ici 2030.")
    assert (published.value, published.basis) == ("2024-07-03", "inferred")


# ------------------------------------------------------- periods and years


def test_times_periods_parts_months_and_deadlines(times_of):
    mentions, _ = times_of("Les échanges ont progressé au premier semestre 2021 et sur la "
                           "période 2019-2021, avec un objectif d'ici 2030. En février 2020, "
                           "rien.", "2022-03-15")
    found = values(mentions)
    assert found["premier semestre 2021"] == ("2021-01", "period", "2021-06")
    assert found["2019-2021"] == ("2019", "period", "2021")
    assert found["février 2020"] == ("2020-02", "month", None)
    assert found["2030"] == ("2030", "year", None)
    assert next(m for m in mentions if m.text == "2030").deadline


def test_times_mention_offsets_quote_the_text(times_of):
    mentions, _ = times_of(RELATIVE, "2022-01-03")
    assert mentions
    for m in mentions:
        assert RELATIVE[m.start:m.end] == m.text


def test_times_numbers_that_are_not_years_are_not_dates(times_of):
    mentions, _ = times_of("Le pays a reçu 2500 tonnes de riz et 1,2021 million d'euros.")
    assert [m.text for m in mentions] == []


def test_times_an_amount_is_not_a_year(extract_text):
    record = extract_text("Le Japon a livré 2000 tonnes de riz au Laos.", "2023-06-01")
    aid = events_of(record, "AID")[0]
    assert aid["date"] is None or aid["date"]["value"] != "2000"  # undated: the day of the report
    assert record["quantities"][0].get("period") is None


def test_times_span_of_days_is_a_period(times_of):
    mentions, _ = times_of("La délégation a séjourné au Chili du 3 au 7 novembre 2019.")
    assert values(mentions)["3 au 7 novembre 2019"] == ("2019-11-03", "period", "2019-11-07")


def test_times_day_after_a_deadline_word_is_a_deadline(times_of):
    mentions, _ = times_of("Le personnel consulaire a jusqu'à mardi pour partir.",
                           "2025-09-19")
    assert [m.deadline for m in mentions if m.text == "mardi"] == [True]


def test_times_day_without_year_takes_its_sentence_year_when_unpublished(times_of):
    mentions, _ = times_of('Le salon "Agritech 2019" a ouvert ses portes le 3 avril.')
    assert values(mentions)["le 3 avril"][0] == "2019-04-03"


def test_times_a_finite_verb_left_without_tense_is_read_by_its_ending(nlp):
    """"les discussions qu'aura le ministre": the tagger sometimes gives the
    verb no tense; its future ending still tells talks to come."""
    from diplograph.lang import load_language
    from diplograph.stages.times import future_form

    planned = load_language("fr").status["planned"]
    doc = nlp("Les discussions qu'aura le ministre porteront sur la pêche.")
    verb = next(t for t in doc if t.lower_ == "aura")
    verb.set_morph("Mood=Ind|VerbForm=Fin")  # as the tagger leaves it in some contexts
    assert future_form(verb, planned)
    present = next(t for t in doc if t.lower_ == "porteront")
    present.set_morph("Mood=Ind|VerbForm=Fin")
    assert future_form(present, planned)
    doc2 = nlp("Le ministre accueille son homologue.")
    verb2 = next(t for t in doc2 if t.lower_ == "accueille")
    verb2.set_morph("Mood=Ind|VerbForm=Fin")
    assert not future_form(verb2, planned)
