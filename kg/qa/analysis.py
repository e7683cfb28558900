"""Read the words of a question: its asking clause, entities, relation, class and question words.

Sentences about the reader before the question ("I'm pregnant and ...", "my doctor put me on a
water pill ...") are context: the question is the last clause that asks something, and the
context's entities stand in for "it", "that" or a missing entity. Entities come from the label
index (kg.qa.linking), the other words from the lexicon (kg.qa.lexicon); where they overlap the
longer wins. Content words that are neither are *unknown* and named in the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.namespaces import KGO
from kg.qa.asides import named_then_asked, paired_then_asked, remark_asks_nothing, told_after_mark, told_sentence, trailing
from kg.qa.lexicon import Cue, Lexicon
from kg.qa.linking import LabelIndex, Mention
from kg.qa.openers import ELLIPTIC, dashed, skipped
from kg.qa.querygraph import Reading
from kg.qa.text import AUXILIARIES, PARTITIVE, PREPOSITIONS, PRONOUNS, STOPWORDS, WH_WORDS, Token, acronym, adverb, asked_as_statement, asks, clauses, embedded_wh, ends_or_not, partitive, pronoun_modifier, run_on, tokenize


@dataclass
class Analysis:
    """What the parser found in a question."""

    tokens: list[Token]
    question: list[Token]  # the clause that asks
    context: list[Token]  # clauses before it: about the reader
    mentions: list[Mention]  # chosen entity mentions (no overlaps)
    cues: list[Cue]  # chosen relation, class and intent cues (no overlaps with mentions)
    corrections: dict[int, str]
    unknown: list[str]  # content words that name nothing the article knows
    intents: set[str]
    wh: str | None
    yes_no: bool
    question_mark: bool = False  # the question ends with "?" (a telegraphic one asks yes or no)
    readings: list[Reading] = field(default_factory=list)
    candidates: list[Mention] = field(default_factory=list)  # every mention found, overlaps included ("twitch" in "knee twitch")
    remark: frozenset[int] = frozenset()  # positions of the reader's remark after the question mark (told_after_mark)

    def heads(self, group: list[Mention]) -> list[Mention]:
        """Shorter names inside a chosen one, of other things: "knee *twitch*" also names muscle twitching, "leg *cramps*
        all the time" muscle spasm — what a yes/no may be stated for when the longer name's thing has no answer."""
        if not group:
            return []
        start, end = group[0].start, group[0].end
        chosen = {m.iri for m in group}
        out = {m.iri: m for m in self.candidates if start <= m.start and m.end <= end and m.length < end - start
               and m.iri not in chosen}
        return list(out.values())

    @property
    def q_positions(self) -> set[int]:
        return {t.i for t in self.question}

    def in_question(self, m) -> bool:
        return m.start in self.q_positions

    @property
    def relation_cues(self) -> list[Cue]:
        return [c for c in self.cues if c.entry.kind == "relation" and c.start in self.q_positions]

    @property
    def class_cues(self) -> list[Cue]:
        """Class words that say what the answer is: not a word inside a longer name ("blood *test*")."""
        out = []
        for c in self.cues:
            if c.entry.kind != "class" or c.start not in self.q_positions:
                continue
            inside = [m for m in self.mentions if m.start <= c.start and c.end <= m.end]
            if inside and not any(m.start == c.start and m.end == c.end for m in inside):
                continue
            out.append(c)
        return out

    def intent_cues(self, intent: str) -> list[Cue]:
        return [c for c in self.cues if c.entry.intent == intent and c.start in self.q_positions]

    @property
    def anchors(self) -> list[Mention]:
        return [m for m in self.mentions if self.in_question(m)]

    @property
    def context_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if not self.in_question(m)]


# --- finding things in the question ---------------------------------------------------------

