"""Cross-article merging on the overlapping sample articles (15-21) against the
expected merges in samples/merges.yaml: pairwise precision and recall, and
agreement status histories."""
from __future__ import annotations

import pytest

from diplograph.evaluate_merges import load_expected, score_merges
from diplograph.store import open_store

#: measured figures, rounded down; a change may not lower them
FLOORS = {"events_precision": 0.95, "events_recall": 0.95, "agreements_precision": 0.95,
          "agreements_recall": 0.95}


@pytest.fixture(scope="module")
def merge_report(extract_paths, samples_dir, tmp_path_factory):
    records = extract_paths([samples_dir / "articles"]).records
    with open_store(tmp_path_factory.mktemp("merges") / "s.duckdb") as store:
        for record in records:
            store.ingest_record(record)
        assert store.integrity_problems() == []
        return score_merges(store.con, load_expected(samples_dir / "merges.yaml"))


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_merges_golden_floor(merge_report, figure):
    kind, measure = figure.split("_")
    value = getattr(getattr(merge_report, kind), measure)
    assert value >= FLOORS[figure], (figure, value, merge_report.wrong, merge_report.missing)


def test_merges_golden_agreement_histories(merge_report):
    assert merge_report.histories  # the sample set has agreements that change status
    for entry, (expected, stored) in merge_report.histories.items():
        assert stored == expected, entry


def test_merges_golden_expected_file_lists_both_kinds(samples_dir):
    expected = load_expected(samples_dir / "merges.yaml")
    assert sum(e.kind == "event" for e in expected) >= 5
    assert any(len({r.doc for r in e.reports}) >= 3 for e in expected)
