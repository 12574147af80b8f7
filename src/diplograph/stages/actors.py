"""Actors: states, international organisations, people (with role and
country read from the article first, the knowledge base second) and national
bodies named by an acronym.

The result is an ``ActorIndex``: the actors, every mention with its sentence
and tokens, the article's main dyad, and who speaks in quoted sentences.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from unidecode import unidecode

from .. import knowledge
from ..parsed import ParsedDoc, ParsedSentence
from ..types import Actor, Span


@dataclass(frozen=True)
class Mention:
    actor_id: str
    kind: str  # state | igo | person | org
    sentence: int
    token_start: int
    token_end: int
    start: int
    end: int
    text: str
    via: str  # name | adjective | capital | acronym | person | role | pronoun
    place: bool = False  # "à Moscou": a venue, not an actor
    topic: bool = False  # "la situation au Myanmar": a topic, not an actor
    in_name: bool = False  # "Convention des Nations unies": part of a document's name
    aside: bool = False  # "à l'instar de l'UE, le Canada...": compared with, not acting
    dateline: bool = False  # "PÉKIN, 8 février (Reuters) -": where the report was filed


@dataclass
class ActorIndex:
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    dyad: tuple[str, ...] = ()
    #: sentence index -> person id speaking in it (quotes, "je", "nous")
    speakers: dict[int, str] = field(default_factory=dict)
    #: people whose title is an office of an international organisation (country null)
    igo_officials: set[str] = field(default_factory=set)
    #: official -> the organisation their title names ("le secrétaire général de l'OTAN")
    igo_of: dict[str, str] = field(default_factory=dict)

    #: sentence index -> its mentions, rebuilt when mentions are added
    _by_sentence: dict[int, list[Mention]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=-1, repr=False)

    def in_sentence(self, index: int) -> list[Mention]:
        """The mentions of one sentence, in list order; looked up, not
        scanned, so a long text's stages cost time in proportion to it."""
        if self._indexed != len(self.mentions):
            self._by_sentence = {}
            for m in self.mentions:
                self._by_sentence.setdefault(m.sentence, []).append(m)
            self._indexed = len(self.mentions)
        return list(self._by_sentence.get(index, ()))

    def sort_mentions(self) -> None:
        """Mentions in text order (the per-sentence lists follow)."""
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._indexed = -1

    def country_of(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        if actor is None:
            return None
        return actor.id if actor.kind == "state" else actor.country

    def side_of(self, actor_id: str) -> str | None:
        """The state a person acts for, or the organisation an official serves."""
        return self.country_of(actor_id) or self.igo_of.get(actor_id)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _ascii(name).lower()).strip("-")


class _AsciiTable(dict):
    """str.translate table from code point to unidecode's transliteration,
    filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = value = unidecode(chr(code))
        return value


_ASCII = _AsciiTable()


def _ascii(text: str) -> str:
    """unidecode(text), faster: unidecode transliterates character by
    character, so a translation table of those characters gives the same."""
    return text.translate(_ASCII)


# ---------------------------------------------------------------- states/igos

def _gazetteer_mentions(parsed: ParsedDoc) -> list[Mention]:
    gazetteer = parsed.pipeline.gazetteer
    discourse = parsed.language.discourse
    places = set(discourse["place_prepositions"])
    topics = set(discourse["topic_nouns"])
    territories = set(discourse.get("territory_nouns", []))
    venues = set(discourse.get("venue_prepositions", []))
    venue_verbs = set(discourse.get("venue_verbs", []))
    topic_cases = set(discourse.get("topic_prepositions", []))
    victims = set(discourse.get("victim_nouns", []))
    agents = set(discourse.get("agent_prepositions", []))
    asides = set(discourse.get("comparison_markers", []))
    portfolios = set(discourse.get("portfolio_words", []))
    offices = set(discourse.get("office_nouns", []))
    mediations = set(discourse.get("mediation_nouns", []))
    mediated = set(discourse.get("mediation_cases", []))
    names = _document_nouns(parsed)
    actors_nouns = set(discourse["side_nouns"]) | {p.split()[0] for p, _ in _role_table(parsed)} \
        | set(discourse.get("acting_nouns", []))
    out = []
    for sent in parsed.readable():
        people = [_name_core(e) for e in sent.doc.ents if e.label_ == "PER"]
        credit = _credit_range(parsed, sent)
        dateline = _dateline_end(sent.doc)
        media = _media_tokens(parsed, sent)
        for start, end, entry in gazetteer.find(sent.doc):
            if _in_credit(credit, start) or start in media:
                continue  # "l'Agence France-Presse": a medium, not France
            if entry.via in ("capital", "name") and any(
                    s <= start and end <= e and e - s > end - start and s < start
                    for s, e in people):
                continue  # "Paulo Ferreira Lima": a surname, not Peru's capital
            root = sent.doc[start:end].root
            if entry.via == "capital" and _given_name(root):
                continue  # "le ministre Ryad Mezzour": a first name, not Riyadh
            s, e = sent.char_span(start, end)
            preposition = {c.lower_ for c in root.children if c.dep_ == "case"} or (
                {sent.doc[start - 1].lower_} if start and sent.doc[start - 1].pos_ == "ADP"
                else set())  # "à Addis-abeba" parsed apart: the word before still says where
            topic = _is_topic(root, topics, territories) or _describes_others(root, entry.via, actors_nouns) \
                or _topic_case(root, topic_cases) or _in_portfolio(root, portfolios) \
                or _chaired(root, entry.kind, offices) \
                or _victim(root, entry.via, victims, agents) \
                or _mediated(root, entry.via, mediations, mediated)
            out.append(Mention(
                entry.actor_id, entry.kind, sent.index, start, end, s, e,
                parsed.text[s:e], entry.via,
                place=(entry.via == "capital" and bool(preposition & places)) or (
                    entry.kind == "igo" and _on_sidelines(sent, start)) or _gloss_of_place(
                        sent.doc, start, end) or start < dateline or (
                    entry.kind == "state" and entry.via == "name" and not topic and (
                        bool(preposition & venues) or _met_at(root, preposition, places,
                                                              venue_verbs))),
                topic=topic,
                aside=_compared(root, asides),
                dateline=start < dateline,
                in_name=_in_document_name(root, names)))
    return _shared_adjectives(parsed, _listed_roles(parsed, out))


def _given_name(token) -> bool:
    """A capital's name followed by a surname the parse joins to it, with no
    preposition or article before it ("le ministre X Lima Sánchez"): the
    first name of a person the entity recogniser missed."""
    return any(c.dep_ == "flat:name" and c.i == token.i + 1 and c.text[:1].isupper()
               for c in token.children) \
        and not any(c.dep_ in ("case", "det") for c in token.children)


def _listed_roles(parsed: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
    """"la situation en Syrie, au Liban et en Irak", "en Afrique du Sud et au
    Botswana": a state listed right after a topic (or a venue) is one too,
    though the parser hangs it elsewhere. A venue passes only to a state its
    own place preposition introduces."""
    links = parsed.language.words("list_links")
    places = set(parsed.language.discourse["place_prepositions"])
    out: list[Mention] = []
    for m in mentions:
        before = out[-1] if out else None
        if before is not None and before.sentence == m.sentence and m.kind == "state" \
                and before.kind == "state" and before.token_end <= m.token_start \
                and not m.topic and (before.topic or before.place and not before.dateline):
            doc = parsed.sentences[m.sentence].doc
            gap = doc[before.token_end:m.token_start]
            if list_gap(gap, links):
                case = gap[-1].lower_ if gap[-1].pos_ == "ADP" else ""
                m = replace(m, topic=True, place=False) if before.topic else \
                    replace(m, place=m.place or case in places)
        out.append(m)
    return out


def list_gap(gap, links: frozenset[str]) -> bool:
    """Whether the words between two states only join them in a list."""
    return len(gap) > 0 and any(t.text == "," or t.pos_ == "CCONJ" for t in gap) and all(
        t.pos_ in ("PUNCT", "CCONJ", "ADP", "DET") or t.lower_ in links for t in gap)


def _dateline_end(doc, longest: int = 15) -> int:
    """"PÉKIN/MOSCOU, 8 février (Reuters) - ...": the places before a free-standing
    dash that opens the text, with no verb among them, say where the report was
    filed; so does a bare place name before a colon ("Kigali: Le Tchad a...").
    Returns the first token after the dash (0 without a dateline)."""
    for token in doc[:longest]:
        if token.pos_ in ("VERB", "AUX"):
            return 0
        if _dateline_dash(token) and token.text != "/":
            return token.i + 1
        if token.text == ":" and 0 < token.i <= 3 and all(
                t.pos_ == "PROPN" or t.is_punct for t in doc[:token.i]):
            return token.i + 1
    return 0


def _met_at(token, preposition: set[str], places: set[str], verbs: set[str]) -> bool:
    """"réunis au Luxembourg", "s'est entretenu à Singapour": a place
    preposition on a verb of gathering names where people met."""
    head = token.head
    return bool(preposition & places) and head.i != token.i and token.dep_.startswith("obl") \
        and (head.lemma_.lower() in verbs or head.lower_ in verbs)


def _topic_case(token, markers: set[str]) -> bool:
    """"son travail sur Haïti", "des sanctions relativement à l'Ukraine": a
    state introduced by a preposition of subject matter is what is talked about."""
    case = " ".join(c.lower_ for c in token.children if c.dep_ in ("case", "advmod")
                    and c.i < token.i)
    before = token.doc[token.i - 1].lower_ if token.i else ""
    return any(case == m or case.endswith(" " + m) for m in markers) or (
        token.head.i != token.i and token.head.lower_ in markers and (
            before in ("à", "au", "aux") or any(c.dep_ == "case" for c in token.children)))


def _victim(token, via: str, victims: set[str], agents: set[str]) -> bool:
    """"l'invasion de l'Ukraine": the state a seizure falls on is what the
    act is about (the invader, "l'invasion russe", "par la Russie", still is
    a side)."""
    return via != "adjective" and token.dep_ in ("nmod", "obl", "obl:arg") \
        and token.head.i != token.i and token.head.lemma_.lower() in victims \
        and not any(c.dep_ == "case" and c.lower_ in agents for c in token.children)


def _mediated(token, via: str, nouns: set[str], cases: set[str]) -> bool:
    """"jouer le rôle de médiateur avec la Russie": the state a go-between
    deals with for the act's sides is what the act is about (the parser
    often hangs it on the verb: the word before the preposition still tells)."""
    if via == "adjective" or token.dep_ not in ("nmod", "obl", "obl:mod"):
        return False
    case = [c for c in token.children if c.dep_ == "case" and c.lower_ in cases]
    if not case:
        return False
    before = token.doc[case[0].i - 1] if case[0].i else None
    return token.head.lemma_.lower() in nouns or (
        before is not None and before.lemma_.lower() in nouns)


def _in_portfolio(token, words: set[str]) -> bool:
    """"son ministre chargé de l'Union africaine": a state or organisation named
    as an official's remit describes the office; it does not act."""
    if token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    return head.i != token.i and head.lower_ in words and head.dep_ == "acl" \
        and token.dep_.startswith(("obl", "nmod"))


