"""Unit tests for diplograph.evaluate (no spaCy: records are built by hand or from gold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from diplograph.evaluate import (
    EvalReport,
    Gold,
    GoldError,
    Ratio,
    load_gold,
    score,
    sentence_spans,
)


def _shared_dir() -> Path | None:
    """The shared data folder next to the repository, if this checkout has it."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "shared", here.parents[1] / ".." / "shared"):
        if (candidate / "spec" / "gold.md").is_file():
            return candidate.resolve()
    return None


SHARED = _shared_dir()


def _gold_cases() -> list[tuple[str, str]]:
    """(kind, doc) for every shared gold file, collected without reading them."""
    if SHARED is None:
        return []
    seeds = [("seed", p.stem) for p in sorted((SHARED / "gold").glob("*.yaml"))]
    dev = [("dev", p.stem) for p in sorted((SHARED / "dev" / "gold").glob("*.yaml"))]
    return seeds + dev


def _texts() -> dict[str, str]:
    """Every shared text by doc id: seeds/*.txt and dev/dev.jsonl."""
    assert SHARED is not None
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (SHARED / "seeds").glob("*.txt")}
    with (SHARED / "dev" / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                texts[row["id"]] = row["text"]
    return texts


def _find(text: str, needle: str) -> tuple[int, int]:
    """Span of a gold substring, allowing ’ for ' as the spec does."""
    i = text.find(needle)
    if i < 0:
        i = text.replace("’", "'").find(needle.replace("’", "'"))
    assert i >= 0, f"gold evidence not in text: {needle!r}"
    return i, i + len(needle)


def _evidence(text: str, needles: tuple[str, ...]) -> list[dict]:
    """Record evidence entries citing exactly the gold substrings."""
    out = []
    for needle in needles:
        s, e = _find(text, needle)
        out.append({"start": s, "end": e, "sentence": text[s:e]})
    return out


def record_from_gold(gold: Gold, text: str) -> dict:
    """A record that says exactly what the gold says (first acceptable value each time)."""
    events = [
        {
            "id": f"e{i}",
            "type": g.types[0],
            "mode": None if not g.modes or g.modes[0] == "none" else g.modes[0],
            "status": g.statuses[0],
            "parties": sorted(g.parties[0]),
            "date": {"value": g.date, "granularity": "day"} if g.date else None,
            "sectors": sorted(g.sectors),
            "evidence": _evidence(text, g.evidence),
        }
        for i, g in enumerate(gold.events)
    ]
    agreements = [
        {
            "id": f"a{i}",
            "title": " ".join(g.title_keywords),
            "parties": sorted(g.parties[0]),
            "status": g.statuses[0] if g.statuses else None,
        }
        for i, g in enumerate(gold.agreements)
    ]
    quantities = [
        {
            "value": g.value,
            "unit": g.unit,
            "kind": g.kinds[0] if g.kinds else None,
            "measure": g.measures[0] if g.measures else None,
            "evidence": _evidence(text, g.evidence),
        }
        for g in gold.quantities
    ]
    actors = [
        {
            "id": a.id,
            "kind": a.kind,
            "country": a.country,
            "role": a.roles[0] if a.roles else None,
        }
        for a in gold.actors
    ]
    return {
        "schema": 1,
        "doc_id": gold.doc,
        "text": text,
        "published": gold.published,
        "actors": actors,
        "events": events,
        "agreements": agreements,
        "quantities": quantities,
    }


# ------------------------------------------------------------------ shared golds


@pytest.fixture(scope="module")
def shared_golds() -> tuple[dict[str, Gold], dict[str, str]]:
    """All shared golds and texts (skips when /work/shared is not there)."""
    if SHARED is None:
        pytest.skip("shared data folder (../shared next to the repository) is absent")
    golds = load_gold(SHARED / "gold") | load_gold(SHARED / "dev" / "gold")
    return golds, _texts()


@pytest.mark.skipif(SHARED is None, reason="shared data folder (../shared) is absent")
@pytest.mark.parametrize(("where", "doc"), _gold_cases() or [("none", "none")])
def test_evaluate_record_built_from_gold_scores_perfectly(where, doc, shared_golds):
    golds, texts = shared_golds
    gold = golds[doc]
    report = score([record_from_gold(gold, texts[doc])], {doc: gold})
    assert report.warnings == []
    for kind, counts in report.kinds.items():
        assert (counts.fp, counts.fn) == (0, 0), (kind, report.docs[doc].to_dict())
        assert counts.f1 == 1.0
    for name, ratio in report.attributes.items():
        assert ratio.correct == ratio.total, (name, report.docs[doc].mismatches)


@pytest.mark.skipif(SHARED is None, reason="shared data folder (../shared) is absent")
def test_evaluate_all_golds_together_score_perfectly(shared_golds):
    golds, texts = shared_golds
    records = [record_from_gold(g, texts[d]) for d, g in golds.items()]
    report = score(records, golds)
    assert report.missing_docs == []
    assert all(c.f1 == 1.0 for c in report.kinds.values())
    assert report.events.tp > 100 and report.published.total > 0
    json.dumps(report.to_dict())


# ------------------------------------------------------------------ small cases

TEXT = (
    "Le ministre russe a rencontré son homologue indonésien mardi à Jakarta. "
    "Les deux pays ont signé un plan de consultation.\n"
    "Ils ont aussi parlé du Myanmar. «Nous sommes amis», a-t-il dit."
)
S1 = (0, TEXT.index(" Les"))  # the meeting sentence
S2 = (TEXT.index("Les"), TEXT.index("\n"))  # the signing sentence
S3 = (TEXT.index("Ils"), TEXT.index(" «"))  # Myanmar


def write_gold(tmp_path: Path, body: str, name: str = "doc.yaml") -> dict[str, Gold]:
    """A gold file from YAML text, loaded."""
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return load_gold(path)


GOLD_TWO_EVENTS = """
doc: d1
published: 2021-07-06
events:
  - id: meeting
    type: CONSULT
    mode: [meeting, visit]
    status: done
    parties: [IDN, RUS]
    date: 2021-07
    evidence: ["a rencontré son homologue indonésien"]
  - id: signing
    type: AGREE
    status: done
    parties: [IDN, RUS]
    sectors: [diplomacy]
    evidence: ["ont signé un plan de consultation"]
"""


def event(type_="CONSULT", parties=("IDN", "RUS"), span=S1, **extra) -> dict:
    """A minimal record event citing one span of TEXT."""
    s, e = span
    ev = {
        "type": type_,
        "status": "done",
        "parties": list(parties),
        "evidence": [{"start": s, "end": e, "sentence": TEXT[s:e]}],
    }
    ev.update(extra)
    return ev


def record(events=(), **extra) -> dict:
    """A minimal record for doc d1."""
    rec = {
        "doc_id": "d1",
        "text": TEXT,
        "published": "2021-07-06",
        "actors": [],
        "events": list(events),
        "agreements": [],
        "quantities": [],
    }
    rec.update(extra)
    return rec


def test_evaluate_two_matching_events_are_tp(tmp_path):
    golds = write_gold(tmp_path, GOLD_TWO_EVENTS)
    rep = score([record([event(), event("AGREE", span=S2, sectors=["diplomacy"])])], golds)
    assert (rep.events.tp, rep.events.fp, rep.events.fn) == (2, 0, 0)
    assert rep.event_sectors_recall == Ratio(1, 1)


def test_evaluate_missing_event_is_fn(tmp_path):
    golds = write_gold(tmp_path, GOLD_TWO_EVENTS)
    rep = score([record([event()])], golds)
    assert (rep.events.tp, rep.events.fp, rep.events.fn) == (1, 0, 1)
    assert rep.docs["d1"].unmatched == [{"kind": "event", "id": "signing"}]
    assert rep.events.recall == 0.5 and rep.events.precision == 1.0


def test_evaluate_duplicate_event_is_fp(tmp_path):
    golds = write_gold(tmp_path, GOLD_TWO_EVENTS)
    rep = score([record([event(), event(), event("AGREE", span=S2)])], golds)
    assert (rep.events.tp, rep.events.fp, rep.events.fn) == (2, 1, 0)
    fp = rep.docs["d1"].false_positives[0]
    assert fp["type"] == "CONSULT" and fp["evidence_start"] == S1[0]


@pytest.mark.parametrize(
    "parties", [("RUS",), ("IDN", "MMR", "RUS"), ("IDN", "igo:asean")], ids=str
)
def test_evaluate_wrong_parties_do_not_match(tmp_path, parties):
    golds = write_gold(tmp_path, GOLD_TWO_EVENTS)
    rep = score([record([event(parties=parties), event("AGREE", span=S2)])], golds)
    assert (rep.events.tp, rep.events.fp, rep.events.fn) == (1, 1, 1)


@pytest.mark.parametrize(
    ("type_", "span", "ok"),
    [
        ("CONSULT", S1, True),
        ("AGREE", S1, False),
        ("CONSULT", S3, False),
        ("CONSULT", (S1[1] - 3, S2[0] + 3), True),
    ],
    ids=["same-sentence", "wrong-type", "other-sentence", "straddling-span"],
)
def test_evaluate_event_needs_type_and_evidence_sentence(tmp_path, type_, span, ok):
    golds = write_gold(tmp_path, GOLD_TWO_EVENTS)
    rep = score([record([event(type_, span=span)])], golds)
    assert rep.events.tp == int(ok)


@pytest.mark.parametrize(
    ("parties", "ok"),
    [(("CHN",), True), (("CHN", "igo:un"), True), (("CHN", "USA"), False)],
    ids=str,
)
def test_evaluate_alternative_parties(tmp_path, parties, ok):
    golds = write_gold(
        tmp_path,
        """
doc: d1
published: null
events:
  - {id: summit, type: CONSULT, status: done, parties: [[CHN, igo:un], [CHN]],
     evidence: ["a rencontré"]}
agreements:
  - {title_keywords: [plan de consultation], parties: [[CHN], [CHN, igo:un]], status: signed}
""",
    )
    agreement = {"title": "Plan de consultation", "parties": list(parties), "status": "signed"}
    rep = score([record([event(parties=parties)], agreements=[agreement])], golds)
    assert (rep.events.tp, rep.agreements.tp) == (int(ok), int(ok))
    assert rep.published == Ratio(0, 0)  # null published is not scored


GOLD_OPTIONAL = """
doc: d1
events:
  - {id: meeting, type: CONSULT, status: done, parties: [IDN, RUS],
     evidence: ["a rencontré son homologue"]}
  - {id: friends, type: SUPPORT, status: done, parties: [IDN, RUS], optional: true,
     evidence: ["Nous sommes amis"]}
"""


@pytest.mark.parametrize("copies", [0, 1, 2])
def test_evaluate_optional_events_neither_reward_nor_punish(tmp_path, copies):
    golds = write_gold(tmp_path, GOLD_OPTIONAL)
    friends = [event("SUPPORT", span=(TEXT.index("«"), len(TEXT))) for _ in range(copies)]
    rep = score([record([event(), *friends])], golds)
    # the first optional match is neutral; a second record for it is an FP
    assert (rep.events.tp, rep.events.fp, rep.events.fn) == (1, max(copies - 1, 0), 0)


def test_evaluate_required_gold_preferred_over_optional(tmp_path):
    golds = write_gold(
        tmp_path,
        """
doc: d1
events:
  - {id: opt, type: CONSULT, status: done, parties: [IDN, RUS], optional: true,
     evidence: ["a rencontré"]}
  - {id: req, type: CONSULT, status: done, parties: [IDN, RUS], evidence: ["homologue"]}
""",
    )
    rep = score([record([event()])], golds)
    assert (rep.events.tp, rep.events.fp, rep.events.fn) == (1, 0, 0)


@pytest.mark.parametrize(
    ("gold_date", "record_date", "ok"),
    [
        ("2021-07", "2021-07-06", True),
        ("2021-07", "2021-07", True),
        ("2021", "2021-12-31", True),
        ("2021-07-06", "2021-07", False),
        ("2021-07", "2021-08-06", False),
        ("2021", None, False),
    ],
)
def test_evaluate_event_date_at_gold_precision(tmp_path, gold_date, record_date, ok):
    golds = write_gold(
        tmp_path,
        f"""
doc: d1
events:
  - {{id: m, type: CONSULT, status: done, parties: [IDN, RUS], date: {gold_date},
     evidence: ["a rencontré"]}}
""",
    )
    date = {"value": record_date, "granularity": "day"} if record_date else None
    rep = score([record([event(date=date)])], golds)
    assert rep.events.tp == 1
    assert rep.event_date == Ratio(int(ok), 1)


@pytest.mark.parametrize(
    ("gold_published", "record_published", "expected"),
    [
        ("2021-07", "2021-07-06", Ratio(1, 1)),
        ("2021", "2021", Ratio(1, 1)),
        ("2021-07-06", "2021-07-05", Ratio(0, 1)),
        ("2021-07-06", None, Ratio(0, 1)),
        ("null", "2021-07-06", Ratio(0, 0)),
    ],
)
def test_evaluate_published_at_gold_precision(tmp_path, gold_published, record_published, expected):
    golds = write_gold(tmp_path, f"doc: d1\npublished: {gold_published}\n")
    rep = score([record(published=record_published)], golds)
    assert rep.published == expected


def test_evaluate_attributes_of_matched_events(tmp_path):
    golds = write_gold(
        tmp_path,
        """
doc: d1
events:
  - {id: m, type: CONSULT, mode: [meeting, none], status: [done, ongoing], parties: [IDN, RUS],
     sectors: [health, trade], sectors_allowed: [investment], evidence: ["a rencontré"]}
""",
    )
    rec = event(status="planned", mode=None, sectors=["health", "investment", "cyber"])
    rep = score([record([rec])], golds)
    assert rep.event_status == Ratio(0, 1)
    assert rep.event_mode == Ratio(1, 1)  # `none` accepts no mode
    assert rep.event_sectors_recall == Ratio(1, 2)  # trade missing
    assert rep.event_sectors_precision == Ratio(1, 2)  # cyber not allowed; investment is
    assert rep.event_date == Ratio(0, 0)  # gold gives no date
    attrs = {m["attribute"] for m in rep.docs["d1"].mismatches}
    assert attrs == {"status", "sectors"}


def test_evaluate_any_sector_allowed_with_star(tmp_path):
    golds = write_gold(
        tmp_path,
        """
doc: d1
events:
  - {id: m, type: CONSULT, status: done, parties: [IDN, RUS], sectors_allowed: '*',
     evidence: ["a rencontré"]}
""",
    )
    rep = score([record([event(sectors=["health", "cyber"])])], golds)
    assert rep.event_sectors_precision == Ratio(0, 0)


GOLD_ACTORS = """
doc: d1
actors:
  - {id: RUS, kind: state}
  - {id: igo:asean, kind: igo}
  - {id: person:elizabeth-truss, kind: person, country: GBR, role: foreign_minister}
  - {id: person:isaias-afwerki, aliases: [person:issaias-afeworki], kind: person,
     country: ERI, role: [head_of_state, other]}
  - {id: org:bpom, kind: org, country: IDN, required: true}
  - {id: org:vna, kind: org, country: VNM}
  - {id: MMR, kind: state, optional: true}
"""


def test_evaluate_person_matched_by_surname_and_country(tmp_path):
    golds = write_gold(tmp_path, GOLD_ACTORS)
    actors = [
        {"id": "RUS", "kind": "state"},
        {"id": "igo:asean", "kind": "igo"},
        {"id": "person:liz-truss", "kind": "person", "country": "GBR", "role": "foreign_minister"},
        {"id": "person:issaias-afeworki", "kind": "person", "country": "ERI", "role": "other"},
        {"id": "org:bpom", "kind": "org", "country": "IDN"},
        {"id": "org:something-else", "kind": "org"},  # orgs are never FP
        {"id": "MMR", "kind": "state"},  # optional: neutral
    ]
    rep = score([record(actors=actors)], golds)
    assert (rep.actors.tp, rep.actors.fp, rep.actors.fn) == (5, 0, 0)
    assert rep.actor_role == Ratio(2, 2)
    assert rep.actor_country == Ratio(3, 3)


@pytest.mark.parametrize(
    "person",
    [
        {"id": "person:liz-truss", "country": "USA"},
        {"id": "person:elizabeth-smith", "country": "GBR"},
    ],
    ids=["other-country", "other-surname"],
)
def test_evaluate_person_not_matched_without_surname_and_country(tmp_path, person):
    golds = write_gold(
        tmp_path, "doc: d1\nactors:\n  - {id: person:elizabeth-truss, kind: person, country: GBR}\n"
    )
    rep = score([record(actors=[{"kind": "person", **person}])], golds)
    assert (rep.actors.tp, rep.actors.fp, rep.actors.fn) == (0, 1, 1)


def test_evaluate_org_actor_scored_only_when_required(tmp_path):
    golds = write_gold(tmp_path, GOLD_ACTORS)
    rep = score([record(actors=[{"id": "RUS"}, {"id": "USA", "kind": "state"}])], golds)
    # missing: igo:asean, two persons, org:bpom (required); org:vna and MMR are not counted
    assert (rep.actors.tp, rep.actors.fp, rep.actors.fn) == (1, 1, 4)
    missing = {u["id"] for u in rep.docs["d1"].unmatched}
    assert "org:vna" not in missing and "org:bpom" in missing


GOLD_QUANTITY = """
doc: d1
quantities:
  - {value: 100, unit: {unit}, measure: trade, kind: [actual, target], evidence: "homologue"}
"""


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (100, True),
        (100.9, True),
        (99.05, True),
        (101.5, False),
        (98, False),
        ("100", True),
        (None, False),
    ],
)
def test_evaluate_quantity_one_percent_tolerance(tmp_path, value, ok):
    golds = write_gold(tmp_path, GOLD_QUANTITY.replace("{unit}", "USD"))
    rep = score(
        [
            record(
                quantities=[{"value": value, "unit": "USD", "kind": "target", "measure": "trade"}]
            )
        ],
        golds,
    )
    assert (rep.quantities.tp, rep.quantities.fp) == (int(ok), int(not ok))
    if ok:
        assert rep.quantity_kind == Ratio(1, 1) and rep.quantity_measure == Ratio(1, 1)


