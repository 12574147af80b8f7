"""Events: acts named by trigger words (lang/<code>/triggers.yaml), coded
with PLOVER type and mode, a status read from tense and cue words, the
parties taking part, sectors, date, place and evidence.

One real event is one record: mentions of the same meeting, visit or signing
across sentences are merged; "weak" triggers ("discuter") only add evidence
to an event already found.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import LanguageData, load_language
from ..nlp import load_pipeline
from ..parsed import ParsedDoc, ParsedSentence
from ..periods import first_day, last_day
from ..types import Agreement, DateValue, Event, Evidence, Quantity
from .actors import ActorIndex
from .agreements import DocumentMention
from .context import date_in, location_in, modality, participants, sectors_in
from .times import TimeMention

_PLOVER_CONTEXT = {"trade": "economic", "investment": "economic", "finance": "economic",
                   "agriculture": "economic", "industry": "economic", "defense": "military",
                   "health": "health", "cyber": "cyber", "diplomacy": "diplomatic",
                   "environment": "environment", "migration": "migration", "law": "legal",
                   "energy": "natural_resource", "science": "technology",
                   "space": "technology", "security": "military", "mining": "natural_resource",
                   "humanitarian": "humanitarian"}


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    status: str | None
    weak: bool
    needs: str | None
    not_with: str | None
    head: int  # index of the head token within the pattern
    size: int


@dataclass
class _Draft:
    trigger: Trigger
    sentence: ParsedSentence
    head: object
    type: str
    mode: str | None
    status: str
    parties: list[str]
    source: list[str]
    target: list[str]
    people: set[str]
    sectors: set[str]
    date: DateValue | None
    location: dict | None
    evidence: list[Evidence] = field(default_factory=list)
    weak: bool = False
    #: a back-reference ("cette visite", "l'offre"): evidence for an event, never one itself
    told_before: bool = False
    #: amounts stated in the draft's sentence (values), to tell two donations apart
    amounts: frozenset = frozenset()


# ------------------------------------------------------------- the matcher

def _token_spec(word: str) -> tuple[dict, bool]:
    head = word.startswith("^")
    word = word.lstrip("^")
    op = None
    if word[-1] in "?*+" and len(word) > 1:
        word, op = word[:-1], word[-1]
    if word.startswith("="):
        spec: dict = {"LOWER": word[1:]}
    elif word.isupper():
        spec = {"POS": word}
    elif "|" in word:
        spec = {"LEMMA": {"IN": word.split("|")}}
    else:
        spec = {"LEMMA": word}
    if op:
        spec["OP"] = op
    return spec, head


@lru_cache(maxsize=None)
def _matcher(code: str):
    from spacy.matcher import Matcher

    nlp = load_pipeline(code)
    matcher = Matcher(nlp.vocab)
    triggers: dict[str, Trigger] = {}
    for event_type, entries in load_language(code).triggers.items():
        for number, entry in enumerate(entries):
            specs, head = [], None
            for position, word in enumerate(entry["pattern"].split()):
                spec, is_head = _token_spec(word)
                specs.append(spec)
                if is_head:
                    head = position
            if head is None:
                head = max(i for i, s in enumerate(specs) if "LEMMA" in s or "LOWER" in s)
            key = f"{event_type}|{number}"
            triggers[key] = Trigger(event_type, entry.get("mode"), entry.get("status"),
                                    bool(entry.get("weak")), entry.get("needs"),
                                    entry.get("not_with"), head, len(specs))
            # lemmas of the head are also tried on the lowercase text, since the
            # lemmatizer sometimes leaves nouns unlemmatised
            variants = [specs, [_as_lower(s) for s in specs]]
            gerund = _as_gerund(specs[head])
            if gerund is not None:  # "en avertissant": the lemmatizer often misses gerunds
                variants.append([*specs[:head], gerund, *specs[head + 1:]])
            matcher.add(key, variants)
    return matcher, triggers


def _as_gerund(spec: dict) -> dict | None:
    lemma = spec.get("LEMMA")
    if not isinstance(lemma, str) or not lemma.endswith(("er", "ir", "re")) or len(lemma) < 6:
        return None
    stem = lemma[:-2]
    return {"LOWER": {"REGEX": rf"^{stem}(?:iss|ss|s)?ant$"}}


def _as_lower(spec: dict) -> dict:
    if isinstance(spec.get("LEMMA"), str):
        out = {"LOWER": spec["LEMMA"]}
        if "OP" in spec:
            out["OP"] = spec["OP"]
        return out
    return spec


def _triggers_in(sent: ParsedSentence, code: str, accept=lambda trigger, head: True):
    """(Trigger, head token) pairs, one per head token: among the patterns whose
    conditions hold, the longest wins."""
    matcher, triggers = _matcher(code)
    best: dict[int, tuple[int, Trigger, object]] = {}
    for match_id, start, end in matcher(sent.doc):
        trigger = triggers[sent.doc.vocab.strings[match_id]]
        span = sent.doc[start:end]
        head = _head_token(span, trigger)
        size = end - start
        if (head.i not in best or size > best[head.i][0]) and accept(trigger, head):
            best[head.i] = (size, trigger, head)
    return [(t, h) for _, t, h in sorted(best.values(), key=lambda x: x[2].i)]


def _head_token(span, trigger: Trigger):
    if len(span) == trigger.size:
        return span[trigger.head]
    lemmas = [t for t in span if t.pos_ not in ("AUX", "PRON", "ADP", "DET")]
    return lemmas[0] if lemmas else span.root


# --------------------------------------------------------------- conditions


def _meets(need: str | None, head, sent: ParsedSentence, actors: ActorIndex,
           quantities_here: bool, agreements_here: bool, lang: LanguageData) -> bool:
    if need is None:
        return True
    children = list(head.children)
    if need == "person_object":
        people = {m.token_start for m in actors.in_sentence(sent.index) if m.kind == "person"}
        for child in children:
            if child.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "nsubj:pass", "iobj",
                              "obl:agent"):
                for t in child.subtree:
                    if t.i in people or t.lower_ in lang.words("person_words"):
                        return True
        return _relative_person_object(head, sent, actors, lang)
    if need == "place_object":
        places = {m.token_start for m in actors.in_sentence(sent.index) if m.kind == "state"}
        ents = {t.i for e in sent.doc.ents if e.label_ == "LOC" for t in e}
        return any(t.i in places or t.i in ents for c in children for t in c.subtree
                   if c.dep_ not in ("nsubj", "nsubj:pass"))
    if need == "agreement_object":
        return agreements_here
    if need == "quantity_object":
        return quantities_here
    if need == "goods_object":
        return quantities_here or any(
            t.lemma_.lower() in lang.words("goods") for c in children if c.dep_ in ("obj", "obl:arg")
            for t in c.subtree)
    if need in ("clausal_object", "clausal_object_not_visit", "visit_complement"):
        clause = [c for c in children if c.dep_ in ("xcomp", "ccomp", "advcl")
                  or (c.pos_ == "VERB" and c.i > head.i)]
        clause += [t for c in children if c.dep_ in ("obj", "iobj", "obl:arg") for t in c.subtree
                   if "Inf" in t.morph.get("VerbForm")
                   and any(m.lower_ in lang.words("infinitive_markers") for m in t.children)]
        visit = any(t.lemma_ in lang.words("visit_verbs")
                    for c in clause for t in c.subtree)
        if need == "visit_complement":
            return visit or any(t.lemma_ in lang.words("visit_nouns") for c in children for t in c.subtree)
        return bool(clause) and not (need == "clausal_object_not_visit" and visit)
    if need == "imposed":
        # "a imposé des sanctions", not sanctions mentioned as background
        verbs = lang.words("imposing_verbs")
        return head.head.lemma_.lower() in verbs or any(
            a.lemma_.lower() in verbs for a in list(head.ancestors)[:2])
    if need == "partnership_object":
        return any(t.lemma_ in lang.words("partnership_nouns")
                   for c in children if c.dep_ == "obj" for t in c.subtree)
    if need == "thing_object":
        return any(c.dep_ == "obj" for c in children)
    if need == "possessive_or_expression":
        return any("Poss=Yes" in str(c.morph) or c.lower_ in lang.words("possessives")
                   for c in children) or head.head.lemma_ in lang.words("expression_verbs")
    if need == "no_object":
        return not any(c.dep_ == "obj" for c in children)
    if need == "private_subject":
        return _private_subject(head, lang)
    return True


def _relative_person_object(head, sent: ParsedSentence, actors: ActorIndex,
                            lang: LanguageData) -> bool:
    """"Désiré Kouamé Aka, que Chhem Vannak avait reçu mardi": the object is a
    relative pronoun right after a named person (read from the words, as the
    parser often misses this clause)."""
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    pronoun = min((t.i for c in subjects for t in c.subtree), default=head.i) - 1
    while pronoun > 0 and sent.doc[pronoun].pos_ == "PROPN":  # the subject's first names
        pronoun -= 1
    if pronoun < 1 or sent.doc[pronoun].lower_ not in lang.words("relative_object_pronouns"):
        return False
    return any(m.kind == "person" and pronoun - 3 <= m.token_end <= pronoun
               for m in actors.in_sentence(sent.index))


def _private_subject(head, lang: LanguageData) -> bool:
    """The act's doer is private people ("les ressortissants pourront séjourner",
    "permettra aux ressortissants de séjourner"), not a state or its officials."""
    doers = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    token = head
    for _ in range(3):  # up through "pourront entrer et séjourner", "permettra ... de séjourner"
        if token.dep_ not in ("xcomp", "ccomp", "obj", "obl:arg", "conj"):
            break
        path, token = token, token.head
        doers += [c for c in token.children
                  if c.dep_ in ("nsubj", "iobj", "obl:arg", "obj") and c.i != path.i]
    private = lang.words("private_persons")
    doers += [a for a in list(head.ancestors)[:3] if a.pos_ == "NOUN"]  # parsed as "pays de séjourner"
    return any(t.lemma_.lower() in private for d in doers for t in [d, *d.children]
               if t.pos_ == "NOUN")


# ----------------------------------------------------------------- stage

def find_events(parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention],
                quantities: list[Quantity], agreements: list[Agreement],
                documents: list[DocumentMention], models=None) -> list[Event]:
    """Drafts from trigger words, revised by the learned models when given
    (who the parties are, whether the draft is an act at all), then merged."""
    drafts = draft_events(parsed, actors, times, quantities, documents)
    if models is not None:
        drafts = models.revise(parsed, actors, drafts)
    return finish_events(parsed, actors, times, drafts, agreements)


def draft_events(parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention],
                 quantities: list[Quantity], documents: list[DocumentMention]) -> list[_Draft]:
    """One draft per act word, before any merging: the rules' reading."""
    code = parsed.language.code
    lang = parsed.language
    q_sentences = {ev.start for q in quantities for ev in q.evidence}
    amounts_by_sentence: dict[int, frozenset] = {}
    for q in quantities:
        for ev in q.evidence:
            amounts_by_sentence[ev.start] = amounts_by_sentence.get(ev.start, frozenset()) | {
                (q.value, q.unit)}
    a_sentences = {m.sentence.start for m in documents}
    bare_documents = {(m.sentence.start, m.head.i) for m in documents if m.bare}
    drafts: list[_Draft] = []
    current: tuple[str, ...] = ()  # the parties of the act told last, before this sentence
    for sent in parsed.readable():
        told = [d for d in drafts if len(d.parties) >= 2]
        if told:
            current = tuple(told[-1].parties)
        has_quantity, has_document = sent.start in q_sentences, sent.start in a_sentences

        def accept(t: Trigger, h, sent=sent, q=has_quantity, a=has_document) -> bool:
            return _meets(t.needs, h, sent, actors, q, a, lang) and not (
                t.not_with and _meets(t.not_with, h, sent, actors, q, a, lang))

        found = _triggers_in(sent, code, accept)
        for trigger, head in _outermost(found, lang):
            if _hypothetical(head, lang):
                continue  # "si l'achat se concrétise": a condition, not an act
            if _negated(head, lang) and trigger.type not in ("REJECT",):
                if trigger.type not in ("CONSULT", "AGREE", "AID", "COOPERATE"):
                    continue  # "n'a pas condamné": no accusation to record
                status = "failed"
            else:
                mood = modality(parsed.language, sent, head)
                status = "failed" if mood == "failed" and trigger.status in (
                    "proposed", "requested") else trigger.status or mood
            mode = trigger.mode
            if trigger.type == "CONSULT" and mode is None \
                    and head.lemma_.lower() in lang.words("visit_nouns"):
                mode = "visit"  # "la visite présidentielle" is a visit, whatever the trigger
            reference = _back_reference(head, trigger, lang)
            told_before = reference == "told" or (
                trigger.type == "CONSULT" and _meeting_as_agent(head, lang))
            weak = trigger.weak or told_before or reference == "likely" or (
                trigger.mode in ("sign", "agree")
                and _signs_named_document(head, sent, bare_documents, lang))
            who = participants(parsed, actors, sent, head, current=current)
            if trigger.type == "CONSULT" and len(who.parties) < 2 and not any(
                    p.startswith("igo:") for p in who.parties):
                # "a reçu à Alger ...": the venue is the host when no one else is named
                who = participants(parsed, actors, sent, head, include_places=True)
            parties = who.parties
            if trigger.type == "CONSULT" and len(parties) == 1 and len(actors.dyad) == 2 \
                    and parties[0] in actors.dyad and mode != "multilateral":
                parties = sorted(actors.dyad)
            if any(p.startswith("igo:") for p in parties) and trigger.type == "CONSULT" \
                    and mode in ("meeting", None):
                mode = "multilateral"
            people = set(who.people) - _attendees(actors, sent, lang)
            sectors = sectors_in(parsed.language, sent)
            date = date_in(times, sent, head, parsed.document.published)
            for sides in _one_per_counterpart(trigger, mode, parties, who, actors, sent, lang):
                drafts.append(_Draft(
                    trigger=trigger, sentence=sent, head=head, type=trigger.type, mode=mode,
                    status=status, parties=sides,
                    source=[s for s in who.source if s in sides],
                    target=[t for t in who.target if t in sides],
                    people=_people_of(people, sides, actors) if sides != parties else set(people),
                    sectors=set(sectors), date=date, location=location_in(actors, sent),
                    evidence=[Evidence(sent.start, sent.end, sent.sentence.text)],
                    weak=weak, told_before=told_before,
                    amounts=amounts_by_sentence.get(sent.start, frozenset())))
    return drafts


