"""Agreements: written documents (MoUs, treaties, plans, joint statements)
named in the article, each with its own status in the lifecycle
proposed → negotiating → finalizing → agreed → signed → in_force.

A bare back-reference ("cet accord", "les deux projets d'accord") names no new
document; it is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from ..nlp import load_pipeline
from ..parsed import ParsedDoc, ParsedSentence
from ..types import Agreement, Evidence
from .actors import ActorIndex
from .context import date_in, modality, participants, sectors_in
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
    document_heads: frozenset[str]  # first words of every document noun


@lru_cache(maxsize=None)
def _vocabulary(code: str) -> _Vocabulary:
    from ..lang import load_language

    data = load_language(code).documents

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, []))

    heads = frozenset(noun.split()[0].lower() for noun in [*data["strong"], *data["weak"]])
    return _Vocabulary(words("sign_verbs"), words("title_stop_prepositions"),
                       words("title_breaks"), words("coordinators"), words("respect_verbs"),
                       words("title_participles"), heads)


@dataclass(frozen=True)
class DocumentMention:
    """An agreement noun found in a sentence, with the tokens of its title."""

    sentence: ParsedSentence
    head: object  # spacy Token of the noun
    title: str
    kind: str
    bare: bool


@lru_cache(maxsize=None)
def _matcher(code: str):
    from spacy.matcher import PhraseMatcher

    from ..lang import load_language

    nlp = load_pipeline(code)
    data = load_language(code).documents
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


def _plural(noun: str) -> str:
    first, _, rest = noun.partition(" ")
    if first.endswith(("s", "x")):
        return noun
    first = first[:-2] + "aux" if first.endswith("al") else first + "s"
    return f"{first} {rest}".strip()


def document_mentions(parsed: ParsedDoc) -> list[DocumentMention]:
    from spacy.util import filter_spans

    matcher, kinds = _matcher(parsed.language.code)
    vocab = _vocabulary(parsed.language.code)
    out = []
    for sent in parsed.readable():
        doc = sent.doc
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
            if head.lower_ in ("accord",) and _is_idiom(doc, span):
                continue
            title, bare = _title(doc, span, vocab)
            out.append(DocumentMention(sent, head, title, kind, bare))
    return out


def _is_idiom(doc, span) -> bool:
    """"d'accord", "en accord avec", "accord de principe" are not documents."""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before not in ("d'", "d’", "en") or span.text.lower().startswith("accord-"):
        return False
    owner = doc[span.start - 2] if span.start > 1 else None
    return owner is None or owner.pos_ not in ("NOUN", "PROPN")


def _signed_object(noun, vocab: _Vocabulary) -> bool:
    """A generic noun ("plan", "document") is an agreement only when signed or concluded."""
    token = noun
    for _ in range(3):
        if token.head.i == token.i:
            return False
        if token.head.lemma_.lower() in vocab.sign_verbs:
            return True
        token = token.head
    return False


def _title(doc, span, vocab: _Vocabulary) -> tuple[str, bool]:
    """The noun with its complements ("protocole d'accord sur la coopération en
    matière de santé"), stopping before relative clauses and "entre les deux…"."""
    head = span.root
    keep = set(range(span.start, span.end))
    for child in head.children:
        about = child.dep_ == "acl" and (not list(child.children)
                                         or child.lemma_.lower() in vocab.participles)
        if child.i < span.end or (child.dep_ in _EXCLUDED_DEPS and not about):
            continue
        case = [c.lower_ for c in child.children if c.dep_ == "case"]
        if case and case[0] in vocab.stop_prepositions:
            continue
        keep.update(t.i for t in child.subtree if t.dep_ not in ("acl:relcl",))
    end = span.end
    while end in keep and doc[end].lower_ not in vocab.breaks and not (
            doc[end].lower_ in vocab.coordinators and end + 2 < len(doc)
            and doc[end + 2].lemma_.lower() in vocab.document_heads):
        end += 1  # "une convention ... ainsi que d'un mémorandum": two documents
    title = doc[span.start:end].text.strip(" ,;:")
    bare = end == span.end and (_determiner(doc, span) in {
        "ce", "cet", "cette", "ces", "le", "la", "les", "l'", "deux", "projet"}
        or span.root.morph.get("Number") == ["Plur"])  # "3 accords ont été signés"
    if end == span.end and span.start > 0 and doc[span.start - 1].lower_ in ("d'", "de"):
        bare = True  # "projets d'accord", "texte de l'accord"
    return title, bare


def _determiner(doc, span) -> str:
    for token in span.root.children:
        if token.dep_ in ("det", "nummod"):
            return token.lower_
    return ""


def find_agreements(parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention],
                    mentions: list[DocumentMention]) -> list[Agreement]:
    agreements: list[Agreement] = []
    acts: dict[int, tuple] = {}  # head token index -> (sentence, status), for coordinated titles
    recent: tuple[int, str] | None = None  # (sentence, status) of the last act on documents
    for mention in mentions:
        if _cited_instrument(mention.head, _vocabulary(parsed.language.code)):
            continue
        sent = mention.sentence
        if mention.bare:
            status = _status(parsed, mention)
            if status:
                recent = (sent.index, status)
            continue
        who = participants(parsed, actors, sent, mention.head)
        status = _status(parsed, mention)
        if status is None and recent and 0 < sent.index - recent[0] <= 2:
            status = recent[1]  # "3 accords ont été signés ... il s'agit d'un accord sur ..."
        shared = acts.get(mention.head.head.i) if mention.head.dep_ == "conj" else None
        if shared is not None and shared[0] is sent:
            status = shared[1]  # "la signature d'une convention ... ainsi que d'un mémorandum"
        acts[mention.head.i] = (sent, status)
        if _named_instrument(mention.head) and status in ("agreed", "proposed"):
            continue  # "la Convention des Nations unies ...": an established text, cited
        if status is None or not who.parties:
            continue  # named in passing (background), not part of the news
        evidence = Evidence(sent.start, sent.end, sent.sentence.text)
        existing = _same_document(agreements, mention.title, who.parties)
        if existing is not None:
            if evidence not in existing.evidence:
                existing.evidence.append(evidence)
            existing.status = _later_status(existing.status, status)
            continue
        period = None
        for t in times:
            if t.sentence == sent.index and t.kind == "period" and t.value:
                period = {"start": t.value.value, "end": t.value.end}
        date = date_in(times, sent, mention.head, parsed.document.published) if status in ("signed", "agreed",
                                                                  "in_force") else None
        agreements.append(Agreement(
            id=f"a{len(agreements) + 1}", title=mention.title, kind=mention.kind,
            parties=who.parties, sectors=sorted(sectors_in(parsed.language, sent)),
            status=status, date=date, period=period, evidence=[evidence]))
    return agreements


