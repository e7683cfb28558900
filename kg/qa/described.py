"""Entities named by a description instead of a name: "the condition that has no cure", "the cause of spasms
that you fix by drinking water", "treatments for the cause where the immune system attacks healthy cells".

A head word (a class word or a relation noun: "condition", "cause", "at-risk group") followed by a relative
clause ("that", "which", "where", "whose", "the article says ...") describes one thing. The clause is matched
against the article's own sentences (BM25 over the quotes, kg.qa.closest); the entities the closest quotes
state facts about, of the head's kind and not named in the clause itself, are the candidates. Exactly one
candidate replaces the description as a mention (kind "described"), so the rest of the question is read as if
it had been named: "how is it managed" asks for the treatments of ALS. Several or none: the description stays
as typed. The clause never reaches a query: only the entity's IRI does.
"""

from __future__ import annotations

from dataclasses import replace

from kg.namespaces import KG, KGO
from kg.qa.analysis import Analysis
from kg.qa.closest import quote_index
from kg.qa.facts import around
from kg.qa.lexicon import Schema, internal_query, lexicon
from kg.qa.linking import LabelIndex, Mention
from kg.qa.text import AUXILIARIES, REPORTING, STOPWORDS, WH_WORDS, Token, tokenize
from kg.store.memo import per_store
from kg.views.text import singular

MARKERS = frozenset({"that", "which", "where", "whose", "who", "thats"})
BETWEEN = frozenset({"of", "in", "for", "the", "a", "an"})  # "the cause *of knee twitching* where ..."
CLEAR = 1.5  # the closest sentence scores this much above the next: it alone says what is described
SUBJECTS = frozenset({"you", "we", "people", "doctors"})  # who acts in a clause that has no relative word
MODALS = frozenset({"can", "could", "may", "might", "will", "would"})  # "the problem a blood test *can* pick up"
SKIP = frozenset({"both", "also", "but", "not", "too"})  # intersections and differences are read elsewhere


def _entities(store) -> dict[str, list[tuple[str, str, bool]]]:
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for row in store.query(internal_query("qa-quote-entities")):
        negated = row["negated"] is not None and row["negated"].value in ("true", "1")
        out.setdefault(row["quote"].value, []).append((row["s"].value, row["o"].value, negated))
    return out


quote_entities = per_store(_entities)
quote_entities.__doc__ = """For each quote of ``store``, the (subject, object, negated) of the facts it grounds (built once)."""


def resolve(an: Analysis, store, index: LabelIndex, schema: Schema, topic: tuple[str, ...]) -> Analysis:
    """``an`` with each description it holds replaced by the one entity it describes, when one is clear."""
    for k, t in enumerate(an.tokens):
        clause_start = _clause_start(an.tokens, k)
        if clause_start is None:
            continue
        head = _head(an, k)
        if head is None:
            continue
        end = _clause_end(an, clause_start)
        clause = an.tokens[clause_start:end]
        words = [w for w in clause if not w.is_punct and w.lemma not in STOPWORDS]
        named_at = {i for m in an.mentions for i in m.span}  # "whose example is *not drinking enough fluids*": a name
        if len(clause) < 2 or not words or any(w.lemma in SKIP and w.i not in named_at and not _second_predicate(an, w)
                                               for w in clause) \
                or (clause[0].lemma == "be" and not _predicate(clause) and not _relates(clause)):
            continue  # "the cause that's stress": the clause names it
        iri = (None if _asked(an, head) else (_member(an, store, index, schema, topic, head, clause)
                                              or _linked(an, store, index, schema, topic, head, clause))) \
            or _described(an, store, index, schema, topic, head, clause)
        if iri is None:
            continue
        start = min([head[0]] + [m.start for m in an.mentions if head[0] in m.span or (m.end == head[0] and not head[1])])
        # "the *knee twitching* cause that …", "the *nerve disease* that …": the words around the head belong to it
        return _named(an, index, start, end, iri)
    return _negated(an, store, index, schema, topic)


