"""Words of a question: tokens with their lemmas (simplemma), and the question's clauses.

Lemmatisation is a library's job (simplemma: dictionary-based, no dependencies, about half a
microsecond a word), so "causes", "caused" and "causing" all read as "cause", and the
lexicon's forms and the graph's labels are lemmatised the same way. A token keeps its surface
form too, for passives ("caused by") and for naming unknown words as the reader wrote them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kg.qa.wordforms import all_lemmas, is_known, lemmatize

_PUNCT = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-", "\u201c": '"',
                        "\u201d": '"'})
_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*|[?.!;,:]|\.\.+")
# Lemmas simplemma gets wrong for this domain's questions (comparatives read as their base, a few
# plurals it leaves alone); the lexicon is lemmatised through the same function, so this stays small.
_LEMMA_FIX = {"worse": "worse", "better": "better", "meds": "med", "cramps": "cramp", "spasms": "spasm",
              "twitches": "twitch", "tremors": "tremor", "rashes": "rash", "knees": "knee", "feet": "foot",
              "dr": "doctor", "doc": "doctor", "docs": "doctor", "people": "people", "data": "data",
              "diabetes": "diabetes", "its": "its", "was": "be", "were": "be", "is": "be", "are": "be",
              "am": "be", "been": "be", "being": "be", "im": "i'm", "ive": "i've", "dont": "don't",
              "doesnt": "doesn't", "didnt": "didn't", "cant": "can't", "whats": "what", "hows": "how", "wat": "what", "wats": "what", "wots": "what",
              "wut": "what", "u": "you", "r": "are", "ur": "your", "abt": "about", "w": "with", "bc": "because",
              "cuz": "because", "coz": "because", "cos": "because", "pls": "please", "plz": "please", "thx": "thanks",
              "used": "use", "lying": "lie", "less": "less", "lot": "lot", "lots": "lot", "does": "do",
              "did": "do", "has": "have", "had": "have", "having": "have", "meant": "mean", "supposed": "suppose",
              "playing": "play", "round": "around", "gone": "go", "felt": "feel", "intro": "introduction"}
STOPWORDS = frozenset("""a an the my your our their his her its i me we you he she it they them is are was were be
been being am do does did can could may might will would shall should of in on at to for from by with about and or
what which who whom whose when where why how that this these those there here any some if so as into than then too
very just also more most much many not no yes i'm i've it's that's what's there's don't doesn't can't isn't aren't
be have get without because since after before while but plus besides ever even until though although during
thats whats im ive dont doesnt cant isnt arent theres  lol itself themselves himself herself myself yourself
we're you're they're he's she's we've you've they've i'd we'd you'd they'd i'll we'll you'll they'll didn't didnt""".split())
WH_WORDS = frozenset("what which who whom whose when where why how".split())
AUXILIARIES = frozenset("""can could do does did is are was were will would may might should shall ought must has have had am
be isn't aren't doesn't don't can't won't wouldn't couldn't""".split())
NEGATIONS = frozenset("not isn't isnt aren't arent wasn't wasnt never n't".split())
PRONOUNS = frozenset("it that this them they these those he him she her".split())
PREPOSITIONS = frozenset("of for to in with from behind about on at by into against".split())


@dataclass(frozen=True)
class Token:
    """One word (or punctuation mark) of a question."""

    i: int  # position among the question's tokens
    surface: str  # lower case, as typed (apostrophes and dashes normalised)
    lemma: str
    start: int  # character offsets into the normalised text
    end: int
    dash: bool = False  # a dash stands between it and the word before (the tokenizer drops dashes, not quote marks)

    @property
    def is_punct(self) -> bool:
        return not self.surface[0].isalnum()


_NON = re.compile(r"\bnon (?=[a-z])")


def normalise_text(text: str) -> str:
    """Unicode NFKC, plain apostrophes and dashes, lower case; "non" joined to the word it negates ("non stop",
    "non medical": a prefix that never stands alone, kept the same length so offsets hold).

    >>> normalise_text("Why do my KNEES twitch\u2014so often?")
    'why do my knees twitch-so often?'
    >>> normalise_text("twitching non stop")
    'twitching non-stop'
    """
    return _NON.sub("non-", unicodedata.normalize("NFKC", text).translate(_PUNCT).lower())