def analyse(text: str, index: LabelIndex, lex: Lexicon) -> Analysis:
    """Tokens, the asking clause, entity mentions, lexicon cues and unknown words of ``text``."""
    tokens = tokenize(text)
    mentions_all, corrections = index.link(tokens)
    # the words as read ("wich" as which, "shud" as should): the clauses, the question word and the cues see them
    tokens = [t if i not in corrections else Token(t.i, t.surface, corrections[i], t.start, t.end, t.dash)
              for i, t in enumerate(tokens)]
    cues_all = lex.cues(tokens)
    parts = dashed(clauses(tokens))  # "… by his stroke - in general, can …": a dash before an opener opens the question
    marked = {tokens[k - 1].i for k, t in enumerate(tokens) if t.surface.startswith("?") and k and not tokens[k - 1].is_punct}
    question, context = _asking_clause(parts, cues_all, marked)
    question, context = trailing(parts, *_fronted(parts, question, context, mentions_all, cues_all), mentions_all, cues_all)
    mentions, cues = _choose(mentions_all, [c for c in cues_all if not (c.entry.intent == "comparison" and c.form[0] == "which" and (partitive(question) or tokens[c.end - 1].surface == "ones"))], tokens)  # "of the X, which one": a choice; "which ones": a list
    mentions = _fold_repeats(mentions, mentions_all)
    mentions, cues = _named_before(mentions, cues, tokens, {t.i for t in question})
    mentions, illustrated = _examples_folded(mentions, tokens)
    covered = {i for m in mentions for i in m.span} | {i for c in cues for i in c.positions} | illustrated
    unknown = []
    remark = told_after_mark(parts, question, marked)  # "is there a cure for ALS? doctors never give a *straight* answer"
    named = {w for m in mentions for name in index.name_lemmas.get(m.iri, ()) for w in name}
    for t in question:
        if t.i in covered or t.i in remark or t.lemma in STOPWORDS or t.surface in STOPWORDS or t.lemma in WH_WORDS:
            continue
        if t.lemma in named:  # "heat or ice": "heat" is a word of the name "ice" led to (heat or cold therapy)
            continue
        if t.surface.isdigit() or len(t.surface) < 3 and not acronym(text[t.start:t.end]) or adverb(t.surface) \
                or pronoun_modifier(tokens, t.i):  # "honestly"; "anything *quick* i can do"; but "can *MS* cause it"
            continue
        unknown.append(t.surface)
    mentions, cues = _narrowed(mentions, remark_asks_nothing(cues, remark), tokens)  # "…? *worried* about my son"
    first = next((t.lemma for t in question[skipped(question):] if t.lemma in AUXILIARIES | WH_WORDS | {"be", "do", "have"} or not any(c.start == t.i and c.entry.intent == "filler" for c in cues)), "")  # "lol is …"
    # the wh-word that asks: near the clause's start, or last ("knee twitch doctor when")
    wh = next((t.lemma for t in question[:3] if t.lemma in WH_WORDS), None)
    if wh is None and question and question[-1].lemma in WH_WORDS and not _nominal_wh(question):
        wh = question[-1].lemma
    if wh is None and question and question[skipped(question)].lemma not in AUXILIARIES:  # "heat or ice - which one works better"
        wh = next((t.lemma for t in question if t.lemma in ("which", "what", "how", "why", "who", "when")
                   and (not _relative(tokens, t) or _asks_class(cues, question, t))), None)
    wh = "which" if wh is None and question and question[0].lemma == "any" else wh  # "any stuff from the drugstore that helps": which ones
    intents = {c.entry.intent for c in cues if c.entry.intent and c.start in {t.i for t in question}}
    yes_no = (first in AUXILIARIES or first in ("be", "do", "have")) and first not in WH_WORDS or ends_or_not(question) \
        or asked_as_statement(question, marked, "universal" in intents)  # "… the first sign of ALS? i'm worried"
    if question and len(question) > 1 and question[0].lemma == "be" and question[1].lemma == "there":
        yes_no = True
    if yes_no and (len(question) > 2 and question[1].lemma == "you" and question[2].lemma in REQUESTS or embedded_wh(question)):
        yes_no, wh = False, wh or embedded_wh(question) or "what"  # "can you name …", "does it explain how …": asked
    mark = bool(tokens) and tokens[-1].surface.startswith("?")
    return Analysis(tokens, question, context, mentions, cues, corrections, unknown, intents, wh, yes_no, mark,
                    candidates=mentions_all, remark=frozenset(remark))


