"""Score diplograph records against gold annotations (spec: shared/spec/gold.md).

A record (record.md) says what diplograph read in one article; a gold file says what
a careful analyst reads there. This module matches the two one-to-one per kind of
item (events, agreements, quantities, actors), counts true/false positives and false
negatives, scores the attributes of matched items, and keeps per-document error
lists so that a low figure can be traced back to the items behind it.

Decisions the spec leaves open, taken here:

- Sentences. Gold evidence is a substring; a record event must cite the *sentence*
  holding it. The text is split into sentences deterministically: at every newline,
  and after a run of ``. ! ? …`` (optionally followed by closing quotes or a closing
  bracket) when whitespace follows and the next character is an uppercase letter or
  an opening quote/guillemet -- except after a period closing an initial (``J.``) or a
  common title abbreviation (``M.``, ``Dr.``, ``Mme.``; see ``_ABBREVIATIONS``).
  Sentences are trimmed of surrounding whitespace.
  The gold region of a substring is every sentence overlapping it (so a substring
  straddling a split still works). Every occurrence of the substring counts; one
  found only after mapping ’ and ‘ to ' still counts (same length, same offsets);
  one not found at all cannot be matched and is reported as a warning.
- One-to-one matching is a maximum-weight bipartite assignment (Hungarian method):
  matching a required gold item outweighs any number of optional ones, which in turn
  outweigh any attribute agreement; among equal choices the pair whose attributes
  agree best wins (for quantities also: evidence in the gold sentence, same unit;
  for actors: id or alias before surname+country).
- Optional gold items (and gold actors not scored) absorb one record item each:
  neither TP nor FP; their attributes are not scored either.
- P, R with an empty denominator are 1.0 (nothing claimed, nothing missed).
- A gold document without a record counts its required items as FN and its
  non-null ``published`` as wrong.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

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

KINDS = ("events", "agreements", "quantities", "actors")
ATTRIBUTES = (
    "event_status",
    "event_mode",
    "event_date",
    "event_sectors_precision",
    "event_sectors_recall",
    "agreement_status",
    "quantity_kind",
    "quantity_measure",
    "actor_country",
    "actor_role",
    "published",
)
_SINGULAR = {
    "events": "event",
    "agreements": "agreement",
    "quantities": "quantity",
    "actors": "actor",
}
FP_ACTOR_KINDS = frozenset({"state", "igo", "person"})
ANY_SECTOR = "*"
NO_MODE = "none"

# Assignment weights: a required match beats any number of optional matches, which
# beat any attribute preference (per-pair preference stays below PREF_CAP).
PREF_CAP = 1_000
WEIGHT_OPTIONAL = 10**7
WEIGHT_REQUIRED = 10**12


class GoldError(ValueError):
    """A gold file that cannot be read; the message is one line naming the file."""


# --------------------------------------------------------------------------- gold


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


# ------------------------------------------------------------------------- report


@dataclass
class Counts:
    """TP/FP/FN of one kind of item, with the usual derived figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of claimed items that are right (1.0 when nothing is claimed)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of required gold items found (1.0 when none is required)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        """Accumulate another document's counts (micro-averaging)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        """Counts and rounded figures."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


class Ratio(NamedTuple):
    """An attribute accuracy as a (correct, total) pair."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        """correct / total, or None when nothing was compared."""
        return self.correct / self.total if self.total else None

    def plus(self, ok: bool, n: int = 1) -> Ratio:
        """One more comparison (n at once for set-valued attributes)."""
        return Ratio(self.correct + (n if ok else 0), self.total + n)

    def merge(self, other: Ratio) -> Ratio:
        """Sum two pairs (tuple + would concatenate)."""
        return Ratio(self.correct + other.correct, self.total + other.total)


@dataclass
class DocReport:
    """What went wrong in one document, for error analysis."""

    doc_id: str
    missing: bool = False
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form."""
        return {
            "doc_id": self.doc_id,
            "missing": self.missing,
            "counts": {k: c.to_dict() for k, c in self.counts.items()},
            "unmatched": self.unmatched,
            "false_positives": self.false_positives,
            "mismatches": self.mismatches,
            "warnings": self.warnings,
        }


