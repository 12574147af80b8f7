"""Events: acts named by trigger words (lang/<code>/triggers.yaml), coded
with PLOVER type and mode, a status read from tense and cue words, the
parties taking part, sectors, date, place and evidence.

Trigger words are read in ``triggers.py``, drafts merged into one event per
real event in ``merging.py``; this module drafts the acts and shapes the
final events.
"""
from __future__ import annotations

from ..lang import LanguageData
from ..parsed import ParsedDoc, ParsedSentence
from ..types import Agreement, Event, Evidence, Quantity
from .actors import ActorIndex
from .agreements import DocumentMention
from .context import (date_in, location_in, modality, participants, sectors_in,
                      sectors_of_phrase)
from .drafts import Draft
from .merging import SameEvent, coalesce, finish_drafts, lead_date, merge_drafts
from .quantities import number_value
from .times import TimeMention
from .triggers import (Trigger, back_reference, hypothetical, meeting_as_agent, meets, negated,
                       outermost, signs_named_document, stated_by_document, triggers_in)

_PLOVER_CONTEXT = {"trade": "economic", "investment": "economic", "finance": "economic",
                   "agriculture": "economic", "industry": "economic", "defense": "military",
                   "health": "health", "cyber": "cyber", "diplomacy": "diplomatic",
                   "environment": "environment", "migration": "migration", "law": "legal",
                   "energy": "natural_resource", "science": "technology",
                   "space": "technology", "security": "military", "mining": "natural_resource",
                   "humanitarian": "humanitarian"}

#: acts whose whole sentence tells what they cover (a meeting, a signing, a
#: gift); other acts (a condemnation, a sanction, support) cover only what
#: their own phrase names
_SECTORS_OF_SENTENCE = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "REQUEST"})


def find_events(parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention],
                quantities: list[Quantity], agreements: list[Agreement],
                documents: list[DocumentMention], models=None) -> list[Event]:
    """Drafts from trigger words, revised by the learned models when given
    (who the parties are, whether the draft is an act at all), then merged."""
    drafts = draft_events(parsed, actors, times, quantities, documents)
    if models is not None:
        drafts = models.revise(parsed, actors, drafts)
    same = models.same_event if models is not None and models.same is not None else None
    return finish_events(parsed, actors, times, drafts, agreements, same)


def draft_events(parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention],
                 quantities: list[Quantity], documents: list[DocumentMention]) -> list[Draft]:
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
    drafts: list[Draft] = []
    current: tuple[str, ...] = ()  # the parties of the act told last, before this sentence
    for sent in parsed.readable():
        told = [d for d in drafts if len(d.parties) >= 2]
        if told:
            current = tuple(told[-1].parties)
        has_quantity, has_document = sent.start in q_sentences, sent.start in a_sentences

        def accept(t: Trigger, h, sent=sent, q=has_quantity, a=has_document) -> bool:
            return meets(t.needs, h, sent, actors, q, a, lang) and not (
                t.not_with and meets(t.not_with, h, sent, actors, q, a, lang))

        found = triggers_in(sent, code, accept)
        acts = outermost(found, lang)
        visit_heads = sorted(h.i for t, h in acts if t.type == "CONSULT")
        for trigger, head in acts:
            if hypothetical(head, lang):
                continue  # "si l'achat se concrétise": a condition, not an act
            if negated(head, lang) and trigger.type not in ("REJECT",):
                if trigger.type not in ("CONSULT", "AGREE", "AID", "COOPERATE"):
                    continue  # "n'a pas condamné": no accusation to record
                status = "failed"
            else:
                mood = modality(parsed.language, sent, head)
                status = "failed" if mood == "failed" and trigger.status in (
                    "proposed", "requested") else trigger.status or mood
            if status == "done" and _told_as_later(head, lang):
                status = "planned"  # "avant de se rendre en Tanzanie": the next leg
            mode = trigger.mode
            kind = _threat_or(trigger.type, head, lang)
            if trigger.type == "CONSULT" and mode is None \
                    and head.lemma_.lower() in lang.words("visit_nouns"):
                mode = "visit"  # "la visite présidentielle" is a visit, whatever the trigger
            reference = back_reference(head, trigger, lang)
            told_before = reference == "told" or stated_by_document(head, lang) or (
                trigger.type == "CONSULT" and meeting_as_agent(head, lang))
            weak = trigger.weak or told_before or reference == "likely" or (
                trigger.mode in ("sign", "agree")
                and signs_named_document(head, sent, bare_documents, lang))
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
            elif mode == "multilateral" and len(parties) == 2:
                mode = "meeting"  # "un sommet bilatéral": a gathering of two is a meeting
            people = set(who.people) - _attendees(actors, sent, lang)
            sectors = sectors_in(parsed.language, sent) if trigger.type in _SECTORS_OF_SENTENCE \
                else sectors_of_phrase(parsed.language, sent, head)
            date = date_in(times, sent, head, parsed.document.published)
            visitor = _visitor_and_stops(trigger, mode, who, actors, sent, head, visit_heads,
                                         lang, drafts)
            per_stop = [sorted([visitor[0], stop]) for stop in visitor[1]] if visitor else []
            for sides in per_stop or _one_per_counterpart(trigger, mode, parties, who, actors,
                                                          sent, head, lang):
                drafts.append(Draft(
                    trigger=trigger, sentence=sent, head=head, type=kind, mode=mode,
                    status=status, parties=sides,
                    source=[visitor[0]] if per_stop else [s for s in who.source if s in sides],
                    target=[t for t in sides if t != visitor[0]] if per_stop
                    else [t for t in who.target if t in sides],
                    people=_people_of(people, sides, actors) if sides != parties else set(people),
                    sectors=set(sectors), date=date, location=location_in(actors, sent),
                    evidence=[Evidence(sent.start, sent.end, sent.sentence.text)],
                    weak=weak and not _new_leg(sides, per_stop, drafts), told_before=told_before,
                    amounts=amounts_by_sentence.get(sent.start, frozenset())))
    return drafts


