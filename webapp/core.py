"""Pages every deployment has: the home page, the health checks, and the app-wide security headers."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template

from kg.views.describe import describer
from kg.namespaces import KG, KGO
from kg.sparql.registry import registry, run
from webapp.state import questions_pending, store

bp = Blueprint("core", __name__)

# Sent with every response of the app: no inline script, no third-party origin, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}

# The home page's entry points: a class whose members are listed, with a heading.
ENTRY_POINTS = (
    ("Conditions", KGO.MedicalCondition, "What the article describes as a disorder, a deficiency, a disease or a symptom."),
    ("Causes", KGO.Cause, "What can cause or worsen them."),
    ("Warning signs", KGO.WarningSign, "When the article says to seek medical attention."),
)
START_HERE = (KG["knee-muscle-spasm"], KG["muscle-spasm"])


_SECURITY_NAMES = tuple((name.lower(), name, value) for name, value in SECURITY_HEADERS.items())


@bp.after_app_request
def security_headers(response):
    """Set the security headers on every response, unless a view chose its own.

    The response's header names are read once (``setdefault`` looks each one up by a scan, and a
    missing one by raising and catching an exception: 19 µs a request for the three).
    """
    headers = response.headers
    present = {name.lower() for name in headers.keys()}
    for lowered, name, value in _SECURITY_NAMES:
        if lowered not in present:
            headers.add(name, value)
    return response


@bp.get("/healthz")
def healthz():
    """Liveness: 200 while the app answers requests (it never asks the store, which may be a remote server)."""
    return jsonify(status="ok", store=store().description)


@bp.get("/readyz")
def readyz():
    """Readiness: 200 when the store answers (a remote SPARQL server is asked, at most once a second) and question
    answering's indexes are built (webapp.readiness), else 503 with the reason."""
    probe = getattr(store(), "ready", None)
    reason = probe() if probe is not None else None
    if reason is None:
        reason = questions_pending()  # the first question would wait for its indexes
    if reason is None:
        return jsonify(status="ready", store=store().description)
    response = jsonify(status="unavailable", store=store().description, reason=reason)
    response.status_code = 503
    response.headers["Retry-After"] = "5"
    return response


@bp.get("/favicon.ico")
def favicon():
    """No icon: answer 204 rather than a 404 in every browser console."""
    return "", 204


@bp.get("/")
def home():
    """Dataset statistics and ways in: the conditions, their causes, the warning signs."""
    stats = {row["measure"].value: int(row["value"].value) for row in run(store(), registry()["statistics"])}
    graphs = [(name.rsplit("/", 1)[-1], value) for name, value in sorted(stats.items())
              if name.startswith("triples in ")]
    d = describer(store())
    sections = []
    for title, cls, blurb in ENTRY_POINTS:
        members = [{"iri": row["member"].value, "label": row["memberLabel"].value}
                   for row in run(store(), registry()["class-members"], {"class": str(cls)})]
        sections.append({"title": title, "class": d.link(str(cls)), "blurb": blurb, "members": members})
    start = [d.link(str(iri)) for iri in START_HERE if d.kind(str(iri)) == "entity"]
    return render_template("home.html", stats=stats, graphs=graphs, sections=sections, start=start,
                           triples=sum(v for _, v in graphs))
