"""Events: acts named by trigger words (lang/<code>/triggers.yaml), coded
with PLOVER type and mode, a status read from tense and cue words, the
parties taking part, sectors, date, place and evidence.

Trigger words are read in ``triggers.py``, drafts merged into one event per
real event in ``merging.py``; this module drafts the acts and shapes the
final events.
"""
from __future__ import annotations

from collections import Counter

from ..lang import LanguageData
from ..parsed import ParsedDoc, ParsedSentence
from ..types import Agreement, Event, Evidence, Quantity
from ..vocab import SECTOR_CONTEXT
from .actors import ActorIndex, list_gap
from .agreements import DocumentMention
from .context import (Participants, date_in, location_in, modality, participants, party_of,
                      with_unplaced_host)
from .drafts import Draft
from .merging import SameEvent, coalesce, finish_drafts, lead_date, merge_drafts
from .quantities import number_value
from .times import TimeMention
from .triggers import (Trigger, back_reference, hypothetical, meeting_as_agent, meets, negated,
                       outermost, signs_named_document, stated_by_document)

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
    lang = parsed.language
    reader = parsed.pipeline.sectors
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
    company: tuple[str, ...] = ()  # the parties of the last meeting told
    for sent in parsed.readable():
        # the last ones, found from the end: a scan of every draft per
        # sentence would make a long text cost the square of its length
        told = next((d for d in reversed(drafts) if len(d.parties) >= 2), None)
        if told:
            current = tuple(told.parties)
        met = next((d for d in reversed(drafts)
                    if len(d.parties) >= 2 and d.type == "CONSULT"), None)
        if met:
            company = tuple(met.parties)
        has_quantity, has_document = sent.start in q_sentences, sent.start in a_sentences

        names = _name_tokens(actors, sent)

        def accept(t: Trigger, h, sent=sent, q=has_quantity, a=has_document, names=names) -> bool:
            return h.i not in names and meets(t.needs, h, sent, actors, q, a, lang) and not (
                any(meets(n, h, sent, actors, q, a, lang) for n in t.not_with))

        found = parsed.pipeline.triggers.find(sent, accept)
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
            who = participants(parsed, actors, sent, head, current=current, company=company)
            if trigger.type == "CONSULT" and len(who.parties) < 2 and (mode == "visit" or not any(
                    p.startswith("igo:") for p in who.parties)):
                # "a reçu à Alger ...": the venue is the host when no one else is named;
                # the place an organisation's mission goes to is its host too
                who = participants(parsed, actors, sent, head, include_places=True)
            if trigger.type == "CONSULT":
                who = with_unplaced_host(actors, sent, head, who, company)
                who = _organisation_gathering(actors, sent, head, who, lang)
            if len(who.parties) == 1 and len(actors.dyad) < 2 and trigger.type in _BETWEEN_TWO:
                who = _with_last_partner(who, drafts)
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
            sectors = reader.in_sentence(sent) if trigger.type in _SECTORS_OF_SENTENCE \
                else reader.of_phrase(sent, head)
            date = date_in(times, sent, head, parsed.published, lang.words("since_markers"))
            visitor = _visitor_and_stops(trigger, mode, who, actors, sent, head, visit_heads,
                                         lang, drafts)
            per_stop = [sorted([visitor[0], stop]) for stop in visitor[1]] if visitor else []
            sided = [(sides, visitor[0]) for sides in per_stop] or _one_per_counterpart(
                trigger, mode, parties, who, actors, sent, head, lang, drafts)
            if len(sided) > 1 and mode == "multilateral":
                mode = "meeting"  # one meeting per counterpart, not one gathering
            for sides, side in sided:
                drafts.append(Draft(
                    trigger=trigger, sentence=sent, head=head, type=kind, mode=mode,
                    status=status, parties=sides,
                    source=[side] if side else [s for s in who.source if s in sides],
                    target=[t for t in sides if t != side] if side
                    else [t for t in who.target if t in sides],
                    people=_people_of(people, sides, actors) if sides != parties else set(people),
                    sectors=set(sectors), date=date, location=location_in(actors, sent),
                    evidence=[Evidence(sent.start, sent.end, sent.sentence.text)],
                    weak=weak and not _new_leg(sides, per_stop, drafts), told_before=told_before,
                    amounts=amounts_by_sentence.get(sent.start, frozenset())))
    return drafts


