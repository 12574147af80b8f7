"""Trigger words: which words name which PLOVER act (lang/<code>/triggers.yaml,
compiled once per language into a spaCy Matcher), the conditions a trigger
needs, and the readings that make a trigger no act of its own (the content
of another act, background, a condition, a negation, a back-reference).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lang import LanguageData
from ..parsed import ParsedSentence
from .actors import ActorIndex


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    status: str | None
    weak: bool
    needs: str | None
    not_with: tuple[str, ...]  # conditions any of which cancels the trigger
    head: int  # index of the head token within the pattern
    size: int
    wrapper: bool = False  # "a décidé de ...": gives way to a one-sided act it wraps
    head_words: frozenset = frozenset()  # the lemmas the head token is written with
    figures: bool = False  # told by amounts ("les échanges ont atteint ..."): one event per sides
    act: str | None = None  # the kind of act within its type: acts of two kinds are two events


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


class TriggerReader:
    """The trigger words of one language (triggers.yaml) as spaCy token
    patterns, compiled once, with the matchers built for the sets of patterns
    sentences may match (kept for reuse: most sentences share a few sets)."""

    #: matchers kept; sentences of one article mostly fall in a few sets
    KEPT_MATCHERS = 4096

    def __init__(self, language: LanguageData, nlp):
        self.patterns, (self.index, self.always), self.triggers = _patterns(language)
        self.vocab = nlp.vocab
        self._matchers: dict[tuple[int, ...], object] = {}

    def find(self, sent: ParsedSentence, accept=lambda trigger, head: True):
        """(Trigger, head token) pairs, one per head token: among the patterns
        whose conditions hold, the longest wins."""
        chosen = self._candidates(sent.doc)
        matches = self._matcher(chosen)(sent.doc) if chosen else []
        best: dict[int, tuple[int, Trigger, object]] = {}
        for match_id, start, end in matches:
            trigger = self.triggers[sent.doc.vocab.strings[match_id]]
            span = sent.doc[start:end]
            head = _head_token(span, trigger)
            size = end - start
            if _participle_of_other_verb(head, trigger):
                continue
            if (head.i not in best or size > best[head.i][0]) and accept(trigger, head):
                best[head.i] = (size, trigger, head)
        return [(t, h) for _, t, h in sorted(best.values(), key=lambda x: x[2].i)]

    def _candidates(self, doc) -> tuple[int, ...]:
        """The patterns a sentence can match: those whose anchor word it contains."""
        chosen = set(self.always)
        for token in doc:
            chosen.update(self.index.get(("LEMMA", token.lemma), ()))
            chosen.update(self.index.get(("LOWER", token.lower), ()))
        return tuple(sorted(chosen))

    def _matcher(self, chosen: tuple[int, ...]):
        """A spaCy Matcher of the chosen patterns, added in file order."""
        from spacy.matcher import Matcher

        if chosen not in self._matchers:
            if len(self._matchers) >= self.KEPT_MATCHERS:
                self._matchers.clear()
            matcher = Matcher(self.vocab)
            for number in chosen:
                matcher.add(*self.patterns[number])
            self._matchers[chosen] = matcher
        return self._matchers[chosen]


def _patterns(language: LanguageData):
    """(key, variants) of every trigger in file order, the anchors that say
    which keys a sentence may match, and the Trigger of each key."""
    patterns: list[tuple[str, list]] = []
    triggers: dict[str, Trigger] = {}
    for event_type, entries in language.triggers.items():
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
                                    _conditions(entry.get("not_with")), head, len(specs),
                                    bool(entry.get("wrapper")), _spec_words(specs[head]),
                                    bool(entry.get("figures")), entry.get("act"))
            # lemmas of the head are also tried on the lowercase text, since the
            # lemmatizer sometimes leaves nouns unlemmatised
            variants = [specs, [_as_lower(s) for s in specs]]
            gerund = _as_gerund(specs[head])
            if gerund is not None:  # "en avertissant": the lemmatizer often misses gerunds
                variants.append([*specs[:head], gerund, *specs[head + 1:]])
            patterns.append((key, variants))
    return tuple(patterns), _anchors(patterns), triggers


def _anchors(patterns) -> tuple[dict[tuple[str, int], set[int]], frozenset[int]]:
    """Which patterns a token can start to satisfy: (attribute, hash of the
    value) -> pattern indices, from one word every variant of a pattern needs
    (its head if required); plus the patterns with no such word (always tried).
    Matching only the patterns a sentence can satisfy gives the same matches,
    in the same order, as matching them all, at a fraction of the cost."""
    from spacy.strings import get_string_id

    index: dict[tuple[str, int], set[int]] = {}
    always: set[int] = set()
    for number, (_, variants) in enumerate(patterns):
        for specs in variants:
            needed = [s for s in specs if "OP" not in s and ("LEMMA" in s or "LOWER" in s)]
            if not needed:
                always.add(number)
                continue
            attr = "LEMMA" if "LEMMA" in needed[-1] else "LOWER"
            value = needed[-1][attr]
            for word in value["IN"] if isinstance(value, dict) else [value]:
                index.setdefault((attr, get_string_id(word)), set()).add(number)
    return index, frozenset(always)


def _conditions(value) -> tuple[str, ...]:
    """One condition name or a list of them."""
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _spec_words(spec: dict) -> frozenset:
    value = spec.get("LEMMA", spec.get("LOWER"))
    if isinstance(value, dict):
        return frozenset(value.get("IN", ()))
    return frozenset([value]) if isinstance(value, str) else frozenset()


def _participle_of_other_verb(head, trigger: Trigger) -> bool:
    """A noun trigger met only through the lowercase text on a participle of
    another verb: "une démarche *tournée* vers l'Afrique" (tourner, not a
    tour), "une équipe est *arrivée*" (the verb, with its own conditions)."""
    return head.lemma_.lower() not in trigger.head_words and head.lower_ in trigger.head_words \
        and head.pos_ in ("VERB", "AUX") and "Part" in head.morph.get("VerbForm")


def _as_gerund(spec: dict) -> dict | None:
    lemma = spec.get("LEMMA")
    if not isinstance(lemma, str) or not lemma.endswith(("er", "ir", "re")) or len(lemma) < 6:
        return None
    stem = lemma[:-2]  # a set, not a regex: the matcher tests it on every token
    return {"LOWER": {"IN": [f"{stem}{infix}ant" for infix in ("", "iss", "ss", "s")]}}


def _as_lower(spec: dict) -> dict:
    if isinstance(spec.get("LEMMA"), str):
        out = {"LOWER": spec["LEMMA"]}
        if "OP" in spec:
            out["OP"] = spec["OP"]
        return out
    return spec


def _head_token(span, trigger: Trigger):
    if len(span) == trigger.size:
        return span[trigger.head]
    for token in span:  # "se sont également *engagés*": optional words moved the head
        if token.lemma_.lower() in trigger.head_words or token.lower_ in trigger.head_words:
            return token
    lemmas = [t for t in span if t.pos_ not in ("AUX", "PRON", "ADP", "DET")]
    return lemmas[0] if lemmas else span.root


# --------------------------------------------------------------- conditions


def meets(need: str | None, head, sent: ParsedSentence, actors: ActorIndex,
           quantities_here: bool, agreements_here: bool, lang: LanguageData) -> bool:
    if need is None:
        return True
    children = list(head.children)
    if need == "person_object":
        people = {m.token_start for m in actors.in_sentence(sent.index) if m.kind == "person"}
        for child in children:
            if child.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "nsubj:pass", "iobj",
                              "obl:agent", "nmod") or _misparsed_object(child):
                if child.lemma_.lower() in lang.words("person_words"):
                    return True  # "avec les ministres"
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
        goods = lang.words("goods")
        described = head.head if head.dep_ == "acl" else None  # "l'aide fournie par ..."
        return quantities_here or (described is not None and described.lemma_.lower() in goods) \
            or any(t.lemma_.lower() in goods for c in children if c.dep_ in ("obj", "obl:arg")
                   for t in c.subtree)
    if need == "gift_object":
        # "a offert 70 animaux" and "ce don a été offert" are gifts; "a offert
        # l'aide du Canada" an offer of help
        objects = [c for c in children if c.dep_ in ("obj", "obl:arg", "nsubj:pass")]
        return quantities_here or bool(objects) and not any(
            o.lemma_.lower() in lang.words("offered_help") for o in objects) and any(
            t.lemma_.lower() in lang.words("goods") for o in objects for t in o.subtree)
    if need in ("clausal_object", "clausal_object_not_visit", "visit_complement"):
        clause = [c for c in children if (c.dep_ in ("xcomp", "ccomp", "advcl")
                                           and c.pos_ not in ("PROPN", "PRON"))
                  or (c.pos_ == "VERB" and c.i > head.i)]  # a name is no clause ("a appelé X")
        clause += [t for c in children if c.dep_ in ("obj", "iobj", "obl:arg") for t in c.subtree
                   if "Inf" in t.morph.get("VerbForm")
                   and any(m.lower_ in lang.words("infinitive_markers") for m in t.children)]
        visit = any(t.lemma_ in lang.words("visit_verbs")
                    for c in clause for t in c.subtree)
        if need == "visit_complement":
            return visit or any(t.lemma_ in lang.words("visit_nouns") for c in children for t in c.subtree)
        return bool(clause) and not (need == "clausal_object_not_visit" and visit)
    if need == "imposed":
        # "a imposé des sanctions", "a pris des mesures de sanction"; not sanctions
        # mentioned as background, nor judged in a clause hung on a reporting verb
        # ("a ajouté le ministre, estimant ces sanctions illégales")
        verbs = lang.words("imposing_verbs")
        return head.head.lemma_.lower() in verbs or (
            head.head.pos_ not in ("VERB", "AUX") and head.head.head.lemma_.lower() in verbs)
    if need == "partnership_object":
        return any(t.lemma_ in lang.words("partnership_nouns")
                   for c in children if c.dep_ == "obj" for t in c.subtree)
    if need == "thing_object":
        return any(c.dep_ == "obj" for c in children)
    if need == "possessive_or_expression":
        return any("Poss=Yes" in str(c.morph) or c.lower_ in lang.words("possessives")
                   for c in children) or head.head.lemma_ in lang.words("expression_verbs") \
            or _owned_by_state(head, sent, actors, lang)
    if need == "blame_attribute":
        return _attribute(head, lang.words("blame_words"))
    if need == "blamed_claim":
        return _attribute(head, lang.words("blame_words")) and _names_thing(
            head, lang.words("claim_nouns"))
    if need == "trade_subject":
        return quantities_here and _trade_subject(head, lang)
    if need == "told_subject":
        # "les négociations ont commencé": the act word is what the sentence is
        # about (not "un dossier sur lequel les négociations se poursuivent")
        return head.dep_ in ("nsubj", "nsubj:pass") and head.head.dep_ == "ROOT"
    if need == "no_object":
        return not any(c.dep_ == "obj" for c in children)
    if need == "situation_object":
        return _about_situation(head, lang)
    if need == "lone_wish":
        return _lone_wish(head, sent, actors, lang)
    if need == "partner_complement":
        return _partner_complement(head, sent, actors, lang)
    if need == "retaliation_complement":
        words = lang.words("retaliation_words")
        return any(c.lemma_.lower() in words or c.lower_ in words for c in children
                   if c.dep_ in ("obj", "xcomp", "ccomp", "obl:arg", "nmod", "acl"))
    if need in _HEAD_NEEDS:
        return _HEAD_NEEDS[need](head, lang)
    if need in _THING_NEEDS:
        return _names_thing(head, lang.words(_THING_NEEDS[need]))
    return True


# needs met by what the act is done to: the grammar.yaml list naming those things
_THING_NEEDS = {"body_object": "body_nouns", "envoy_object": "envoy_words",
                "mission_object": "mission_nouns",
                "closable_object": "closable_nouns", "relations_object": "partnership_nouns",
                "opinion_object": "opinion_nouns", "document_object": "document_nouns",
                "claim_object": "claim_nouns"}


def _owned_by_state(head, sent: ParsedSentence, actors: ActorIndex, lang: LanguageData) -> bool:
    """"le plein soutien de l'Egypte", "une demande du Vanuatu": the act's
    owner named after it, like a possessive."""
    if head.dep_ == "obj" or any(c.dep_ == "case" and c.lower_ in lang.words("circumstance_cases")
                                 for c in head.children):
        return False  # "regrette le soutien de Moscou", "rédigée avec le soutien de l'UE"
    states = {m.token_start for m in actors.in_sentence(sent.index)
              if m.kind in ("state", "igo") and not m.place and not m.topic}
    return any(c.dep_ == "nmod" and (c.i in states or _home_of_speaker(c, lang))
               and c.i - head.i <= 4 and any(
        m.lower_ in lang.words("owner_cases") for m in c.children if m.dep_ == "case")
        for c in head.children)


def _home_of_speaker(token, lang: LanguageData) -> bool:
    """"de son pays", "de notre gouvernement": the speaker's own state."""
    return token.lemma_.lower() in lang.words("home_nouns") and any(
        "Poss=Yes" in str(c.morph) for c in token.children if c.dep_ == "det")


