"""Helpers shared by the event and agreement stages: who takes part in a
sentence, which sectors it names, its date and place, and its modality."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import LanguageData
from ..parsed import ParsedDoc, ParsedSentence
from ..types import DateValue
from .actors import ActorIndex, Mention
from .quantities import number_value
from .times import TimeMention, _token_of, _verb_of, future_form


@dataclass(frozen=True)
class Participants:
    parties: list[str]
    source: list[str]
    target: list[str]
    people: list[str]


def participants(parsed: ParsedDoc, actors: ActorIndex, sent: ParsedSentence, head=None,
                 include_places: bool = False, current: tuple[str, ...] = (),
                 company: tuple[str, ...] = ()) -> Participants:
    """States and IGOs acting in a sentence (topics and bare venues left out),
    with the subject's side as source when the parse tells it. ``current``
    holds the parties of the act told just before: what "les deux ministres"
    or "les dirigeants" refer to when the sentence names no one; ``company``
    those of the last meeting: what such a group as the act's subject is."""
    mentions = [m for m in actors.in_sentence(sent.index) if not m.topic and not m.in_name
                and not m.aside and not m.dateline]
    if not include_places:
        mentions = [m for m in mentions if not m.place]
    sources = set(parsed.language.discourse.get("source_prepositions", []))
    cited = [m for m in mentions if _cited_source(sent, m, sources)]
    if len(cited) < len(mentions):  # a source alone in its sentence speaks for its side
        mentions = [m for m in mentions if m not in cited]
    if head is not None:
        gatherings = parsed.language.words("hosted_gatherings")
        mentions = [m for m in mentions if not _hosts_other_gathering(sent, m, head, gatherings)
                    and not _supplied(parsed.language, sent, m, head)]
        end = clause_end(parsed.language, sent, head)
        mentions = [m for m in mentions if m.token_start < end]
    ids: list[str] = []
    subject_ids: set[str] = set()
    subject = subject_tokens(head) if head is not None else set()
    for m in mentions:
        actor_id = party_of(actors, m)
        if actor_id and actor_id not in ids:
            ids.append(actor_id)
        if actor_id and m.token_start in subject:
            subject_ids.add(actor_id)
    body = _members_subject(parsed.language, sent, subject, company) \
        if head is not None and not subject_ids else None
    if body:
        # "les chefs de gouvernement ont convenu ..." at a summit: the
        # organisation that met, with whom the act is aimed at
        phrase = _own_phrase(head)
        aimed = [party_of(actors, m) for m in mentions if m.token_start in phrase]
        ids = [body] + [i for i in ids if i != body and i in aimed]
        people = sorted({m.actor_id for m in mentions if m.kind == "person"})
        return Participants(sorted(ids), [body], sorted(set(ids) - {body}), people)
    if head is not None and len(company) >= 2 \
            and _group_subject(parsed.language, sent, subject, len(company)):
        told = {party_of(actors, m) for m in mentions if m.token_start in subject} - {None}
        if told <= set(company):
            # "les trois ministres se sont mis d'accord": the sides of the
            # meeting just told, with whom the act is aimed at
            phrase = _own_phrase(head)
            aimed = [party_of(actors, m) for m in mentions if m.token_start in phrase]
            ids = list(company) + [i for i in ids if i not in company and i in aimed]
            people = sorted({m.actor_id for m in mentions if m.kind == "person"})
            return Participants(sorted(ids), sorted(company),
                                sorted(set(ids) - set(company)), people)
    if head is not None and not subject_ids:
        body = _organisation_subject(parsed.language, actors, sent, subject)
        if body:  # "Le sommet a également demandé ...": the organisation that met
            ids.insert(0, body)
            subject_ids.add(body)
    group = company if len(company) >= 2 else current
    if head is not None and len(group) >= 2 and not subject_ids \
            and _plural_pronoun(parsed.language, sent, subject):
        # "Ils se sont engagés à ...", no two sides named just before: the
        # sides of the meeting (else of the act) just told
        ids = list(group) + [i for i in ids if i not in group]
        subject_ids = set(group)
    speaker = actors.speakers.get(sent.index)
    if speaker:
        country = actors.side_of(speaker)
        if country and country not in ids:
            ids.append(country)
            subject_ids.add(country)
    lowered = " " + sent.sentence.text.lower().replace("’", "'") + " "
    # "les deux hommes" read as the two people just named gives its own two sides
    sides_told = {party_of(actors, m) for m in mentions if m.via == "pronoun"} - {None}
    if not ids and _mentions_group(parsed.language, lowered) and len(current) >= 2:
        ids = list(current)  # "les ministres": the sides of the act just told
    if _mentions_both_sides(parsed.language, lowered) and len(actors.dyad) == 2 \
            and len(sides_told) < 2:
        for country in actors.dyad:
            if country not in ids:
                ids.append(country)
    if len(ids) == 1 and len(actors.dyad) < 2 and _mentions_both_sides(parsed.language, lowered):
        ids.extend(_other_side(actors, sent, ids[0], current, company))
    if not ids:
        ids = list(actors.dyad) or _sides_told_before(current, head, parsed.language)
    elif len(ids) == 1 and len(actors.dyad) == 2 and ids[0] in actors.dyad:
        # one side named, the other implied: acts between the two sides of
        # the article's relationship ("a offert une coopération", "j'ai demandé")
        ids = list(actors.dyad)
    people = sorted({m.actor_id for m in mentions if m.kind == "person"})
    source = sorted(subject_ids) if subject_ids and subject_ids != set(ids) else sorted(ids)
    target = sorted(set(ids) - set(source))
    return Participants(sorted(set(ids)), source, target, people)