def _chaired(token, kind: str, offices: set[str]) -> bool:
    """"le bilan de sa présidence de l'Union africaine", "à la tête de l'UA":
    an organisation named as an office someone holds describes them; it does
    not act (unless the office itself is the subject: "la présidence de l'UA a
    condamné")."""
    head = token.head
    return kind == "igo" and token.dep_ == "nmod" and head.i != token.i \
        and head.lemma_.lower() in offices and not head.dep_.startswith("nsubj")


def _compared(token, markers: set[str]) -> bool:
    """"À l'instar de l'UE, le Canada impose...", "Après la Côte d'Ivoire, le
    Bénin a rejeté...": a state the act is compared with, or that did the same
    before, stands beside the act and takes no part in it. Read from the case
    of the state (or of the first of coordinated states), or from the noun
    heading its phrase ("instar")."""
    if token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if any(c.dep_ == "case" and c.lower_ in markers for c in token.children):
        return token.dep_ in ("obl:mod", "obl", "advcl", "nmod")
    return token.head.i != token.i and token.head.lower_ in markers


def _shared_adjectives(parsed: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
    """A nationality adjective two states share ("congolais") goes to the one
    the article names when it names only that one (by name or capital)."""
    shared = parsed.language.discourse.get("shared_adjectives") or {}
    named = {m.actor_id for m in mentions if m.via in ("name", "capital")}
    out = []
    for m in mentions:
        other = shared.get(m.text.lower()) if m.via == "adjective" else None
        if other and other in named and m.actor_id not in named:
            m = replace(m, actor_id=other)
        out.append(m)
    return out


def _name_core(ent) -> tuple[int, int]:
    """A PER entity without the title the NER sometimes takes in ("président de la
    République de Côte d'Ivoire"): a country inside the title is not a surname."""
    start = ent.start
    while start < ent.end - 1 and not _namelike(ent.doc[start]):
        start += 1
    return start, ent.end


def _gloss_of_place(doc, start: int, end: int) -> bool:
    """"Kingston (Jamaïque)": a country in brackets after a place names where, not who."""
    if start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
        return False
    before = doc[start - 2]
    return before.ent_type_ == "LOC" or before.pos_ == "PROPN" and before.ent_type_ != "PER"


def _describes_others(token, via: str, acting_nouns: set[str]) -> bool:
    """"la libération des infirmières bulgares": a nationality describing people
    or things that are not a government, an office or its envoys is not a side."""
    if via != "adjective" or token.dep_ != "amod":
        return False
    head = token.head
    if head.pos_ not in ("NOUN",) or head.lemma_.lower() in acting_nouns \
            or head.lower_ in acting_nouns:
        return False
    return not head.dep_.startswith("nsubj")


def _on_sidelines(sent: ParsedSentence, start: int) -> bool:
    """"en marge du sommet de l'ASEAN": the organisation is the venue."""
    before = sent.doc[max(0, start - 6):start].text.lower()
    return "en marge" in before


def _document_nouns(parsed: ParsedDoc) -> set[str]:
    documents = parsed.language.documents
    return {noun.split()[0] for noun in [*documents["strong"], *documents["weak"]]}


def _in_document_name(token, document_nouns: set[str]) -> bool:
    """An organisation or state named inside a document's title is not an actor."""
    head = token.head
    return head.i != token.i and token.dep_ in ("nmod", "amod") and \
        head.lemma_.lower() in document_nouns and head.text[:1].isupper()


def _is_topic(token, topic_nouns: set[str], territories: set[str] = frozenset()) -> bool:
    """A state governed by a topic noun is what is talked about, not who talks;
    a nationality of a territory ("le gouverneur de la région russe") is that
    state's own ground, a topic only if the territory is one."""
    head = token.head
    for _ in range(2):
        if head.i == token.i:
            return False
        own_ground = token.dep_ == "amod" and head.lemma_.lower() in territories
        if head.lemma_.lower() in topic_nouns and token.dep_ in ("nmod", "amod", "obl", "obl:mod") \
                and not own_ground:
            return True
        if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
        token, head = head, head.head
    return False


# --------------------------------------------------------------------- people

@dataclass
class _PersonDraft:
    name: str
    tokens: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    roles: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    counterpart: bool = False
    #: sentences where the person is introduced as someone's counterpart
    counterpart_in: set[int] = field(default_factory=set)
    #: sentence -> token where the list holding the person begins ("ses homologues X et Y")
    counterpart_from: dict[int, int] = field(default_factory=dict)
    #: titles naming an office of an international organisation
    igo_titles: int = 0
    #: the organisations those titles name
    igos: Counter = field(default_factory=Counter)
    #: where an ambassador is posted ("l'ambassadeur de Chine au Cameroun")
    postings: Counter = field(default_factory=Counter)
    #: countries from plural or many-state titles: after the knowledge base
    weak_countries: Counter = field(default_factory=Counter)


_NAME_BLOCKLIST = {"photo", "photos", "vna", "cvn", "afp", "xinhua", "reuters", "mme", "m.",
                   "monsieur", "madame", "excellence", "affaires", "étrangères",
                   "agence", "ministère", "ministre", "président", "présidente", "premier",
                   "première", "etat", "état", "république", "gouvernement", "relations",
                   "coopération", "commission", "conseil", "assemblée", "nations", "union",
                   "secrétaire", "général", "générale", "chef", "sommet", "forum", "parti",
                   "royaume", "roi", "reine", "prince", "émir", "sultan", "vice-président",
                   "ambassadeur", "ambassadrice", "homologue", "institut", "université",
                   "banque", "fonds", "organisation", "programme", "haut", "commissaire",
                   "extérieures", "intérieur", "défense", "culte", "le", "la", "les", "comité", "comite",
                   "département", "energie", "énergie", "ressources", "migration", "ministres",
                   "chancelleries", "excellences", "majesté", "altesse", "cheikh",
                   "sheikh", "monseigneur", "président-élu", "dame"}


def _name_spans(sent: ParsedSentence, role_words: set[str], occupied: set[int]
                ) -> list[tuple[int, int]]:
    """Person-name token ranges: NER PER entities, plus capitalised names
    right after an office title (the NER often labels those MISC or ORG, and
    sometimes takes the title in: "Ministre d'État Koffi Yao Brou")."""
    doc = sent.doc
    spans = []
    for ent in doc.ents:
        titled = _after_title(doc, ent.start, role_words) or ent[0].lower_ in role_words
        if ent.label_ == "PER" or (ent.label_ in ("MISC", "ORG") and titled):
            start, end = ent.start, ent.end
            while start < end and not _namelike(doc[start]):
                start += 1
            while end > start and not (_namelike(doc[end - 1]) or _hyphen_part(doc[end - 1])):
                end -= 1
            while end < len(doc) and end > start and _namelike(doc[end]) and doc[end].i > 0:
                end += 1  # "Bùi Thanh" + "Son": the entity often stops short
            if end > start and not any(i in occupied for i in range(start, end)) \
                    and not _after_article(doc, start, ent.start):
                spans.append((start, end))
    for i, token in enumerate(doc):
        if token.lower_ in role_words or token.lower_ == "étrangères":
            j = _past_state(doc, i + 1, occupied)
            while j < len(doc) and doc[j].text in (",",):
                j += 1
            k = j
            while k < len(doc) and _namelike(doc[k]) and k not in occupied:
                k += 1
            if k > j and not any(s <= j < e for s, e in spans):
                spans.append((j, k))
    return spans


def _past_state(doc, i: int, states: set[int]) -> int:
    """"la première ministre de la Lettonie, Evika Siliņa": past a state
    naming the office, up to the comma before the name (else ``i``)."""
    j = i
    while j < len(doc) and doc[j].pos_ in ("ADP", "DET") and j not in states:
        j += 1
    if j == i or j not in states:
        return i
    while j < len(doc) and j in states:
        j += 1
    return j if j < len(doc) and doc[j].text == "," else i


def _after_article(doc, start: int, entity_start: int) -> bool:
    """"ministre de l'Intégration africaine", "du Commerce": a capitalised word after
    an article is a portfolio or an institution; a person's name takes none (but
    "Le Drian": a capitalised article inside the entity is part of the name)."""
    if start == 0 or "Art" not in doc[start - 1].morph.get("PronType"):
        return False
    article = doc[start - 1]
    return article.i < entity_start or not article.text[:1].isupper()


def _hyphen_part(token) -> bool:
    """"Jin-sol" is split into Jin / - / sol: the pieces after the hyphen belong to the name."""
    doc = token.doc
    if token.text == "-":
        return token.i > 0 and not doc[token.i - 1].whitespace_ and not token.whitespace_
    return token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
        and token.is_alpha


def _after_title(doc, start: int, role_words: set[str]) -> bool:
    window = [t.lower_ for t in doc[max(0, start - 8):start]]
    return any(w in role_words or w == "étrangères" for w in window)


def _namelike(token) -> bool:
    text = token.text
    if token.i == 0 and text.lower() in ("son", "sa", "ses"):
        return False
    pos_ok = token.pos_ in ("PROPN", "NOUN", "VERB", "ADJ", "X") or (
        token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN")  # "Bùi Thanh Son": Son read as "son"
    if text.lower() in _adjectives():
        return False
    return (text[:1].isupper() and text.lower() not in _NAME_BLOCKLIST
            and text.replace("-", "").isalpha()
            and not text.isupper() and pos_ok)


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    """Nationality adjectives and role words of every language: never a person's name."""
    from ..lang import load_language, supported_languages

    words: set[str] = set()
    for code in supported_languages():
        data = load_language(code)
        for forms in data.countries.values():
            words.update(a.lower() for a in forms.get("adjectives", []) or [])
        for role, phrases in data.roles.items():
            if role not in _NOT_ROLES:
                words.update(p.split()[0].lower() for p in phrases)
    return frozenset(words)


#: roles.yaml entries that are not offices
_NOT_ROLES = {"counterpart", "pair_of_people", "igo_offices", "credits", "fallen"}


def _credit_range(parsed: ParsedDoc, sent: ParsedSentence) -> tuple[int, int] | None:
    """Tokens of a byline or credit in a sentence ("(Reportage X, version française
    Y)", "© X/AFP"), from a marker opening a sentence, bracket or list item up to a
    closing bracket or a line break: the names and places in it are not actors."""
    lowered = _fold(sent.sentence.text)
    markers = tuple(parsed.language.roles.get("credits", []))
    starts = [m.start(1) for marker, pattern in _credit_patterns(markers)
              if marker in lowered for m in pattern.finditer(lowered)]
    if not starts:
        return None
    first = min(starts)
    start = next((t.i for t in sent.doc if len(_fold(sent.sentence.text[:t.idx])) >= first),
                 len(sent.doc))
    end = next((t.i for t in sent.doc[start:] if t.text == ")" or "\n" in t.text_with_ws),
               len(sent.doc))
    return start, end + 1


@lru_cache(maxsize=None)
def _credit_patterns(markers: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    """(folded marker, its pattern): the pattern is only tried where the marker occurs."""
    folded = [_fold(marker) for marker in markers]
    return [(m, re.compile(rf"(?:^|[(*;,.]|\n)\s*({re.escape(m)})(?![\w-])")) for m in folded]


def _media_tokens(parsed: ParsedDoc, sent: ParsedSentence) -> set[int]:
    """Tokens inside the name of a medium that holds a state's name ("Agence
    France-Presse", "Radio France Internationale"): who reports, not a state."""
    text = sent.sentence.text.replace("’", "'")
    out: set[int] = set()
    for name in parsed.language.discourse.get("media_names", []):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I):
            out.update(t.i for t in sent.doc if m.start() <= t.idx < m.end())
    return out


def _in_credit(credit: tuple[int, int] | None, token: int) -> bool:
    return credit is not None and credit[0] <= token < credit[1]


def _role_table(parsed: ParsedDoc) -> list[tuple[str, str]]:
    """(title phrase, role), longest phrase first."""
    pairs = [(phrase.lower(), role) for role, phrases in parsed.language.roles.items()
             if role not in _NOT_ROLES for phrase in phrases]
    return sorted(pairs, key=lambda p: -len(p[0]))


#: how far back a title may start: "le ministre d'État, ministre des Affaires étrangères,
#: de l'Intégration africaine et des Ivoiriens de l'extérieur, Désiré Kouamé Aka"
_TITLE_REACH = 24


def _context(sent: ParsedSentence, start: int, end: int, names: frozenset[int] = frozenset()
             ) -> tuple[str, str]:
    """Text before a name back to the last verb, and an apposition after it.
    ``names``: token indices of the people named in the sentence."""
    return _left_context(sent.doc, start, names), _right_context(sent.doc, end)


def _left_context(doc, start: int, names: frozenset[int]) -> str:
    """The title before a name, back to a verb or a clause mark; where another
    person is named first, see ``_title_across_name``."""
    i = _walk_back(doc, start, names)
    if i > 0 and doc[i - 1].i in names:
        return _title_across_name(doc, i - 1, start, names)
    return doc[i:start].text


def _walk_back(doc, start: int, names: frozenset[int]) -> int:
    """Where the text that may hold a name's title begins."""
    i = start
    while i > 0:
        prev = doc[i - 1]
        # a verb ends the title, but not a participle used as an adjective
        # ("Affaires étrangères", sometimes tagged VERB)
        if prev.pos_ in ("VERB", "AUX") and prev.dep_ != "amod" and not _qualifies_title(prev) \
                or prev.text in (";", ":", "»", "«") or prev.i in names or _dateline_dash(prev):
            break
        if prev.lower_ in ("et", "avec") and i < start - 1 and i >= 2 and (
                doc[i - 2].i in names or doc[i - 2].text == ")"):
            break  # "Retno et le ministre ... Lavrov": the title before belongs to Retno
        i -= 1
        if start - i > _TITLE_REACH:
            break
    return i


def _qualifies_title(token) -> bool:
    """"le président déchu X", "l'opposant russe emprisonné X": a participle right
    after an office word or a nationality describes the office (tagged VERB, it
    would otherwise end the title)."""
    if token.lower_ in _adjectives():
        return True  # "l'opposant": an office word tagged VERB
    return "Part" in token.morph.get("VerbForm") and token.i > 0 \
        and token.doc[token.i - 1].lower_ in _adjectives()


def _dateline_dash(token) -> bool:
    """"Jakarta, 7 septembre (VNA) – Le Premier ministre X": the place and agency
    before a free-standing dash are the dateline, not part of X's title."""
    return token.text in ("–", "—", "-", "/") and bool(token.whitespace_) and token.i > 0 \
        and bool(token.doc[token.i - 1].whitespace_)


def _title_across_name(doc, last: int, start: int, names: frozenset[int]) -> str:
    """Another person named just before: "les ministres des Affaires étrangères X
    et Y" share a plural title; otherwise the title before X and X's apposition
    ("X, ministre des Affaires étrangères, en présence de Y") are X's, not Y's."""
    first = last
    while first > 0 and doc[first - 1].i in names:
        first -= 1
    between = doc[last + 1:start]
    if _coordinated(between):
        shared = _walk_back(doc, first, names)
        if any(t.pos_ == "DET" and "Plur" in t.morph.get("Number") for t in doc[shared:first]):
            return doc[shared:first].text
        return between.text
    return doc[_past_apposition(doc, last + 1, start):start].text


def _coordinated(tokens) -> bool:
    """"X et Y", "X (Haïti) et Y": only a conjunction, after a gloss in brackets."""
    words = list(tokens)
    closing = [k for k, t in enumerate(words) if t.text == ")"]
    if words and words[0].text == "(" and closing:
        words = words[closing[0] + 1:]
    return len(words) == 1 and words[0].pos_ == "CCONJ"


def _past_apposition(doc, i: int, start: int) -> int:
    """Skip a closed apposition of the person before ("X, ministre ..., en présence
    de Y"); an open one ("X, porteur d'un message du président Y") holds Y's title."""
    if doc[i].text != ",":
        return i
    if i + 1 < start and doc[i + 1].pos_ == "CCONJ":
        return i + 2  # "X, et l'ambassadeur de Suisse, Y": X's apposition closed already
    if i + 1 < start and doc[i + 1].pos_ == "DET" and doc[start - 1].text == "," \
            and not any(t.pos_ == "CCONJ" for t in doc[i + 1:start]):
        return i + 1  # "X, le vice-ministre géorgien, Y": a list, the title is Y's
    for k in range(i + 1, start):
        if doc[k].text == ",":
            return k + 1
    return i


def _bracketed(doc, end: int, longest: int = 4) -> str:
    """The words in brackets right after a name, if a few."""
    if end >= len(doc) or doc[end].text != "(":
        return ""
    for k in range(end + 2, min(len(doc), end + longest + 2)):
        if doc[k].text == ")":
            return doc[end + 1:k].text
    return ""


def _right_context(doc, end: int) -> str:
    """An apposition after a name ("X, Premier ministre du Royaume du Cambodge,")."""
    gloss = _bracketed(doc, end)
    if gloss:
        return "ministre " + gloss  # "Antonio Rodrigue (Haïti)", "(République dominicaine)"
    if end < len(doc) and doc[end].text == ",":
        if end + 1 < len(doc) and doc[end + 1].pos_ in ("CCONJ", "ADP"):
            return ""  # "X, et l'ambassadeur de Suisse", "X, du président ...": the next one's
        j = end + 1
        while j < len(doc) and doc[j].text not in (",", ".", ";") and (
                doc[j].pos_ not in ("VERB", "AUX") or _participle_in_title(doc[j])):
            j += 1
        return doc[end + 1:j].text
    return ""


def _participle_in_title(token) -> bool:
    """"secrétaire d'État chargé de l'Europe": a past participle describing the
    office continues the title (a finite verb ends it)."""
    return "Part" in token.morph.get("VerbForm") and token.dep_ in ("acl", "amod")


def _read_title(text: str, roles: list[tuple[str, str]]) -> str | None:
    """The role named in a title ("le ministre russe des Affaires étrangères":
    up to two words, such as a nationality, may sit inside the phrase); the
    longest phrase wins, then the nearest."""
    found = _title_match(text, roles)
    return found[0] if found else None


def _title_match(text: str, roles: list[tuple[str, str]]) -> tuple[str, int, int, bool] | None:
    """(role, where the title phrase starts in ``text``, how many words come
    before it, whether its first word is plural) for the best title in ``text``."""
    lowered = " " + _fold(text) + " "
    found = []
    for phrase, role in roles:
        if _title_word(phrase) not in lowered:
            continue  # the pattern needs its first word: a cheap test first
        for match in _title_pattern(phrase).finditer(lowered):
            first = match.group(0).split(" ")[0]
            plural = first.endswith("s") and not phrase.split(" ")[0].endswith("s")
            found.append((match.end(), len(phrase), match.start(), role, plural))
    ends = {f[0] for f in found}
    # the title nearest the name, unless it only completes the one before it
    # ("le conseiller du président chilien pour les affaires stratégiques X",
    # "le conseiller du président, X": X is the adviser; but "l'émissaire du
    # président chinois Xi": the name right after the title is the president's)
    found = [f for f in found if not (_complement_of(lowered, f[2], ends)
                                      and _more_after(lowered[f[0]:]))] or found
    if not found:
        return None
    _, _, start, role, plural = max(found)
    # the folded length of text[:k] never shrinks as k grows: bisect for the
    # shortest prefix that reaches ``start``
    offset = min(bisect_left(range(len(text) + 1), start,
                             key=lambda k: len(" " + _fold(text[:k]))), len(text))
    return role, offset, lowered[1:start].count(" "), plural


def _more_after(rest: str) -> bool:
    """Whether more than a nationality word follows a title before the name."""
    return "," in rest or len(rest.split()) > 1


def _complement_of(lowered: str, start: int, ends: set[int]) -> bool:
    """Whether a title starting at ``start`` follows another title and "du", "de"."""
    before = lowered[:start].rstrip()
    for link in (" du", " de la", " de l'", " des", " de", "de l'"):
        if before.endswith(link):
            head = before[:len(before) - len(link)]
            # the title before may take one word more ("le conseiller diplomatique du")
            return len(head) in ends or head.rpartition(" ")[0] and len(head.rpartition(" ")[0]) in ends
    return False


def _fold(text: str) -> str:
    """Lowercase, one space, straight apostrophes, no accents: "Chef d’Etat" = "chef d'état"."""
    return _ascii(re.sub(r"\s+", " ", text.lower().replace("’", "'")))


@lru_cache(maxsize=None)
def _title_word(phrase: str) -> str:
    """The first word of a title phrase as its pattern looks for it."""
    return _fold(phrase).partition(" ")[0]


@lru_cache(maxsize=None)
def _title_pattern(phrase: str) -> re.Pattern[str]:
    first, _, rest = _fold(phrase).partition(" ")
    # up to two words inside ("ministre russe des"), never a preposition or an
    # article ("chef du protocole d'État" is no head of state)
    inner = r"(?:\s+(?!(?:du|de|des|la|le|les|l')\s)[\w'-]+){0,2}?" if rest else ""
    tail = r"\s+" + re.escape(rest) if rest else ""
    plural = "s?" if not first.endswith("s") else ""
    return re.compile(rf"(?<![\w-]){re.escape(first)}{plural}{inner}{tail}(?=[\s,.;]|$)")


def _collect_people(parsed: ParsedDoc, states: list[Mention]) -> list[_PersonDraft]:
    roles = _role_table(parsed)
    role_words = {p.split()[0] for p, _ in roles} | {"homologue"}
    state_tokens = defaultdict(set)
    for m in states:
        state_tokens[m.sentence].update(range(m.token_start, m.token_end))
    drafts: dict[str, _PersonDraft] = {}
    singles: list[tuple[ParsedSentence, int, int]] = []
    spans = {sent.index: _uncredited(parsed, sent,
                                     _name_spans(sent, role_words, state_tokens[sent.index]))
             for sent in parsed.readable()}
    names = {index: frozenset(i for s, e in found for i in range(s, e))
             for index, found in spans.items()}
    shared = {}
    for sent in parsed.readable():
        shared[sent.index] = _shared_titles(parsed, sent, spans[sent.index], roles, names[sent.index])
        for start, end in spans[sent.index]:
            tokens = tuple(t.text for t in sent.doc[start:end])
            if len(tokens) == 1:
                singles.append((sent, start, end))
                continue
            key = slug(" ".join(tokens))
            draft = drafts.setdefault(key, _PersonDraft(sent.doc[start:end].text, tokens))
            _add_person_mention(parsed, sent, start, end, draft, roles, names[sent.index],
                                shared[sent.index].get(start))
    _merge_partial_names(drafts)
    singles.extend(_bare_surnames(parsed, drafts, singles))
    for sent, start, end in singles:
        word = sent.doc[start].text
        owners = [d for d in drafts.values() if word in d.tokens]
        if len(owners) == 1:
            draft = owners[0]
        elif owners:
            continue
        else:
            draft = drafts.setdefault(slug(word), _PersonDraft(word, (word,)))
        _add_person_mention(parsed, sent, start, end, draft, roles, names[sent.index],
                            shared.get(sent.index, {}).get(start))
    _shared_adjective_countries(parsed, states, drafts.values())
    return list(drafts.values())


def _shared_adjective_countries(parsed: ParsedDoc, states: list[Mention], drafts) -> None:
    """"son homologue congolais" in an article that names the Republic of the
    Congo and not the DRC: a title's shared adjective goes where the article's
    do (see ``_shared_adjectives``)."""
    shared = parsed.language.discourse.get("shared_adjectives") or {}
    adjectives = _adjective_states(parsed)
    named = {m.actor_id for m in states if m.via in ("name", "capital")}
    for adjective, other in shared.items():
        first = adjectives.get(adjective)
        if not first or first == other or other not in named or first in named:
            continue
        for draft in drafts:
            for counter in (draft.countries, draft.weak_countries):
                if first in counter:
                    counter[other] += counter.pop(first)


def _uncredited(parsed: ParsedDoc, sent: ParsedSentence, spans: list[tuple[int, int]]
                ) -> list[tuple[int, int]]:
    credit = _credit_range(parsed, sent)
    return [(s, e) for s, e in spans if not _in_credit(credit, s)]


def _bare_surnames(parsed: ParsedDoc, drafts: dict[str, _PersonDraft], singles: list
                   ) -> list[tuple[ParsedSentence, int, int]]:
    """Surnames of people already named, where the NER missed them ("Otieno a demandé")."""
    surnames = {_surname(d.tokens) for d in drafts.values() if len(d.tokens) > 1} - {None}
    taken = {(sent.index, start) for sent, start, _ in singles}
    for draft in drafts.values():
        taken.update((m.sentence, i) for m in draft.mentions
                     for i in range(m.token_start, m.token_end))
    found = []
    for sent in parsed.readable():
        for token in sent.doc:
            if token.text in surnames and (sent.index, token.i) not in taken:
                found.append((sent, token.i, token.i + 1))
    return found


def _surname(tokens: tuple[str, ...]) -> str | None:
    """The word a person is named by alone: the last one, but the first when
    the name ends on a hyphenated given name ("Kim Jong-un" is "Kim", split
    Kim / Jong / - / un); never a lower-case piece ("un")."""
    word = tokens[0] if len(tokens) > 2 and "-" in tokens[:-1] else tokens[-1]
    return word if word[:1].isupper() else None


def _merge_partial_names(drafts: dict[str, _PersonDraft]) -> None:
    """"Bùi Thanh" (a clipped entity) is "Bùi Thanh Son" when both occur."""
    for key, draft in list(drafts.items()):
        longer = [d for d in drafts.values() if d is not draft and len(d.tokens) > len(draft.tokens)
                  and d.tokens[:len(draft.tokens)] == draft.tokens]
        if len(longer) == 1:
            target = longer[0]
            target.mentions.extend(draft.mentions)
            target.roles.update(draft.roles)
            target.countries.update(draft.countries)
            target.weak_countries.update(draft.weak_countries)
            target.igo_titles += draft.igo_titles
            target.igos.update(draft.igos)
            target.postings.update(draft.postings)
            target.counterpart = target.counterpart or draft.counterpart
            target.counterpart_in |= draft.counterpart_in
            target.counterpart_from.update(draft.counterpart_from)
            del drafts[key]


def _add_person_mention(parsed, sent, start, end, draft, roles, names, shared=None) -> None:
    s, e = sent.char_span(start, end)
    draft.mentions.append(Mention("", "person", sent.index, start, end, s, e,
                                  parsed.text[s:e], "person"))
    if shared is not None:
        _take_shared_title(sent, draft, roles, shared)
        return
    left, right = _context(sent, start, end, names)
    for text in (left, right):
        found = _title_match(text, roles)
        if not found or text is right and found[2] > _APPOSITION_LEAD:
            continue  # "X, l'un avec le chef de l'État ...": not X's apposition
        role, offset, _, plural = found
        if text is left and _fallen(parsed, text[:offset]):
            role = "other"  # "la chute du président X": no longer in office
        draft.roles[role] += 1
        if _igo_office(parsed, text, roles):
            draft.igo_titles += 1
            draft.igos.update(_igos_in(parsed, _nearest_title(text, roles))[:1])
            continue
        _vote_country(parsed, sent, text[offset:], draft, plural, first=role == "ambassador")
        if role == "ambassador":
            draft.postings.update(_title_states(parsed, text[offset:])[1][:1])
        if text is left and not _states_in(parsed, text[offset:]):
            side = _side_before_title(parsed, text[:offset])
            if side:
                draft.countries[side] += 2
        if "homologue" in text.lower():
            draft.counterpart = True
            draft.counterpart_in.add(sent.index)
    if "homologue" in left.lower():
        draft.counterpart = True
        draft.counterpart_in.add(sent.index)
        _vote_country(parsed, sent, left, draft, False)
    state = _state_after_name(parsed, sent.doc, end)
    if state:
        draft.countries[state] += 2


def _state_after_name(parsed: ParsedDoc, doc, end: int) -> str | None:
    """"le président Lazarus Chakwera du Malawi": a state named right after the name."""
    if end >= len(doc) or doc[end].lower_ not in ("du", "de", "d'", "d’"):
        return None
    nlp = parsed.pipeline.nlp
    piece = nlp.make_doc(doc[end:min(len(doc), end + 5)].text)
    found = [(start, entry) for start, _, entry in
             parsed.pipeline.gazetteer.find(piece) if entry.kind == "state"]
    if found and found[0][1].via == "name" and found[0][0] <= 2:
        return found[0][1].actor_id
    return None


@dataclass(frozen=True)
class _SharedTitle:
    """One name of a list under a plural title: the title, the state its own
    nationality adjective gives, and where the list begins."""
    title: str
    country: str | None
    list_start: int


def _shared_titles(parsed, sent, spans, roles, names) -> dict[int, _SharedTitle]:
    """"les ministres de la Défense estonien X, letton Y et
    lituanien Z", "ses homologues pakistanais, X et azerbaïdjanais, Y", "ses deux
    homologues vietnamien et cambodgien X et Y": names listed under one plural
    title all hold it, each for the state of the adjective before it (or, where
    the adjectives come together, of the adjective in the same place)."""
    doc = sent.doc
    adjectives = _adjective_states(parsed)
    counterparts = tuple(parsed.language.roles.get("counterpart", []))
    out: dict[int, _SharedTitle] = {}
    for items in _name_lists(doc, sorted(spans), adjectives):
        first = items[0][0] - len(items[0][2])
        title = doc[_walk_back(doc, first, names):first].text
        found = _title_match(title, roles)
        counterpart = any(c + "s" in _fold(title).split() for c in counterparts)
        if not (found and found[3]) and not counterpart:
            out.update(_shared_title_after(doc, items, roles, adjectives))
            continue
        lead = [adjectives[t.lower_] for t in items[0][2] if t.lower_ in adjectives]
        for k, (start, _, own) in enumerate(items):
            states = [adjectives[t.lower_] for t in own if t.lower_ in adjectives]
            if len(lead) == len(items) and all(len(i[2]) == 0 for i in items[1:]):
                states = [lead[k]]  # "vietnamien et cambodgien X et Y": in order
            out[start] = _SharedTitle(title, states[-1] if len(states) == 1 else None, first)
    return out


def _shared_title_after(doc, items, roles, adjectives) -> dict[int, _SharedTitle]:
    """"X, Y et Z, les présidents ghanéen, togolais et béninois": a
    plural title in apposition after the list; its adjectives go in order."""
    end = items[-1][1]
    if end + 1 >= len(doc) or doc[end].text != ",":
        return {}
    j = end + 1
    while j < len(doc) and doc[j].text not in (";", ".", ":", "(") and doc[j].pos_ not in (
            "VERB", "AUX") and (doc[j].text != "," or j + 1 < len(doc)
                                and doc[j + 1].lower_ in adjectives):
        j += 1
    title = doc[end + 1:j].text
    found = _title_match(title, roles)
    if not (found and found[3]):
        return {}
    states = [adjectives[w] for w in re.findall(r"[\w'-]+", title.lower()) if w in adjectives]
    if len(states) not in (0, 1, len(items)):
        return {}
    return {start: _SharedTitle(title, states[k] if len(states) == len(items) else
                                (states[0] if states else None), items[0][0])
            for k, (start, _, _) in enumerate(items)}


def _name_lists(doc, spans, adjectives) -> list[list[tuple[int, int, list]]]:
    """Runs of two or more names joined by commas or "et", each with the
    nationality adjectives right before it: [(start, end, adjective tokens)]."""
    lists, current = [], []
    for start, end in spans:
        if current:
            gap = doc[current[-1][1]:start]
            seps = [t for t in gap if t.text == "," or t.pos_ == "CCONJ"]
            adjs = [t for t in gap if t.lower_ in adjectives]
            if gap and seps and len(seps) + len(adjs) == len(gap) and gap[0] in seps:
                current.append((start, end, adjs))
                continue
            if len(current) > 1:
                lists.append(current)
        current = [(start, end, _adjectives_before(doc, start, adjectives))]
    if len(current) > 1:
        lists.append(current)
    return lists


def _adjectives_before(doc, start, adjectives) -> list:
    """The nationality adjectives (joined by "et" or commas) right before a name."""
    i, found = start, []
    if i > 1 and doc[i - 1].text == "," and doc[i - 2].lower_ in adjectives:
        i -= 1  # "ses homologues chinois et japonais, X et Y"
    while i > 0 and (doc[i - 1].lower_ in adjectives or found and (
            doc[i - 1].text == "," or doc[i - 1].pos_ == "CCONJ")):
        i -= 1
        if doc[i].lower_ in adjectives:
            found.insert(0, doc[i])
    while found and doc[i].lower_ not in adjectives:
        i += 1
    return found


def _adjective_states(parsed: ParsedDoc) -> dict[str, str]:
    return parsed.pipeline.gazetteer.adjective_states


def _take_shared_title(sent, draft: _PersonDraft, roles, shared: _SharedTitle) -> None:
    """The role a shared plural title gives, the country of the name's own adjective."""
    role = _read_title(shared.title, roles)
    if role:
        draft.roles[role] += 1
    if shared.country:
        draft.countries[shared.country] += 2
    if "homologue" in shared.title.lower():
        draft.counterpart = True
        draft.counterpart_in.add(sent.index)
        draft.counterpart_from[sent.index] = shared.list_start


def _fallen(parsed: ParsedDoc, before: str) -> bool:
    """"la chute du", "le renversement de l'": the office before the name is lost."""
    words = _fold(before).replace("'", "' ").split()
    if words and words[-1] in ("du", "de", "l'", "la", "des"):
        words = words[:-1]
    if words and words[-1] == "de":
        words = words[:-1]
    return bool(words) and words[-1] in {_fold(w) for w in parsed.language.roles.get("fallen", [])}


#: how many words may come before the title in an apposition ("X, l'actuel ministre")
_APPOSITION_LEAD = 2


def _vote_country(parsed, sent, title: str, draft: _PersonDraft, plural: bool,
                  first: bool = False) -> None:
    """The country a title gives, read from the title phrase on ("l'ambassadeur
    de Chine ... du Premier ministre X": China is not X's). A plural title or one
    naming several states ("ses homologues chinois et japonais, X et Y") gives
    only a weak vote, which the knowledge base outranks."""
    states = _states_in(parsed, title)
    if not states:
        return
    country = states[0] if first else states[-1]
    if plural or len(set(states)) > 1 and not first:
        draft.weak_countries[country] += 1
    else:
        draft.countries[country] += 2


def _igo_office(parsed: ParsedDoc, text: str, roles: list[tuple[str, str]]) -> bool:
    """"le secrétaire général de l'OTAN", "l'émissaire de l'ONU sur la Syrie": an
    organisation named in the title before any state (or an office only an
    organisation has) makes its holder an official of that organisation. Only
    the title nearest the name counts ("le président de l'Asean, le président
    des Philippines, X" acts for the Philippines)."""
    text = _nearest_title(text, roles)
    lowered = " " + _fold(text) + " "
    if any(_title_pattern(p.lower()).search(lowered)
           for p in parsed.language.roles.get("igo_offices", [])):
        return True
    nlp = parsed.pipeline.nlp
    doc = nlp.make_doc(text)
    found = parsed.pipeline.gazetteer.find(doc)
    portfolios = set(parsed.language.discourse.get("portfolio_words", []))
    # "son ministre chargé de l'Union africaine": the organisation is the remit
    kinds = [entry.kind for start, _, entry in found if entry.kind in ("igo", "state")
             and not any(t.lower_ in portfolios for t in doc[:start])]
    return bool(kinds) and kinds[0] == "igo"


def _nearest_title(text: str, roles: list[tuple[str, str]]) -> str:
    """Of a run of titles split by commas, the one nearest the name."""
    parts = [p for p in text.split(",") if _read_title(p, roles)]
    return parts[-1] if parts else text


def _igos_in(parsed: ParsedDoc, text: str) -> list[str]:
    """Organisations named in a title, in order."""
    nlp = parsed.pipeline.nlp
    return [entry.actor_id for _, _, entry in
            parsed.pipeline.gazetteer.find(nlp.make_doc(text)) if entry.kind == "igo"]


def _country_in(parsed: ParsedDoc, sent: ParsedSentence, text: str,
                first: bool = False) -> str | None:
    found = _states_in(parsed, text)
    if not found:
        return None
    return found[0] if first else found[-1]


def _side_before_title(parsed: ParsedDoc, text: str) -> str | None:
    """"paraphé côté togolais par le ministre X", "la délégation saoudienne conduite
    par l'ambassadeur X": the side a nationality marks before the title is X's."""
    nlp = parsed.pipeline.nlp
    doc = nlp.make_doc(text)
    sides = set(parsed.language.discourse["side_nouns"])
    found = [entry.actor_id for start, _, entry in parsed.pipeline.gazetteer.find(doc)
             if entry.kind == "state" and entry.via == "adjective" and start > 0
             and doc[start - 1].lower_ in sides]
    return found[-1] if found else None


def _states_in(parsed: ParsedDoc, text: str) -> list[str]:
    """States named in a title, in order, leaving out where the holder is posted."""
    return _title_states(parsed, text)[0]


def _title_states(parsed: ParsedDoc, text: str) -> tuple[list[str], list[str]]:
    """States named in a title, in order: those it serves, and where the holder is posted."""
    nlp = parsed.pipeline.nlp
    gazetteer = parsed.pipeline.gazetteer
    doc = nlp.make_doc(text)
    places = set(parsed.language.discourse["place_prepositions"])
    found, venues = [], []
    for start, _, entry in gazetteer.find(doc):
        if entry.kind != "state":
            continue
        if entry.via == "capital" or start > 0 and doc[start - 1].lower_ in places:
            venues.append(entry.actor_id)  # "en poste à Tunis", "conseiller en Russie"
        else:
            found.append(entry.actor_id)
    return found, venues


def _known_person(draft: _PersonDraft):
    """Match a draft to the knowledge base by full name, alias or unique surname."""
    wanted = slug(draft.name)
    by_slug, by_surname, _ = _known_index()
    if wanted in by_slug:
        return by_slug[wanted]
    if len(draft.tokens) == 1:  # a surname alone: only when one known person has it
        last = slug(draft.tokens[-1])
        candidates = by_surname.get(last, []) if len(last) > 3 else []
        return candidates[0] if len(candidates) == 1 else None
    return _closest_known(wanted, draft) or _known_within(wanted)


def _known_within(wanted: str):
    """A longer or shorter form of a known name ("Marc Christian Kaboré" for
    Roch Marc Christian Kaboré, "Félix Antoine Tshisekedi Tshilombo" for
    Félix Antoine Tshisekedi): the one known person one of whose spellings,
    of three parts or more, runs unbroken inside the other."""
    parts = wanted.split("-")
    found = {}
    for person, slugs in _known_slugs():
        for other in slugs:
            shorter, longer = sorted((parts, other.split("-")), key=len)
            if len(shorter) < 3 or len(shorter) == len(longer):
                continue
            if any(longer[i:i + len(shorter)] == shorter
                   for i in range(len(longer) - len(shorter) + 1)):
                found[person.id] = person
    return next(iter(found.values())) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _known_slugs() -> tuple:
    """(person, slugs of every spelling) for the knowledge base, computed once."""
    return tuple((p, frozenset(slug(n) for n in (p.name, *p.aliases)))
                 for p in knowledge.people())


@lru_cache(maxsize=1)
def _known_index() -> tuple[dict, dict, dict]:
    """Look-ups over _known_slugs(), in its order: slug -> the first person
    with it; surname (last part of a slug) -> the people with it;
    (initial, number of hyphens) -> the (slug, person) of that shape."""
    by_slug: dict = {}
    by_surname: dict = defaultdict(list)
    by_shape: dict = defaultdict(list)
    for person, slugs in _known_slugs():
        for other in slugs:
            by_slug.setdefault(other, person)
            by_shape[other[:1], other.count("-")].append((other, person))
        for surname in {s.split("-")[-1] for s in slugs}:
            by_surname[surname].append(person)
    return by_slug, dict(by_surname), dict(by_shape)


def _closest_known(wanted: str, draft: _PersonDraft):
    """Spellings differ across languages ("Cyrille Ramaphosa", "Mouammar Kadhafi"):
    the one known person whose name is close enough, with the same initial."""
    from difflib import SequenceMatcher

    scored = []
    # same initial, same number of name parts
    for other, person in _known_index()[2].get((wanted[:1], wanted.count("-")), ()):
        if wanted and 2.0 * min(len(wanted), len(other)) / (len(wanted) + len(other)) < 0.8:
            continue  # real_quick_ratio(), an upper bound of ratio(), without the set-up
        matcher = SequenceMatcher(None, wanted, other)
        if matcher.quick_ratio() < 0.8:
            continue  # another upper bound, cheaper than ratio()
        ratio = matcher.ratio()
        if ratio >= 0.8:
            scored.append((ratio, person.id, person))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    best = scored[0]
    rivals = [s for s in scored if s[1] != best[1] and s[0] > best[0] - 0.05]
    return None if rivals else best[2]


# -------------------------------------------------------------------- orgs

_ACRONYM_IN_PARENS = re.compile(r"\(([A-Z][A-Z0-9]{1,7})\)")


def _org_mentions(parsed: ParsedDoc) -> list[tuple[str, str | None, Mention]]:
    """National bodies introduced as "Agence ... (BPOM)", and later "BPOM"."""
    found: dict[str, str | None] = {}
    out = []
    for sent in parsed.readable():
        for match in _ACRONYM_IN_PARENS.finditer(sent.sentence.text):
            acronym = match.group(1)
            before = sent.sentence.text[max(0, match.start() - 120):match.start()]
            country = _country_in(parsed, sent, before.split(",")[-1])
            found.setdefault(acronym, country)
    if not found:
        return out
    for sent in parsed.readable():
        for match in re.finditer(r"\b(" + "|".join(map(re.escape, found)) + r")\b", sent.sentence.text):
            s, e = sent.start + match.start(), sent.start + match.end()
            out.append((match.group(1), found[match.group(1)],
                        Mention("org:" + slug(match.group(1)), "org", sent.index, -1, -1, s, e,
                                parsed.text[s:e], "acronym")))
    return out


# ---------------------------------------------------------------- assembly

def find_actors(parsed: ParsedDoc) -> ActorIndex:
    index = ActorIndex()
    gaz = [m for m in _gazetteer_mentions(parsed) if not m.in_name]
    igo_names = knowledge.igos()
    country_names = knowledge.countries()
    for m in gaz:
        if m.kind == "state":
            name = country_names.get(m.actor_id, {}).get("name", m.actor_id)
        else:
            name = igo_names.get(m.actor_id, m.actor_id)
        country = m.actor_id if m.kind == "state" else None
        actor = index.actors.setdefault(m.actor_id, Actor(m.actor_id, m.kind, name, country))
        actor.mentions.append(Span(m.start, m.end, m.text))
    index.mentions.extend(gaz)
    index.dyad = _main_dyad(gaz)

    drafts = _collect_people(parsed, [m for m in gaz if m.kind == "state"])
    for draft in drafts:
        _add_person(parsed, index, draft)
    _opposite_sides(parsed, index)
    _counterpart_roles(index, drafts)
    _host_officials(parsed, index, drafts)
    for acronym, country, mention in _org_mentions(parsed):
        actor = index.actors.setdefault(mention.actor_id,
                                        Actor(mention.actor_id, "org", acronym, country))
        actor.mentions.append(Span(mention.start, mention.end, mention.text))
        index.mentions.append(mention)
    index.dyad = _main_dyad(gaz, _person_countries(index))
    _resolve_pronouns_and_roles(parsed, index)
    _find_speakers(parsed, index)
    index.sort_mentions()
    return index


def _person_countries(index: ActorIndex) -> list[str]:
    """One entry per mention of a person whose side (country, or the
    organisation an official serves) is known."""
    return [index.side_of(m.actor_id) for m in index.mentions
            if m.kind == "person" and index.side_of(m.actor_id)]


def _main_dyad(mentions: list[Mention], person_countries: list[str] = ()) -> tuple[str, ...]:
    """The two sides the article is most about: states named, described, or
    represented by the people who act (venues count half), and organisations
    named acting or whose officials act."""
    counts: Counter = Counter(person_countries)
    for m in mentions:
        if m.kind == "state" and not m.topic:
            counts[m.actor_id] += 0.5 if m.place else 1.0
        elif m.kind == "igo" and not (m.topic or m.place or m.aside):
            counts[m.actor_id] += 1.0  # "l'UE ... les ministres, réunis à Bruxelles"
    ranked = counts.most_common(3)
    if len(ranked) == 3 and ranked[1][1] < 2 * ranked[2][1]:
        # many states, none standing out as the second side: no dyad to fall back on
        return tuple(sorted([ranked[0][0]])) if ranked[0][1] >= 2 * ranked[1][1] else ()
    return tuple(sorted(a for a, _ in ranked[:2]))


def _add_person(parsed: ParsedDoc, index: ActorIndex, draft: _PersonDraft) -> None:
    known = _known_person(draft)
    person_id = known.id if known else "person:" + slug(draft.name)
    name = known.name if known else draft.name
    role = draft.roles.most_common(1)[0][0] if draft.roles else None
    if draft.roles.get("foreign_minister"):
        role = "foreign_minister"
    country = draft.countries.most_common(1)[0][0] if draft.countries else None
    igo_official = country is None and draft.igo_titles > 0
    if igo_official:
        index.igo_officials.add(person_id)
        if draft.igos:
            index.igo_of[person_id] = draft.igos.most_common(1)[0][0]
    if known and (role is None or country is None):
        office = known.office_on(parsed.published)
        if office:
            role = role or office.role
            country = country or (None if igo_official else office.country)
    if country is None and draft.weak_countries and not igo_official:
        country = draft.weak_countries.most_common(1)[0][0]
    if country is None and draft.counterpart and len(index.dyad) == 2 and not igo_official:
        others = [c for c in index.dyad if c not in _countries_of_people(index)]
        country = others[0] if len(others) == 1 else None
    if country and country.startswith("igo:"):  # the counterpart of a state, facing an IGO
        index.igo_of[person_id], country = country, None
    actor = index.actors.get(person_id)
    if actor is None:
        actor = Actor(person_id, "person", name, country, role)
        index.actors[person_id] = actor
    for m in draft.mentions:
        mention = Mention(person_id, "person", m.sentence, m.token_start, m.token_end,
                          m.start, m.end, m.text, "person")
        index.mentions.append(mention)
        actor.mentions.append(Span(m.start, m.end, m.text))


#: offices held at home: an official with one and no country serves the host state
_HOME_OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "minister",
                 "deputy_minister", "official", "head_of_agency"}
#: offices only a state has: where the article is about one state, the holder serves it
_STATE_OFFICES = {"head_of_state", "head_of_government", "minister", "deputy_minister",
                  "legislator"}


def _accredited_to(parsed: ParsedDoc) -> list[str]:
    """"les trois diplomates récemment accrédités au Népal": states envoys
    are posted to, told without naming the envoys."""
    words = set(parsed.language.discourse.get("accreditation_words", []))
    places = set(parsed.language.discourse["place_prepositions"])
    found = []
    for sent in parsed.readable():
        for token in sent.doc:
            if token.lower_ not in words or token.i + 1 >= len(sent.doc) \
                    or sent.doc[token.i + 1].lower_ not in places:
                continue
            piece = parsed.pipeline.nlp.make_doc(sent.doc[token.i + 2:token.i + 6].text)
            states = [(start, entry) for start, _, entry in parsed.pipeline.gazetteer.find(piece)
                      if entry.kind == "state" and entry.via in ("name", "capital")]
            if states and states[0][0] == 0:
                found.append(states[0][1].actor_id)
    return found


def _host_officials(parsed: ParsedDoc, index: ActorIndex, drafts: list[_PersonDraft]) -> None:
    """"Le ministre de l'Intérieur X a reçu l'ambassadeur de Suisse en Algérie":
    where every ambassador of the article is posted in one state, the officials
    whose country the text does not give serve that state."""
    postings: Counter = Counter(_accredited_to(parsed))
    for draft in drafts:
        postings.update(draft.postings)
    if len(postings) == 1:
        host, offices = next(iter(postings)), _HOME_OFFICES
    else:
        host, offices = _dominant_state(index) or _dominant_state(index, every=True), \
            _STATE_OFFICES
    if host is None:
        return
    for actor in index.actors.values():
        if actor.kind == "person" and actor.country is None and actor.role in offices \
                and actor.id not in index.igo_officials:
            actor.country = host


def _dominant_state(index: ActorIndex, every: bool = False) -> str | None:
    """The state an article is about when one stands out: named (not as a
    venue or topic) at least three times as often as any other. ``every``
    counts its mentions as venue and topic too ("un sommet sur la situation en
    Guinée", "une mission envoyée en Guinée": an article about an organisation
    dealing with one state)."""
    counts = Counter(m.actor_id for m in index.mentions
                     if m.kind == "state" and not m.dateline and (every or not (m.place or m.topic)))
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] < 3 * ranked[1][1] or ranked[0][1] < 3:
        return None
    return ranked[0][0]