@dataclass
class EvalReport:
    """Micro-averaged scores over all gold documents, plus per-document errors."""

    events: Counts = field(default_factory=Counts)
    agreements: Counts = field(default_factory=Counts)
    quantities: Counts = field(default_factory=Counts)
    actors: Counts = field(default_factory=Counts)
    event_status: Ratio = field(default_factory=Ratio)
    event_mode: Ratio = field(default_factory=Ratio)
    event_date: Ratio = field(default_factory=Ratio)
    event_sectors_precision: Ratio = field(default_factory=Ratio)
    event_sectors_recall: Ratio = field(default_factory=Ratio)
    agreement_status: Ratio = field(default_factory=Ratio)
    quantity_kind: Ratio = field(default_factory=Ratio)
    quantity_measure: Ratio = field(default_factory=Ratio)
    actor_country: Ratio = field(default_factory=Ratio)
    actor_role: Ratio = field(default_factory=Ratio)
    published: Ratio = field(default_factory=Ratio)
    docs: dict[str, DocReport] = field(default_factory=dict)
    missing_docs: list[str] = field(default_factory=list)
    unscored_docs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def kinds(self) -> dict[str, Counts]:
        """The four kinds' counts by name."""
        return {k: getattr(self, k) for k in KINDS}

    @property
    def attributes(self) -> dict[str, Ratio]:
        """Every attribute accuracy by name."""
        return {a: getattr(self, a) for a in ATTRIBUTES}

    def tally(self, attribute: str, ok: bool, n: int = 1) -> None:
        """Record n comparisons of one attribute."""
        setattr(self, attribute, getattr(self, attribute).plus(ok, n))

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-serialisable, figures rounded to 4 decimals."""
        return {
            "n_docs": len(self.docs),
            "kinds": {k: c.to_dict() for k, c in self.kinds.items()},
            "attributes": {
                name: {
                    "correct": r.correct,
                    "total": r.total,
                    "accuracy": None if r.accuracy is None else round(r.accuracy, 4),
                }
                for name, r in self.attributes.items()
            },
            "missing_docs": list(self.missing_docs),
            "unscored_docs": list(self.unscored_docs),
            "warnings": list(self.warnings),
            "docs": {d: rep.to_dict() for d, rep in sorted(self.docs.items())},
        }

    def render(self, console: Any, details: bool = False) -> None:
        """Print P/R/F1 per kind and attribute accuracies (and per-doc errors)."""
        from rich.table import Table

        kinds = Table(title=f"diplograph eval — {len(self.docs)} gold documents")
        for col in ("kind", "TP", "FP", "FN", "P", "R", "F1"):
            kinds.add_column(col, justify="left" if col == "kind" else "right")
        for name, c in self.kinds.items():
            kinds.add_row(
                name,
                str(c.tp),
                str(c.fp),
                str(c.fn),
                f"{c.precision:.3f}",
                f"{c.recall:.3f}",
                f"{c.f1:.3f}",
            )
        console.print(kinds)
        attrs = Table(title="attribute accuracy (matched required items)")
        for col in ("attribute", "correct", "total", "accuracy"):
            attrs.add_column(col, justify="left" if col == "attribute" else "right")
        for name, r in self.attributes.items():
            acc = "—" if r.accuracy is None else f"{r.accuracy:.3f}"
            attrs.add_row(name.replace("_", " "), str(r.correct), str(r.total), acc)
        console.print(attrs)
        if self.missing_docs:
            console.print(f"[yellow]no record for:[/] {', '.join(self.missing_docs)}")
        if self.warnings:
            console.print(f"[yellow]{len(self.warnings)} warning(s)[/]")
        if details:
            self._render_details(console)

    def _render_details(self, console: Any) -> None:
        """Per-document error lists, only for documents with something to say."""
        from rich.markup import escape

        for doc_id, rep in sorted(self.docs.items()):
            if not (
                rep.missing
                or rep.unmatched
                or rep.false_positives
                or rep.mismatches
                or rep.warnings
            ):
                continue
            console.rule(f"{doc_id}" + (" (no record)" if rep.missing else ""))
            for u in rep.unmatched:
                console.print(f"  [red]FN[/] {u['kind']}: {escape(u['id'])}")
            for fp in rep.false_positives:
                console.print(f"  [magenta]FP[/] {fp['kind']}: {escape(_describe_fp(fp))}")
            for m in rep.mismatches:
                console.print(
                    f"  [yellow]≠[/] {m['kind']} {escape(str(m['item']))} {m['attribute']}: "
                    f"gold {escape(str(m['gold']))} / record {escape(str(m['record']))}"
                )
            for w in rep.warnings:
                console.print(f"  [dim]warning: {escape(w)}[/]")


def _describe_fp(fp: dict[str, Any]) -> str:
    """One line for a false positive, whatever its kind."""
    parts = [str(fp.get(k)) for k in ("type", "title", "value", "unit", "id") if fp.get(k)]
    if fp.get("parties"):
        parts.append("[" + ", ".join(fp["parties"]) + "]")
    if fp.get("evidence_start") is not None:
        parts.append(f"@{fp['evidence_start']}")
    if fp.get("sentence"):
        parts.append(repr(_clip(fp["sentence"], 80)))
    return " ".join(parts)


def _clip(text: str, n: int) -> str:
    """Shorten long evidence for reports."""
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------------- sentences

_CLOSERS = "\"”»)’'\u201d]"
_OPENERS = "\"«“‘'\u201e"
_BOUNDARY = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s+(\S))")
# A period after one of these (or after a lone capital, an initial) ends no sentence.
_ABBREVIATION_WORDS = "m mm mme mmes mlle mgr dr drs mr mrs ms messrs prof st ste jr sr gen col lt"
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split() + ["sen", "rep", "gov", "pres", "etc"])
_LAST_WORD = re.compile(r"(\w+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into sentence spans [start, end), deterministically (module doc)."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        start = line_start
        for m in _BOUNDARY.finditer(line):
            if _is_boundary(line, m):
                _add_trimmed(text, start, line_start + m.end(), spans)
                start = line_start + m.end()
        _add_trimmed(text, start, line_start + len(line), spans)
        line_start += len(line) + 1
    return spans


def _is_boundary(line: str, m: re.Match[str]) -> bool:
    """Punctuation ends a sentence before a capital or quote, unless it closes an abbreviation."""
    if not (m.group(1).isupper() or m.group(1) in _OPENERS):
        return False
    if line[m.start()] != ".":
        return True
    word = _LAST_WORD.search(line, 0, m.start())
    if word is None:
        return True
    token = word.group(1)
    return not ((len(token) == 1 and token.isupper()) or token.casefold() in _ABBREVIATIONS)


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append [start, end) without surrounding whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _norm_quotes(text: str) -> str:
    """Typographic single quotes as ASCII (same length, so offsets survive)."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every span of needle in text: exact, else after quote normalisation."""
    if not needle:
        return []
    for hay, ndl in ((text, needle), (_norm_quotes(text), _norm_quotes(needle))):
        found, i = [], hay.find(ndl)
        while i >= 0:
            found.append((i, i + len(ndl)))
            i = hay.find(ndl, i + 1)
        if found:
            return found
    return []


