"""``kneekg query`` (named query, file, stdin; every output format) and ``kneekg serve`` under gunicorn."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
import requests
from click.testing import CliRunner

from cli.main import main
from tests.support.live import free_port

KG = "https://w3id.org/kneekg/id/"


def invoke(*args, input=None):
    return CliRunner().invoke(main, ["query", *args], input=input, catch_exceptions=False)


def test_named_query_as_a_table():
    result = invoke("causes-of", "--param", "condition=kg:knee-muscle-spasm")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["condition", "cause", "causeLabel", "quote"]
    assert any(line.split()[1] == "kg:caffeine" for line in lines[2:-1])
    assert lines[-1].endswith("rows)")


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_named_query_formats_parse_back(fmt):
    result = invoke("symptoms-of", "-p", "condition=muscle-spasm", "--format", fmt)
    assert result.exit_code == 0
    data = result.stdout_bytes
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode())))
        symptoms = {row["symptom"] for row in rows}
    else:
        parsed = pyoxigraph.parse_query_results(data, format=pyoxigraph.QueryResultsFormat.from_extension(fmt))
        symptoms = {row["symptom"].value for row in parsed}
    assert KG + "pain" in symptoms


def test_ask_query_from_stdin():
    result = invoke("-", "--format", "json", input="ASK { ?s ?p ?o }")
    assert json.loads(result.output)["boolean"] is True
    assert invoke("-", input="ASK { ?s ?p ?o }").output.strip() == "yes"


def test_query_file_as_turtle(tmp_path: Path):
    query = tmp_path / "describe.rq"
    query.write_text("PREFIX kg: <https://w3id.org/kneekg/id/>\nCONSTRUCT WHERE { kg:caffeine ?p ?o }\n")
    result = invoke(str(query), "--format", "ttl")
    assert result.exit_code == 0
    graph = rdflib.Graph().parse(data=result.output, format="turtle")
    assert (rdflib.URIRef(KG + "caffeine"), None, None) in graph
    jsonld = invoke(str(query), "--format", "json")
    assert len(rdflib.Graph().parse(data=jsonld.output, format="json-ld")) == len(graph)


def test_plain_file_takes_params_as_terms(tmp_path: Path):
    query = tmp_path / "labels.rq"
    query.write_text("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?e ?label WHERE { ?e skos:prefLabel ?label }")
    result = invoke(str(query), "-p", "e=kg:caffeine", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [row["label"] for row in rows] == ["Caffeine"]


@pytest.mark.parametrize("args, message", [
    (["causes-of"], "missing parameter 'condition'"),
    (["causes-of", "-p", "colour=red"], "unknown parameter 'colour'"),
    (["causes-of", "-p", "condition=not an iri"], "parameter 'condition'"),
    (["causes-of", "-p", "condition"], "name=value"),
    (["no-such-query-or-file"], "neither a named query nor a file"),
    (["causes-of", "-p", "condition=kg:dehydration", "--format", "ttl"], "CONSTRUCT"),
])
def test_bad_params_exit_2_with_a_clear_message(args, message):
    result = CliRunner().invoke(main, ["query", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_refused_and_malformed_queries_exit_1():
    result = CliRunner().invoke(main, ["query", "-"], input="SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    assert result.exit_code == 1 and "SERVICE" in result.output
    result = CliRunner().invoke(main, ["query", "-"], input="SELECT * WHERE {\n ?s ?p }")
    assert result.exit_code == 1 and "line 2" in result.output


# --- the production server ---------------------------------------------------------------------------------

def test_serve_runs_gunicorn_with_killable_query_workers():
    """`kneekg serve` on loopback: queries answer, a runaway one is cut with 503, and the server keeps serving."""
    port = free_port()
    env = {**os.environ, "KG_QUERY_TIMEOUT": "1.5"}
    kneekg = Path(sys.executable).with_name("kneekg")
    process = subprocess.Popen([str(kneekg), "serve", "--port", str(port), "--workers", "1"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                health = requests.get(base + "/healthz", timeout=2)
                if health.status_code == 200:
                    assert health.json()["status"] == "ok"
                    break
            except requests.ConnectionError:
                time.sleep(0.25)
            assert process.poll() is None, process.stderr.read().decode()
        ok = requests.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert ok.json()["boolean"] is True
        runaway = requests.get(base + "/sparql", timeout=60, params={
            "query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"})
        assert runaway.status_code == 503 and "time limit" in runaway.text
        again = requests.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }", "format": "xml"}, timeout=30)
        assert again.status_code == 200 and again.headers["Content-Type"].startswith("application/sparql-results+xml")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        process.stderr.close()
