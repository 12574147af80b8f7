"""Learned parts of event extraction, where hand rules stop generalising.

- ``party``: for each state or IGO that may take part in a drafted act, the
  probability that it is a party (not a venue, topic or bystander).
- ``act``: the probability that a drafted act is one a careful analyst
  would record (not a description, a name of a body, a purpose clause).

Artifacts are JSON files in ``models/<language>/``, rebuilt from
``../shared/train`` by ``make train`` (see ``models/train.py``); a language
without them is read by the rules alone.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .features import act_features, party_candidates
from .linear import LinearModel

MODEL_NAMES = ("party", "act")


@dataclass(frozen=True)
class EventModels:
    party: LinearModel | None = None
    act: LinearModel | None = None

    def revise(self, parsed, actors, drafts: list) -> list:
        """Drafts with parties chosen by the party model and non-acts dropped."""
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


def model_folder(code: str) -> Path:
    return Path(str(resources.files(__name__))) / code


@lru_cache(maxsize=None)
def load_event_models(code: str) -> EventModels | None:
    """The shipped models for a language, or None when it has none."""
    folder = model_folder(code)
    found = {name: LinearModel.load(folder / f"{name}.json")
             for name in MODEL_NAMES if (folder / f"{name}.json").is_file()}
    return EventModels(**found) if found else None