def finish_events(parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention],
                  drafts: list[_Draft], agreements: list[Agreement]) -> list[Event]:
    """Drafts merged into one event per real event, with their final attributes."""
    lang = parsed.language
    drafts = [d for d in drafts if d.parties]  # no state or organisation acts: not codable
    country_of = {a.id: a.country for a in actors.actors.values() if a.kind == "person"}
    merged = _merge(drafts, parsed.document.published, country_of, lang)
    _finish(merged, _lead_date(parsed, times))
    return [_to_event(i, d, agreements) for i, d in enumerate(merged, start=1)]


def _one_per_counterpart(trigger: Trigger, mode: str | None, parties: list[str], who,
                         actors: ActorIndex, sent: ParsedSentence,
                         lang: LanguageData) -> list[list[str]]:
    """"X s'est entretenu avec ses homologues japonais et iranien": meetings
    with several counterparts named side by side are one meeting each, unless
    the act itself is one gathering (a summit, a trilateral meeting)."""
    if trigger.type != "CONSULT" or mode == "multilateral" or len(who.source) != 1 \
            or any(p.startswith("igo:") for p in parties) \
            or any(t.lemma_.lower() in lang.words("gathering_words") for t in sent.doc):
        return [parties]
    targets = [t for t in who.target if t in parties]
    if len(targets) < 2 or not _coordinated(targets, actors, sent):
        return [parties]
    return [sorted([who.source[0], t]) for t in targets]


