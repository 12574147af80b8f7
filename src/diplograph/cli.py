"""The ``diplograph`` command: thin verbs over library functions."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from .cli_options import LangOpt, SkipUnsupportedOpt, WorkersOpt
from .ingest import iter_inputs
from .periods import is_iso_day
from .types import Document, Rejection

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news about international relations into evidence-linked records.")
err = Console(stderr=True)

DEFAULT_MAX_BYTES = 5_000_000

PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .html, .jsonl).",
                                                show_default=False)]
LearnedOpt = Annotated[bool, typer.Option(
    "--learned", help="Let the learned event models revise the rules' drafts "
    "(parties, non-acts); see docs/models.md.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Reject files larger than this.")]


def _records(paths: list[Path], lang: str | None, published: str | None, max_bytes: int,
             rejected: list[Rejection], learned: bool = False, skip_unsupported: bool = False,
             known: Callable[[Document], bool] | None = None, workers: int = 1):
    """Extract as the inputs are read (nothing is held back), with a progress
    line on stderr; rejections are printed as they come and collected.
    Documents ``known`` answers True for are left out before parsing."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .workers import extract_in_workers

    with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed:,.0f} documents"),
                  TimeElapsedColumn(), console=err, disable=not err.is_terminal, transient=True) as progress:
        task = progress.add_task("extracting", total=None)
        items = iter_inputs(paths, max_bytes)
        if known is not None:
            items = (i for i in items if isinstance(i, Rejection) or not known(i))
        for result in extract_in_workers(items, workers, language=lang, published=published,
                                         learned=learned, skip_unsupported=skip_unsupported):
            progress.advance(task)
            if isinstance(result, Rejection):
                _report(result)
                if result.kind != "skipped":
                    rejected.append(result)
            else:
                yield result


def _report(rejection: Rejection) -> None:
    """One line per input that gave no record; file names are printed as
    they are, never read as console markup."""
    label = {"skipped": "[yellow]skipped[/yellow]", "internal": "[red]internal error[/red]"
             }.get(rejection.kind, "[red]error[/red]")
    reason = rejection.reason if rejection.kind != "internal" else \
        rejection.reason.replace("; please report it with the log below", "")
    err.print(f"{label} {escape(rejection.source)}: {escape(reason)}", highlight=False,
              soft_wrap=True)


def exit_status(rejected: list[Rejection]) -> int:
    """0 all inputs read, 1 some rejected, 3 an internal error happened (its
    tracebacks are written to a log file whose path is printed)."""
    internal = [r for r in rejected if r.kind == "internal"]
    if internal:
        import tempfile

        with tempfile.NamedTemporaryFile("w", prefix="diplograph-errors-", suffix=".log",
                                         delete=False, encoding="utf-8") as log:
            for rejection in internal:
                log.write(f"== {rejection.source}\n{rejection.trace}\n")
        err.print(f"[red]{len(internal)} internal error(s)[/red]: tracebacks in "
                  f"{escape(log.name)} (please attach it to a bug report)", highlight=False,
                  soft_wrap=True)
        return 3
    return 1 if rejected else 0


@app.command()
def extract(
    paths: PathsArg,
    format: Annotated[str, typer.Option("--format", "-f",
                                        help="jsonl (records) or pretty (summary).")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("-o", "--output",
                                                   help="Write here instead of stdout.")] = None,
    published: Annotated[Optional[str], typer.Option(
        "--published", help="Publication date YYYY-MM-DD for every input.")] = None,
    lang: LangOpt = "auto",
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    learned: LearnedOpt = False,
    skip_unsupported: SkipUnsupportedOpt = False,
    workers: WorkersOpt = 1,
) -> None:
    """Extract records (actors, events, agreements, quantities) from articles."""
    if format not in ("jsonl", "pretty"):
        raise typer.BadParameter("use jsonl or pretty", param_hint="--format")
    if published and not is_iso_day(published):
        raise typer.BadParameter("expected YYYY-MM-DD", param_hint="--published")
    rejected: list[Rejection] = []
    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        err.print(f"[red]error[/red] {escape(str(output))}: cannot write ({exc.strerror})",
                  highlight=False)
        raise typer.Exit(2)
    try:
        console = Console(file=out, width=110 if output else None)
        for record in _records(paths, lang, published, max_bytes, rejected, learned,
                               skip_unsupported, workers=workers):
            if format == "jsonl":
                out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            else:
                from .pretty import render_record

                render_record(record, console)
    finally:
        if output:
            out.close()
    raise typer.Exit(exit_status(rejected))