_AMOUNT = re.compile(r"\d+(?:\.\d+)?(mg|mcg|ml|g|iu|units?)")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of one lower-case word.

    >>> [lemma(w) for w in ("causes", "caused", "twitching", "vitamins", "worse", "meds", "fixes", "massages")]
    ['cause', 'cause', 'twitch', 'vitamin', 'worse', 'med', 'fix', 'massage']
    >>> [lemma(w) for w in ("fixed", "mixed", "used", "tired")]
    ['fix', 'mix', 'use', 'tire']
    """
    if word in _LEMMA_FIX:
        return _LEMMA_FIX[word]
    amount = _AMOUNT.fullmatch(word)
    if amount:
        return amount.group(1)  # "20mg": an amount in milligrams, read as its unit (the lexicon's dose words)
    if not word[0].isalpha() or len(word) < 3:
        return word
    if word.startswith("mid-") and len(word) > 5:
        return "mid"  # "mid-session", "mid-run": when, not what (the lexicon's fillers hold "mid")
    if "-" in word:
        return "-".join(lemma(part) if part else part for part in word.split("-"))
    if word.endswith("'s"):
        return lemma(word[:-2])
    out = lemmatize(word).lower()
    if word.endswith(("es", "ed")) and out == word[:-1]:  # "fixes", "fixed" → "fixe": only the last letter dropped;
        found = all_lemmas(word)  # where lemminflect knows the word and not that form, its lemma (the verb's first)
        other = {w for forms in found.values() for w in forms}
        verbs = found.get("VERB", ())
        if out not in other and (len(other) == 1 or len(verbs) == 1):
            return verbs[0] if len(verbs) == 1 else other.pop()
    return out


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` (already normalised or not) with their lemmas.

    >>> [(t.surface, t.lemma) for t in tokenize("What's causing my cramps?")]
    [("what's", 'what'), ('is', 'be'), ('causing', 'cause'), ('my', 'my'), ('cramps', 'cramp'), ('?', '?')]
    >>> [t.lemma for t in tokenize("could it be cause of water")][3], [t.lemma for t in tokenize("can it cause pain")][2]
    ('because', 'cause')
    >>> [t.lemma for t in tokenize("is it cause i sweat")][2], [t.lemma for t in tokenize("does it cause pain")][2]
    ('because', 'cause')
    """
    text = normalise_text(text)
    out: list[Token] = []
    for m in _WORD.finditer(text):
        word = lemma(m.group(0))
        after_be = out and (out[-1].lemma == "be" or (len(out) > 1 and out[-1].lemma in ("it", "that", "this")
                                                      and out[-2].lemma == "be"))  # "is it *cause* I don't drink"
        if m.group(0) in _BECAUSE and after_be:  # "could it be *cause* I don't drink enough"
            word = "because"
        dash = "-" in text[out[-1].end if out else 0:m.start()]
        if m.group(0) in _WH_IS:  # "whats a spasm" asks what one is, as "what is a spasm" does
            out.append(Token(len(out), m.group(0), word, m.start(), m.end(), dash))
            out.append(Token(len(out), "is", "be", m.end(), m.end()))
            continue
        out.append(Token(len(out), m.group(0), word, m.start(), m.end(), dash))
    return out


_WH_IS = frozenset(("what's", "whats", "wats", "wots", "how's", "hows", "who's", "where's", "wheres"))  # a wh-word and "is" in one


_BECAUSE = frozenset(("cause", "cos"))  # spoken "because" right after "be" ("is it cos of the coffee")


def lemmas_of(text: str) -> tuple[str, ...]:
    """The lemma sequence of a phrase, punctuation dropped: the key labels and lexicon forms are matched on.

    >>> lemmas_of("Muscle spasms in the knee")
    ('muscle', 'spasm', 'in', 'the', 'knee')
    """
    return tuple(t.lemma for t in tokenize(text) if not t.is_punct)