def _named(an: Analysis, index: LabelIndex, start: int, end: int, iri: str) -> Analysis:
    """``an`` with the words from ``start`` to ``end`` read as one mention of ``iri`` (kind "described"), and with
    them a clause that only says where the article names it ("the incurable disease *it lists as a cause of knee
    twitching*"): it was found as described, the clause is no question of its own."""
    words = [t.lemma for t in an.tokens]
    says = next((k + 1 for k in (end, end + 1) if k + 1 < len(words) and words[k] in ("it", "article")
                 and words[k + 1] in REPORTING | {"name", "call"} and (k == end or words[end] == "the")), None)
    end = _clause_end(an, says) if says is not None else end
    text = " ".join(w.surface for w in an.tokens[start:end])
    mention = Mention(start, end, text, iri, index.labels.get(iri, iri), index.labels.get(iri, iri), "described")
    span = set(range(start, end))
    mentions = sorted([m for m in an.mentions if not set(m.span) & span] + [mention], key=lambda m: (m.start, -m.length))
    cues = [c for c in an.cues if not set(c.positions) & span]
    inside = {w.surface for w in an.tokens[start:end]}
    unknown = [u for u in an.unknown if u not in inside]
    intents = {c.entry.intent for c in cues if c.entry.intent and c.start in an.q_positions}
    return replace(an, mentions=mentions, cues=cues, unknown=unknown, intents=intents)


NEGATING = ("in", "un", "non")  # "*in*curable", "*un*treatable": the lexicon's word, negated


def _negated(an: Analysis, store, index: LabelIndex, schema: Schema, topic) -> Analysis:
    """"The *incurable* disease": a negating prefix on a relation word of the lexicon before a class word describes
    the thing as "with no cure" — matched against the article's sentences as a clause would be."""
    lex = lexicon(store)
    for c in an.cues:
        if c.entry.kind != "class" or c.start == 0:
            continue
        word = an.tokens[c.start - 1].lemma
        stem = next((word[len(p):] for p in NEGATING if word.startswith(p) and len(word) > len(p) + 3), "")
        entry = next((e for f, e in lex.forms.get(stem, ()) if f == (stem,) and e.kind == "relation"), None)
        if entry is None:
            continue
        base = min((f[0] for fs in lex.forms.values() for f, e in fs if e is entry and len(f) == 1),
                   key=lambda w: (len(w), w), default=stem)  # its plainest word: "cure", not "curable" or "cured"
        clause = [replace(t, i=len(an.tokens) + t.i) for t in tokenize(f"with no {base}")]  # beyond the question's words
        iri = _described(an, store, index, schema, topic, (c.start, tuple(c.entry.references)), clause)
        if iri is not None:
            return _named(an, index, c.start - 1, c.end, iri)
    return an


ARTICLES = frozenset({"a", "an"})
PREPOSITIONS = frozenset("for of about with to on in from by at against".split())
RELATING = frozenset({"down", "due", "related", "linked", "connected", "tied", "caused"})  # "that's *down to* …"


def _second_predicate(an: Analysis, w: Token) -> bool:
    """"The disease that has no cure *but can* start with twitching": "but" before a modal joins a second thing said
    of the same thing described — no difference of two sets."""
    return w.lemma == "but" and w.i + 1 < len(an.tokens) and an.tokens[w.i + 1].lemma in MODALS


def _relates(clause: list[Token]) -> bool:
    """"the causes that are *about* nutrients", "that's *down to* stress": after "be", a preposition says what the
    thing has to do with, not its name."""
    return len(clause) > 2 and (clause[1].lemma in PREPOSITIONS or clause[1].lemma in RELATING)


def _predicate(clause: list[Token]) -> bool:
    """"that is *a disease of the nerve cells …*": after "be", an indefinite noun phrase says what the thing is (the
    words of its definition), where "that's stress" names it."""
    return len(clause) > 3 and clause[1].lemma in ARTICLES


