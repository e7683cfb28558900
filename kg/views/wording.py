"""Plain words for what the fact model records: qualifiers, urgencies, counts.

The words of the values come from the ontology (each ``kgv:`` value's ``rdfs:label``: "can",
"in high amounts", "in severe cases", "early in the disease"); this module only orders and joins
them as a page says them ("can, in high amounts"; "in some cases, in ALS"; "the usual cause"),
and names the urgency groups the way health sites do ("Get medical help now", "See a doctor").
"""

from __future__ import annotations

from typing import Iterable

from kg.namespaces import KGO, KGV

# How surely a quote says a fact holds, from the surest; a fact several quotes state is shown
# with the most cautious of them (a page never says more than the article's weakest wording).
MODALITY_ORDER = ("always", "usually", "can", "in-some-cases", "rarely")

# The order in which contexts are said, and how each kind is put into words.
CONTEXT_ORDER = ("inCondition", "inPopulation", "severity", "amount", "frequency", "stage", "whenCausedBy",
                 "unlessCausedBy", "atSite")

# What the article singles a fact out as, said with the noun of the relation ("the usual cause").
EMPHASIS_ORDER = ("most-common", "first-line", "best-remedy", "common", "second-line")
EMPHASIS_WORDS = {"most-common": "the usual {noun}", "common": "a common {noun}", "first-line": "first-line {noun}",
                  "second-line": "second-line {noun}", "best-remedy": "the best remedy"}
RELATION_NOUNS = (("causes", "cause"), ("causedBy", "cause"), ("treats", "treatment"), ("treatedBy", "treatment"),
                  ("prevents", "measure"), ("preventedBy", "measure"), ("hasSymptom", "symptom"),
                  ("symptomOf", "symptom"))

# The groups of warning signs, from the most urgent (kgo:rank 1), as health sites head them.
URGENCY_HEADINGS = {"immediate": "Get medical help now", "prompt": "Get medical attention promptly",
                    "see-doctor": "See a doctor", "discuss": "Talk it over with your doctor"}