def clauses(tokens: list[Token]) -> list[list[Token]]:
    """Split a question into clauses at sentence ends, colons, semicolons and commas (punctuation dropped).

    >>> [[t.surface for t in c] for c in clauses(tokenize("I'm 72. is that an age thing?"))]
    [["i'm", '72'], ['is', 'that', 'an', 'age', 'thing']]

    And at a dash before an auxiliary, which opens a yes/no after what the reader tells ("my client overtrains — is
    that a risk"); a dash elsewhere joins ("heat or ice - which one", "low-impact"):

    >>> [[t.surface for t in c] for c in clauses(tokenize("she overtrains - is that a risk - or a myth"))]
    [['she', 'overtrains'], ['is', 'that', 'a', 'risk', 'or', 'a', 'myth']]
    """
    out: list[list[Token]] = [[]]
    for t in tokens:
        if t.dash and out[-1] and (t.lemma in AUXILIARIES or t.lemma in ("be", "do", "have")):
            out.append([])
        if t.is_punct:
            if t.surface in (".", "?", "!", ";", ",", ":") or t.surface.startswith(".."):
                if out[-1]:
                    out.append([])
            continue
        out[-1].append(t)
    return [c for c in out if c]


def adverb(word: str) -> bool:
    """An adverb made of an English word and "-ly" ("honestly", "seriously", "genuinely"): it says how, not what, so it
    is no unknown thing; short words and nouns ending so ("belly", "family", "reply") are not.

    >>> [adverb(w) for w in ("honestly", "seriously", "belly", "family", "reply", "supply")]
    [True, True, False, False, False, False]
    """
    return len(word) >= 7 and word.endswith("ly") and is_known(word[:-2])


def acronym(typed: str) -> bool:
    """A short word typed in capitals is a name ("MS", "UC", "RA"), not a little word to pass over: a two-letter word
    the article never uses is then an unknown word like any other.

    >>> acronym("MS"), acronym("ms"), acronym("I"), acronym("A")
    (True, False, False, False)
    """
    return len(typed) >= 2 and typed.isalpha() and typed.isupper()


INDEFINITES = frozenset("anything something nothing".split())
SUBJECTS = frozenset("i we you he she they one".split())


def pronoun_modifier(tokens: list[Token], k: int) -> bool:
    """An adjective after "anything"/"something" and before the clause's subject ("anything *quick* I can do",
    "something *simple* we could try"): it says what sort of thing, and names no thing of its own.

    >>> words = tokenize("anything quick i can do")
    >>> pronoun_modifier(words, 1), pronoun_modifier(words, 2)
    (True, False)
    """
    return 0 < k < len(tokens) - 1 and tokens[k - 1].lemma in INDEFINITES and tokens[k + 1].lemma in SUBJECTS


REPORTING = frozenset("say explain tell mention describe cover state know show list give".split())
EMBEDDED = ("how", "why", "what", "which", "when")


def embedded_wh(question: list[Token]) -> str | None:
    """The question word a yes/no about the article's saying opens: "does it explain *how* estrogen causes spasms",
    "does the article say *what* causes knee twitching", "do you know *why* …" ask how, what, why — not yes or no.

    >>> embedded_wh(tokenize("does the article explain why older people get more cramps"))
    'why'
    >>> embedded_wh(tokenize("does it say that magnesium helps")), embedded_wh(tokenize("does stretching help, and how"))
    (None, None)
    """
    words = [t.lemma for t in question[:7] if not t.is_punct]
    for k in range(1, min(len(words) - 1, 5)):
        after = words[k + 2:k + 3] if words[k + 1] in ("me", "you", "us") else words[k + 1:k + 2]  # "tell *you* why"
        if words[k] in REPORTING and after and after[0] in EMBEDDED:
            return after[0]
    return None


YES_OR_NO = (("y", "n"), ("yes", "no"), ("true", "false"), ("yes", "or", "no"), ("true", "or", "false"))


def ends_or_not(question: list[Token]) -> bool:
    """A statement with "or not" / "or no" at its end asks yes or no ("the cold weather make more spasms or no"), as
    does one that ends in the answers it wants ("cutting down help y/n", "higher spasm risk, yes or no").

    >>> ends_or_not(tokenize("the cold make more spasms in the knee or no")), ends_or_not(tokenize("heat or ice"))
    (True, False)
    >>> ends_or_not(tokenize("overweight + desk job, higher spasm risk y/n")), ends_or_not(tokenize("vitamin b or d"))
    (True, False)
    """
    words = [t.lemma for t in question if not t.is_punct]
    if len(words) > 3 and any(tuple(words[-len(end):]) == end for end in YES_OR_NO):
        return True
    return len(words) > 3 and words[-2] == "or" and words[-1] in ("no", "not", "nah")