def _coordinated(states: list[str], actors: ActorIndex, sent: ParsedSentence) -> bool:
    """Whether the states are named in one coordination (conjuncts of each other)."""
    roots = {}
    for m in actors.in_sentence(sent.index):
        if m.token_start >= 0 and not m.place and not m.topic:
            state = m.actor_id if m.kind in ("state", "igo") else actors.country_of(m.actor_id)
            if state in states:
                roots.setdefault(state, sent.doc[m.token_start:max(m.token_end, m.token_start + 1)].root)
    if len(roots) < len(states):
        return False

    def top(token):
        for _ in range(2):  # "homologues japonais et iranien", "le président X et le roi Y"
            while token.dep_ == "conj":
                token = token.head
            token = _noun_of(token)
        return token.i

    # conjuncts share the first conjunct as their top
    tops = {top(token) for token in roots.values()}
    return len(tops) < len(roots)


def _noun_of(token):
    """The noun a state's word hangs on ("japonais" -> "homologues")."""
    return token.head if token.dep_ in ("amod", "nmod", "flat:name") and token.head.pos_ in (
        "NOUN", "PROPN") else token


def _people_of(people: set[str], sides: list[str], actors: ActorIndex) -> set[str]:
    """The people of one side-by-side meeting: those of its two states."""
    return {p for p in people if actors.country_of(p) in sides}


