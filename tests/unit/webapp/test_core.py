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