class _Text:
    """A document's text with its sentences, to place gold and record evidence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = sentence_spans(text)

    def region(self, needles: Sequence[str], warn: Callable[[str], None]) -> list[tuple[int, int]]:
        """Sentences overlapping any occurrence of any needle (warn for lost ones)."""
        region: set[tuple[int, int]] = set()
        for needle in needles:
            spans = _occurrences(self.text, needle)
            if not spans:
                warn(f"gold evidence not found in text: {_clip(needle, 60)!r}")
            for s, e in spans:
                region.update(sp for sp in self.sentences if sp[0] < e and sp[1] > s)
        return sorted(region)


def _record_spans(item: dict, text: str) -> list[tuple[int, int]]:
    """A record item's evidence spans; a span without offsets is found by its sentence."""
    spans = []
    for ev in item.get("evidence") or []:
        if not isinstance(ev, dict):
            continue
        start, end = ev.get("start"), ev.get("end")
        if isinstance(start, int) and isinstance(end, int):
            spans.append((start, max(end, start + 1)))
        elif ev.get("sentence"):
            spans.extend(_occurrences(text, str(ev["sentence"]))[:1])
    return spans


def _overlaps(spans: Sequence[tuple[int, int]], region: Sequence[tuple[int, int]]) -> bool:
    """Whether any record span intersects any gold sentence."""
    return any(a < se and b > ss for a, b in spans for ss, se in region)


