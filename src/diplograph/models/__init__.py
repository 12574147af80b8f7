"""Learned parts of event extraction, where hand rules stop generalising.

- ``party``: for each state or IGO that may take part in a drafted act, the
  probability that it is a party (not a venue, topic or bystander).
- ``act``: the probability that a drafted act is one a careful analyst
  would record (not a description, a name of a body, a purpose clause).
- ``recover``: for a readable sentence where the rules drafted no act, the
  probability that it reports an act of each PLOVER type the model knows
  (statements of intent or position, acts named by derived nouns, thanks);
  the likeliest type above the threshold becomes a draft.
- ``same``: for two events of one type that the rules kept apart, the
  probability that they are one real event told twice (the meeting and
  "the talks", a visit and its second day); above the threshold they merge.

Artifacts are JSON files in ``models/<language>/``, rebuilt from
``../shared/train`` by ``make train`` (see ``models/train.py``); a language
without them is read by the rules alone.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from ..types import Evidence

from .features import (act_features, pair_features, party_candidates, recover_features,
                       sentence_features, sentence_root)
from .linear import LinearModel

MODEL_NAMES = ("party", "act", "recover", "same")


@dataclass(frozen=True)
class EventModels:
    party: LinearModel | None = None
    act: LinearModel | None = None
    recover: LinearModel | None = None
    same: LinearModel | None = None

    def revise(self, parsed, actors, drafts: list) -> list:
        """Drafts with parties chosen by the party model and non-acts dropped,
        and drafts recovered for sentences where the rules drafted none."""
        out = self._revised(parsed, actors, drafts)
        if self.recover is None:
            return out
        by_sentence: dict[int, list] = {}
        for draft in out:
            by_sentence.setdefault(draft.sentence.index, []).append(draft)
        merged: list = []
        previous: tuple[str, ...] = ()
        for sent, before in undrafted(parsed, drafts):
            if before is not False:
                draft = recover_draft(self, parsed, actors, sent, before, previous)
                if draft is not None:
                    merged.append(draft)
            merged.extend(by_sentence.pop(sent.index, []))
            if merged and merged[-1].sentence is sent:
                previous = tuple(merged[-1].parties)
        for rest in by_sentence.values():  # drafts of sentences not readable (none expected)
            merged.extend(rest)
        return merged

    def _revised(self, parsed, actors, drafts: list) -> list:
        out = []
        previous: tuple[str, ...] = ()
        for index, draft in enumerate(drafts):
            if self.party is not None:
                choose_parties(self.party, parsed, actors, draft, previous)
            if index + 1 < len(drafts) and drafts[index + 1].sentence is not draft.sentence:
                previous = tuple(draft.parties)
            if self.act is not None and self.act.probability(
                    act_features(parsed, actors, draft)) < self.act.threshold:
                continue
            out.append(draft)
        return out

    def same_event(self, first, second, between: list) -> bool:
        """Whether the same-event model judges two events one (see ``coalesce``)."""
        return self.same.probability(pair_features(first, second, between)) >= self.same.threshold

    def with_only(self, *names: str) -> EventModels:
        """The same models with all but ``names`` switched off (for ablations)."""
        return replace(self, **{n: None for n in MODEL_NAMES if n not in names})


def choose_parties(model: LinearModel, parsed, actors, draft,
                   previous: tuple[str, ...] = ()) -> None:
    """Replace a draft's parties by the candidates the model believes in (a
    rule party needs less belief than a new one); the rules' choice stands
    when the model believes in none."""
    scored = {actor: model.probability(feats)
              for actor, feats in party_candidates(parsed, actors, draft, previous).items()}
    keep = model.threshold if model.keep_threshold is None else model.keep_threshold
    chosen = sorted(a for a, p in scored.items()
                    if p >= model.threshold or (a in draft.parties and p >= keep))
    if not chosen:
        return
    source = [s for s in draft.source if s in chosen]
    draft.parties = chosen
    draft.source = source or chosen
    draft.target = [a for a in chosen if a not in draft.source]


def undrafted(parsed, drafts: list):
    """(sentence, type of the rules' last draft in the sentence before, or
    None) for each readable sentence; False instead for a sentence the rules
    drafted something in (no recovery there)."""
    types: dict[int, str] = {}
    for draft in drafts:
        types[draft.sentence.index] = draft.type
    last = None
    for sent in parsed.readable():
        yield sent, (False if sent.index in types else last)
        last = types.get(sent.index)


def recover_types(model: LinearModel) -> list[str]:
    """The PLOVER types a recover model may propose (those it has a bias for)."""
    return sorted(f[5:] for f in model.weights if f.startswith("type="))


def recover_draft(models: EventModels, parsed, actors, sent, before: str | None,
                  previous: tuple[str, ...] = ()):
    """A draft for a sentence the rules drafted nothing in: the likeliest
    type above the recover model's threshold, its parties read by the rules
    (``participants``) and chosen by the party model when there is one; None
    when no type is likely enough or no state or IGO takes part."""
    model = models.recover
    sentence = sentence_features(parsed, actors, sent, before)
    scored = [(model.probability(recover_features(sentence, t)), t) for t in recover_types(model)]
    if not scored:
        return None
    probability, type_ = max(scored)
    if probability < model.threshold:
        return None
    draft = new_draft(parsed, actors, sent, type_, previous)
    if models.party is not None:
        choose_parties(models.party, parsed, actors, draft, previous)
    return draft if draft.parties else None


def new_draft(parsed, actors, sent, type_: str, previous: tuple[str, ...] = ()):
    """A draft of type ``type_`` for a whole sentence, headed by its root, its
    parties read by the rules."""
    from ..stages.context import location_in, modality, participants
    from ..stages.drafts import Draft
    from ..stages.triggers import Trigger

    root = sentence_root(sent)
    who = participants(parsed, actors, sent, root, current=previous)
    return Draft(
        trigger=Trigger(type_, None, None, False, None, None, 0, 1), sentence=sent, head=root,
        type=type_, mode=None, status=modality(parsed.language, sent, root),
        parties=list(who.parties), source=list(who.source), target=list(who.target),
        people=set(who.people), sectors=set(parsed.pipeline.sectors.in_sentence(sent)), date=None,
        location=location_in(actors, sent),
        evidence=[Evidence(sent.start, sent.end, sent.sentence.text)])


def model_folder(code: str) -> Path:
    return Path(str(resources.files(__name__))) / code


def load_event_models(code: str) -> EventModels | None:
    """The shipped models for a language, or None when it has none (read
    once per language, by its Pipeline)."""
    folder = model_folder(code)
    found = {name: LinearModel.load(folder / f"{name}.json")
             for name in MODEL_NAMES if (folder / f"{name}.json").is_file()}
    return EventModels(**found) if found else None