RUN_ON_MODALS = frozenset("can could should would will do does did".split())
RUN_ON_BE = frozenset("is are was".split())
RUN_ON_DO = frozenset("does do did".split())  # do-support inside a statement opens the question run on after it
_SUBJECTS = frozenset("i it you we he she they that this".split())
DETERMINERS = frozenset("a an the my your his her their".split())


def run_on(clause: list[Token]) -> list[list[Token]]:
    """A statement run on into a question without a stop ("my leg goes tight like a knot *can a massage help*",
    "knee keeps jumping *should i* see someone"): split before an auxiliary that opens a question — a modal before a
    subject or a determiner, or "is/are" before a pronoun — after three words or more of a clause that opens as no
    question, and not after a pronoun or a relative ("that can help", "i can take").

    >>> [[t.surface for t in c] for c in run_on(tokenize("my leg goes tight like a knot can a massage help"))]
    [['my', 'leg', 'goes', 'tight', 'like', 'a', 'knot'], ['can', 'a', 'massage', 'help']]
    >>> [t.surface for t in run_on(tokenize("i have been stressed and my knee wont stop does stress make it worse"))[1]]
    ['does', 'stress', 'make', 'it', 'worse']
    >>> len(run_on(tokenize("the twitching in the knee can be a sign"))), len(run_on(tokenize("things that can help me")))
    (1, 1)
    """
    if len(clause) < 6 or clause[0].surface in AUXILIARIES:
        return [clause]
    if clause[0].lemma in WH_WORDS:
        return _guess_after_wh(clause)
    for k in range(3, len(clause) - 2):
        t, after, before = clause[k], clause[k + 1], clause[k - 1]
        if before.lemma in _SUBJECTS | WH_WORDS | {"and", "or", "to", "not"} or before.surface in AUXILIARIES:
            continue
        if any(w.lemma in WH_WORDS for w in clause[:k]):
            return [clause]
        if (t.surface in RUN_ON_MODALS and after.surface in _SUBJECTS | DETERMINERS) or \
                (t.surface in RUN_ON_BE and after.surface in _SUBJECTS) or \
                (t.surface in RUN_ON_DO and after.lemma not in NEGATIONS | {"not"} and after.lemma not in _SUBJECTS
                 and not after.is_punct and k + 2 < len(clause)):  # "… my knee wont stop twitching *does stress* make it worse"
            return [clause[:k], clause[k:]]
    return [clause]


WH_GUESS_AFTER = 6  # words of a wh-question before the reader's own guess may run on after it


def _guess_after_wh(clause: list[Token]) -> list[list[Token]]:
    """"why does my knee twitch when i drink too much coffee *is the caffeine doing it*": a wh-question, then the
    reader's own guess run on as a yes/no ("is/can/could" before "the", "that", "it" …) — the guess is what is asked,
    the wh-question before it the story. Only after a wh-question of six words or more that has its own auxiliary
    ("why *does* …"; "which of the minerals … can a blood test check for" inverts once), and not after a pronoun or
    a relative ("what happens when it is …", "which ones that can …").

    >>> [t.surface for t in _guess_after_wh(tokenize("why does my knee twitch when i drink coffee is the caffeine doing it"))[1]]
    ['is', 'the', 'caffeine', 'doing', 'it']
    >>> len(_guess_after_wh(tokenize("what can i do about it when my knee is sore"))), len(_guess_after_wh(tokenize("what is the cause")))
    (1, 1)
    """
    if not any(t.surface in AUXILIARIES for t in clause[1:3]):
        return [clause]  # "which of the minerals … *can a blood test* check for": the wh-question's own inversion
    for k in range(WH_GUESS_AFTER, len(clause) - 2):
        t, after, before = clause[k], clause[k + 1], clause[k - 1]
        if before.lemma in _SUBJECTS | WH_WORDS | {"and", "or", "to", "not", "that", "which", "who"} or before.surface in AUXILIARIES:
            continue
        if (t.surface in RUN_ON_BE | RUN_ON_MODALS) and after.surface in _SUBJECTS | DETERMINERS:
            return [clause[:k], clause[k:]]
    return [clause]