_CONTENT_GOVERNORS = {"REQUEST", "AGREE", "SUPPORT", "ACCUSE", "REJECT", "THREATEN"}


def _outermost(found: list, lang: LanguageData) -> list:
    """Acts inside the content of another act are that act's content, not
    events of their own: "a demandé à la Russie de *soutenir*", "ont convenu
    de renforcer la *coordination*", "s'est rendu ... pour *inspecter*"."""
    heads = {head.i: trigger for trigger, head in found}
    kept = []
    for trigger, head in found:
        if _is_background_participle(trigger, head) or _is_background(head, lang):
            continue
        ancestor = _governing_trigger(head, heads, lang)
        if ancestor is not None and not trigger.weak and _is_content(
                heads[ancestor.i], trigger, purpose=_reached_by_purpose(head, ancestor, lang)):
            continue
        kept.append((trigger, head))
    return kept


_CONTENT_DEPS = {"xcomp", "ccomp", "obj", "obl:arg", "csubj", "iobj", "nsubj:pass", "conj"}


def _is_content(outer: Trigger, inner: Trigger, purpose: bool = False) -> bool:
    """Whether the inner act is only what the outer one is about. Asking for
    or agreeing to anything makes it content; praising or condemning a
    meeting does not make the meeting less real."""
    if purpose or outer.type in ("REQUEST", "AGREE") or outer.type == inner.type \
            or outer.mode == "visit":
        return True
    return outer.type in _CONTENT_GOVERNORS and inner.type != "CONSULT"