def _opposite_sides(parsed: ParsedDoc, index: ActorIndex) -> None:
    """"Le ministre béninois a été reçu par le Premier ministre Keo Sovann": a
    person whose country the text does not give, standing against one side of
    the main pair across the main verb (subject against object or agent),
    belongs to the other side."""
    if len(index.dyad) != 2:
        return
    sentences = {s.index: s for s in parsed.readable()}
    side_words = _side_words(parsed)
    for actor in [a for a in index.actors.values() if a.kind == "person"
                  and not index.side_of(a.id) and a.id not in index.igo_officials]:
        pair = _pair_for(index, actor)
        votes: Counter = Counter()
        for m in [m for m in index.mentions if m.actor_id == actor.id]:
            sent = sentences[m.sentence]
            mine = _clause_side(sent.doc[m.token_start])
            if mine is None:
                continue
            for country, token in _side_markers(index, sent, side_words, actor.id):
                theirs = _clause_side(token)
                if theirs and theirs != mine and country in pair:
                    votes[next(c for c in pair if c != country)] += 1
        if len(votes) == 1:
            _give_side(index, actor, next(iter(votes)))


def _pair_for(index: ActorIndex, actor: Actor) -> tuple[str, ...]:
    """The main pair a person may belong to: a minister or head of state serves
    a state, so where the pair holds an organisation, the two states the
    article most names as acting (not as venues) stand instead."""
    if len(index.dyad) != 2 or actor.role not in _STATE_OFFICES | {"foreign_minister"} \
            or not any(side.startswith("igo:") for side in index.dyad):
        return index.dyad
    pair = _main_dyad([m for m in index.mentions if m.kind == "state" and not m.place])
    return pair if len(pair) == 2 else index.dyad