def _asking_clause(parts: list[list[Token]], cues: list[Cue], marked: frozenset[int] | set[int] = frozenset()
                   ) -> tuple[list[Token], list[Token]]:
    """The last clause that asks (a wh-word, an auxiliary first, a question frame) and what follows it; what comes
    before is context. A clause that asks and ends in "?" starts the question even when a later clause opens like one
    ("can hrt make your legs twitchy? *been* on the estrogen patches since menopause")."""
    if not parts:
        return [], []
    parts = [piece for part in parts for piece in _after_condition(part)]
    asked = [k for k, part in enumerate(parts) if part[-1].i in marked and (asks(part) or asked_as_statement(part, marked))]
    if asked and (asked[-1] < len(parts) - 1 or not any(asks(p) and p[0].lemma not in SUBORDINATORS for p in parts[:asked[-1] + 1])):  # or the last asks as a statement, and no clause asks before ("when I…, stress can do this?")
        k = asked[-1]  # what follows the question tells more about it ("… since i turned 70"): it stays with it
        return [t for part in parts[k:] for t in part], [t for part in parts[:k] for t in part]
    for k in range(len(parts) - 1, -1, -1):
        clause = parts[k]
        first = clause[skipped(clause)].lemma  # "in general, can …": an opener before the auxiliary
        asking = (first in WH_WORDS | ELLIPTIC or first in AUXILIARIES or first in ("be", "do", "have")
                or any(t.lemma in WH_WORDS for t in clause[:3]))
        if asking and k > 0 and first in ("and", "or") and len(clause) <= 5 and asks(parts[k - 1]):
            k -= 1  # "what are X prescribed for, and for which condition?": a follow-up fragment of the question before
        if asking and k > 0 and _empty_ask(clause):
            k -= 1  # "the medication risk factor that isn't in the table, what is it": the phrase before is asked
        if asking:
            return [t for part in parts[k:] for t in part], [t for part in parts[:k] for t in part]
    # No clause asks in so many words (telegraphic): it is all question.
    return [t for part in parts for t in part], []


FRONTING = frozenset("for about regarding regard concerning concern re with".split())  # "*for* autoimmune disorders, what …"


def _fronted(parts, question: list[Token], context: list[Token], mentions, cues) -> tuple[list[Token], list[Token]]:
    """"For the disorders where the immune system attacks healthy cells, what medicines do they use": a phrase before
    the question that opens with "for"/"about" and names a thing says what the question is about — it is asked, not
    told. A sentence about the reader ("for two weeks now, …") names nothing and stays context; a phrase that says
    how the thing stands to another ("for the *cause* that's stress, …") is read as told, as before."""
    if not context or not question:
        return question, context
    last = next((p for p in parts if p and p[-1].i == context[-1].i), None)
    named = last is not None and named_then_asked(last, question, context, mentions)  # "ALS - can it be a sign": its
    if last is not None and (partitive(last + question) and any(last[0].i < m.start for m in mentions) or named
                             or paired_then_asked(last, question, context, mentions)):  # "magnesium vs calcium, which …"
        return (question + last if named else last + question), context[:len(context) - len(last)]  # "of the X, which"
    if last is None or last[0].lemma not in FRONTING or not any(last[0].i < m.start and m.end <= last[-1].i + 1
                                                               for m in mentions) or told_sentence(last):
        return question, context
    inside = {t.i for t in last} - {k for m in mentions for k in m.span}
    if any(c.entry.kind == "relation" and set(c.positions) & inside for c in cues):
        return question, context
    return last + question, context[:len(context) - len(last)]


def _empty_ask(clause: list[Token]) -> bool:
    """"What is it", "who is that", "which one is it": a question word, "be" and a pronoun, nothing else.

    >>> from kg.qa.text import tokenize
    >>> _empty_ask(tokenize("who is that")), _empty_ask(tokenize("what is ALS"))
    (True, False)
    """
    return (len(clause) <= 4 and clause[0].lemma in WH_WORDS and any(t.lemma == "be" for t in clause)
            and all(t.lemma in WH_WORDS or t.lemma in ("be", "one") or t.lemma in PRONOUNS for t in clause))