def _told_as_later(head, lang: LanguageData) -> bool:
    """"avant de se rendre en Tanzanie": an act told as coming after another
    one has not happened yet."""
    return "Inf" in head.morph.get("VerbForm") and any(
        c.dep_ in ("mark", "case", "advmod") and c.lower_ in lang.words("later_markers")
        for c in head.children)


def _threat_or(event_type: str, head, lang: LanguageData) -> str:
    """"envisageait de retirer son ambassadeur", "sont prêtes à prendre des
    mesures de rétorsion": a sanction only weighed or held out is a threat."""
    if event_type.lower() not in lang.words("threatened_acts"):
        return event_type
    cues = lang.words("threat_cues")
    return "THREATEN" if any(t.lemma_.lower() in cues or t.lower_ in cues
                             for t in _governing_verbs(head)) else event_type


def _governing_verbs(head) -> list:
    """The verbs (and their modifiers) an act is the complement of: "envisage
    de *retirer*", "prêtes à prendre des *mesures*" — not a noun it qualifies
    ("la décision d'*expulser*" stops at "décision")."""
    out, token = [], head
    for _ in range(3):
        infinitive_conjunct = token.dep_ == "conj" and "Inf" in token.morph.get("VerbForm")
        if token.dep_ not in ("xcomp", "ccomp", "obj") and not infinitive_conjunct \
                or token.head.i == token.i:
            break
        token = token.head
        out += [token, *(c for c in token.children if c.dep_ in ("aux", "aux:tense", "advmod", "cop"))]
    return out


def finish_events(parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention],
                  drafts: list[Draft], agreements: list[Agreement],
                  same: SameEvent | None = None) -> list[Event]:
    """Drafts merged into one event per real event, with their final attributes;
    ``same`` (the learned same-event judge) may join events the rules kept apart."""
    lang = parsed.language
    merged = merged_drafts(parsed, actors, drafts)
    if same is not None:
        merged = coalesce(merged, same)
    finish_drafts(merged, lead_date(parsed, times),
                  {s.start: sectors_in(lang, s) for s in parsed.readable()})
    return [_to_event(i, d, agreements) for i, d in enumerate(merged, start=1)]


def merged_drafts(parsed: ParsedDoc, actors: ActorIndex, drafts: list[Draft]) -> list[Draft]:
    """The rules' merge: one draft per real event (the drafts are absorbed)."""
    drafts = [d for d in drafts if d.parties]  # no state or organisation acts: not codable
    people = {a.id: a for a in actors.actors.values() if a.kind == "person"}
    return merge_drafts(drafts, parsed.document.published, people, parsed.language)


def _one_per_counterpart(trigger: Trigger, mode: str | None, parties: list[str], who,
                         actors: ActorIndex, sent: ParsedSentence, head,
                         lang: LanguageData) -> list[list[str]]:
    """"X s'est entretenu avec ses homologues japonais et iranien": meetings
    with several counterparts named side by side are one meeting each, unless
    the act itself is one gathering (a summit, a trilateral meeting); "deux
    entretiens avec A et B", as many acts as counterparts, is one each anyway."""
    targets = [t for t in who.target if t in parties]
    if trigger.type != "CONSULT" or len(who.source) != 1 or len(targets) < 2 \
            or any(p.startswith("igo:") for p in parties):
        return [parties]
    if _count_of(head) != len(targets) and (
            mode == "multilateral" or not _coordinated(targets, actors, sent)
            or any(t.lemma_.lower() in lang.words("gathering_words") for t in sent.doc)):
        return [parties]
    return [sorted([who.source[0], t]) for t in targets]