def clause_end(lang: LanguageData, sent: ParsedSentence, head) -> int:
    """Where the act's clause stops, reading on from the act word: a clause of
    its own opens at ", accusant ...", "et qualifient ...", "au cours duquel
    ...". The states named there belong to that other clause's act or topic
    ("a rejeté les sanctions, accusant Washington de ..."), not to this one
    (", affirmant que ..." goes on saying what the act says); the sentence's
    length when no such clause follows."""
    doc = sent.doc
    relatives = lang.words("clause_relatives")
    content = lang.words("content_conjunctions")
    for t in doc[head.i + 1:]:
        if t.lower_ in relatives:
            return t.i
        if _detached_participle(doc, t) and not _next_word_in(doc, t.i + 1, content):
            return t.i
        if t.pos_ == "CCONJ" and _finite_next(doc, t.i + 1):
            return t.i
    return len(doc)


def _detached_participle(doc, t) -> bool:
    """", accusant ...": a present participle set off by punctuation."""
    return t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Part"] \
        and t.morph.get("Tense") == ["Pres"] \
        and any(p.is_punct for p in doc[max(0, t.i - 3):t.i])


def _next_word_in(doc, i: int, words: frozenset[str]) -> bool:
    """Whether the next word (past adverbs) is one of ``words``."""
    nxt = next((t for t in doc[i:i + 3] if t.pos_ != "ADV"), None)
    return nxt is not None and nxt.lower_ in words


def _finite_next(doc, i: int) -> bool:
    """Whether a finite verb with no subject of its own comes next (past
    adverbs and object clitics): "et a appelé", "et qualifient", not "et le
    Maroc" nor an aside ("et c'est une première")."""
    for t in doc[i:i + 4]:
        if t.pos_ == "ADV" or t.pos_ == "PRON" and not t.dep_.startswith(("nsubj", "expl")):
            continue
        return t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"]
    return False