def _attribute(head, words: set) -> bool:
    """"les qualifiant de crimes de guerre", "qualifiée d'« illégale »": what a
    verb of naming calls its object is one of ``words`` (read in the words
    that follow: the parser often hangs the quoted name elsewhere)."""
    return any(t.lemma_.lower() in words or t.lower_ in words for t in _following(head))


def _following(head, width: int = 10) -> list:
    """The words right after ``head``, up to the end of its clause."""
    out = []
    for t in head.doc[head.i + 1:head.i + 1 + width]:
        if t.lower_ in (";", ".", ":"):
            break
        out.append(t)
    return out


def _trade_subject(head, lang: LanguageData) -> bool:
    """"les échanges commerciaux ont atteint ...", "le volume du commerce
    bilatéral s'est élevé à ...": an amount reached by trade is trade done."""
    trade, amounts = lang.words("trade_nouns"), lang.words("amount_nouns")
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if head.dep_ == "conj" and head.head.pos_ == "NOUN":
        subjects.append(head.head)  # "le commerce entre le Ghana et le Vietnam a atteint": misparsed
    for subject in subjects:
        words = [subject] + [c for c in subject.children if c.dep_ == "nmod"] \
            if subject.lemma_.lower() in amounts else [subject]
        if any(w.lemma_.lower() in trade or w.lower_ in trade for w in words):
            return True
    return False


