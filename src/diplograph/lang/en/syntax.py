"""English parses in the shape the stages read: Universal Dependencies.

spaCy's English pipelines label dependencies in the ClearNLP scheme
(prepositions head their objects, ``dobj``, ``nsubjpass``, the copula as
root) and entities in the OntoNotes scheme (PERSON, GPE, NORP...), while the
stages read UD relations and the four WikiNER labels the French pipeline
gives (PER, LOC, ORG, MISC). This module rewrites each parsed English
sentence in place into that shape, so that no stage needs an English branch.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Span

#: OntoNotes entity labels as the stages know them; the rest (dates, amounts,
#: ordinals...) are read by the language data, not by the entity recogniser
ENTITY_LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
                 "ORG": "ORG", "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC",
                 "WORK_OF_ART": "MISC", "LANGUAGE": "MISC"}

#: ClearNLP labels with a one-to-one UD counterpart
RENAMED = {"dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass",
           "auxpass": "aux:pass", "relcl": "acl:relcl", "prt": "compound:prt",
           "neg": "advmod", "oprd": "xcomp", "dative": "iobj", "quantmod": "advmod",
           "npadvmod": "obl:npmod", "predet": "det:predet", "preconj": "cc:preconj",
           "intj": "discourse", "meta": "discourse", "nmod": "compound", "attr": "xcomp",
           "acomp": "xcomp", "pcomp": "ccomp"}

#: parts of speech whose prepositional dependents are obliques (else nominal modifiers)
_CLAUSAL = {"VERB", "AUX", "ADJ", "ADV"}


def to_universal(doc: Doc) -> Doc:
    """Rewrite the dependencies and entity labels of a parsed English Doc as UD
    and WikiNER labels (in place; sentence boundaries are kept)."""
    _relabel_entities(doc)
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    pos = [t.pos_ for t in doc]
    _rename(doc, deps, lambda dep: dep not in _RESTRUCTURED)
    _promote_predicates(doc, heads, deps)
    _invert_prepositions(doc, heads, deps, pos)
    _rename(doc, deps, lambda dep: dep in _RESTRUCTURED)
    _write(doc, heads, deps)
    return doc


#: labels the restructuring steps read, renamed only after them
_RESTRUCTURED = ("attr", "acomp", "dative", "pcomp")


def _rename(doc: Doc, deps: list[str], wanted) -> None:
    for i, dep in enumerate(deps):
        if not wanted(dep):
            continue
        if dep in RENAMED:
            deps[i] = RENAMED[dep]
        elif dep == "poss":  # "his counterpart": a determiner, as French "son homologue"
            deps[i] = "det" if doc[i].tag_ in ("PRP$", "WP$") else "nmod"


def _relabel_entities(doc: Doc) -> None:
    doc.ents = [Span(doc, e.start, e.end, label=ENTITY_LABELS[e.label_])
                for e in doc.ents if e.label_ in ENTITY_LABELS]


def _children(heads: list[int], i: int) -> list[int]:
    return [j for j, h in enumerate(heads) if h == i and j != i]


def _promote_predicates(doc: Doc, heads: list[int], deps: list[str]) -> None:
    """"The talks were useful": UD makes the predicate the head and "were" its
    copula, as in French ("les entretiens ont été utiles")."""
    for i, token in enumerate(doc):
        if token.lemma_ != "be":
            continue
        predicates = [j for j in _children(heads, i) if deps[j] in ("attr", "acomp")]
        if len(predicates) != 1:
            continue
        p = predicates[0]
        heads[p], deps[p] = (p if heads[i] == i else heads[i]), deps[i]
        for j in _children(heads, i):
            if j != p:
                heads[j] = p
        heads[i], deps[i] = p, "cop"


def _invert_prepositions(doc: Doc, heads: list[int], deps: list[str], pos: list[str]) -> None:
    """"met in Jakarta": ClearNLP hangs Jakarta under "in"; UD hangs it under
    "met" (an oblique; a nominal modifier under a noun) with "in" as its case
    marker. "after signing": the clause becomes an adverbial clause marked by
    "after". The possessive "'s" is already a case marker in both schemes."""
    for i in range(len(doc)):
        if deps[i] not in ("prep", "agent", "dative") or pos[i] not in ("ADP", "PART", "ADV", "SCONJ"):
            continue
        objects = [j for j in _children(heads, i) if deps[j] in ("pobj", "pcomp")]
        if not objects:
            if deps[i] != "dative":
                deps[i] = "advmod" if pos[i] == "ADV" else "compound:prt"
            continue
        o = objects[0]
        governor = heads[i] if heads[i] != i else o
        clausal_head = pos[governor] in _CLAUSAL
        if deps[o] == "pcomp" and pos[o] in ("VERB", "AUX"):
            deps[o], marker = ("advcl" if clausal_head else "acl"), "mark"
        elif deps[i] == "agent":
            deps[o], marker = "obl:agent", "case"
        else:
            deps[o], marker = ("obl" if clausal_head else "nmod"), "case"
        heads[o] = governor if governor != o else o
        for j in _children(heads, i):  # "just after", a second object: follow the object
            if j != o:
                heads[j] = o
        heads[i], deps[i] = o, marker


def _write(doc: Doc, heads: list[int], deps: list[str]) -> None:
    starts = [t.is_sent_start for t in doc]
    array = np.zeros((len(doc), 2), dtype="uint64")
    for i in range(len(doc)):
        array[i, 0] = np.uint64(heads[i] - i) if heads[i] >= i else np.uint64(2 ** 64 + heads[i] - i)
        array[i, 1] = doc.vocab.strings.add(deps[i])
    doc.from_array([HEAD, DEP], array)
    for token, start in zip(doc, starts):
        if start is not None and token.is_sent_start != start and token.i > 0:
            token.is_sent_start = start
