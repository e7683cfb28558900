"""Two questions in one box: "what makes it do that and how do I get it to stop", "how do they check for it and
what's the treatment".

A question clause that goes on with "and" and a second asking clause (a question word, or an auxiliary with a
person: "and should I ...") is read as two questions. The second is read with the first as its context, so its
"it" or "them" stands for what the first named. Each is answered as if asked alone; the answer holds both, in
order, each with its own reading. A part that is declined for a dose (or a prognosis, or SPARQL) declines the
whole: nothing is answered around a refusal. A part declined as personal advice beside a part that asks a fact
("could the tablets do that, and should I just stop them") leaves the fact answered; the advice part says the
article gives no personal advice and quotes what it says for the reader's cause (kg.qa.advice).
"""

from __future__ import annotations

from kg.qa.answer import Answer
from kg.qa.text import AUXILIARIES, WH_WORDS, clauses, normalise_text, tokenize
from kg.qa.text import asks as opens_asking

PEOPLE = frozenset("i it they you we he she this that".split())
MIN_PART = 3  # words each part has at least
STORY = 8  # words of a first part that opens as no question: a story told before the question (kg.qa.lead_in)


THEN = frozenset("then also next".split())  # a sequence word between "and" and the second question word
ASKING = frozenset("list name say give tell describe explain state define identify".split())  # "name X, *and list* Y": an ask


def split(raw: str) -> tuple[str, str] | None:
    """The two questions of ``raw`` (the second with the first before it, as context), or None for one question.

    >>> split("what makes it do that and how do i get it to stop")
    ('what makes it do that', 'what makes it do that. how do i get it to stop')
    >>> split("do stretching and massage help") is None
    True
    >>> split("name the disorder the faq gives, and list its treatments")[0]
    'name the disorder the faq gives'
    """
    text = normalise_text(raw)
    tokens = tokenize(text)
    words = [t for t in tokens if not t.is_punct]
    for k, t in enumerate(tokens):
        if t.lemma != "and" or k + 2 >= len(tokens):
            continue
        j = k + 2 if tokens[k + 1].lemma in THEN and k + 3 < len(tokens) else k + 1  # "… *and then* what's the treatment"
        nxt, after = tokens[j], tokens[j + 1]
        asks = nxt.lemma in WH_WORDS or (nxt.surface in AUXILIARIES and after.lemma in PEOPLE) or nxt.lemma in ASKING
        if not asks:
            continue
        first = [w for w in tokens[:k] if not w.is_punct]
        second = [w for w in tokens[j:] if not w.is_punct]
        if len(first) < MIN_PART or len(second) < MIN_PART or len(first) + len(second) > len(words):
            continue
        if not any(w.lemma in WH_WORDS or w.surface in AUXILIARIES for w in first) and first[0].lemma not in ASKING:
            continue  # "my knee twitches and what should I do": the first part tells, it does not ask
        if not opens_asking(first) and first[0].lemma not in ASKING and (
                nxt.lemma in ASKING or len(first) >= STORY and not any(w.lemma in WH_WORDS for w in first)
                and not any(opens_asking(c) for c in clauses(tokens[:k]))):  # "…, and lately it jumps. could it be X and
            continue  # "my pickers are on their feet all day *and say* their legs lock up", a long story "… and what causes this": told
        before = text[:t.start].rstrip(" ,;-")
        if nxt.lemma in ASKING and not any(w.lemma in BACK for w in second):  # "…, and list the treatments for X":
            return before, text[nxt.start:]  # a whole ask of its own, read without the first one's words
        return before, before + ". " + text[nxt.start:]
    return _sentences(text, tokens)


SEQUENCE = frozenset("then also next and now finally secondly second".split())  # "… . *Then* state what …"
ENDS = frozenset(".?;!")


def _sentences(text: str, tokens) -> tuple[str, str] | None:
    """Two asking sentences in a row, the second an order ("Define ALS as given in the text. Then state what its
    treatment focuses on."): two questions, the second read with the first before it (its "its" is ALS).

    >>> _sentences("define als. then state what its treatment focuses on", tokenize("define als. then state what its treatment focuses on"))
    ('define als', 'define als. state what its treatment focuses on')
    >>> _sentences("my knee twitches. list the causes", tokenize("my knee twitches. list the causes")) is None
    True
    """
    for k, t in enumerate(tokens):
        if t.surface not in ENDS:
            continue
        j = k + 1
        while j < len(tokens) and (tokens[j].lemma in SEQUENCE or tokens[j].surface == ","):
            j += 1
        if j >= len(tokens) or tokens[j].lemma not in ASKING:
            continue
        first = [w for w in tokens[:k] if not w.is_punct]
        second = [w for w in tokens[j:] if not w.is_punct]
        if len(first) < 2 or len(second) < MIN_PART or not (_asks(tokens[:k]) or t.surface == "?"):
            continue
        before = text[:t.start].rstrip(" ,;-")
        return before, before + ". " + text[tokens[j].start:]
    return None


def _asks(tokens) -> bool:
    """Whether a sentence asks: a question word in it, or an auxiliary or an order at its start or after a label's
    colon ("Exam item 2: *define* ALS"); a statement ("nerve damage is one cause.") tells.

    >>> _asks(tokenize("nerve damage is one cause")), _asks(tokenize("is nerve damage a cause"))
    (False, True)
    """
    starts = [0] + [k + 1 for k, t in enumerate(tokens) if t.surface == ":"]
    return any(t.lemma in WH_WORDS for t in tokens) or any(  # an auxiliary asks where it opens: "nerve damage *is* one
        k < len(tokens) and (tokens[k].lemma in ASKING or tokens[k].surface in AUXILIARIES) for k in starts)  # cause." tells


