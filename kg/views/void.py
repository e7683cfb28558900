"""Describe the dataset with VoID, DCAT and PROV: counts, endpoint, dumps, vocabularies, origin.

The counts come from :func:`statistics`, which the SPARQL service description
(``kg.views.service``) reads too: the dataset is counted one way, in one place.

The description depends on where the app is served (``base_url``: the SPARQL endpoint and
download URLs) and on when the graph was built, so it is made at serve/export time and never
written into ``release`` (which stay byte-for-byte reproducible). The build time is
``$SOURCE_DATE_EPOCH`` when set, else the modification time of the loaded ``graph.nq``, else
the time the store was loaded (see ``build_time``).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Triple

from kg.views.export import FORMATS, GRAPH_TITLES, GRAPHS, Format
from kg.namespaces import ARTICLE_IRI, BASE, KG, PREFIXES
from kg.sparql.formats import RDF_FORMATS

DATASET_IRI = BASE + "dataset"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = PREFIXES["dcterms"]
PROV = PREFIXES["prov"]
RDF_TYPE = PREFIXES["rdf"] + "type"
XSD = PREFIXES["xsd"]
FOAF = "http://xmlns.com/foaf/0.1/"
IANA = "https://www.iana.org/assignments/media-types/"

VOID_PREFIXES = {**PREFIXES, "void": VOID, "dcat": DCAT, "foaf": FOAF}
EXAMPLES = ("knee-muscle-spasm", "dehydration")
LICENSE = "https://spdx.org/licenses/MIT.html"
RIGHTS = ("The graph is released with the project under the MIT licence. Each prov:value is a short "
          "verbatim quotation of the source article, kept as evidence for the fact it supports; the "
          "article's own copyright stays with its publisher. Not medical advice.")
# Well-known vocabularies: a namespace is listed under void:vocabulary when the data uses it.
VOCABULARIES = {
    PREFIXES["kgo"], PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["owl"], PREFIXES["xsd"], PREFIXES["skos"],
    PREFIXES["prov"], PREFIXES["dcterms"], PREFIXES["schema"],
}


def build_time(graph_path: Path | None = None, loaded_at: float | None = None) -> datetime:
    """When the graph was built: ``$SOURCE_DATE_EPOCH``, else ``graph_path``'s mtime, else ``loaded_at`` (or now)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    if graph_path is not None and Path(graph_path).exists():
        return datetime.fromtimestamp(int(Path(graph_path).stat().st_mtime), tz=timezone.utc)
    return datetime.fromtimestamp(int(loaded_at if loaded_at is not None else datetime.now().timestamp()),
                                  tz=timezone.utc)


def _namespace(iri: str) -> str | None:
    for ns in VOCABULARIES:
        if iri.startswith(ns):
            return ns
    return None


def download_url(base_url: str, fmt: Format, graph: str = "all") -> str:
    return base_url.rstrip("/") + "/export/" + fmt.filename(graph)


@dataclass(frozen=True)
class GraphStatistics:
    """The VoID counts of one named graph."""

    triples: int
    subjects: int
    properties: int
    objects: int


@dataclass(frozen=True)
class Statistics:
    """The VoID counts of the four named graphs, each and together: the one source of the dataset and service descriptions."""

    graphs: dict[str, GraphStatistics]  # by short name (``kg.views.export.GRAPHS``)
    triples: int
    subjects: int
    objects: int
    properties: int
    classes: int
    entities: int  # IRIs under kg: with a preferred label in the facts graph
    vocabularies: tuple[str, ...]  # the well-known namespaces whose properties or classes the data uses


_COUNTED: "OrderedDict[int, tuple[pyoxigraph.Dataset, Statistics]]" = OrderedDict()
_COUNTED_MAX = 4  # datasets counted and kept (an app reads its dataset once)
_counting = threading.Lock()


