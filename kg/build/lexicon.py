"""Load the lexicon (``ontology/lexicon.ttl``) into the ontology graph of a release.

The lexicon is hand-edited data beside the ontology: the words readers use for relations,
classes and entities (OntoLex-Lemon lite, see the file's header). It joins the ontology graph
after reasoning — HermiT has no use for words — so it is queryable like the rest of the graph.
Lay words (``kgo:searchLabel``) for entities the facts do not hold are left out and named in the
build report, so a lexicon written for the full article still builds a smaller fact set.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from kg.build.errors import BuildError, Problem
from kg.namespaces import KG


def load_lexicon(path: Path, entities: set[str]) -> tuple[Graph, list[str]]:
    """Parse the lexicon; return it without the lay words of unknown entities, and their ids.

    ``entities`` holds the local ids of the facts' entities (``dehydration``).
    """
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise BuildError([Problem(f"{path.name}: {exc}")], stage="lexicon") from None
    skipped = sorted({str(s)[len(str(KG)):] for s in graph.subjects() if isinstance(s, URIRef)
                      and str(s).startswith(str(KG)) and str(s)[len(str(KG)):] not in entities})
    for local in skipped:
        graph.remove((KG[local], None, None))
    return graph, skipped


__all__ = ["load_lexicon"]