def asks(clause: list[Token]) -> bool:
    """A clause that asks on its own: it opens on a question word or an auxiliary.

    >>> asks(tokenize("does water help")), asks(tokenize("my knee twitches"))
    (True, False)
    """
    return bool(clause) and (clause[0].lemma in WH_WORDS or clause[0].lemma in AUXILIARIES | {"be", "do", "have"})


def asked_as_statement(question: list[Token], marked, universal: bool = False) -> bool:
    """A statement with a question mark asks yes or no when it has its verb ("the twitching in the knee can be the
    first sign of ALS? i am very worried"): a modal or "is/are" after its first word, no question word before the mark;
    or when it asks of everyone (``universal``: "home remedies work for everyone??").

    >>> q = tokenize("the twitching can be a sign of ALS ? i am worried")
    >>> asked_as_statement(q, {q[6].i}), asked_as_statement(q, set())
    (True, False)
    >>> q = tokenize("home remedies work for everyone ?")
    >>> asked_as_statement(q, {q[4].i}), asked_as_statement(q, {q[4].i}, universal=True)
    (False, True)
    """
    end = next((k for k, t in enumerate(question) if t.i in marked), None)
    if end is None:
        return False
    part = question[:end + 1]
    if any(t.dash for t in part):
        return False  # "massage was recommended for my fatigue — is massage a cause": the dash opens the question
    reported = part[0].lemma in ("the", "it") and any(t.lemma in REPORTING for t in part[1:4])  # "the article say … ?"
    return not any(t.lemma in WH_WORDS for t in part) and (universal or reported or any(
        t.surface in RUN_ON_MODALS | RUN_ON_BE for t in part[1:]))


PARTITIVE = frozenset(("of", "among", "amongst"))  # "*of* the medicines listed as risk factors, which one …"


def partitive(question: list[Token]) -> bool:
    """"Of the medicines listed as risk factors, which one is also a cause of knee twitching": a set named before the
    asking word is the set the answer is chosen from — asked (its class and relation words too), not told.

    >>> from kg.qa.text import tokenize
    >>> partitive(tokenize("of the minerals dehydration drains, which ones are in the diet")), partitive(tokenize("which ones"))
    (True, False)
    """
    words = [t for t in question if not t.is_punct]
    if not words or words[0].lemma not in PARTITIVE:
        return False
    return any(t.lemma in ("which", "what") and (before.is_punct or before.i + 1 != t.i)  # after a comma (the clauses
               for before, t in zip(question, question[1:]))  # hold no punctuation: a gap in the positions)


_LABEL = re.compile(r"^\s*([^:?]{1,40}):\s*(.+)$", re.DOTALL)


def unlabelled(text: str) -> str:
    """The question without a numbered label before it ("Exam item 2 (2 marks): Define ALS …", "Q3: …"): the label says
    which question of a sheet it is, not what it asks; a label without a number may be the topic ("Dehydration: what
    does it deplete?") and stays.

    >>> unlabelled("Exam item 2 (2 marks): Define ALS as given in the text.")
    'Define ALS as given in the text.'
    >>> unlabelled("Q3: what causes knee twitching")
    'what causes knee twitching'
    >>> unlabelled("Dehydration: what does it deplete?")
    'Dehydration: what does it deplete?'
    """
    found = _LABEL.match(text)
    if not found or not any(c.isdigit() for c in found.group(1)) or len(found.group(1).split()) > 6 \
            or len(found.group(2).split()) < 3:
        return text
    return found.group(2)


def modifiers(tokens) -> bool:
    """Words that only modify the noun after them (no stop word, no punctuation): "kinds of *medical* problems".

    >>> modifiers(tokenize("medical")), modifiers(tokenize("the")), modifiers([])
    (True, False, True)
    """
    return all(t.surface.isalpha() and t.lemma not in STOPWORDS for t in tokens)


def owned_as_mine(tokens) -> list[str]:
    """The tokens' lemmas, with someone's possessive ("a *patient's* notes", "my *GP's* notes") read as "my": theirs,
    not the article's ("the article's", "there's", "it's" stay as they are).

    >>> owned_as_mine(tokenize("a patient's")), owned_as_mine(tokenize("the article's")), owned_as_mine(tokenize("there's"))
    (['a', 'my'], ['the', 'article'], ['there'])
    """
    return [t.lemma if t.lemma in STOPWORDS | {"article"} or t.surface[-2:] not in ("'s", "’s") else "my" for t in tokens]
