"""The article's own parts in a question: "the remedies table", "the self-care section", "the Proper Nutrition row".

Every evidence statement knows where its quote sits (``kgo:section``, ``kgo:inTable``, ``kgo:inList``), and
each part has a heading, a caption or lead-in and, for a table, its columns. A part word of the lexicon
(intent ``kgl:part``: table, section, list, row, faq …) with the words before it ("the *medication
side-effects* table") or after it ("the section *on seeking medical attention*") names a part: the words are
matched to the parts' headings, rarer words weighing more (a heading word most parts share, "muscle",
names nothing). A row is named by the entity in its first cell: that entity stays in the question, and
what is said of it must come from a table. The reading is then restricted to what that part says (or
counts what it lists), and says so ("…, in the article's table “Remedies for Knee Muscle Spasms”").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from kg.qa.lexicon import internal_query, lexicon, local
from kg.qa.querygraph import KGO, RELATED, Edge, Reading
from kg.qa.text import NEGATIONS, STOPWORDS, lemmas_of
from kg.store.memo import per_store

KINDS = {KGO + "ArticleSection": "section", KGO + "ArticleTable": "table", KGO + "ArticleList": "list"}
LEADS = frozenset("on about of for call called title titled name named headed head with under".split())  # "the section *on* X"
UNDER = "under"  # "listed *under* Risk Factors for Muscle Spasms": a heading follows, whatever the part word's kind
MAX_WORDS = 5  # name words read on each side of a part word
CONNECTORS = frozenset("for of and in".split())  # inside a part's name: "the risk factors *for* muscle spasms list"
PATIENT = 8  # readings tried, best first, for one with an answer inside the part
BOTH = frozenset(("both", "also"))  # the answer is on two lists: the part and the relation's answers
NAMED_IN_COST = 1.0  # the fact stated outside the part, its answer named inside: behind the fact stated in the part


@dataclass(frozen=True)
class Part:
    """One section, table or list of the article and the lemmas of its heading, caption and columns."""

    iri: str
    kind: str  # section, table, list
    label: str
    words: frozenset[str]
    columns: tuple[str, ...] = ()  # a table's column headers as lemmas, in order ("cause", "example")
    items: tuple["Item", ...] = ()  # a list's bullets, in order
    heading: frozenset[str] = frozenset()  # the content lemmas of the title alone (no caption, no columns)
    section: str | None = None  # the section a list sits in

    @property
    def title(self) -> str:
        """The heading as a reader sees it ("Table: Remedies for …" is the table "Remedies for …")."""
        head, _, rest = self.label.partition(":")
        plain = head.lower().removeprefix("table").strip()
        return rest.strip() if rest and (not plain or plain.isdigit()) else self.label


@dataclass(frozen=True)
class Item:
    """One bullet of a list: its IRI, its verbatim text and where it sits in the article."""

    iri: str
    text: str
    begin: int
    end: int


@dataclass(frozen=True)
class Within:
    """A restriction of a reading to one or more parts (tied names: every part they name)."""

    parts: tuple[str, ...]
    words: str  # "in the article's table “Remedies for Knee Muscle Spasms”"
    positions: frozenset[int]  # the question's tokens that named the part (not an entity or a relation any more)
    row: str | None = None  # the entity a row is named by: what the part says must be said of it
    outside: bool = False  # "the risk factor that isn't in the side-effects table": what the part does not name
    both: bool = False  # "which drug is on *both* the list of drugs that cause X and the risk factors list": the part
    # is one list and the relation the other, so the answers the part also names come first


def pieces(lemmas) -> set[str]:
    """Content lemmas, hyphenated ones also in pieces ("self-care": self, care, self-care).

    >>> sorted(pieces(("the", "self-care", "section")))
    ['care', 'section', 'self', 'self-care']
    """
    out = set()
    for w in lemmas:
        if w in STOPWORDS or not w[:1].isalnum():
            continue
        out.add(w)
        out.update(p for p in w.split("-") if p and p not in STOPWORDS)
    return out


class PartIndex:
    """The article's parts by the words of their headings, read once per store."""

    def __init__(self, parts: list[Part], words_of: dict[str, frozenset[str]] | None = None):
        self.parts = parts
        self.words_of = words_of or {}  # a lexicon entry's one-word forms: "tips" and "treatments" say one thing
        df: dict[str, int] = {}
        for p in parts:
            for w in p.words:
                df[w] = df.get(w, 0) + 1
        n = max(len(parts), 1)
        self.weight = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self.rare = {w for w, c in df.items() if c <= max(1, n // 4)}  # words that single parts out

    @classmethod
    def from_store(cls, store) -> "PartIndex":
        own = {w for e in lexicon(store).by_intent("part") for form, entry in _forms(lexicon(store), e) for w in form}
        parts = []
        items: dict[str, list[Item]] = {}
        for row in store.query(internal_query("qa-list-items")):
            items.setdefault(row["list"].value, []).append(
                Item(row["item"].value, row["text"].value, int(row["begin"].value), int(row["end"].value)))
        for row in store.query(internal_query("qa-parts")):
            columns = _columns(row["columns"].value) if row["columns"] is not None else ()
            part = Part(row["part"].value, KINDS[row["kind"].value], row["label"].value, frozenset(), columns,
                        tuple(items.get(row["part"].value, ())))
            text = " ".join([part.title] + [row[v].value for v in ("caption", "columns") if row[v] is not None])
            words = pieces(lemmas_of(text.replace("|", " ")))
            parts.append(replace(part, words=frozenset(words - own or words),  # "Table: Remedies": not "table"
                                 heading=frozenset(pieces(lemmas_of(part.title))),
                                 section=row["section"].value if row["section"] is not None else None))
        words_of: dict[str, set[str]] = {}
        for forms in lexicon(store).forms.values():
            for form, entry in forms:
                if len(form) == 1:
                    words_of.setdefault(entry.name, set()).add(form[0])
        return cls(parts, {k: frozenset(v) for k, v in words_of.items()})

    def label(self, iri: str) -> str:
        return next((p.title for p in self.parts if p.iri == iri), local(iri))

    def named(self, words: set[str], kind: str | None) -> list[Part]:
        """The parts ``words`` name best (of ``kind`` if any of that kind is named): the highest weight of words
        matched, then the fewest heading words left over; none unless a word that singles parts out matched."""
        scored = []
        for p in self.parts:
            matched = words & p.words
            if not matched & self.rare:
                continue
            scored.append((math.fsum(self.weight[w] for w in matched), -len(p.words - matched), p))  # exact: ties stay ties
        of_kind = [s for s in scored if kind is None or s[2].kind == kind]  # "the deficiency list" is no section
        if not of_kind and kind == "list":  # "the knee twitching medication list": readers call a table's rows a list,
            of_kind = [s for s in scored if s[2].kind == "table" and words <= s[2].words]  # every word the table's
        scored = of_kind
        if not scored:
            return []
        best = max((s[0], s[1]) for s in scored)
        return [p for w, left, p in scored if (w, left) == best]

    def find(self, an) -> Within | None:
        """The part the question names, if it names one (``an``: a kg.qa.analysis.Analysis)."""
        found: Within | None = None
        tokens = an.tokens
        for cue in [c for c in an.cues if c.entry.intent == "part"]:  # "according to the faq, what …": before the ask too
            kind = KINDS.get(cue.entry.references[0]) if cue.entry.references else None
            under = cue.end < len(tokens) and tokens[cue.end].lemma == UNDER
            if _furniture(an, cue):  # "lifting dogs *onto the table*. could stress …": the story's table, not the article's
                continue
            if tokens[cue.end - 1].surface.endswith("ed") and not under:  # "the causes listed": a verb, not the part
                continue  # ("a *bulleted* list" is one; "listed under <a heading>" names the heading)
            if cue.entry.name == "row-words":
                row = next((m for m in an.anchors if m.end == cue.start), None)
                if row is None:
                    continue
                tables = [p for p in self.parts if p.kind == "table"]
                found = found or Within(tuple(p.iri for p in tables), "in the article's tables",
                                        frozenset(cue.positions), row.iri)
                continue
            before = _window(tokens, cue.start - 1, -1)
            after = _window(tokens, cue.end + 1, 1) if cue.end < len(tokens) and tokens[cue.end].lemma in LEADS else \
                _window(tokens, cue.end, 1) if not cue.entry.references else []  # "under the heading Risk Factors …"
            own = {w for k in cue.positions for w in pieces((tokens[k].lemma,))}  # "the faq": the word is the name
            for side in (before, after, []):
                words = pieces(tokens[k].lemma for k in side) or (own if not side and not before and not after else set())
                parts = self.named(words, None if under and side is after else kind) if words else []
                definite = cue.start > 0 and tokens[cue.start - 1].lemma in ("the", "this", "that")
                if not parts and not side and not before and not after and definite and kind in ("table", "list"):
                    parts = [p for p in self.parts if p.kind == kind]  # "according to the table": any of them
                    if parts:
                        within = Within(tuple(p.iri for p in parts), f"in the article's {kind}s", frozenset(cue.positions))
                        found = replace(within, row=found.row) if found is not None and found.row else within
                        break
                if parts:
                    noun = parts[0].kind  # "the medication list" that is a table is said as the table
                    titles = " / ".join(f"“{p.title}”" for p in parts)
                    positions = frozenset(side) | frozenset(cue.positions) | (
                        frozenset({cue.end}) if side and side is after and cue.end not in side else frozenset())  # "under"
                    negation = _negation(tokens, min(positions))
                    within = Within(tuple(p.iri for p in parts), ("not " if negation else "")
                                    + f"in the article's {noun} {titles}", positions | negation, outside=bool(negation))
                    if found is not None and found.row is not None:  # "the X row of the remedies table"
                        within = replace(found, parts=within.parts, words=within.words,
                                         positions=found.positions | within.positions)
                    if found is None or not found.outside:  # "on the list … but not in the table": the "not" decides
                        found = within
                    break
            else:  # asked "but not in *the list of drugs that cause knee twitching*": no part of the article is that list
                negation = _negation(tokens, cue.start if not before else min(before))
                if negation and cue.start in an.q_positions and (found is None or not found.outside):
                    found = Within((), "the " + _phrase(tokens, max(negation) + 1), frozenset(negation) | frozenset(cue.positions),
                                   outside=True)
        found = found or self._headers(an) or self._titled(an)
        if found is not None and not found.outside and found.row is None and any(t.lemma in BOTH for t in an.question):
            found = replace(found, both=True)
        return found

    def _titled(self, an) -> Within | None:
        """A part named by its title alone, without a part word: every content word of the title is in the question
        and one of them names nothing else the article knows ("how many points are in the *key takeaways*": the
        words are the heading's, not an entity's)."""
        covered = {k for m in an.mentions for k in m.span} | {k for c in an.cues for k in c.positions}
        unknown = set(an.unknown) | {t.surface for t in an.context if t.i not in covered and t.lemma not in STOPWORDS
                                     and not t.is_punct}  # "Last bit - the Conclusion. Can you sum up what it says …"
        if not unknown:  # a heading word that names nothing else: without one, no part is named so
            return None
        lemmas = {t.lemma: t.i for t in an.tokens if not t.is_punct}
        named = []
        for p in self.parts:
            title = p.heading
            at = {lemmas[w] for w in title if w in lemmas}
            if title and len(at) == len(title) and title & self.rare \
                    and any(an.tokens[k].surface in unknown for k in at):
                named.append((len(title), p, frozenset(at)))
        if not named:
            return None
        most = max(n for n, _, _ in named)
        best = [(p, at) for n, p, at in named if n == most]
        titles = " / ".join(f"“{p.title}”" for p, _ in best)
        return Within(tuple(p.iri for p, _ in best), f"in the article's {best[0][0].kind} {titles}",
                      frozenset().union(*(at for _, at in best)))

    def part(self, iri: str) -> Part | None:
        return next((p for p in self.parts if p.iri == iri), None)

    def _headers(self, an) -> Within | None:
        """A telegraphic question that says a table's column headers in a row names that table, and the thing
        just before them its row: "nerve damage cause example" is the Example cell of the row Nerve damage."""
        if an.wh or an.yes_no:
            return None
        lemmas = [singular_lemma(t.lemma) for t in an.tokens]
        for part in self.parts:
            n = len(part.columns)
            for k in range(1, len(lemmas) - n + 1):
                if n < 2 or tuple(lemmas[k:k + n]) != part.columns:
                    continue
                row = next((m for m in an.anchors if m.end == k), None)
                if row is not None:
                    return Within((part.iri,), f"in the article's table “{part.title}”", frozenset(range(k, k + n)),
                                  row.iri)
        return None


def _negation(tokens, first: int) -> frozenset[int]:
    """The positions of "isn't in the", "not on the", "but not in" before a part's name (empty if none): the question
    asks for what the part does *not* name."""
    k = first - 1
    while k >= 0 and tokens[k].lemma in ("the", "a", "an", "this", "that"):
        k -= 1
    if k < 1 or tokens[k].lemma not in ("in", "on", "from", "among", "within"):
        return frozenset()
    if tokens[k - 1].lemma in NEGATIONS or tokens[k - 1].surface in NEGATIONS:
        return frozenset(range(k - 1, first))
    return frozenset()


def _phrase(tokens, start: int) -> str:
    """The words from ``start`` to the end of their clause, as typed ("not in the list of drugs that cause …")."""
    out = []
    for t in tokens[start:]:
        if t.is_punct:
            break
        out.append(t.surface)
    return " ".join(out)


def _columns(text: str) -> tuple[str, ...]:
    """A table's distinct column headers as single lemmas (a header of several words is not said telegraphically).

    >>> _columns("Cause | Example | Cause | Example")
    ('cause', 'example')
    >>> _columns("Remedy | Description")
    ('remedy', 'description')
    """
    out: list[str] = []
    for header in text.split("|"):
        words = lemmas_of(header.strip())
        if len(words) != 1:
            return ()
        if singular_lemma(words[0]) not in out:
            out.append(singular_lemma(words[0]))
    return tuple(out)


def singular_lemma(w: str) -> str:
    """"causes" and "cause" alike (the lemmatiser leaves some plural headers as they are)."""
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


def _forms(lex, entry):
    return [(form, e) for forms in lex.forms.values() for form, e in forms if e is entry]


PLACES = frozenset("onto on off at across over beside around behind".split())  # where a thing is put or sat ("going *by* the table" reads it)


def _furniture(an, cue) -> bool:
    """Whether a part word told in the story (not the asking clause) stands after a preposition of place: "lifting the
    dogs onto the table", "sat at the kitchen table", "my name is on the list at the clinic" — a thing in the
    reader's world. "Listed under …", "going by the table" and "according to the table" are not places, and a list
    told "on the list" is the article's more often than not ("my water pill is on the list"): only a table is furniture."""
    if cue.start in an.q_positions or an.tokens[cue.end - 1].lemma != "table":
        return False
    k = cue.start - 1
    while k >= 0 and (an.tokens[k].lemma in ("the", "a", "an", "my", "our", "his", "her", "their", "this", "that")
                      or k >= cue.start - 2 and not an.tokens[k].is_punct and an.tokens[k].lemma not in PLACES
                      and k > 0 and an.tokens[k - 1].lemma in ("the", "a", "an", "my", "our", "his", "her", "their")):
        k -= 1  # "onto the *kitchen* table": one word of what kind of table after the determiner
    return k >= 0 and an.tokens[k].lemma in PLACES


def _window(tokens, k: int, step: int) -> list[int]:
    """Up to MAX_WORDS positions of name words from ``k`` on (backwards for ``step`` -1): content words, and "the"
    or "a" only after the first one going forward, stopping at punctuation or any other stop word."""
    out: list[int] = []
    while 0 <= k < len(tokens) and len(out) < MAX_WORDS:
        t = tokens[k]
        if t.is_punct:
            break
        if t.lemma in STOPWORDS:
            if step > 0 and not out and t.lemma in ("the", "a", "an"):
                k += step
                continue
            ahead = k + step
            if out and t.lemma in CONNECTORS and 0 <= ahead < len(tokens) and not tokens[ahead].is_punct \
                    and tokens[ahead].lemma not in STOPWORDS:  # "risk factors for muscle spasms": one name
                k += step
                continue
            break
        out.append(k)
        k += step
    return sorted(out)


NAMING = frozenset("the a an in on from by of name mention list give call describe".split())  # "X *named in the* faq"


def names_anchor(an, within: Within) -> bool:
    """The part says which thing is meant, not where the answer must be: its name follows an entity with only
    naming words between ("the autoimmune disorder *named in the* faq — how are disorders like that treated", "the
    disorder the faq gives as an example"): that thing is asked about, and the answer is read anywhere."""
    if within.outside or within.row is not None or not within.positions:
        return False
    if not within.positions & set(an.q_positions):  # told before the question: "the faq mentions neuromyotonia."
        k, starts = max(within.positions) + 1, {m.start for m in an.mentions}
        while k < len(an.tokens) and k not in starts and an.tokens[k].lemma in NAMING:
            k += 1
        if k in starts and k > max(within.positions) + 1:
            return True
    k = min(within.positions) - 1
    ends = {m.end - 1 for m in an.anchors}
    while k >= 0 and k not in ends:
        if an.tokens[k].lemma not in NAMING:
            return False
        k -= 1
    return k >= 0


def without(an, within: Within):
    """The analysis with the words that named the part taken out of its mentions, cues and unknown words."""
    gone = within.positions
    an.mentions = [m for m in an.mentions if not set(m.span) & gone]
    an.cues = [c for c in an.cues if not set(c.positions) & gone or c.entry.intent == "part"]
    surfaces = {an.tokens[k].surface for k in gone}
    an.unknown = [w for w in an.unknown if w not in surfaces]
    return an


DESCRIBING = frozenset({"definition", "duration", "mechanism"})  # readings that quote what the article says of one thing


def restrict(readings: list[Reading], within: Within, classes: tuple[str, ...], count: bool) -> list[Reading]:
    """The readings restricted to the part: lists and counts are read inside it, best first; what the part names
    of the class asked for ("how many remedies in the remedies table") is a reading too; other kinds come after."""
    out = []
    for r in readings:
        if r.kind in ("list", "count"):
            out.append(replace(r, within=within.parts, within_words=within.words, within_row=within.row,
                               outside=within.outside, why=r.why + ["restricted to a part of the article"]))
            if _anchored(r) and within.row is None and not within.outside:  # "minerals dehydration depletes that are
                out.append(replace(  # also in the self-care list": the edge's answers the part names too
                    r, within=within.parts, within_words=within.words.replace("in the", "also named in the", 1),
                    named_in=True, score=r.score + (NAMED_IN_COST if within.both else -NAMED_IN_COST),
                    why=r.why + ["the answers the part also names, the fact stated anywhere"
                                 + (" (on both)" if within.both else f" (-{NAMED_IN_COST})")]))
        elif r.kind in DESCRIBING:  # "according to the anatomy section, what are muscles made of": where it is said
            out.append(replace(r, score=r.score - 1.0, why=r.why + ["a description, and a part of the article is named (-1)"]))
        else:
            out.append(replace(r, score=r.score - 4.0, why=r.why + ["not a list, and a part of the article is named (-4)"]))
    if within.row is not None and not within.outside:  # "nerve damage cause example": the row's other cells
        out.append(Reading("count" if count else "list", [Edge(within.row, RELATED, "?x")], classes, (within.row,), 6.0,
                           ["what the row's other cells name"], within=within.parts, within_words=within.words,
                           within_row=within.row))
    if classes and within.row is None and not within.outside:
        out.append(Reading("count" if count else "list", [], classes, (), 4.0, ["what the part names of the class asked"],
                           within=within.parts, within_words=within.words))
    return sorted(out, key=lambda r: -r.score)


def _anchored(r: Reading) -> bool:
    """The reading asks a relation of a named entity (not only "what the part names")."""
    return any(not (e.object if e.subject == "?x" else e.subject).startswith("?") for e in r.edges
               if "?x" in (e.subject, e.object))


part_index = per_store(PartIndex.from_store)
part_index.__doc__ = """The article's parts of ``store``, by the words of their headings (built once per store)."""


__all__ = ["Item", "Part", "PartIndex", "Within", "names_anchor", "part_index", "restrict", "without", "PATIENT"]