@pytest.mark.parametrize(
    ("gold_unit", "record_unit", "ok"),
    [
        ("diplomats", "people", True),
        ("doses", "persons", True),
        ("USD", "USD", True),
        ("USD", "EUR", False),
        ("percent", "percent", True),
        ("percent", "people", False),
        ("USD", "people", False),
        ("people", None, False),
    ],
)
def test_evaluate_quantity_unit_classes(tmp_path, gold_unit, record_unit, ok):
    golds = write_gold(tmp_path, GOLD_QUANTITY.replace("{unit}", gold_unit))
    rep = score([record(quantities=[{"value": 100, "unit": record_unit}])], golds)
    assert rep.quantities.tp == int(ok)


def test_evaluate_quantities_matched_one_to_one(tmp_path):
    golds = write_gold(tmp_path, GOLD_QUANTITY.replace("{unit}", "USD"))
    qty = {"value": 100, "unit": "USD", "kind": "actual", "measure": "aid"}
    rep = score([record(quantities=[qty, dict(qty)])], golds)
    assert (rep.quantities.tp, rep.quantities.fp) == (1, 1)
    assert rep.quantity_measure == Ratio(0, 1)


@pytest.mark.parametrize(
    ("title", "ok"),
    [
        ("Protocole d'accord sur la SANTE", True),
        ("protocole d’accord sur la santé", True),
        ("protocole sur la santé", False),
        (None, False),
    ],
)
def test_evaluate_agreement_keywords_case_and_accent_insensitive(tmp_path, title, ok):
    golds = write_gold(
        tmp_path,
        """
doc: d1
agreements:
  - {title_keywords: [protocole d’accord, santé], parties: [IDN, RUS], status: [finalizing]}
""",
    )
    agreement = {"title": title, "parties": ["RUS", "IDN"], "status": "signed"}
    rep = score([record(agreements=[agreement])], golds)
    assert (rep.agreements.tp, rep.agreements.fp, rep.agreements.fn) == (
        int(ok),
        int(not ok),
        int(not ok),
    )
    assert rep.agreement_status == Ratio(0, int(ok))