def _governing_trigger(head, heads: dict, lang: LanguageData):
    """The nearest non-weak trigger whose content (complement, object or
    purpose clause — not its subject or a circumstance like "lors d'une
    réunion") holds ``head``."""
    token = head
    while token.head.i != token.i:
        child, token = token, token.head
        if token.i in heads and not heads[token.i].weak:
            return token if child.dep_ in _CONTENT_DEPS or _purpose(child, lang) else None
    return None


def _reached_by_purpose(head, ancestor, lang: LanguageData) -> bool:
    token = head
    while token.head.i != ancestor.i and token.head.i != token.i:
        token = token.head
    return _purpose(token, lang)


def _purpose(token, lang: LanguageData) -> bool:
    """"se retrouveront ... pour adopter le plan": the aim of an act is its content."""
    return token.dep_ in ("advcl", "obl:mod", "acl") and any(
        c.lower_ in lang.words("purpose_markers") for c in token.children if c.dep_ in ("mark", "case"))


def _is_background(head, lang: LanguageData) -> bool:
    """"depuis l'établissement des relations": history, not news."""
    return any(c.lower_ in lang.words("since_markers") for c in head.children if c.dep_ == "case")


def _is_background_participle(trigger: Trigger, head) -> bool:
    """"le plan convenu": a participle describing a thing, not an act."""
    return trigger.type == "AGREE" and head.dep_ in ("acl", "amod") and \
        "Part" in head.morph.get("VerbForm") and not any(
            c.dep_.startswith("aux") for c in head.children)


