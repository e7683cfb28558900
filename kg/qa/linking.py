"""Link the words of a question to the graph's entities, through their names.

The index is built once per store from every entity's preferred label, synonyms
(``skos:altLabel``), lay synonyms (``kgo:laySynonym``) and related words (``kgo:searchLabel``), each turned into its lemma sequence
(determiners dropped), so "cramps in my knee", "knee cramp" and "knee cramps" meet one key. A
question's word n-grams are looked up in it (a dictionary look-up each: no scan of the graph or
of the labels), longest first. A misspelt word — not an English word (simplemma's dictionary),
close to a word of the labels or the lexicon in letters or sound — is read as that word first
("twichs" → twitch), and so is a real word heard wrong ("mussels", "how dose …", kg.qa.spelling);
the mention says so. A body part next to a symptom ("knee ... keeps
jumping") links to the entity named by both when there is one ("knee twitch").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from kg.namespaces import KGO
from kg.qa import postposed, predicated, reduced
from kg.qa.lexicon import internal_query, lexicon as lexicon_of
from kg.qa.spelling import MAX_JOIN, MIN_JOINED, Speller, auxiliary_slips, split_word, spoken_codes
from kg.qa.text import AUXILIARIES, STOPWORDS, WH_WORDS, Token, lemma, lemmas_of, normalise_text
from kg.qa.wordforms import is_known
from kg.store.memo import per_store
from kg.views.labels import labels as labels_of

DROP = frozenset("the a an my your his her our their its this that these those some".split())
IT_IS = frozenset({"its", "that", "this"})  # "*its* not from training", "that not": a subject before "not", not a determiner
MAX_NGRAM = 9
SILENT_FIRST = ("k", "w", "g", "p")  # letters English writes but does not say at the start of a word
SLIP_CUTOFF = 85  # … and a real word that completes a longer name when read as a name's word ("muscle spams")
SLIP_LOOSE = 65  # … or is one or two letters off it ("blood tent", "muscle spaces"), the longer name being the proof
BODY_WINDOW = 4  # words between a body part and a symptom that may name one thing together
GAP_WORDS = frozenset("keep start always often constantly sometimes randomly suddenly have be get go do weird odd strange "
                      "funny little random just right above below around near behind over under stop quit all".split())
# "my knee keeps doing this weird twitchy thing", "the muscle just above my knee keeps flickering", "my knee's gone all twitchy"
NO_GAP = frozenset({"from", "except", "excluding", "besides"})  # "stop my knee *from* spazzing": the frame's word, not
# a gap inside one name; "spasms *except* the knee": what is left out
NOT_ONLY = frozenset("just only merely simply".split())  # "spasms *not just* the knee": the part is not what is asked
RELATIVES = frozenset(("that", "which", "to"))  # "medications *that* suppress …", "medications *to* suppress …"
KIND_RANK = {"pref": 0, "alt": 1, "lay": 2, "search": 3}
CLAIM = str(KGO.Claim)


def key_of(lemmas) -> tuple[str, ...]:
    """The index key of a lemma sequence: determiners dropped.

    >>> key_of(("cramp", "in", "my", "knee"))
    ('cramp', 'in', 'knee')
    >>> key_of(("be", "pregnant"))
    ('pregnant',)
    """
    key = tuple(w for w in lemmas if w not in DROP)
    return key[1:] if len(key) > 1 and key[0] == "be" else key


@dataclass(frozen=True)
class Mention:
    """One span of the question linked to one entity."""

    start: int
    end: int  # token positions, end exclusive
    text: str  # the words as typed
    iri: str
    label: str  # the entity's preferred label
    matched: str  # the name it matched, as the graph writes it
    kind: str  # "pref", "alt" (synonym), "lay" (an everyday word for it), "search" (a related word), "composed"
    corrected: tuple[tuple[str, str], ...] = ()  # (typed, read as) for misspelt words

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def span(self) -> range:
        return range(self.start, self.end)

    def to_dict(self) -> dict:
        out = {"text": self.text, "iri": self.iri, "label": self.label, "matched": self.matched, "kind": self.kind}
        if self.corrected:
            out["corrected"] = [list(c) for c in self.corrected]
        return out


@dataclass
class LabelIndex:
    """Every entity name of one store, by lemma key, with each entity's types."""

    keys: dict[tuple[str, ...], list[tuple[str, str, str]]] = field(default_factory=dict)  # key -> (iri, kind, name)
    labels: dict[str, str] = field(default_factory=dict)  # iri -> preferred label
    names: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # iri -> [(kind, name)]
    name_lemmas: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # iri -> lemmas of each name
    types: dict[str, frozenset[str]] = field(default_factory=dict)  # iri -> ontology classes
    first: dict[str, int] = field(default_factory=dict)  # first word of a key -> longest key length
    vocabulary: frozenset[str] = frozenset()  # every word of every key
    spell_words: list[str] = field(default_factory=list)  # vocabulary + lexicon words, for spelling
    cue_words: frozenset[str] = frozenset()  # the lexicon's words: a real word among them is no slip
    prefixes: dict[str, list[str]] = field(default_factory=dict)  # first two letters of the long words of names (kg.qa.spelling.split_word)
    code_heads: frozenset[str] = frozenset()  # words before a code in a name ("vitamin" b-12): kg.qa.spelling.spoken_codes
    set_words: frozenset[str] = frozenset()  # words of the lexicon's word sets (kg.qa.amounts, .reference): never "corrected"
    speller: Speller = field(default_factory=lambda: Speller.of([]))
    homophones: dict[str, tuple[str, ...]] = field(default_factory=dict)  # written -> words meant (the lexicon's)
    lexicon: object = None  # the lexicon, for whether a word heard completes one of its phrases
    _pairs: dict = field(default_factory=dict)  # (body part, symptom) -> entities both name together

    @classmethod
    def from_store(cls, store) -> "LabelIndex":
        """Index every entity's names as the one label reader (kg.views.labels) has them; claims are no entities."""
        index = cls()
        types: dict[str, set[str]] = {}
        for row in store.query(internal_query("qa-entity-types")):
            types.setdefault(row["entity"].value, set()).add(row["type"].value)
        index.types = {iri: frozenset(t) for iri, t in types.items()}
        table = labels_of(store)
        rows = [(iri, kind, name) for iri, pref in table.preferred.items() if CLAIM not in index.types.get(iri, ())
                for kind, names in (("pref", (pref,)), ("alt", table.alternatives.get(iri, ())),
                                    ("lay", [w for w in table.lay_words(iri) if table.is_lay_synonym(iri, w)]),
                                    ("search", [w for w in table.lay_words(iri) if not table.is_lay_synonym(iri, w)]))
                for name in names]
        for iri, kind, name in rows:
            index.labels[iri] = table.preferred[iri]
            index.names.setdefault(iri, []).append((kind, name))
            lemmas = lemmas_of(name)
            index.name_lemmas.setdefault(iri, []).append(lemmas)
            key = key_of(lemmas)
            if not key:
                continue
            entries = index.keys.setdefault(key, [])
            if not any(e[0] == iri for e in entries):
                entries.append((iri, kind, name))
            else:  # keep the best kind of name for this key (a synonym beats a lay word)
                entries[:] = [e if e[0] != iri or KIND_RANK[e[1]] <= KIND_RANK[kind] else (iri, kind, name)
                              for e in entries]
            index.first[key[0]] = max(index.first.get(key[0], 0), len(key))
        index.lexicon = lexicon_of(store)
        index._head_variants(index.lexicon)
        index.vocabulary = frozenset(w for key in index.keys for w in key)
        index.code_heads = frozenset(key[k - 1] for key in index.keys for k in range(1, len(key))  # "vitamin" b-12
                                     if any(c.isdigit() for c in key[k]))
        for w in sorted(index.vocabulary):  # the long words of names by their first letters
            if len(w) >= MIN_JOINED - 2 and w.isalpha():  # a lemma short of it may be split in its plural ("stat ins", "spas ems")
                index.prefixes.setdefault(w[:2], []).append(w)
        surface = {w for names in index.names.values() for _, name in names for w in normalise_text(name).split()}
        words = (set(index.vocabulary) | index.lexicon.vocabulary | {w for w in surface if w.isalpha()}
                 | WH_WORDS | AUXILIARIES)  # "wich symptoms", "shoud i": question words are misspelt too
        index.spell_words = sorted(w for w in words if len(w) >= 4 and w.isalpha())
        index.cue_words = frozenset(index.lexicon.vocabulary)
        index.set_words = frozenset(w for forms in index.lexicon.word_sets.values() for f in forms for w in f)
        index.speller = Speller.of(index.spell_words)
        for row in store.query(internal_query("qa-homophones")):
            heard = normalise_text(row["heard"].value)
            index.homophones[heard] = index.homophones.get(heard, ()) + (normalise_text(row["meant"].value),)
        return index

    def _head_variants(self, lex) -> None:
        """Names whose last word is a class word also go by that class's other words ("anti-seizure drugs"); names of a
        class word and a relative clause with no relation word of the lexicon also go without the relative ("which
        drugs suppress the immune response"), the clause being the name's own words."""
        heads: dict[str, set[str]] = {}
        for entry in lex.entries.values():
            if entry.kind != "class":
                continue
            words = {form[0] for forms in lex.forms.values() for form, e in forms if e is entry and len(form) == 1}
            for w in words:
                heads.setdefault(w, set()).update(words - {w})
        relation_words = {form[0] for forms in lex.forms.values() for form, e in forms if e.kind == "relation"}
        for key, entries in list(self.keys.items()):  # "medications that suppress the immune response": "which drugs
            if len(key) > 3 and key[0] in heads and key[1] in RELATIVES and not set(key[2:]) & relation_words:
                for head in heads[key[0]] | {key[0]}:  # suppress the immune response" names it, the relative left out
                    self.keys.setdefault((head,) + key[2:], [(iri, "alt" if kind == "pref" else kind, name)
                                                             for iri, kind, name in entries])
                    self.first[head] = max(self.first.get(head, 0), len(key) - 1)
            if len(key) < 2 or key[-1] not in heads:
                continue
            for head in heads[key[-1]]:
                variant = key[:-1] + (head,)
                if variant in self.keys:
                    continue
                self.keys[variant] = [(iri, "alt" if kind == "pref" else kind, name) for iri, kind, name in entries]
                self.first[variant[0]] = max(self.first.get(variant[0], 0), len(variant))

    # --- spelling --------------------------------------------------------------------------

    def rejoin(self, text: str) -> tuple[str, dict[str, str]]:
        """``text`` with a word of the article's names that a slip or the ear split into two or three ("over wait",
        "anti spasm attic") written whole, and what was joined ({"over wait": "overweight"})."""
        norm, joined = self._codes(normalise_text(text))  # "vitamin be twelve": b-12, said out
        words, out, at = list(_LETTERS.finditer(norm)), [], 0
        k = 0
        while k < len(words):
            for n in range(MAX_JOIN, 1, -1):
                run = words[k:k + n]
                parts = [w.group(0) for w in run]
                whole = "".join(parts)
                if len(run) < n or any(norm[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
                    continue  # one space between the pieces: not across a comma
                near = [w for w in self.prefixes.get(whole[:2], ()) if abs(len(w) - len(whole)) <= 2]
                if not process.extractOne(whole, near, scorer=fuzz.ratio, score_cutoff=70):
                    continue  # no long word of the names is near it: the speller need not look
                word = split_word(parts, self.vocabulary, _english, self.speller.nonword)
                if word:
                    out += [norm[at:run[0].start()], word]
                    at, joined[" ".join(parts)] = run[-1].end(), word
                    k += n - 1
                    break
            k += 1
        norm, fronted = postposed.fronted("".join(out) + norm[at:], self.keys)  # "vit d low": low vit d
        return (norm, joined | fronted) if joined or fronted else (text, {})

    def _codes(self, norm: str) -> tuple[str, dict[str, str]]:
        """``norm`` with the codes of names said out as words written as codes ("be twelve" → "b-12")."""
        found = list(re.finditer(r"\S+", norm))
        codes = spoken_codes([w.group(0) for w in found], self.vocabulary, self.code_heads)
        if not codes:
            return norm, {}
        out, at, joined = [], 0, {}
        for k, (n, code) in sorted(codes.items()):
            out += [norm[at:found[k].start()], code]
            at, joined[norm[found[k].start():found[k + n - 1].end()]] = found[k + n - 1].end(), code
        return "".join(out) + norm[at:], joined

    def correct(self, word: str) -> str | None:
        """A known word that ``word`` is a misspelling of, or None.

        Only words that are not English words themselves, four letters or more, with the same
        first letter and a similar length: "spain" is not "pain", "stain" not "strain".
        """
        if (not word.isalpha() or word in self.vocabulary or word in STOPWORDS or word in self.set_words  # "snomed"
                or is_known(word)):
            return None
        silent = [s + word for s in SILENT_FIRST if s + word in self.vocabulary]
        if silent:  # spelt as it sounds: "nee" for knee, "rist" for wrist
            return lemma(silent[0])
        if len(word) < 4:
            return None
        candidate = self.speller.nonword(word)
        return lemma(candidate) if candidate else None

    # --- linking ---------------------------------------------------------------------------

    def link(self, tokens: list[Token]) -> tuple[list[Mention], dict[int, str]]:
        """Mentions of entities in ``tokens`` (every candidate, overlaps included) and the corrections made.

        Corrections map token positions to the word read instead of a misspelt one.
        """
        words = [t.lemma for t in tokens]
        corrections: dict[int, str] = {}
        for i, t in enumerate(tokens):
            if t.is_punct:
                continue
            fixed = self.correct(t.lemma)
            if fixed:
                corrections[i] = fixed
                words[i] = fixed
        read = [Token(t.i, t.surface, words[k], t.start, t.end, t.dash) for k, t in enumerate(tokens)]
        for i, aux in auxiliary_slips(read).items():  # "how *dose* dehydration make …": the auxiliary, not a dose
            corrections[i] = words[i] = lemma(aux)
        found = self._spans(tokens, words, corrections)
        if found:  # a health question: a real word that names nothing here may be a sound-alike ("mussels")
            covered = {k for m in found for k in m.span}
            for i, t in enumerate(tokens):
                if i in covered or i in corrections or t.is_punct or not t.lemma.isalpha() or t.lemma in STOPWORDS \
                        or t.lemma in self.vocabulary or t.lemma in self.cue_words or t.surface in self.cue_words:
                    continue
                heard = self.speller.sound_alike(t.surface)
                if heard is None:
                    continue
                trial = words[:i] + [lemma(heard)] + words[i + 1:]
                if any(m.start <= i < m.end for m in self._spans(tokens, trial, corrections)):
                    corrections[i] = words[i] = lemma(heard)
            found = self._spans(tokens, words, corrections)
        # A real word that makes no sense here may still be a slip ("muscle spams"): read it as the name's word
        # when that completes a longer name around it.
        covered = {k for m in found for k in m.span}
        for i, t in enumerate(tokens):
            if i in covered or i in corrections or t.is_punct or len(t.lemma) < 4 or not t.lemma.isalpha() \
                    or t.lemma in STOPWORDS or t.lemma in self.vocabulary or t.lemma in self.cue_words:
                continue  # a word of the lexicon means itself: "the Remedies for Knee Muscle Spasms *table*"
            for word in self._slips(t.lemma):
                trial = words[:i] + [word] + words[i + 1:]
                longer = [m for m in self._spans(tokens, trial, {**corrections, i: word})
                          if m.start <= i < m.end and m.length >= 2]
                if longer:
                    corrections[i], words[i] = word, word
                    found = self._spans(tokens, words, corrections)
                    covered = {k for m in found for k in m.span}
                    break
        if any(t.surface in self.homophones for t in tokens):
            found = self._heard(tokens, words, corrections, found)
        found.extend(self._composed(tokens, words, found))
        found.extend(self._composed(tokens, words, found))  # "the muscle above my *knee keeps flickering*": twice
        found = reduced.compose(found, tokens, self)  # "cutting caffeine": the act of reducing it
        return predicated.compose(found, tokens, self), corrections  # "the cramps are really bad": bad cramps

    def _slips(self, word: str) -> list[str]:
        """Known words a real word may be a slip for, closest first: nearly the same letters ("spams" for spasms), or
        one slip off in a short word and two in a longer one ("blood *tent*", "muscle *spaces*") — taken only where
        the word read completes a longer name around it."""
        out = []
        for candidate, score, _ in process.extract(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=SLIP_LOOSE,
                                                   limit=6):
            if candidate[0] != word[0] or abs(len(candidate) - len(word)) > 1:
                continue
            if score >= SLIP_CUTOFF or OSA.distance(candidate, word) <= (1 if len(word) <= 5 else 2):
                out.append(candidate)
        return out

    def _heard(self, tokens: list[Token], words: list[str], corrections: dict[int, str], found: list[Mention]):
        """Read a word as the one it sounds like (the lexicon's kgl:Homophone) where the written word names nothing
        the graph or the lexicon knows and the word meant is one they use ("last for *ours*", "do you *half* to"),
        or where the word meant completes a phrase of the lexicon ("go away on *there* own") or, after a determiner,
        a name ("tight like a *not*"): "not", "there" and "to" stay as written everywhere else."""
        known = self.vocabulary | self.cue_words
        for i, t in enumerate(tokens):
            if i in corrections or t.surface not in self.homophones:
                continue
            for meant in self.homophones[t.surface]:
                trial = words[:i] + [lemma(meant)] + words[i + 1:]
                if t.surface not in STOPWORDS and t.lemma not in known and t.surface not in known:
                    fits = lemma(meant) in known or meant in STOPWORDS | AUXILIARIES
                else:
                    fits = self._completes(tokens, words, trial, i) or (i > 0 and words[i - 1] in DROP - IT_IS and any(
                        m.start <= i < m.end for m in self._spans(tokens, trial, corrections)))
                if fits:
                    corrections[i] = words[i] = lemma(meant)
                    found = self._spans(tokens, words, corrections)
                    break
        return found

    def _completes(self, tokens: list[Token], words: list[str], trial: list[str], i: int) -> bool:
        """Whether ``trial`` (one word read otherwise at ``i``) has a lexicon phrase of two words or more through ``i``
        that ``words`` has not."""
        def phrases(ws):
            read = [Token(t.i, t.surface, w, t.start, t.end, t.dash) for t, w in zip(tokens, ws)]
            return {(c.start, c.end, c.entry.iri) for c in self.lexicon.cues(read)
                    if i in c.positions and len(c.positions) >= 2}
        return bool(phrases(trial) - phrases(words))

    def _spans(self, tokens: list[Token], words: list[str], corrections: dict[int, str]) -> list[Mention]:
        """Every span of ``words`` whose key names an entity (overlaps included)."""
        found: list[Mention] = []
        for i in range(len(words)):
            if tokens[i].is_punct or words[i] in DROP:
                continue
            longest = self.first.get(words[i], 0)
            if not longest:
                continue
            for j in range(min(len(words), i + MAX_NGRAM + 2), i, -1):
                if tokens[j - 1].is_punct or (j - 1 > i and words[j - 1] in DROP):
                    continue  # a name does not end in "that" or "my": the shorter span says the same
                key = key_of(words[i:j])
                if len(key) > longest or not key:
                    continue
                for iri, kind, name in self.keys.get(key, ()):
                    if kind == "search" and j == i + 1 and name.endswith("ing") and " " not in name \
                            and tokens[i].surface.endswith("ed"):
                        continue  # a related word in its -ing form is no participle: "expecting" (pregnant), not "expected to last"
                    fixed = tuple((tokens[k].surface, corrections[k]) for k in range(i, j) if k in corrections)
                    found.append(Mention(i, j, " ".join(t.surface for t in tokens[i:j]), iri, self.labels[iri],
                                         name, kind, fixed))
        return found

    def _composed(self, tokens: list[Token], words: list[str], found: list[Mention]) -> list[Mention]:
        """A body part and a symptom a few words apart that together name one entity ("knee keeps jumping")."""
        parts = [m for m in found if any(t.endswith("/BodyPart") for t in self.types.get(m.iri, ()))]
        others = [m for m in found if m not in parts
                  and any(t.endswith("/SignOrSymptom") for t in self.types.get(m.iri, ()))]
        out: list[Mention] = []
        have = {(m.start, m.end, m.iri) for m in found}
        felt: list[tuple[Mention, Mention]] = []
        named_parts: set[Mention] = set()
        for part in parts:
            for other in others:
                gap = other.start - part.end if other.start >= part.end else part.start - other.end
                if gap < 0 or gap > BODY_WINDOW:
                    continue
                between = range(min(part.end, other.end), max(part.start, other.start))
                if any(tokens[k].is_punct or tokens[k].lemma in NO_GAP or tokens[k].lemma in WH_WORDS  # "spasm *which* muscles"
                       or (tokens[k].lemma == "not" and k + 1 < len(tokens) and tokens[k + 1].lemma in NOT_ONLY)
                       or (tokens[k].lemma not in STOPWORDS and tokens[k].lemma not in GAP_WORDS) for k in between):
                    continue
                if any(ol[:len(pl)] == pl for pl in self.name_lemmas.get(part.iri, ())
                       for ol in self.name_lemmas.get(other.iri, ())):  # "muscles keep flickering": muscle twitching
                    start, end = min(part.start, other.start), max(part.end, other.end)
                    if (start, end, other.iri) not in have:
                        have.add((start, end, other.iri))
                        out.append(Mention(start, end, " ".join(t.surface for t in tokens[start:end]), other.iri,
                                           other.label, other.matched, "composed", part.corrected + other.corrected))
                    continue
                together = [x for x in self._together(part.iri, other.iri) if x[0] not in (part.iri, other.iri)]
                if not together:  # "my thigh twitches": the symptom where it is felt, unless the part names one with another
                    felt.append((part, other))
                    continue
                named_parts.add(part)
                for iri, kind, name in together:
                    start, end = min(part.start, other.start), max(part.end, other.end)
                    if (start, end, iri) in have or any(m.iri == iri and m.start <= start and m.end >= end for m in found):
                        continue
                    have.add((start, end, iri))
                    out.append(Mention(start, end, " ".join(t.surface for t in tokens[start:end]), iri, self.labels[iri],
                                       name, "composed", part.corrected + other.corrected))
        for part, other in felt:
            start, end = min(part.start, other.start), max(part.end, other.end)
            if part not in named_parts and (start, end, other.iri) not in have and not any(  # "tired quads": a name
                    m.start <= start and end <= m.end and m.kind != "search" for m in found):  # of its own for both
                have.add((start, end, other.iri))
                out.append(Mention(start, end, " ".join(t.surface for t in tokens[start:end]), other.iri,
                                   other.label, other.matched, "composed", part.corrected + other.corrected))
        return out

    def _together(self, part: str, other: str) -> list[tuple[str, str, str]]:
        """The entities a body part's name and a symptom's name name together ("knee" + "twitch"), kept per pair."""
        found = self._pairs.get((part, other))
        if found is None:
            found = self._pairs[(part, other)] = [
                entry for part_lemmas in self.name_lemmas.get(part, ()) for other_lemmas in self.name_lemmas.get(other, ())
                for key in dict.fromkeys((key_of(part_lemmas + other_lemmas), key_of(other_lemmas + ("in",) + part_lemmas)))
                for entry in self.keys.get(key, ())]
        return found

    def is_a(self, iri: str, cls: str) -> bool:
        return cls in self.types.get(iri, ())


label_index = per_store(LabelIndex.from_store)
label_index.__doc__ = """The label index of ``store``, built on first use and kept as long as the store lives."""


_LETTERS = re.compile(r"[a-z]+")


def _english(word: str) -> bool:
    """A word of English, by how often it is written (simplemma reads "overwait" as over + wait)."""
    return zipf_frequency(word, "en") >= 1.0


__all__ = ["LabelIndex", "Mention", "label_index", "key_of"]
