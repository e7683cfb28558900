"""webapp.errors: every kind of domain error has its HTTP status here, and only here."""

from __future__ import annotations

import flask
import pytest

from kg.sparql import errors as domain
from kg.store.remote import RemoteError, RemoteTimeout
from webapp import errors


@pytest.mark.parametrize("error, status", [
    (domain.QuerySyntaxError("x", 1, 2), 400), (domain.QueryRefused("x"), 400),
    (domain.QueryRefused("x", kind="forbidden"), 403), (domain.QueryError("x", "p"), 400),
    (domain.QueryError("x", kind="unknown-query"), 404), (domain.NotAcceptable("x", []), 406),
    (domain.EngineError("x"), 500), (RemoteError("x"), 502), (domain.QueryTimeout("x"), 503),
    (RemoteTimeout("x"), 503), (domain.EngineBusy("x"), 503),
])
def test_status_of_each_kind(error, status):
    assert errors.status_of(error) == status
    assert not hasattr(error, "status")  # the domain does not know HTTP


def test_a_remote_failure_on_any_page():
    app = flask.Flask(__name__)
    errors.init_app(app)

    @app.get("/page")
    def page():
        raise RemoteTimeout("the SPARQL endpoint did not answer within 1 s")

    response = app.test_client().get("/page")
    assert response.status_code == 503
    assert response.get_data(as_text=True).startswith("The SPARQL server behind this app could not answer")


def test_protocol_failure_says_where_and_when():
    with flask.Flask(__name__).test_request_context("/sparql", headers={"Accept": "application/json"}):
        response = errors.protocol_failure(domain.QuerySyntaxError("syntax error at line 2", 2, 5))
        assert response.status_code == 400 and response.get_json()["line"] == 2
        response = errors.protocol_failure(domain.EngineBusy("busy"))
        assert response.status_code == 503 and response.headers["Retry-After"] == "1"