# ----------------------------------------------------------------------- matching


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


# ---------------------------------------------------------------------- scoring


class _DocScorer:
    """Scores one record against one gold, updating the shared report."""

    def __init__(self, gold: Gold, record: dict | None, report: EvalReport) -> None:
        self.gold = gold
        self.record = record or {}
        self.report = report
        self.doc = DocReport(gold.doc, missing=record is None)
        self.text = _Text(str(self.record.get("text") or ""))

    def run(self) -> DocReport:
        """Score every kind and the published date."""
        self._published()
        self._events()
        self._agreements()
        self._quantities()
        self._actors()
        for kind, counts in self.doc.counts.items():
            getattr(self.report, kind).add(counts)
        self.report.warnings.extend(f"{self.gold.doc}: {w}" for w in self.doc.warnings)
        return self.doc

    # helpers
    def _warn(self, message: str) -> None:
        """Keep each warning once per document (none for a missing record: no text)."""
        if not self.doc.missing and message not in self.doc.warnings:
            self.doc.warnings.append(message)

    def _attr(self, kind: str, item: str, attribute: str, ok: bool, gold: Any, got: Any) -> None:
        """Tally one attribute comparison and remember mismatches."""
        name = f"{kind}_{attribute}"
        self.report.tally(name, ok)
        if not ok:
            self.doc.mismatches.append(
                {
                    "kind": kind,
                    "item": item,
                    "attribute": attribute,
                    "gold": _jsonable(gold),
                    "record": _jsonable(got),
                }
            )

    def _items(self, key: str) -> list[dict]:
        """A record section, ignoring anything that is not a mapping."""
        return [i for i in (self.record.get(key) or []) if isinstance(i, dict)]

    def _tally_matching(
        self,
        kind: str,
        golds: Sequence[Any],
        recs: Sequence[dict],
        matched: dict[int, int],
        scored: Callable[[Any], bool],
    ) -> list[tuple[Any, dict]]:
        """Count TP/FN for gold items; return the scored matched pairs."""
        counts = self.doc.counts[kind]
        pairs = []
        for gi, g in enumerate(golds):
            if not scored(g):
                continue
            if gi in matched:
                counts.tp += 1
                pairs.append((g, recs[matched[gi]]))
            else:
                counts.fn += 1
                self.doc.unmatched.append({"kind": _SINGULAR[kind], "id": g.id})
        return pairs

    # published
    def _published(self) -> None:
        """Published date at the gold's precision, when the gold gives one."""
        if self.gold.published is None:
            return
        got = _record_date(self.record.get("published"))
        ok = got is not None and got.startswith(self.gold.published)
        self.report.tally("published", ok)
        if not ok:
            self.doc.mismatches.append(
                {
                    "kind": "doc",
                    "item": self.gold.doc,
                    "attribute": "published",
                    "gold": self.gold.published,
                    "record": got,
                }
            )

    # events
    def _events(self) -> None:
        """Match events by type, parties and evidence sentence; score attributes."""
        golds, recs = self.gold.events, self._items("events")
        regions = [self.text.region(g.evidence, self._warn) for g in golds]
        spans = [_record_spans(r, self.text.text) for r in recs]

        def preference(gi: int, ri: int) -> int | None:
            g, r = golds[gi], recs[ri]
            if str(r.get("type") or "").upper() not in g.types:
                return None
            if not _parties_ok(g.parties, _record_parties(r)):
                return None
            if not _overlaps(spans[ri], regions[gi]):
                return None
            return _event_agreement(g, r)

        matched = _match(golds, recs, preference, lambda g: not g.optional)
        for g, r in self._tally_matching("events", golds, recs, matched, lambda g: not g.optional):
            self._event_attributes(g, r)
        self._false_positives("events", recs, set(matched.values()), spans)

    def _event_attributes(self, g: GoldEvent, r: dict) -> None:
        """Status, mode, date and sectors of a matched required event."""
        self._attr(
            "event", g.id, "status", _in(r.get("status"), g.statuses), g.statuses, r.get("status")
        )
        if g.modes is not None:
            self._attr(
                "event", g.id, "mode", _mode_ok(g.modes, r.get("mode")), g.modes, r.get("mode")
            )
        if g.date is not None:
            self._attr(
                "event",
                g.id,
                "date",
                _date_ok(g.date, r.get("date")),
                g.date,
                _record_date(r.get("date")),
            )
        got = {str(s) for s in (r.get("sectors") or [])}
        found = got & g.sectors
        extra = {s for s in got - g.sectors if not _sector_allowed(g, s)}
        missing = g.sectors - got
        self.report.tally("event_sectors_precision", True, len(found))
        self.report.tally("event_sectors_precision", False, len(extra))
        self.report.tally("event_sectors_recall", True, len(found))
        self.report.tally("event_sectors_recall", False, len(missing))
        if missing or extra:
            self.doc.mismatches.append(
                {
                    "kind": "event",
                    "item": g.id,
                    "attribute": "sectors",
                    "gold": sorted(g.sectors),
                    "record": sorted(got),
                    "missing": sorted(missing),
                    "extra": sorted(extra),
                }
            )

    def _false_positives(
        self,
        kind: str,
        recs: Sequence[dict],
        used: set[int],
        spans: Sequence[Sequence[tuple[int, int]]] | None = None,
    ) -> None:
        """Every unmatched record item of a kind is a false positive."""
        for ri, r in enumerate(recs):
            if ri in used:
                continue
            self.doc.counts[kind].fp += 1
            self.doc.false_positives.append(_fp_entry(kind, r, spans[ri] if spans else None))

    # agreements
    def _agreements(self) -> None:
        """Match agreements by title keywords and parties; score status."""
        golds, recs = self.gold.agreements, self._items("agreements")

        def preference(gi: int, ri: int) -> int | None:
            g, r = golds[gi], recs[ri]
            title = _fold(str(r.get("title") or ""))
            if not title or not all(_fold(k) in title for k in g.title_keywords):
                return None
            if not _parties_ok(g.parties, _record_parties(r)):
                return None
            return int(g.statuses is None or _in(r.get("status"), g.statuses))

        matched = _match(golds, recs, preference, lambda g: not g.optional)
        pairs = self._tally_matching("agreements", golds, recs, matched, lambda g: not g.optional)
        for g, r in pairs:
            if g.statuses is not None:
                self._attr(
                    "agreement",
                    g.id,
                    "status",
                    _in(r.get("status"), g.statuses),
                    g.statuses,
                    r.get("status"),
                )
        self._false_positives("agreements", recs, set(matched.values()))

    # quantities
    def _quantities(self) -> None:
        """Match quantities by value (1 %) and unit class; score kind and measure."""
        golds, recs = self.gold.quantities, self._items("quantities")
        regions = [self.text.region(g.evidence, self._warn) for g in golds]
        spans = [_record_spans(r, self.text.text) for r in recs]

        def preference(gi: int, ri: int) -> int | None:
            g, r = golds[gi], recs[ri]
            got = _number(r.get("value"))
            unit = _unit_class(r.get("unit"))
            if got is None or unit is None or unit != _unit_class(g.unit):
                return None
            if not _close(g.value, got):
                return None
            score = 4 * _overlaps(spans[ri], regions[gi])
            score += 2 * (str(r.get("unit")) == g.unit)
            score += _in(r.get("kind"), g.kinds or ()) + _in(r.get("measure"), g.measures or ())
            return int(score)

        matched = _match(golds, recs, preference, lambda g: not g.optional)
        pairs = self._tally_matching("quantities", golds, recs, matched, lambda g: not g.optional)
        for g, r in pairs:
            if g.kinds is not None:
                self._attr(
                    "quantity", g.id, "kind", _in(r.get("kind"), g.kinds), g.kinds, r.get("kind")
                )
            if g.measures is not None:
                self._attr(
                    "quantity",
                    g.id,
                    "measure",
                    _in(r.get("measure"), g.measures),
                    g.measures,
                    r.get("measure"),
                )
        self._false_positives("quantities", recs, set(matched.values()), spans)

    # actors
    def _actors(self) -> None:
        """Match actors by id, alias or surname+country; score country and role."""
        golds = self.gold.actors
        recs = [r for r in self._items("actors") if r.get("id")]
        matched = _match(
            golds, recs, lambda gi, ri: _actor_preference(golds[gi], recs[ri]), lambda g: g.scored
        )
        pairs = self._tally_matching("actors", golds, recs, matched, lambda g: g.scored)
        for g, r in pairs:
            if g.has_country:
                self._attr(
                    "actor",
                    g.id,
                    "country",
                    r.get("country") == g.country,
                    g.country,
                    r.get("country"),
                )
            if g.kind == "person" and g.roles is not None:
                self._attr(
                    "actor", g.id, "role", _in(r.get("role"), g.roles), g.roles, r.get("role")
                )
        used = set(matched.values())
        for ri, r in enumerate(recs):
            if ri not in used and _kind_of(str(r["id"]), r.get("kind")) in FP_ACTOR_KINDS:
                self.doc.counts["actors"].fp += 1
                self.doc.false_positives.append(_fp_entry("actors", r, None))


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


