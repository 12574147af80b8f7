"""Merging rules, on hand-made reports (no database, no spaCy)."""
import datetime as dt

import pytest

from diplograph.sameness import title_words
from diplograph.store import merge

D = dt.date


def report(id, doc, day=None, *, type="CONSULT", mode="meeting", status="done",
           parties="IDN-RUS", people=("person:a", "person:b"), granularity="day",
           published=None, location=None, agreement=None, end=None, side_of=None):
    start = D.fromisoformat(day) if day else None
    return merge.EventReport(
        id=id, seq=int(id[1:]), doc_id=doc, type=type, mode=mode, status=status,
        parties_key=parties, people=frozenset(people), date_start=start,
        date_end=D.fromisoformat(end) if end else start,
        granularity=granularity if day else None,
        published_on=D.fromisoformat(published or day or "2021-07-07"),
        location_country=location, agreement=agreement,
        side_of=side_of or {"person:a": "IDN", "person:b": "RUS", "person:c": "IDN",
                            "person:d": "RUS"})


def groups(reports):
    return sorted(sorted(r.id for r in g) for g in merge.cluster_events(reports))


def test_merge_same_meeting_from_three_articles():
    reports = [report("e1", "d1", "2021-07-06"), report("e2", "d2", "2021-07-06"),
               report("e3", "d3", "2021-07-07", published="2021-07-08")]
    assert groups(reports) == [["e1", "e2", "e3"]]


def test_merge_meetings_a_month_apart_stay_two():
    reports = [report("e1", "d1", "2021-07-06"), report("e2", "d2", "2021-08-06"),
               report("e3", "d3", "2021-07-06")]
    assert groups(reports) == [["e1", "e3"], ["e2"]]


def test_merge_month_date_does_not_chain_two_meetings():
    # "en juillet" fits both, but complete linkage keeps the two days apart
    reports = [report("e1", "d1", "2021-07-06"), report("e2", "d2", "2021-07-27"),
               report("e3", "d3", "2021-07-01", granularity="month", end="2021-07-31")]
    result = groups(reports)
    assert ["e1", "e2"] not in result and len(result) == 2


@pytest.mark.parametrize("change", [
    {"type": "AGREE"}, {"parties": "IDN-VNM"}, {"mode": "phone"},
    {"people": ("person:c", "person:d")}, {"people": ("person:a", "person:d")},
    {"location": "VNM"}, {"status": "failed"},
])
def test_merge_refuses_reports_that_disagree(change):
    a = report("e1", "d1", "2021-07-06", location="IDN", mode="visit")
    b = report("e2", "d2", "2021-07-06", **{"location": "IDN", **change})
    assert not merge.events_compatible(a, b)


def test_merge_one_report_naming_the_host_and_another_the_guest_is_one_meeting():
    a = report("e1", "d1", "2021-07-06", people=("person:a",))
    b = report("e2", "d2", "2021-07-06", people=("person:b",))
    assert merge.events_compatible(a, b)


def test_merge_visit_and_meeting_are_one_way_of_meeting():
    a = report("e1", "d1", "2021-07-06", mode="visit")
    b = report("e2", "d2", "2021-07-06", mode="meeting")
    assert merge.events_compatible(a, b)


def test_merge_never_within_one_article():
    assert not merge.events_compatible(report("e1", "d1", "2021-07-06"),
                                       report("e2", "d1", "2021-07-06"))


def test_merge_undated_report_leans_on_publication_date():
    dated = report("e1", "d1", "2021-07-06")
    undated_close = report("e2", "d2", None, published="2021-07-07")
    undated_far = report("e3", "d3", None, published="2021-09-01")
    assert merge.events_compatible(dated, undated_close)
    assert not merge.events_compatible(dated, undated_far)


def test_merge_keeps_an_announcement_apart_from_the_act():
    plan = report("e1", "d1", "2021-09-28", status="planned", published="2021-09-01")
    done = report("e2", "d2", "2021-09-28", status="done", published="2021-09-29")
    ongoing = report("e3", "d3", "2021-09-28", status="ongoing", published="2021-09-28")
    assert groups([plan, done, ongoing]) == [["e1"], ["e2"], ["e3"]]


def agreement(id, doc, title, status, published, *, day=None, kind="agreement",
              parties="IDN-KEN"):
    return merge.AgreementReport(
        id=id, seq=int(id[1:]), doc_id=doc, title=title, kind=kind, parties_key=parties,
        status=status, date_start=D.fromisoformat(day) if day else None,
        granularity="day" if day else None, published_on=D.fromisoformat(published),
        language="fr")


def test_merge_agreement_titles_worded_differently():
    a = agreement("a1", "d1", "accord d'exemption de visas", "negotiating", "2025-03-04")
    b = agreement("a2", "d2", "accord sur l'exemption mutuelle de visa pour les passeports "
                  "ordinaires", "signed", "2025-05-13", day="2025-05-12")
    assert merge.agreements_compatible(a, b)


def test_merge_agreements_on_different_subjects_stay_apart():
    a = agreement("a1", "d1", "accord de coopération économique", "signed", "2025-03-04")
    b = agreement("a2", "d2", "accord de coopération culturelle", "signed", "2025-03-05")
    assert not merge.agreements_compatible(a, b)


def test_merge_same_title_signed_years_apart_is_a_renewal():
    a = agreement("a1", "d1", "programme d'échanges culturels", "signed", "2019-05-02",
                  day="2019-05-01")
    b = agreement("a2", "d2", "programme d'échanges culturels", "signed", "2023-05-02",
                  day="2023-05-01")
    assert not merge.agreements_compatible(a, b)


def test_merge_status_history_ordered_by_date_then_stage():
    reports = [
        agreement("a3", "d3", "accord sur les visas", "signed", "2025-05-13", day="2025-05-12"),
        agreement("a1", "d1", "accord sur les visas", "negotiating", "2025-03-04"),
        agreement("a2", "d2", "accord d'exemption de visa", "finalizing", "2025-04-10"),
        agreement("a4", "d4", "accord sur les visas", "negotiating", "2025-03-05"),
    ]
    (group,) = merge.cluster_agreements(reports)
    history = merge.status_history(group)
    assert [(e.status, e.on_date.isoformat(), e.basis) for e in history] == [
        ("negotiating", "2025-03-04", "published"), ("negotiating", "2025-03-05", "published"),
        ("finalizing", "2025-04-10", "published"), ("signed", "2025-05-12", "event")]
    assert [e.status for e in merge.status_changes(history)] == [
        "negotiating", "finalizing", "signed"]


def test_merge_title_words_fold_accents_plurals_and_generic_words():
    assert title_words("Mémorandum d'entente sur les échanges d'étudiants", "fr") == \
        frozenset({"echange", "etudiant"})


def test_merge_undated_report_does_not_override_a_dated_status():
    signed = agreement("a1", "d1", "accord sur les visas", "signed", "2025-03-02", day="2025-03-01")
    undated = merge.AgreementReport(
        id="a2", seq=2, doc_id="d2", title="accord sur les visas", kind="agreement",
        parties_key="IDN-KEN", status="negotiating", date_start=None, granularity=None,
        published_on=None, language="fr")
    history = merge.status_history([signed, undated])
    assert [e.status for e in history] == ["negotiating", "signed"]