def _nominal_wh(question: list[Token]) -> bool:
    """"Is being pregnant part *of why*", "is that the reason *why*": a yes/no whose last word is a wh-word names a reason,
    it does not ask for one — unless joined on as a second question ("is it serious, *and why*")."""
    return len(question) > 2 and question[0].lemma in AUXILIARIES | {"be", "do", "have"} \
        and question[-2].lemma not in ("and", "or", "but", "so")


def _relative(tokens: list[Token], t: Token) -> bool:
    """"my mum *who* has ALS", "the drug *which* causes": a relative pronoun after a word is not the asking word."""
    if t.lemma not in ("who", "which") or t.i == 0:
        return False
    before = tokens[t.i - 1]
    return not before.is_punct and not t.dash and before.lemma not in ("and", "or", "but", "so", "then")  # a dash between ("heat or ice — which one")


def _asks_class(cues, question: list[Token], t: Token) -> bool:
    """"knee spasm stretches *which muscles*": "which" and a class word that ends the question ask for that class."""
    last = max((w.i for w in question if not w.is_punct), default=-1)
    return any(c.entry.kind == "class" and c.start == t.i + 1 and c.end > last for c in cues)


SUBORDINATORS = frozenset("if since because although though while after once when whenever".split())


def _after_condition(clause: list[Token]) -> list[list[Token]]:
    """"if a spasm comes with swelling what might that point to": the condition, then the question.

    A clause that opens with a subordinator and has a question word later splits before that word.
    """
    if not clause or clause[0].lemma not in SUBORDINATORS:
        return run_on(clause)  # "my leg goes tight like a knot can a massage help": the question run on
    for k, t in enumerate(clause[2:], start=2):
        if t.lemma in WH_WORDS and clause[k - 1].lemma not in ("of", "about", "for", "to", "in", "and", "or", "be"):
            return [clause[:k], clause[k:]]
    for k, t in enumerate(clause[3:-1], start=3):  # "if i took way too many stimulants *should i* get help"
        if t.surface.lower() in AUXILIARIES and clause[k + 1].lemma in _ASKED_OF and clause[k - 1].lemma not in _ASKED_OF:
            return [clause[:k], clause[k:]]
    return [clause]


_ASKED_OF = frozenset("i it you we he she they that this".split())


_PRIORITY = {"entity": 0, "relation": 1, "class": 2, "intent": 3}


REQUESTS = frozenset("name list tell give explain show describe mention".split())
CAUSED_BY = str(KGO.causedBy)
CAUSES = str(KGO.causes)
_RELATIVE = frozenset("that thats which who be s 's".split())


def _narrowed(mentions: list[Mention], cues: list[Cue], tokens: list[Token]) -> tuple[list[Mention], list[Cue]]:
    """"Calm down knee twitching *that's coming from stress*": a relative clause naming the cause says which spasms; the
    question is asked of the cause (what calms stress), so the clause's cue and the thing it qualifies step aside.
    So does a head noun "cause" between them: "the test for *the knee twitch cause that comes from* poor vitamins"
    asks the test for the vitamin deficiency."""
    heads = [x for x in cues if x.entry.pos == "noun" and CAUSES in x.entry.references]
    for c in cues:
        if CAUSED_BY not in c.entry.references:
            continue
        after = [m for m in mentions if m.start == c.end]
        head = [x for x in heads if x.end <= c.start]

        def between(k: int) -> bool:
            return tokens[k].lemma in _RELATIVE or tokens[k].surface in _RELATIVE or any(k in x.positions for x in head)
        before = [m for m in mentions if m.end <= c.start and all(between(k) for k in range(m.end, c.start))]
        if after and before and _differ(before, after) and any(tokens[k].lemma in ("that", "which", "thats") or
                                                                tokens[k].surface == "thats"
                                                                for k in range(before[-1].end, c.start)):
            gone = {id(m) for m in before}
            spots = {k for x in head if x.start >= before[-1].end for k in x.positions}  # the noun and its verb reading
            used = {id(x) for x in cues if set(x.positions) & spots} | {id(c)}
            return [m for m in mentions if id(m) not in gone], [x for x in cues if id(x) not in used]
    return mentions, cues


def _differ(a: list[Mention], b: list[Mention]) -> bool:
    return not {m.iri for m in a} & {m.iri for m in b}