def _side_words(parsed: ParsedDoc) -> tuple[set[str], set[str]]:
    """Offices (and "homologue"), then the nouns that a nationality turns into a
    side ("la partie ivoirienne", "la délégation béninoise")."""
    offices = {p.split()[0] for p, _ in _role_table(parsed)}
    offices.update(parsed.language.roles.get("counterpart", []))
    return offices, set(parsed.language.discourse["side_nouns"])


def _side_markers(index: ActorIndex, sent: ParsedSentence, side_words: tuple[set[str], set[str]],
                  person_id: str) -> list[tuple[str, object]]:
    """(country, token) for what shows a side in a sentence: people whose country
    is known, the country of an office ("le ministre béninois", "l'ambassadeur du
    Japon") and a nationality of a side noun ("la délégation ivoirienne")."""
    offices, sides = side_words
    out = []
    for m in index.in_sentence(sent.index):
        if m.token_start < 0 or m.actor_id == person_id:
            continue
        token = sent.doc[m.token_start]
        heads = _head_words(token)
        if m.kind == "person" and index.actors[m.actor_id].country:
            out.append((index.actors[m.actor_id].country, token))
        elif m.kind == "state" and not m.topic and (
                heads & offices or m.via == "adjective" and heads & sides):
            out.append((m.actor_id, token))
    return out