def _clause_start(tokens: list[Token], k: int) -> int | None:
    """Where a relative clause starts at ``k``: a relative word, or "the article says" right after a noun."""
    t = tokens[k]
    if k == 0:
        return None
    if t.surface in MARKERS or t.lemma in MARKERS:
        if t.lemma == "that" and tokens[k - 1].lemma in PREPOSITIONS:
            return None  # "the treatment for *that* progressive nerve disease that …": a determiner, not a clause
        return k + 1
    if t.lemma in ("with", "without") and k + 2 < len(tokens) and tokens[k + 1].lemma in ("no", "a", "an", "its"):
        return k + 1  # "the disease *with no cure*", "the cause with a blood test for it": a clause without a verb
    if t.lemma in SUBJECTS and k + 1 < len(tokens) and not tokens[k - 1].is_punct \
            and tokens[k - 1].lemma not in STOPWORDS:
        return k  # a clause without "that": "the cause *you fix by drinking water*"
    if t.lemma in ("a", "an") and not tokens[k - 1].is_punct and tokens[k - 1].lemma not in STOPWORDS \
            and any(u.lemma in MODALS for u in tokens[k + 2:k + 5]):
        return k  # … or with a subject of its own: "the nutrient problem *a blood test can pick up*"
    if t.lemma == "the" and k + 1 < len(tokens) and tokens[k + 1].lemma == "article" and k + 2 < len(tokens) \
            and tokens[k + 2].lemma in ("say", "call", "describe", "list", "mention"):
        return k + 3
    return None


def _head(an: Analysis, k: int) -> tuple[int, tuple[str, ...]] | None:
    """The head noun before the clause at ``k`` (its start and the classes it asks for), or None."""
    mention_at = {i for m in an.mentions for i in m.span}
    for c in sorted(an.cues, key=lambda c: -c.end):
        if c.end > k or k - c.end > 6:
            continue
        if not (c.entry.kind == "class" or (c.entry.kind == "relation" and c.entry.pos == "noun")):
            continue
        gap = an.tokens[c.end:k]
        if not all(t.i in mention_at or t.lemma in BETWEEN or t.lemma == "article" for t in gap):
            continue
        if c.entry.kind == "class":
            return c.start, tuple(c.entry.references)
        return c.start, ()
    return None


def _clause_end(an: Analysis, start: int) -> int:
    """The clause runs to a question word, a sentence mark or a dash; with two relation words, up to the last."""
    end = start
    for t in an.tokens[start:]:
        dash = t.i > start and t.dash  # a quote mark is no dash: "whose example is 'not drinking enough fluids'"
        if (t.is_punct and t.surface not in (",", "'")) or (t.lemma in WH_WORDS and t.lemma not in MARKERS) or dash:
            break
        if t.surface == "," and t.i + 1 < len(an.tokens) and _opens_clause(an.tokens[t.i + 1]):
            break  # "the risk group where …, who is that", "the disease that has no cure, *list* its treatments"
        end = t.i + 1
    while end > start and an.tokens[end - 1].is_punct:
        end -= 1
    relations = [c for c in an.cues if c.entry.kind == "relation" and start <= c.start and c.end <= end]
    if len(relations) >= 2 and relations[-1].end == end and relations[-1].entry.pos != "noun":
        end = relations[-1].start  # "the cause that depletes calcium ... *diagnosed*": the question's own verb
    elif relations and relations[-1].end == end and _awaited(an, relations[-1]):
        end = relations[-1].start  # "how is the cause that is a disorder of the brain *treated*"
    return end


def _opens_clause(t: Token) -> bool:
    """A word after a comma that starts a clause of its own, not the next item of a list: a question word, an auxiliary
    that opens a question ("…, *can* it be cured") or a verb that bids ("…, *list* / *name* / *tell me* …").

    >>> from kg.qa.text import tokenize
    >>> [_opens_clause(t) for t in tokenize("list who can potassium")]
    [True, True, True, False]
    """
    return t.lemma in WH_WORDS or t.lemma in AUXILIARIES or t.lemma in REPORTING or t.lemma == "name"