def _back_reference(head, trigger: Trigger, lang: LanguageData) -> str | None:
    """How surely a noun refers back to an act already told: "told" for
    "cette visite" or "a accueilli l'offre" (evidence only), "likely" for
    "lors de ses entretiens" or "à l'issue de l'entretien" (evidence for a
    meeting already found, else the meeting itself)."""
    if head.pos_ != "NOUN" or trigger.mode == "sign":
        return None
    dets = {c.lower_ for c in head.children if c.dep_ == "det"}
    definite = lang.words("definite_articles")
    if dets & lang.words("demonstratives"):
        return "told"
    if trigger.type in ("AGREE", "REQUEST") and dets & definite \
            and head.dep_ in ("obj", "nsubj", "nsubj:pass", "conj"):
        return "told"
    if trigger.type == "CONSULT":
        around = {t.lower_ for t in head.doc[max(0, head.i - 4):head.i]}
        if dets & lang.words("possessives") or (
                dets & definite and around & lang.words("circumstance_words")):
            return "likely"
    return None


def _signs_named_document(head, sent: ParsedSentence, bare: set, lang: LanguageData) -> bool:
    """"L'accord a été signé par ...": the signing of a document the article has
    already named, told again (evidence for that signing, else the signing itself)."""
    for child in head.children:
        if child.dep_ in ("nsubj:pass", "obj", "nsubj") and (sent.start, child.i) in bare:
            dets = {c.lower_ for c in child.children if c.dep_ == "det"}
            if dets & (lang.words("definite_articles") | lang.words("demonstratives")):
                return True
    return False


def _meeting_as_agent(head, lang: LanguageData) -> bool:
    """"Le sommet a adopté ...": the meeting already reported, now acting
    (but "le prochain sommet se tiendra" and "la visite a été reportée" are
    about the meeting itself)."""
    if head.pos_ != "NOUN" or not head.dep_.startswith("nsubj"):
        return False
    if head.head.lemma_.lower() in lang.words("happening_verbs") or any(
            c.lower_ in lang.words("fresh_words") for c in head.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in lang.words("definite_articles")
               for c in head.children)


def _hypothetical(head, lang: LanguageData) -> bool:
    """An act inside a "si" clause is a condition."""
    token = head
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in lang.words("condition_markers")
               for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _negated(head, lang: LanguageData) -> bool:
    negations = lang.words("negations")
    return any(c.lower_ in negations for c in head.children) or any(
        c.lower_ in negations for c in head.head.children if head.dep_ == "xcomp")


def _merge_key(d: _Draft) -> tuple | None:
    """Drafts with the same key across the article are one real event."""
    parties = tuple(d.parties)
    if d.type == "CONSULT":
        if d.mode == "phone":
            return ("CONSULT", "phone", d.status, parties)
        if d.mode == "multilateral":
            return ("CONSULT", "multilateral", parties)
        if d.status == "done" or d.weak:
            return ("CONSULT", "meeting", "done", parties)
        return ("CONSULT", "visit", "planned", parties)
    if d.type == "AGREE" and d.mode == "sign" and d.status == "done":
        return ("AGREE", "sign", "done", parties)
    if d.type == "AID":
        return ("AID", parties)  # a donation and its delivery are one event
    if d.type == "SANCTION":
        return ("SANCTION", d.status, parties)  # one expulsion told twice; dates keep two apart
    if d.type in ("ACCUSE", "PROTEST"):
        # a summons and the protest note handed over in the next sentence
        return (d.type, d.status, parties, d.sentence.paragraph)
    return None


def _attendees(actors: ActorIndex, sent: ParsedSentence, lang: LanguageData) -> set[str]:
    """People only "en présence de" a meeting are not its counterparts."""
    out = set()
    for m in actors.in_sentence(sent.index):
        if m.kind == "person" and m.token_start >= 0:
            before = sent.doc[max(0, m.token_start - 25):m.token_start].text.lower()
            if any(phrase in before for phrase in lang.words("attendance_phrases")):
                out.add(m.actor_id)
    return out


def _same_counterparts(a: _Draft, b: _Draft, country_of: dict[str, str | None]) -> bool:
    """Meetings with different people of one side are different meetings
    (the president, then the prime minister)."""
    if a.type != "CONSULT":
        return True
    sides_a, sides_b = {}, {}
    for people, sides in ((a.people, sides_a), (b.people, sides_b)):
        for person in people:
            sides.setdefault(country_of.get(person), set()).add(person)
    return all(sides_a[c] & sides_b[c] for c in sides_a.keys() & sides_b.keys() if c)


