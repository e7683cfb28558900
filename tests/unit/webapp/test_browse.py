"""Dereferenceable IRIs: content negotiation, entity/class/property/source pages, 404 and 406, escaping."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import quote

import pyoxigraph
import pytest
import rdflib

from kg import paths
from kg.namespaces import ARTICLE_IRI, BASE, FACTS_GRAPH, ONTOLOGY_IRI
from tests.support import store_from
from webapp import create_app
from webapp.core import CONTENT_SECURITY_POLICY

KG = BASE + "id/"
KGO = BASE + "ontology/"


class Page(HTMLParser):
    """The parts of an HTML page the tests look at: links, ids, script blocks, text."""

    def __init__(self, html: str):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self.classes: list[str] = []
        self._script: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if attrs.get("class"):
            self.classes.extend(attrs["class"].split())
        if tag == "script":
            self._script = attrs

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self.scripts.append((self._script, data))
        else:
            self.text.append(data)

    def json_block(self, kind: str, ident: str | None = None):
        for attrs, data in self.scripts:
            if attrs.get("type") == kind and (ident is None or attrs.get("id") == ident):
                return json.loads(data)
        raise AssertionError(f"no <script type={kind}> block")

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


@pytest.fixture(scope="module")
def real_client(release_store):
    return create_app({"TESTING": True, "STORE": release_store}).test_client()


@pytest.fixture(scope="module")
def a_statement(real_store) -> str:
    row = next(iter(real_store.query(
        "SELECT ?st WHERE { ?st <http://www.w3.org/ns/prov#value> ?q } ORDER BY ?st LIMIT 1")))
    return row["st"].value


FORMATS = {  # media type → (rdflib parser, suffix)
    "text/turtle": ("turtle", ".ttl"),
    "application/ld+json": ("json-ld", ".jsonld"),
    "application/n-triples": ("nt", ".nt"),
    "application/rdf+xml": ("xml", ".rdf"),
}

KINDS = {  # kind → (IRI, app path)
    "entity": (KG + "dehydration", "/id/dehydration"),
    "class": (KGO + "Cause", "/ontology/Cause"),
    "property": (KGO + "causes", "/ontology/causes"),
    "graph": (str(FACTS_GRAPH), "/graph/facts"),
    "article": (str(ARTICLE_IRI), "/source/knee-muscle-spasms"),
    "ontology": (str(ONTOLOGY_IRI), "/ontology"),
}


def _iri_and_path(kind, a_statement):
    if kind == "statement":
        return a_statement, "/" + a_statement[len(BASE):]
    if kind == "resource":
        return "http://schema.org/MedicalCause", "/resource?iri=" + quote("http://schema.org/MedicalCause", safe="")
    return KINDS[kind]


def _assert_describes(body: bytes, parser: str, iri: str):
    graph = rdflib.Graph().parse(data=body, format=parser)
    node = rdflib.URIRef(iri)
    assert len(graph) > 0
    assert (node, None, None) in graph or (None, None, node) in graph, f"{iri} not described"
    return graph


@pytest.mark.parametrize("media", FORMATS)
@pytest.mark.parametrize("kind", [*KINDS, "statement", "resource"])
def test_accept_header_gives_rdf_describing_the_iri(real_client, a_statement, kind, media):
    iri, path = _iri_and_path(kind, a_statement)
    response = real_client.get(path, headers={"Accept": media})
    assert response.status_code == 200, response.data[:300]
    assert response.mimetype == media
    assert "Accept" in response.headers.get("Vary", "")
    _assert_describes(response.data, FORMATS[media][0], iri)


@pytest.mark.parametrize("media", FORMATS)
@pytest.mark.parametrize("kind", [*KINDS, "statement"])
def test_suffix_gives_rdf_describing_the_iri(real_client, a_statement, kind, media):
    iri, path = _iri_and_path(kind, a_statement)
    response = real_client.get(path + FORMATS[media][1], headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == media
    _assert_describes(response.data, FORMATS[media][0], iri)


def test_entity_description_holds_neighbour_labels_and_evidence(real_client):
    graph = _assert_describes(real_client.get("/id/dehydration.ttl").data, "turtle", KG + "dehydration")
    skos, rdf, prov = rdflib.SKOS, rdflib.RDF, rdflib.Namespace("http://www.w3.org/ns/prov#")
    this = rdflib.URIRef(KG + "dehydration")
    assert (this, rdflib.URIRef(KGO + "causes"), rdflib.URIRef(KG + "knee-muscle-spasm")) in graph
    assert (rdflib.URIRef(KG + "knee-muscle-spasm"), skos.prefLabel, None) in graph
    statements = set(graph.subjects(rdf.subject, this)) | set(graph.subjects(rdf.object, this))
    assert statements and all(graph.value(st, prov.value) for st in statements)


@pytest.mark.parametrize("accept", [None, "text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*"])
@pytest.mark.parametrize("kind", [*KINDS, "statement", "resource"])
def test_browsers_get_html(real_client, a_statement, kind, accept):
    iri, path = _iri_and_path(kind, a_statement)
    response = real_client.get(path, headers={"Accept": accept} if accept else {}, follow_redirects=True)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = Page(response.get_data(as_text=True))
    assert "not medical advice" in page.plain
    if kind == "article":
        assert response.request.path == "/source"


def test_unsupported_accept_gets_406_listing_formats(real_client):
    response = real_client.get("/id/dehydration", headers={"Accept": "image/png"})
    assert response.status_code == 406
    body = response.get_data(as_text=True)
    for media in [*FORMATS, "text/html"]:
        assert media in body


@pytest.mark.parametrize("path", ["/id/dehydraton", "/ontology/Causes", "/statement/0000", "/graph/nothing",
                                  "/resource?iri=http%3A%2F%2Fexample.org%2Fnothing", "/no/such/page"])
def test_unknown_iri_gets_404_page_with_suggestions(real_client, path):
    response = real_client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    page = Page(response.get_data(as_text=True))
    assert "Not found" in page.plain and "Traceback" not in page.plain
    if path == "/id/dehydraton":
        assert "/id/dehydration" in page.links


def test_unknown_iri_with_rdf_accept_is_still_404(real_client):
    assert real_client.get("/id/nothing-here", headers={"Accept": "text/turtle"}).status_code == 404
    assert real_client.get("/id/nothing-here.ttl").status_code == 404


def test_api_404_is_json(real_client):
    response = real_client.get("/api/no-such-thing")
    assert response.status_code == 404 and response.is_json


def test_entity_page(real_client):
    page = Page(real_client.get("/id/dehydration").get_data(as_text=True))
    text = page.plain
    # Synonyms (skos:altLabel) apart from everyday words for the same thing (kgo:laySynonym) and
    # related words people search by that name something else (kgo:searchLabel).
    assert "Dehydration Also known as dehydrated" in text
    assert "In everyday words dehydrating, dried out, fluid loss, lack of fluids, low on fluids" in text
    assert ("People also search for barely any water, barely drink, barely drinking, don't always drink enough, "
            "don't drink enough, don't drink much, hardly any water, hardly drink, "
            "hardly drinking, heavy sweating, keep anything down, keep fluids down, keep water down, little to drink, "
            "no drinks break, no water, no water break, no water breaks, not drinking enough, not drinking much, not enough to drink, "
            "not much to drink, nothing to drink, sweat a lot, sweating, sweating a lot, "
            "sweating buckets, sweaty, thirsty, throwing up, vomiting, without a drink, without a water break, without any water, "
            "without drinking, without enough to drink, without enough water, without much to drink, without water, "
            "without water breaks") in text
    assert {"type", "asserted", "inferred"} <= set(page.classes)
    assert "/ontology/MedicalCondition" in page.links and "/ontology/Cause" in page.links
    assert "the article says it causes something" in text  # an inferred type explained in words, not a badge
    assert "http://id.nlm.nih.gov/mesh/D003681" in page.links  # external identifier
    # The summary first, counts as answers: one treatment, seven quotes.
    assert "Treatments for dehydration: 1 (7 quotes)" in text
    assert text.index("Causes of dehydration") < text.index("Treatments for dehydration") < text.index("Neighbourhood")
    assert "What links to" not in text and "inferred" not in text.split("Neighbourhood")[0].lower()
    quote_links = [l for l in page.links if l.startswith("/source#q-")]
    assert quote_links, "no evidence quote links to the source view"
    assert any(l.startswith("/query?name=") for l in page.links)  # named queries one click away
    assert any(l.startswith("/api/queries/") for l in page.links)
    jsonld = page.json_block("application/ld+json")
    assert jsonld["@id"] == KG + "dehydration" and "MedicalCondition" in jsonld["@type"]
    assert jsonld["name"] == "Dehydration"
    graph = page.json_block("application/json", "graph-data")
    ids = {n["id"] for n in graph["nodes"]}
    assert KG + "dehydration" in ids and len(ids) <= 40
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])


def test_entity_pages_read_as_the_fact_model_says(real_client):
    """The knee page starts with its definition; ALS has no cure; corticosteroids both cause and treat."""
    knee = Page(real_client.get("/id/knee-muscle-spasm").get_data(as_text=True)).plain
    assert knee.split("Knee spasm KG Ask SPARQL Ontology Article Export ", 1)[1].startswith(
        "Knee muscle spasm Definition: “sudden and involuntary contractions”")
    assert "Get medical help now Balance problems (elsewhere the article says: see a doctor)" in knee
    assert "Caffeine — can, in high amounts" in knee
    als = Page(real_client.get("/id/als").get_data(as_text=True)).plain
    assert "Amyotrophic lateral sclerosis has no cure." in als and "While ALS has no cure" in als
    steroids = Page(real_client.get("/id/corticosteroids").get_data(as_text=True)).plain
    assert "What corticosteroids can cause" in steroids and "What corticosteroids treats" in steroids
    assert "What the article does not settle" in steroids
    assert "camelCase" not in steroids and "warrantsMedicalAttentionFor" not in knee and "formOf" not in knee


def test_table_rows_are_shown_as_rows(real_client):
    html = real_client.get("/id/diuretics").get_data(as_text=True)
    assert '<table class="quote-row">' in html and '<th scope="col">Medication</th>' in html
    assert "<td><mark>Diuretics</mark></td>" in html


def test_unsettled_page_lists_both_sides_with_quotes(real_client):
    response = real_client.get("/unsettled")
    page = Page(response.get_data(as_text=True))
    assert response.status_code == 200 and "What the article does not settle" in page.plain
    assert "Muscle spasms last from a few seconds to several minutes." in page.plain
    assert "Muscle spasms last from a few minutes to several hours." in page.plain
    assert page.classes.count("contradiction") == 10 and page.classes.count("side") == 21
    assert "A claim, not a fact." in page.plain and "Medicramp" in page.plain
    assert "/unsettled" in Page(real_client.get("/").get_data(as_text=True)).links
    assert "/unsettled" in Page(real_client.get("/source").get_data(as_text=True)).links


def test_a_negated_statement_says_so(real_client, real_store):
    row = next(iter(real_store.query("SELECT ?st WHERE { ?st <https://w3id.org/kneekg/ontology/negated> true }")))
    page = Page(real_client.get("/" + row["st"].value[len(BASE):]).get_data(as_text=True))
    assert "In words: Amyotrophic lateral sclerosis has no cure." in page.plain


def test_quotes_open_highlighted_spans_of_the_source_view(real_client):
    entity = Page(real_client.get("/id/knee-muscle-spasm").get_data(as_text=True))
    anchors = {l.split("#", 1)[1] for l in entity.links if l.startswith("/source#")}
    source = Page(real_client.get("/source").get_data(as_text=True))
    assert anchors and anchors <= source.ids
    text = paths.ARTICLE.read_text(encoding="utf-8")
    for anchor in anchors:
        begin, end = map(int, re.fullmatch(r"q-(\d+)-(\d+)", anchor).groups())
        assert 0 <= begin < end <= len(text)


def test_source_view_renders_the_article(real_client):
    """Headings, lists and tables as HTML, page chrome left out; the text itself is kg.views.article's test."""
    html = real_client.get("/source").get_data(as_text=True)
    page = Page(html)
    assert "Knee muscle spasms: causes and treatment options" in page.plain  # the title, from the graph
    assert html.count('<table class="article-table">') == 8 and "<caption>" in html
    assert "Table of Contents" not in page.plain and "ToggleKey" not in page.plain and "---|" not in page.plain
    marks = re.findall(r'<mark id="(q-\d+-\d+)"', html)
    assert len(marks) == len(set(marks)) == html.count('<li id="facts-q-')  # one anchor per quoted span