def _fp_entry(kind: str, r: dict, spans: Sequence[tuple[int, int]] | None) -> dict[str, Any]:
    """A compact description of a false-positive record item."""
    entry: dict[str, Any] = {"kind": _SINGULAR[kind]}
    if kind == "events":
        entry.update(id=r.get("id"), type=r.get("type"), parties=_record_parties(r))
    elif kind == "agreements":
        entry.update(id=r.get("id"), title=r.get("title"), parties=_record_parties(r))
    elif kind == "quantities":
        entry.update(value=_jsonable(r.get("value")), unit=r.get("unit"))
    else:
        entry.update(id=r.get("id"), actor_kind=_kind_of(str(r["id"]), r.get("kind")))
    if spans is not None:
        ev = next((e for e in r.get("evidence") or [] if isinstance(e, dict)), {})
        entry["evidence_start"] = spans[0][0] if spans else None
        entry["sentence"] = ev.get("sentence")
    return entry


def _jsonable(value: Any) -> Any:
    """Tuples and sets as lists; other odd values as strings."""
    if isinstance(value, tuple | list | set | frozenset):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def score(records: Iterable[dict], golds: Mapping[str, Gold]) -> EvalReport:
    """Score records against golds (micro-averaged); records without gold are ignored."""
    report = EvalReport()
    by_doc: dict[str, dict] = {}
    for record in records:
        doc_id = str(record.get("doc_id"))
        if doc_id not in golds:
            report.unscored_docs.append(doc_id)
        elif doc_id in by_doc:
            report.warnings.append(f"{doc_id}: several records, only the first is scored")
        else:
            by_doc[doc_id] = record
    for doc_id in sorted(golds):
        gold = golds[doc_id]
        record = by_doc.get(doc_id)
        if record is None:
            report.missing_docs.append(doc_id)
        report.docs[doc_id] = _DocScorer(gold, record, report).run()
    return report
