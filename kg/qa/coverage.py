"""Whether a question is about a condition the article does not cover.

The article is about muscle spasms of the knee. A question about another condition is declined
by name ("the article does not cover restless legs syndrome"), never answered from the one word
of its name the article happens to know ("pain" in "patellofemoral pain syndrome"). Two signs,
both data of the lexicon: a name listed as another condition (``kgl:elsewhere``: growing pains,
gout), or a name the article never gives built on a disease's head noun (``kgl:condition-head``:
syndrome, disease, disorder) or ending (``kgl:condition-ending``: -itis) — an unknown word in it —, or an
injury word before an unknown word (``kgl:injury``: "torn his ACL", "sprained my wrist").
A name the article does give ("autoimmune disorders", "peripheral artery disease") is an entity
mention and is never declined.
"""

from __future__ import annotations

from kg.qa.wordforms import all_lemmas

from kg.namespaces import KGO
from kg.qa.analysis import Analysis
from kg.qa.lexicon import Lexicon
from kg.qa.text import AUXILIARIES, PRONOUNS, STOPWORDS, WH_WORDS, acronym
from kg.qa.unmentioned import unknown_word

MAX_NAME = 4  # words of a name before its head noun
NOT_OF_A_NAME = frozenset("and or of for with about from in on to by my your his her their a an the".split())


def elsewhere(an: Analysis, lex: Lexicon, article_words=frozenset(), index=None, raw: str = "") -> list[str]:
    """The names of conditions the article does not cover that the question asks about, in order; a word of the
    article (``article_words``: lemmas of its quotes) is no sign of one ("neurodegenerative disease"). With the label
    ``index``, also the other conditions of the reader's story the question refers to, and the animals and plants a
    story is about."""
    named = [" ".join(an.tokens[k].surface for k in range(c.start, c.end)) for c in an.intent_cues("elsewhere")]
    found = named + _unknown_names(an, lex, article_words) + _injuries(an, lex, article_words) + kinds_unnamed(
        an, lex, article_words, raw)
    if index is not None:
        found += _in_story(an, lex, article_words, index, raw) + _other_subjects(an) + _story_asked(
            an, lex, article_words, index)
    found = list(dict.fromkeys(found))
    return [f for f in found if not any(f != g and f in g.split(" ") for g in found)]  # "torn meniscus", not "meniscus" too


def _story_asked(an: Analysis, lex: Lexicon, article_words, index) -> list[str]:
    """"Think I tore my meniscus skiing, knee is swollen and clicks when I bend it. what should I do", "I sprained my
    ankle on the stairs and it's bruised, how long till it heals": a question that names nothing of its own asks about
    the story, and when the story tells an injury or another condition and nothing of the article but how it shows
    (swelling, pain) and where, that injury is what is asked — not the article's swelling."""
    if not an.context or any(not any(index.is_a(m.iri, k) for k in TOLD_OK) for m in an.anchors) or any(
            c.entry.kind in ("class", "relation") for c in an.cues if c.start in an.q_positions):
        return []  # "… why does my knee twitch", "… what causes that": the question asks the article's thing (not
    # only how it shows: "i tore my meniscus … how do i tell if it's *torn*")
    if any(not any(index.is_a(m.iri, k) for k in TOLD_OK) for m in an.context_mentions):
        return []  # the story names the article's own condition or cause ("my knee twitches after a statin")
    return told_conditions(an, lex, article_words) + _injuries(an, lex, article_words, an.context)


BOTH = frozenset("both either".split())
CONDITION_KINDS = tuple(KGO + c for c in ("MedicalCondition", "SignOrSymptom", "Disease"))
TOLD_OK = tuple(KGO + c for c in ("SignOrSymptom", "BodyPart"))  # what "that" cannot stand for: how it shows, where


def _in_story(an: Analysis, lex: Lexicon, article_words, index, raw: str = "") -> list[str]:
    """"I've got osteopenia as well, would calcium tablets sort out both", "I have arthritis, will magnesium help it":
    another condition told in the story is what the question asks about when it says "both" or "either", or refers
    back with a pronoun and neither it nor the story names a condition of the article."""
    if not an.context:
        return []
    lemmas = {t.lemma for t in an.question}
    named = any(index.is_a(m.iri, k) for m in an.mentions for k in CONDITION_KINDS) or any(
        m.kind == "topic" for m in an.mentions)
    back = refers_back(an) and not any(m.kind != "topic" and not any(index.is_a(m.iri, k) for k in TOLD_OK)
                                       for m in an.context_mentions)  # "I'm on steroids for my X, could *that* be it"
    if not (lemmas & BOTH or (lemmas & PRONOUNS and not named) or back):
        return []
    return told_conditions(an, lex, article_words) + (told_things(an, article_words) + told_acronyms(an, raw, article_words)
                                                       if back else [])


