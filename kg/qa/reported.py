"""A question asked for someone else: the reporting wrapper peeled, the inner question asked.

"My son wants to know whether energy drinks can make his knee twitch", "grandad wonders if heat helps", "she's asking
what dose to take", "asking for my husband: what are the signs of ALS". Who asks and the verb of asking say who wants
the answer, not what is asked: read with them, the person is an unknown word ("nan") and "whether energy drinks" a
thing the article never names. The inner question is asked as the reader's own — an embedded yes/no turned round
("whether energy drinks can make …" → "can energy drinks make …"), a wh-clause as it stands — so a dose or a
personal-advice question inside is declined as one. What the reader told before the wrapper stays before it.

The people (``kgl:asker``), the verbs of asking (``kgl:asking``) and the words before a colon that say for whom
(``kgl:asking-for``) are data in the lexicon.
"""

from __future__ import annotations

from kg.qa.text import AUXILIARIES, WH_WORDS, Token, asks, clauses, normalise_text, tokenize

OWNERS = frozenset("my our his her their the a an one of".split())  # "my son", "one of my patients", "the kids"
MAX_ASKER = 4  # words of "one of my older patients" before the verb of asking
EMBEDDING = frozenset(("whether", "if"))
INVERTED = AUXILIARIES - {"isn't", "aren't", "doesn't", "don't", "can't", "won't", "wouldn't", "couldn't"}
_SHORT_IS = frozenset("it that this he she there".split())  # "if it's serious": "is it serious"
_NOT_SUBJECT = frozenset("to that which who and or".split())  # "if the things that can help …": no subject before


def peel(raw: str, lex) -> str:
    """``raw`` with a wrapper of asking on someone's behalf replaced by the question asked; ``raw`` when there is none.

    >>> from kg.qa.lexicon import Lexicon
    >>> lex = Lexicon(word_sets={"asker": {("son",), ("he",)}, "asking": {("want", "to", "know"), ("ask",)},
    ...                          "asking-for": {("ask", "for"),}})
    >>> peel("my son wants to know whether energy drinks can make his knee twitch", lex)
    'can energy drinks make his knee twitch'
    >>> peel("my son wants to know if he has ALS", lex), peel("he wonders if it helps cramps", Lexicon(word_sets={"asker": {("he",)}, "asking": {("wonder",)}}))
    ('does he have ALS', 'does it help cramps')
    >>> peel("he asks what causes cramps", lex), peel("asking for my son: what helps?", lex)
    ('what causes cramps', 'what helps?')
    >>> peel("my knee twitches, my son wants to know if it's serious", lex)
    'my knee twitches, is it serious'
    >>> peel("he has cramps and wonders if it is serious", Lexicon(word_sets={"asking": {("wonder",)}}))
    'he has cramps. is it serious'
    >>> peel("what does my son want to know", lex)
    'what does my son want to know'
    """
    cut = _deferral_cut(raw, lex)  # "… asked me whether there is a cure. *what does the article say*"
    if cut is not None and (inner := peel(raw[:cut].rstrip(), lex)) != raw[:cut].rstrip():
        return inner
    text = normalise_text(raw)
    source = raw if len(text) == len(raw) else text  # offsets are the normalised text's: keep the typed capitals
    tokens = tokenize(raw)
    lemmas = [t.lemma for t in tokens]
    for k, t in enumerate(tokens):
        joined = k > 0 and lemmas[k - 1] in ("and", "so", "but")
        if t.is_punct or not (k == 0 or tokens[k - 1].is_punct or joined):
            continue  # a wrapper opens a clause
        inner = _after_wrapper(tokens, lemmas, k, lex, told=joined)
        if inner is None or _asked_later(tokens, inner):
            continue
        if joined:  # "he's been having acupuncture *and wonders if* it helps": the story, then what he asks
            return source[:tokens[k - 1].start].rstrip(" ,") + ". " + _asked(tokens, inner, source)
        story = _told_tail(tokens, lemmas, k, inner, lex, source)  # "a patient of mine with ALS asked me whether …"
        return (source[:t.start] if k else "") + (story + ". " if story else "") + _asked(tokens, inner, source)
    return raw


