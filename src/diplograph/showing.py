"""Terminal rendering of stored items: one event or agreement with its sources,
and the store summary the demo prints."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .store.queries import EventFilter

HIGHLIGHT = "bold black on yellow"


def paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the line (a paragraph, in news text) holding a span."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right == -1 else right


def highlighted(text: str, start: int, end: int, marks: bool = False) -> Text:
    """The paragraph around ``text[start:end]`` with that span highlighted; with
    ``marks`` (no colours: a pipe or a file) the span is also set in »…«."""
    left, right = paragraph_around(text, start, end)
    out = Text(text[left:start])
    out.append(f"»{text[start:end]}«" if marks else text[start:end], style=HIGHLIGHT)
    out.append(text[end:right])
    return out


def _join(values: Any) -> str:
    return escape(", ".join(values)) if values else "—"


def render_item(item: dict[str, Any], texts: dict[str, str], console: Console) -> None:
    if item["kind"] == "event":
        when = item.get("date_value") or "undated"
        console.print(f"[bold]{item['id']}[/bold]  {item['type']}"
                      f"{' (' + item['mode'] + ')' if item.get('mode') else ''}  "
                      f"[cyan]{item['status']}[/cyan]  {escape(when)}  {_join(item['parties'])}",
                      highlight=False)
        console.print(f"source {_join(item['source'])} → target {_join(item['target'])} · "
                      f"sectors {_join(item['sectors'])} · people {_join(item['people'])}",
                      highlight=False)
        if item.get("location_name"):
            console.print(f"location {escape(item['location_name'])}", highlight=False)
    elif item["kind"] == "agreement":
        console.print(f"[bold]{item['id']}[/bold]  {escape(item['title'])}  [cyan]"
                      f"{item['status']}[/cyan]  {_join(item['parties'])}", highlight=False)
        console.print("history: " + " → ".join(
            f"{h['status']} {h['on_date'] or '?'} ({escape(h['document_name'])})"
            for h in item["history"]), highlight=False)
    else:
        _render_document(item, console)
        return
    console.print(f"{len({r['doc_id'] for r in item['reports']})} source article(s):",
                  highlight=False)
    for report in item["reports"]:
        console.rule(f"{report['doc_id']} · {escape(report['document_name'])} · "
                     f"{report.get('document_published') or 'undated'} · "
                     f"{report.get('status')}", align="left")
        text = texts.get(report["doc_id"], "")
        for evidence in report["evidence"]:
            if text:
                console.print(highlighted(text, evidence["start"], evidence["end"],
                                          marks=console.color_system is None))
            else:
                console.print(Text(evidence["sentence"], style=HIGHLIGHT))
            console.print()


def _render_document(item: dict[str, Any], console: Console) -> None:
    console.print(f"[bold]{item['id']}[/bold]  {escape(item['name'])}  "
                  f"{item.get('published') or ''}  {escape(item.get('title') or '')}",
                  highlight=False)
    text = item["text"]
    styled = Text(text)
    for evidence in item["evidence"]:
        styled.stylize("on grey23", evidence["start"], evidence["end"])
    for mention in item["mentions"]:
        styled.stylize("bold cyan", mention["start"], mention["end"])
    console.print(styled)
    console.print(f"events: {', '.join(e['merged_id'] or e['id'] for e in item['events'])}")
    console.print(f"agreements: {', '.join(a['merged_id'] or a['id'] for a in item['agreements'])}")


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    return table


def render_summary(store, facts: dict[str, Any], console: Console) -> None:
    """What the demo prints: counts, dyads by activity, pending agreements,
    latest events and reported figures."""
    console.print(
        f"[bold]{facts['documents']}[/bold] articles ({facts['first_published']} … "
        f"{facts['last_published']}) · [bold]{facts['events']}[/bold] events from "
        f"{facts['events_reported']} reports ({facts['events_with_several_sources']} reported "
        f"by several articles) · [bold]{facts['agreements']}[/bold] agreements "
        f"({facts['agreements_pending']} pending) · {facts['quantities']} figures · "
        f"{facts['actors']} actors", highlight=False)
    dyads = store.dyads(limit=10)
    console.print(_table("Dyads by activity", ["dyad", "events", "cooperative", "conflictual",
                                               "reports", "last reported"],
                         [[r.dyad, r.events, r.cooperative, r.conflictual, r.reports,
                           _day(r.last_reported)] for r in dyads.itertuples()]))
    pending = store.agreements(pending=True)
    console.print(_table("Pending agreements", ["id", "title", "parties", "status", "since"],
                         [[r.id, r.title, _join(list(r.parties)), r.status, _day(r.first_seen)]
                          for r in pending.itertuples()]))
    latest = store.events(EventFilter(status="done"), limit=10)
    console.print(_table("Latest events (done)", ["id", "date", "type", "status", "parties",
                                                  "sources"],
                         [[r.id, _day(r.date), r.type, r.status, _join(list(r.parties)),
                           r.source_count] for r in latest.itertuples()]))
    figures = store.quantities().head(10)
    console.print(_table("Figures", ["reported", "parties", "measure", "kind", "value", "unit"],
                         [[_day(r.reported_on), _join(list(r.parties)), r.measure, r.kind,
                           f"{r.value:,.0f}" if r.value >= 100 else f"{r.value:g}", r.unit]
                          for r in figures.itertuples()]))


def _day(value: Any) -> str:
    text = str(value) if value is not None else ""
    return "" if text in ("NaT", "nan", "None") else text[:10]
