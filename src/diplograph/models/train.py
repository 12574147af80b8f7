"""Rebuild the learned event models from a gold corpus (``make train``).

Every article is parsed once. The rules draft their acts; each draft is
labelled from the gold (is there a gold event of its type in its sentence,
and which of its candidate states are that event's parties). Figures are
5-fold cross-validated by article: a fold's articles are read by models
trained on the other four, and the whole records are scored as ``eval``
scores them. The models written are then fitted on every article.

    python -m diplograph.models.train --corpus ../shared/train [--dev ../shared/dev]
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..evaluate import Gold, GoldError, _overlaps, _Text, load_gold, score
from ..evaluate.matching import _parties_ok
from ..extract import parse
from ..ingest.files import read_jsonl
from ..lang import supported_languages
from ..parsed import ParsedDoc
from ..sameness import modes_agree
from ..stages.events import draft_events, merged_drafts
from ..types import Rejection
from . import EventModels, model_folder, new_draft, undrafted
from .features import (act_features, pair_features, party_candidates, recover_features,
                       sentence_features)
from .linear import LinearModel

FOLDS = 5
#: weights closer to zero than this are dropped (they barely move a decision
#: and would make the artifacts large)
MIN_WEIGHT = 0.02
#: (keep a rule party, add another) bars tried for the party model, and
#: thresholds tried for the act model; the best cross-validated ones are kept
PARTY_BARS = ((0.5, 0.5), (0.3, 0.7), (0.2, 0.85))
ACT_THRESHOLDS = (0.1, 0.2, 0.3)
#: thresholds tried for the recover model (on its likeliest type), and the
#: fewest training sentences a type needs to be proposed at all
RECOVER_THRESHOLDS = (0.2, 0.3, 0.4, 0.5)
RECOVER_C = 1.0  # less regularised than the others: few examples, sparse words
RECOVER_MIN_POSITIVES = 5
#: thresholds tried for the same-event model
SAME_THRESHOLDS = (0.5, 0.7, 0.85)


@dataclass
class Article:
    parsed: ParsedDoc
    gold: Gold


@dataclass
class Examples:
    party: list[tuple[list[str], int]] = field(default_factory=list)
    act: list[tuple[list[str], int]] = field(default_factory=list)
    #: per undrafted sentence: its features, the types of the required gold
    #: acts it reports, and types to leave out (optional acts, or acts whose
    #: parties no candidate set covers)
    recover: list[tuple[list[str], set[str], set[str]]] = field(default_factory=list)
    #: pairs of events of one type the rules kept apart: one real event or two
    same: list[tuple[list[str], int]] = field(default_factory=list)


def load_articles(corpus: Path, language: str, limit: int | None = None,
                  progress: bool = True) -> list[Article]:
    """Parsed articles of one language that have a gold file."""
    golds = load_gold(corpus / "gold")
    files = sorted(corpus.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"error: no *.jsonl file in {corpus}")
    documents = []
    for item in (d for f in files for d in read_jsonl(f.read_text(encoding="utf-8"), str(f))):
        if isinstance(item, Rejection):
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
        elif item.doc_id in golds and golds[item.doc_id].language == language:
            documents.append(item)
    documents.sort(key=lambda d: d.doc_id)
    if limit:
        documents = documents[:limit]
    out = []
    live = sys.stderr.isatty()  # a log file gets a line every 50 articles, not one long line
    for number, document in enumerate(documents, start=1):
        if progress and live:
            print(f"\rparsing {corpus.name}: {number}/{len(documents)}", end="", file=sys.stderr)
        elif progress and (number % 50 == 0 or number == len(documents)):
            print(f"parsing {corpus.name}: {number}/{len(documents)}", file=sys.stderr)
        document = replace(document, language=language)
        out.append(Article(parse(document, language), golds[document.doc_id]))
    if progress and live:
        print(file=sys.stderr)
    return out


def examples_of(article: Article) -> Examples:
    """Labelled party candidates and acts from the rules' drafts of one article."""
    parsed = article.parsed
    found = parsed.pipeline.find_before_events(parsed)
    drafts = draft_events(parsed, found.actors, found.times, found.quantities, found.documents)
    text = _Text(parsed.text)
    regions = [text.region(g.evidence, lambda _: None) for g in article.gold.events]
    out = Examples()
    for draft, previous in zip(drafts, previous_parties(drafts)):
        span = [(draft.sentence.start, draft.sentence.end)]
        golds = [g for g, region in zip(article.gold.events, regions)
                 if draft.type in g.types and _overlaps(span, region)]
        if not any(not g.optional for g in golds):
            if not golds:
                out.act.append((act_features(parsed, found.actors, draft), 0))
        else:
            out.act.append((act_features(parsed, found.actors, draft), 1))
        if not golds:
            continue
        candidates = party_candidates(parsed, found.actors, draft, previous)
        parties = _closest_parties(golds, set(candidates), set(draft.parties))
        out.party.extend((feats, int(actor in parties)) for actor, feats in candidates.items())
    out.recover = recover_examples(parsed, found.actors, drafts, article.gold.events, regions)
    out.same = same_examples(merged_drafts(parsed, found.actors, drafts), article.gold.events,
                             regions)
    return out