def _head_words(token) -> set[str]:
    """Forms and lemmas of the two words above a token ("ministre" in "le ministre béninois")."""
    heads = [h for h in (token.head, token.head.head) if h.i != token.i]
    return {h.lower_ for h in heads} | {h.lemma_.lower() for h in heads}


def _clause_side(token) -> str | None:
    """"subject" inside the subject of the main verb, "other" in another of its
    arguments, None elsewhere (another clause, a sentence built on a copula)."""
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) < 12:
        path.append(path[-1].head)
    root = path[-1]
    if root.pos_ != "VERB" or len(path) < 2:
        return None
    if path[-2].dep_.startswith("nsubj"):
        return "subject"
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "xcomp" for t in path[1:-1]):
        return None  # "auquel il a transmis un message du chef de l'État ivoirien"
    return "other"


def _counterpart_roles(index: ActorIndex, drafts: list[_PersonDraft]) -> None:
    """"X a reçu son homologue Y": the two hold the same office (unless the text
    names a more specific one for either) and act for opposite sides."""
    people = [a for a in index.actors.values() if a.kind == "person"]
    for draft in drafts:
        if not draft.counterpart:
            continue
        actor = next((a for a in people if a.name == draft.name
                      or a.id == "person:" + slug(draft.name)), None)
        if actor is None:
            continue
        host = _counterpart_of(index, actor, draft)
        if host is not None:
            if not draft.roles and host.role:
                actor.role = host.role  # no title of their own: the host's office
            _share_office(actor, host)
            _opposite_country(index, actor, host)
        elif actor.role in (None, "minister"):
            offices = [a.role for a in people if a is not actor and a.role
                       and a.country != actor.country]
            if offices:
                actor.role = Counter(offices).most_common(1)[0][0]


