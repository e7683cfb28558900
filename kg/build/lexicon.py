"""Load the lexicon (``ontology/lexicon.ttl``) into the ontology graph of a release.

The lexicon is hand-edited data beside the ontology: the words readers use for relations,
classes and entities (OntoLex-Lemon lite, see the file's header). Its entries join the ontology
graph and the lay words of entities (``kgo:searchLabel``) the facts graph, after reasoning — HermiT
has no use for words — so they are queryable like the rest of the graph.
Lay words (``kgo:searchLabel``) for entities the facts do not hold are left out and named in the
build report, so a lexicon written for the full article still builds a smaller fact set.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from kg.build.errors import BuildError, Problem
from kg.namespaces import KG


def load_lexicon(path: Path, entities: set[str]) -> tuple[Graph, Graph, list[str]]:
    """Parse the lexicon: its words (for the ontology graph), the lay words of the facts' entities
    (``kgo:searchLabel``, for the facts graph, where they describe entities), and the ids of unknown
    entities whose lay words were left out.

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
    lay = Graph()
    for s, p, o in list(graph):  # what names an entity (its lay words, the topic) describes the facts
        if any(isinstance(t, URIRef) and str(t).startswith(str(KG)) for t in (s, o)):
            lay.add((s, p, o))
            graph.remove((s, p, o))
    return graph, lay, skipped


__all__ = ["load_lexicon"]