def with_unplaced_host(actors: ActorIndex, sent: ParsedSentence, head, who: Participants,
                       company: tuple[str, ...]) -> Participants:
    """"X a dirigé la séance à laquelle assistent ses homologues kényan et
    ougandais" after a meeting of three: a person of unknown country as the
    subject of a meeting stands for the one side of the meeting just told that
    the sentence leaves out, when every side it names belongs to that meeting."""
    subject = subject_tokens(head)
    unplaced = any(m.kind == "person" and m.token_start in subject
                   and not actors.side_of(m.actor_id) for m in actors.in_sentence(sent.index))
    left = [c for c in company if c not in who.parties]
    if not unplaced or not who.parties or len(left) != 1 or not set(who.parties) <= set(company):
        return who
    return Participants(sorted(who.parties + left), left, sorted(who.parties), who.people)


def _sides_told_before(current: tuple[str, ...], head, lang: LanguageData) -> list[str]:
    """"Ils ont convenu de ...", "Le premier ministre et le président ont
    convenu", "La réunion s'est soldée par l'adoption ...": an act done by
    several unnamed doers (or a gathering), in a sentence naming no state and
    an article with no main pair to fall back on, goes on with the sides of
    the act told just before."""
    if len(current) < 2 or head is None or not _several_doers(head, lang):
        return []
    return list(current)


def _several_doers(head, lang: LanguageData) -> bool:
    """The act's subject (or its governing verb's) is plural, coordinated or a gathering."""
    gatherings = lang.words("hosted_gatherings")
    verb = head
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
        if subjects:
            return any("Number=Plur" in str(s.morph) or any(c.dep_ == "conj" for c in s.children)
                       or s.lemma_.lower() in gatherings for s in subjects)
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _other_side(actors: ActorIndex, sent: ParsedSentence, side: str,
                current: tuple[str, ...], company: tuple[str, ...] = ()) -> list[str]:
    """"Les deux parties", "ils" with one side named and no main pair to fall
    back on: the other side is the host the sentence names ("l'ambassadeur
    norvégien à la fin de son séjour au Pérou"), else the partner of that side
    in the act told just before, else in the last meeting told (an act of
    three states may come between the call and "les deux parties")."""
    venues = {m.actor_id for m in actors.in_sentence(sent.index)
              if m.place and not m.dateline and m.kind == "state"} - {side}
    if len(venues) == 1:
        return sorted(venues)
    for pair in (current, company):
        if len(pair) == 2 and side in pair:
            return [c for c in pair if c != side]
    return []


def _cited_source(sent: ParsedSentence, m: Mention, prepositions: set[str]) -> bool:
    """"Selon le ministre malien, X, ...", "d'après ...": the phrase a source
    preposition opens names who reports, not who acts."""
    if m.token_start < 0 or not prepositions:
        return False
    token = sent.doc[m.token_start:max(m.token_end, m.token_start + 1)].root
    for _ in range(3):  # "burkinabè" -> "ministre"; "Barry" -> "ministre"
        if any(c.dep_ == "case" and _case_words(c) in prepositions for c in token.children):
            return True
        if token.dep_ not in ("amod", "nmod", "appos", "flat:name") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _case_words(case) -> str:
    """A preposition with the words fixed to it ("d'après"), lowercased, with
    one apostrophe, so a multiword source preposition is compared whole."""
    last = max([case.i] + [c.i for c in case.children if c.dep_ == "fixed"])
    return case.doc[case.i:last + 1].text.lower().replace("’", "'")


def _hosts_other_gathering(sent: ParsedSentence, m: Mention, head, gatherings) -> bool:
    """An organisation named as the host of a gathering other than the act
    ("une rencontre entre X et Y, en marge de la réunion de l'ASEAN") is where
    the act took place, not a side of it; of the gathering itself it is."""
    if m.kind != "igo" or m.token_start < 0:
        return False
    token = sent.doc[m.token_start:max(m.token_end, m.token_start + 1)].root
    for _ in range(4):  # up a chain of names: "réunion des ministres de l'ASEAN"
        if token.dep_ not in ("nmod", "appos", "flat:name", "obl", "obl:mod") \
                or token.head.i == token.i or token.head.i == head.i:
            return False
        token = token.head
        if token.lemma_.lower() in gatherings or token.lower_ in gatherings:
            return True
    return False


