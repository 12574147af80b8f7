"""A readable summary of one record, for ``extract --format pretty``."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .types import Record

_STATUS_STYLE = {"done": "green", "ongoing": "cyan", "planned": "yellow", "proposed": "magenta",
                 "requested": "blue", "failed": "red"}


def render_record(record: Record, console: Console) -> None:
    doc = record.document
    head = Text(doc.doc_id, style="bold")
    if doc.title:
        head.append(f" — {doc.title}")
    console.rule(head)
    console.print(f"published {doc.published or 'unknown'} ({doc.published_basis}), "
                  f"language {doc.language}, {len(record.actors)} actors", highlight=False)
    people = [a for a in record.actors if a.kind == "person"]
    if people:
        console.print("people: " + "; ".join(
            f"{a.name} ({a.role or '?'}, {a.country or '?'})" for a in people), highlight=False)
    if record.events:
        table = Table(show_lines=False, expand=True)
        for column in ("type", "mode", "status", "parties", "date", "sectors", "evidence"):
            table.add_column(column, overflow="fold")
        for e in record.events:
            table.add_row(e.type, e.mode or "", Text(e.status, style=_STATUS_STYLE.get(e.status, "")),
                          "–".join(e.parties), e.date.value if e.date else "",
                          ", ".join(e.sectors), _short(e.evidence[0].sentence))
        console.print(table)
    for a in record.agreements:
        console.print(f"[bold]agreement[/bold] {a.title!r} ({a.kind}) "
                      f"{'–'.join(a.parties)}: {a.status}", highlight=False)
    for q in record.quantities:
        period = f" {q.period['start']}–{q.period['end']}" if q.period else ""
        console.print(f"[bold]quantity[/bold] {q.value:,} {q.unit} {q.measure} ({q.kind}"
                      f"{', ' + q.status if q.status else ''}){period}", highlight=False)
    if not (record.events or record.agreements or record.quantities):
        console.print("[dim]nothing to extract[/dim]")


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