def _misparsed_object(child) -> bool:
    """"a convoqué, samedi, l'ambassadeur", "convoqué le chargé d'affaires": a
    noun the parser hangs on the verb as a conjunct or complement is its object."""
    return child.dep_ in ("conj", "xcomp", "appos") and child.pos_ in ("NOUN", "PROPN") \
        and child.i > child.head.i


def _names_thing(head, words: set) -> bool:
    """"rappeler son ambassadeur", "la fermeture de la frontière", "la mise en
    place d'un mécanisme": the act's object (or passive subject) is one of
    ``words`` — the object itself, not a word deeper in it ("a rappelé le rôle
    de l'ambassadeur" is no recall)."""
    objects = [c for c in head.children if c.dep_ in ("obj", "nmod", "nsubj:pass", "obl:arg")]
    objects += [g for c in head.children if c.dep_ == "fixed" or c.pos_ == "NOUN" and c.dep_ == "obl"
                for g in c.children if g.dep_ == "nmod"]  # "mise en place d'un ..."
    if head.dep_ == "acl" and head.head.pos_ == "NOUN":  # "la mission ... fermée"
        objects.append(head.head)
    return any(o.lemma_.lower() in words or o.lower_ in words for o in objects)


def _intent_complement(head, lang: LanguageData) -> bool:
    """"leur volonté de renforcer", "l'engagement du Canada à travailler": a
    will or pledge that names the act it aims at (an infinitive)."""
    candidates = [t for t in head.children if t.dep_ in ("acl", "nmod", "xcomp", "advcl", "obl", "ccomp")]
    if head.dep_ == "obj":  # "a rappelé l'engagement du Japon à œuvrer": hung on the verb
        candidates += [t for t in head.head.children if t.dep_ in ("xcomp", "advcl") and t.i > head.i]
    return any("Inf" in t.morph.get("VerbForm") and any(
        m.lower_ in lang.words("infinitive_markers") for m in t.children if m.dep_ in ("mark", "case"))
        for t in candidates)