def _counterpart_of(index: ActorIndex, actor: Actor, draft: _PersonDraft) -> Actor | None:
    """The person whose counterpart ``actor`` is: the one named last before them
    in the sentence that calls them "son homologue"."""
    for sentence in sorted(draft.counterpart_in):
        here = [m for m in index.mentions if m.kind == "person" and m.sentence == sentence]
        mine = [m.token_start for m in here if m.actor_id == actor.id]
        limit = draft.counterpart_from.get(sentence, min(mine) if mine else None)
        before = [m for m in here if m.actor_id != actor.id and mine and m.token_start < limit]
        if before:
            return index.actors[max(before, key=lambda m: m.start).actor_id]
    return None


def _share_office(one: Actor, other: Actor) -> None:
    """Counterparts hold the same office: a generic or missing one takes the other's."""
    vague = (None, "minister")
    if one.role in vague and other.role not in vague:
        one.role = other.role
    elif other.role in vague and one.role not in vague:
        other.role = one.role


def _opposite_country(index: ActorIndex, one: Actor, other: Actor) -> None:
    """Counterparts act for the two sides of the main pair."""
    if len(index.dyad) != 2:
        return
    for known, unknown in ((one, other), (other, one)):
        mine = index.side_of(known.id)
        if mine in index.dyad and index.side_of(unknown.id) is None \
                and unknown.id not in index.igo_officials:
            _give_side(index, unknown, next(c for c in index.dyad if c != mine))