_ORDER = ["proposed", "negotiating", "finalizing", "agreed", "signed", "in_force", "abandoned"]


def _later_status(a: str, b: str) -> str:
    return a if _ORDER.index(a) >= _ORDER.index(b) else b


def _key(title: str) -> set[str]:
    words = re.findall(r"\w+", unidecode(title.lower()))
    return {w for w in words if len(w) > 3}


def _same_document(agreements: list[Agreement], title: str, parties: list[str]
                   ) -> Agreement | None:
    words = _key(title)
    for agreement in agreements:
        other = _key(agreement.title)
        if agreement.parties == parties and words and other and (words <= other or other <= words):
            return agreement
    return None


def _status(parsed: ParsedDoc, mention: DocumentMention) -> str | None:
    """Where the document stands, read from the act around it."""
    cues = parsed.language.documents["status_cues"]
    sent = mention.sentence
    text = " " + sent.sentence.text.lower().replace("’", "'") + " "
    verb = _governing_verb(mention.head, parsed.language.words("modal_verbs"))
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
    if verb is not None and verb.lemma_.lower() in cues["signed"] and mood == "done":
        return "signed"
    if hit("concluded") and mood == "done":
        return "agreed"  # initialled, negotiations concluded: settled, not yet signed
    if hit("negotiating") and not (title_words & {"projet"}):
        return "negotiating"
    if verb is not None and verb.lemma_.lower() in cues["signed"]:
        # hoped or proposed for signing: an idea; due to be signed: a text in preparation
        around = {t.lemma_.lower() for t in [*list(verb.ancestors)[:3], *verb.children]}
        return "proposed" if hit("proposed", around) else "negotiating"
    if verb is not None and verb.lemma_.lower() in cues["agreed"]:
        return "agreed"
    if hit("proposed") or mood == "planned":
        return "proposed"
    return "signed" if hit("signed") else None


def _future_entry_into_force(parsed: ParsedDoc, sent) -> bool:
    """"entrera en vigueur trente jours après": in force later, not now."""
    for token in sent.doc:
        if token.lemma_.lower() == "vigueur":
            verb = _governing_verb(token, parsed.language.words("modal_verbs"))
            return verb is not None and modality(parsed.language, sent, verb) == "planned"
    return False


def _governing_verb(token, modals: frozenset[str] = frozenset()):
    """The verb a document depends on; past a modal ("devrait être signé") to the
    act itself."""
    for _ in range(4):
        if token.pos_ in ("VERB",) and token.lemma_.lower() not in ("être", "avoir"):
            if token.lemma_.lower() in modals:
                acts = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
                return acts[0] if acts else token
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
