"""What a yes/no asks about that the article never mentions, so a "yes" for what it does name would not answer it.

An everyday word leads to an entity of the article ("water" to hydration, "coffee" to caffeine), but a word beside it
that links to nothing says which thing the reader means — *tonic* water, *decaf* coffee, a warm bath *with epsom
salts* — and the article speaks of neither. The thing may be asked in the question ("does tonic water help leg
cramps") or told before it and referred back to ("my neighbour swears by tonic water for leg cramps, does it say that
works"); either way the answer names what the article does not mention and says no "yes" (and never "no").
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.wordforms import all_lemmas
from kg.qa.querygraph import Reading
from kg.qa.text import AUXILIARIES, PREPOSITIONS, PRONOUNS, REPORTING, STOPWORDS, WH_WORDS, Token

_TEMPORAL = frozenset("after before since when while during".split())
LOOSE = ("lay", "search")  # an everyday or related word led to the entity: its modifier may change what it is
_DETERMINERS = frozenset("a an the some my his her their your".split())
_FINITE = frozenset("be have get".split())  # a clause with its own verb ("after the baby *is* born"), not a phrase


def asked(an: Analysis, chosen: Reading | None = None) -> list[str]:
    """Unknown words (or the phrases they make with the everyday word they qualify) that a yes/no asks about."""
    if not an.question:
        return []
    return _in_question(an) or (_in_story(an, chosen) if chosen is not None else [])


def _in_question(an: Analysis) -> list[str]:
    """The unknown word names the thing itself ("is *baclofen* one of the antispasmodic meds"), or qualifies or stands
    beside an everyday word that led to an entity ("*decaf* coffee", "*tonic* water or *quinine*", "eating *bananas*")."""
    unknown = set(an.unknown)
    if not unknown:
        return []
    q = an.question
    out = _beside(an.tokens, q, unknown, [m for m in an.anchors if m.kind in LOOSE])
    subject = _subject(q, unknown, {i for m in an.mentions for i in m.span})
    if subject and not any(subject in w.split() for w in out):
        out.insert(0, subject)
    return out or _after_all(an, unknown)


def _claim_subject(words: list[Token], unknown: set[str]) -> str | None:
    """The subject of a claim said ("does the article say *long periods of sitting* cause it"), when the article never
    names it: its unknown words (with "of" between them), not opening on a verb's "-ing" form.

    >>> from kg.qa.text import tokenize
    >>> _claim_subject(tokenize("long periods of sitting cause it"), {"long", "periods", "sitting"})
    'long periods of sitting'
    >>> _claim_subject(tokenize("stress helps"), set()) is None
    True
    """
    run: list[Token] = []
    for w in words:
        if not (w.surface in unknown or w.lemma == "of" and run):
            break
        run.append(w)
    while run and run[-1].lemma == "of":
        run.pop()
    return " ".join(w.surface for w in run) if run and not run[0].surface.endswith("ing") else None


_SUBORDINATE = frozenset("once after until till before since when whenever".split())


def _after_all(an: Analysis, unknown: set[str]) -> list[str]:
    """What the question ends on, past everything it names, when the article names none of it: a time or condition
    ("do the spasms go away *once the baby is born*") or the one affected ("will my leg cramps hurt *my baby*"). A yes
    for the things named would answer a question without it."""
    marks = [t.i for t in an.tokens if t.surface == "?"]  # what follows a question mark is a remark, not the question
    words = [t for t in an.question if not t.is_punct and (not marks or t.i < marks[0])]
    last = max((m.end for m in an.anchors if not marks or m.end <= marks[0]), default=0)
    tail = [t for t in words if t.i >= last]
    if not tail or not any(t.surface in unknown and t.lemma not in _SUBORDINATE for t in tail):
        return []
    opens = [k for k, t in enumerate(tail[:-1]) if t.lemma in _SUBORDINATE]
    clause = tail[opens[0] + 1:] if opens else []
    named = opens and (any(t.surface in unknown and an.tokens[t.i - 1].lemma in _DETERMINERS for t in clause)
                       or len(clause) > 2 and clause[0].lemma in _DETERMINERS and any(t.surface in unknown for t in clause)
                       and any(t.lemma in _FINITE or t.surface in AUXILIARIES for t in clause[2:])  # "the baby *is* born"
                       or len(clause) == 1 and clause[0].surface in unknown and not clause[0].surface.endswith("ing"))  # "after *chemo*"
    if named:  # a thing the clause names ("once *the baby* is born"), not how it is ("when it is hot")
        return ["“" + " ".join(t.surface for t in tail[opens[0]:]) + "”"]
    if tail[0].lemma in _DETERMINERS and all(t.surface in unknown for t in tail[1:]) and len(tail) > 1:
        return [" ".join(t.surface for t in tail[1:])]
    return []


_ASKING = frozenset("be can could would will might may do".split())


def _subject(q: list[Token], unknown: set[str], named: set[int] = frozenset()) -> str | None:
    """The unknown word a yes/no opens on, past a determiner: "is *baclofen* one of …", "is the *menopause* itself
    causing it", "could my *thyroid* be doing this" — the thing asked about. Not a verb's "-ing" ("is *lifting* …").

    >>> from kg.qa.text import tokenize
    >>> _subject(tokenize("is the menopause itself causing it"), {"menopause", "itself"})
    'menopause'
    """
    if len(q) >= 3 and q[0].lemma in ("the", "it", "article"):  # "the article say something about banana?"
        return _said_about(q, unknown)  # a yes/no in a statement's order, its auxiliary left out
    if len(q) < 3 or q[0].lemma not in _ASKING:
        return None
    about = _said_about(q, unknown)
    if about:
        return about
    if (q[0].lemma == "be" and q[1].lemma == "it" and len(q) > 4 and q[2].lemma in _DETERMINERS
            and any(t.lemma in _CLEFT for t in q[4:])):
        q = q[1:]  # "is it *the sugar* in fizzy drinks that sets it off": a cleft, asked of what it puts first
    k = 2 if q[1].lemma in _DETERMINERS and len(q) > 3 else 1
    if q[0].lemma != "be" and k == 1 and q[-1].lemma not in PRONOUNS and not _who_gets(q, unknown):
        return None  # "can stress …", "does zinc …": a bare noun after a modal is asked through the relation, as before
    # — unless the rest is the story's, referred back to ("…after a night out, does *alcohol* cause it")
    said = k
    while q[0].lemma == "be" and k + 1 < len(q) - 1 and q[k].surface not in unknown and q[k].i not in named \
            and _says_how(q[k].surface):  # not a word that names a thing itself: "*older* (adults) women like me"
        k += 1  # "is *low* iron one of …", "is *cold* weather a cause": the thing past the words that say how it is
    w = q[k]
    possessive = w.surface.endswith(("'s", "’s", "s'"))  # "can my *son's* leg cramps …": whose, not what
    if w.surface not in unknown or w.surface.endswith("ing") or possessive:
        return None
    return " ".join(t.surface for t in q[said:k + 1])


def _says_how(word: str) -> bool:
    """A word that can say how a thing is (an adjective among lemminflect's parts of speech): "low", "cold", "poor".

    >>> _says_how("low"), _says_how("iron"), _says_how("the")
    (True, False, False)
    """
    return "ADJ" in all_lemmas(word)


def _who_gets(q: list[Token], unknown: set[str]) -> bool:
    """"can *kids and teenagers* get knee spasms from …": people the article never names, who get or have the
    condition, are what a bare noun after the modal asks of — a yes for the condition would drop them.

    >>> from kg.qa.text import tokenize
    >>> _who_gets(tokenize("can kids and teens get knee spasms"), {"kids", "teens"})
    True
    >>> _who_gets(tokenize("can zinc help cramps"), {"zinc"})
    False
    """
    people = [t for t in q[1:4] if t.lemma not in ("and", "or")]
    verb = next((t for t in q[1:5] if t.lemma in _GETTING), None)
    return verb is not None and bool(people) and all(t.surface in unknown for t in people if t.i < verb.i)


_GETTING = frozenset("get have suffer develop experience".split())  # who has the condition: "can toddlers *get* …"
_CLEFT = frozenset("that which who".split())  # what a cleft's clause opens on
_ABOUT = frozenset("about on regarding concerning".split())


def _said_about(q: list[Token], unknown: set[str]) -> str | None:
    """"does it say anything *about breastfeeding* doing the same", "does the article mention *yoga mats* at all": a
    yes/no about the article's saying asks of the thing it names, and an unknown one is what the article does not
    mention — never a yes for a thing of the story.

    >>> from kg.qa.text import tokenize
    >>> _said_about(tokenize("does it say anything about breastfeeding doing the same"), {"breastfeeding", "same"})
    'breastfeeding'
    >>> _said_about(tokenize("does it say anything about dehydration"), set()) is None
    True
    """
    words = [t for t in q if not t.is_punct]
    said = next((k for k, t in enumerate(words[:5]) if t.lemma in REPORTING), None)
    if said is None:
        return None
    k = said + 1
    k += words[k].lemma in ("anything", "something") if k < len(words) else 0
    k += words[k].lemma in _ABOUT if k < len(words) else 0
    k += words[k].lemma in _DETERMINERS if k < len(words) else 0
    if k < len(words) and k == said + 1 and words[said].lemma == "say":
        return _claim_subject(words[k:], unknown)  # "does it say *stress* helps": a claim, asked through its relation
    if k >= len(words):
        return None
    w = words[k]
    return w.surface if w.surface in unknown and w.lemma not in PRONOUNS else None


def qualified(an: Analysis, article_words=frozenset()) -> list[str]:
    """"What helps *menstrual* cramps", "what can I do about *stomach* cramps": an everyday word of the article's
    condition qualified by a word it never uses — the phrase, named before whatever the article says of the condition.
    A word of the article's own (``article_words``: "*sudden* cramps") describes the condition as the article does."""
    unknown = {t.surface for t in an.question if t.surface in an.unknown and t.lemma not in article_words}
    loose = [m for m in an.anchors if m.kind in LOOSE]
    return _beside(an.tokens, an.question, unknown, loose, objects=False) if unknown and loose else []


def _in_story(an: Analysis, chosen: Reading) -> list[str]:
    """"My neighbour swears by *tonic water* for leg cramps, does it say that works": the yes/no refers back to the
    story, and the everyday word its reading took from the story is qualified there by a word the article never uses."""
    if not any(t.lemma in PRONOUNS for t in an.question):
        return []
    asked_here = {m.iri for m in an.anchors}
    loose = [m for m in an.context_mentions if m.kind in LOOSE and m.iri in chosen.anchors and m.iri not in asked_here]
    if not loose:
        return []
    covered = {i for m in an.mentions for i in m.span} | {i for c in an.cues for i in c.positions}
    unknown = {t.surface for t in an.context if unknown_word(t, covered)}
    return [w for w in _beside(an.tokens, an.context, unknown, loose, objects=False) if _opens_a_name(an.tokens, w)]


_OPENERS = _DETERMINERS | PREPOSITIONS | {"this", "that", "these", "those", "some", "any", "us", "me", "him", "them"}


def _opens_a_name(tokens: list[Token], phrase: str) -> bool:
    """In a story a word before an everyday word is its kind only where a name starts ("swears by *tonic* water", "an
    *epsom* salt bath"), not after a subject ("I *take* prednisolone", "I can *barely* keep water down").

    >>> from kg.qa.text import tokenize
    >>> _opens_a_name(tokenize("she swears by tonic water"), "tonic water"), _opens_a_name(tokenize("i take pills"), "take pills")
    (True, False)
    """
    words = phrase.split()
    for k in range(len(tokens) - len(words) + 1):
        if [t.surface for t in tokens[k:k + len(words)]] == words:
            return k == 0 or tokens[k - 1].is_punct or tokens[k - 1].lemma in _OPENERS
    return False


def told_claim(an: Analysis) -> list[str]:
    """"Someone at work said *quinine* helps, is that true", "I read that *beetroot juice* stops spasms, does it say
    so": a yes/no that refers back to a claim the story tells, whose thing (the words right before its relation word)
    the article never mentions — what it does not mention is the answer, not its own list of treatments."""
    if not an.yes_no or not any(t.lemma in PRONOUNS for t in an.question) or an.anchors:
        return []
    told = {t.i for t in an.context}
    covered = {i for m in an.mentions + an.candidates for i in m.span} | {i for c in an.cues for i in c.positions}
    out = []
    for c in an.cues:
        if c.entry.kind != "relation" or c.start not in told or "*" in c.form:
            continue  # a frame with a gap ("mum *takes* Lipitor *for* …") says who does what, not what does
        words = []
        k = c.start - 1
        while k >= 0 and k in told and unknown_word(an.tokens[k], covered) and an.tokens[k].lemma not in CLAIMING \
                and len(words) < 3:
            words.insert(0, an.tokens[k].surface)
            k -= 1
        if words and " ".join(words) not in out:
            out.append(" ".join(words))
    return out


CLAIMING = REPORTING | frozenset("reckon think swear claim believe hear read insist suggest recommend".split())


_POSSESSORS = frozenset("my your his her our their".split())


def _unmarked_possessive(tokens: list[Token], t: Token) -> bool:
    """"My *mums* knee", "her *dads* legs": a word in -s between a possessive and a noun is a possessive typed without
    its apostrophe (a plural is seldom a noun's kind) — whose knee, not which kind of knee.

    >>> from kg.qa.text import tokenize
    >>> words = tokenize("my mums knee and the tonic water and my glass knee")
    >>> _unmarked_possessive(words, words[1]), _unmarked_possessive(words, words[5]), _unmarked_possessive(words, words[9])
    (True, False, False)
    """
    word = t.surface
    return (t.i > 0 and tokens[t.i - 1].lemma in _POSSESSORS and len(word) >= 4 and word.endswith("s")
            and not word.endswith(("ss", "us", "is")))


def unknown_word(t: Token, covered: set[int]) -> bool:
    """A content word that is no part of a name or a lexicon word.

    >>> from kg.qa.text import tokenize
    >>> [unknown_word(t, set()) for t in tokenize("the tonic water 2")]
    [False, True, True, False]
    """
    return not (t.i in covered or t.is_punct or t.lemma in STOPWORDS or t.surface in STOPWORDS | AUXILIARIES
                or t.lemma in WH_WORDS or t.surface.isdigit() or len(t.surface) < 3)


def _beside(tokens: list[Token], words: list[Token], unknown: set[str], loose, objects: bool = True) -> list[str]:
    """The unknown words among ``words`` that qualify one of the ``loose`` mentions, each with the words it makes with
    the mention ("tonic water"), or alone when it stands beside it ("tonic water or *quinine*"); with ``objects``, also
    the object of an everyday verb ("eating *bananas*") — not in a story, where it is as often where ("tearing *inside*")."""
    out = []
    for t in words:
        if t.surface not in unknown or any(t.surface in w.split() for w in out):
            continue
        before = tokens[t.i - 1] if t.i > 0 else None
        if before is not None and before.lemma in _TEMPORAL:
            continue
        if t.surface.endswith(("'s", "’s", "s'")) or _unmarked_possessive(tokens, t):
            continue  # "a *kid's* knee twitch", "my *mums* knee": whose, not which kind
        for m in loose:
            if _spells_out(t.surface, m.label):
                continue  # "*cortical* steroids": the reader spells out the article's name (corticosteroids), not a kind
            # a word before a phrase that opens with a function word ("the same job *over and over*") is not its kind
            if t.i == m.start - 1 and tokens[m.start].lemma not in STOPWORDS | {"over"}:
                out.append(f"{t.surface} {m.text}")
                break
            if objects and t.i == m.end and m.kind == "search" and m.text.endswith("ing"):
                out.append(t.surface)
                break
            if t.i == m.end and t.i + 2 < len(tokens) and tokens[t.i + 1].lemma in ("in", "of") and _says_how(t.surface):
                out.append(" ".join(w.surface for w in tokens[m.start:t.i + 3]))  # "foods *rich in* magnesium": a kind
                break
            if t.i == m.end + 1 and tokens[m.end].lemma in ("or", "and"):
                out.append(t.surface)
                break
            # "a warm bath *with epsom salts*": what the everyday thing is taken with
            k = m.end + 1 if m.end < len(tokens) and tokens[m.end].lemma == "with" else -1
            k = k + 1 if 0 < k < len(tokens) and tokens[k].lemma in _DETERMINERS else k
            if t.i == k:
                phrase = [t.surface]
                while t.i + len(phrase) < len(tokens) and tokens[t.i + len(phrase)].surface in unknown:
                    phrase.append(tokens[t.i + len(phrase)].surface)
                out.append(" ".join(phrase))
                break
    return out


def _spells_out(word: str, label: str) -> bool:
    """Whether ``word`` begins like a word of the entity's ``label``: part of its name, not another thing.

    >>> _spells_out("cortical", "Corticosteroids"), _spells_out("tonic", "Proper hydration")
    (True, False)
    """
    return len(word) >= 5 and any(w.startswith(word[:5]) for w in label.lower().split())


__all__ = ["asked", "qualified", "told_claim", "unknown_word"]