def same_examples(events: list, golds: list, regions: list) -> list[tuple[list[str], int]]:
    """Pairs of the rules' merged events of one type, both matching gold
    events: one real event when they match the same one, two otherwise."""
    matched = []
    for event in events:
        spans = [(e.start, e.end) for e in event.evidence]
        matched.append({i for i, (g, region) in enumerate(zip(golds, regions))
                        if event.type in g.types and _overlaps(spans, region)
                        and _parties_ok(g.parties, event.parties)})
    out = []
    for j, second in enumerate(events):
        for i in range(j):
            first = events[i]
            if first.type != second.type or not modes_agree(first.mode, second.mode) \
                    or not matched[i] or not matched[j]:
                continue
            out.append((pair_features(first, second, events[i + 1:j]),
                        int(bool(matched[i] & matched[j]))))
    return out


def recover_examples(parsed: ParsedDoc, actors, drafts: list, golds: list, regions: list):
    """Each sentence the rules drafted nothing in, with the gold types it reports."""
    out = []
    previous: tuple[str, ...] = ()
    last_parties = {d.sentence.index: tuple(d.parties) for d in drafts}
    for sent, before in undrafted(parsed, drafts):
        if before is False:
            previous = last_parties[sent.index]
            continue
        span = [(sent.start, sent.end)]
        positive, ignored = set(), set()
        for g, region in zip(golds, regions):
            if not _overlaps(span, region):
                continue
            if g.optional:
                ignored.update(g.types)
                continue
            for t in g.types:
                candidates = set(party_candidates(parsed, actors,
                                                  new_draft(parsed, actors, sent, t, previous),
                                                  previous))
                (positive if any(alt <= candidates for alt in g.parties) else ignored).add(t)
        out.append((sentence_features(parsed, actors, sent, before), positive, ignored - positive))
    return out


def previous_parties(drafts: list) -> list[tuple[str, ...]]:
    """For each draft, the parties of the last draft of an earlier sentence."""
    out, previous, last = [], (), None
    for draft in drafts:
        if last is not None and last.sentence is not draft.sentence:
            previous = tuple(last.parties)
        out.append(previous)
        last = draft
    return out


def _closest_parties(golds: list, candidates: set[str], rule: set[str]) -> frozenset[str]:
    """The gold party set a draft most plausibly reports: the one its
    candidates cover best, then the one nearest the rules' choice."""
    options = [alt for g in golds for alt in g.parties]
    return max(options, key=lambda alt: (len(alt & candidates) - len(alt - candidates),
                                         len(alt & rule) - len(rule - alt)))


