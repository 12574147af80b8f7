"""Agreements: written documents (MoUs, treaties, plans, joint statements)
named in the article, each with its own status in the lifecycle
proposed → negotiating → finalizing → agreed → signed → in_force.

A bare back-reference ("cet accord", "les deux projets d'accord") names no new
document; it is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from unidecode import unidecode

from ..lang import LanguageData
from ..parsed import ParsedDoc, ParsedSentence
from ..sameness import fold_plural, same_agreement_title
from ..sameness import title_words as subject_words
from ..types import Agreement, Evidence
from ..vocab import later_stage
from .actors import ActorIndex
from .context import date_in, modality, participants
from .times import TimeMention

_EXCLUDED_DEPS = {"acl:relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis"}


@dataclass(frozen=True)
class _Vocabulary:
    """The words of documents.yaml the title and status rules read."""

    sign_verbs: frozenset[str]
    stop_prepositions: frozenset[str]
    breaks: frozenset[str]
    coordinators: frozenset[str]
    respect_verbs: frozenset[str]
    participles: frozenset[str]
    document_forms: tuple[str, ...]  # every document noun, singular and plural, lowercase
    measure_nouns: frozenset[str]  # "pour la période …", "pour une valeur de …"
    topic_openers: tuple[tuple[str, ...], ...]  # longest first
    consent_verbs: frozenset[str]
    collective: frozenset[str]
    signed_as_object: frozenset[str]
    circumstances: frozenset[str]
    content_verbs: frozenset[str]
    process_nouns: frozenset[str]
    separators: frozenset[str]
    ordinals: frozenset[str]
    relatives: frozenset[str]


def _vocabulary(language: LanguageData) -> _Vocabulary:
    data = language.documents

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, []))

    nouns = [str(n).lower().replace("’", "'") for n in [*data["strong"], *data["weak"]]]
    forms = tuple(sorted({f for n in nouns for f in (n, _plural(n))}, key=len, reverse=True))
    openers = sorted((tuple(str(p).lower().split()) for p in data.get("title_topic_openers", [])),
                     key=len, reverse=True)
    return _Vocabulary(words("sign_verbs"), words("title_stop_prepositions"),
                       words("title_breaks"), words("coordinators"), words("respect_verbs"),
                       words("title_participles"), forms, words("title_measure_nouns"),
                       tuple(openers), words("consent_verbs"), words("collective_determiners"),
                       words("signed_as_object"), language.words("circumstance_words"),
                       words("content_verbs"), words("process_nouns"), words("list_separators"),
                       words("ordinal_pronouns"), words("relative_pronouns"))


@dataclass(frozen=True)
class DocumentMention:
    """An agreement noun found in a sentence, with the tokens of its title."""

    sentence: ParsedSentence
    head: object  # spacy Token of the noun
    title: str
    kind: str
    bare: bool
    collective: bool = False  # "six accords", "plusieurs mémorandums": a set of new documents


def _matcher(language: LanguageData, nlp):
    """A phrase matcher for every document noun, singular and plural, and the
    (strength, kind) of each of its keys."""
    from spacy.matcher import PhraseMatcher

    data = language.documents
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    kinds = {}
    for strength in ("strong", "weak"):
        for noun, kind in data[strength].items():
            for form in {noun, _plural(noun)}:
                key = f"{strength}|{form}"
                kinds[key] = (strength, kind)
                matcher.add(key, [nlp.make_doc(form)])
    return matcher, kinds


def _cited_instrument(noun, vocab: _Vocabulary) -> bool:
    """"observer strictement ... la Convention des Nations unies sur le droit de la
    mer": an instrument cited as a norm, not a document whose fate is news."""
    token = noun
    for _ in range(4):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in vocab.respect_verbs or token.lower_ in vocab.respect_verbs:
            return True
    return False


def _named_instrument(noun) -> bool:
    """A capitalised title in mid-sentence names an existing instrument."""
    return noun.text[:1].isupper() and noun.i > 0 and noun.doc[noun.i - 1].text not in ("«", '"')