def _same_amounts(a: _Draft, b: _Draft) -> bool:
    """Two sentences stating different amounts report two different gifts."""
    return not (a.amounts and b.amounts and not a.amounts & b.amounts)


def _lead_date(parsed: ParsedDoc, times: list[TimeMention]) -> DateValue | None:
    """The day the news happened: a date in the first two sentences, else the
    publication day when metadata or the text gives it."""
    lead = {s.index for s in parsed.readable()[:2]}
    for t in times:
        if t.sentence in lead and t.kind in ("date", "relative", "weekday") and t.value \
                and t.value.value and len(t.value.value) == 10:
            published = parsed.document.published
            if not published or t.value.value <= published:
                return t.value
    published = parsed.document.published
    if published and len(published) == 10:
        return DateValue(published, "day", "")
    return None


def _on_day(d: _Draft, published: str | None) -> bool:
    """The act is dated to the day of the report (an undated act is not)."""
    if d.date is None or d.date.value is None:
        return False
    if not published:
        return True
    n = min(len(d.date.value), len(published))
    return d.date.value[:n] == published[:n]


def _merge(drafts: list[_Draft], published: str | None,
           country_of: dict[str, str | None], lang: LanguageData) -> list[_Draft]:
    out: list[_Draft] = []
    by_key: dict[tuple, _Draft] = {}
    weak: list[_Draft] = []
    for d in drafts:
        same_sentence = next((o for o in out if o.sentence is d.sentence and o.type == d.type
                              and o.parties == d.parties and _compatible(o, d)), None)
        if same_sentence is not None:
            _absorb(same_sentence, d)
            continue
        if d.weak:
            weak.append(d)
            continue
        if d.trigger.mode == "accept" and any(
                t.lemma_.lower() in lang.words("invitation_nouns") for t in d.sentence.doc):
            invited = next((o for o in out if o.type == "CONSULT" and o.status == "planned"), None)
            if invited is not None:
                _absorb(invited, d)
                continue
        key = _merge_key(d)
        if key is not None and key in by_key and _same_amounts(by_key[key], d) and (
                d.type == "AID" or _dates_agree(by_key[key], d)) \
                and _same_counterparts(by_key[key], d, country_of):
            _absorb(by_key[key], d)
            continue
        wider = _wider_mention(by_key, key, d)
        if wider is not None:
            _absorb(wider, d)
            continue
        out.append(d)
        if key is not None:
            by_key.setdefault(key, d)
    for d in weak:
        hosts = [o for o in out if o.type == d.type and o.parties == d.parties
                 and (o.status == "done" or d.type != "CONSULT")
                 and not _modes_clash(o.mode, d.mode)]
        host = min(hosts, key=lambda o: (not _on_day(o, published), -len(o.evidence)),
                   default=None)
        if host is None:
            host = next((o for o in out if o.type == d.type and set(d.parties) <= set(o.parties)
                         and o.status == "done" and not _modes_clash(o.mode, d.mode)), None)
        if host is None and d.type == "CONSULT":  # "cette visite": whatever its status
            host = next((o for o in out if o.type == d.type and not _modes_clash(o.mode, d.mode)
                         and set(d.parties) <= set(o.parties)), None)
        if host is not None:
            _absorb(host, d)
        elif d.type in ("CONSULT", "AGREE") and not d.told_before and not any(
                o.type == d.type and o.status == d.status for o in out):
            # "au terme d'une séance de travail": the only meeting told as done
            d.weak = False
            out.append(d)
    return out


def _wider_mention(by_key: dict, key: tuple | None, d: _Draft) -> _Draft | None:
    """"cette conversation téléphonique" naming one more state (a topic) is
    still the same call: a later mention whose parties include an earlier
    event's parties is that event."""
    if key is None or d.type != "CONSULT":
        return None
    for other_key, host in by_key.items():
        if other_key[:-1] != key[:-1] or not _dates_agree(host, d):
            continue
        if set(host.parties) < set(d.parties) and len(host.parties) >= 2 and d.type == "CONSULT":
            return host
        if set(d.parties) < set(host.parties):  # "à l'issue de l'entretien", one side named
            if len(d.parties) >= 2:
                # the narrower mention names the sides; the extra state was a topic
                host.parties, host.source, host.target = d.parties, d.source, d.target
            return host
    return None