def told_acronyms(an: Analysis, raw: str, article_words=frozenset()) -> list[str]:
    """Names the story types in capitals that the article never uses ("think I might have done my *ACL*, is that why
    my knee keeps spasming", "I've got *IBS*, could that be it"): what "that" stands for is a thing of the reader's the
    article does not cover."""
    if not raw:
        return []
    covered = {i for m in an.mentions for i in m.span} | {i for c in an.cues for i in c.positions}
    return [raw[t.start:t.end] for t in an.context if t.end <= len(raw) and acronym(raw[t.start:t.end])
            and unknown_word(t, covered) and t.lemma not in article_words]


REFERRING = frozenset("that this it these those".split())
ASKING = frozenset("be can could would will might may do".split())


def refers_back(an: Analysis) -> bool:
    """A yes/no whose subject is a pronoun for what the story told: "mum has dementia too, will *that* make her cramps
    worse", "is *that* what's causing my cramps", "is *that* the same thing as these knee spasms" — the story's thing is
    what is asked about, whatever condition of the article the question names besides."""
    q = [t for t in an.question if not t.is_punct]
    return an.yes_no and len(q) > 2 and q[0].lemma in ASKING and q[1].lemma in REFERRING


BEING = frozenset("i'm im i’m am is are was were he's she's we're they're you're".split())
UNDERGOING = frozenset("having trying doing getting taking using".split())  # "he's been *having acupuncture* …"


def told_things(an: Analysis, article_words=frozenset()) -> list[str]:
    """Things the story gives or puts the reader on that the article never names: the unknown words after a verb and
    an article ("the ship's doctor gave me *a seasickness patch*", "they started her on *a new tablet*" is no name: one
    word the article knows ends it), or right after an -ing verb of undergoing ("he's been *having acupuncture* for his
    back … does it help")."""
    covered = {i for m in an.mentions for i in m.span} | {i for c in an.cues for i in c.positions}
    told = {t.i for t in an.context}
    out = []
    for t in an.context:
        undergone = t.surface in UNDERGOING and t.i + 1 in told and an.tokens[t.i + 1].lemma not in NOT_OF_A_NAME
        if not undergone and (t.lemma not in ("a", "an", "some") or t.i == 0 or an.tokens[t.i - 1].is_punct
                              or an.tokens[t.i - 1].lemma in NOT_OF_A_NAME - OWNED):
            continue  # "*for a* bit", "*after a* cold shift": where or when, not a thing given
        if not undergone and t.i > 0 and (an.tokens[t.i - 1].lemma == "be" or an.tokens[t.i - 1].surface in BEING):
            continue  # "*I'm a* plasterer", "she's a nurse": who the reader is, not a thing given
        words = []
        k = t.i + 1
        while k in told and unknown_word(an.tokens[k], set()) and k not in covered:  # "a *new inhaler*": a name's words
            words.append(an.tokens[k])
            k += 1
        if words and unknown_word(words[-1], covered) and words[-1].lemma not in article_words:  # its head unknown
            out.append(" ".join(w.surface for w in words))
    return out


def _other_subjects(an: Analysis) -> list[str]:
    """"My dog keeps twitching his back leg", "my tomatoes have blossom end rot, is that a calcium thing": an animal or
    a plant is what the question is about, unless the reader names their own body or condition too ("walking my dog
    when my knee locked up")."""
    taken = {i for m in an.candidates for i in m.span} | set(an.corrections)  # "charley *horse*"; "horas" read as horse
    subjects = [c for c in an.cues if c.entry.intent == "other-subject" and not set(c.positions) & taken
                and not (_setting(an.tokens, c.start) or _object_of_doing(an, c.start))]
    if not subjects:
        return []
    starts = {m.start for m in an.mentions}
    theirs = {k for c in subjects for k in c.positions}  # "my *cats* twitches": the animal is whose, not the reader
    if any(t.lemma in ("my", "our") and t.i + 1 not in theirs and ({t.i + 1, t.i + 2} & starts) for t in an.tokens):
        return []
    return [" ".join(an.tokens[k].surface for k in range(c.start, c.end)) for c in subjects]


SETTING = frozenset("with among around behind beside near past".split())  # "with 6 dogs on leads": where, not whose