def _acted_on(noun, language, vocab: _Vocabulary) -> bool:
    """"l'adoption de la Déclaration de Dakar": a named text that is itself the news."""
    act = _governing_verb(noun, language.words("modal_verbs"), vocab.sign_verbs)
    return act is not None and act.lemma_.lower() in vocab.sign_verbs


def _plural(noun: str) -> str:
    first, _, rest = noun.partition(" ")
    if first.endswith(("s", "x")):
        return noun
    first = first[:-2] + "aux" if first.endswith("al") else first + "s"
    return f"{first} {rest}".strip()


class AgreementReader:
    """The agreements stage of one language: its document-noun matcher and the
    word lists of documents.yaml, built once."""

    def __init__(self, language: LanguageData, nlp):
        self.vocab = _vocabulary(language)
        self.matcher, self.kinds = _matcher(language, nlp)

    def mentions(self, parsed: ParsedDoc) -> list[DocumentMention]:
        """Every agreement noun of the text, named or merely referred to."""
        return _document_mentions(parsed, self.matcher, self.kinds, self.vocab)

    def find(self, parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention],
             mentions: list[DocumentMention]) -> list[Agreement]:
        return _find_agreements(parsed, actors, times, mentions, self.vocab)


def _document_mentions(parsed: ParsedDoc, matcher, kinds: dict, vocab: _Vocabulary
                       ) -> list[DocumentMention]:
    from spacy.util import filter_spans

    possessives = parsed.language.words("possessives")
    out = []
    for sent in parsed.readable():
        doc = sent.doc
        heads: set[int] = set()
        spans = []
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
        for span in filter_spans(spans):
            strength, kind = kinds[span.label_]
            head = span[0]
            if strength == "weak" and not _signed_object(head, vocab):
                continue
            if head.lower_ in ("accord",) and (_is_idiom(doc, span)
                                               or _consent(head, vocab, possessives)):
                continue
            if _inside_other_name(head):
                continue
            if span.root.head.i in heads and span.root.dep_ == "nmod" \
                    and span.root.head.i < span.start:
                continue  # "protocoles d'accords": one document, already read
            heads.add(span.root.i)
            title, bare = _title(doc, span, vocab)
            collective = _collective(span.root, vocab)
            if _definite_plural(span.root) and not subject_words(title, parsed.language.code):
                bare = True  # "les conventions de coopération": documents told of before
            out.append(DocumentMention(sent, head, title, kind, bare and not collective,
                                       collective))
    return out


def _is_idiom(doc, span) -> bool:
    """"d'accord", "en accord avec", "accord de principe" are not documents."""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before not in ("d'", "d’", "en") or span.text.lower().startswith("accord-"):
        return False
    owner = doc[span.start - 2] if span.start > 1 else None
    return owner is None or owner.pos_ not in ("NOUN", "PROPN")


def _consent(noun, vocab: _Vocabulary, possessives: frozenset[str]) -> bool:
    """"a donné son accord (de principe)": someone's consent, not a document."""
    owned = any(c.dep_ == "det" and c.lower_ in possessives for c in noun.children)
    return owned and noun.head.lemma_.lower() in vocab.consent_verbs


def _inside_other_name(noun) -> bool:
    """"au Centre de convention international": a lowercase document noun inside the
    name of something else (a place, a body) is no document."""
    if noun.text[:1].isupper() or not noun.ent_type_:
        return False
    return noun.ent_iob_ == "I" and noun.doc[noun.i - 1].ent_iob_ in ("B", "I") and any(
        t.text[:1].isupper() for t in noun.doc[max(0, noun.i - 3):noun.i])


def _definite_plural(noun) -> bool:
    return noun.morph.get("Number") == ["Plur"] and any(
        c.dep_ == "det" and (c.morph.get("Definite") == ["Def"] or c.morph.get("PronType") == ["Dem"])
        for c in noun.children)