def _asked_later(tokens: list[Token], at: int) -> bool:
    """A question of the reader's own after the reported one ("my GP wants to know if I drink enough. *what should I
    tell her*"): the report is their story, not what they ask — unless it only hands the reported one to the article
    ("… asked me whether there is a cure. *what does the article say*": ``kgl:defer``, cut before this is asked)."""
    later = [c for c in clauses(tokens) if c[0].i > at and c[0].i > 0 and tokens[c[0].i - 1].surface in (".", "?", "!")]
    return any(asks(c) for c in later)


def _deferral_cut(raw: str, lex) -> int | None:
    """Where a last clause that only hands the question to the article ("what does the article say") begins."""
    tokens = tokenize(raw)
    last = [c for c in clauses(tokens) if c[0].i > 0 and tokens[c[0].i - 1].surface in (".", "?", "!")]
    return last[-1][0].start if last and _defers(last[-1], lex) else None


def _defers(clause: list[Token], lex) -> bool:
    words = [t.lemma for t in clause if not t.is_punct]
    return bool(words) and lex.in_set("defer", words, 0) == len(words)


def _after_wrapper(tokens: list[Token], lemmas: list[str], k: int, lex, told: bool = False) -> int | None:
    """Where the inner question starts when a wrapper opens at ``k``: "my son wants to know *whether* …", "asking for
    my husband: *what* …"; None when none does. After "and" (``told``) the one who asks is the story's subject, named
    before ("… *and wonders if* …")."""
    n = lex.in_set("asking-for", lemmas, k)
    if n:  # "asking for my husband:": for whom, then a colon
        end = _asker_end(tokens, lemmas, k + n, lex)
        if end is not None and end < len(tokens) - 1 and tokens[end].surface in (":", "-", ","):
            return end + 1 if not tokens[end + 1].is_punct else None
        return None
    end = k if told and lex.in_set("asking", lemmas, k) else _asker_end(tokens, lemmas, k, lex)
    if end is None:
        return None
    end = _past_tail(tokens, lemmas, end, lex)
    n = lex.in_set("asking", lemmas, end)
    if not n:
        return None
    at = end + n
    while at < len(tokens) and tokens[at].is_punct and tokens[at].surface in (":", ",", "-"):
        at += 1
    if at >= len(tokens) or tokens[at].is_punct or at == len(tokens) - 1 and lemmas[at] not in WH_WORDS:
        return None  # "… wants to know *why*" asks why of the story
    if lemmas[at] in EMBEDDING or lemmas[at] in WH_WORDS:
        return at
    if at > end + n and tokens[at - 1].surface == ":":  # "he asks: can magnesium help"
        return at
    return None


TAIL = frozenset("with who that of".split())  # "a patient of mine *with ALS* asked me whether …": who they are
MAX_TAIL = 5


def _past_tail(tokens: list[Token], lemmas: list[str], end: int, lex) -> int:
    """Past a few words that say more of the one who asks ("of mine", "with ALS", "who has diabetes") to the verb of
    asking; ``end`` when there is none."""
    if end >= len(tokens) or lemmas[end] not in TAIL:
        return end
    for j in range(end + 1, min(end + MAX_TAIL, len(tokens)) + 1):
        if any(t.is_punct for t in tokens[end:j]):
            break
        if j < len(tokens) and lex.in_set("asking", lemmas, j):
            return j
    return end


def _told_tail(tokens: list[Token], lemmas: list[str], k: int, at: int, lex, source: str) -> str | None:
    """The one who asks, from ``k`` to the verb of asking, when words about them tell something ("a patient of mine
    *with ALS*"): kept as the story before the question asked, which may refer to it."""
    if not any(lemmas[j] in ("with", "who") for j in range(k, at)):
        return None
    verb = next((j for j in range(k + 1, at) if lex.in_set("asking", lemmas, j)), None)
    return None if verb is None else source[tokens[k].start:tokens[verb - 1].end]


