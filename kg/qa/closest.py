"""BM25 over the graph's quotes: the article's closest statements, and how relevant a quote is to a question.

With no reading, the closest statements are shown as "closest statements in the article", never
as an answer. With a reading that describes an entity ("what does too much caffeine do to your
muscles"), the statements around that entity are ranked by the same scores, so the answer quotes
first what bears on the words asked. The index (bm25s, built once per store over every distinct
quote, lemmatised like the questions) is small: one document per quote, so a look-up is a sparse
dot product, not a scan of the graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.qa.lexicon import internal_query
from kg.qa.text import STOPWORDS, tokenize
from kg.store.memo import per_store

SOURCE_ANCHOR = "/source#q-{begin}-{end}"
ANAPHORS = frozenset("this these those they such".split())  # a sentence opening so ("*This* helps prevent muscle fatigue") says little without the one before
ADJACENT = 2  # characters between two sentences that follow each other (a space, or a full stop's space)


def _terms(text: str) -> list[str]:
    return [t.lemma for t in tokenize(text) if not t.is_punct and t.lemma not in STOPWORDS and len(t.lemma) > 1]


@dataclass
class QuoteIndex:
    quotes: list[tuple[str, int, int]]
    retriever: object | None
    position: dict[str, int] = field(default_factory=dict)  # quote -> its document
    ending: dict[int, int] = field(default_factory=dict)  # where a quote ends -> the longest quote ending there
    bullets: list[tuple[str, int, int]] = field(default_factory=list)  # the lists' items, verbatim, where they sit
    starting: dict[int, int] = field(default_factory=dict)  # where a quote begins -> the longest quote beginning there

    @classmethod
    def from_store(cls, store) -> "QuoteIndex":
        import bm25s

        quotes = [(row["quote"].value, int(row["begin"].value), int(row["end"].value))
                  for row in store.query(internal_query("qa-quotes"))]
        if not quotes:
            return cls([], None)
        retriever = bm25s.BM25()
        retriever.index([_terms(q) for q, _, _ in quotes], show_progress=False)
        ending: dict[int, int] = {}
        for n, (q, begin, end) in enumerate(quotes):
            if end not in ending or begin < quotes[ending[end]][1]:
                ending[end] = n
        bullets = [(row["text"].value, int(row["begin"].value), int(row["end"].value))
                   for row in store.query(internal_query("qa-list-items"))]
        starting: dict[int, int] = {}
        for n, (q, begin, end) in enumerate(quotes):
            if begin not in starting or end > quotes[starting[begin]][2]:
                starting[begin] = n
        return cls(quotes, retriever, {q: n for n, (q, _, _) in enumerate(quotes)}, ending, bullets, starting)

    def consequent(self, end: int) -> dict | None:
        """The sentence right after a quote ending at ``end`` when it points back to it ("… such as calcium, magnesium,
        and potassium." — "*These minerals* play a crucial role in muscle function."): it goes on about the same things."""
        n = next((self.starting[end + gap] for gap in range(1, ADJACENT + 1) if end + gap in self.starting), None)
        if n is None:
            return None
        text, b, e = self.quotes[n]
        words = tokenize(text)
        if not words or words[0].lemma not in ANAPHORS:
            return None
        return {"quote": text, "begin": b, "end": e, "source": SOURCE_ANCHOR.format(begin=b, end=e), "relation_label": "context"}

    def antecedent(self, quote: str, begin: int) -> dict | None:
        """The sentence right before ``quote`` when it opens with a word that points back to it ("This helps prevent
        muscle fatigue and overexertion." after "Give your muscles enough time to rest and recover …"): what "this"
        is, quoted as the article has it; None for a quote that stands alone or has no quoted sentence before it."""
        words = tokenize(quote)
        if not words or words[0].lemma not in ANAPHORS:
            return None
        found = next((self.quotes[self.ending[begin - gap]] for gap in range(1, ADJACENT + 1)
                      if begin - gap in self.ending), None)
        if found is None:  # a bullet's first sentence, quoted for no fact: the bullet up to the quote
            text, b, _ = next((x for x in self.bullets if x[1] < begin <= x[2]), ("", begin, begin))
            lead = text[:begin - b].rstrip()
            found = (lead, b, b + len(lead)) if lead else None
        if found is None:
            return None
        text, b, e = found
        return {"quote": text, "begin": b, "end": e, "source": SOURCE_ANCHOR.format(begin=b, end=e), "relation_label": "context"}

    def relevance(self, text: str, quotes) -> dict[str, float]:
        """The BM25 score of each of ``quotes`` for the words of ``text`` (0 for a quote the index does not hold)."""
        terms = [t for t in _terms(text) if t in self.vocabulary]
        if not self.retriever or not terms:
            return {q: 0.0 for q in quotes}
        scores = self.retriever.get_scores(terms)
        return {q: float(scores[self.position[q]]) if q in self.position else 0.0 for q in quotes}

    @property
    def vocabulary(self) -> dict:
        return self.retriever.vocab_dict if self.retriever else {}

    def closest(self, text: str, k: int = 3) -> list[dict]:
        terms = _terms(text)
        if not self.retriever or not terms:
            return []
        docs, scores = self.retriever.retrieve([terms], k=min(k, len(self.quotes)), show_progress=False)
        out = []
        for doc, score in zip(docs[0], scores[0]):
            if score <= 0:
                continue
            quote, begin, end = self.quotes[int(doc)]
            out.append({"quote": quote, "begin": begin, "end": end, "score": round(float(score), 2),
                        "source": SOURCE_ANCHOR.format(begin=begin, end=end)})
        return out


def with_antecedents(index: QuoteIndex, shown: list[dict]) -> list[dict]:
    """Each quoted sentence that points back ("*This* helps prevent muscle fatigue and overexertion") after the sentence
    it points to ("Give your muscles enough time to rest and recover …"), and before the sentence that points back to
    it ("These minerals play a crucial role in muscle function"), unless shown already: what "this" is and what is said
    of "these", in the article's words, not left for the reader to guess."""
    out: list[dict] = []

    def add(extra: dict | None) -> None:
        if extra is not None and not any(x["begin"] <= extra["begin"] and extra["end"] <= x["end"] for x in shown + out):
            out.append(extra)
    for item in shown:
        add(index.antecedent(item["quote"], item["begin"]))
        out.append(item)
        add(index.consequent(item["end"]))
    return out


quote_index = per_store(QuoteIndex.from_store)
quote_index.__doc__ = """The BM25 index over the quotes of ``store`` (built once per store)."""
