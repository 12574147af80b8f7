"""One-to-one matching of gold items to record items, and the comparisons behind it.

Matching is a maximum-weight bipartite assignment (Hungarian method): matching a
required gold item outweighs any number of optional ones, which in turn outweigh any
attribute agreement; among equal choices the pair whose attributes agree best wins
(for quantities also: evidence in the gold sentence, same unit; for actors: id or
alias before surname+country). The per-attribute comparisons live here too, since
the scorer uses the same ones to grade matched pairs.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from .gold import ANY_SECTOR, GoldActor, GoldEvent, _date_str, _kind_of
from .text import _norm_quotes

NO_MODE = "none"


# Assignment weights: a required match beats any number of optional matches, which
# beat any attribute preference (per-pair preference stays below PREF_CAP).
PREF_CAP = 1_000
WEIGHT_OPTIONAL = 10**7
WEIGHT_REQUIRED = 10**12


def _assign(weights: list[list[int]]) -> dict[int, int]:
    """Maximum-weight one-to-one assignment of rows to columns (0 = not allowed).

    Hungarian method on the square-padded matrix; pairs of weight 0 are dropped.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return {}
    n = max(rows, cols)
    cost = [[-(weights[i][j]) if i < rows and j < cols else 0 for j in range(n)] for i in range(n)]
    inf = math.inf
    u, v = [0] * (n + 1), [0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return {
        p[j] - 1: j - 1
        for j in range(1, n + 1)
        if p[j] and p[j] - 1 < rows and j - 1 < cols and weights[p[j] - 1][j - 1] > 0
    }


def _match(
    golds: Sequence[Any],
    recs: Sequence[dict],
    preference: Callable[[int, int], int | None],
    scored: Callable[[Any], bool],
) -> dict[int, int]:
    """One-to-one gold→record matching: required first, then optional, then preference.

    ``preference(gold_index, record_index)`` is None when the pair cannot match,
    else 0..PREF_CAP-1.
    """
    weights = []
    for gi, g in enumerate(golds):
        base = WEIGHT_REQUIRED if scored(g) else WEIGHT_OPTIONAL
        row = []
        for ri in range(len(recs)):
            pref = preference(gi, ri)
            row.append(0 if pref is None else base + min(max(pref, 0), PREF_CAP - 1) + 1)
        weights.append(row)
    return _assign(weights)


def _parties_ok(alternatives: Sequence[frozenset[str]], record_parties: Any) -> bool:
    """Record parties equal (as a set) one of the gold alternatives."""
    got = frozenset(str(p) for p in (record_parties or []))
    return any(got == alt for alt in alternatives)


def _record_parties(item: dict) -> list[str]:
    """Record parties; fall back to source+target if a record omits them."""
    parties = item.get("parties")
    if parties is None:
        parties = sorted({*(item.get("source") or []), *(item.get("target") or [])})
    return [str(p) for p in parties]


def _date_ok(gold: str, value: Any) -> bool:
    """A record date agrees at the gold's precision (ISO prefix)."""
    got = _record_date(value)
    return got is not None and got.startswith(gold)


def _record_date(value: Any) -> str | None:
    """A record date or published value as an ISO string (dicts carry `value`)."""
    if isinstance(value, dict):
        value = value.get("value")
    try:
        return _date_str(value)
    except TypeError:
        return None


def _in(value: Any, accepted: Sequence[str]) -> bool:
    """A record value among the gold's acceptable ones (None never is)."""
    return value is not None and str(value) in accepted


def _mode_ok(modes: Sequence[str], value: Any) -> bool:
    """Gold modes may hold `none`, accepting a record without mode."""
    if value in (None, ""):
        return NO_MODE in modes
    return str(value) in modes


def _fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a title."""
    text = unicodedata.normalize("NFKD", _norm_quotes(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def _unit_class(unit: Any) -> str | None:
    """Currencies and percent compare exactly; all counted nouns are one class."""
    if not isinstance(unit, str) or not unit.strip():
        return None
    unit = unit.strip()
    if re.fullmatch(r"[A-Z]{3}", unit):
        return "currency:" + unit
    if unit == "percent":
        return "percent"
    return "count"


def _number(value: Any) -> float | None:
    """A record value as a float, or None."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _close(gold: float, got: float) -> bool:
    """Within 1 % of the gold value."""
    return abs(got - gold) <= 0.01 * abs(gold) + 1e-12


def _sector_allowed(g: GoldEvent, sector: str) -> bool:
    """Whether an extra sector is tolerated by sectors_allowed."""
    return ANY_SECTOR in g.sectors_allowed or sector in g.sectors_allowed


def _event_agreement(g: GoldEvent, r: dict) -> int:
    """How well a candidate pair's attributes agree (0..400), to prefer better pairs."""
    score = 100 * _in(r.get("status"), g.statuses)
    if g.modes is not None:
        score += 100 * _mode_ok(g.modes, r.get("mode"))
    if g.date is not None:
        score += 100 * _date_ok(g.date, r.get("date"))
    if g.sectors:
        got = {str(s) for s in (r.get("sectors") or [])}
        score += round(100 * len(got & g.sectors) / len(g.sectors))
    return int(score)


def _slug_surname(actor_id: str) -> str:
    """Last word of a person slug (`person:liz-truss` → `truss`)."""
    return actor_id.split(":", 1)[-1].rsplit("-", 1)[-1]


def _actor_preference(g: GoldActor, r: dict) -> int | None:
    """Id/alias match beats surname+country; then agreeing attributes."""
    rid = str(r["id"])
    kind = _kind_of(rid, r.get("kind"))
    if kind != g.kind:
        return None
    if rid == g.id or (g.kind == "person" and rid in g.aliases):
        strength = 100
    elif (
        g.kind == "person"
        and _slug_surname(rid) == _slug_surname(g.id)
        and r.get("country") == g.country
    ):
        strength = 10
    else:
        return None
    bonus = not g.has_country or r.get("country") == g.country
    bonus += g.roles is None or _in(r.get("role"), g.roles)
    return strength + int(bonus)