def test_claim_is_shown_as_a_claim_not_a_fact(real_client):
    page = Page(real_client.get("/id/medicramp").get_data(as_text=True))
    assert "claim-box" in page.classes
    assert "A claim, not a fact. The article's publisher claims: “Medicramp relieves cramp pain within 48 hours.”" \
        in page.plain  # whose claim it is
    assert "Treatments" not in page.plain and "treats" not in page.plain.split("What the article claims")[0]
    claim = Page(real_client.get("/id/medicramp-48-hour-claim").get_data(as_text=True))
    assert "A claim, not a fact" in claim.plain and "/source" in " ".join(claim.links)
    assert "A promotional claim" in claim.plain


def test_class_page_lists_members_asserted_and_inferred(real_client):
    page = Page(real_client.get("/ontology/Cause").get_data(as_text=True))
    assert "Inferred by the reasoner" in page.plain and "/id/dehydration" in page.links
    assert "/resource?iri=http%3A%2F%2Fschema.org%2FMedicalCause" in page.links  # schema.org superclass
    page = Page(real_client.get("/ontology/Drug").get_data(as_text=True))
    assert "Asserted" in page.plain and "/id/caffeine" in page.links


def test_property_page(real_client):
    page = Page(real_client.get("/ontology/causes").get_data(as_text=True))
    text = page.plain
    assert "/ontology/causedBy" in page.links and "/ontology/exacerbates" in page.links
    assert re.search(r"Used \d+ asserted", text)
    assert "/ontology/relatedTo" in page.links and "/ontology/MedicalCondition" in page.links  # super-property, range