#: acts that take two sides: one side alone goes on with its last partner
_BETWEEN_TWO = frozenset({"AGREE", "SUPPORT", "COOPERATE"})


def _with_last_partner(who: Participants, drafts: list[Draft]) -> Participants:
    """"Dans la foulée, il s'est engagé à orienter leurs relations vers
    l'avenir": an undertaking with one side named, in an article with no main
    pair, is made to the side it last met one to one (its target); a
    gathering (an organisation's assembly and its host) is no such meeting."""
    side = who.parties[0]
    last = next((d for d in reversed(drafts) if d.type == "CONSULT" and len(d.parties) == 2
                 and side in d.parties and "multilateral" not in (d.mode, d.trigger.mode)), None)
    if last is None:
        return who
    partner = [p for p in last.parties if p != side]
    return Participants(sorted(last.parties), [side], partner, who.people)


def _organisation_gathering(actors: ActorIndex, sent: ParsedSentence, head, who: Participants,
                            lang: LanguageData) -> Participants:
    """"le sommet du Conseil de coopération du Golfe", "le 16e sommet de
    l'organisation régionale", "le prochain sommet se tiendra à X" in an
    article about one organisation: a gathering of an organisation is the
    organisation's, not that of the states named around it (its host, its
    topic, the article's pair); those who "take part in" it still are."""
    if head.lemma_.lower() not in lang.words("hosted_gatherings"):
        return who
    body = _organisation_of(actors, sent, head, lang)
    if body is None and not _names_no_side(actors, sent):
        return who
    body = body or next((p for p in actors.dyad if p.startswith("igo:")), None)
    if body is None or body not in who.parties and who.parties != sorted(actors.dyad):
        return who
    sides = sorted({body, *_joining_sides(actors, sent, head, lang)})
    return Participants(sides, sides, [], who.people)


def _joining_sides(actors: ActorIndex, sent: ParsedSentence, head,
                   lang: LanguageData) -> set[str]:
    """"X a participé au sommet", "heureux de prendre part à un sommet": the
    sides of the subject join the gathering, unless it is only the frame of
    what the subject does ("est arrivé en amont du sommet", "lors du sommet");
    so do those the verb brings to it ("X a invité Y au sommet")."""
    if head.head.lemma_.lower() in lang.words("circumstance_words"):
        return set()
    subject: set[int] = set()
    for verb in [head, *head.ancestors]:  # the nearest subject up the tree, however far
        subject = {t.i for c in verb.children if c.dep_.startswith("nsubj") for t in c.subtree}
        if subject:
            break
    return {p for m in actors.in_sentence(sent.index)
            if m.token_start in subject | _brought_to(head) and not m.place
            and (p := party_of(actors, m))}


def _brought_to(head) -> set[int]:
    """The object of the verb the gathering completes ("a invité M. X au
    sommet", "conviera les ministres à la réunion"): who is brought to it."""
    if not head.dep_.startswith("obl") or head.head.i == head.i:
        return set()
    return {t.i for c in head.head.children if c.dep_ == "obj" for t in c.subtree}


def _organisation_of(actors: ActorIndex, sent: ParsedSentence, head,
                     lang: LanguageData) -> str | None:
    """The organisation the gathering word's own complement names ("du CCG"),
    or stands for ("de l'organisation régionale": the one named last); None
    if a state is named beside it ("le sommet UE-Chine")."""
    roots = {}
    for m in actors.in_sentence(sent.index):
        if m.token_start >= 0 and not m.place:
            root = sent.doc[m.token_start:max(m.token_end, m.token_start + 1)].root
            roots[root.i] = m
    words = set(lang.discourse.get("organisation_subjects", []))
    for child in head.children:
        if child.dep_ != "nmod":
            continue
        named = roots.get(child.i)
        if named is not None and named.kind == "igo":
            if any(roots.get(c.i) is not None and roots[c.i].kind == "state"
                   for c in child.children if c.dep_ in ("conj", "nmod", "appos")):
                return None
            return named.actor_id
        if named is None and child.lemma_.lower() in words:
            before = [m for m in actors.mentions if m.kind == "igo" and not m.in_name and (
                m.sentence < sent.index or m.sentence == sent.index and m.token_start < child.i)]
            return max(before, key=lambda m: (m.sentence, m.token_start)).actor_id \
                if before else None
    return None


