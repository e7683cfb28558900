"""Load the lexicon (``ontology/lexicon.ttl``) into the ontology graph of a release.

The lexicon is hand-edited data beside the ontology: the words readers use for relations and
classes, and the words that shape a question (OntoLex-Lemon lite, see the file's header). Its
entries join the ontology graph after reasoning — HermiT has no use for words — so they are
queryable like the rest of the graph. The words for entities are not here: an entity's names,
lay synonyms and related words have one source, ``facts/entities.yaml``, and a lexicon that
names an entity's words is refused. What the lexicon says about entities (the article's topic)
joins the facts graph; topic entities the facts do not hold are left out and named in the build
report, so the lexicon written for the full article still builds a smaller fact set.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.build.errors import BuildError, Problem
from kg.namespaces import KG, KGO

ENTITY_WORDS = (KGO.searchLabel, KGO.laySynonym, SKOS.prefLabel, SKOS.altLabel, RDFS.label)


def load_lexicon(path: Path, entities: set[str]) -> tuple[Graph, Graph, list[str]]:
    """Parse the lexicon: its words (for the ontology graph), what it says about the facts' entities (the
    topic, for the facts graph), and the ids of unknown entities it names (left out).

    ``entities`` holds the local ids of the facts' entities (``dehydration``).
    """
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise BuildError([Problem(f"{path.name}: {exc}")], stage="lexicon") from None
    own = [f"{path.name}: {s} {p} \"{o}\": an entity's words belong in facts/entities.yaml (alt, lay or search)"
           for s, p, o in graph if p in ENTITY_WORDS and str(s).startswith(str(KG))]
    if own:
        raise BuildError([Problem(message) for message in sorted(own)], stage="lexicon")
    named = {str(t)[len(str(KG)):] for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KG))}
    skipped = sorted(named - entities)
    about = Graph()
    for s, p, o in list(graph):  # what the lexicon says about an entity (the topic) describes the facts
        ids = [str(t)[len(str(KG)):] for t in (s, o) if isinstance(t, URIRef) and str(t).startswith(str(KG))]
        if ids:
            graph.remove((s, p, o))
            if not set(ids) & set(skipped):
                about.add((s, p, o))
    return graph, about, skipped


__all__ = ["load_lexicon"]