def _about_situation(head, lang: LanguageData) -> bool:
    """"leur préoccupation quant à la situation dans l'est du pays": a worry
    about how things stand (what it is about may hang on the verb voicing it)."""
    words = lang.words("situation_nouns")
    if _names_thing(head, words):
        return True
    return head.dep_ == "obj" and any(
        c.lemma_.lower() in words for c in head.head.children
        if c.dep_ in ("obl:arg", "obl", "obl:mod") and c.i > head.i)


def _lone_wish(head, sent: ParsedSentence, actors: ActorIndex, lang: LanguageData) -> bool:
    """"a affiché sa volonté de porter la question devant l'ONU": one side's
    own wish (a singular possessive) that names no other state or body is no
    agreement; "leur volonté de ..." and "son souhait de travailler avec le
    Chili" are."""
    if not any(c.dep_ == "det" and c.lower_ in lang.words("own_possessives") for c in head.children):
        return False
    named = {m.token_start for m in actors.in_sentence(sent.index) if m.kind != "person"}
    said = [head]
    if head.dep_ == "obj":  # the wish's complement hung on the verb voicing it
        said += [t for t in head.head.children if t.dep_ in ("xcomp", "advcl") and t.i > head.i]
    return not any(t.i in named for w in said for t in w.subtree if t.i != head.i)


def _partner_complement(head, sent: ParsedSentence, actors: ActorIndex,
                        lang: LanguageData) -> bool:
    """"prête à rejoindre l'initiative chilienne", "disposé à travailler avec
    le Pérou": a readiness is an agreement offered only when what one is ready
    for names another state or body; "prêt à contribuer à la paix" names none."""
    named = {i for m in actors.in_sentence(sent.index) if m.kind != "person"
             for i in range(m.token_start, m.token_end)}
    aims = [t for t in head.children if t.dep_ in ("xcomp", "acl", "advcl", "obl")
            and "Inf" in t.morph.get("VerbForm")]
    return _intent_complement(head, lang) and any(t.i in named for a in aims for t in a.subtree)


def _joint_decision(head, lang: LanguageData) -> bool:
    """"les deux pays ont décidé de ...", "leur décision de ...": a decision is
    an agreement only when several sides take it; "la République peut
    souverainement décider", "la décision de l'OTAN", "sa décision" are one
    side's (a decision noun also needs what is decided: "la décision de
    suspendre", not "une décision qualifiée d'illégale")."""
    if head.pos_ == "NOUN":
        if not _decided_clause(head, lang):
            return False
        owners = [c for c in head.children if c.dep_ == "det" and "Poss=Yes" in str(c.morph)
                  or c.dep_ == "nmod" and c.i > head.i and c.pos_ in ("PROPN", "NOUN", "PRON")
                  and any(m.lower_ in lang.words("infinitive_markers") for m in c.children)]
        return not owners or any(_several(o, lang) for o in owners)
    token = head
    for _ in range(3):  # "peut décider": the subject of the governing verb
        if any(c.lower_ in lang.words("one_sided_adverbs") for c in token.children
               if c.dep_ == "advmod"):
            return False
        if _plural_verb(token):  # "Ankara, Islamabad et Bakou avaient décidé", however parsed
            return True
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects:
            return any(_several(s, lang) for s in subjects)
        if token.dep_ not in ("xcomp", "conj") or token.head.i == token.i:
            return True  # no subject found: not known to be one side
        token = token.head
    return True


def _invitation_frame(head, lang: LanguageData) -> bool:
    """"a entamé une visite à l'invitation de son homologue": an invitation
    named as the circumstance of the act told (a modifier, not what a verb
    answers: "a répondu à l'invitation") is no visit of its own."""
    return head.dep_ in ("obl:mod", "obl", "nmod", "advcl") and any(
        c.dep_ == "case" and c.lower_ in lang.words("invitation_cases") for c in head.children)


def _decided_clause(head, lang: LanguageData) -> bool:
    """What a decision noun decides: an infinitive ("de suspendre") or a
    clause ("que ..."), not a participle about the decision ("adoptée")."""
    return any(c.dep_ in ("acl", "ccomp", "xcomp", "advcl") and c.pos_ in ("VERB", "AUX")
               and ("Inf" in c.morph.get("VerbForm") or "Fin" in c.morph.get("VerbForm"))
               for c in head.children) or _intent_complement(head, lang)