def _names_no_side(actors: ActorIndex, sent: ParsedSentence) -> bool:
    """Whether the sentence names no state, organisation or person as an
    actor (venues, topics and datelines aside)."""
    return not any(not (m.place or m.topic or m.dateline or m.aside or m.in_name)
                   and m.kind in ("state", "igo", "person") for m in actors.in_sentence(sent.index))


def _name_tokens(actors: ActorIndex, sent: ParsedSentence) -> set[int]:
    """Tokens inside the name of an organisation ("Forum sur la coopération
    sino-africaine", "Conférence des Nations unies ..."): a word there names
    a body, not an act."""
    return {i for m in actors.in_sentence(sent.index) if m.kind in ("igo", "org")
            and m.token_end - m.token_start > 1 for i in range(m.token_start, m.token_end)}


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
    merged = merged_drafts(parsed, actors, drafts)
    if same is not None:
        merged = coalesce(merged, same)
    reader, nouns = parsed.pipeline.sectors, parsed.language.words("signed_text_nouns")
    finish_drafts(merged, lead_date(parsed, times),
                  {s.start: reader.in_sentence(s) for s in parsed.readable()},
                  {s.start: reader.in_sentence(s) for s in parsed.readable()
                   if _tells_of_texts(s, nouns)})
    return [_to_event(i, d, agreements) for i, d in enumerate(merged, start=1)]


def _tells_of_texts(sent, document_nouns: frozenset[str]) -> bool:
    """A sentence about signed texts: it names one ("les accords couvrent...")
    or opens on a pronoun standing for them ("Elles concernent la santé")."""
    if any(t.lemma_.lower() in document_nouns for t in sent.doc):
        return True
    first = next((t for t in sent.doc if not t.is_punct), None)
    return first is not None and first.pos_ == "PRON" and first.dep_.startswith("nsubj") \
        and first.morph.get("Person") == ["3"]


def merged_drafts(parsed: ParsedDoc, actors: ActorIndex, drafts: list[Draft]) -> list[Draft]:
    """The rules' merge: one draft per real event (the drafts are absorbed)."""
    drafts = [d for d in drafts if d.parties]  # no state or organisation acts: not codable
    people = {a.id: a for a in actors.actors.values() if a.kind == "person"}
    return merge_drafts(drafts, parsed.published, people, parsed.language)


def _one_per_counterpart(trigger: Trigger, mode: str | None, parties: list[str], who,
                         actors: ActorIndex, sent: ParsedSentence, head,
                         lang: LanguageData, drafts: list[Draft]
                         ) -> list[tuple[list[str], str | None]]:
    """"X s'est entretenu avec ses homologues japonais et iranien": meetings
    with several counterparts named side by side are one meeting each, unless
    the act itself is one gathering (a summit, a trilateral meeting); "deux
    entretiens avec A et B", as many acts as counterparts, is one each anyway.
    Each act comes with the side that meets them all (None: the parse's)."""
    named = _people_listed(trigger, who, actors, sent, head, lang)
    if named:
        return [(sorted([who.source[0], side]), who.source[0]) for side in named]
    if trigger.type != "CONSULT" or any(p.startswith("igo:") for p in parties):
        return [(parties, None)]
    owner = _owner_of_counted(head, parties, actors, sent, lang)
    if owner is not None:
        return [(sorted([owner, p]), owner) for p in parties if p != owner]
    targets = [t for t in who.target if t in parties]
    if len(who.source) != 1 or len(targets) < 2:
        return _one_per_listed(mode, parties, actors, sent, head, lang, drafts)
    if _count_of(head) != len(targets) and (
            mode == "multilateral" or not _coordinated(targets, actors, sent)
            or any(t.lemma_.lower() in lang.words("gathering_words") for t in sent.doc)):
        return [(parties, None)]
    return [(sorted([who.source[0], t]), who.source[0]) for t in targets]