def _collective(noun, vocab: _Vocabulary) -> bool:
    """A plural counted or indefinite ("six accords", "des accords", "plusieurs
    mémorandums") introduces new documents; "les accords", "ces deux accords" refer back."""
    if noun.morph.get("Number") != ["Plur"]:
        return False
    dets = [c for c in noun.children if c.dep_ == "det"]
    if any(d.morph.get("Definite") == ["Def"] or d.morph.get("PronType") in (["Dem"], ["Prs"])
           or d.morph.get("Poss") == ["Yes"] for d in dets):
        return False
    if any(d.morph.get("Definite") == ["Ind"] or d.lower_ in vocab.collective for d in dets):
        return True
    if noun.head.pos_ == "VERB" and not dets and any(
            c.dep_ == "case" and c.lower_ in vocab.collective for c in noun.children):
        return True  # "a signé des accords" (but "la signature des accords" refers back)
    return any(c.dep_ == "nummod" for c in noun.children) or any(
        c.dep_ in ("amod", "det") and c.lower_ in vocab.collective for c in noun.children)


def _signed_object(noun, vocab: _Vocabulary) -> bool:
    """A generic noun ("plan", "document") is an agreement only when signed or concluded."""
    token = noun
    for _ in range(3):
        if token.head.i == token.i or token.dep_ in _EXCLUDED_DEPS:
            return False  # "un plan décrivant des programmes": the programmes are not signed
        if token.head.lemma_.lower() in vocab.sign_verbs:
            return True
        token = token.head
    return False


def _title(doc, span, vocab: _Vocabulary) -> tuple[str, bool]:
    """The noun with its complements ("protocole d'accord sur la coopération en
    matière de santé"), stopping before relative clauses, "entre les deux…" and
    time spans; a topic the parser hung on the verb ("dans le domaine de …") is
    the title's too."""
    head = span.root
    keep = set(range(span.start, span.end))
    for child in head.children:
        about = child.dep_ == "acl" and (not list(child.children)
                                         or child.lemma_.lower() in vocab.participles)
        if about and child.lemma_.lower() in vocab.sign_verbs:
            continue  # "les accords signés": what happened to them, not what they are
        if child.i < span.end or (child.dep_ in _EXCLUDED_DEPS and not about):
            continue
        if _stopped_complement(child, vocab):
            continue
        told = {u.i for t in child.subtree if t.dep_.startswith("acl")
                and (t.dep_ == "acl:relcl" or t.lemma_.lower() in vocab.sign_verbs)
                for u in t.subtree}  # "… de coopération conclues pour quatre ans"
        keep.update(t.i for t in child.subtree if t.i not in told)
    end = _extent(doc, span.end, keep, vocab)
    title = doc[span.start:end].text.strip(" ,;:")
    topic_start = _skip_stopped(doc, end, vocab)
    topic_end = _topic_end(doc, topic_start, vocab)
    if topic_end == topic_start and end == span.end:
        topic_start = _after_own_signing(head, vocab) or end
        topic_end = _topic_end(doc, topic_start, vocab)
    if topic_end > topic_start:
        title = f"{title} {doc[topic_start:topic_end].text.strip(' ,;:')}"
        end = max(end, span.end + 1)
    bare = end == span.end and (_determiner(doc, span) in {
        "ce", "cet", "cette", "ces", "le", "la", "les", "l'", "deux", "projet"}
        or span.root.morph.get("Number") == ["Plur"])  # "3 accords ont été signés"
    if end == span.end and span.start > 0 and doc[span.start - 1].lower_ in ("d'", "de"):
        bare = True  # "projets d'accord", "texte de l'accord"
    return title, bare


def _stopped_complement(token, vocab: _Vocabulary) -> bool:
    """A complement that says between whom, where or when, not what the document is."""
    case = [c.lower_ for c in token.children if c.dep_ == "case"]
    if case and case[0] in vocab.stop_prepositions:
        return True
    if case and (token.pos_ in ("VERB", "AUX") or token.lemma_.lower() in vocab.measure_nouns
                 or token.like_num):
        return True  # "pour renforcer …", "pour la période 2021-2025"
    return False