def local(iri: str) -> str:
    """The local name of an IRI.

    >>> local("https://w3id.org/kneekg/vocab/in-some-cases")
    'in-some-cases'
    """
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def lower_first(label: str) -> str:
    """A label as said inside a sentence: "Pregnancy" → "pregnancy", but "ALS" and "Vitamin D" keep their capitals.

    >>> [lower_first(x) for x in ("Pregnancy", "ALS", "Vitamin D deficiency", "Thigh muscles", "")]
    ['pregnancy', 'ALS', 'vitamin D deficiency', 'thigh muscles', '']
    """
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def join(words: Iterable[str], last: str = "and") -> str:
    """Join words as a sentence does.

    >>> join(["a"]), join(["a", "b"]), join(["a", "b", "c"], "or")
    ('a', 'a and b', 'a, b or c')
    """
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def count(n: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun: "1 quote", "7 quotes".

    >>> count(1, "quote"), count(7, "quote"), count(2, "fact", "facts")
    ('1 quote', '7 quotes', '2 facts')
    """
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def cautious(modalities: Iterable[str]) -> str:
    """The most cautious of the modalities (local names) quotes give; "always" for unhedged ones.

    >>> cautious(["usually", "can"]), cautious(["always"]), cautious(["can", "in-some-cases"])
    ('can', 'always', 'in-some-cases')
    """
    known = [m for m in modalities if m in MODALITY_ORDER]
    return max(known, key=MODALITY_ORDER.index, default="always")


def relation_noun(onto, relation: str) -> str:
    """The noun a relation gives its neighbours ("cause" for causes and its kinds), or ""."""
    family = set(onto.supers(relation))
    inverse = onto.inverse(relation)
    if inverse:
        family |= onto.supers(inverse)
    for name, noun in RELATION_NOUNS:
        if str(KGO[name]) in family:
            return noun
    return ""


def qualifier_words(onto, evidence: list, relation: str, *, urgency: bool = False) -> str:
    """How the quotes of one fact qualify it, in plain words: "the usual cause, can, in the thigh muscles".

    Emphasis first (any quote's), then the most cautious modality of the quotes (none for unhedged
    facts), then the contexts every quote gives (a context only some quotes give is shown with those
    quotes), the intent, and with ``urgency`` the urgencies, most urgent first.
    """
    parts: list[str] = []

    def values(name: str) -> list[str]:
        return sorted({v for ev in evidence for v in ev.values(KGO[name])})

    def shared(name: str) -> list[str]:
        sets = [set(ev.values(KGO[name])) for ev in evidence]
        return sorted(set.intersection(*sets)) if sets else []

    emphases = sorted({local(v) for v in values("emphasis")},
                      key=lambda e: EMPHASIS_ORDER.index(e) if e in EMPHASIS_ORDER else 99)
    if emphases:
        top, noun = emphases[0], relation_noun(onto, relation)
        template = EMPHASIS_WORDS.get(top)
        if template and (noun or "{noun}" not in template):
            parts.append(template.format(noun=noun))
        else:
            parts.append(onto.value_label(str(KGV[top])))
    modality = cautious(local(v) for ev in evidence for v in (ev.values(KGO.modality) or ("always",)))
    if modality != "always" and not (modality == "usually" and emphases and emphases[0] == "most-common"):
        parts.append(onto.value_label(str(KGV[modality])))
    for name in CONTEXT_ORDER:
        found = shared(name)
        if found:
            parts.append(context_words(onto, name, found))
    for prop in sorted({p for ev in evidence for p in ev.qualifiers} - {str(KGO[n]) for n in CONTEXT_ORDER}):
        if prop in onto.properties and str(KGO.context) in onto.properties[prop]["supers"]:
            found = shared(local(prop))
            if found:
                parts.append(f"{onto.properties[prop]['label']} " + join(lower_first(onto.label(v)) for v in found))
    intents = shared("intent")
    if intents:
        parts.append("for " + join(onto.value_label(v) for v in intents))
    if urgency:
        urgencies = sorted(values("urgency"), key=onto.rank)
        if urgencies:
            parts.append(join((onto.value_label(u) for u in urgencies), "or"))
    return ", ".join(p for p in parts if p)


def context_words(onto, name: str, values: list[str]) -> str:
    """One kind of context in words: "in ALS", "in high amounts", "when frequent", "unless caused by muscle strain"."""
    names = [lower_first(onto.label(v)) for v in values]
    if name in ("inCondition", "inPopulation"):
        return "in " + join(names, "or")
    if name == "atSite":
        return "in the " + join(names, "or")
    if name == "whenCausedBy":
        return "when caused by " + join(names, "or")
    if name == "unlessCausedBy":
        return "unless caused by " + join(names, "or")
    if name == "frequency":
        return "when " + join((onto.value_label(v) for v in values), "or")
    return join((onto.value_label(v) for v in values), "or")


def predicate_words(label: str) -> str:
    """A relation's label as a predicate: "causes" stays, "side effect of" becomes "is a side effect of".

    >>> [predicate_words(x) for x in ("causes", "side effect of", "at increased risk of", "example of")]
    ['causes', 'is a side effect of', 'is at increased risk of', 'is an example of']
    """
    first = label.split(" ", 1)[0]
    if first.endswith("s") and not first.endswith("ss"):
        return label
    if first in ("at", "in", "on"):
        return "is " + label
    return ("is an " if label[:1] in "aeiou" else "is a ") + label


def denied(subject: str, relation: str, obj: str = "") -> str:
    """What a negated statement says, in words ("ALS has no cure"); ``obj`` empty for "anything".

    >>> denied("ALS", "has cure"), denied("Caffeine", "causes", "cramps")
    ('ALS has no cure', 'Caffeine does not cause cramps')
    """
    if relation.startswith("has "):
        said = f"{subject} has no {relation[4:]}"
    else:
        words = relation.split(" ", 1)
        verb = words[0][:-2] if words[0].endswith(("sses", "xes", "zes", "ches", "shes")) else words[0].removesuffix("s")
        said = f"{subject} does not {' '.join([verb, *words[1:]])}"
    return f"{said} {obj}" if obj else said


def urgency_heading(onto, value: str) -> str:
    """The heading of a group of warning signs: "Get medical help now" for ``kgv:immediate``."""
    label = onto.value_label(value)
    return URGENCY_HEADINGS.get(local(value), label[:1].upper() + label[1:])