BACK = frozenset("it its they them their that this those these".split())


def refers_back(first: str, second: str) -> bool:
    """Whether the second question (``second`` holds the first before it) points back at what the first named.

    >>> refers_back("what is gout", "what is gout. how is it treated")
    True
    >>> refers_back("what is gout", "what is gout. what causes knee spasms")
    False
    """
    own = second[len(first):] if second.startswith(first) else second
    return any(t.lemma in BACK or t.surface in BACK for t in tokenize(own))


# "what should we do", "what can I do now", "how can we help him": what to do about the story, asked with no thing named
_DOING = frozenset("what how should shall can could do does we i you us he she him her then now next about and so "
                   "help best".split()) | AUXILIARIES


def asks_on_story(first: str, second: str) -> bool:
    """Whether the second question only asks what to do, naming nothing ("… is that from the stroke *and what should we
    do*"): what to do about the story's thing, so about what the first part asked of.

    >>> asks_on_story("is that from gout", "is that from gout and what should we do")
    True
    >>> asks_on_story("is that from gout", "is that from gout and what helps cramps")
    False
    """
    own = second[len(first):] if second.startswith(first) else second
    words = [t for t in tokenize(own) if not t.is_punct]
    return bool(words) and all(t.lemma in _DOING or t.surface in _DOING for t in words)


def about_answer(parts: tuple[str, str], first: Answer) -> str:
    """The second question, its "it" standing for the one thing the first part answered ("what autoimmune disorder is
    given as an example and what does it cause": what *neuromyotonia* causes, not what autoimmune disorders cause).

    >>> about_answer(("which stimulant is named", "which stimulant is named. what does it do"),
    ...              Answer("q", answered=True, kind="list", answers=[{"label": "Caffeine"}]))
    'Caffeine. what does it do'
    """
    if _manner(parts[0]):
        return parts[1]
    one = first.answers[0].get("label") if first.answered and first.kind == "list" and len(first.answers) == 1 else None
    if not one and first.answered and first.kind == "list" and 1 < len(first.answers) <= FEW and refers_back(*parts):
        return _each_answered(parts, [a.get("label", "") for a in first.answers])
    if not one or not refers_back(*parts):
        return parts[1]
    return one + ". " + parts[1][len(parts[0]):].lstrip(". ")


def _manner(first: str) -> bool:
    """"*How* would a doctor diagnose muscle fatigue and what's the treatment for it": a first part asking how is about
    the thing it names — its answers are ways, and "it" still stands for that thing.

    >>> _manner("how would a doctor diagnose muscle fatigue"), _manner("which stimulant is named")
    (True, False)
    """
    words = [t.lemma for t in tokenize(normalise_text(first)) if not t.is_punct]
    return next((w for w in words if w in WH_WORDS), None) == "how"


FEW = 3  # a first part answered with this many things or fewer: its "it" in the second part stands for each of them
_OBJECT_BACK = frozenset("it them that those this these".split())  # not "they … do" nor "its": a plain object
# the word before it: a preposition or a verb taking it ("done *about* it", "what *fixes* them"), or "be" before a
# passive ("how *are* those treated")
_TAKES = frozenset("about for with of treat fix cure manage diagnose test find check handle sort be".split())


def _each_answered(parts: tuple[str, str], labels: list[str]) -> str:
    """"Which of the causes can a blood test pick up, *and what's done about it*": the first part answered a few things
    (nutrient and vitamin deficiencies) — the second is asked of them all, its pronoun after a preposition or a verb
    replaced by their names ("what's done about nutrient deficiencies and vitamin deficiencies"); as it was, when its
    pronoun is none such.

    >>> _each_answered(("which are found", "which are found. what is done about it"), ["A", "B"])
    'what is done about a and b'
    """
    own = normalise_text(parts[1][len(parts[0]):].lstrip(". ,"))
    words = tokenize(own)
    for k, t in enumerate(words):
        if t.surface in _OBJECT_BACK and k and words[k - 1].lemma in _TAKES:
            names = ", ".join(labels[:-1]) + " and " + labels[-1]
            return own[:t.start] + names.lower() + own[t.end:]
    return parts[1]


def merge(question: str, first: Answer, second: Answer) -> Answer:
    """One answer holding both parts' answers, the first part's first."""
    out = Answer(question=question)
    out.answered = first.answered or second.answered
    kinds = [a.kind for a in (first, second) if a.answered]
    out.kind = "list" if "list" in kinds else (kinds[0] if kinds else "abstain")
    out.boolean = first.boolean if first.boolean is not None else second.boolean
    out.message = " ".join(m for m in (first.message, "And the second part: " + second.message) if m)
    out.reading = "I read this as two questions. " + " ".join(
        f"({n}) {a.reading[len('I read this as: '):] if a.reading.startswith('I read this as: ') else a.reading.removeprefix('I read this as two questions. ')}"
        for n, a in ((1, first), (2, second)) if a.reading)
    seen = set()
    for a in (first, second):
        for item in a.answers:
            if item.get("iri") not in seen:
                seen.add(item.get("iri"))
                out.answers.append(item)
        out.evidence += [e for e in a.evidence if e not in out.evidence]
        out.groups += a.groups
        out.entities += [e for e in a.entities if e not in out.entities]
        out.lay_words += [w for w in a.lay_words if w not in out.lay_words]
        out.unknown += [u for u in a.unknown if u not in out.unknown]
        out.corrections.update(a.corrections)
        out.closest += [c for c in a.closest if c not in out.closest]
        out.alternatives += a.alternatives[:1]
    out.query = first.query or second.query
    out.context = first.context
    return out


__all__ = ["split", "merge", "refers_back", "about_answer"]
