"""Blueprint for asking questions: the /ask page and the JSON API GET /api/ask?q=."""

from __future__ import annotations

from flask import Blueprint, jsonify, make_response, render_template, request

from kg.namespaces import editor_path
from kg.qa.ask import MAX_QUESTION_CHARS, BadQuestion, ask, examples, group_evidence
from webapp import state
from webapp.cache import cached

from .api import register_path

bp = Blueprint("ask", __name__)

register_path("/api/ask", {"get": {
    "operationId": "ask",
    "summary": "Answer a question in plain English",
    "description": "Answers a relationship question from the graph with the named SPARQL query that produced "
                   "the answer and the article's sentences behind it, or abstains (answered: false) when the "
                   "article does not say.",
    "tags": ["questions"],
    "parameters": [{"name": "q", "in": "query", "required": True, "description": "the question",
                    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_QUESTION_CHARS,
                               # Text: at least one visible character, no control characters.
                               "pattern": r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*"
                                          r"[^\s\u0000-\u001f][^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$"},
                    "example": "What can cause knee twitching?"}],
    "responses": {
        "200": {"description": "An answer or an abstention", "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Answer"}}}},
        "400": {"description": "A missing, empty, binary or too long question", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
    },
}}, schemas={"Answer": {
    "type": "object",
    "required": ["question", "answered", "kind", "answers", "boolean", "count", "query", "evidence",
                 "message", "reading", "alternatives"],
    "properties": {
        "question": {"type": "string"},
        "answered": {"type": "boolean"},
        "kind": {"type": "string", "enum": ["list", "boolean", "count", "describe", "abstain"]},
        "answers": {"type": "array", "items": {"type": "object", "required": ["iri", "label", "url"],
                                               "properties": {"iri": {"type": "string"},
                                                              "label": {"type": "string"},
                                                              "url": {"type": "string"}}}},
        "boolean": {"type": ["boolean", "null"]},
        "count": {"type": ["integer", "null"]},
        "query": {"type": ["object", "null"]},
        "evidence": {"type": "array", "items": {"type": "object"}},
        "message": {"type": "string"},
        "reading": {"type": "string", "description": "how the question was read, in plain words ('I read this as: …')"},
        "alternatives": {"type": "array", "description": "up to three other readings, each a question to ask instead",
                         "items": {"type": "object", "properties": {"reading": {"type": "string"},
                                                                    "question": {"type": "string"},
                                                                    "url": {"type": "string"}}}},
        "closest": {"type": "array", "description": "the article's closest statements when no reading fits (never an answer)"},
        "lay_words": {"type": "array"},
        "unknown": {"type": "array", "items": {"type": "string"}},
        "groups": {"type": "array"},
    }}})


def _answer(question: str) -> dict:
    """Answer ``question`` on the app's store and add the app's links (query editor)."""
    result = ask(state.store(), question).to_dict()
    if result["query"]:
        result["query"]["editor"] = editor_path(result["query"]["sparql_with_values"])
    return result


def _headline(answer: dict) -> tuple[str, str]:
    """Split a yes/no or count answer into its verdict ("Yes", "No", "18") and the sentence after it."""
    message = answer["message"]
    if answer["kind"] == "boolean" and answer["boolean"] is not None:
        verdict = "Yes" if answer["boolean"] else "No"
        for sep in (": ", " — "):
            if message.startswith(verdict + sep):
                return verdict, message[len(verdict) + len(sep):]
        return verdict, message
    if answer["kind"] == "count":
        return str(answer["count"]), message
    return "", message


@bp.get("/api/ask")
def api():
    """Answer ``q`` as JSON; 400 with an ``error`` for a missing, empty, too long or binary question."""
    question = request.args.get("q")
    if question is None:
        return jsonify(error="missing parameter 'q' (the question)"), 400
    if (waiting := state.questions_pending()) is not None:
        return _not_yet(jsonify(error=f"not yet: {waiting}; try again shortly", question=question[:MAX_QUESTION_CHARS]))
    try:
        # The graph is immutable while served: an answer is a pure function of the question.
        return cached(("api/ask", question), lambda: jsonify(_answer(question)))
    except BadQuestion as exc:
        return jsonify(error=str(exc), question=question[:MAX_QUESTION_CHARS]), 400


@bp.get("/ask")
def page():
    """The question box, example questions, and the answer with its SPARQL and evidence."""
    question = request.args.get("q")
    answer = error = None
    verdict = text = ""
    passages: list[dict] = []
    status = 200
    if question is not None and (waiting := state.questions_pending()) is not None:
        error, status = f"Not yet: {waiting}. Please try again shortly.", 503
    elif question is not None:
        try:
            answer = _answer(question)
            verdict, text = _headline(answer)
            passages = group_evidence(answer["evidence"])
        except BadQuestion as exc:
            error, status = str(exc), 400
    page = render_template("ask.html", q=(question or "")[:MAX_QUESTION_CHARS], answer=answer, error=error,
                           verdict=verdict, text=text, passages=passages, examples=examples(),
                           max_chars=MAX_QUESTION_CHARS), status
    return _not_yet(make_response(*page)) if status == 503 else page


def _not_yet(response):
    """A 503 for a question asked before question answering's indexes are built, with when to ask again."""
    response.status_code = 503
    response.headers["Retry-After"] = "5"
    response.headers["Cache-Control"] = "no-store"
    return response