def _awaited(an: Analysis, verb) -> bool:
    """Whether a verb that ends the question is the one its opening words wait for: "how *is* … treated" (a
    participle after "be"), "what *does* … cause" (a bare verb after "do"), not "what is the cause that … leads to"."""
    words = [t for t in an.question if not t.is_punct]
    if verb.entry.pos == "noun" or len(words) < 3 or words[0].lemma not in WH_WORDS or verb.start <= words[1].i:
        return False
    last = an.tokens[verb.start]
    if words[1].lemma == "be":
        return last.surface.endswith(("ed", "en")) and last.surface != last.lemma
    return words[1].lemma == "do" and last.surface == last.lemma


def _linked(an, store, index: LabelIndex, schema: Schema, topic, head, clause: list[Token]) -> str | None:
    """The one thing of the head's kind linked to the clause's one named thing by the clause's relation.

    "the neurodegenerative disease that can cause knee twitching": the diseases that cause knee muscle spasm, and
    of those the one the head's own words ("neurodegenerative") pick out in the article's sentences. With no
    relation word in the clause ("the cause whose example is not drinking enough fluids") any link counts.
    """
    first, last = clause[0].i, clause[-1].i + 1
    named = [m for m in an.mentions if first <= m.start and m.end <= last]
    if not named:
        return None
    # the head does what the clause says when the verb comes first ("that can *cause* knee twitching"), has it
    # done to it when the named thing does it ("where nerve damage *comes from*", "you fix *by* drinking water")
    by = named[0].start > 0 and an.tokens[named[0].start - 1].lemma == "by"
    forward: set[str] = set()  # head → named
    backward: set[str] = set()  # named → head
    for c in an.cues:
        if c.entry.kind == "relation" and first <= c.start and c.end <= last:
            head_acts = c.start < named[0].start and not by
            if first > 0 and an.tokens[first - 1].lemma == "whose" and c.entry.pos == "noun":
                head_acts = (c.entry.names or "subject") == "object"  # "whose *diagnostic approach* is X": X diagnoses it
            for p in c.entry.references:
                inverse = schema.relations[p].inverse if p in schema.relations else None
                same, other = (forward, backward) if head_acts else (backward, forward)
                same |= schema.sub_properties(p)
                other |= schema.sub_properties(inverse) if inverse else frozenset()

    def said(e: str, st) -> bool:
        if st.negated:
            return False
        if not forward and not backward:
            return True
        return st.predicate in (forward if st.subject == e else backward)

    classes = head[1]

    def linked_to(m) -> set[str]:
        return {e for e, sts in around(store).with_other(m.iri).items()
                if e.startswith(str(KG)) and e not in topic and _fits(index, schema, e, classes)
                and any(said(e, st) for st in sts)}

    if len(named) == 1:
        candidates = linked_to(named[0])
    elif _coordinated(an, named):  # "the cause that drains your calcium *and* potassium": linked to each of them
        candidates = set.intersection(*(linked_to(m) for m in named))
        iris = {m.iri for m in named}  # "whose diagnostic approach is physical examination and medical history": of
        exact = {e for e in candidates if {x for x, sts in around(store).with_other(e).items()  # several, the one
                                           if x.startswith(str(KG)) and any(said(e, st) for st in sts)} == iris}
        candidates = exact if len(candidates) > 1 and len(exact) == 1 else candidates  # linked to those alone
    else:  # the clause names both ends of a fact ("whose spasms come from added weight"): where that fact holds
        iris = {m.iri for m in named}
        contexts = {c for st in around(store).statements(named[0].iri) if not st.negated
                    and {st.subject, st.object} <= iris and (not forward and not backward
                                                            or st.predicate in forward | backward)
                    for c in st.context if c.startswith(str(KG))}
        kinds = classes or _noun_kinds(an, schema, head[0])
        candidates = {c for c in contexts if kinds and _fits(index, schema, c, kinds)} or {
            st.subject for c in contexts for st in around(store).statements(c)  # "pregnancy" → pregnant women
            if st.object == c and st.predicate == KGO + "characterizedBy" and not st.negated
            and kinds and _fits(index, schema, st.subject, kinds)}
    if len(candidates) == 1:
        return next(iter(candidates))
    modifiers = _modifiers(an, head[0])
    if not candidates or not modifiers:
        return None
    for quote in quote_index(store).closest(" ".join(modifiers), k=5):  # the head's words pick one out
        hits = {e for s, o, _ in quote_entities(store).get(quote["quote"], ()) for e in (s, o)} & candidates
        if len(hits) == 1:
            return next(iter(hits))
    return None


