"""Spelling: read a misspelt word as the word meant, by how it is written and how it sounds.

Readers type as they speak ("wich mussels shud i strech", "how dose dehidration make ur knee
twich"). Three kinds of slip, each read per token against the words the graph and the lexicon
know (``words``: labels, lexicon forms, question words):

- a *non-word* ("excersizes", "docters", "magnesim"): the closest known word, by edit ratio
  (rapidfuzz) with a cutoff that loosens with the word's length — one slip in a long word costs
  less than in a short one — or by the same sound (a metaphone key, jellyfish) when the letters
  drift further ("excersizes" ~ "exercises"); among several, the one fewest slips away (a swapped
  pair is one) and then the commoner in English ("waht" is what, not wait);
- a *real word that sounds like a domain word* ("mussels" for muscles): only where it would
  otherwise name nothing the article knows and the question names something it does (a health
  context), with nearly the same letters and sound, and rarer in English than the domain word
  (wordfreq) — "summer" is not a slip for swimmer;
- a *real word in the auxiliary's place* ("how *dose* dehydration make ...", "wat *dose* it do"):
  right after the question word, sounding like an auxiliary, before a noun phrase — "what dose
  of magnesium" or "what dose should I take" keep their noun.

Every correction is kept with the token, so the reading says it ("“mussels” read as “muscle”").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz, process
from wordfreq import zipf_frequency
from rapidfuzz.distance import OSA, Levenshtein

from kg.qa import dictated
from kg.qa.text import AUXILIARIES, PREPOSITIONS, STOPWORDS, WH_WORDS, Token, lemma

MODALS = frozenset("can could will would shall should may might must is are was were".split())
COMMON = 4.0  # Zipf frequency (wordfreq) from which a real word is taken as meant ("plain", "summer")
SILENT_STARTS = frozenset({"kn", "wr", "gn", "ps", "wh"})  # a first letter not heard: spelt as heard without it
SOUND_AUXILIARIES = ("does", "do", "is", "are", "can", "should", "could", "would")
PRONOUNS = frozenset("that this it they he she i you we".split())


def cutoff(length: int) -> float:
    """The edit ratio a non-word of ``length`` letters needs: strict for short words, looser for long ones.

    >>> [cutoff(n) for n in (4, 6, 8, 11)]
    [80, 80, 75, 70]
    """
    return 80 if length <= 6 else 75 if length <= 9 else 70


@lru_cache(maxsize=65536)
def frequency(word: str) -> float:
    """How common the word is in English (wordfreq's Zipf scale: 7 for "the", 0 for a word it never saw).

    >>> frequency("muscles") > frequency("mussels") > frequency("cuase")
    True
    """
    return zipf_frequency(word, "en")


@lru_cache(maxsize=65536)
def sound(word: str) -> str:
    """The word's metaphone key: words spelt as they sound share it.

    >>> sound("strech") == sound("stretch"), sound("magnesim") == sound("magnesium")
    (True, True)
    """
    return jellyfish.metaphone(word)


@dataclass
class Speller:
    """The words a question's words may be misspellings of, by letters and by sound."""

    words: list[str]

    @classmethod
    def of(cls, words) -> "Speller":
        words = sorted(set(words))
        for w in words:  # keys and frequencies now, not at the first question
            sound(w), frequency(w)
        return cls(words)

    def nonword(self, word: str) -> str | None:
        """The known word a non-word is a misspelling of: same first letter (or sound), similar length.

        >>> s = Speller.of(["exercises", "doctors", "stretch", "spasms", "case", "cause", "wait", "what"])
        >>> s.nonword("excersizes"), s.nonword("docters"), s.nonword("strech"), s.nonword("spain")
        ('exercises', 'doctors', 'stretch', None)
        >>> s.nonword("cuase"), s.nonword("waht")
        ('cause', 'what')
        >>> Speller.of(["weakness", "weekend", "weeks"]).nonword("weeknes")
        'weakness'
        >>> Speller.of(["blood", "bleed", "supply"]).nonword("blud"), Speller.of(["blood", "supply"]).nonword("blub")
        ('blood', None)
        >>> Speller.of(["knees", "nerves", "needs"]).nonword("nees"), Speller.of(["knee", "nerve"]).nonword("nee")
        ('knees', 'knee')
        >>> Speller.of(["cortisone", "cortex"]).nonword("kortison"), Speller.of(["cramp"]).nonword("kramp")
        ('cortisone', 'cramp')

        """
        candidates = process.extract(word, self.words, scorer=fuzz.ratio, score_cutoff=60, limit=8)
        key = sound(word)
        best = None
        for candidate, score, _ in candidates:
            silent = candidate[:2] in SILENT_STARTS and candidate[1] == word[0]  # "nees": knees, "rist": wrist
            heard = len(key) >= 4 and sound(candidate) == key  # "kortison": cortisone, the first letter heard alike
            if (candidate[0] != word[0] and not silent and not heard) or abs(len(candidate) - len(word)) > 2:
                continue
            same_sound = Levenshtein.distance(sound(candidate), key) <= (1 if len(key) >= 4 else 0)
            # a short word spelt as it sounds keeps few letters: the same sound exactly stands for them ("blud": blood)
            homophone = len(word) == 4 and sound(candidate) == key and len(key) >= 2
            if score >= cutoff(len(word)) or (same_sound and score >= cutoff(len(word)) - (15 if homophone else 10)):
                edits = OSA.distance(candidate, word)
                swapped = edits < Levenshtein.distance(candidate, word)  # every letter kept: "cuase" is cause, not case
                exact = sound(candidate) == key  # "weeknes" sounds as weakness, not weekend (one sound off)
                rank = (same_sound, -edits, exact, swapped, frequency(candidate))  # then the commoner: "waht" is what
                if best is None or rank > best[0]:
                    best = (rank, candidate)
        return best[1] if best else None

    def sound_alike(self, word: str) -> str | None:
        """A domain word a real word is heard as: one or two letters off (by length; a swap counts one) and the same sound but for one.

        >>> s = Speller.of(["muscles", "strain", "knee", "swimmer", "pain"])
        >>> s.sound_alike("mussels"), s.sound_alike("mustard"), s.sound_alike("spain"), s.sound_alike("summer")
        ('muscles', None, None, None)
        >>> s.sound_alike("plain")
        """
        if len(word) < 5 or frequency(word) >= COMMON:
            return None  # "plain english": a common word is meant as written
        edits = 1 if len(word) < 6 else 2
        for candidate, _, _ in process.extract(word, self.words, scorer=fuzz.ratio, score_cutoff=65, limit=5):
            if candidate[0] != word[0] or abs(len(candidate) - len(word)) > 1:
                continue
            if OSA.distance(candidate, word) <= edits and Levenshtein.distance(sound(candidate), sound(word)) <= 1 \
                    and frequency(word) < frequency(candidate):  # "summer" is no slip for swimmer: it is the commoner
                return candidate
        return None


def auxiliary_slips(tokens: list[Token]) -> dict[int, str]:
    """Real words standing where an auxiliary belongs and sounding like one ("how *dose* dehydration make my knee
    twitch"): right after the clause's question word, before a noun phrase, with no other auxiliary after them.

    >>> from kg.qa.text import tokenize
    >>> auxiliary_slips(tokenize("how dose dehydration make ur knee twich"))
    {1: 'does'}
    >>> auxiliary_slips(tokenize("what dose of magnesium")), auxiliary_slips(tokenize("what dose should i take"))
    ({}, {})
    >>> auxiliary_slips(tokenize("knee twiching and its hard to swalow what dose that mean"))
    {8: 'does'}

    Or opening a clause as a yes/no's auxiliary, before the subject a pronoun, a determiner or a verb's -ing form
    starts ("*dose* eating bananas help", "my wife has diabetes, *dose* that matter") — not a dose named first
    ("dose of magnesium?", "dose magnesium per day"):

    >>> auxiliary_slips(tokenize("dose stretching help a cramp")), auxiliary_slips(tokenize("i'm pregnant, dose it matter"))
    ({0: 'does'}, {3: 'does'})
    >>> auxiliary_slips(tokenize("dose of magnesium?")), auxiliary_slips(tokenize("dose magnesium per day"))
    ({}, {})
    """
    out: dict[int, str] = {}
    for i in range(0, len(tokens) - 1):
        t, after = tokens[i], tokens[i + 1]
        if i == 0 or tokens[i - 1].is_punct:
            if not t.is_punct and t.surface not in AUXILIARIES and _opens_subject(tokens, i + 1):
                aux = next((a for a in SOUND_AUXILIARIES if a[0] == t.surface[0] and sound(a) == sound(t.surface)), None)
                if aux:
                    out[i] = aux
            continue
        before = tokens[i - 1]
        if t.is_punct or t.surface in AUXILIARIES or before.lemma not in WH_WORDS and before.surface not in WH_WORDS:
            continue
        if i > 1 and not tokens[i - 2].is_punct and after.surface not in PRONOUNS:
            continue  # the question word opens its clause (or a pronoun follows: "… hard to swallow what dose that mean")
        if after.is_punct or after.surface in AUXILIARIES or after.lemma in PREPOSITIONS:
            continue  # "what dose of", "what dose should": a noun
        rest = tokens[i + 1:]
        end = next((k for k, r in enumerate(rest) if r.is_punct), len(rest))
        if any(r.surface in MODALS for r in rest[:end]):
            continue
        aux = next((a for a in SOUND_AUXILIARIES if sound(a) == sound(t.surface) and a[0] == t.surface[0]), None)
        if aux:
            out[i] = aux
    return out


SUBJECT_OPENERS = frozenset("the a an my your his her our their this that it they he she i you we".split())


def _opens_subject(tokens: list[Token], k: int) -> bool:
    """Whether the words from ``k`` open a clause's subject and go on to its verb: a pronoun or a determiner, or a
    verb's -ing form ("drinking", "drinkin'") with words after it, and no auxiliary or modal of their own after.

    >>> from kg.qa.text import tokenize
    >>> _opens_subject(tokenize("x drinkin water help"), 1), _opens_subject(tokenize("x that make it worse"), 1)
    (True, True)
    >>> _opens_subject(tokenize("x magnesium help"), 1), _opens_subject(tokenize("x that should i take"), 1)
    (False, False)
    """
    rest = tokens[k:]
    end = next((n for n, r in enumerate(rest) if r.is_punct), len(rest))
    clause = rest[:end]
    if len(clause) < 2 or any(r.surface in MODALS or r.surface in AUXILIARIES for r in clause):
        return False
    first = clause[0].surface
    return first in SUBJECT_OPENERS or (len(first) > 5 and first.endswith(("ing", "in")) and len(clause) >= 3)


__all__ = ["Speller", "auxiliary_slips", "cutoff", "sound"]


MAX_JOIN = 3  # words one word may be split into ("anti spasm attic")
MIN_JOINED = 7  # letters of a word worth reading from its pieces


def split_word(parts: list[str], known, is_english, nonword) -> str | None:
    """The article's word that neighbouring words spell together, split by a slip or by ear ("over wait" →
    overweight, "anti spasm attic" → antispasmodic, "cortico steroids"), or None. Either a piece is no English word
    and the whole is a word of the article's names (``known``) — or every piece is English but one is a rare word the
    names never use ("stat ins" → statins) — or the whole is no English word and sounds exactly
    as a word of the names that keeps nearly all its letters. Words that stand apart stay apart: "work out" (both
    pieces and the whole are English), "the risk" (a function word), "conditions can" (another sound).

    >>> s = Speller.of(["overweight", "antispasmodic", "spasm", "spasming", "workout", "therapist"])
    >>> known = {"overweight", "antispasmodic", "spasm", "spasming", "workout", "therapist"}
    >>> english = lambda w: w in {"over", "wait", "work", "out", "workout", "spasm", "attic", "anti", "the", "risk"}
    >>> [split_word(p.split(), known, english, s.nonword) for p in ("over wait", "anti spasm attic", "spasm attic")]
    ['overweight', 'antispasmodic', None]
    >>> split_word(["work", "out"], known, english, s.nonword), split_word(["the", "risk"], known, english, s.nonword)
    (None, None)
    >>> known |= {"statins", "statin"}
    >>> split_word(["stat", "ins"], known, lambda w: True, s.nonword), split_word(["work", "out"], known, lambda w: True, s.nonword)
    ('statin', None)
    """
    joined = "".join(parts)
    if len(parts) < 2 or len(joined) < MIN_JOINED or not joined.isalpha() or any(
            len(p) < 2 or p in STOPWORDS for p in parts):
        return None
    if lemma(joined) in known or joined in known:  # "cortico steroids": the article's word, split
        whole = lemma(joined) if lemma(joined) in known else joined
        # "stat ins": English pieces, but one is a rare word the article never uses — the ear split its word
        heard = any(p not in known and lemma(p) not in known and frequency(p) < COMMON for p in parts)
        return whole if not all(map(is_english, parts)) or heard else None
    if is_english(joined):
        return None
    word = nonword(joined)
    plural = word is not None and word not in known and lemma(word) in known  # "die uretics": a plural of a name
    if word is not None and (word in known or plural) and dictated.misheard_head(parts, word):
        return word  # "corner steroids": the name's ending heard whole, its head as a word that begins like it
    rare = any(p not in known and lemma(p) not in known and frequency(p) < COMMON for p in parts)  # "spas ems"
    if plural and all(map(is_english, parts)) and not rare:  # "twitch see" is two words, not "twitches"
        return None
    if word is None or not (word in known or plural) or len(word) < len(joined) - 1 or word in parts or sound(word) != sound(joined):
        return None
    return word


# letters and numbers as speech-to-text writes them out ("vitamin *be twelve*"): English, not words of the domain
LETTER_NAMES = {"be": "b", "bee": "b", "see": "c", "sea": "c", "dee": "d", "ee": "e"}
NUMBER_WORDS = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                                "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
                                                .split())}