def _setting(tokens, k: int) -> bool:
    """The animal or plant is where the reader is, not whose body is asked about: "legs seize up *with 6 dogs* on
    leads", "cramped up *among the tomato plants*" (a preposition of place or company before it, numbers and
    determiners skipped) — "for my dog", "my dog's leg" stay about the animal.

    >>> from kg.qa.text import tokenize
    >>> t = tokenize("legs seize up with 6 dogs on leads")
    >>> _setting(t, 5), _setting(tokenize("is magnesium good for my dog"), 5)
    (True, False)
    """
    k -= 1
    while k >= 0 and (tokens[k].surface.isdigit() or tokens[k].lemma in ("the", "a", "an", "my", "our", "some", "two",
                                                                            "three", "few", "several", "all")):
        k -= 1
    return k >= 0 and tokens[k].lemma in SETTING


_QUANTIFYING = frozenset("the a an some one two three four five six seven eight few several many lots of each both "
                          "most all none".split())  # "*one of the* dogs at our practice": which of them, not a verb


def _object_of_doing(an: Analysis, start: int) -> bool:
    """"I walk *dogs* all day", "halfway round the park *with 6 dogs* on leads": the animal is what the reader does
    something with (a verb or a preposition before it, past a number or an article), not who has the spasms ("*my
    dog* keeps twitching", "do *dogs* get cramps", "is magnesium good *for dogs*")."""
    k = start - 1
    while k >= 0 and (an.tokens[k].lemma in _QUANTIFYING or an.tokens[k].surface.isdigit()):
        k -= 1
    if k < 0:
        return False
    before = an.tokens[k]
    return not (before.is_punct or before.surface in AUXILIARIES or before.lemma in ("be", "do", "have")
                or before.lemma in OWNED | {"our"} or before.lemma in WH_WORDS or before.lemma in _ABOUT_IT)


_ABOUT_IT = frozenset("and or for about to in of".split())  # "is magnesium good *for dogs*": the animal is asked about


DRUG_KINDS = frozenset({KGO + "Drug", KGO + "DrugClass"})
OWNED = frozenset("my his her their our your".split())


def _name_word(surface: str, lex: Lexicon, gerund: bool = False) -> bool:
    """A word that names a kind when put before a noun ("*IT band* pain", "*Osgood-Schlatter* knee pain", "*allergy*
    tablets"; with ``gerund`` "*sleeping* tablets") — a noun or a name no dictionary holds, not a word that says how
    ("sharp", "stabbing", "constant") nor when ("night") (lemminflect's parts of speech)."""
    surface = surface.removesuffix("'s")  # "runner's knee pain", "Baker's cyst"
    if "-" in surface:  # "Osgood-Schlatter": a name; "immune-suppressing": words of a compound adjective
        parts = [p for p in surface.split("-") if p]
        return bool(parts) and all(p.isalpha() for p in parts) and any(not all_lemmas(p) for p in parts)
    kinds = all_lemmas(surface)
    if not kinds:
        return surface.isalpha() and len(surface) >= 4  # not a prefix typed apart ("non prescription")
    if {"ADJ", "ADV"} & kinds.keys() or any(f[-1] == surface for f in lex.word_sets.get("period", ())):
        return False
    if surface.endswith("ing"):
        return gerund and "VERB" in kinds
    return "NOUN" in kinds


def kinds_unnamed(an: Analysis, lex: Lexicon, article_words=frozenset(), raw: str = "") -> list[str]:
    """A kind of pain or of medicine the article never names, asked about: an unknown naming word right before the
    head ("*IT band* pain", "*Osgood-Schlatter* knee pain", "a good *sleeping* tablet") — the article's pain is the pain
    of a spasm, its medicines the ones it lists; an acronym typed in capitals before it stays in the name ("IT")."""
    heads = lex.intent_forms("condition-head")
    asked = an.q_positions
    out = []
    for m in an.mentions:
        head = next((k for k in m.span if an.tokens[k].lemma in heads), None)  # "pain behind the knee"
        if m.start in asked and head is not None:
            out += _kind_name(an, lex, m.start, head + 1, article_words, raw, gerund=False)
    for c in an.class_cues:
        heads = not any(m.start == c.end for m in an.mentions)  # "prescription *pain relief*": not the head noun
        if c.start in asked and DRUG_KINDS & set(c.entry.references) and len(c.positions) == 1 and heads:
            out += _kind_name(an, lex, c.start, c.end, article_words, raw, gerund=True)
    return out