def _give_side(index: ActorIndex, person: Actor, side: str) -> None:
    """A person's country, or, when the side is an organisation, the one they serve."""
    if side.startswith("igo:"):
        index.igo_of[person.id] = side
    else:
        person.country = side


def _countries_of_people(index: ActorIndex) -> set[str]:
    return {a.country for a in index.actors.values() if a.kind == "person" and a.country}


def _resolve_pronouns_and_roles(parsed: ParsedDoc, index: ActorIndex) -> None:
    """"il"/"elle" as subject, and bare titles ("le ministre vietnamien"),
    point back to a person already named."""
    pronouns = set(parsed.language.discourse["person_pronouns"])
    people = [m for m in index.mentions if m.kind == "person"]
    sentences = {s.index: s for s in parsed.readable()}
    added = []
    for sent in parsed.readable():
        for token in sent.doc:
            if token.lower_ in pronouns and token.dep_.startswith("nsubj"):
                before = [m for m in people + added if m.start < sent.start + token.idx]
                if before:
                    last = _antecedent(before, sentences)
                    s = sent.start + token.idx
                    added.append(Mention(last.actor_id, "person", sent.index, token.i,
                                         token.i + 1, s, s + len(token.text), token.text,
                                         "pronoun"))
    states = [m for m in index.mentions if m.kind == "state"]
    added.extend(_plural_pronouns(parsed, people, states))
    added.extend(_bare_titles(parsed, index, people))
    index.mentions.extend(added)


