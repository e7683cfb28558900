"""webapp.state: the store, engine and caches attached once per app and reached through accessors."""

from __future__ import annotations

import pytest

from webapp import create_app, state


@pytest.mark.parametrize("app", ["embedded"], indirect=True)
def test_accessors_inside_and_outside_a_request(app, mini_store):
    assert state.store(app) is mini_store and state.engine(app).store is mini_store
    with app.app_context():
        assert state.store() is mini_store and state.response_cache() is state.response_cache(app)
        assert state.files() is state.files(app)


def test_two_apps_share_nothing(mini_store):
    one, two = create_app({"STORE": mini_store}), create_app({"STORE": mini_store})
    assert state.engine(one) is not state.engine(two)
    assert state.response_cache(one) is not state.response_cache(two)


@pytest.mark.parametrize("app", ["embedded"], indirect=True)
def test_the_dataset_is_read_once(app):
    data = state.dataset(app)
    assert data is state.dataset(app) and len(data) == len(state.store(app))
