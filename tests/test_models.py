"""Learned event models: the JSON model format, the party choice, training
end to end on a small subset, and the committed models reproducing the
figures recorded when they were trained."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SHARED

from diplograph.models import (EventModels, choose_parties, load_event_models, model_folder,
                               recover_types)
from diplograph.models.features import pair_features, party_candidates, sentence_features
from diplograph.models.linear import LinearModel

ROOT = Path(__file__).resolve().parents[1]
PUB = "2022-09-14"


def test_models_linear_model_round_trips_through_json(tmp_path):
    model = LinearModel("party", {"rule": 2.0, "place": -3.0}, -0.5, 0.7, 0.3)
    path = tmp_path / "party.json"
    path.write_text(model.to_json(), encoding="utf-8")
    loaded = LinearModel.load(path)
    assert loaded == model
    assert loaded.probability(["rule"]) > 0.8 > 0.1 > loaded.probability(["place"])
    assert loaded.probability(["rule", "rule"]) == loaded.probability(["rule"])  # sets


def _drafts(parse_text, text):
    from diplograph.stages.events import draft_events

    parsed = parse_text(text, PUB)
    found = parsed.pipeline.find_before_events(parsed)
    return parsed, found.actors, draft_events(parsed, found.actors, found.times,
                                              found.quantities, found.documents)


def test_models_candidates_include_the_venue_marked_as_a_place(parse_text):
    parsed, actors, drafts = _drafts(
        parse_text, "Le ministre russe des Affaires étrangères a rencontré mardi à Jakarta "
        "son homologue vietnamien.")
    meeting = next(d for d in drafts if d.type == "CONSULT")
    candidates = party_candidates(parsed, actors, meeting)
    assert {"RUS", "VNM", "IDN"} <= set(candidates)
    assert "place" in candidates["IDN"] and "rule" in candidates["VNM"]


def test_models_party_model_drops_what_it_disbelieves_and_keeps_rules_otherwise(parse_text):
    parsed, actors, drafts = _drafts(
        parse_text, "Le ministre russe des Affaires étrangères a rencontré mardi à Jakarta "
        "son homologue vietnamien.")
    meeting = next(d for d in drafts if d.type == "CONSULT")
    venue_is_party = LinearModel("party", {"place": 5.0, "rule": 5.0}, -2.0, 0.5)
    choose_parties(venue_is_party, parsed, actors, meeting)
    assert meeting.parties == ["IDN", "RUS", "VNM"]
    believes_nothing = LinearModel("party", {}, -9.0, 0.5)
    before = list(meeting.parties)
    choose_parties(believes_nothing, parsed, actors, meeting)
    assert meeting.parties == before  # no belief at all: the rules stand


def test_models_revise_drops_drafts_the_act_model_rejects(parse_text):
    parsed, actors, drafts = _drafts(
        parse_text, "Le ministre russe des Affaires étrangères a rencontré mardi "
        "son homologue vietnamien.")
    nothing_is_an_act = EventModels(act=LinearModel("act", {}, -9.0, 0.5))
    assert nothing_is_an_act.revise(parsed, actors, drafts) == []
    assert EventModels().revise(parsed, actors, list(drafts)) == drafts


def test_models_recover_proposes_an_act_where_the_rules_drafted_none(parse_text):
    parsed, actors, drafts = _drafts(
        parse_text, "Le ministre russe des Affaires étrangères a rencontré mardi "
        "son homologue vietnamien. La France se dit encline à travailler main dans la main "
        "avec le Vietnam.")
    assert {d.sentence.index for d in drafts} == {0}  # the rules read no act in the second
    sentence = sentence_features(parsed, actors, parsed.readable()[1], "CONSULT")
    assert {"root=dire", "xcomp>xcomp=travailler", "state@subject", "before=CONSULT"} <= \
        set(sentence)
    recover = LinearModel("recover", {"type=COOPERATE": 1.0, "type=ACCUSE": 0.0,
                                      "COOPERATE&xcomp>xcomp=travailler": 4.0}, -2.0, 0.5)
    revised = EventModels(recover=recover).revise(parsed, actors, list(drafts))
    assert revised[:-1] == drafts
    found = revised[-1]
    assert (found.type, found.parties, found.sentence.index) == ("COOPERATE", ["FRA", "VNM"], 1)
    assert found.source == ["FRA"] and found.status == "done"
    # no type likely enough, or a sentence the rules drafted in: nothing recovered
    unlikely = replace(recover, threshold=0.99)
    assert EventModels(recover=unlikely).revise(parsed, actors, list(drafts)) == drafts
    assert recover_types(recover) == ["ACCUSE", "COOPERATE"]


def test_models_same_event_joins_what_it_judges_one_and_only_that(parse_text):
    from diplograph.stages.events import find_events

    text = ("Le ministre russe des Affaires étrangères a rencontré mardi son homologue "
            "vietnamien à Moscou. Le ministre russe a rencontré lundi son homologue "
            "vietnamien pour un dîner de travail.")
    parsed = parse_text(text, PUB)
    found = parsed.pipeline.find_before_events(parsed)

    def events(models):
        return find_events(parsed, found.actors, found.times, found.quantities,
                           found.agreements, found.documents, models)

    apart = events(None)
    assert [e.type for e in apart] == ["CONSULT", "CONSULT"]  # two days: two meetings
    features = pair_features(*_merged(parsed, found), [])
    assert {"parties=equal", "same_word=True", "distance=1", "between=0",
            "dates=apart"} <= set(features)
    joins_same_parties = LinearModel("same", {"parties=equal": 9.0}, -5.0, 0.5)
    joined = events(EventModels(same=joins_same_parties))
    assert len(joined) == 1 and len(joined[0].evidence) == 2
    never = LinearModel("same", {}, -9.0, 0.5)
    assert len(events(EventModels(same=never))) == 2


def _merged(parsed, found):
    from diplograph.stages.events import draft_events, merged_drafts

    drafts = draft_events(parsed, found.actors, found.times, found.quantities, found.documents)
    return merged_drafts(parsed, found.actors, drafts)


needs_shared = pytest.mark.skipif(not (SHARED / "train" / "gold").is_dir(),
                                  reason="../shared/train not found: training needs its gold")


@needs_shared
def test_models_make_train_runs_end_to_end_on_ten_articles(tmp_path):
    pytest.importorskip("sklearn", reason="scikit-learn (extra 'train') is not installed")
    result = subprocess.run(
        ["make", "-s", "train", f"TRAIN_ARGS=--limit 10 --out {tmp_path} --languages fr"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHON": sys.executable})
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads((tmp_path / "fr" / "report.json").read_text(encoding="utf-8"))
    assert report["articles"] == 10 and "rules" in report["cross_validated"]
    party = LinearModel.load(tmp_path / "fr" / "party.json")
    assert party.weights and party.keep_threshold is not None
    assert "5-fold CV" in result.stdout


@needs_shared
def test_models_committed_models_give_their_recorded_dev_figures():
    """The shipped artifacts match the code: reading the dev set with them
    gives the figures written when they were trained."""
    from diplograph.evaluate import load_gold, score
    from diplograph.extract import extract
    from diplograph.ingest import iter_inputs
    from diplograph.models.train import shipped_name

    models = load_event_models("fr")
    assert models is not None and models.party is not None, "no models in " \
        f"{model_folder('fr')}: run `make train`"
    report = json.loads((model_folder("fr") / "report.json").read_text(encoding="utf-8"))
    golds = {k: g for k, g in load_gold(SHARED / "dev" / "gold").items() if g.language == "fr"}
    inputs = list(iter_inputs([SHARED / "dev" / "dev.jsonl"], 50_000_000))
    records = [r.to_dict() for r in extract(inputs, learned=True) if hasattr(r, "to_dict")]
    got = score([r for r in records if r["doc_id"] in golds], golds).to_dict()["kinds"]
    shipped = shipped_name(models)
    assert got["events"]["f1"] == report["dev"][shipped]["events"]["f1"], \
        "the committed models no longer give their recorded figures: run `make train`"