def fit(name: str, examples: list[tuple[list[str], int]], threshold: float,
        c: float = 0.5) -> LinearModel:
    """A logistic regression over binary features (liblinear: deterministic)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f, _ in examples]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear's
    y = [label for _, label in examples]
    if len(set(y)) < 2:
        raise SystemExit(f"error: the {name} model needs both kinds of examples; "
                         "give it more articles")
    model = LogisticRegression(C=c, solver="liblinear", fit_intercept=True, max_iter=1000)
    model.fit(x, y)
    weights = {f: round(w, 4) for f, w in zip(vectorizer.get_feature_names_out(),
                                               model.coef_[0].tolist())
               if abs(w) >= MIN_WEIGHT}
    return LinearModel(name, weights, float(model.intercept_[0]), threshold)


def fit_recover(examples: list[Examples], threshold: float) -> LinearModel:
    """One logistic model over (undrafted sentence, candidate type) pairs,
    its features crossed with the type; the types it knows are those with
    at least ``RECOVER_MIN_POSITIVES`` sentences."""
    counts: dict[str, int] = {}
    for ex in examples:
        for _, positive, _ in ex.recover:
            for t in positive:
                counts[t] = counts.get(t, 0) + 1
    types = sorted(t for t, n in counts.items() if n >= RECOVER_MIN_POSITIVES)
    rows = [(recover_features(feats, t), int(t in positive))
            for ex in examples for feats, positive, ignored in ex.recover
            for t in types if t not in ignored]
    if len({label for _, label in rows}) < 2:  # too few articles: a model that proposes nothing
        return LinearModel("recover", {}, -30.0, threshold)
    return fit("recover", rows, threshold, RECOVER_C)


def fit_models(examples: list[Examples], party_bars: tuple[float, float],
               act_threshold: float | None,
               recover_threshold: float | None = None,
               same_threshold: float | None = None) -> EventModels:
    """The models fitted on the examples; ``party_bars`` = (keep, add)."""
    keep, add = party_bars
    party = replace(fit("party", [e for ex in examples for e in ex.party], add),
                    keep_threshold=keep)
    act = None if act_threshold is None else fit(
        "act", [e for ex in examples for e in ex.act], act_threshold)
    recover = None if recover_threshold is None else fit_recover(examples, recover_threshold)
    pairs = [e for ex in examples for e in ex.same]
    same = None
    if same_threshold is not None:  # too few articles for both kinds: a model that joins nothing
        same = fit("same", pairs, same_threshold) if len({y for _, y in pairs}) == 2 \
            else LinearModel("same", {}, -30.0, same_threshold)
    return EventModels(party=party, act=act, recover=recover, same=same)


def figures(articles: list[Article], models_for) -> dict:
    """Scores of whole records, each article read by ``models_for(index)``."""
    records = [a.parsed.pipeline.read(a.parsed, models_for(i)).to_dict() for i, a in enumerate(articles)]
    report = score(records, {a.gold.doc: a.gold for a in articles})
    data = report.to_dict()
    out = {kind: {k: round(v, 4) if isinstance(v, float) else v for k, v in counts.items()}
           for kind, counts in data["kinds"].items() if kind in ("events", "agreements")}
    for attribute in ("event_status", "event_sectors_recall"):
        if attribute in data.get("attributes", {}):
            out[attribute] = data["attributes"][attribute]
    return out


def cross_validate(articles: list[Article], examples: list[Examples]) -> tuple[dict, dict]:
    """Rules alone, then each setting of the party model, then the act model
    on the best of those, all by 5-fold CV; returns (figures, best setting)."""
    folds = [i % FOLDS for i in range(len(articles))]

    def run(bars, act, recover=None, same=None):
        per_fold = [fit_models([e for e, f in zip(examples, folds) if f != k], bars, act,
                               recover, same) for k in range(FOLDS)]
        return figures(articles, lambda i: per_fold[folds[i]])

    results: dict = {"rules": figures(articles, lambda i: None)}
    for bars in PARTY_BARS:
        results[f"rules+party@{bars[0]}/{bars[1]}"] = run(bars, None)
    bars = max(PARTY_BARS, key=lambda b: results[f"rules+party@{b[0]}/{b[1]}"]["events"]["f1"])
    for threshold in ACT_THRESHOLDS:
        results[f"rules+party+act@{threshold}"] = run(bars, threshold)
    act = max(ACT_THRESHOLDS, key=lambda t: results[f"rules+party+act@{t}"]["events"]["f1"])
    if results[f"rules+party+act@{act}"]["events"]["f1"] <= \
            results[f"rules+party@{bars[0]}/{bars[1]}"]["events"]["f1"]:
        act = None  # the act model does not pay its way: not shipped
    base = results[f"rules+party+act@{act}" if act is not None
                   else f"rules+party@{bars[0]}/{bars[1]}"]["events"]["f1"]
    name = "rules+party+act" if act is not None else "rules+party"
    for threshold in RECOVER_THRESHOLDS:
        results[f"{name}+recover@{threshold}"] = run(bars, act, threshold)
    recover = max(RECOVER_THRESHOLDS,
                  key=lambda t: results[f"{name}+recover@{t}"]["events"]["f1"])
    if results[f"{name}+recover@{recover}"]["events"]["f1"] <= base:
        recover = None  # recovering acts does not pay its way: not shipped
    else:
        base, name = results[f"{name}+recover@{recover}"]["events"]["f1"], f"{name}+recover"
    for threshold in SAME_THRESHOLDS:
        results[f"{name}+same@{threshold}"] = run(bars, act, recover, threshold)
    same = max(SAME_THRESHOLDS, key=lambda t: results[f"{name}+same@{t}"]["events"]["f1"])
    if results[f"{name}+same@{same}"]["events"]["f1"] <= base:
        same = None  # joining events does not pay its way: not shipped
    return results, {"party_bars": list(bars), "act_threshold": act,
                     "recover_threshold": recover, "same_threshold": same}


def shipped_name(models: EventModels) -> str:
    """The dev ablation row of a set of models: "rules+party+act", ..."""
    return "+".join(["rules"] + [n for n in ("party", "act", "recover", "same")
                                 if getattr(models, n) is not None])


def summary(report: dict) -> str:
    """One line per configuration: events and agreements P / R / F1."""
    lines = [f"{report['language']}: {report['articles']} articles, "
             f"party bars {report['party_bars']}, act threshold {report['act_threshold']}, "
             f"recover threshold {report.get('recover_threshold')}, "
             f"same threshold {report.get('same_threshold')}"]
    sections = [("5-fold CV", report["cross_validated"])]
    if "dev" in report:
        sections.append(("dev", {k: v for k, v in report["dev"].items() if k != "articles"}))
    for title, configs in sections:
        for name, fig in configs.items():
            e, a = fig["events"], fig["agreements"]
            lines.append(f"  {title:9} {name:30} events P {e['precision']:.3f} R {e['recall']:.3f}"
                         f" F1 {e['f1']:.3f} | agreements F1 {a['f1']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/train"))
    parser.add_argument("--dev", type=Path, default=None,
                        help="a held-back corpus for the ablation (never trained on)")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for <language>/*.json (default: the package's own)")
    parser.add_argument("--languages", nargs="*", default=supported_languages())
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args(argv)
    if not (args.corpus / "gold").is_dir():
        print(f"error: {args.corpus} has no gold/ folder (is ../shared beside the repository?)",
              file=sys.stderr)
        return 2
    for language in args.languages:
        try:
            articles = load_articles(args.corpus, language, args.limit)
        except (GoldError, OSError, UnicodeDecodeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if not articles:
            print(f"{language}: no gold articles, no models", file=sys.stderr)
            continue
        examples = [examples_of(a) for a in articles]
        cv, best = cross_validate(articles, examples)
        models = fit_models(examples, tuple(best["party_bars"]), best["act_threshold"],
                            best["recover_threshold"], best["same_threshold"])
        report = {"language": language, "articles": len(articles),
                  "party_examples": sum(len(e.party) for e in examples),
                  "act_examples": sum(len(e.act) for e in examples),
                  "recover_sentences": sum(len(e.recover) for e in examples),
                  "recover_positive_sentences": sum(1 for e in examples
                                                    for _, p, _ in e.recover if p),
                  "same_pairs": sum(len(e.same) for e in examples),
                  "same_positive_pairs": sum(y for e in examples for _, y in e.same),
                  **best, "cross_validated": cv}
        if args.dev:
            dev = load_articles(args.dev, language)
            report["dev"] = {"articles": len(dev),
                             "rules": figures(dev, lambda i: None),
                             "rules+party": figures(dev, lambda i: models.with_only("party"))}
            if models.act is not None:
                report["dev"]["rules+party+act"] = figures(
                    dev, lambda i: models.with_only("party", "act"))
            if models.recover is not None:
                report["dev"][shipped_name(models.with_only("party", "act", "recover"))] = \
                    figures(dev, lambda i: models.with_only("party", "act", "recover"))
            if models.same is not None:
                report["dev"][shipped_name(models)] = figures(dev, lambda i: models)
        folder = (args.out / language) if args.out else model_folder(language)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.json"):
            stale.unlink()
        for model in (m for m in (models.party, models.act, models.recover, models.same)
                      if m is not None):
            (folder / f"{model.name}.json").write_text(model.to_json(), encoding="utf-8")
        (folder / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(summary(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