@app.command("eval")
def evaluate(
    paths: PathsArg,
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold YAML files (gold.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List every miss per document.")
                       ] = False,
    merges: Annotated[Optional[Path], typer.Option(
        "--merges", help="Also store every input in a scratch store and score the merging "
        "across articles against this expected-merges YAML.")] = None,
    lang: Annotated[str, typer.Option(
        "--lang", help="auto (every language with gold), or score only the gold of this "
        "language; documents are read in their own language either way.")] = "auto",
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    learned: LearnedOpt = False,
    plover: Annotated[bool, typer.Option(
        "--plover", help="Score each event's strict PLOVER type (its 'plover' field, "
        "modality folded into the type) and print the confusion of types.")] = False,
    workers: WorkersOpt = 1,
) -> None:
    """Extract and score against gold annotations: P/R/F1 per kind, attribute accuracy."""
    from .evaluate import GoldError, load_gold, score
    from .lang import supported_languages

    try:
        golds = load_gold(gold)
    except GoldError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2)
    languages = set(supported_languages()) if lang == "auto" else {lang}
    golds = {k: g for k, g in golds.items() if g.language in languages}
    expected = None
    if merges:
        from .evaluate_merges import MergeGoldError, load_expected

        try:
            expected = load_expected(merges)
        except MergeGoldError as exc:
            err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
            raise typer.Exit(2)
    rejected: list[Rejection] = []
    every: list[dict] = []
    for record in _records(paths, None if lang == "auto" else lang, None, max_bytes, rejected,
                           learned, skip_unsupported=True, workers=workers):
        every.append(record.to_dict())
    scored = [r for r in every if r["doc_id"] in golds]
    if plover:
        from .evaluate.plover import as_strict_plover

        scored = [as_strict_plover(r) for r in scored]
    report = score(scored, golds)
    merge_report = _score_merges(every, expected) if expected is not None else None
    confusion = None
    if plover:
        from .evaluate.plover import type_confusion

        confusion = type_confusion(scored, golds)
    if as_json:
        data = report.to_dict()
        if merge_report:
            data["merges"] = merge_report.to_dict()
        if confusion is not None:
            data["type_confusion"] = [{"gold": g, "read": r, "events": n}
                                      for (g, r), n in sorted(confusion.items())]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        console = Console()
        report.render(console, details=details)
        if confusion is not None:
            _render_confusion(confusion, console)
        if merge_report:
            from .evaluate_merges import render

            render(merge_report, console)


def _render_confusion(confusion, console: Console) -> None:
    """Gold types in rows, the types read in columns (only those that occur)."""
    from rich.table import Table

    from .evaluate.plover import MISSED

    gold_types = sorted({g for g, _ in confusion})
    read_types = sorted({r for _, r in confusion} - {MISSED}) + [MISSED]
    table = Table(title="strict PLOVER types: gold (rows) × read (columns)")
    table.add_column("gold")
    for name in read_types:
        table.add_column(name[:8], justify="right")
    for g in gold_types:
        table.add_row(g, *[str(confusion.get((g, r), "")) for r in read_types])
    console.print(table)


def _score_merges(records: list[dict], expected):
    """Store the records in a scratch store and score its merges."""
    import tempfile

    from .evaluate_merges import score_merges
    from .store import open_store

    with tempfile.TemporaryDirectory() as folder, \
            open_store(Path(folder) / "eval.duckdb") as store:
        for record in records:
            store.ingest_record(record)
        return score_merges(store.con, expected)


def _register_store_verbs() -> None:
    from . import cli_store

    for verb in cli_store.VERBS:
        app.command()(verb)




_register_store_verbs()