def spoken_codes(words: list[str], known, heads) -> dict[int, tuple[int, str]]:
    """Codes of the article's names said out and written as words: a letter's name and a number word ("be twelve" →
    b-12, "bee six" → b-6), where the code is a word of the names (``known``) and the word before is one that stands
    before a code in a name (``heads``: "vitamin") or is such a code — {first position: (words, code)}. "A spasm can
    be twelve minutes" keeps its words.

    >>> spoken_codes("can a vitamin be twelve deficiency".split(), {"b-12"}, {"vitamin"})
    {3: (2, 'b-12')}
    >>> spoken_codes("vitamin be six be twelve low".split(), {"b-6", "b-12"}, {"vitamin"})
    {1: (2, 'b-6'), 3: (2, 'b-12')}
    >>> spoken_codes("can a spasm be twelve minutes".split(), {"b-12"}, {"vitamin"})
    {}
    """
    out: dict[int, tuple[int, str]] = {}
    for k in range(1, len(words) - 1):
        letter, number = LETTER_NAMES.get(words[k]), NUMBER_WORDS.get(words[k + 1])
        code = f"{letter}-{number}" if letter and number else None
        if code and code in known and (lemma(words[k - 1]) in heads or k - 2 in out):
            out[k] = (2, code)
    return out