def _plural_verb(verb) -> bool:
    """A verb whose finite form (or auxiliary) agrees with a plural subject."""
    return any("Fin" in t.morph.get("VerbForm") and "Plur" in t.morph.get("Number")
               for t in [verb, *verb.children] if t is verb or t.dep_.startswith("aux"))


def _several(token, lang: LanguageData) -> bool:
    """A doer that is more than one side: plural, coordinated ("Ankara,
    Islamabad et Bakou"), or a gathering ("le sommet")."""
    return "Number=Plur" in str(token.morph) or any(c.dep_ == "conj" for c in token.children) \
        or token.lemma_.lower() in lang.words("gathering_words")


def _joint_doers(head, lang: LanguageData) -> bool:
    """"Les deux présidents ont inauguré le pont": a verb whose own subject
    names several doers (or agrees with them, however parsed); one doer's act ("il a eu le plaisir d'inaugurer",
    "le centre inauguré en mai") is not done together."""
    return _plural_verb(head) or any(_several(c, lang) for c in head.children if c.dep_ == "nsubj")


def _departure_complement(head, lang: LanguageData) -> bool:
    """"a demandé aux diplomates de quitter le pays", "prie l'ambassadeur de
    quitter le territoire": asking envoys to leave is sending them away."""
    return any(t.lemma_.lower() in lang.words("departure_verbs") and "Inf" in t.morph.get("VerbForm")
               for c in head.children if c.dep_ in ("xcomp", "ccomp", "obj", "obl:arg", "advcl")
               for t in [c, *c.children] if t.pos_ == "VERB")


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


def _own_envoy(head, lang: LanguageData) -> bool:
    """"l'Algérie convoque son ambassadeur": a state summoning its own envoy
    (a possessive on the envoy, the state the subject) calls them home; "a
    convoqué l'ambassadeur" is a protest to the other side's."""
    envoys, possessives = lang.words("envoy_words"), lang.words("possessives")
    if not any(c.dep_ == "nsubj" for c in head.children):
        return False  # "la convocation de son chargé d'affaires par le ministère"
    return any(c.lemma_.lower() in envoys and any(d.dep_ == "det" and d.lower_ in possessives
                                                for d in c.children)
               for c in head.children if c.dep_ in ("obj", "nmod", "nsubj:pass"))


def _document_subject(head, lang: LanguageData) -> bool:
    """"Les accords signés servent de fondement ..., promettant une
    coopération étendue": a document that "promises" only augurs."""
    token = head
    for _ in range(2):  # a participle or infinitive takes the subject of its verb
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects:
            return any(s.lemma_.lower() in lang.words("document_nouns") for s in subjects)
        if token.dep_ not in ("advcl", "xcomp", "acl") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _doom_complement(head, lang: LanguageData) -> bool:
    """"sera condamnée au désastre", "condamné à payer": condemned *to*
    something, with nothing condemned, is a sentence or a fate, not blame."""
    if any(c.dep_ == "obj" for c in head.children):
        return False
    return any(c.dep_ in ("obl:arg", "obl", "xcomp") and (
        c.pos_ == "NOUN" or c.pos_ == "VERB" and c.is_lower and "Inf" in c.morph.get("VerbForm"))
        and any(m.lower_ in lang.words("doom_cases") for m in c.children if m.dep_ in ("case", "mark"))
        for c in head.children)


def _matter_subject(head, lang: LanguageData) -> bool:
    """"de nombreux dossiers qui demandent des échanges", "la situation exige
    une réponse": the one "asking" is a matter (named as subject, or as the
    noun a relative clause hangs on), not a state or its officials."""
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    if head.dep_ == "acl:relcl":
        doers.append(head.head)
    return any(d.lemma_.lower() in lang.words("matter_nouns") for d in doers)


def _private_object(head, lang: LanguageData) -> bool:
    """"elle rencontre les chercheurs et expatriés belges": meeting
    private people is no diplomatic meeting."""
    objects = [c for c in head.children if c.dep_ in ("obj", "nmod") and c.pos_ == "NOUN"]
    private = lang.words("private_persons")
    return bool(objects) and all(o.lemma_.lower() in private for o in objects)


def _goods_after(head, lang: LanguageData) -> bool:
    """"la réception de cinquante tonnes de dattes", "de vaccins": the noun
    right after the act (read from the words: the parser often hangs it
    elsewhere) is counted or is goods."""
    for token in head.doc[head.i + 1:head.i + 5]:
        if token.pos_ == "NUM":
            return True
        if token.pos_ in ("NOUN", "PROPN", "VERB", "PUNCT"):
            return token.lemma_.lower() in lang.words("goods")
    return False


def _unofficial_subject(head, lang: LanguageData) -> bool:
    """Who arrives is a thing or people holding no office ("deux avions sont
    arrivés", "une équipe d'experts est arrivée", "l'arrivée d'instructeurs"):
    no visit. Names, pronouns and office words ("le président", "la
    délégation") are officials."""
    doers = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if head.pos_ == "NOUN":  # "l'arrivée de X"
        doers += [c for c in head.children if c.dep_ == "nmod" and c.i > head.i]
    elif not doers:
        doers = _inherited_subjects(head)
    office = lang.words("person_words")
    return bool(doers) and all(d.pos_ == "NOUN" and d.lemma_.lower() not in office
                               and d.lower_ not in office for d in doers)


