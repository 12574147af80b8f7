"""The closed vocabularies of the record (record.md), defined once: every stage,
the store, the exports, the web and the CLI take them from here."""
from __future__ import annotations

#: the 16 PLOVER event types, in the codebook's order
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
               "COERCE", "ASSAULT")
#: PLOVER quad classes: verbal / material cooperation, verbal / material conflict
QUAD_CLASS = {**dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
              **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
              **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
              **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4)}
#: PLOVER types on the cooperative side; the rest are conflictual
COOPERATIVE = frozenset(t for t, quad in QUAD_CLASS.items() if quad <= 2)

#: an event's modality
EVENT_STATUSES = ("done", "ongoing", "planned", "proposed", "requested", "failed")
#: statuses of acts that have not (yet) happened
PROSPECTIVE = frozenset({"planned", "proposed", "requested"})

#: how an act was carried out
EVENT_MODES = {"CONSULT": ("meeting", "visit", "phone", "multilateral", "press_conference"),
               "AGREE": ("sign", "agree", "offer", "accept")}

#: the stages an agreement moves through, in order (abandoned ends any of them)
AGREEMENT_LIFECYCLE = ("proposed", "negotiating", "finalizing", "agreed", "signed", "in_force",
                       "abandoned")
#: agreements still waiting for a signature
PENDING = ("proposed", "negotiating", "finalizing", "agreed")

#: the closed list of sectors, and the PLOVER context each maps to (None: no context)
SECTOR_CONTEXT: dict[str, str | None] = {
    "diplomacy": "diplomatic", "trade": "economic", "investment": "economic",
    "finance": "economic", "energy": "natural_resource", "mining": "natural_resource",
    "health": "health", "education": None, "culture": None, "science": "technology",
    "space": "technology", "security": "military", "cyber": "cyber", "defense": "military",
    "agriculture": "economic", "industry": "economic", "infrastructure": None,
    "transport": None, "tourism": None, "environment": "environment", "maritime": None,
    "law": "legal", "migration": "migration", "labour": None, "humanitarian": "humanitarian",
    "development": None}
SECTORS = tuple(SECTOR_CONTEXT)


def later_stage(a: str, b: str) -> str:
    """The agreement status further along the lifecycle."""
    return a if AGREEMENT_LIFECYCLE.index(a) >= AGREEMENT_LIFECYCLE.index(b) else b


def stage_index(status: str) -> int:
    """Position in the lifecycle (unknown statuses first)."""
    return AGREEMENT_LIFECYCLE.index(status) if status in AGREEMENT_LIFECYCLE else 0
