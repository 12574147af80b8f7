"""Score diplograph records against gold annotations (spec: shared/spec/gold.md).

A record (record.md) says what diplograph read in one article; a gold file says what
a careful analyst reads there. This package matches the two one-to-one per kind of
item (events, agreements, quantities, actors), counts true/false positives and false
negatives, scores the attributes of matched items, and keeps per-document error
lists so that a low figure can be traced back to the items behind it.

One module per job, so that callers (the CLI, tests, training code) can take the
piece they need: ``gold`` (load gold files), ``text`` (sentence spans and evidence
regions), ``matching`` (one-to-one assignment and attribute comparisons),
``scoring`` (per-document scorer, ``score``), ``report`` (counts, accuracies,
rendering). The names below are re-exported so ``diplograph.evaluate`` keeps its
interface; each module's docstring gives the decisions the spec leaves open.
"""

from __future__ import annotations

from .gold import (
    Gold,
    GoldActor,
    GoldAgreement,
    GoldError,
    GoldEvent,
    GoldQuantity,
    load_gold,
)
from .matching import _assign as _assign
from .matching import _match as _match
from .matching import _parties_ok as _parties_ok
from .matching import _record_parties as _record_parties
from .report import ATTRIBUTES as ATTRIBUTES
from .report import KINDS as KINDS
from .report import Counts, DocReport, EvalReport, Ratio
from .scoring import score
from .text import _overlaps as _overlaps
from .text import _record_spans as _record_spans
from .text import _Text as _Text
from .text import sentence_spans

# Imports written `name as name` are re-exported on purpose (tests and training code
# import them) but stay out of __all__, which lists the public names as before the split.
__all__ = [
    "Counts",
    "DocReport",
    "EvalReport",
    "Gold",
    "GoldActor",
    "GoldAgreement",
    "GoldError",
    "GoldEvent",
    "GoldQuantity",
    "Ratio",
    "load_gold",
    "score",
    "sentence_spans",
]