def _supplied(language: LanguageData, sent: ParsedSentence, m: Mention, head) -> bool:
    """"des sanctions contre les entreprises impliquées dans les ventes d'armes
    à Taiwan", "six entreprises, fournisseurs de la Russie": the state goods go
    to, in a transfer other than the act itself, is what the act is about; so
    is the state support goes to, told beside the act ("ils ont évoqué le
    soutien à l'Ukraine"), not given by the act or by a verb beside it ("a
    réaffirmé son soutien à X", "a annoncé une aide à X et promis ...")."""
    if m.kind != "state" or m.token_start < 0 or m.via == "adjective":
        return False
    discourse = language.discourse
    token = sent.doc[m.token_start:max(m.token_end, m.token_start + 1)].root
    cases = {c.lower_ for c in token.children if c.dep_ == "case"}
    if token.dep_ == "conj" and token.head.i != token.i:  # "à l'Ukraine et à la Moldavie"
        token = token.head
    for _ in range(3):  # "livraisons de missiles (présumées) à la Russie": up through the goods
        if token.dep_ not in ("nmod", "obl:mod", "obl", "amod") or token.head.i == token.i:
            return False
        token = token.head
        if token.i == head.i:
            return False
        lemma = token.lemma_.lower()
        if lemma in discourse.get("transfer_nouns", []):
            return bool(cases & set(discourse.get("recipient_cases", [])))
        if lemma in discourse.get("supplier_nouns", []):
            return bool(cases & set(discourse.get("supplied_cases", [])))
        if lemma in discourse.get("support_nouns", []):
            given = (token.head.i == head.i or token.dep_ == "obj") \
                and token.head.lemma_.lower() not in discourse.get("talk_verbs", [])
            return not given and bool(cases & set(discourse.get("support_cases", [])))
    return False


def party_of(actors: ActorIndex, m: Mention) -> str | None:
    if m.kind in ("state", "igo"):
        return m.actor_id
    if m.kind == "person":
        return actors.side_of(m.actor_id)
    return None


def subject_tokens(head) -> set[int]:
    """Token indices of the subject of the act (or of the verb governing it)."""
    out: set[int] = set()
    verb = head
    for _ in range(3):
        for child in verb.children:
            if child.dep_.startswith("nsubj"):
                out.update(t.i for t in child.subtree)
        if out or verb.head.i == verb.i:
            break
        verb = verb.head
    return out


def _organisation_subject(language: LanguageData, actors: ActorIndex, sent: ParsedSentence,
                          subject: set[int]) -> str | None:
    """"Le sommet a demandé", "l'organisation régionale a exigé", "le bloc a
    refusé": a definite gathering or body as the subject, naming no one,
    stands for the organisation named last (in this sentence or before)."""
    words = set(language.discourse.get("organisation_subjects", []))
    articles = language.words("definite_articles")
    roots = [sent.doc[i] for i in subject if sent.doc[i].dep_.startswith("nsubj")]
    if not any(r.lemma_.lower() in words and any(
            c.dep_ == "det" and c.lower_ in articles for c in r.children) for r in roots):
        return None
    named = [m for m in actors.mentions if m.kind == "igo" and not m.in_name and (
        m.sentence < sent.index or m.sentence == sent.index and m.token_start < min(subject))]
    if not named:
        return None
    return max(named, key=lambda m: (m.sentence, m.token_start)).actor_id


def _members_subject(language: LanguageData, sent: ParsedSentence, subject: set[int],
                     company: tuple[str, ...]) -> str | None:
    """"Les chefs de gouvernement ont convenu", "les chefs d'État ont annoncé":
    the members of the organisation of the last meeting told, as the act's
    subject, stand for that organisation (not for its host)."""
    if not subject:
        return None
    span = sent.doc[min(subject):max(subject) + 1].text.lower().replace("’", "'")
    if not any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", span)
               for p in language.discourse.get("member_groups", [])):
        return None
    met = [c for c in company if c.startswith("igo:")]
    return met[0] if len(met) == 1 else None


