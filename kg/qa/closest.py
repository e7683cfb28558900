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


def _terms(text: str) -> list[str]:
    return [t.lemma for t in tokenize(text) if not t.is_punct and t.lemma not in STOPWORDS and len(t.lemma) > 1]


@dataclass
class QuoteIndex:
    quotes: list[tuple[str, int, int]]
    retriever: object | None
    position: dict[str, int] = field(default_factory=dict)  # quote -> its document

    @classmethod
    def from_store(cls, store) -> "QuoteIndex":
        import bm25s

        quotes = [(row["quote"].value, int(row["begin"].value), int(row["end"].value))
                  for row in store.query(internal_query("qa-quotes"))]
        if not quotes:
            return cls([], None)
        retriever = bm25s.BM25()
        retriever.index([_terms(q) for q, _, _ in quotes], show_progress=False)
        return cls(quotes, retriever, {q: n for n, (q, _, _) in enumerate(quotes)})

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


quote_index = per_store(QuoteIndex.from_store)
quote_index.__doc__ = """The BM25 index over the quotes of ``store`` (built once per store)."""
