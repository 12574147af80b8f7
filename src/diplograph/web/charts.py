"""Charts drawn on the server as SVG: no JavaScript library, nothing fetched,
and the page is complete when it arrives (the tool runs offline)."""
from __future__ import annotations

import datetime as dt
import math
from html import escape

from markupsafe import Markup

COOPERATIVE_COLOUR = "#2e7d32"
CONFLICTUAL_COLOUR = "#c62828"
STATUS_COLOURS = {"done": "#2e7d32", "ongoing": "#0277bd", "planned": "#f9a825",
                  "proposed": "#8e24aa", "requested": "#ef6c00", "failed": "#c62828"}
#: agreement statuses, for badges (timelines use the event statuses above)
AGREEMENT_COLOURS = {"proposed": "#8e24aa", "negotiating": "#0277bd", "finalizing": "#00838f",
                     "agreed": "#558b2f", "signed": "#2e7d32", "in_force": "#1b5e20",
                     "abandoned": "#c62828"}


def network(dyads: list[dict], size: int = 520) -> Markup:
    """Countries on a circle; an edge per pair, its width the number of events and
    its colour cooperative (green) or conflictual (red) by majority. Each edge
    links to the pair's page."""
    pairs = [d for d in dyads if len(d["dyad"].split("-")) == 2]
    nodes = sorted({n for d in pairs for n in d["dyad"].split("-")})
    if not nodes:
        return Markup('<p class="empty">No pairs of countries yet.</p>')
    centre, radius = size / 2, size / 2 - 60
    place = {n: (centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
                 centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
             for i, n in enumerate(nodes)}
    most = max(d["events"] for d in pairs)
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" '
             f'aria-label="Network of countries">']
    for d in pairs:
        a, b = d["dyad"].split("-")
        (x1, y1), (x2, y2) = place[a], place[b]
        colour = COOPERATIVE_COLOUR if d["cooperative"] >= d["conflictual"] else CONFLICTUAL_COLOUR
        width = 1.5 + 8 * d["events"] / most
        label = escape(f'{a}–{b}: {d["events"]} events ({d["cooperative"]} cooperative, '
                       f'{d["conflictual"]} conflictual)')
        ends = f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
        parts.append(f'<a href="/dyad/{escape(d["dyad"])}" class="edge" data-dyad="{escape(d["dyad"])}">'
                     f'<title>{label}</title>'
                     f'<line {ends} stroke="{colour}" stroke-width="{width:.1f}" '
                     f'stroke-opacity="0.75"/>'
                     f'<line class="hit" {ends} stroke="transparent" stroke-width="12"/></a>')
    for name, (x, y) in place.items():
        parts.append(f'<a href="/search?q={escape(name)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="5" '
                     f'fill="#37474f"/><text x="{x:.1f}" y="{y - 9:.1f}" text-anchor="middle">'
                     f'{escape(name)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(rows: list[tuple[str, float]], width: int = 520, bar: int = 18,
         colour: str = "#546e7a") -> Markup:
    """Horizontal bars with their labels and values."""
    if not rows:
        return Markup('<p class="empty">Nothing yet.</p>')
    most = max(v for _, v in rows) or 1
    height = bar * len(rows) + 4
    parts = [f'<svg class="bars" viewBox="0 0 {width} {height}" role="img">']
    for i, (label, value) in enumerate(rows):
        y = i * bar + 2
        length = (width - 200) * value / most
        parts.append(f'<text x="0" y="{y + bar * 0.7:.1f}">{escape(str(label))}</text>'
                     f'<rect x="130" y="{y}" width="{length:.1f}" height="{bar - 4}" '
                     f'fill="{colour}"/><text x="{134 + length:.1f}" y="{y + bar * 0.7:.1f}">'
                     f'{value:g}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def columns(rows: list[dict], width: int = 720, height: int = 160) -> Markup:
    """Monthly columns: events per month, the cooperative part in green."""
    if not rows:
        return Markup('<p class="empty">No dated events yet.</p>')
    rows = _every_month(rows)
    most = max(r["events"] for r in rows) or 1
    step = width / len(rows)
    parts = [f'<svg class="columns" viewBox="0 0 {width} {height + 20}" role="img" '
             f'aria-label="Events per month">']
    for i, r in enumerate(rows):
        total = (height - 4) * r["events"] / most
        coop = (height - 4) * r["cooperative"] / most
        x = i * step
        tip = escape(f'{r["month"]}: {r["events"]} events, {r["cooperative"]} cooperative')
        parts.append(f'<g><title>{tip}</title>'
                     f'<rect x="{x:.1f}" y="{height - total:.1f}" width="{max(step - 1, 1):.1f}" '
                     f'height="{total:.1f}" fill="{CONFLICTUAL_COLOUR}"/>'
                     f'<rect x="{x:.1f}" y="{height - coop:.1f}" width="{max(step - 1, 1):.1f}" '
                     f'height="{coop:.1f}" fill="{COOPERATIVE_COLOUR}"/></g>')
    parts.append(f'<text x="0" y="{height + 16}">{escape(rows[0]["month"])}</text>'
                 f'<text x="{width}" y="{height + 16}" text-anchor="end">'
                 f'{escape(rows[-1]["month"])}</text></svg>')
    return Markup("".join(parts))


def timeline(events: list[dict], width: int = 720, height: int = 90) -> Markup:
    """A pair's events on a time line, one dot each, coloured by status; each dot
    links to its event."""
    dated = [e for e in events if e.get("sort_day")]
    if not dated:
        return Markup('<p class="empty">No dated events.</p>')
    days = sorted(e["sort_day"] for e in dated)
    first, last = days[0], days[-1]
    span = max((_ordinal(last) - _ordinal(first)), 1)
    parts = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Timeline">'
             f'<line x1="10" y1="{height / 2}" x2="{width - 10}" y2="{height / 2}" '
             f'stroke="#90a4ae"/>']
    lanes: dict[int, int] = {}
    for e in dated:
        x = 10 + (width - 20) * (_ordinal(e["sort_day"]) - _ordinal(first)) / span
        lane = lanes[round(x / 8)] = lanes.get(round(x / 8), -1) + 1
        y = height / 2 - 12 * ((lane + 1) // 2) * (1 if lane % 2 else -1)
        colour = STATUS_COLOURS.get(e["status"], "#607d8b")
        tip = escape(f'{e["date"] or e["sort_day"]} {e["type"]} ({e["status"]})')
        parts.append(f'<a href="/events/{escape(e["id"])}"><circle cx="{x:.1f}" cy="{y:.1f}" '
                     f'r="5" fill="{colour}"><title>{tip}</title></circle></a>')
    parts.append(f'<text x="10" y="{height - 4}">{escape(first)}</text>'
                 f'<text x="{width - 10}" y="{height - 4}" text-anchor="end">{escape(last)}'
                 f'</text></svg>')
    return Markup("".join(parts))


def _every_month(rows: list[dict], most: int = 240) -> list[dict]:
    """Months without events as empty columns, so the axis is time (the last
    ``most`` months at most)."""
    have = {r["month"]: r for r in rows}
    year, month = map(int, rows[0]["month"].split("-"))
    end = rows[-1]["month"]
    out = []
    while True:
        key = f"{year:04d}-{month:02d}"
        out.append(have.get(key, {"month": key, "events": 0, "cooperative": 0}))
        if key >= end:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out[-most:]


def _ordinal(day: str) -> int:
    return dt.date.fromisoformat(day[:10]).toordinal()


def figures(quantities: list[dict], width: int = 720, row: int = 46) -> Markup:
    """Reported figures over time, one row per series (measure, kind, unit): a dot
    per report at its date, labelled with its value. Trade targets and actual
    trade sit on separate rows, so they can be read against each other."""
    series: dict[tuple, list[dict]] = {}
    for q in quantities:
        if q.get("reported_on"):
            key = (q.get("measure") or "", q.get("kind") or "", q["unit"])
            series.setdefault(key, []).append(q)
    if not series:
        return Markup('<p class="empty">No dated figures.</p>')
    days = sorted(q["reported_on"] for points in series.values() for q in points)
    first, span = _ordinal(days[0]), max(_ordinal(days[-1]) - _ordinal(days[0]), 1)
    parts = [f'<svg class="figures" viewBox="0 0 {width} {row * len(series) + 20}" role="img" '
             f'aria-label="Figures over time">']
    for i, ((measure, kind, unit), points) in enumerate(sorted(series.items())):
        y = i * row + 28
        parts.append(f'<text x="0" y="{y + 4}">{escape(f"{measure} {kind} ({unit})")}</text>'
                     f'<line x1="190" y1="{y}" x2="{width - 60}" y2="{y}" stroke="#cfd8dc"/>')
        for q in points:
            x = 190 + (width - 250) * (_ordinal(q["reported_on"]) - first) / span
            value = f'{q["value"]:,.0f}' if q["value"] >= 100 else f'{q["value"]:g}'
            tip = escape(f'{q["reported_on"]}: {value} {unit} ({kind} {measure})')
            parts.append(f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="#1565c0"><title>{tip}'
                         f'</title></circle><text x="{x:.1f}" y="{y - 8}" text-anchor="middle">'
                         f'{escape(_short(q["value"]))}</text>')
    parts.append(f'<text x="190" y="{row * len(series) + 16}">{escape(days[0])}</text>'
                 f'<text x="{width - 60}" y="{row * len(series) + 16}" text-anchor="end">'
                 f'{escape(days[-1])}</text></svg>')
    return Markup("".join(parts))


def _short(value: float) -> str:
    """2.6e9 -> 2.6 bn, 38500000 -> 38.5 m: labels that fit over a dot."""
    for size, suffix in ((1e9, " bn"), (1e6, " m"), (1e3, " k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:g}"