def statistics(data: pyoxigraph.Dataset) -> Statistics:
    """The VoID counts of ``data``, computed once per dataset (it does not change while it is served).

    >>> data = pyoxigraph.Dataset()
    >>> statistics(data) is statistics(data)
    True
    """
    with _counting:
        hit = _COUNTED.get(id(data))
        if hit is not None and hit[0] is data:
            return hit[1]
        counted = _count(data)
        _COUNTED[id(data)] = (data, counted)  # the dataset is kept with its counts, so its id is not reused
        while len(_COUNTED) > _COUNTED_MAX:
            _COUNTED.popitem(last=False)
        return counted


def _count(data: pyoxigraph.Dataset) -> Statistics:
    """Count ``data`` (the four named graphs) as VoID does: triples, distinct terms, classes, entities, vocabularies."""
    quads = {short: list(data.quads_for_graph_name(NamedNode(iri))) for short, iri in GRAPHS.items()}
    everything = [q for qs in quads.values() for q in qs]
    rdf_type = NamedNode(RDF_TYPE)
    pref_label = NamedNode(PREFIXES["skos"] + "prefLabel")
    used = set()
    for q in everything:
        for term in (q.predicate, q.object if q.predicate == rdf_type else None):
            ns = _namespace(term.value) if isinstance(term, NamedNode) else None
            if ns:
                used.add(ns)
    return Statistics(
        graphs={short: GraphStatistics(len(qs), len({q.subject for q in qs}), len({q.predicate for q in qs}),
                                       len({q.object for q in qs})) for short, qs in quads.items()},
        triples=len(everything),
        subjects=len({q.subject for q in everything}),
        objects=len({q.object for q in everything}),
        properties=len({q.predicate for q in everything}),
        classes=len({q.object for q in everything if q.predicate == rdf_type}),
        entities=len({q.subject for q in quads["facts"] if q.predicate == pref_label
                      and q.subject.value.startswith(str(KG))}),
        vocabularies=tuple(sorted(used)),
    )


