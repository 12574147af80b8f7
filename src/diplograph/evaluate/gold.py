"""Gold files: parse the analyst's YAML (shared/spec/gold.md) into frozen dataclasses.

Kept apart from scoring so that anything that needs the gold (the scorer, training
code building examples) can load it without the matching or report machinery.
Every failure is a one-line GoldError naming the file.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ANY_SECTOR = "*"


class GoldError(ValueError):
    """A gold file that cannot be read; the message is one line naming the file."""


@dataclass(frozen=True)
class GoldEvent:
    """One event the analyst expects; lists hold every acceptable value."""

    id: str
    types: tuple[str, ...]
    statuses: tuple[str, ...]
    parties: tuple[frozenset[str], ...]
    evidence: tuple[str, ...]
    modes: tuple[str, ...] | None = None
    date: str | None = None
    sectors: frozenset[str] = frozenset()
    sectors_allowed: frozenset[str] = frozenset()
    optional: bool = False


@dataclass(frozen=True)
class GoldAgreement:
    """An agreement recognised by title keywords and parties."""

    id: str
    title_keywords: tuple[str, ...]
    parties: tuple[frozenset[str], ...]
    statuses: tuple[str, ...] | None = None
    optional: bool = False


@dataclass(frozen=True)
class GoldQuantity:
    """A figure recognised by value and unit class."""

    id: str
    value: float
    unit: str
    kinds: tuple[str, ...] | None = None
    measures: tuple[str, ...] | None = None
    evidence: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class GoldActor:
    """An actor that must (or may) appear in record.actors."""

    id: str
    kind: str
    aliases: tuple[str, ...] = ()
    has_country: bool = False
    country: str | None = None
    roles: tuple[str, ...] | None = None
    optional: bool = False
    required: bool = False

    @property
    def scored(self) -> bool:
        """org: actors count only when required; others unless optional."""
        if self.kind == "org":
            return self.required
        return self.required or not self.optional


@dataclass(frozen=True)
class Gold:
    """The parsed gold file of one document."""

    doc: str
    path: Path
    language: str | None = None
    published: str | None = None
    actors: tuple[GoldActor, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()
    quantities: tuple[GoldQuantity, ...] = ()


def load_gold(path: Path) -> dict[str, Gold]:
    """Read a directory of ``*.yaml`` gold files (or one file), keyed by ``doc``."""
    path = Path(path)
    if path.is_dir():
        files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    elif path.is_file():
        files = [path]
    else:
        raise GoldError(f"{path}: no such gold file or directory")
    golds: dict[str, Gold] = {}
    for file in files:
        gold = _load_gold_file(file)
        if gold.doc in golds:
            raise GoldError(f"{file}: doc {gold.doc!r} already given by {golds[gold.doc].path}")
        golds[gold.doc] = gold
    return golds


def _load_gold_file(file: Path) -> Gold:
    """Parse one file; every failure becomes a one-line GoldError naming it."""
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GoldError(f"{file}: malformed YAML: {_one_line(str(exc))}") from exc
    if not isinstance(data, dict):
        raise GoldError(f"{file}: expected a mapping at top level")
    if not data.get("doc"):
        raise GoldError(f"{file}: missing 'doc'")
    try:
        return Gold(
            doc=str(data["doc"]),
            path=file,
            language=data.get("language"),
            published=_date_str(data.get("published")),
            actors=tuple(_parse_actor(a) for a in _items(data, "actors")),
            events=tuple(_parse_event(e, i) for i, e in enumerate(_items(data, "events"))),
            agreements=tuple(
                _parse_agreement(a, i) for i, a in enumerate(_items(data, "agreements"))
            ),
            quantities=tuple(
                _parse_quantity(q, i) for i, q in enumerate(_items(data, "quantities"))
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldError(f"{file}: {_one_line(str(exc))}") from exc


def _one_line(text: str) -> str:
    """Collapse a (YAML) error message so the GoldError stays on one line."""
    return " ".join(text.split())


def _items(data: dict, key: str) -> list[dict]:
    """A section as a list of mappings (absent or null = empty)."""
    items = data.get(key) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ValueError(f"'{key}' must be a list of mappings")
    return items


def _str_tuple(value: Any, what: str) -> tuple[str, ...]:
    """A scalar or list of scalars as a tuple of strings."""
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    if value is None:
        raise ValueError(f"{what} is empty")
    return (str(value),)


def _optional_tuple(item: dict, key: str) -> tuple[str, ...] | None:
    """Like _str_tuple, but None when the gold does not say."""
    if key not in item or item[key] is None:
        return None
    return _str_tuple(item[key], key)


def _parties(value: Any, what: str) -> tuple[frozenset[str], ...]:
    """Gold parties: one list, or a list of alternative lists."""
    if not isinstance(value, list) or not value:
        raise ValueError(f"{what}: 'parties' must be a non-empty list")
    if all(isinstance(v, list) for v in value):
        return tuple(frozenset(str(p) for p in alt) for alt in value)
    if any(isinstance(v, list) for v in value):
        raise ValueError(f"{what}: 'parties' mixes ids and alternative lists")
    return (frozenset(str(p) for p in value),)


def _date_str(value: Any) -> str | None:
    """YAML gives dates as date objects, years as ints: compare them as ISO strings."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int | str) and not isinstance(value, bool):
        return str(value).strip() or None
    raise TypeError(f"not a date: {value!r}")