def _plural_pronoun(language: LanguageData, sent: ParsedSentence, subject: set[int]) -> bool:
    """Whether the act's subject is "ils" / "elles"."""
    plural = set(language.discourse["plural_pronouns"])
    return any(sent.doc[i].lower_ in plural for i in subject)


def _mentions_group(language: LanguageData, lowered: str) -> bool:
    """"Les ministres", "les trois pays": the sides already told, however many."""
    return any(p in lowered and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", lowered)
               for p in language.discourse["group_references"])


def _own_phrase(head) -> set[int]:
    """The tokens of the act's own phrase: its subtree without the acts
    coordinated with it ("ont condamné X et ont affirmé leur soutien à Y")."""
    out = {t.i for t in head.subtree}
    for child in head.children:
        if child.dep_ == "conj":
            out -= {t.i for t in child.subtree}
    return out


def _group_subject(language: LanguageData, sent: ParsedSentence, subject: set[int],
                   size: int) -> bool:
    """Whether the act's subject is a group of ``size`` already told: "les
    trois dirigeants", "les deux ministres" (not a pronoun; "les deux pays"
    is the article's pair, read elsewhere)."""
    if not subject:
        return False
    span = sent.doc[min(subject):max(subject) + 1]
    counts = {number_value(t.text) for t in span if t.dep_ == "nummod"} - {None}
    if counts and counts != {size}:
        return False
    words = span.text.lower().replace("’", "'")
    phrases = [*language.discourse["group_references"], *language.roles["pair_of_people"]]
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", words) for p in phrases)


def _mentions_both_sides(language: LanguageData, lowered: str) -> bool:
    return any(p in lowered and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", lowered)
               for p in language.discourse["both_sides"])


#: the key of sectors.yaml that lists names holding a keyword but no topic
NAMES = "names"