def test_ontology_overview_lists_every_class_and_relation(real_client, real_store):
    page = Page(real_client.get("/ontology").get_data(as_text=True))
    for name in ["MedicalCondition", "Cause", "WarningSign", "causes", "treats", "hasSymptom", "beginIndex"]:
        assert f"/ontology/{name}" in page.links


def test_home_page_statistics_and_entry_points(real_client, real_store):
    from kg.sparql.registry import registry, run
    stats = {r["measure"].value: r["value"].value for r in run(real_store, registry()["statistics"])}
    page = Page(real_client.get("/").get_data(as_text=True))
    assert f"{stats['entities']} entities" in page.plain and f"{stats['quotes']} evidence quotes" in page.plain
    for link in ["/ontology/MedicalCondition", "/ontology/Cause", "/ontology/WarningSign", "/id/knee-muscle-spasm",
                 "/graph/facts", "/source"]:
        assert link in page.links


def test_statement_and_graph_pages(real_client, a_statement):
    page = Page(real_client.get("/" + a_statement[len(BASE):]).get_data(as_text=True))
    assert any(l.startswith("/source#q-") for l in page.links)
    page = Page(real_client.get("/graph/provenance").get_data(as_text=True))
    assert re.search(r"\d+ triples", page.plain)


@pytest.mark.parametrize("path", ["/", "/id/dehydration", "/ontology", "/source", "/search?q=x", "/id/nothing",
                                  "/api/search?q=x", "/id/dehydration.ttl", "/healthz"])
