"""Downloads and the dataset description: ``/export``, ``/export/<file>``, ``/.well-known/void``.

Stable URLs: ``/export/graph.<ext>`` is the whole dataset (``ttl nt rdf jsonld nq trig``),
``/export/<graph>.<ext>`` one named graph (``ontology facts inferred provenance``; also
``?graph=facts``), ``/export/ontology.owl`` the ontology as OWL (RDF/XML),
``/export/relations.csv`` the facts with their quotes, ``/export/context.jsonld`` the JSON-LD
context. Each is generated once per process (the graph is immutable while served). The URLs they
name come from the configured ``PUBLIC_URL``, never from the request's ``Host``: a client cannot
write its own host into a description that others are served, nor make one copy per host name.
"""

from __future__ import annotations

import hashlib

import pyoxigraph

from flask import Blueprint, Response, abort, current_app, render_template, request

from kg import paths
from kg.sparql.formats import RDF_COUSINS, RDF_FORMATS, best_match, find
from kg.views import export as kgexport
from kg.views import void as kgvoid
from webapp import config as settings
from webapp import state

bp = Blueprint("export", __name__)


def _base_url() -> str:
    return settings.public_url(current_app.config)


def description() -> list:
    """The VoID/DCAT/PROV triples for this app (cached per configured public URL)."""
    def make() -> list:
        built = kgvoid.build_time(settings.graph_file(current_app.config), getattr(state.store(), "loaded_at", None))
        return kgvoid.describe(state.dataset(), _base_url(), built)

    return _cached(("void", _base_url()), make)


def _cached(key: tuple, make):
    """A document made once per app (the graph is immutable while served), kept in the app's bounded cache."""
    return state.files().get_or_put(("export",) + key, make)


def _artifact(name: str) -> bytes | None:
    """The release file itself when the app serves the release graph (so checksums match the repository)."""
    if not settings.serves_release(current_app.config):
        return None
    path = paths.RELEASE_DIR / name
    return path.read_bytes() if path.exists() else None


def render(fmt: kgexport.Format, graph: str) -> bytes:
    """The bytes of one download (cached)."""
    if fmt.name == "csv":
        return _cached(("csv",), lambda: kgexport.relations_csv(state.store()))
    base = _base_url() if graph == "all" else ""
    return _cached((fmt.name, graph, base), lambda: kgexport.serialize(
        state.dataset(), fmt, graph, description() if graph == "all" else None))


def _download(body: bytes, media_type: str, filename: str) -> Response:
    response = Response(body, content_type=f"{media_type}; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "public, max-age=3600"
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    return response.make_conditional(request)


@bp.get("/export")
def page():
    """The downloads page: every format of the whole dataset and of each named graph."""
    data = state.dataset()
    counts = {short: sum(1 for _ in data.quads_for_graph_name(pyoxigraph.NamedNode(iri)))
              for short, iri in kgexport.GRAPHS.items()}
    rdf_formats = [f for f in kgexport.FORMATS.values() if f.rdf is not None]
    whole = [{"label": f.label, "href": "/export/" + f.filename(), "media": f.media_type,
              "size": len(render(f, "all"))} for f in rdf_formats]
    graphs = [{"name": short, "iri": iri, "title": kgexport.GRAPH_TITLES[short], "triples": counts[short],
               "links": [{"ext": f.extension, "href": "/export/" + f.filename(short), "media": f.media_type}
                         for f in rdf_formats]} for short, iri in kgexport.GRAPHS.items()]
    csv_format = kgexport.FORMATS["csv"]
    context = kgexport.jsonld_context(data)
    terms = [{"term": k, "iri": v["@id"] if isinstance(v, dict) else v,
              "kind": ("IRI value" if isinstance(v, dict) and v.get("@type") == "@id"
                       else (v.get("@type", "") if isinstance(v, dict) else "prefix"))}
             for k, v in context.items()]
    return render_template(
        "export.html", whole=whole, graphs=graphs, total=sum(counts.values()),
        csv={"href": "/export/" + csv_format.filename(), "size": len(render(csv_format, "all")),
             "columns": ", ".join(kgexport.CSV_COLUMNS)},
        terms=terms, base=_base_url(), examples=kgvoid.EXAMPLES, void_graph=str(kgexport.VOID_GRAPH))


@bp.get("/export/<name>.<ext>")
def download(name: str, ext: str):
    """One file: ``graph.ttl``, ``facts.nq``, ``ontology.owl``, ``relations.csv``, ``context.jsonld`` …"""
    if name == "context" and ext == "jsonld":
        body = _cached(("context",), lambda: kgexport.context_document(state.dataset()))
        return _download(body, "application/ld+json", "context.jsonld")
    if name == "ontology" and ext == "owl":
        body = _artifact("ontology.owl") or _cached(("owl",), lambda: kgexport.serialize(
            state.dataset(), kgexport.FORMATS["rdfxml"], "ontology"))
        return _download(body, "application/rdf+xml", "ontology.owl")
    if name == "relations" and ext == "csv":
        fmt = kgexport.FORMATS["csv"]
        return _download(render(fmt, "all"), fmt.media_type, fmt.filename())
    fmt = kgexport.BY_EXTENSION.get(ext)
    if fmt is None or fmt.rdf is None:
        abort(404, description=f"unknown format '.{ext}'; formats: "
                               + ", ".join(f.extension for f in kgexport.FORMATS.values() if f.rdf is not None))
    try:
        graph = kgexport.find_graph(request.args.get("graph") or ("all" if name == "graph" else name))
    except kgexport.ExportError as exc:
        abort(404, description=str(exc))
    if name not in ("graph", graph):
        abort(404, description=f"use /export/graph.{ext}?graph={graph} or /export/{graph}.{ext}")
    if graph == "ontology" and ext == "ttl":
        body = _artifact("ontology.ttl")
        if body is not None:
            return _download(body, fmt.media_type, "ontology.ttl")
    return _download(render(fmt, graph), fmt.media_type, fmt.filename(graph))


@bp.get("/.well-known/void")
def void():
    """The dataset description (VoID + DCAT + PROV); Turtle unless the client asks for another format."""
    offered = [RDF_FORMATS[name] for name in ("ttl", "jsonld", "nt", "rdf")]
    wanted = request.args.get("format", "")
    if wanted:
        fmt = find(offered, RDF_COUSINS.get(wanted.strip().lower(), wanted))
        if fmt is None:
            abort(400, description=f"unknown format '{wanted.lower()}'; formats: "
                                   + ", ".join(f.name for f in offered))
        media = fmt.media_type
    else:
        media = best_match(request.headers.get("Accept"), kgvoid.MEDIA_TYPES + ("text/html",)) \
            if request.headers.get("Accept") else "text/turtle"
        if media is None:
            return Response("not acceptable; this description is available as "
                            + ", ".join(kgvoid.MEDIA_TYPES) + "\n", status=406, mimetype="text/plain")
        if media == "text/html":
            media = "text/turtle"  # a browser: show the Turtle
    body = _cached(("void-doc", media, _base_url()), lambda: kgvoid.serialize(description(), media))
    response = Response(body, content_type=f"{media}; charset=utf-8")
    response.headers["Vary"] = "Accept"
    response.headers["Link"] = f'<{_base_url()}/export>; rel="alternate"; type="text/html"'
    response.headers["Cache-Control"] = "public, max-age=3600"
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    return response.make_conditional(request)