def _coordinated(an: Analysis, named) -> bool:
    """Whether the things the clause names are a list ("calcium and potassium", "B-6, B-12 or D"), not both ends of
    one fact."""
    return all(all(t.lemma in ("and", "or", ",", "&", "a", "an", "the") for t in an.tokens[a.end:b.start]) and b.start > a.end
               for a, b in zip(named, named[1:]))


def _member(an, store, index: LabelIndex, schema: Schema, topic, head, clause: list[Token]) -> str | None:
    """"the *cause of knee twitching* that comes from missing vitamins": of the things the head's relation noun
    links to its thing (the causes of knee muscle spasm), the one the clause names or names a thing linked to
    (vitamins → vitamin deficiencies); when several are linked, the one whose name shares the clause's word."""
    cue = next((c for c in an.cues if c.start == head[0] and c.entry.kind == "relation" and c.entry.pos == "noun"
                and c.entry.references), None)
    first, last = clause[0].i, clause[-1].i + 1
    named = [m for m in an.mentions if first <= m.start and m.end <= last]
    of = [m for m in an.mentions if m.end == head[0] or (cue is not None and cue.end < m.start and m.end < first)]
    if cue is None or (not of and (named or not _topic_head(an, head))):
        return None  # "the *knee-twitch* cause that's about …": a head before its clause is the article's topic's
    prop = cue.entry.references[0]
    inverse = schema.relations[prop].inverse if prop in schema.relations else None
    names_subject = (cue.entry.names or "subject") == "subject"
    reads = around(store)
    members = {e for x in ([of[0].iri] if of else topic) for e, sts in reads.with_other(x).items() if e not in topic
               and any(not st.negated and ((st.predicate in schema.sub_properties(prop) and (st.object == x) == names_subject)
                                           or (inverse and st.predicate in schema.sub_properties(inverse)
                                               and (st.subject == x) == names_subject)) for st in sts)}
    words = {singular(w) for m in named for w in index.labels.get(m.iri, "").lower().split()} or _about_words(clause)
    if not words:
        return None
    hits = {m.iri for m in named if m.iri in members} or {e for m in named for e in reads.with_other(m.iri)
                                                         if e in members} or {
        e for e in members if words & {singular(w) for w in index.labels.get(e, "").lower().split()}}
    broader = {KGO + "exampleOf", KGO + "formOf"}  # "vitamin D deficiency" is one of the vitamin deficiencies
    hits = {e for e in hits if not any(st.subject == e and st.predicate in broader and st.object in hits
                                       for st in reads.statements(e))}
    return next(iter(hits)) if len(hits) == 1 else None


def _about_words(clause: list[Token]) -> set[str]:
    """The content words of a clause that says what the thing is about ("that's *about missing nutrients*", "that
    are down to *vitamins*"), none for any other clause.

    >>> from kg.qa.text import tokenize
    >>> sorted(_about_words(tokenize("are about missing nutrients"))), _about_words(tokenize("isnt in the table"))
    (['miss', 'nutrient'], set())
    """
    rest = clause[1:] if clause and clause[0].lemma == "be" else clause
    if not rest or (rest[0].lemma not in PREPOSITIONS and rest[0].lemma not in RELATING) or rest[0].lemma == "in":
        return set()
    return {singular(t.lemma) for t in rest if not t.is_punct and t.lemma not in STOPWORDS and t.lemma not in RELATING}


