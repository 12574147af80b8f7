"""Options shared by several commands (one definition, one help text)."""
from __future__ import annotations

from typing import Annotated

import typer

LangOpt = Annotated[str, typer.Option(
    "--lang", help="auto: each document's declared language (JSONL 'language', HTML lang), "
    "else the detected one. A code (fr, en) is used only for documents whose language "
    "cannot be told; it never relabels a declared or detected language.")]
SkipUnsupportedOpt = Annotated[bool, typer.Option(
    "--skip-unsupported", help="Documents in a language diplograph does not read are "
    "reported as skipped, not as errors (exit status 0 for them).")]
WorkersOpt = Annotated[int, typer.Option(
    "--workers", min=1, help="Extract on this many processes (each loads the language "
    "models once); records come out in input order, identical to one process.")]