def _inherited_subjects(head) -> list:
    """Who does what a verb without a subject of its own tells: the word a
    participle describes ("l'avion arrivé hier") or the subject of the verb
    it is coordinated with or the parser hung it on ("des avions transportant
    ... sont arrivés")."""
    noun = head.head
    # a participle set apart by a comma is often hung on the wrong noun
    if head.dep_ == "acl" and noun.i < head.i \
            and not any(t.pos_ == "PUNCT" for t in head.doc[noun.i + 1:head.i]):
        return [noun]
    if head.dep_ in ("advcl", "conj"):  # a second verb shares the first one's subject
        return [c for c in noun.children if c.dep_ in ("nsubj", "nsubj:pass")]
    return []


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


_CONTENT_GOVERNORS = {"REQUEST", "AGREE", "SUPPORT", "ACCUSE", "REJECT", "THREATEN"}


def outermost(found: list, lang: LanguageData) -> list:
    """Acts inside the content of another act are that act's content, not
    events of their own: "a demandé à la Russie de *soutenir*", "ont convenu
    de renforcer la *coordination*", "s'est rendu ... pour *inspecter*"."""
    heads = {head.i: trigger for trigger, head in found}
    acts_words = set(heads)  # every act word, a decision given way to included
    decided = lang.words("decided_acts")
    wrappers = set()
    for trigger, head in found:
        ancestor = _governing_trigger(head, heads, lang)
        if trigger.type.lower() in decided and ancestor is not None and heads[ancestor.i].wrapper:
            wrappers.add(ancestor.i)
    if wrappers:  # "a décidé de suspendre": the suspension is the act
        found = [(t, h) for t, h in found if h.i not in wrappers]
        heads = {head.i: trigger for trigger, head in found}
    kept = []
    for trigger, head in found:
        if _is_background_participle(trigger, head, lang) or _is_background(head, lang) \
                or trigger.type != "CONSULT" and (_describes_thing(head, lang)
                                                  or _habit_of_described(head)
                                                  or _judged_subject(head, acts_words)) \
                or _is_document_content(head, lang) or _is_aim(trigger, head, lang):
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
            if child.dep_ == "conj" and _finite_clause(child):
                return None  # "ont condamné ... et ont affirmé": a second act, not content
            return token if child.dep_ in _CONTENT_DEPS or _purpose(child, lang) \
                or _infinitive_complement(child, lang) else None
    return None


def _finite_clause(token) -> bool:
    """A verb with its own auxiliary or subject: a clause of its own."""
    return token.pos_ == "VERB" and any(c.dep_.startswith(("aux", "nsubj")) for c in token.children)


def _infinitive_complement(token, lang: LanguageData) -> bool:
    """"sa volonté de renforcer", "la décision de suspendre": what a noun of
    will or decision is about."""
    return token.dep_ == "acl" and "Inf" in token.morph.get("VerbForm") and any(
        c.lower_ in lang.words("infinitive_markers") for c in token.children if c.dep_ == "mark")


def _reached_by_purpose(head, ancestor, lang: LanguageData) -> bool:
    token = head
    while token.head.i != ancestor.i and token.head.i != token.i:
        token = token.head
    return _purpose(token, lang)


def _purpose(token, lang: LanguageData) -> bool:
    """"se retrouveront ... pour adopter le plan": the aim of an act is its content."""
    return token.dep_ in ("advcl", "obl:mod", "acl") and any(
        c.lower_ in lang.words("purpose_markers") for c in token.children if c.dep_ in ("mark", "case"))


def _is_aim(trigger: Trigger, head, lang: LanguageData) -> bool:
    """"a effectué une tournée afin de *coordonner*", "allouerait 600 millions
    pour *soutenir* les élections", "le don est destiné à *soutenir*": what an
    act aims at, not an act of its own (a meeting one travels to is one)."""
    if trigger.type == "CONSULT" or "Inf" not in head.morph.get("VerbForm"):
        return False
    return _purpose(head, lang) or (
        head.dep_ in ("xcomp", "obl:arg", "obl", "advcl")
        and head.head.lemma_.lower() in lang.words("aim_verbs"))


def _is_background(head, lang: LanguageData) -> bool:
    """"depuis l'établissement des relations", "le 50e anniversaire de
    l'établissement des relations": history, not news."""
    return any(c.lower_ in lang.words("since_markers") for c in head.children if c.dep_ == "case") \
        or head.dep_ == "nmod" and head.head.lemma_.lower() in lang.words("anniversary_nouns")


def _is_document_content(head, lang: LanguageData) -> bool:
    """"un mémorandum sur la création d'une commission", "le programme
    d'activités conjointes": what a document is about, not an act (nor is a
    noun named as a topic: "un texte sur la création de ...")."""
    if _is_topic(head, lang):
        return True
    token = head
    for _ in range(2):
        if token.pos_ != "NOUN" or token.dep_ != "nmod":
            return False
        token = token.head
        if token.lemma_.lower() in lang.words("document_nouns"):
            return True
    return False