def test_security_headers_on_every_response(real_client, path):
    headers = real_client.get(path).headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"]


def test_pages_have_no_inline_script(real_client):
    for path in ["/", "/id/dehydration", "/source", "/ontology/Cause", "/search?q=cramp"]:
        page = Page(real_client.get(path).get_data(as_text=True))
        for attrs, data in page.scripts:
            assert attrs.get("src") or attrs.get("type") in ("application/json", "application/ld+json"), (path, attrs)


def test_api_search_returns_iri_label_type_url(real_client):
    hits = real_client.get("/api/search?q=Dehydraton").get_json()
    assert hits[0] == {**hits[0], "iri": KG + "dehydration", "label": "Dehydration", "url": "/id/dehydration"}
    assert set(hits[0]) >= {"iri", "label", "type", "url"}
    assert real_client.get("/api/search?q=").get_json() == []
    assert real_client.get("/api/search?q=spasm&limit=3").get_json().__len__() == 3
    assert real_client.get("/api/search?q=spasm&limit=0").status_code == 400


def test_search_page(real_client):
    page = Page(real_client.get("/search?q=cramps").get_data(as_text=True))
    assert "/id/muscle-spasm" in page.links
    # Entities first (the Medicramp claim after them); a lay word says it is one.
    hits = [l for l in page.links if l.startswith("/id/")]
    assert hits[0] == "/id/muscle-spasm" and hits.index("/id/medicramp-48-hour-claim") > hits.index("/id/medicramp")
    assert "a word people use for it (not a synonym)" in page.plain
    page = Page(real_client.get("/search?q=xyzzy").get_data(as_text=True))
    assert "Nothing in the graph matches" in page.plain


