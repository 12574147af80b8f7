"""Language-neutral gazetteers: countries, international organisations and a
small dated knowledge base of office-holders (a fallback when an article does
not say who someone is)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..lang import SAFE_LOADER


def _load(name: str) -> Any:
    return yaml.load((resources.files(__name__) / name).read_text(encoding="utf-8"),
                     Loader=SAFE_LOADER)


@lru_cache(maxsize=None)
def countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 -> {name, iso2}."""
    return _load("countries.yaml")


@lru_cache(maxsize=None)
def igos() -> dict[str, str]:
    """igo id -> English short name."""
    return {item["id"]: item["name"] for item in _load("igos.yaml")}


@dataclass(frozen=True)
class Office:
    role: str
    country: str | None
    start: str
    end: str | None


@dataclass(frozen=True)
class KnownPerson:
    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Office, ...]

    def office_on(self, date: str | None) -> Office | None:
        """The office held on ``date`` (ISO, any precision); the latest one if unknown."""
        if not self.roles:
            return None
        if date:
            for office in self.roles:
                if office.start[: len(date)] <= date and (
                        office.end is None or date <= office.end[: len(date)]):
                    return office
        return max(self.roles, key=lambda o: o.start)


@lru_cache(maxsize=None)
def people() -> tuple[KnownPerson, ...]:
    out = []
    for item in _load("people.yaml") or []:
        offices = tuple(Office(r["role"], r.get("country"), str(r["start"]),
                               str(r["end"]) if r.get("end") else None)
                        for r in item.get("roles", []))
        out.append(KnownPerson(item["id"], item["name"], tuple(item.get("aliases", [])),
                               offices))
    return tuple(out)


@lru_cache(maxsize=None)
def cameo_rules() -> dict[str, list[dict[str, Any]]]:
    """PLOVER type -> ordered rules giving a CAMEO code (see cameo.yaml)."""
    return _load("cameo.yaml")
