"""The article's closest statements to a question it cannot read: BM25 over the graph's quotes.

Shown as "closest statements in the article", never as an answer. The index (bm25s, built once
per store over every distinct quote, lemmatised like the questions) is small: one document per
quote, so a look-up is a sparse dot product, not a scan of the graph.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    @classmethod
    def from_store(cls, store) -> "QuoteIndex":
        import bm25s

        quotes = [(row["quote"].value, int(row["begin"].value), int(row["end"].value))
                  for row in store.query(internal_query("qa-quotes"))]
        if not quotes:
            return cls([], None)
        retriever = bm25s.BM25()
        retriever.index([_terms(q) for q, _, _ in quotes], show_progress=False)
        return cls(quotes, retriever)

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