def _asker_end(tokens: list[Token], lemmas: list[str], k: int, lex) -> int | None:
    """The position just after a person named at ``k`` ("my son", "one of my patients", "grandad", "she"), or None."""
    for end in range(k + 1, min(k + MAX_ASKER, len(tokens)) + 1):
        words = tokens[k:end]
        if any(t.is_punct for t in words):
            return None
        last = end - 1
        if not lex.in_set("asker", lemmas, last):
            continue
        if all(lemmas[j] in OWNERS or j == last or tokens[j].surface.isalpha() and j > k and lemmas[k] in OWNERS
               for j in range(k, last)):  # "my teenage son": an owner, then words that say which
            return end
    return None


def _asked(tokens: list[Token], at: int, source: str) -> str:
    """The inner question from ``at``: a wh-clause as typed, an embedded yes/no ("whether/if S") turned round."""
    rest = source[tokens[at].start:]
    if tokens[at].lemma not in EMBEDDING:
        return _wh_turned(tokens, at, source) or rest
    clause = tokens[at + 1:]
    start = clause[0].start if clause else tokens[at].end
    for j, t in enumerate(clause[:7]):
        if t.is_punct:
            break
        if j and t.surface in INVERTED and clause[j - 1].lemma not in _NOT_SUBJECT:  # "whether energy drinks *can* make"
            following = clause[j + 1].lemma if j + 1 < len(clause) else ""
            if t.surface in ("has", "have", "had") and following not in ("get", "be") and not following.endswith("ed"):
                do = "did" if t.surface == "had" else "does"  # "if he *has* ALS": "does he have ALS", not "has he ALS"
                return do + " " + source[start:t.start] + "have " + source[t.end:].lstrip()
            return t.surface + " " + source[start:t.start] + source[t.end:].lstrip()
        if t.surface.endswith("'s") and t.lemma in _SHORT_IS:  # "if it's serious"
            return "is " + t.lemma + source[t.end:]
    if len(clause) > 2 and clause[0].lemma in _SHORT_IS and clause[1].surface.endswith("s") \
            and clause[1].lemma != clause[1].surface:  # "if it helps knee spasms": "does it help knee spasms"
        return f"does {clause[0].surface} {clause[1].lemma}" + source[clause[1].end:]
    return "does the article say " + source[start:]  # "if magnesium helps with cramps"


_BE = frozenset(("is", "are"))
_SUBJECT_OPENERS = frozenset("the a an my his her their our your its it they this that these those".split())  # "what *the* options are"; not "which vitamins are linked"


def _wh_turned(tokens: list[Token], at: int, source: str) -> str | None:
    """An embedded wh-clause in the order of a statement, turned round as asked: "what treatments *there are* for it" →
    "what treatments are there for it", "what the warning signs *are*" → "what are the warning signs"; None when it
    stands as asked already ("what causes cramps")."""
    clause = [t for t in tokens[at + 1:] if not t.is_punct]
    if len(clause) < 2 or clause[0].surface in AUXILIARIES:
        return None
    for j, t in enumerate(clause[:-1]):
        if t.surface == "there" and clause[j + 1].surface in _BE and j:  # "what treatments there are for it"
            be = clause[j + 1]
            return source[tokens[at].start:t.start] + be.surface + " there" + source[be.end:]
    j = len(clause) - 1 if clause[-1].surface in _BE else None  # "what the warning signs are", not "what X is for"
    if j and clause[0].lemma in _SUBJECT_OPENERS and not any(w.surface in AUXILIARIES for w in clause[:j]):
        be = clause[j]
        return (source[tokens[at].start:tokens[at].end] + " " + be.surface + " " + source[clause[0].start:be.start].rstrip()
                + source[be.end:])
    return None


__all__ = ["peel"]
