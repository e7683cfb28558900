"""The named-query API's OpenAPI description promises only what the endpoint accepts."""

import re

from webapp.api import _PARAM_SCHEMAS


def test_a_string_the_schema_allows_is_never_blank_to_the_endpoint():
    """The endpoint treats a value that str.strip() empties as missing; JSON Schema reads \\s as ECMAScript does."""
    pattern = re.compile(_PARAM_SCHEMAS["string"]["pattern"])
    blank = [chr(c) for c in range(0x10000) if not chr(c).strip() and pattern.search(chr(c))]
    assert blank == []
    for ecmascript_space in (" ", "\t", "\u00a0", "\u2028", "\ufeff"):
        assert pattern.search(ecmascript_space) is None or ecmascript_space.strip()


def test_a_control_character_alone_is_a_clear_400(client):
    response = client.get("/api/queries/label-search", query_string={"text": "\x1e"})
    assert response.status_code == 400
    assert "missing parameter 'text'" in response.get_json()["error"]