def _compatible(a: _Draft, b: _Draft) -> bool:
    """Two acts of one sentence are one event when they agree; one sentence
    rarely reports two different meetings between the same sides."""
    return a.weak == b.weak and (a.status == b.status or a.type == "CONSULT")


def _dates_agree(a: _Draft, b: _Draft) -> bool:
    """Undated, or the days the two dates may mean overlap (a signing on the 6th
    and "the visit from the 5th to the 7th")."""
    if a.date is None or b.date is None or a.date.value is None or b.date.value is None:
        return True
    return first_day(a.date.value) <= last_day(b.date.end or b.date.value) \
        and first_day(b.date.value) <= last_day(a.date.end or a.date.value)


_MODE_RANK = {"visit": 0, "phone": 1, "multilateral": 2, "meeting": 3, "press_conference": 4}


def _modes_clash(a: str | None, b: str | None) -> bool:
    """A phone call is never a visit: "la visite" does not refer back to a call,
    and a call mentioned with a visit stays a call ("meeting" is generic)."""
    return {a, b} == {"phone", "visit"}


def _absorb(host: _Draft, other: _Draft) -> None:
    for ev in other.evidence:
        if ev not in host.evidence:
            host.evidence.append(ev)
    host.people |= other.people
    host.amounts |= other.amounts
    host.sectors |= other.sectors
    if host.date is None or (host.date.value is None and other.date is not None):
        host.date = other.date or host.date
    host.location = host.location or other.location
    if host.type == other.type and other.mode and not _modes_clash(host.mode, other.mode) and (
            host.mode is None or _MODE_RANK.get(other.mode, 9) < _MODE_RANK.get(host.mode, 9)):
        host.mode = other.mode
    host.evidence.sort(key=lambda e: e.start)


def _finish(drafts: list[_Draft], lead_date: DateValue | None = None) -> None:
    """Modes that depend on the merged event, the sectors of a meeting (what
    its two sides discussed across the article), and the date of acts the
    article reports as done without dating them: the date of its lead."""
    for d in drafts:
        if (d.date is None or d.date.value is None) and d.status in ("done", "ongoing") \
                and lead_date is not None:
            d.date = lead_date
    for d in drafts:
        if d.type == "CONSULT" and any(p.startswith("igo:") for p in d.parties) and \
                d.mode in ("meeting", "visit", None):
            d.mode = "multilateral"
    main: dict[tuple, _Draft] = {}
    for d in drafts:
        if d.type == "CONSULT" and d.status == "done" and d.mode != "multilateral":
            key = tuple(d.parties)
            if key not in main or len(d.evidence) > len(main[key].evidence):
                main[key] = d
    for d in main.values():
        for other in drafts:
            if other is not d and other.parties == d.parties:
                d.sectors |= other.sectors


def _plover(d: _Draft) -> dict:
    event = d.type
    if d.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID") and d.status in ("planned", "proposed"):
        event = "AGREE"
    elif d.type == "AGREE" and d.mode == "sign" and d.status in ("done", "ongoing"):
        event = "SUPPORT"
    context = sorted({_PLOVER_CONTEXT[s] for s in d.sectors if s in _PLOVER_CONTEXT})
    return {"event": event, "mode": d.mode, "context": context}


def _to_event(number: int, d: _Draft, agreements: list[Agreement]) -> Event:
    linked = None
    if d.type == "AGREE":
        starts = {e.start for e in d.evidence}
        linked = next((a.id for a in agreements if any(e.start in starts for e in a.evidence)),
                      None)
    confidence = 0.5 if d.weak else 0.8
    if len(d.evidence) > 1:
        confidence = min(0.95, confidence + 0.05 * (len(d.evidence) - 1))
    return Event(
        id=f"e{number}", type=d.type, mode=d.mode, status=d.status,
        source=d.source if set(d.source) <= set(d.parties) else d.parties,
        target=[t for t in d.target if t in d.parties], parties=d.parties,
        people=sorted(d.people), sectors=sorted(d.sectors), date=d.date,
        location=d.location, agreement=linked, evidence=d.evidence,
        plover=_plover(d), confidence=round(confidence, 2))