def _parse_event(item: dict, index: int) -> GoldEvent:
    """Parse one gold event; type, status, parties and evidence are mandatory."""
    eid = str(item.get("id") or f"event[{index}]")
    what = f"event {eid!r}"
    for key in ("type", "status", "parties", "evidence"):
        if key not in item:
            raise ValueError(f"{what}: missing '{key}'")
    allowed = item.get("sectors_allowed")
    if allowed == ANY_SECTOR:
        allowed_set = frozenset({ANY_SECTOR})
    else:
        allowed_set = frozenset(_str_tuple(allowed, "sectors_allowed")) if allowed else frozenset()
    return GoldEvent(
        id=eid,
        types=_str_tuple(item["type"], f"{what} type"),
        statuses=_str_tuple(item["status"], f"{what} status"),
        parties=_parties(item["parties"], what),
        evidence=_str_tuple(item["evidence"], f"{what} evidence"),
        modes=_optional_tuple(item, "mode"),
        date=_date_str(item.get("date")),
        sectors=frozenset(_str_tuple(item.get("sectors") or [], "sectors")),
        sectors_allowed=allowed_set,
        optional=bool(item.get("optional", False)),
    )


def _parse_agreement(item: dict, index: int) -> GoldAgreement:
    """Parse one gold agreement; keywords and parties are mandatory."""
    keywords = _str_tuple(item.get("title_keywords"), f"agreement[{index}] title_keywords")
    label = str(item.get("id") or " + ".join(keywords))
    return GoldAgreement(
        id=label,
        title_keywords=keywords,
        parties=_parties(item.get("parties"), f"agreement {label!r}"),
        statuses=_optional_tuple(item, "status"),
        optional=bool(item.get("optional", False)),
    )


def _parse_quantity(item: dict, index: int) -> GoldQuantity:
    """Parse one gold quantity; value and unit are mandatory."""
    if "value" not in item or "unit" not in item:
        raise ValueError(f"quantity[{index}]: needs 'value' and 'unit'")
    value = float(item["value"])
    unit = str(item["unit"]).strip()
    evidence = item.get("evidence")
    return GoldQuantity(
        id=str(item.get("id") or f"{item['value']} {unit}"),
        value=value,
        unit=unit,
        kinds=_optional_tuple(item, "kind"),
        measures=_optional_tuple(item, "measure"),
        evidence=_str_tuple(evidence, "evidence") if evidence else (),
        optional=bool(item.get("optional", False)),
    )


def _parse_actor(item: dict) -> GoldActor:
    """Parse one gold actor; the kind defaults to what the id prefix says."""
    if not item.get("id"):
        raise ValueError("actor without 'id'")
    aid = str(item["id"])
    return GoldActor(
        id=aid,
        kind=str(item.get("kind") or _kind_of(aid)),
        aliases=_str_tuple(item.get("aliases") or [], "aliases"),
        has_country="country" in item,
        country=item.get("country"),
        roles=_optional_tuple(item, "role"),
        optional=bool(item.get("optional", False)),
        required=bool(item.get("required", False)),
    )


def _kind_of(actor_id: str, declared: str | None = None) -> str:
    """An actor's kind: the id prefix wins; bare ids are states."""
    prefix = actor_id.split(":", 1)[0] if ":" in actor_id else ""
    if prefix in {"person", "igo", "org"}:
        return prefix
    return declared or "state"