def _is_topic(head, lang: LanguageData) -> bool:
    """"une conversation ... sur le renforcement de la coopération et de la
    *coordination*", "sur la manière de mieux *coopérer*": a noun (or the
    infinitive describing it) inside what something is about."""
    token, deps = head, ("nmod", "obl:arg", "obl", "conj")
    if token.dep_ == "acl" and "Inf" in token.morph.get("VerbForm"):
        token, deps = token.head, (*deps, "obl:mod")  # "sur la manière de"
    for _ in range(3):
        if token.pos_ != "NOUN" or token.dep_ not in deps:
            return False
        if token.dep_ != "conj" and any(c.dep_ == "case" and c.lower_ in lang.words("topic_markers")
                                        for c in token.children):
            return True
        if token.dep_ != "conj" and token.head.lemma_.lower() in lang.words("domain_nouns"):
            return True  # "une assistance en matière d'équipement et d'*entretien*"
        token = token.head
    return False


def _agent_named(head, lang: LanguageData) -> bool:
    """"fournie par l'Arabie saoudite", "qualifiée d'« illégale » par le
    Pakistan": a participle that names who did it (however the parser hung
    the agent)."""
    return any(c.dep_ == "obl:agent" for c in head.children) or any(
        t.lower_ in lang.words("agent_markers") and t.head.pos_ in ("PROPN", "NOUN")
        for t in _following(head))


def _is_background_participle(trigger: Trigger, head, lang: LanguageData) -> bool:
    """"le plan convenu", "les sanctions adoptées par l'UE", "les dattes
    offertes": a participle describing a thing, not an act (but "accusant"
    is one, and "le président, arrivé lundi" tells a visit)."""
    if trigger.type in ("ACCUSE", "AID") and _agent_named(head, lang):
        return False  # "qualifiée d'illégale par le Pakistan", "l'aide fournie par l'Arabie saoudite"
    if trigger.type == "CONSULT" or "Part" not in head.morph.get("VerbForm") \
            or "Pres" in head.morph.get("Tense"):
        return False
    if trigger.size == 1 and any(c.dep_ == "det" for c in head.children):
        return True  # "le modèle est le plus demandé": a participle with an article names a quality
    adjective = head.dep_ in ("acl", "amod") or (  # "n'est plus la bienvenue ou acceptée"
        head.dep_ == "conj" and (head.head.pos_ == "ADJ" or head.head.pos_ == "NOUN" and any(
            c.dep_ in ("cop", "aux:pass") for c in head.head.children)))
    return adjective and not any(c.dep_.startswith("aux") for c in head.children)


def _habit_of_described(head) -> bool:
    """"l'Iran, qui soutient des milices", "une amitié qui ... et coopéraient":
    a relative clause whose subject is its noun, in the simple present or
    imperfect with no auxiliary, tells what that noun usually does, not a
    news act (but "qui a condamné" tells one)."""
    token = head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "qui bravait ... et *coopéraient*"
    if head.pos_ != "VERB" or not any(c.dep_ == "nsubj" and "Rel" in c.morph.get("PronType")
                                      for c in token.children):
        return False  # "des déclarations dans lesquelles le diplomate qualifiait": a reported act
    simple = [t for t in {head, token}
              if "Fin" in t.morph.get("VerbForm") and t.morph.get("Tense") in (["Pres"], ["Imp"])
              and "Ind" in t.morph.get("Mood")
              and not any(c.dep_.startswith("aux") for c in t.children)]
    return len(simple) == len({head, token})


def _judged_subject(head, acts_words: set) -> bool:
    """"Son soutien ... est inestimable", "la coordination ... devenait
    cruciale": an act noun that is the subject of a judgement (an adjective
    it is said to be or become) is weighed, not told as done; but not what an
    act word decides ("ont décidé que leurs exercices deviendraient permanents")."""
    if head.pos_ != "NOUN" or head.dep_ != "nsubj" or head.head.head.i in acts_words:
        return False
    predicate = head.head
    if predicate.pos_ == "ADJ":
        return any(c.dep_ == "cop" for c in predicate.children)
    return predicate.pos_ == "VERB" and any(c.dep_ == "xcomp" and c.pos_ == "ADJ"
                                            for c in predicate.children)


def _describes_thing(head, lang: LanguageData) -> bool:
    """"un canal de dialogue *exigeant*", "la proposition *suggérant* que":
    a present participle right after a thing describes it; one set apart
    by a comma ("a rejeté les sanctions ..., *accusant*") or qualifying a doer
    tells an act."""
    noun = head.head
    return head.dep_ == "acl" and "Part" in head.morph.get("VerbForm") \
        and "Pres" in head.morph.get("Tense") and noun.pos_ == "NOUN" and noun.i < head.i \
        and noun.lemma_.lower() not in lang.words("person_words") \
        and not any(t.pos_ == "PUNCT" for t in head.doc[noun.i + 1:head.i])