def _extent(doc, end: int, keep: set[int], vocab: _Vocabulary) -> int:
    """The end of the contiguous title, never inside a hyphenated word ("libre-échange")."""
    while end < len(doc):
        glued = not doc[end - 1].whitespace_ and (doc[end].text[:1] in "-‑" or
                                                  doc[end - 1].text[-1:] in "-‑")
        if glued and doc[end].text[:1].isalnum() or glued and doc[end].text[:1] in "-‑":
            keep.update(t.i for t in doc[end].children if t.dep_ in ("amod", "flat", "flat:name"))
            end += 1  # and what qualifies the word: "libre-échange nord-américain"
            continue
        if doc[end].text == "(" and end + 2 < len(doc) and doc[end + 2].text == ")" \
                and doc[end + 1].text.isupper():
            end += 3  # its acronym: "(ALENA)"
            continue
        if end in keep and doc[end].lower_ not in vocab.breaks \
                and not _next_document(doc, end, vocab):
            end += 1  # "une convention ... ainsi que d'un mémorandum": two documents
            continue
        break
    return end


def _next_document(doc, i: int, vocab: _Vocabulary) -> bool:
    """"... et d'un mémorandum": a coordinator followed by another document, which
    ends a title ("et leurs échanges" does not: no document noun follows)."""
    if doc[i].lower_ not in vocab.coordinators:
        return False
    i += 1
    while i < len(doc) and doc[i].pos_ in ("DET", "ADP"):
        i += 1  # "et d'un", "et de la"
    if i >= len(doc):
        return False
    start = doc[i].idx
    rest = doc.text[start:start + 40].lower().replace("’", "'")
    return any(rest.startswith(form) and not rest[len(form):len(form) + 1].isalnum()
               for form in vocab.document_forms)


def _skip_stopped(doc, start: int, vocab: _Vocabulary) -> int:
    """Past an "entre A et B" right after the title, to a topic that may follow it
    ("un accord entre A et B sur la réouverture des frontières")."""
    if start >= len(doc) or doc[start].lower_ not in vocab.stop_prepositions:
        return start
    head = doc[start].head
    if doc[start].dep_ != "case" or head.i < start:
        return start
    last = max(t.i for t in head.subtree)
    for position in range(head.i + 1, last + 2):
        if _topic_end(doc, position, vocab) > position:
            return position
    return start


def _after_own_signing(noun, vocab: _Vocabulary) -> int | None:
    """Where a topic may open after the act a document is the subject of ("13 accords
    ont été signés dans le domaine de la pêche")."""
    verb = noun.head
    if not noun.dep_.startswith("nsubj") or verb.i < noun.i \
            or verb.lemma_.lower() not in vocab.sign_verbs:
        return None
    position = verb.i + 1
    while position < len(verb.doc) and verb.doc[position].dep_ == "advmod" \
            and verb.doc[position].head.i == verb.i:
        position += 1  # "signés aussi dans …"
    return position


def _topic_end(doc, start: int, vocab: _Vocabulary) -> int:
    """End of a topic phrase opening at ``start`` ("dans le domaine de la santé",
    "sur les transports"), or ``start`` when none opens there."""
    words = [t.lower_ for t in doc[start:start + 4]]
    opener = next((o for o in vocab.topic_openers if tuple(words[:len(o)]) == o), None)
    if opener is None:
        return start
    first = doc[start]
    phrase = first.head if first.dep_ == "case" and first.head.i > first.i else first
    if _stopped_complement(phrase, vocab) or phrase.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ"):
        return start
    clauses = {u.i for t in phrase.subtree if t.i != phrase.i and t.dep_ in _EXCLUDED_DEPS
               and t.dep_ not in ("conj", "cc", "punct")
               and t.lemma_.lower() not in vocab.participles
               for u in t.subtree}
    tokens = {t.i for t in phrase.subtree} - clauses
    end = start
    while end in tokens and doc[end].lower_ not in vocab.breaks \
            and not _next_document(doc, end, vocab):
        end += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in vocab.coordinators):
        end -= 1
    return end