def _visitor_and_stops(trigger: Trigger, mode: str | None, who, actors: ActorIndex,
                       sent: ParsedSentence, head, visit_heads: list[int],
                       lang: LanguageData, drafts: list[Draft]) -> tuple[str, list[str]] | None:
    """"M. Xi se rendra ensuite en République du Congo", "une visite au
    Kazakhstan et en Ouzbékistan": a visit goes from the visitor's state to
    each state it names as a stop, one visit per stop (a tour is one visit
    per host); None when the visitor or the stops are not plain. A sentence
    naming only places ("avant de se rendre en Tanzanie") goes on with the
    one who last met someone."""
    if trigger.type != "CONSULT" or mode != "visit" \
            or any(p.startswith("igo:") for p in who.parties):
        return None
    stops = _stops(actors, sent, head, visit_heads, lang)
    venues = _stops(actors, sent, None, [], lang) + _legs_named(actors, sent, lang)
    visitors = [s for s in who.source if s not in stops and s not in venues]
    if not visitors and stops:
        visitors = _last_traveller(drafts, set(stops) | set(venues))
    stops = [s for s in stops if s not in visitors]
    if len(visitors) != 1 or not stops:
        return None
    return visitors[0], stops


def _last_traveller(drafts: list[Draft], places: set[str]) -> list[str]:
    """The one state that acted alone as the source of the last meeting or visit."""
    last = next((d for d in reversed(drafts) if d.type == "CONSULT"), None)
    if last is None or len(last.source) != 1 or last.source[0] in places:
        return []
    return list(last.source)


def _legs_named(actors: ActorIndex, sent: ParsedSentence, lang: LanguageData) -> list[str]:
    """"La Tanzanie a été la seconde étape de son voyage": a state said to be
    a leg of the trip is a host, not the visitor."""
    out = []
    for m in actors.in_sentence(sent.index):
        if m.kind != "state" or m.token_start < 0:
            continue
        root = sent.doc[m.token_start:max(m.token_end, m.token_start + 1)].root
        if root.dep_.startswith("nsubj") and root.head.lemma_.lower() in lang.words("leg_nouns") \
                and any(c.dep_ == "cop" for c in root.head.children):
            out.append(m.actor_id)
    return out


def _new_leg(sides: list[str], per_stop: list[list[str]], drafts: list[Draft]) -> bool:
    """"sa tournée ..., après Malaisie et Brunei": a leg of a tour already
    told that no earlier act went to is told for the first time."""
    return sides in per_stop and not any(set(sides) <= set(d.parties) for d in drafts)


def _stops(actors: ActorIndex, sent: ParsedSentence, head, visit_heads: list[int],
           lang: LanguageData) -> list[str]:
    """The states named after a visit word with a place preposition ("en
    Colombie", "au Pérou") or as an earlier or later leg ("après Malaisie"),
    up to the next visit word of the sentence ("se rendra en Colombie et
    poursuivra sa tournée au Pérou": two legs); with no word, all of them."""
    places = set(lang.discourse.get("place_prepositions", [])) | lang.words("leg_prepositions")
    start = head.i if head is not None else -1
    end = next((i for i in visit_heads if i > start), len(sent.doc))
    out: list[str] = []
    roots: set[int] = set()  # the words of the stops found, for their conjuncts
    for m in actors.in_sentence(sent.index):
        if m.kind != "state" or m.topic or m.dateline or m.token_start < 0 \
                or not start < m.token_start < end:
            continue
        root = sent.doc[m.token_start:max(m.token_end, m.token_start + 1)].root
        before = [t for t in sent.doc[max(0, m.token_start - 2):m.token_start] if t.pos_ != "DET"]
        if before and before[-1].lower_ in places or root.dep_ == "conj" and root.head.i in roots:
            roots.add(root.i)
            if m.actor_id not in out:
                out.append(m.actor_id)
    return out


def _count_of(head) -> int | None:
    """How many acts the word names ("deux entretiens": 2), when a number says so."""
    for child in head.children:
        if child.dep_ == "nummod":
            value = number_value(child.text)
            return int(value) if value else None
    return None


def _coordinated(states: list[str], actors: ActorIndex, sent: ParsedSentence) -> bool:
    """Whether the states are named in one coordination (conjuncts of each other)."""
    roots = {}
    for m in actors.in_sentence(sent.index):
        if m.token_start >= 0 and not m.place and not m.topic:
            state = m.actor_id if m.kind in ("state", "igo") else actors.side_of(m.actor_id)
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
    return {p for p in people if actors.side_of(p) in sides}


def _attendees(actors: ActorIndex, sent: ParsedSentence, lang: LanguageData) -> set[str]:
    """People only "en présence de" a meeting are not its counterparts."""
    out = set()
    for m in actors.in_sentence(sent.index):
        if m.kind == "person" and m.token_start >= 0:
            before = sent.doc[max(0, m.token_start - 25):m.token_start].text.lower()
            if any(phrase in before for phrase in lang.words("attendance_phrases")):
                out.add(m.actor_id)
    return out


def _plover(d: Draft) -> dict:
    event = d.type
    if d.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID") and d.status in ("planned", "proposed"):
        event = "AGREE"
    elif d.type == "AGREE" and d.mode == "sign" and d.status in ("done", "ongoing"):
        event = "SUPPORT"
    context = sorted({_PLOVER_CONTEXT[s] for s in d.sectors if s in _PLOVER_CONTEXT})
    return {"event": event, "mode": d.mode, "context": context}


def _to_event(number: int, d: Draft, agreements: list[Agreement]) -> Event:
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