def back_reference(head, trigger: Trigger, lang: LanguageData) -> str | None:
    """How surely a noun refers back to an act already told: "told" for
    "cette visite" or "a accueilli l'offre" (evidence only), "likely" for
    "lors de ses entretiens" or "à l'issue de l'entretien" (evidence for a
    meeting already found, else the meeting itself)."""
    if head.pos_ != "NOUN":
        return None
    dets = {c.lower_ for c in head.children if c.dep_ == "det"}
    definite = lang.words("definite_articles")
    if dets & lang.words("demonstratives"):
        return "told"  # "cette visite", "à l'issue de cette signature"
    if trigger.mode == "sign":
        return None
    if trigger.type in ("AGREE", "REQUEST") and dets & definite \
            and head.dep_ in ("obj", "nsubj", "nsubj:pass", "conj") and not _voiced(head, lang):
        return "told"
    if dets & definite and head.dep_ == "nsubj" \
            and head.head.lemma_.lower() in lang.words("happening_verbs") \
            and not any(c.lower_ in lang.words("fresh_words") or c.dep_ in ("nmod", "nummod")
                        or "Ord" in c.morph.get("NumType") for c in head.children):
        return "likely"  # "L'exercice militaire a lieu du 15 au 23", "La rencontre s'est déroulée"
    if trigger.type == "CONSULT":
        if _renamed(head, lang):
            return "likely"  # "Cette visite était la première rencontre": said what it was
        if any(c.lower_ in lang.words("first_words") for c in head.children if c.dep_ == "amod"):
            return None  # "lors de sa première rencontre avec le MAE": told for the first time
        around = {t.lower_ for t in head.doc[max(0, head.i - 4):head.i]}
        if _presented(head, lang) or dets & lang.words("possessives") or (
                dets & definite and around & lang.words("circumstance_words")):
            return "likely"
    return None


def _voiced(head, lang: LanguageData) -> bool:
    """"a exprimé le souhait d'approfondir", "a annoncé la mise en place d'un
    groupe": a wish or step voiced now, the object of a verb of saying it, is
    told here for the first time, not referred back to."""
    return head.dep_ == "obj" and head.head.lemma_.lower() in lang.words("expression_verbs")


def _renamed(head, lang: LanguageData) -> bool:
    """"Cette visite était la première rencontre ...": an act already told
    (a demonstrative subject) said to be this act, even a first one."""
    return any(c.dep_ == "cop" for c in head.children) and any(
        c.dep_.startswith("nsubj") and any(d.dep_ == "det" and d.lower_ in lang.words("demonstratives")
                                           for d in c.children)
        for c in head.children)


def _presented(head, lang: LanguageData) -> bool:
    """"Il s'agit d'une visite de ...", "C'est la première visite ...": the
    act is presented, as one the article has (likely) told already."""
    if head.dep_ in ("obl:arg", "obj", "obl") \
            and head.head.lemma_.lower() in lang.words("presenting_verbs"):
        return True
    return any(c.dep_ == "cop" for c in head.children) and any(
        c.dep_.startswith("nsubj") and (c.lower_ in lang.words("presenting_pronouns") or any(
            d.dep_ == "det" and d.lower_ in lang.words("demonstratives") for d in c.children))
        for c in head.children)  # "C'est la première visite", "Cette visite était la première rencontre"


def signs_named_document(head, sent: ParsedSentence, bare: set, lang: LanguageData) -> bool:
    """"L'accord a été signé par ...", "la signature de ces accords": the signing
    of a document the article has already named, told again (evidence for that signing, else the signing itself)."""
    for child in head.children:
        if (sent.start, child.i) not in bare:
            continue
        dets = {c.lower_ for c in child.children if c.dep_ == "det"}
        if child.dep_ in ("nsubj:pass", "obj", "nsubj") and dets & (
                lang.words("definite_articles") | lang.words("demonstratives")):
            return True
        if child.dep_ == "nmod" and dets & lang.words("demonstratives"):
            return True  # "la signature de ces accords"
    return False


def stated_by_document(head, lang: LanguageData) -> bool:
    """"La déclaration précise que les deux États ont résolu de ...": an act a
    document is said to state is that document's content (its signing or
    adoption, told elsewhere), not a further act."""
    token = head
    for _ in range(3):
        if token.dep_ not in ("ccomp", "xcomp", "conj") or token.head.i == token.i:
            return False
        said = token.dep_ == "ccomp"  # "indique que ...", not "devraient être signés"
        token = token.head
        if said and any(c.dep_ == "nsubj" and c.lemma_.lower() in lang.words("reporting_documents")
                        for c in token.children):
            return True
    return False


def meeting_as_agent(head, lang: LanguageData) -> bool:
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


def hypothetical(head, lang: LanguageData) -> bool:
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


def negated(head, lang: LanguageData) -> bool:
    negations = lang.words("negations")
    return any(c.lower_ in negations for c in head.children) or any(
        c.lower_ in negations for c in head.head.children if head.dep_ == "xcomp")


#: needs read from the act word and the language data alone
_HEAD_NEEDS = {"departure_complement": _departure_complement,
               "private_subject": _private_subject, "own_envoy": _own_envoy,
               "received_goods": _goods_after, "document_subject": _document_subject,
               "private_object": _private_object, "unofficial_subject": _unofficial_subject,
               "intent_complement": _intent_complement, "invitation_frame": _invitation_frame,
               "doom_complement": _doom_complement, "matter_subject": _matter_subject,
               "joint_decision": _joint_decision, "joint_doers": _joint_doers}
