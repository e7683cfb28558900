"""Blueprint for asking questions: the /ask page and the JSON API GET /api/ask?q=."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, current_app, jsonify, render_template, request

from kg.ask import MAX_QUESTION_CHARS, BadQuestion, ask, examples

bp = Blueprint("ask", __name__)


def _answer(question: str) -> dict:
    """Answer ``question`` on the app's store and add the app's links (query editor)."""
    result = ask(current_app.extensions["kg_store"], question).to_dict()
    for query in [result["query"], *((result["query"] or {}).get("also", []))]:
        if query:
            query["editor"] = "/query?" + urlencode({"query": query["sparql_with_values"]})
    return result


@bp.get("/api/ask")
def api():
    """Answer ``q`` as JSON; 400 with an ``error`` for a missing, empty, too long or binary question."""
    question = request.args.get("q")
    if question is None:
        return jsonify(error="missing parameter 'q' (the question)"), 400
    try:
        return jsonify(_answer(question))
    except BadQuestion as exc:
        return jsonify(error=str(exc), question=question[:MAX_QUESTION_CHARS]), 400


@bp.get("/ask")
def page():
    """The question box, example questions, and the answer with its SPARQL and evidence."""
    question = request.args.get("q")
    answer = error = None
    status = 200
    if question is not None:
        try:
            answer = _answer(question)
        except BadQuestion as exc:
            error, status = str(exc), 400
    return render_template("ask.html", q=(question or "")[:MAX_QUESTION_CHARS], answer=answer, error=error,
                           examples=examples(), max_chars=MAX_QUESTION_CHARS), status
