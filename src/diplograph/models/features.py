"""Features for the learned event models, read from the parse, the entities
and the language data only (no word lists of their own), so that one
feature set serves every language the corpus holds.

A feature is a string; a model weighs the ones present. Features about an
act are crossed with its PLOVER type, because a venue matters differently
to a visit and to a condemnation.
"""
from __future__ import annotations

from collections import Counter

from ..parsed import ParsedDoc
from ..stages.actors import ActorIndex, Mention
from ..stages.context import party_of, subject_tokens


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _article_ranks(actors: ActorIndex) -> dict[str, int]:
    """Rank of each state or IGO by how often the article names it (0 = most)."""
    counts = Counter(party_of(actors, m) for m in actors.mentions)
    counts.pop(None, None)
    return {actor: rank for rank, (actor, _) in enumerate(counts.most_common())}


def _relation(mention_root, head) -> str:
    """Where a mention sits in the parse relative to the act's word."""
    if mention_root.i == head.i:
        return "self"
    if head in mention_root.ancestors:
        depth = sum(1 for a in mention_root.ancestors
                    if a.i != head.i and head in a.ancestors) + 1
        return f"below{min(depth, 3)}"
    if mention_root in head.ancestors:
        return "above"
    return "apart"


def _mention_features(m: Mention, doc, head, subject: set[int]) -> list[str]:
    out = [f"via={m.via}"]
    if m.topic:
        out.append("topic")
    if m.place:
        out.append("place")
    if m.in_name:
        out.append("in_name")
    if m.token_start < 0 or m.token_start >= len(doc):
        return out + ["untokened"]
    root = doc[m.token_start:max(m.token_end, m.token_start + 1)].root
    out.append(f"dep={root.dep_}")
    out.append(f"headdep={root.head.dep_}")
    out.append(f"rel={_relation(root, head)}")
    out.extend(f"case={c.lemma_.lower()}" for c in root.children if c.dep_ == "case")
    if m.token_start in subject:
        out.append("subject")
    gap = m.token_start - head.i
    out.append(f"side={'before' if gap < 0 else 'after'}")
    out.append(f"dist={_bucket(abs(gap), (2, 5, 10, 20))}")
    return out