def _people_listed(trigger: Trigger, who, actors: ActorIndex, sent: ParsedSentence, head,
                   lang: LanguageData) -> list[str]:
    """"a multiplié les apartés avec ses pairs : A, le Premier ministre
    éthiopien ; B, ...", "des entretiens avec des dirigeants, notamment A, B":
    people listed after the company the act is held with, each of another
    side, are one meeting each (an official of an organisation too). Returns
    their sides in order; empty unless there are two or more."""
    if trigger.type != "CONSULT" or len(who.source) != 1:
        return []
    openers = lang.words("list_openers")
    company = lang.words("company_prepositions")
    opener = next((t.i for t in sent.doc[head.i + 1:] if t.lower_ in openers), None)
    if opener is None or not any(t.lower_ in company for t in sent.doc[head.i + 1:opener]):
        return []
    sides: list[str] = []
    for m in actors.in_sentence(sent.index):
        if m.kind != "person" or m.token_start <= opener or m.via == "pronoun":
            continue
        side = actors.side_of(m.actor_id)
        if side and side != who.source[0] and side not in sides:
            sides.append(side)
    return sides if len(sides) >= 2 else []


def _one_per_listed(mode: str | None, parties: list[str], actors: ActorIndex,
                    sent: ParsedSentence, head, lang: LanguageData,
                    drafts: list[Draft]) -> list[tuple[list[str], str | None]]:
    """"a reçu les ambassadeurs de la Chine, de la France et du Maroc",
    "suivie de négociations avec les ministres du Canada et de la France":
    states listed one after another, none of them acting, are the
    counterparts of one meeting each; the other side is the one state named
    besides them, else (after "avec") the one who met someone last."""
    listed = _listed_states(actors, sent, lang)
    if len(listed) < 2 or mode == "multilateral" or not set(listed) <= set(parties) \
            or _count_of(head) not in (None, len(listed)) \
            or any(t.lemma_.lower() in lang.words("gathering_words") for t in sent.doc):
        return [(parties, None)]
    if _joint(actors, sent, listed, head, lang) or not _under_act(actors, sent, listed, head):
        return [(parties, None)]
    others = [p for p in parties if p not in listed]
    if not others and _with_counterparts(actors, sent, listed, head, lang):
        others = _last_host([d for d in drafts if d.sentence.index < sent.index], set(listed))
    if len(others) != 1:
        return [(parties, None)]
    return [(sorted([others[0], state]), others[0]) for state in listed]


def _last_host(drafts: list[Draft], listed: set[str]) -> list[str]:
    """The side of the last meeting that has met most so far in the article
    ("Wang Yi est reçu par M. Lavrov" after "Lavrov a entamé une série de
    rencontres"): who goes on meeting the next ones."""
    meetings = [d for d in drafts if d.type == "CONSULT"]
    if not meetings:
        return []
    sides = [p for p in meetings[-1].parties if p not in listed]
    count = Counter(p for d in meetings for p in set(d.parties))
    ranked = sorted(sides, key=lambda p: -count[p])
    if len(ranked) > 1 and count[ranked[0]] == count[ranked[1]]:
        return []
    return ranked[:1]


def _listed_states(actors: ActorIndex, sent: ParsedSentence, lang: LanguageData) -> list[str]:
    """The longest list of states named one after another ("de la Chine, des
    États-Unis et du Maroc", "l'ambassadeur du Maroc et celui de l'Indonésie"),
    each link a comma or a conjunction among prepositions and articles; a
    state in the active subject makes no list (it acts)."""
    subject = {t.i for t in sent.doc if t.dep_ == "nsubj" for t in t.subtree}
    mentions = sorted((m for m in actors.in_sentence(sent.index)
                       if m.kind == "state" and m.token_start >= 0 and not (
                           m.place or m.topic or m.dateline or m.aside or m.in_name)),
                      key=lambda m: m.token_start)
    links = lang.words("list_links")
    best: list = []
    run: list = []
    for m in mentions:
        if run and list_gap(sent.doc[run[-1].token_end:m.token_start], links):
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    if any(m.token_start in subject for m in best):
        return []
    ids = [m.actor_id for m in best]
    return ids if len(set(ids)) == len(ids) else []