def _determiner(doc, span) -> str:
    for token in span.root.children:
        if token.dep_ in ("det", "nummod"):
            return token.lower_
    return ""


def _find_agreements(parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention],
                     mentions: list[DocumentMention], vocab: _Vocabulary) -> list[Agreement]:
    agreements: list[Agreement] = []
    sets: set[int] = set()  # ids of records standing for a set of documents ("six accords")
    acts: dict[int, tuple] = {}  # head token index -> (sentence, status), for coordinated titles
    recent: tuple[int, str, int] | None = None  # (sentence, status, reach) of the last act
    for mention in mentions:
        if _cited_instrument(mention.head, vocab):
            continue
        sent = mention.sentence
        if mention.bare:
            status = _status(parsed, mention, vocab)
            if status:
                recent = (sent.index, status, 2)
            continue
        parties = _parties(parsed, actors, sent, mention.head)
        status = _status(parsed, mention, vocab)
        if status is None and recent and 0 < sent.index - recent[0] <= recent[2]:
            status = recent[1]  # "3 accords ont été signés ... il s'agit d'un accord sur ..."
        shared = acts.get(mention.head.head.i) if mention.head.dep_ == "conj" else None
        if shared is not None and shared[0] is sent:
            status = shared[1]  # "la signature d'une convention ... ainsi que d'un mémorandum"
        acts[mention.head.i] = (sent, status)
        if _named_instrument(mention.head) and status in ("agreed", "proposed") \
                and not _acted_on(mention.head, parsed.language, vocab):
            continue  # "la Convention des Nations unies ...": an established text, cited
        if status is None or not parties or _circumstance(mention.head, vocab):
            continue  # named in passing (background, an occasion), not part of the news
        if status in ("proposed", "negotiating") and not mention.collective \
                and not subject_words(mention.title, parsed.language.code):
            continue  # "espérait parvenir à un accord": no document yet, nor any subject
        if mention.collective:
            recent = (sent.index, status, 4)  # a counted set announces its members
        evidence = Evidence(sent.start, sent.end, sent.sentence.text)
        # "deux accords portant sur A et sur B": one record per topic, not a set
        topics = _split_topics(mention.title, vocab) if mention.collective else []
        if topics:
            existing = None
        elif mention.collective:  # one record per set, never merged with a single document
            existing = next((a for a in agreements if id(a) in sets
                             and a.parties == parties), None)
        else:
            existing = _same_document([a for a in agreements if id(a) not in sets],
                                      mention.title, parties, parsed.language.code)
        if existing is not None:
            if not subject_words(existing.title, parsed.language.code):
                existing.title = mention.title  # "des accords …" then "deux accords sur …"
            if evidence not in existing.evidence:
                existing.evidence.append(evidence)
            existing.status = later_stage(existing.status, status)
            continue
        period = None
        for t in times:
            if t.sentence == sent.index and t.kind == "period" and t.value:
                period = {"start": t.value.value, "end": t.value.end}
        date = date_in(times, sent, mention.head, parsed.published) if status in ("signed", "agreed",
                                                                  "in_force") else None
        for title in topics or [mention.title]:
            agreements.append(Agreement(
                id=f"a{len(agreements) + 1}", title=title, kind=mention.kind,
                parties=parties, sectors=sorted(parsed.pipeline.sectors.in_sentence(sent)),
                status=status, date=date, period=period, evidence=[evidence]))
        if mention.collective and not topics:
            sets.add(id(agreements[-1]))
    agreements += _members(parsed, agreements, sets, mentions, vocab)
    return _kept(agreements, sets)