def _keyword_pattern(word: str) -> re.Pattern:
    """A keyword with its plural and feminine endings, as a whole word."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?:s|x|es|e|ne|nes)?(?!\w|-\w)", re.I)


class SectorReader:
    """Which sectors a sentence or a phrase names, by the keywords of the
    language (sectors.yaml), compiled once per language."""

    def __init__(self, language: LanguageData):
        #: (sector, keyword, pattern) for every keyword of the language; a
        #: keyword joined by a hyphen to a further word is another word
        #: ("porte-parole" is no port)
        self.patterns = [
            (sector, word, _keyword_pattern(word))
            for sector, words in language.sectors.items() if sector != NAMES
            for word in (str(w).lower() for w in words)]
        #: names of offices and bodies that hold a keyword but no topic
        self.names = [_keyword_pattern(str(w).lower())
                      for w in language.sectors.get(NAMES, [])]

    def in_sentence(self, sent: ParsedSentence) -> set[str]:
        """Sectors named in a sentence (a fresh set; read once per sentence)."""
        if sent.sectors is None:
            sent.sectors = frozenset(self._named(sent.sentence.text, sent.doc))
        return set(sent.sectors)

    def of_phrase(self, sent: ParsedSentence, head) -> set[str]:
        """Sectors named in the phrase an act word heads (its subtree): what a
        condemnation or a sanction is about, not what the rest of the sentence
        mentions on the way."""
        if not self.in_sentence(sent):
            return set()
        tokens = sorted(head.subtree, key=lambda t: t.i)
        span = sent.doc[tokens[0].i:tokens[-1].i + 1]
        return self._named(span.text, span)

    def _named(self, text: str, tokens) -> set[str]:
        """Sectors by keyword on the text, then on the lemmas of the words the
        text matched no keyword in. A keyword inside a longer keyword of another
        sector does not count: "sécurité de l'information" is cyber, "sécurité
        sociale" labour; nor does one inside a name (NAMES)."""
        text = text.lower().replace("’", "'")
        names = [m.span() for pattern in self.names for m in pattern.finditer(text)]
        text = _blank(text, names)
        found, told = self._hits(text)
        offset = tokens[0].idx if len(tokens) else 0
        lemmas = " ".join(t.lemma_.lower() for t in tokens
                          if not any(s <= t.idx - offset < e for s, e in names + told))
        return found | self._hits(lemmas)[0]

    def _hits(self, string: str) -> tuple[set[str], list[tuple[int, int]]]:
        """Sectors whose keywords a string holds, and the spans that told them."""
        hits = [(m.start(), m.end(), sector)
                for sector, word, pattern in self.patterns
                if word in string  # a cheap test first: most keywords are absent
                for m in pattern.finditer(string)]
        return ({sector for start, end, sector in hits
                 if not any(s <= start and end <= e and (e - s) > (end - start)
                            and other != sector for s, e, other in hits)},
                [(start, end) for start, end, _ in hits])


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the given spans blanked out (same length)."""
    if not spans:
        return text
    return "".join(" " if any(s <= i < e for s, e in spans) else c
                   for i, c in enumerate(text))


def date_in(times: list[TimeMention], sent: ParsedSentence, head=None,
            published: str | None = None,
            since_words: frozenset[str] = frozenset()) -> DateValue | None:
    """The date of an act: the dated expression in its sentence nearest to it."""
    here = [t for t in times if t.sentence == sent.index and t.value is not None
            and t.kind in ("date", "relative", "weekday", "month", "year")
            and not t.deadline and not _since(sent, t) and not _history(t, published)
            and not _apposed_to_since(sent, t, since_words)
            and not (t.kind in ("month", "year") and _of_fronted_noun(_token_of(sent, t), head))]
    if not here:
        return None
    rank = {"date": 0, "relative": 1, "weekday": 2, "month": 3, "year": 4}
    position = sent.start + head.idx if head is not None else sent.start
    clause = _clause_of(head)
    best = min(here, key=lambda t: (t.value.value is None,
                                    clause is not None and _clause_of(_token_of(sent, t)) != clause,
                                    rank[t.kind], abs(t.start - position)))
    return best.value


def _of_fronted_noun(token, head) -> bool:
    """"En réponse à l'arrestation en août dernier, la France a décidé
    d'expulser ...": a month or year that modifies a noun of a phrase fronted
    before the main verb, set off by a comma, dates that noun's event, not the act."""
    if token is None or head is None or token.head.i == token.i:
        return False
    noun = token.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i == head.i:
        return False
    root = token.sent.root
    phrase = next((a for a in [token, *token.ancestors] if a.head.i == root.i), None)
    if phrase is None or phrase.i == root.i or head.i in {t.i for t in phrase.subtree}:
        return False
    end = phrase.right_edge.i
    return end < root.i and end + 1 < len(token.doc) and token.doc[end + 1].text == ","


def _clause_of(token):
    """The verb whose clause holds a word (itself when it is one): a date in the
    act's own clause dates it before a fuller one told of another clause ("une
    réunion sera tenue au mois de septembre, a annoncé dimanche ...")."""
    if token is None:
        return None
    if token.pos_ in ("VERB", "AUX"):
        return token.i
    verb = _verb_of(token)
    return verb.i if verb is not None else None


def _history(t: TimeMention, published: str | None) -> bool:
    """A year well before the report, bare or with its month or day ("en 1965",
    "lors de sa dernière visite en avril 2005"), is background, not the act's date."""
    return t.kind in ("year", "month", "date") and bool(published) and t.year is not None \
        and t.year < int(published[:4]) - 1


def _since(sent: ParsedSentence, t: TimeMention) -> bool:
    """"depuis 1962" dates a state of affairs, not the act."""
    before = sent.sentence.text[:t.start - sent.start].rstrip().lower()
    return before.endswith(("depuis", "depuis l'année", "dès"))