def party_candidates(parsed: ParsedDoc, actors: ActorIndex, draft,
                     previous: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every state or IGO that may take part in a draft act, with features:
    those named in its sentence (as actor, venue, topic, or through a
    person), its speaker's country, the article's main pair, the parties of
    the act told just before (what "les deux ministres" or "ils" refer to),
    the states of the sentence before, and the rules' choice."""
    sent, head = draft.sentence, draft.head
    subject = subject_tokens(head)
    ranks = _article_ranks(actors)
    found: dict[str, set[str]] = {}
    mentions = actors.in_sentence(sent.index)
    for m in mentions:
        actor = party_of(actors, m)
        if actor is None:
            continue
        feats = found.setdefault(actor, set())
        feats.update(_mention_features(m, sent.doc, head, subject))
        feats.add(f"kind={m.kind}")
    counts = Counter(party_of(actors, m) for m in mentions)
    speaker = actors.speakers.get(sent.index)
    if speaker and actors.country_of(speaker):
        found.setdefault(actors.country_of(speaker), set()).add("speaker")
    for actor in actors.dyad:
        found.setdefault(actor, set()).add("dyad")
    for actor in previous:
        found.setdefault(actor, set()).add("previous_act")
    for m in actors.in_sentence(sent.index - 1):
        actor = party_of(actors, m)
        if actor is not None and not m.place and not m.topic:
            found.setdefault(actor, set()).add("previous_sentence")
    for actor in draft.parties:
        found.setdefault(actor, set()).add("rule")
    named = sum(1 for a in found if counts.get(a))
    out = {}
    for actor, feats in found.items():
        feats.add(f"mentions={_bucket(counts.get(actor, 0), (0, 1, 2))}")
        feats.add(f"rank={_bucket(ranks.get(actor, 9), (0, 1, 2))}")
        feats.add("igo" if actor.startswith("igo:") else "state")
        feats.add(f"named_in_sentence={_bucket(named, (0, 1, 2, 3))}")
        feats.add(f"rule_parties={_bucket(len(draft.parties), (0, 1, 2, 3))}")
        feats.add(f"dyad_size={len(actors.dyad)}")
        if "rule" in feats:
            feats.add(f"rule&mode={draft.mode}")
        crossed = [f"{draft.type}&{f}" for f in feats]
        out[actor] = sorted(feats) + crossed + ["bias"]
    return out


def act_features(parsed: ParsedDoc, actors: ActorIndex, draft) -> list[str]:
    """Whether a draft is a real act worth an event: its trigger word and how
    it sits in the sentence, the sentence's place in the article, and what
    else the sentence holds."""
    sent, head = draft.sentence, draft.head
    feats = {f"type={draft.type}", f"mode={draft.mode}", f"status={draft.status}",
             f"lemma={head.lemma_.lower()}", f"pos={head.pos_}", f"dep={head.dep_}",
             f"headpos={head.head.pos_}", f"headdep={head.head.dep_}",
             f"parties={_bucket(len(draft.parties), (0, 1, 2, 3))}",
             f"sentence={_bucket(sent.index, (0, 1, 2, 4, 8))}",
             f"length={_bucket(len(sent.doc), (10, 20, 35, 60))}"}
    if draft.weak:
        feats.add("weak")
    if draft.told_before:
        feats.add("told_before")
    if draft.people:
        feats.add("people")
    if draft.date is not None:
        feats.add("dated")
    if draft.amounts:
        feats.add("amounts")
    if any(c.dep_ == "det" for c in head.children):
        feats.update(f"det={c.lemma_.lower()}" for c in head.children if c.dep_ == "det")
    feats.update(f"aux={c.lemma_.lower()}" for c in head.children if c.dep_.startswith("aux"))
    if any(t.is_quote for t in sent.doc):
        feats.add("quote")
    kinds = {m.kind for m in actors.in_sentence(sent.index)}
    feats.update(f"has={k}" for k in kinds)
    if any(p.startswith("igo:") for p in draft.parties):
        feats.add("igo_party")
    crossed = [f"{draft.type}&{f}" for f in feats if not f.startswith(("type=", "lemma="))]
    return sorted(feats) + crossed + ["bias"]


#: dependents of the sentence's root whose own dependents are read too
#: ("souhaite renforcer la coopération": xcomp -> obj)
_DEEPER = ("xcomp", "ccomp", "obj", "nsubj", "obl:arg", "obl:mod", "advcl", "acl", "nmod")
_CONTENT = ("NOUN", "VERB", "ADJ", "PROPN")


def sentence_root(sent):
    """The sentence's main word (the first root when the parse has several)."""
    return next((t for t in sent.doc if t.head.i == t.i), sent.doc[0])


def sentence_features(parsed: ParsedDoc, actors: ActorIndex, sent, before: str | None) -> list[str]:
    """What a sentence with no act word says: its root verb and the words
    right below it, the kinds of actors it names and their grammatical roles,
    its place in the article, the language's status cues it holds, and the
    type of the act drafted in the sentence before (``before``), if any."""
    doc = sent.doc
    root = sentence_root(sent)
    feats = {f"root={root.lemma_.lower()}", f"rootpos={root.pos_}",
             f"sentence={_bucket(sent.index, (0, 1, 2, 4, 8))}",
             f"length={_bucket(len(doc), (10, 20, 35, 60))}",
             f"before={before}"}
    feats.update(f"rootmorph={v}" for key in ("Tense", "Mood", "VerbForm")
                 for v in root.morph.get(key))
    for child in root.children:
        if child.is_punct:
            continue
        feats.add(f"{child.dep_}={child.lemma_.lower()}")
        if child.dep_ in _DEEPER and child.pos_ in _CONTENT:
            feats.update(f"{child.dep_}>{g.dep_}={g.lemma_.lower()}" for g in child.children
                         if g.pos_ in _CONTENT)
    feats.update(f"lemma={t.lemma_.lower()}" for t in doc if t.pos_ in ("NOUN", "VERB"))
    # act words of the language data whose conditions failed here ("if", a negation,
    # no second side...): the type they would have drafted
    for trigger, head in parsed.pipeline.triggers.find(sent):
        feats.add(f"lexicon={trigger.type}")
    cues = parsed.language.status
    lemmas = {t.lemma_.lower() for t in doc}
    for status in ("failed", "ongoing", "planned"):
        if lemmas & set(cues.get(status, {}).get("lemmas", [])):
            feats.add(f"cue={status}")
    if any(t.is_quote for t in doc):
        feats.add("quote")
    if sent.index in actors.speakers:
        feats.add("speaker")
    subject = subject_tokens(root)
    mentions = actors.in_sentence(sent.index)
    states = {party_of(actors, m) for m in mentions} - {None}
    feats.add(f"states={_bucket(len(states), (0, 1, 2, 3))}")
    for m in mentions:
        role = "topic" if m.topic else "place" if m.place else "in_name" if m.in_name else None
        if role is None and 0 <= m.token_start < len(doc):
            mention_root = doc[m.token_start:max(m.token_end, m.token_start + 1)].root
            role = "subject" if m.token_start in subject else mention_root.dep_
        feats.add(f"has={m.kind}")
        feats.add(f"{m.kind}@{role}")
    return sorted(feats)


def recover_features(sentence: list[str], type_: str) -> list[str]:
    """A sentence's features for one candidate PLOVER type: each crossed with
    the type, plus the type's own bias (``type=T``, which also tells a model
    which types it may propose)."""
    return [f"type={type_}", *sentence, *(f"{type_}&{f}" for f in sentence), "bias"]


def _set_relation(a: set, b: set) -> str:
    if not a or not b:
        return "empty"
    if a == b:
        return "equal"
    if a < b:
        return "first_within"
    if b < a:
        return "second_within"
    return "overlap" if a & b else "disjoint"


def _dates_relation(a, b) -> str:
    from ..periods import first_day, last_day

    if a is None or b is None or a.value is None or b.value is None:
        return "undated" if a is None or a.value is None else "second_undated"
    if a.value == b.value:
        return "same"
    overlap = first_day(a.value) <= last_day(b.end or b.value) \
        and first_day(b.value) <= last_day(a.end or a.value)
    return "overlap" if overlap else "apart"


def pair_features(first, second, between: list) -> list[str]:
    """Whether two events of one type, kept apart by the rules, are one real
    event: how their parties, people, status, mode and dates compare, how far
    apart the article tells them, how the second one is worded (a weak or
    back-referring mention), and how many other events come between."""
    a_sent, b_sent = first.sentence, second.sentence
    last_a = max(e.start for e in first.evidence)
    distance = b_sent.index - a_sent.index
    feats = {f"type={second.type}",
             f"parties={_set_relation(set(first.parties), set(second.parties))}",
             f"people={_set_relation(first.people, second.people)}",
             f"status={first.status}>{second.status}",
             f"same_status={first.status == second.status}",
             f"modes={first.mode}>{second.mode}",
             f"dates={_dates_relation(first.date, second.date)}",
             f"distance={_bucket(max(distance, 0), (0, 1, 2, 4, 8))}",
             f"same_paragraph={a_sent.paragraph == b_sent.paragraph}",
             f"after_last_mention={second.sentence.start > last_a}",
             f"same_word={first.head.lemma_.lower() == second.head.lemma_.lower()}",
             f"between={_bucket(len(between), (0, 1, 2, 4))}",
             f"between_same_parties={any(o.parties == second.parties for o in between)}",
             f"mentions={_bucket(len(first.evidence), (1, 2, 3))}",
             f"parties_count={_bucket(len(second.parties), (1, 2, 3))}"}
    if second.weak:
        feats.add("weak")
    if second.told_before:
        feats.add("told_before")
    if first.amounts and second.amounts:
        feats.add(f"amounts_agree={bool(first.amounts & second.amounts)}")
    if first.sectors and second.sectors:
        feats.add(f"sectors={_set_relation(first.sectors, second.sectors)}")
    determiners = {c.lemma_.lower() for c in second.head.children if c.dep_ == "det"}
    feats.update(f"det={d}" for d in determiners)
    crossed = [f"{second.type}&{f}" for f in feats if not f.startswith("type=")]
    return sorted(feats) + crossed + ["bias"]