def _split_topics(title: str, vocab: _Vocabulary) -> list[str]:
    """"accords portant sur A et sur B": the titles of a set whose topics are
    coordinated with their preposition repeated, one per topic."""
    words = title.split(" ")
    openers = {o[0] for o in vocab.topic_openers if len(o) == 1}
    first = next((k for k, w in enumerate(words) if w.lower() in openers), None)
    if first is None:
        return []
    cuts = [k for k in range(first + 1, len(words) - 1) if words[k].lower() in vocab.coordinators
            and words[k + 1].lower() == words[first].lower()]
    if not cuts:
        return []
    head, parts, start = " ".join(words[:first]), [], first
    for cut in [*cuts, len(words)]:
        parts.append(f"{head} {' '.join(words[start:cut])}")
        start = cut + 1
    return parts


def _members(parsed: ParsedDoc, agreements: list[Agreement], sets: set[int],
             mentions: list[DocumentMention], vocab: _Vocabulary) -> list[Agreement]:
    """The documents of a set told one by one in the sentences after it ("huit
    protocoles ..." then "Elles concernent A ; B ; C", or "Le premier prévoit A"):
    each item a record of its own, with the set's parties and status."""
    starts = {s.start: s.index for s in parsed.sentences}
    named = {(m.sentence.index, m.head.i) for m in mentions}
    out = []
    for record in [a for a in agreements if id(a) in sets]:
        first = starts.get(record.evidence[0].start)
        if first is None:
            continue
        for sent in parsed.sentences[first + 1:first + 4]:
            if sent.skip:
                continue
            heads = {i for index, i in named if index == sent.index}
            for topic in [*_listed_topics(sent, heads, vocab), *_ordinal_topic(sent, vocab)]:
                out.append(Agreement(
                    id="", title=f"{record.title}: {topic}", kind=record.kind,
                    parties=record.parties, sectors=sorted(parsed.pipeline.sectors.in_sentence(sent)),
                    status=record.status, date=record.date, period=None,
                    evidence=[Evidence(sent.start, sent.end, sent.sentence.text)]))
    return out


def _listed_topics(sent: ParsedSentence, heads: set[int], vocab: _Vocabulary) -> list[str]:
    """"Elles concernent A ; B ; C", "Il s'agit de A ; de B", "Les domaines visés sont
    A ; B, ainsi que C": the items of a list after a verb of content; an item naming
    its own document is read as such."""
    doc = sent.doc
    start = _list_start(doc, vocab)
    cuts = [t.i for t in doc if t.text in vocab.separators]
    if start is None or not cuts or start > cuts[0]:
        return []
    cuts += [t.i for t in doc if t.i > cuts[0] and t.lower_ in vocab.breaks]  # ", ainsi que C"
    items = []
    for end in [*sorted(cuts), len(doc)]:
        if not any(start <= i < end for i in heads):
            items.append(_topic_text(doc[start:end], vocab))
        start = end + 1
    return [item for item in items if item]