ILLUSTRATING = (("like",), ("such", "as"), ("e.g.",), ("eg",), ("say",))
_JOINING = frozenset("and or , / & nor".split())


def _examples_folded(mentions: list[Mention], tokens: list[Token]) -> tuple[list[Mention], set[int]]:
    """"Will the home stuff *like stretching and heat packs* work for everybody": things given as examples of a thing
    named just before illustrate it; the question is about that thing, not about them."""
    out, skip_until = [], -1
    for m in mentions:
        if m.start < skip_until:
            continue
        out.append(m)
        for words in ILLUSTRATING:
            end = m.end + len(words)
            if tuple(t.lemma for t in tokens[m.end:end]) != words:
                continue
            k = end
            while True:  # the coordinated examples after "like": "stretching and heat packs"
                nxt = [x for x in mentions if x.start == k]
                if not nxt:
                    break
                k = max(x.end for x in nxt)
                if k < len(tokens) and tokens[k].lemma in _JOINING:
                    k += 1
            skip_until = k if k > end else skip_until
    return out, {i for m in mentions if m not in out for i in m.span}


DEFINITE = frozenset("the that this those these".split())


def _named_before(mentions: list[Mention], cues: list[Cue], tokens: list[Token], asked: set[int]):
    """"My doctor put me on a *water pill* … could *the pill* be doing it": a definite noun in the question that repeats
    the last word of a name the story used stands for that thing (the latest one), not for the bare class word."""
    told = [m for m in mentions if m.start not in asked and m.length >= 2]
    taken = {k for m in mentions if m.start in asked for k in m.span}
    for t in tokens:
        if t.i not in asked or t.i in taken or t.i == 0 or tokens[t.i - 1].lemma not in DEFINITE or t.is_punct:
            continue
        same = [m for m in told if tokens[m.end - 1].lemma == t.lemma]
        if not same:
            continue
        last = max(m.start for m in same)
        mentions = mentions + [Mention(t.i, t.i + 1, t.surface, m.iri, m.label, m.matched, "repeated")
                               for m in same if m.start == last]
        cues = [c for c in cues if not (c.entry.kind == "class" and t.i in c.positions)]
    return sorted(mentions, key=lambda m: (m.start, -m.length)), cues


def _fold_repeats(chosen: list[Mention], every: list[Mention]) -> list[Mention]:
    """Drop a word that repeats, right beside it, a symptom a composed mention already took in: in "my knee keeps doing
    this weird twitchy flutter thing", "flutter" is the same twitching "knee … twitchy" names, not a second thing."""
    composed = [c for c in chosen if c.kind == "composed"]
    out = []
    for m in chosen:
        repeats = m.kind != "composed" and any((m.start in (c.end, c.end + 1) or m.end in (c.start, c.start - 1))
                      for c in composed if any(o.iri == m.iri and c.start <= o.start and o.end <= c.end
                                               for o in every))
        if not repeats:
            out.append(m)
    return out