def _antecedent(before: list[Mention], sentences: dict[int, ParsedSentence]) -> Mention:
    """Whom "il" stands for: the last person named, unless that person only
    completes the sentence of another who is its subject ("X a rencontré son
    homologue Y. ... Il a rencontré": X goes on acting)."""
    last = max(before, key=lambda m: m.start)
    own = [m for m in before if m.sentence == last.sentence and m.token_start >= 0
           and _clause_side(sentences[m.sentence].doc[m.token_start]) == "subject"]
    if own and all(_clause_side(sentences[m.sentence].doc[m.token_start]) != "subject"
                   for m in before if m.sentence == last.sentence and m.start > own[-1].start):
        return own[-1]
    return last


def _bare_titles(parsed: ParsedDoc, index: ActorIndex, people: list[Mention]) -> list[Mention]:
    """"Le ministre des Affaires étrangères a rencontré ...": a title with a
    definite article as the subject, naming no one and no state, is the one
    person named before who holds that office (none when several do)."""
    roles = _role_table(parsed)
    articles = parsed.language.words("definite_articles")
    out = []
    for sent in parsed.readable():
        taken = {i for m in index.in_sentence(sent.index) if m.token_start >= 0
                 for i in range(m.token_start, max(m.token_end, m.token_start + 1))}
        for token in sent.doc:
            if not token.dep_.startswith("nsubj") or "Plur" in token.morph.get("Number") \
                    or not any(c.dep_ == "det" and c.lower_ in articles for c in token.children):
                continue
            subtree = sorted(t.i for t in token.subtree)
            if taken & set(subtree):
                continue
            role = _read_title(sent.doc[subtree[0]:subtree[-1] + 1].text, roles)
            s = sent.start + token.idx
            holders = {m.actor_id for m in people if m.start < s
                       and index.actors[m.actor_id].role == role and index.side_of(m.actor_id)}
            if role and len(holders) == 1:
                out.append(Mention(holders.pop(), "person", sent.index, token.i, token.i + 1,
                                   s, s + len(token.text), token.text, "role"))
    return out


def _plural_pronouns(parsed: ParsedDoc, people: list[Mention], states: list[Mention]
                     ) -> list[Mention]:
    """"ils sont convenus": the people named in the sentence before, together
    (two or more: one person or state named alone is not what "ils" stands
    for; the event stage then reads it as the sides of the act just told)."""
    out = []
    plural = set(parsed.language.discourse["plural_pronouns"])
    readable = parsed.readable()
    for position, sent in enumerate(readable):
        if position:
            out.extend(_pair_of_people(parsed, sent, readable[position - 1].index, people))
        for token in sent.doc:
            if token.lower_ in plural and token.dep_.startswith("nsubj") and position:
                previous = readable[position - 1].index
                named = {m.actor_id for m in people if m.sentence == previous}
                kind = "person"
                if not named:  # "les présidents sénégalais et libérien ... Ils sont convenus"
                    named = {m.actor_id for m in states if m.sentence == previous
                             and not m.topic and not m.place and m.kind == "state"}
                    kind = "state"
                if len(named) < 2:
                    continue
                s = sent.start + token.idx
                out.extend(Mention(pid, kind, sent.index, token.i, token.i + 1, s,
                                   s + len(token.text), token.text, "pronoun")
                           for pid in sorted(named))
    return out


def _pair_of_people(parsed: ParsedDoc, sent: ParsedSentence, previous: int,
                    people: list[Mention]) -> list[Mention]:
    """"... que Chhem Vannak avait reçu mardi. Les deux hommes avaient discuté":
    the two people named in the sentence before, not the article's main pair."""
    named = sorted({m.actor_id for m in people if m.sentence == previous})
    if len(named) != 2:
        return []
    lowered = sent.sentence.text.lower().replace("’", "'")
    out = []
    for phrase in parsed.language.roles.get("pair_of_people", []):
        for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
            span = sent.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            s, e = sent.start + match.start(), sent.start + match.end()
            out.extend(Mention(pid, "person", sent.index, span.start, span.end, s, e,
                               parsed.text[s:e], "pronoun") for pid in named)
    return out


_ATTRIBUTION = {"déclarer", "dire", "affirmer", "ajouter", "souligner", "conclure", "poursuivre",
                "expliquer", "indiquer", "préciser", "estimer", "noter", "insister", "rappeler",
                "annoncer", "assurer", "réitérer"}
_FIRST_PERSON = {"je", "j'", "nous", "notre", "nos", "j’", "moi"}


def _find_speakers(parsed: ParsedDoc, index: ActorIndex) -> None:
    """The person quoted in a paragraph speaks for its first-person sentences."""
    by_paragraph: dict[int, list[ParsedSentence]] = defaultdict(list)
    for sent in parsed.readable():
        by_paragraph[sent.paragraph].append(sent)
    for sentences in by_paragraph.values():
        speaker = None
        for sent in reversed(sentences):
            if any(t.lemma_ in _ATTRIBUTION for t in sent.doc):
                people = [m for m in index.mentions
                          if m.kind == "person" and m.sentence == sent.index]
                if people:
                    speaker = people[-1].actor_id
                    break
        if speaker is None:
            continue
        for sent in sentences:
            if any(t.lower_ in _FIRST_PERSON for t in sent.doc):
                index.speakers[sent.index] = speaker


def actor_list(index: ActorIndex) -> list[Actor]:
    order = {"state": 0, "igo": 1, "person": 2, "org": 3}
    return sorted(index.actors.values(), key=lambda a: (order[a.kind], a.id))
