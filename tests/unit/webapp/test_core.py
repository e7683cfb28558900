"""The app factory, health check and home page."""


def test_healthz_answers_once_the_graph_is_loaded(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_readyz_is_ready_on_the_embedded_store(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.get_json()["status"] == "ready"


def test_home_shows_counts_and_the_not_medical_advice_note(client):
    html = client.get("/").get_data(as_text=True)
    assert "not medical advice" in html
    assert "entities" in html


def test_security_headers_on_every_response_unless_a_view_sets_its_own(mini_store):
    from flask import Response

    from webapp import create_app
    from webapp.core import SECURITY_HEADERS

    app = create_app({"TESTING": True, "STORE": mini_store})
    app.add_url_rule("/own", "own", lambda: Response("x", headers={"content-security-policy": "default-src 'none'"}))
    client = app.test_client()
    for path in ("/healthz", "/sparql?query=ASK%7B%7D", "/no-such-page"):
        response = client.get(path)
        assert {name: response.headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS, path
        assert all(len(response.headers.get_all(name)) == 1 for name in SECURITY_HEADERS), path
    own = client.get("/own")
    assert own.headers.get_all("Content-Security-Policy") == ["default-src 'none'"]
    assert own.headers["X-Content-Type-Options"] == "nosniff"