def test_base_iri_rewrites_descriptions(real_store):
    client = create_app({"TESTING": True, "STORE": real_store, "BASE_IRI": "https://example.org/kg/"}).test_client()
    graph = _assert_describes(client.get("/id/dehydration.nt").data, "nt", "https://example.org/kg/id/dehydration")
    assert not any(str(t).startswith(BASE) for triple in graph for t in triple)
    page = Page(client.get("/id/dehydration").get_data(as_text=True))
    assert "https://example.org/kg/id/dehydration" in page.plain
    assert page.json_block("application/ld+json")["@id"] == "https://example.org/kg/id/dehydration"
    assert "/id/knee-muscle-spasm" in page.links  # paths stay the same


# -- escaping: hostile query strings and hostile labels ------------------------------------------

EVIL = '<script>alert("x")</script>'


@pytest.mark.parametrize("path", [
    "/search?q=" + quote(EVIL), "/id/" + quote(EVIL, safe=""), "/resource?iri=" + quote("http://e.org/" + EVIL),
    "/ontology/" + quote(EVIL, safe=""), "/statement/" + quote(EVIL, safe=""),
])
def test_query_strings_cannot_inject_markup(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert "<script>alert" not in response.get_data(as_text=True)


def test_api_search_is_json_not_markup(client):
    response = client.get("/api/search?q=" + quote(EVIL))
    assert response.mimetype == "application/json" and response.headers["X-Content-Type-Options"] == "nosniff"
    assert isinstance(response.get_json(), list)


@pytest.fixture(scope="module")
def evil_client(mini_build):
    store = store_from(mini_build.files[paths.GRAPH_NQ])
    graph = pyoxigraph.NamedNode(str(FACTS_GRAPH))
    node = pyoxigraph.NamedNode(KG + "evil")
    skos = "http://www.w3.org/2004/02/skos/core#"
    store.oxigraph.add(pyoxigraph.Quad(node, pyoxigraph.NamedNode(skos + "prefLabel"),
                                       pyoxigraph.Literal(EVIL + " evil", language="en"), graph))
    store.oxigraph.add(pyoxigraph.Quad(node, pyoxigraph.NamedNode(skos + "altLabel"),
                                       pyoxigraph.Literal("</script><img src=x onerror=alert(1)>", language="en"), graph))
    store.oxigraph.add(pyoxigraph.Quad(node, pyoxigraph.NamedNode(KGO + "causes"),
                                       pyoxigraph.NamedNode(KG + "knee-muscle-spasm"), graph))
    store.oxigraph.add(pyoxigraph.Quad(node, pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                       pyoxigraph.NamedNode(KGO + "MedicalCondition"), graph))
    return create_app({"TESTING": True, "STORE": store}).test_client()


@pytest.mark.parametrize("path", ["/id/evil", "/id/knee-muscle-spasm", "/search?q=evil", "/ontology/MedicalCondition",
                                  "/source", "/id/evil-typo", "/"])
def test_labels_cannot_inject_markup(evil_client, path):
    response = evil_client.get(path)
    assert response.status_code == (404 if path.endswith("typo") else 200)
    body = response.get_data(as_text=True)
    assert "<script>alert" not in body and "<img src=x" not in body


def test_hostile_label_survives_as_data(evil_client):
    page = Page(evil_client.get("/id/evil").get_data(as_text=True))
    assert EVIL + " evil" in page.plain  # shown as text
    assert page.json_block("application/ld+json")["name"] == EVIL + " evil"  # JSON-LD intact, not broken out of
    assert "</script><img src=x onerror=alert(1)>" in page.json_block("application/ld+json")["alternateName"]
    labels = {n["label"] for n in page.json_block("application/json", "graph-data")["nodes"]}
    assert EVIL + " evil" in labels
    hits = evil_client.get("/api/search?q=evil").get_json()
    assert hits[0]["label"] == EVIL + " evil"


# -- the small fixture graph -----------------------------------------------------------------------

def test_mini_graph_pages(client):
    assert client.get("/id/dehydration").status_code == 200
    assert client.get("/id/caffeine", headers={"Accept": "text/turtle"}).status_code == 200
    assert client.get("/id/magnesium").status_code == 404


def test_named_query_links_answer(real_client):
    page = Page(real_client.get("/id/knee-muscle-spasm").get_data(as_text=True))
    api_links = [l for l in page.links if l.startswith("/api/queries/")]
    assert any("causes-of" in l for l in api_links) and any("treatments-for" in l for l in api_links)
    for link in api_links:
        response = real_client.get(link)
        assert response.status_code == 200, link
        assert response.get_json()["count"] > 0, link
    assert "Causes of Knee muscle spasm" in page.plain


def test_accept_quality_values_are_honoured(real_client):
    response = real_client.get("/id/caffeine", headers={"Accept": "text/html;q=0.5, text/turtle;q=0.9"})
    assert response.mimetype == "text/turtle"
    response = real_client.get("/id/caffeine", headers={"Accept": "text/turtle;q=0.5, text/html"})
    assert response.mimetype == "text/html"


def test_resource_route_redirects_graph_iris_to_their_own_path(real_client):
    response = real_client.get("/resource?iri=" + quote(KG + "caffeine", safe=""))
    assert response.status_code == 303 and response.headers["Location"].endswith("/id/caffeine")


def test_pages_are_cached_per_representation_with_etags(real_client):
    """HTML and each RDF format of one IRI get their own ETag; a matching If-None-Match gets 304."""
    html = real_client.get("/id/dehydration", headers={"Accept": "text/html"})
    turtle = real_client.get("/id/dehydration", headers={"Accept": "text/turtle"})
    assert html.status_code == turtle.status_code == 200
    assert html.headers["ETag"] != turtle.headers["ETag"]
    assert html.headers["Vary"] == "Accept"
    again = real_client.get("/id/dehydration", headers={"Accept": "text/turtle", "If-None-Match": turtle.headers["ETag"]})
    assert again.status_code == 304
    assert real_client.get("/id/no-such-entity").status_code == 404  # errors are never cached as pages