def _choose(mentions: list[Mention], cues: list[Cue], tokens: list[Token]) -> tuple[list[Mention], list[Cue]]:
    """Non-overlapping mentions and cues, longest first (an entity wins a tie).

    Intent cues (fillers, "how long", "most common") may overlap nothing; class cues may share
    their words with an entity ("which *vitamins*" names a class and the entity Vitamins).
    """
    items: list[tuple] = []
    for m in mentions:
        # a lay word is a weaker sign than a lexicon phrase of the same words ("see a doctor": a warning-sign frame)
        items.append((m.length, _PRIORITY["entity"] if m.kind not in ("lay", "search") else _PRIORITY["class"] + 0.5, m.start, m))
    for c in cues:
        if c.entry.intent in ("filler", "personal"):
            continue
        items.append((c.length, _PRIORITY[c.entry.kind], c.start, c))
    items.sort(key=lambda x: (-x[0], x[1], x[2]))
    taken: dict[int, object] = {}
    chosen_m: list[Mention] = []
    chosen_c: list[Cue] = []
    for length, prio, start, item in items:
        span = set(item.span) if isinstance(item, Mention) else set(item.positions)
        clash = [taken[i] for i in span if i in taken]
        if isinstance(item, Mention):
            # Several entities may share one span ("energy drinks": caffeine, stimulants).
            if clash and not all(isinstance(o, Mention) and (o.start, o.end) == (item.start, item.end) for o in clash):
                continue
            chosen_m.append(item)
        else:
            # Several relation entries may read one phrase ("cause": a verb and a noun frame).
            if clash and not all(isinstance(o, Cue) and o.positions == item.positions and o.entry.kind == item.entry.kind
                                 for o in clash) and not (item.entry.kind == "class" and all(isinstance(o, Mention)
                                                                                              for o in clash)) \
                    and not all(isinstance(o, Mention) and o.kind == "composed" and o.start < item.start
                                and item.end < o.end for o in clash):  # "my knee *stops* twitching": the verb stays
                continue
            chosen_c.append(item)
        for i in span:
            taken.setdefault(i, item)
    covered = set(taken)
    for c in cues:  # fillers and first-person words: wherever nothing else stands
        if c.entry.intent in ("filler", "personal") and not set(c.positions) & covered:
            chosen_c.append(c)
            covered |= set(c.positions)
    chosen_m.sort(key=lambda m: (m.start, -m.length))
    chosen_c.sort(key=lambda c: c.start)
    return chosen_m, chosen_c


# --- building readings -------------------------------------------------------------------------

@dataclass
class Groups:
    """Mentions grouped by span: one group per thing named (several IRIs when a name is ambiguous)."""

    spans: list[tuple[int, int, list[Mention]]]

    @classmethod
    def of(cls, mentions: list[Mention]) -> "Groups":
        spans: dict[tuple[int, int], list[Mention]] = {}
        for m in mentions:
            spans.setdefault((m.start, m.end), []).append(m)
        return cls([(s, e, ms) for (s, e), ms in sorted(spans.items())])


_BEFORE_CLASS = frozenset(("a", "an", "the", "kind", "type", "sort", "of", "other", "specific", "actual",
                           "stuff", "thing", "something", "from", "two", "three", "four", "five", "six", "seven", "all", "every"))
# "any stuff from the drugstore", "what kind of", "what *two* stimulants"


def asked_after(an: Analysis, start: int) -> bool:
    """Whether position ``start`` follows a question word ("which", "what kind of", "how many")."""
    k = start - 1
    while k >= 0 and an.tokens[k].lemma in _BEFORE_CLASS:
        k -= 1
    return (k >= 0 and an.tokens[k].lemma in ("what", "which", "any", "many", "list", "name")) or partitive(an.question) and (
        k < an.question[0].i or k == an.question[0].i and an.tokens[k].lemma in PARTITIVE)  # "*of the X* …, which one"


def named_mechanism(an: Analysis) -> bool:
    """"Through what *mechanism* do X lead to Y": a mechanism asked for by name, whatever the question word."""
    return any(w in ("mechanism", "process") for c in an.intent_cues("mechanism") for w in c.form)


def bare_what(an: Analysis) -> bool:
    """"What is X?" / "what are X": nothing but X after "what is"."""
    rest = [t for t in an.question if t.lemma not in STOPWORDS and t.lemma not in WH_WORDS
            and not any(t.i in m.span for m in an.mentions)
            and not any(t.i in c.positions and c.entry.intent in ("filler", "definition") for c in an.cues)]
    return not rest and any(t.lemma == "be" for t in an.question[:3])


def is_passive(an: Analysis, cue: Cue) -> bool:
    """"Y is caused by X", "what are X prescribed for": the frame turned round (a participle after "be" or before "by")."""
    tokens = an.tokens
    after = tokens[cue.end] if cue.end < len(tokens) else None
    head = tokens[cue.positions[0]]
    participle = head.surface != head.lemma and head.surface.endswith(("ed", "en", "t"))
    if after is not None and after.lemma == "by" and participle:
        return True
    if participle and cue.form[-1] not in PREPOSITIONS:
        be_before = any(t.lemma in ("be", "get") for t in tokens[max(0, cue.start - 6):cue.start])
        anchors_after = [m for m in an.anchors if m.start >= cue.end]
        return be_before and not anchors_after
    return False
