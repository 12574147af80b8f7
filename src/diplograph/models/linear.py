"""A logistic model over sparse named features, stored as plain JSON.

Training uses scikit-learn (``make train``); reading needs nothing but this
file: a weight per feature name and a bias, so the committed artifacts are
small, diffable and load with no pickle and no download.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class LinearModel:
    name: str
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    #: a second, lower bar for what the rules already chose (the party model
    #: keeps a rule party above it, and adds a new one only above ``threshold``)
    keep_threshold: float | None = None
    #: figures recorded at training time (cross-validated), for the report and tests
    figures: dict = field(default_factory=dict)

    def probability(self, features: Iterable[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def to_json(self) -> str:
        data = {"name": self.name, "bias": round(self.bias, 6), "threshold": self.threshold,
                "keep_threshold": self.keep_threshold,
                "figures": self.figures,
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())
                            if abs(v) >= 1e-6}}
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["name"], data["weights"], data["bias"], data.get("threshold", 0.5),
                   data.get("keep_threshold"), data.get("figures", {}))
