"""One real event is one record: the drafts of an article that report the
same meeting, visit, call, signing or donation are merged, "weak" mentions
("discuter", "cette visite") only add evidence to an event already found,
and the merged events get the attributes that depend on all their mentions.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lang import LanguageData
from ..parsed import ParsedDoc
from ..periods import first_day, last_day
from ..sameness import amounts_agree, counterparts_agree, days_overlap, modes_agree
from ..types import Actor, DateValue
from .drafts import Draft
from .times import TimeMention

#: a judge of sameness: (earlier event, later draft, the events told between
#: them) -> whether they are one real event
SameEvent = Callable[[Draft, Draft, list[Draft]], bool]


def _merge_key(d: Draft) -> tuple | None:
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
        # one expulsion told twice; dates, and acts of other kinds (a recall), keep two apart
        return ("SANCTION", d.status, parties)
    if d.trigger.figures:
        return (d.type, "figures", parties)  # the trade figures of one relationship, any period
    if d.type in ("ACCUSE", "PROTEST"):
        # a summons and the protest note handed over in the next sentence
        return (d.type, d.status, parties, d.sentence.paragraph)
    return None


def _gathering_key(d: Draft) -> tuple | None:
    """"il a rencontré la présidente" then "une visite placée sous le signe de
    la convivialité": a visit of an organisation to a state (or of a state to
    it) is reported as the organisation's gathering (finish_drafts), and is the
    meeting told before between the same two sides. An aside with one person
    at a summit, told as a meeting, stays apart; a visit between states naming
    an organisation too is still a visit ("qui vient d'entamer un dialogue avec
    l'UE"), and is no summit of that organisation."""
    organisations = [p for p in d.parties if p.startswith("igo:")]
    if d.type == "CONSULT" and d.mode == "visit" and len(d.parties) == 2 \
            and len(organisations) == 1:
        return ("CONSULT", "multilateral", tuple(d.parties))
    return None


def _same_counterparts(a: Draft, b: Draft, people: dict[str, Actor]) -> bool:
    """Meetings with different people are different meetings (sameness.py);
    so is a meeting with someone of unknown country holding an office no one
    in the other meeting holds ("reçu ensuite par le Premier ministre X"),
    when no one attends both."""
    if a.type != "CONSULT":
        return True
    if _new_office(a.people, b.people, people) or _new_office(b.people, a.people, people):
        return False
    side_of = {p: people[p].country if p in people else None for p in a.people | b.people}
    return counterparts_agree(a.people, b.people, side_of)


def _new_office(known: set[str], other: set[str], people: dict[str, Actor]) -> bool:
    offices = {people[p].role for p in known if p in people}
    strangers = [people[p] for p in other - known if p in people]
    return bool(known) and bool(strangers) and not known & other and all(
        s.country is None and s.role and s.role not in offices for s in strangers)


def lead_date(parsed: ParsedDoc, times: list[TimeMention]) -> DateValue | None:
    """The day the news happened: the latest day the first two sentences report
    (not after publication; "après la détention dimanche 6 avril, a annoncé
    mercredi 9 avril" is news of the Wednesday), else the publication day when
    metadata or the text gives it. Verbless lines (a photo caption, its credit)
    are not the lead."""
    published = parsed.published
    lead = {s.index for s in parsed.readable() if _has_verb(s)}
    lead = set(sorted(lead)[:2])
    days = [t.value for t in times if t.sentence in lead
            and t.kind in ("date", "relative", "weekday") and t.value
            and t.value.value and len(t.value.value) == 10
            and (not published or t.value.value <= published)]
    if days:
        return max(days, key=lambda v: v.value)
    if published and len(published) == 10:
        return DateValue(published, "day", "")
    return None


def _has_verb(sent) -> bool:
    """A sentence that tells something, not a caption or credit line."""
    return any(t.pos_ in ("VERB", "AUX") for t in sent.doc)


def _on_day(d: Draft, published: str | None) -> bool:
    """The act is dated to the day of the report (an undated act is not)."""
    if d.date is None or d.date.value is None:
        return False
    if not published:
        return True
    n = min(len(d.date.value), len(published))
    return d.date.value[:n] == published[:n]


def merge_drafts(drafts: list[Draft], published: str | None,
           people: dict[str, Actor], lang: LanguageData) -> list[Draft]:
    out: list[Draft] = []
    by_key: dict[tuple, list[Draft]] = {}  # the events kept under each key, in order
    weak: list[Draft] = []
    drafts, summonses = _fold_protest_meetings(_wishes_met(_figures_as_news(drafts)))
    for d in drafts:
        same_sentence = next((o for o in out if o.sentence is d.sentence and o.type == d.type
                              and o.parties == d.parties and _compatible(o, d)
                              and _answered(o, lang) == _answered(d, lang)), None)
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
        if key is not None and _answered(d, lang):
            key = (*key, "answered")  # the act answered is not the answer
        hosts = by_key.get(key, []) + by_key.get(_gathering_key(d), [])
        host = next((o for o in hosts if _same_kind(o, d)), None)
        if host is not None and (
                d.trigger.figures or amounts_agree(host.amounts, d.amounts)) and (
                d.type == "AID" or d.trigger.figures or _dates_agree(host, d)) \
                and _same_counterparts(host, d, people):
            _absorb(host, d)
            continue
        summons = _summons_held(summonses, out, d, lang)
        if summons is not None:
            _absorb(summons, d)
            continue
        announced = _announced(by_key, d, lang)
        if announced is not None:
            _absorb(announced, d)
            continue
        wider = _wider_mention(by_key, key, d)
        joined = wider is not None and _named_participants(wider, d, people)
        if joined and set(wider.source) != set(wider.parties):
            wider = None  # its doer was told: a meeting with more sides is another one
        elif joined:
            wider.parties, wider.source, wider.target = d.parties, d.source, d.target
        if wider is not None:
            _absorb(wider, d)
            continue
        restated = next((o for o in reversed(out) if _restates(o, d, lang)), None)
        if restated is not None:
            _absorb(restated, d)
            continue
        out.append(d)
        if key is not None:
            by_key.setdefault(key, []).append(d)
    for d in weak:
        hosts = [o for o in out if o.type == d.type and o.parties == d.parties
                 and (o.status == "done" or d.type != "CONSULT")
                 and modes_agree(o.mode, d.mode)]
        host = min(hosts, key=lambda o: (not _on_day(o, published), -len(o.evidence)),
                   default=None)
        pair = _between_two(d, lang)
        if host is None and not pair:
            host = next((o for o in out if o.type == d.type and set(d.parties) <= set(o.parties)
                         and o.status == "done" and modes_agree(o.mode, d.mode)), None)
        if host is None and d.type == "CONSULT" and not pair:  # "cette visite": any status
            host = next((o for o in out if o.type == d.type and modes_agree(o.mode, d.mode)
                         and set(d.parties) <= set(o.parties)), None)
        if host is None:  # "à l'issue de cette rencontre" after a summons
            host = _summons_held(summonses, out, d, lang)
        if host is not None:
            _absorb(host, d)
        elif pair and d.type == "CONSULT" or d.type in ("CONSULT", "AGREE") \
                and not d.told_before and not any(
                o.type == d.type and o.status == d.status and o.head is not d.head
                for o in out):
            # "au terme d'une séance de travail": the only meeting told as done
            # (one per stop when the word names several: "sa tournée au Pérou et au Chili")
            d.weak = False
            out.append(d)
    return _fold_trips_to_gatherings(_fold_plans_into_trips(out, people, lang))


def _fold_plans_into_trips(drafts: list[Draft], people: dict[str, Actor],
                           lang: LanguageData) -> list[Draft]:
    """"est arrivé samedi à Paris" then "M. Erdogan sera accueilli à l'Elysée
    pour un tête-à-tête": the programme of a visit told as done is that
    visit. A meeting planned, undated, between the same sides, by the same
    visitor, in the same country, with the same people, joins it; not an
    invitation (it asks for another trip), nor a plan with a day of its own
    ("se retrouveront jeudi", "d'ici la fin de l'année": a follow-up)."""
    out = list(drafts)
    for plan in drafts:
        if plan.type != "CONSULT" or plan.status != "planned" or plan.date is not None \
                or _invites(plan, lang):
            continue
        visit = next((t for t in out if t is not plan and t.type == "CONSULT"
                      and t.status == "done" and t.mode == "visit"
                      and t.parties == plan.parties and modes_agree(t.mode, plan.mode)
                      and _same_place(t, plan) and _same_speaker(t, plan)
                      and _same_counterparts(t, plan, people)), None)
        if visit is not None:
            _absorb(visit, plan)
            out.remove(plan)
    return out


def _same_place(a: Draft, b: Draft) -> bool:
    """Not held in two different countries, when both places are told. Only a
    place that is one of the sides counts: a third state named in the sentence
    ("la lutte contre l'État islamique en Irak") is most often a topic."""
    places = {_side_place(d) for d in (a, b)}
    return None in places or len(places) == 1


def _side_place(d: Draft) -> str | None:
    country = (d.location or {}).get("country")
    return country if country in d.parties else None


def _invites(d: Draft, lang: LanguageData) -> bool:
    """The act is told in a sentence that invites someone (to come, to visit)."""
    verbs = lang.words("invitation_verbs")
    return any(t.lemma_.lower() in verbs for t in d.sentence.doc)


def _wishes_met(drafts: list[Draft]) -> list[Draft]:
    """"L'appel a eu lieu à la demande de X, qui souhaitait s'entretenir avec Y":
    a wish to talk told in the sentence that mentions the talks held between the
    same sides is the motive of those talks, not a further meeting (a wish is
    told by an infinitive; "un entretien préparé la veille" is another act)."""
    for d in drafts:
        if d.type == "CONSULT" and not d.weak and d.status == "planned" \
                and d.trigger.mode in (None, "meeting") \
                and "Inf" in d.head.morph.get("VerbForm") and any(
                    o.weak and o.status == "done" and o.sentence is d.sentence
                    and o.type == d.type and o.parties == d.parties
                    and days_overlap(_days(o), _days(d)) for o in drafts):
            d.weak = True
    return drafts


def _figures_as_news(drafts: list[Draft]) -> list[Draft]:
    """Trade told by its figures is the news only in an article that tells no
    other act; beside a meeting or a signing it is background."""
    if any(not d.trigger.figures and not d.weak for d in drafts):
        return [d for d in drafts if not d.trigger.figures]
    return drafts


def _fold_trips_to_gatherings(drafts: list[Draft]) -> list[Draft]:
    """"a quitté Dar es-Salaam pour se rendre en Afrique du Sud" and "En Afrique
    du Sud, M. Xi prendra part au sommet des BRICS": the trip to the state
    hosting a gathering the visitor attends is that gathering."""
    out = list(drafts)
    for trip in drafts:
        if trip.type != "CONSULT" or trip.mode != "visit" or len(trip.source) != 1 \
                or len(trip.target) != 1:
            continue
        gathering = next((g for g in out if g is not trip and g.type == "CONSULT"
                          and (g.mode == "multilateral" or g.mode != "visit" and any(
                              p.startswith("igo:") for p in g.parties))
                          and trip.source[0] in g.parties
                          and (g.location or {}).get("country") == trip.target[0]
                          and _dates_agree(g, trip)), None)
        if gathering is not None:
            _absorb(gathering, trip)
            out.remove(trip)
    return out


def _announced(by_key: dict, d: Draft, lang: LanguageData) -> Draft | None:
    """"L'ambassadeur va être expulsé" then "le gouvernement prie l'ambassadeur
    de quitter le territoire", both dated Friday: a sanction announced and the
    same one carried out, on days told for both that agree, are one event
    (undated, or told as a further one, they may be two)."""
    if d.type != "SANCTION" or d.status not in ("planned", "done") or _further(d, lang):
        return None
    other = "done" if d.status == "planned" else "planned"
    return next((host for host in by_key.get(("SANCTION", other, tuple(d.parties)), [])
                 if _same_kind(host, d) and _dates_agree(host, d)), None)


def _between_two(d: Draft, lang: LanguageData) -> bool:
    """"leur rencontre bilatérale" after a meeting of three: an act word
    said to be between two, with two sides, is that pair's own act, not a
    mention of the wider gathering."""
    pairs = lang.words("pair_words")
    return len(d.parties) == 2 and any(
        c.dep_ == "amod" and c.lower_ in pairs for c in d.head.children)


def _wider_mention(by_key: dict, key: tuple | None, d: Draft) -> Draft | None:
    """"cette conversation téléphonique" naming one more state (a topic) is
    still the same call: a later mention whose parties include an earlier
    event's parties is that event."""
    if key is None or d.type != "CONSULT":
        return None
    for other_key, hosts in by_key.items():
        host = hosts[0]
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


def _named_participants(host: Draft, d: Draft, people: dict[str, Actor]) -> bool:
    """Whether the wider mention's extra sides are each a person it names
    taking part (not a topic). Then, after "une conférence conjointe avec
    ses homologues A et B" (whose homologues left untold), "entre X et ses
    homologues" is that event, theirs too; after a first mention that told
    its doer ("X a reçu Y"), "X a organisé une réunion trilatérale avec Y et
    Z" is another meeting."""
    extra = set(d.parties) - set(host.parties)
    named = {people[p].country for p in d.people if p in people}
    return bool(extra) and extra <= named


_PROTESTS = ("ACCUSE", "THREATEN", "PROTEST")
#: acts of speech: told, then quoted or paraphrased in the next sentence
_STATEMENTS = ("SUPPORT", "ACCUSE", "REJECT", "THREATEN")
RESTATEMENT_GAP = 1
PLEDGE_RESTATEMENT_GAP = 2


def _restates(host: Draft, d: Draft, lang: LanguageData) -> bool:
    """"X a remercié la Chine ..." then « Le Cambodge remercie sincèrement la
    Chine ... »: the same speaker saying the same kind of thing to the same
    side in the next sentence is one statement told twice (unless told as a
    further one: "a également salué")."""
    return (d.type in _STATEMENTS or _pledge(d)) and host.type == d.type \
        and host.parties == d.parties and host.status == d.status and host.mode == d.mode \
        and 0 < d.sentence.index - host.sentence.index \
        and (d.sentence.index - host.sentence.index <= _restatement_gap(d) or _said_again(d, lang)) \
        and _same_speaker(host, d) and _dates_agree(host, d) and not _further(d, lang) \
        and _pluperfect(host.head) == _pluperfect(d.head) and not _answered(d, lang)


def _restatement_gap(d: Draft) -> int:
    """How many sentences on a statement may be told again: a promise is often
    told, then explained ("cet engagement a été pris lors de..."), then quoted."""
    return PLEDGE_RESTATEMENT_GAP if _pledge(d) else RESTATEMENT_GAP


def _pledge(d: Draft) -> bool:
    """"s'est engagé à étudier" then « a promis d'examiner »: a promise or an
    offer not yet kept is said, and may be told twice like any statement."""
    return d.type == "AGREE" and d.mode in ("offer", "agree") and d.status != "done"


def _said_again(d: Draft, lang: LanguageData) -> bool:
    """"L'émir a réaffirmé « le soutien continu de Doha »": a verb of saying
    again, governing the act, tells a statement already told, however far."""
    verbs = lang.words("restatement_verbs")
    token = d.head
    for _ in range(2):
        if token.lemma_.lower() in verbs:
            return True
        token = token.head
    return False


def _answered(d: Draft, lang: LanguageData) -> bool:
    """"en réponse au rappel de l'ambassadeur colombien": the act named just
    after an answer phrase is the one answered, an earlier act of the other side
    (a visit "en réponse à l'invitation" is the visit invited to)."""
    if d.type == "CONSULT":
        return False
    before = " " + d.sentence.doc[max(0, d.head.i - 8):d.head.i].text.lower() + " "
    return any(f" {w} " in before for w in lang.words("answer_phrases"))


def _pluperfect(head) -> bool:
    """"Ankara avait condamné": an act before the one just told."""
    return any(c.dep_.startswith("aux") and "Imp" in c.morph.get("Tense") for c in head.children)


def _further(d: Draft, lang: LanguageData) -> bool:
    """The act is told as one more ("également", "par ailleurs") before its word."""
    before = " " + d.sentence.doc[:d.head.i].text.lower().replace(",", " ") + " "
    return any(f" {w} " in before for w in lang.words("additive_words"))


def _same_speaker(a: Draft, b: Draft) -> bool:
    """Same source, a source naming every party being no source at all."""
    known = [set(x.source) for x in (a, b) if x.source and set(x.source) != set(x.parties)]
    return len(known) < 2 or known[0] == known[1]


def _summons_held(summonses: list[Draft], out: list[Draft], d: Draft,
                  lang: LanguageData) -> Draft | None:
    """"convoqué l'ambassadeur pour un entretien", then "Il a décrit l'entretien
    comme une bonne conversation": a meeting between the sides of a summons held
    as a meeting, told after it with no meeting of its own, is that summons
    (the event kept that holds it, if it joined another)."""
    if d.type != "CONSULT" or d.mode not in ("meeting", None) or _further(d, lang):
        return None
    summons = next((p for p in summonses if p.parties == d.parties and _dates_agree(p, d)
                    and p.evidence[0].start < d.evidence[0].start), None)
    if summons is None:
        return None
    return next((o for o in out if summons.evidence[0] in o.evidence), None)


def _fold_protest_meetings(drafts: list[Draft]) -> tuple[list[Draft], list[Draft]]:
    """A meeting held to protest is the protest: its mention becomes evidence
    of the protest draft of its clause, before any merging. Also returns the
    protests so held (a summons "pour un entretien")."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:  # the two are in one sentence: only its drafts are compared
        by_sentence.setdefault(id(d.sentence), []).append(d)
    out, held = [], []
    for d in drafts:
        protest = next((p for p in by_sentence[id(d.sentence)] if _protest_meeting(p, d)), None)
        if protest is None:
            out.append(d)
        else:
            _absorb(protest, d)
            if protest not in held:
                held.append(protest)
    return out, held


def _protest_meeting(protest: Draft, meeting: Draft) -> bool:
    """"a rencontré l'ambassadeur pour protester", "convoqué pour un
    entretien", "lui a adressé une mise en garde, évoquant ...": a meeting
    held to protest is the protest (a summons, one event), when the two words
    are in one clause of one sentence between the same sides."""
    return protest.type in _PROTESTS and meeting.type == "CONSULT" \
        and meeting.mode not in ("phone", "multilateral", "visit") \
        and protest.sentence is meeting.sentence and protest.parties == meeting.parties \
        and _one_clause(protest.head, meeting.head, siblings=meeting.weak)


def _one_clause(a, b, siblings: bool) -> bool:
    """One word governs the other (through at most one word between), or,
    when ``siblings``, both hang on one word."""
    up_a, up_b = {a.head.i, a.head.head.i}, {b.head.i, b.head.head.i}
    return a.i != b.i and (b.i in up_a or a.i in up_b or (siblings and a.head.i == b.head.i))


def _compatible(a: Draft, b: Draft) -> bool:
    """Two acts of one type between the same sides in one sentence are one
    event, whatever the tense of each word ("espère renforcer la coordination"
    and "la coordination" are one wish); only a mere mention (weak) stays apart
    until it finds its host, and acts of two kinds ("expulser l'ambassadeur et
    suspendre les échanges") are two events."""
    return a.weak == b.weak and _same_kind(a, b)


def _same_kind(a: Draft, b: Draft) -> bool:
    """Acts of one kind, a word that names no kind ("les sanctions", "des
    mesures") being of any: "de nouvelles sanctions, en gelant les avoirs" is
    one act."""
    return a.trigger.act is None or b.trigger.act is None or a.trigger.act == b.trigger.act


def _dates_agree(a: Draft, b: Draft) -> bool:
    """Undated, or the days the two dates may mean overlap (a signing on the 6th
    and "the visit from the 5th to the 7th"). A day told relative to the report
    that could not be resolved ("mercredi" with no publication date) is a day
    of the news; a date that states its year ("en octobre 2021") is told as
    far from it: not the same act."""
    if _unresolved_day(a) and _states_year(b) or _unresolved_day(b) and _states_year(a):
        return False
    return days_overlap(_days(a), _days(b))


def _unresolved_day(d: Draft) -> bool:
    return d.date is not None and d.date.value is None and bool(d.date.text)


def _states_year(d: Draft) -> bool:
    return d.date is not None and d.date.value is not None \
        and re.search(r"\b\d{4}\b", d.date.text or "") is not None


def _days(d: Draft):
    if d.date is None or d.date.value is None:
        return None
    return first_day(d.date.value), last_day(d.date.end or d.date.value)


_MODE_RANK = {"visit": 0, "phone": 1, "multilateral": 2, "meeting": 3, "press_conference": 4}


def _absorb(host: Draft, other: Draft) -> None:
    for ev in other.evidence:
        if ev not in host.evidence:
            host.evidence.append(ev)
    host.people |= other.people
    host.amounts |= other.amounts
    host.sectors |= other.sectors
    if host.date is None or (host.date.value is None and other.date is not None) or (
            other.date is not None and other.date.value is not None
            and other.evidence[0].start < host.evidence[0].start):
        host.date = other.date or host.date  # the first mention that dates the event wins
    host.location = host.location or other.location
    if host.type == other.type and other.mode and modes_agree(host.mode, other.mode) and (
            host.mode is None or _MODE_RANK.get(other.mode, 9) < _MODE_RANK.get(host.mode, 9)):
        host.mode = other.mode
    host.evidence.sort(key=lambda e: e.start)


def finish_drafts(drafts: list[Draft], lead_date: DateValue | None = None,
                  sentence_sectors: dict[int, set[str]] | None = None,
                  text_sectors: dict[int, set[str]] | None = None) -> None:
    """Modes that depend on the merged event, the sectors of a meeting or a
    gathering (what its sides discussed across the article), and the date of acts
    the article reports as done, under way, planned, asked or offered without
    dating them: the date of its lead (an undated plan or request is one the
    news of that day tells)."""
    for d in drafts:
        if (d.date is None or d.date.value is None) \
                and d.status in ("done", "ongoing", "planned", "requested", "proposed") \
                and lead_date is not None:
            d.date = lead_date
    for d in drafts:
        if d.type == "CONSULT" and any(p.startswith("igo:") for p in d.parties) and \
                d.mode in ("meeting", "visit", None):
            d.mode = "multilateral"
    main: dict[tuple, Draft] = {}
    for d in drafts:
        if d.type == "CONSULT" and d.status == "done":
            key = tuple(d.parties)
            if key not in main or len(d.evidence) > len(main[key].evidence):
                main[key] = d
    for d in main.values():
        for other in drafts:
            if other is not d and other.parties == d.parties:
                d.sectors |= other.sectors
    if sentence_sectors:
        _sectors_between_mentions(list(main.values()), drafts, sentence_sectors)
    if text_sectors:
        _sectors_between_mentions(_signings(drafts), drafts, text_sectors)


def _signings(drafts: list[Draft]) -> list[Draft]:
    """The first agreement (signed or to be signed) of each set of parties: what
    the texts cover is often told in the sentences that follow ("Elles
    concernent la santé...")."""
    first: dict[tuple, Draft] = {}
    for d in drafts:
        if d.type == "AGREE":
            first.setdefault(tuple(d.parties), d)
    return list(first.values())


def _sectors_between_mentions(meetings: list[Draft], drafts: list[Draft],
                              sentence_sectors: dict[int, set[str]]) -> None:
    """What a meeting covered is often told in sentences with no act word of
    their own ("La défense était au centre des discussions"): the sentences
    from its first mention up to the next act of other parties are about it."""
    starts = sorted({e.start for d in drafts for e in d.evidence})
    owner = {}
    for d in drafts:
        for e in d.evidence:
            owner.setdefault(e.start, set()).add(tuple(d.parties))
    for meeting in meetings:
        first = min(e.start for e in meeting.evidence)
        later = [s for s in starts if s > first and tuple(meeting.parties) not in owner[s]]
        end = later[0] if later else None
        for start, sectors in sentence_sectors.items():
            if start > first and (end is None or start < end) and start not in owner:
                meeting.sectors |= sectors


def coalesce(drafts: list[Draft], same: SameEvent) -> list[Draft]:
    """Events the rules kept apart that ``same`` judges one: each draft joins
    the nearest earlier event of its type that the judge accepts."""
    out: list[Draft] = []
    for d in drafts:
        host = next((o for i, o in reversed(list(enumerate(out)))
                     if o.type == d.type and modes_agree(o.mode, d.mode)
                     and same(o, d, out[i + 1:])), None)
        if host is None:
            out.append(d)
        else:
            _absorb(host, d)
    return out