def _kind_name(an: Analysis, lex: Lexicon, start: int, end: int, article_words, raw: str, gerund: bool) -> list[str]:
    k = start - 1
    if k < 0:
        return []
    t = an.tokens[k]
    if t.is_punct or t.surface not in an.unknown or t.lemma in article_words or t.lemma in STOPWORDS \
            or not _name_word(t.surface, lex, gerund):
        return []
    first = k
    while first > 0 and an.tokens[first - 1].surface in an.unknown and _name_word(an.tokens[first - 1].surface, lex):
        first -= 1  # "blood *pressure* tablets": the whole name
    before = an.tokens[first - 1] if first > 0 else None
    if gerund and any(t.lemma in OWNED for t in an.tokens[max(0, first - 3):first]):
        return []  # "with *my* blood pressure tablets": the reader's own medicine, whether to take it is advice
    if before is not None and raw[before.start:before.end].isupper() and len(before.surface) <= 4:
        first -= 1  # "IT band pain": the capitals are a name, not "it"
    return [" ".join((raw[x.start:x.end] if raw else x.surface) for x in an.tokens[first:end])]


def _injuries(an: Analysis, lex: Lexicon, article_words, words=None) -> list[str]:
    """"Torn his ACL": an injury word (a word, not a cue: "torn" is also read as the article's tearing sensation),
    then, past a possessive or article, a word the article never uses and no entity's name holds — what was hurt;
    the injury is named without the possessive ("torn ACL")."""
    injury = lex.intent_forms("injury")
    in_mention = {i for m in an.mentions for i in m.span}
    out = []
    for t in an.question if words is None else words:
        if t.lemma not in injury or any(m.start <= t.i < m.end and m.end - m.start > 1 for m in an.mentions):
            continue  # "with no water *break*": inside a longer name of the article's ("tore" alone is its tearing)
        k = t.i + 1
        while k < len(an.tokens) and k - t.i <= 2 and an.tokens[k].lemma in NOT_OF_A_NAME:
            k += 1
        hurt = an.tokens[k] if k < len(an.tokens) else None
        if hurt is not None and k not in in_mention and hurt.lemma.isalpha() and hurt.lemma not in article_words \
                and hurt.lemma not in STOPWORDS:
            out.append(f"{t.surface} {hurt.surface}")
    return out


def told_conditions(an: Analysis, lex: Lexicon, article_words=frozenset()) -> list[str]:
    """Other conditions the reader's story tells of ("I have *kidney disease*", "I've got *osteopenia*", "my *gout*"):
    whether they may take something is for the doctors who know them."""
    if not an.context:
        return []
    told = {t.i for t in an.context}
    listed = [" ".join(an.tokens[k].surface for k in range(c.start, c.end)) for c in an.cues
              if c.entry.intent == "elsewhere" and c.start in told]
    covered = {i for m in an.mentions for i in m.span} | {i for c in an.cues for i in c.positions}
    unknown = {t.surface for t in an.context if unknown_word(t, covered) and t.lemma not in article_words}
    return listed + _unknown_names(an, lex, article_words, an.context, unknown)


def _unknown_names(an: Analysis, lex: Lexicon, article_words, words=None, unknown=None) -> list[str]:
    """Names built on a head noun (with an unknown word before it) or an ending (an unknown word), not an entity's —
    in the question, or in ``words`` with their ``unknown`` ones."""
    heads, endings = lex.intent_forms("condition-head"), lex.intent_forms("condition-ending")
    if words is None:
        words = an.question
        unknown = {t.surface for t in an.question if t.surface in an.unknown and t.lemma not in article_words}
    in_mention = {i for m in an.mentions for i in m.span}
    out = []
    for t in words:
        if t.i in in_mention or t.is_punct:
            continue
        if t.surface in unknown and any(t.surface.lower().endswith(e) and len(t.surface) > len(e) + 3 for e in endings):
            out.append(t.surface)
            continue
        if t.lemma not in heads:
            continue
        words = _name_before(an, t.i, unknown, in_mention)
        if any(w.surface in unknown for w in words):
            out.append(" ".join(w.surface for w in words + [t]))
    return out


def _name_before(an: Analysis, head: int, unknown: set[str], in_mention: set[int]) -> list:
    """The words of a name before its head noun: unknown words and words of an entity's name ("patellofemoral
    *pain*"), no further back than MAX_NAME; a question or relation word ("treat", "causes") ends it."""
    words = []
    for k in range(head - 1, max(-1, head - 1 - MAX_NAME), -1):
        t = an.tokens[k]
        if t.is_punct or t.lemma in NOT_OF_A_NAME or t.lemma in WH_WORDS or t.surface in AUXILIARIES \
                or t.lemma in STOPWORDS or not (t.surface in unknown or k in in_mention):
            break
        words.insert(0, t)
    return words


__all__ = ["elsewhere", "told_conditions", "refers_back", "told_things"]