def _under_act(actors: ActorIndex, sent: ParsedSentence, listed: list[str], head) -> bool:
    """Whether the list hangs on the act word or on the verb an act noun
    completes ("a reçu en audience les ambassadeurs de ..."), not on another
    act ("fournir des vaccins au Vietnam et à Taïwan après avoir examiné")."""
    first = next(m for m in actors.in_sentence(sent.index) if m.actor_id == listed[0])
    token = sent.doc[first.token_start:max(first.token_end, first.token_start + 1)].root
    acts = {head.i, head.head.i} if head.pos_ == "NOUN" else {head.i}
    return any(a.i in acts for a in list(token.ancestors)[:5])


def _joint(actors: ActorIndex, sent: ParsedSentence, listed: list[str], head,
           lang: LanguageData) -> bool:
    """"une rencontre entre X et ses homologues chinois et japonais", "une
    alliance entre Cuba, Haïti et le Venezuela": one act of all of them."""
    first = min(m.token_start for m in actors.in_sentence(sent.index)
                if m.actor_id in listed and m.token_start >= 0)
    joint = lang.words("joint_prepositions")
    return any(t.lower_ in joint for t in sent.doc[min(head.i, first):first])


def _with_counterparts(actors: ActorIndex, sent: ParsedSentence, listed: list[str], head,
                       lang: LanguageData) -> bool:
    """"des négociations avec les ministres du Canada, ...": the list is
    introduced, under the act word, by a preposition of company."""
    first = next(m for m in actors.in_sentence(sent.index) if m.actor_id == listed[0])
    token = sent.doc[first.token_start:max(first.token_end, first.token_start + 1)].root
    company = lang.words("company_prepositions")
    seen = False
    for _ in range(6):
        seen = seen or any(c.dep_ == "case" and c.lower_ in company for c in token.children)
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == head.i:
            return seen
    return False


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
        visitors = _last_traveller(drafts, set(stops) | set(venues)) or _last_person_side(
            actors, sent.index - 1, set(stops) | set(venues))
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


def _last_person_side(actors: ActorIndex, index: int, places: set[str]) -> list[str]:
    """"Le ministre ivoirien ... son périple en Asie. Et l'escale de Chine...":
    the one state whose people the sentence before names travels on."""
    sides = {actors.side_of(m.actor_id) for m in actors.in_sentence(index) if m.kind == "person"}
    sides.discard(None)
    return list(sides) if len(sides) == 1 and not sides & places else []


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
        if before and before[-1].lower_ in places or root.dep_ == "conj" and root.head.i in roots \
                or _leg_complement(root, lang):
            roots.add(root.i)
            if m.actor_id not in out:
                out.append(m.actor_id)
    return out


def _leg_complement(root, lang: LanguageData) -> bool:
    """"l'escale de Chine", "(avant) celles du Pakistan": the state a leg noun,
    or a pronoun standing for one, is of is a stop of the trip."""
    legs = lang.words("leg_nouns")
    if root.dep_ != "nmod":
        return False
    owner = root.head
    return owner.lemma_.lower() in legs or owner.pos_ == "PRON" and owner.head.lemma_.lower() in legs


def _owner_of_counted(head, parties: list[str], actors: ActorIndex,
                      sent: ParsedSentence, lang: LanguageData) -> str | None:
    """"les deux prochains sommets de Kim Jong-un, l'un avec le président
    sud-coréen et l'autre avec le dirigeant américain": acts counted as many
    as the other sides named, owned by one side ("de X"), are that side's
    act with each of the others. None unless the count and the owner say so."""
    if _count_of(head) != len(parties) - 1 or len(parties) < 3:
        return None
    owned = {t.i for c in head.children if c.dep_ == "nmod" and c.i > head.i
             and any(m.dep_ == "case" and m.lower_ in lang.words("owner_cases")
                     for m in c.children)
             for t in c.subtree}
    sides = {actors.side_of(m.actor_id) if m.kind == "person" else m.actor_id
             for m in actors.in_sentence(sent.index) if m.token_start in owned}
    sides &= set(parties)
    return next(iter(sides)) if len(sides) == 1 else None


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
    context = sorted({c for s in d.sectors if (c := SECTOR_CONTEXT.get(s))})
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