def _apposed_to_since(sent: ParsedSentence, t: TimeMention, since_words: frozenset[str]) -> bool:
    """"depuis son entrée en fonction, en septembre 2024": a date set off by a
    comma right after a "since" phrase, with no verb between, dates the start
    of that phrase, not the act."""
    span = sent.doc.char_span(t.start - sent.start, t.end - sent.start, alignment_mode="expand")
    if span is None or not len(span) or not since_words:
        return False
    first = span.start
    while first > 0 and sent.doc[first - 1].pos_ in ("ADP", "DET"):
        first -= 1  # "en septembre", "le 3 mai"
    before = sent.doc[:first]
    if not len(before) or before[-1].text != ",":
        return False
    marker = next((w for w in reversed(before) if w.lower_ in since_words), None)
    return marker is not None and not any(
        w.pos_ in ("VERB", "AUX") for w in sent.doc[marker.i:first])


def location_in(actors: ActorIndex, sent: ParsedSentence) -> dict | None:
    for m in actors.in_sentence(sent.index):
        if m.place and m.kind == "state":
            return {"name": m.text, "country": m.actor_id}
    return None


# ------------------------------------------------------------------ modality

_MODIFIER_DEPS = {"aux", "aux:tense", "aux:pass", "advmod", "acl", "amod", "mark", "expl",
                  "expl:comp", "cop", "nmod"}


def cue_scope(head) -> list:
    """Tokens whose meaning can change the modality of the act at ``head``:
    the head, its auxiliaries and modifiers, and the verbs that govern it."""
    scope = [head, *(c for c in head.children if c.dep_ in _MODIFIER_DEPS)]
    token = head
    for _ in range(3):
        if token.head.i == token.i:
            break
        if token.dep_ not in ("xcomp", "ccomp", "obj", "obl:arg", "obl", "obl:mod", "nmod",
                              "nsubj", "nsubj:pass", "acl", "advcl", "conj", "csubj"):
            break
        token = token.head
        scope.append(token)
        scope.extend(c for c in token.children if c.dep_ in ("aux", "aux:tense", "aux:pass",
                                                              "advmod", "xcomp", "mark"))
    return scope


def modality(language: LanguageData, sent: ParsedSentence, head, default: str = "done") -> str:
    """done / ongoing / planned / failed for the act at ``head``."""
    cues = language.status
    scope = cue_scope(head)
    lemmas = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
    lo, hi = max(0, head.idx - 60), head.idx + len(head.text) + 90
    window = " " + _outside_relatives(sent.doc, head)[lo:hi].lower().replace("’", "'") + " "
    for status in ("failed", "ongoing", "planned"):
        table = cues[status]
        found = lemmas & set(table.get("lemmas", []))
        if status == "ongoing" and found == {head.lemma_.lower()} and head.pos_ == "NOUN" \
                and _future(head, scope, cues["planned"]):
            return "planned"  # "sera suivie de négociations": talks still to come
        if found:
            return status
        if any(_phrase_near(p, window) for p in table.get("phrases", [])):
            return status
        if status == "planned" and _future(head, scope, table):
            return status
    return default


def _future(head, scope: list, table: dict) -> bool:
    """Whether the act, or a verb governing it, is told in the future."""
    governors = {a.i for a in list(head.ancestors)[:3]}
    for token in scope:
        if token.i == head.i or token.dep_.startswith("aux") or token.i in governors:
            if future_form(token, table):
                return True
    return head.pos_ == "NOUN" and any(  # "la visite que le président effectuera"
        c.dep_ == "acl:relcl" and future_form(c, table) for c in head.children)


def _outside_relatives(doc, head) -> str:
    """The sentence with relative clauses that do not hold the act blanked out:
    "un accord, dont le projet est en cours de négociation" says nothing of
    the act "ils sont convenus"."""
    text = list(doc.text)
    for token in doc:
        if token.dep_ == "acl:relcl" and head not in token.subtree:
            sub = list(token.subtree)
            start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            text[start:end] = " " * (end - start)
    return "".join(text)


def _phrase_near(phrase: str, window: str) -> bool:
    return phrase in window and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", window) is not None