def _topic_head(an: Analysis, head) -> bool:
    """Whether the head noun is "the … cause" with nothing named of its own: the article's topic is what it is of."""
    return not any(m for m in an.mentions if m.end <= head[0])


def _asked(an: Analysis, head) -> bool:
    """Whether the head is what the question asks for ("what's *an example* of where nerve damage comes from"): then
    the thing the clause links to is the answer, not a thing the question is about."""
    k = head[0] - 1
    while k >= 0 and an.tokens[k].lemma in ("the", "a", "an", "some", "one"):
        k -= 1
    if k >= 1 and an.tokens[k].lemma == "be":
        k -= 1
    return not head[1] and k >= 0 and an.tokens[k].lemma in ("what", "which", "who")  # "*how* is the cause … treated"


def _noun_kinds(an: Analysis, schema: Schema, start: int) -> tuple[str, ...]:
    """What a relation noun head names ("the *risk group*": the domain of atIncreasedRiskOf, population groups)."""
    for c in an.cues:
        if c.start == start and c.entry.kind == "relation" and c.entry.pos == "noun":
            rel = schema.relations.get(c.entry.references[0]) if c.entry.references else None
            kind = rel and (rel.domain if c.entry.names == "subject" else rel.range)
            if kind:
                return (kind,)
    return ()


def _modifiers(an: Analysis, start: int) -> list[str]:
    """The content words right before the head ("the *neurodegenerative* disease"), not names of their own."""
    named_at = {i for m in an.mentions for i in m.span if start not in m.span}  # "progressive *nerve* disease": the
    out: list[str] = []  # everyday name the head is part of modifies it too
    k = start - 1
    while k >= 0 and not an.tokens[k].is_punct and an.tokens[k].lemma not in STOPWORDS and k not in named_at:
        out.insert(0, an.tokens[k].surface)
        k -= 1
    return out


def _fits(index: LabelIndex, schema: Schema, iri: str, classes: tuple[str, ...]) -> bool:
    types = index.types.get(iri, ())
    return not classes or any(c in types or any(c in schema.super_classes(t) for t in types) for c in classes)


def _described(an, store, index: LabelIndex, schema: Schema, topic, head, clause: list[Token]) -> str | None:
    quotes = quote_index(store).closest(" ".join(t.surface for t in clause), k=3)
    if not quotes:
        return None
    first = _about(an, store, index, schema, topic, head, clause, quotes[0]["quote"])
    if first is None or len(quotes) == 1 or quotes[0]["score"] >= CLEAR * quotes[1]["score"]:
        return first
    # two sentences nearly as close: they must be about the same thing
    return first if _about(an, store, index, schema, topic, head, clause, quotes[1]["quote"]) == first else None


def _about(an, store, index: LabelIndex, schema: Schema, topic, head, clause: list[Token], quote: str) -> str | None:
    """The one thing of the head's kind that ``quote`` is about, not named in the clause itself."""
    facts = quote_entities(store).get(quote, ())
    # named in the clause by its own name: the other end ("that you fix by *drinking water*"); an everyday word
    # in it may be the very thing described ("where the *immune system attacks*": autoimmune disorders)
    named = {m.iri for m in an.mentions if clause[0].i <= m.start and m.end <= clause[-1].i + 1
             and m.kind not in ("lay", "search")}
    counts: dict[str, int] = {}
    for s, o, _ in facts:  # the thing the closest sentence is about: in most of the facts it grounds
        for e in {s, o}:
            if e.startswith(str(KG)) and e not in named and e not in topic:
                counts[e] = counts.get(e, 0) + 1
    classes = head[1]
    fitting = {e: n for e, n in counts.items() if not classes or any(
        c in index.types.get(e, ()) or any(c in schema.super_classes(t) for t in index.types.get(e, ())) for c in classes)}
    if not fitting:
        return None
    ranked = sorted(fitting.items(), key=lambda x: -x[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None  # two things equally: no one thing is described
    return ranked[0][0]


__all__ = ["resolve", "quote_entities"]