def test_evaluate_missing_record_counts_required_items_as_fn(tmp_path):
    golds = write_gold(tmp_path, GOLD_TWO_EVENTS + "actors:\n  - {id: RUS, kind: state}\n")
    rep = score([{"doc_id": "other", "text": ""}], golds)
    assert rep.missing_docs == ["d1"] and rep.unscored_docs == ["other"]
    assert (rep.events.fn, rep.actors.fn) == (2, 1)
    assert rep.published == Ratio(0, 1)
    assert rep.docs["d1"].missing and rep.warnings == []


def test_evaluate_evidence_not_found_warns(tmp_path):
    golds = write_gold(
        tmp_path,
        """
doc: d1
events:
  - {id: ghost, type: CONSULT, status: done, parties: [IDN, RUS], evidence: ["jamais écrit"]}
  - {id: quote, type: CONSULT, status: done, parties: [IDN], evidence: ["a-t-il dit"]}
""",
    )
    rep = score([record([event(parties=["IDN"], span=(len(TEXT) - 5, len(TEXT)))])], golds)
    assert (rep.events.tp, rep.events.fn) == (1, 1)
    assert len(rep.warnings) == 1 and "jamais écrit" in rep.warnings[0]


def test_evaluate_curly_apostrophe_in_gold_finds_straight_text(tmp_path):
    text = "Lavrov l'a dit aujourd'hui. Puis il est parti."
    golds = write_gold(
        tmp_path,
        """
doc: d1
events:
  - {id: said, type: SUPPORT, status: done, parties: [RUS], evidence: ["l’a dit aujourd’hui"]}
""",
    )
    ev = {
        "type": "SUPPORT",
        "status": "done",
        "parties": ["RUS"],
        "evidence": [{"start": 0, "end": 6}],
    }
    rep = score([{"doc_id": "d1", "text": text, "events": [ev]}], golds)
    assert rep.events.tp == 1 and rep.warnings == []


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Il est venu. Il est parti.", ["Il est venu.", "Il est parti."]),
        ("Un.\nDeux trois", ["Un.", "Deux trois"]),
        (
            "Il a dit. «Oui», et Élise aussi! Éric.",
            ["Il a dit.", "«Oui», et Élise aussi!", "Éric."],
        ),
        ("US$7.5 billion. trade grew 3.2 percent", ["US$7.5 billion. trade grew 3.2 percent"]),
        ('He said "fine." Then left…  Ok', ['He said "fine."', "Then left…", "Ok"]),
        ("  \n\n", []),
    ],
)
def test_evaluate_sentence_split(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("doc: [unclosed\n", "malformed YAML"),
        ("language: fr\nevents: []\n", "missing 'doc'"),
        ("- just a list\n", "mapping"),
        ("doc: d1\nevents:\n  - {id: x, type: AGREE}\n", "status"),
    ],
    ids=["bad-yaml", "no-doc", "not-mapping", "bad-event"],
)
def test_evaluate_malformed_gold_raises_gold_error_naming_file(tmp_path, body, message):
    (tmp_path / "broken.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(tmp_path)
    text = str(info.value)
    assert "broken.yaml" in text and message in text and "\n" not in text


def test_evaluate_load_gold_reads_directory_and_normalises_dates(tmp_path):
    (tmp_path / "a.yaml").write_text("doc: a\npublished: 2021\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("doc: b\npublished: 2021-07-06\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not gold", encoding="utf-8")
    golds = load_gold(tmp_path)
    assert sorted(golds) == ["a", "b"]
    assert (golds["a"].published, golds["b"].published) == ("2021", "2021-07-06")
    assert isinstance(golds["a"], Gold)


def test_evaluate_report_to_dict_and_render(tmp_path):
    golds = write_gold(tmp_path, GOLD_TWO_EVENTS)
    rep = score([record([event(), event()])], golds)
    data = json.loads(json.dumps(rep.to_dict()))
    assert data["kinds"]["events"] == {
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert data["attributes"]["event_date"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert data["docs"]["d1"]["unmatched"] == [{"kind": "event", "id": "signing"}]
    console = Console(record=True, width=120)
    rep.render(console, details=True)
    out = console.export_text()
    assert "events" in out and "FN" in out and "signing" in out and "event date" in out


def test_evaluate_empty_report_is_vacuously_perfect():
    rep = EvalReport()
    assert rep.events.precision == rep.events.recall == rep.events.f1 == 1.0
    assert rep.event_status.accuracy is None
    assert json.dumps(rep.to_dict())


def test_evaluate_sentence_split_keeps_initials_and_titles():
    text = "Antony J. Blinken a vu M. Fernandez et Dr. Ahmet. Puis il est parti."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Antony J. Blinken a vu M. Fernandez et Dr. Ahmet.",
        "Puis il est parti.",
    ]


def test_evaluate_error_lists_name_item_kinds(tmp_path):
    golds = write_gold(tmp_path, GOLD_QUANTITY.replace("{unit}", "USD"))
    rep = score([record(quantities=[{"value": 5, "unit": "USD"}])], golds)
    doc = rep.docs["d1"]
    assert doc.unmatched == [{"kind": "quantity", "id": "100 USD"}]
    assert doc.false_positives[0]["kind"] == "quantity"


@pytest.mark.parametrize("seed", range(20))
def test_evaluate_assignment_is_maximum_weight(seed):
    import itertools
    import random

    from diplograph.evaluate import _assign

    rng = random.Random(seed)
    rows, cols = rng.randint(1, 5), rng.randint(1, 5)
    weights = [[rng.choice([0, 0, 1, 5, 9]) for _ in range(cols)] for _ in range(rows)]
    got = _assign(weights)
    assert len(set(got.values())) == len(got)
    assert all(weights[i][j] > 0 for i, j in got.items())
    best = 0
    for perm in itertools.permutations(range(max(rows, cols)), rows):
        best = max(best, sum(weights[i][j] for i, j in enumerate(perm) if j < cols))
    assert sum(weights[i][j] for i, j in got.items()) == best