def _list_start(doc, vocab: _Vocabulary) -> int | None:
    """Where the items start: after a verb of content ("concernent", "s'agit") or after
    the copula of a subject that has one ("les domaines visés sont")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    if root.lemma_.lower() in vocab.content_verbs:
        return root.i + 1
    copula = [c for c in root.children if c.dep_ == "cop"]
    subject = [c for c in root.children if c.dep_.startswith("nsubj")]
    if copula and subject and any(c.dep_ == "acl" and c.lemma_.lower() in vocab.content_verbs
                                  for c in subject[0].children):
        return copula[0].i + 1
    return None


def _ordinal_topic(sent: ParsedSentence, vocab: _Vocabulary) -> list[str]:
    """"Le premier, signé par ..., prévoit A", "Le second, qui traite de B, ...":
    what one member of the set is about."""
    doc = sent.doc
    if len(doc) < 3 or doc[0].pos_ != "DET" or doc[1].lower_ not in vocab.ordinals \
            or not doc[1].dep_.startswith("nsubj"):
        return []
    start = 2 + doc[2].is_punct  # past "Le second,"
    if start + 2 < len(doc) and doc[start].lower_ in vocab.relatives:
        # "qui traite de B": what follows the relative's verb, up to the next comma
        end = next((t.i for t in doc[start + 2:] if t.is_punct), len(doc))
        return [_topic_text(doc[start + 2:end], vocab)]
    verb = doc[1].head
    if verb.lemma_.lower() in vocab.content_verbs:
        objects = [c for c in verb.children if c.dep_ in ("obj", "obl", "xcomp")]
        if objects:
            span = doc[min(t.i for t in objects[0].subtree):max(t.i for t in objects[0].subtree) + 1]
            return [_topic_text(span, vocab)]
    return []


def _topic_text(span, vocab: _Vocabulary) -> str:
    """An item up to its first comma, without the leading preposition ("de", "d'")."""
    tokens = list(span)
    while tokens and (tokens[0].pos_ in ("ADP", "SCONJ") or tokens[0].is_punct):
        tokens = tokens[1:]
    cut = next((k for k, t in enumerate(tokens) if t.text == ","), len(tokens))
    tokens = tokens[:cut]
    if not tokens:
        return ""
    return span.doc[tokens[0].i:tokens[-1].i + 1].text.strip(" ,;:.")


def _parties(parsed: ParsedDoc, actors: ActorIndex, sent: ParsedSentence, head) -> list[str]:
    """The sides of a document; a sentence naming fewer than two ("la réunion s'est
    achevée par l'adoption de la déclaration") continues the one before it."""
    parties = participants(parsed, actors, sent, head).parties
    if len(parties) > 1 or sent.index == 0:
        return parties
    before = parsed.sentences[sent.index - 1]
    if parties and before.paragraph != sent.paragraph:
        return parties
    earlier = participants(parsed, actors, before).parties
    return sorted(set(parties) | set(earlier)) if len(earlier) > 1 else parties


def _kept(agreements: list[Agreement], sets: set[int]) -> list[Agreement]:
    """A set of documents stands for them only while the article does not name them
    one by one; an agreement has two sides (or is an organisation's own text)."""
    named: dict[tuple[str, ...], int] = {}
    for a in agreements:
        if id(a) not in sets:
            named[tuple(a.parties)] = named.get(tuple(a.parties), 0) + 1
    kept = [a for a in agreements
            if (len(a.parties) > 1 or any(p.startswith("igo:") for p in a.parties))
            and not (id(a) in sets and named.get(tuple(a.parties), 0) >= 2)]
    for number, a in enumerate(kept, start=1):
        a.id = f"a{number}"
    return kept


def _key(title: str) -> set[str]:
    """All the longer words of a title, for titles with no subject words."""
    return {fold_plural(w) for w in re.findall(r"\w+", unidecode(title.lower())) if len(w) > 3}


def _same_document(agreements: list[Agreement], title: str, parties: list[str],
                   code: str) -> Agreement | None:
    """The record a title names again: same parties and one title's words within the
    other's ("le mémorandum d'entente pour une coopération militaire", then "un
    mémorandum d'accord pour la coopération militaire")."""
    words, subject = _key(title), subject_words(title, code)
    for agreement in agreements:
        if not _same_sides(agreement.parties, parties):
            continue
        other, other_subject = _key(agreement.title), subject_words(agreement.title, code)
        if subject and other_subject:
            if same_agreement_title(subject, other_subject, across_articles=False):
                return agreement
        elif words and other and (words <= other or other <= words):
            return agreement
    return None


def _same_sides(one: list[str], other: list[str]) -> bool:
    """The same sides, or one sentence naming fewer of them ("l'UE et le Mercosur", then
    "l'accord Mercosur-UE" with the presidents of two members)."""
    a, b = set(one), set(other)
    return a == b or (len(a) > 1 and len(b) > 1 and (a <= b or b <= a))


def _status(parsed: ParsedDoc, mention: DocumentMention, vocab: _Vocabulary) -> str | None:
    """Where the document stands, read from the act around it."""
    cues = parsed.language.documents["status_cues"]
    sent = mention.sentence
    text = " " + sent.sentence.text.lower().replace("’", "'") + " "
    verb = _governing_verb(mention.head, parsed.language.words("modal_verbs"), vocab.sign_verbs)
    lemmas = {t.lemma_.lower() for t in sent.doc}
    title_words = set(mention.title.lower().split())

    def hit(status: str, words: set[str] | None = None) -> bool:
        for cue in cues[status]:
            if " " in cue or "'" in cue:
                if re.search(rf"(?<!\w){re.escape(cue)}", text):
                    return True
            elif cue in (words if words is not None else lemmas):
                return True
        return False

    mood = modality(parsed.language, sent, verb or mention.head)
    if hit("in_force") and not _future_entry_into_force(parsed, sent):
        return "in_force"
    if hit("finalizing"):
        return "finalizing"
    if verb is not None and verb.lemma_.lower() in cues["abandoned"]:
        return "abandoned"  # "a dénoncé les accords militaires"
    signs = cues["signed"] + list(vocab.signed_as_object)
    around = _around(verb)
    if verb is not None and verb.lemma_.lower() in signs and mood == "done" \
            and not _aim(verb):
        # "la conclusion d'un accord avec le FMI souhaitée par la France": wished for
        if hit("proposed", around):
            return "proposed"
        return "negotiating" if around & vocab.process_nouns else "signed"
    if hit("concluded") and mood == "done":
        return "agreed"  # initialled, negotiations concluded: settled, not yet signed
    if hit("negotiating") and not (title_words & {"projet"}):
        return "negotiating"
    if verb is not None and verb.lemma_.lower() in signs:
        # hoped or proposed for signing: an idea; due to be signed: a text in preparation
        return "proposed" if hit("proposed", around) else "negotiating"
    if verb is not None and verb.lemma_.lower() in cues["agreed"]:
        return "agreed"
    if hit("proposed") or mood == "planned":
        return "proposed"
    if _circumstance(mention.head, vocab):
        return None  # "lors d'une déclaration conjointe": the occasion, not the news
    return "signed" if hit("signed") else None


def _around(verb) -> set[str]:
    """The lemmas that may qualify an act: its governors, its dependents and, for a
    noun of signing, the participles in its phrase ("la conclusion d'un accord avec
    le FMI souhaitée par la France")."""
    if verb is None:
        return set()
    near = [*list(verb.ancestors)[:3], *verb.children]
    if verb.pos_ == "NOUN":
        near += [t for t in verb.subtree if t.dep_ == "acl" and t.morph.get("Tense") == ["Past"]]
    return {t.lemma_.lower() for t in near}


def _aim(verb) -> bool:
    """"hâter les démarches afin de conclure un traité": a signing aimed at (an
    infinitive clause on another word), not one done ("viennent de signer")."""
    return verb.morph.get("VerbForm") == ["Inf"] and verb.dep_ in ("acl", "advcl")


def _circumstance(noun, vocab: _Vocabulary) -> bool:
    """A document named as the occasion of something else ("lors d'une déclaration
    conjointe", "avant la déclaration conjointe")."""
    doc, i = noun.doc, noun.i - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in vocab.circumstances:
        return True
    return doc[i].pos_ == "ADP" and i > 0 and doc[i - 1].lower_ in vocab.circumstances


def _future_entry_into_force(parsed: ParsedDoc, sent) -> bool:
    """"entrera en vigueur trente jours après": in force later, not now."""
    for token in sent.doc:
        if token.lemma_.lower() == "vigueur":
            verb = _governing_verb(token, parsed.language.words("modal_verbs"))
            return verb is not None and modality(parsed.language, sent, verb) == "planned"
    return False


def _governing_verb(token, modals: frozenset[str] = frozenset(),
                    act_nouns: frozenset[str] = frozenset()):
    """The verb a document depends on; past a modal ("devrait être signé") to the
    act itself. A noun of signing on the way is the act ("ont procédé à la
    signature de deux accords")."""
    start = token
    for _ in range(4):
        if token is not start and token.pos_ == "NOUN" and token.lemma_.lower() in act_nouns:
            return token
        if token.pos_ in ("VERB",) and token.lemma_.lower() not in ("être", "avoir"):
            if token.lemma_.lower() in modals:
                acts = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
                return acts[0] if acts else token
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