def describe(data: pyoxigraph.Dataset, base_url: str, built: datetime) -> list[Triple]:
    """VoID + DCAT + PROV triples for ``data`` (the four named graphs) served at ``base_url``."""
    base = base_url.rstrip("/")
    ds = NamedNode(DATASET_IRI)
    triples: list[Triple] = []

    def add(s, p: str, o) -> None:
        triples.append(Triple(s, NamedNode(p), o))

    def lit(value, datatype: str | None = None, lang: str | None = None) -> Literal:
        if lang:
            return Literal(str(value), language=lang)
        return Literal(str(value), datatype=NamedNode(datatype)) if datatype else Literal(str(value))

    def integer(n: int) -> Literal:
        return lit(n, XSD + "integer")

    for kind in (VOID + "Dataset", DCAT + "Dataset", PROV + "Entity"):
        add(ds, RDF_TYPE, NamedNode(kind))
    add(ds, DCT + "title", lit("Knee muscle spasms knowledge graph", lang="en"))
    add(ds, DCT + "description", lit(
        "An OWL ontology and knowledge graph built from one health article on knee muscle spasms; every "
        "fact carries the verbatim sentence it came from. Named graphs: ontology, asserted facts, inferred "
        "triples, provenance.", lang="en"))
    add(ds, DCT + "license", NamedNode(LICENSE))
    add(ds, DCT + "rights", lit(RIGHTS, lang="en"))
    add(ds, DCT + "source", NamedNode(str(ARTICLE_IRI)))
    add(ds, PROV + "wasDerivedFrom", NamedNode(str(ARTICLE_IRI)))
    when = lit(built.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), XSD + "dateTime")
    add(ds, DCT + "modified", when)
    add(ds, PROV + "generatedAtTime", when)
    for word in ("knee", "muscle spasm", "cramp", "health", "provenance"):
        add(ds, DCAT + "keyword", lit(word, lang="en"))
    add(ds, DCAT + "landingPage", NamedNode(base + "/"))
    add(ds, FOAF + "homepage", NamedNode(base + "/"))

    stats = statistics(data)
    for short, iri in GRAPHS.items():
        subset = NamedNode(iri)
        add(ds, VOID + "subset", subset)
        add(subset, RDF_TYPE, NamedNode(VOID + "Dataset"))
        add(subset, DCT + "title", lit(GRAPH_TITLES[short], lang="en"))
        add(subset, VOID + "triples", integer(stats.graphs[short].triples))
        for name in ("turtle", "nquads"):
            add(subset, VOID + "dataDump", NamedNode(download_url(base, FORMATS[name], short)))
        if short == "ontology":
            add(subset, VOID + "dataDump", NamedNode(base + "/export/ontology.owl"))
    add(ds, VOID + "triples", integer(stats.triples))
    add(ds, VOID + "distinctSubjects", integer(stats.subjects))
    add(ds, VOID + "distinctObjects", integer(stats.objects))
    add(ds, VOID + "properties", integer(stats.properties))
    add(ds, VOID + "classes", integer(stats.classes))
    add(ds, VOID + "entities", integer(stats.entities))
    add(ds, VOID + "uriSpace", lit(str(KG)))
    add(ds, VOID + "uriRegexPattern", lit("^" + BASE.replace(".", "\\.") + "(id|ontology|statement)/"))
    for name in EXAMPLES:
        add(ds, VOID + "exampleResource", NamedNode(str(KG) + name))

    for ns in stats.vocabularies:
        add(ds, VOID + "vocabulary", NamedNode(ns))

    endpoint = NamedNode(base + "/sparql")
    add(ds, VOID + "sparqlEndpoint", endpoint)
    add(endpoint, RDF_TYPE, NamedNode(DCAT + "DataService"))
    add(endpoint, DCAT + "endpointURL", endpoint)
    add(endpoint, DCAT + "servesDataset", ds)
    add(endpoint, DCT + "conformsTo", NamedNode("https://www.w3.org/TR/sparql11-protocol/"))
    add(ds, DCAT + "accessService", endpoint)

    for fmt in FORMATS.values():
        url = NamedNode(download_url(base, fmt))
        if fmt.rdf is not None:
            add(ds, VOID + "dataDump", url)
        add(ds, DCAT + "distribution", url)
        add(url, RDF_TYPE, NamedNode(DCAT + "Distribution"))
        add(url, DCT + "title", lit(fmt.label + (" — subject, relation, object and quote per row"
                                                 if fmt.rdf is None else ""), lang="en"))
        add(url, DCAT + "downloadURL", url)
        add(url, DCAT + "mediaType", NamedNode(IANA + fmt.media_type))
        add(url, DCT + "format", lit(fmt.media_type))
    # Group by subject (first appearance), so Turtle writes one block per resource.
    order: dict = {}
    for triple in triples:
        order.setdefault(triple.subject, []).append(triple)
    return [t for group in order.values() for t in group]


def serialize(triples: list[Triple], media_type: str) -> bytes:
    """Write the description as Turtle, N-Triples, RDF/XML or compact JSON-LD."""
    if media_type == "application/ld+json":
        import warnings

        from rdflib import Graph

        graph = Graph()
        graph.parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return graph.serialize(format="json-ld", context=VOID_PREFIXES, auto_compact=True,
                                   sort_keys=True, indent=1).encode("utf-8")
    fmt = pyoxigraph.RdfFormat.from_media_type(media_type)
    if fmt is None or fmt.supports_datasets:
        raise ValueError(f"cannot write the description as {media_type}")
    if fmt == pyoxigraph.RdfFormat.N_TRIPLES:
        return pyoxigraph.serialize(triples, format=fmt)
    return pyoxigraph.serialize(triples, format=fmt, prefixes=VOID_PREFIXES)


MEDIA_TYPES = tuple(RDF_FORMATS[name].media_type for name in ("ttl", "jsonld", "nt", "rdf"))

__all__ = ["describe", "serialize", "statistics", "Statistics", "GraphStatistics", "build_time", "download_url",
           "DATASET_IRI", "MEDIA_TYPES", "VOID_PREFIXES"]
