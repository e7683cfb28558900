"""Map graph IRIs to the app's own URLs, so every IRI opens as a page of this app.

IRIs under the graph's base (``https://w3id.org/kneekg/``) keep their path: ``…/id/dehydration``
opens at ``/id/dehydration``, ``…/ontology/Cause`` at ``/ontology/Cause``. Other IRIs (schema.org,
MeSH …) open at ``/resource?iri=…``.
"""

from __future__ import annotations

from urllib.parse import quote

from kg.namespaces import BASE


def local_path(iri: str, base: str = BASE) -> str:
    """Return the app path that describes ``iri``.

    >>> local_path("https://w3id.org/kneekg/id/dehydration")
    '/id/dehydration'
    >>> local_path("http://schema.org/Drug")
    '/resource?iri=http%3A%2F%2Fschema.org%2FDrug'
    """
    if iri.startswith(base):
        return "/" + iri[len(base):]
    return "/resource?iri=" + quote(iri, safe="")


def is_local(iri: str, base: str = BASE) -> bool:
    return iri.startswith(base)
