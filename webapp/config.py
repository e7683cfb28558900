"""Every setting of the web app in one table: its key, its default, its environment variable, what it means.

``create_app(config)`` starts from :func:`load` (the defaults, then the environment), then the
mapping it is given. Nothing else in the app reads ``os.environ`` or supplies a default of its
own; which graph file is served is decided here alone (:func:`graph_file`).

Not app settings, and read where they belong: ``SOURCE_DATE_EPOCH`` (the build time in the
dataset description, ``kg.views.void.build_time``, also for ``kneekg export``), the ``kneekg``
command line's own options, and the tests' ``KG_CHROMIUM`` / ``CI``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from kg import paths


@dataclass(frozen=True)
class Setting:
    """One configuration key: its default, the environment variable that overrides it, and its meaning."""

    key: str
    default: Any
    meaning: str
    env: str | None = None
    parse: Callable[[str], Any] = str


SETTINGS: tuple[Setting, ...] = (
    Setting("STORE", None, "an already-built GraphStore to serve (tests pass a small one); wins over the two below"),
    Setting("SPARQL_ENDPOINT", None, "serve a remote SPARQL endpoint (RemoteStore) instead of the embedded store",
            "KG_SPARQL_ENDPOINT"),
    Setting("OXIGRAPH_STORE", None, "serve this RocksDB folder with Oxigraph servers that `kneekg serve` runs and "
            "supervises (kg/store/lanes.py: an ad-hoc query that outlives its time limit is stopped by ending its "
            "server); loaded from the graph file first when it holds no store", "KG_OXIGRAPH_STORE", Path),
    Setting("OXIGRAPH_LANES", None, "the running lanes of OXIGRAPH_STORE (set by `kneekg serve`)"),
    Setting("GRAPH_PATH", None, "the N-Quads file the embedded store loads; None: release/graph.nq"),
    Setting("BASE_IRI", None, "publish the graph's IRIs under this base; None: the graph's own (w3id.org)",
            "KG_BASE_IRI"),
    Setting("QUERY_TIMEOUT", 10.0, "seconds a SPARQL query may run (a remote store's HTTP timeout too)",
            "KG_QUERY_TIMEOUT", float),
    Setting("ROW_LIMIT", 10000, "rows at most in a SPARQL or named-query result (0 or None: no cap)",
            "KG_ROW_LIMIT", int),
    Setting("QUERY_WORKERS", None, "query processes per server process; None: 6; 0: in process (no time limit)",
            "KG_QUERY_WORKERS", int),
    Setting("QUERIES_PER_CLIENT", 2, "ad-hoc SPARQL queries one client (address) may run at once, server-wide; "
            "more get 429 (0: no limit)", "KG_QUERIES_PER_CLIENT", int),
    Setting("QUERY_QUEUE", 4, "ad-hoc queries that may wait per server process when every query process is busy; "
            "more get 503", "KG_QUERY_QUEUE", int),
    Setting("QUERY_NICE", 0, "the query processes' nice value (a query running past 0.5 s is moved to 19)",
            "KG_QUERY_NICE", int),
    Setting("QUERY_INLINE", True, "evaluate SPARQL queries proven cheap (kg/sparql/cheap.py) in the serving thread "
            "instead of a query process", "KG_QUERY_INLINE", lambda v: v.strip().lower() not in ("0", "false", "no", "off")),
    Setting("SPARQL_FAST_PATH", True, "answer a plain GET /sparql?query= that is cached or proven cheap without the "
            "framework, with the app's response (webapp/fastpath.py); everything else goes to the app",
            "KG_SPARQL_FAST_PATH", lambda v: v.strip().lower() not in ("0", "false", "no", "off")),
    Setting("TABLED_ANSWERS", True, "answer one-parameter `computed: once` named queries on the embedded store from "
            "the rows kept for each value (kg/store/once.py); off: evaluate them (to compare with servers that do)",
            "KG_TABLED_ANSWERS", lambda v: v.strip().lower() not in ("0", "false", "no", "off")),
    Setting("QUERY_CACHE_SIZE", 256, "SPARQL results the engine keeps (0: none)"),
    Setting("QUERY_CACHE_BYTES", 32 << 20, "bytes the engine's kept results may take in all, per server process",
            "KG_QUERY_CACHE_BYTES", int),
    Setting("RESPONSE_CACHE_SIZE", 1024, "whole responses the response cache keeps (0: none)"),
    Setting("RESPONSE_CACHE_BYTES", 64 << 20, "bytes the response cache may hold in all, per server process",
            "KG_RESPONSE_CACHE_BYTES", int),
    Setting("DOCUMENT_CACHE_BYTES", 128 << 20, "bytes the generated downloads and descriptions may hold in all, "
            "per server process", "KG_DOCUMENT_CACHE_BYTES", int),
    Setting("MAX_BODY_BYTES", 1 << 20, "largest request body accepted (413 beyond, before anything is read)",
            "KG_MAX_BODY_BYTES", int),
    Setting("MAX_URL_BYTES", 64 << 10, "longest request target (path and query string) accepted (414 beyond)",
            "KG_MAX_URL_BYTES", int),
    Setting("PUBLIC_URL", "http://127.0.0.1:5000", "the app's public base URL, written into the dataset and "
            "service descriptions, dumps and the API description (never taken from a request's Host header); "
            "`kneekg serve` sets it to where it listens unless given", "KG_PUBLIC_URL",
            lambda raw: raw.rstrip("/")),
    Setting("SNAPSHOT_DIR", None, "where what is built from the graph at start (question answering's indexes, "
            "page models) is kept per graph digest, so the next start loads it (kg/store/snapshot.py); None: "
            "nowhere; `kneekg serve` sets it to $XDG_CACHE_HOME/kneekg (~/.cache/kneekg) unless given",
            "KG_SNAPSHOT_DIR", Path),
    Setting("FRONT_TOKEN", None, "the secret the server's own nginx sends with each request (set by "
            "`kneekg serve`): only then is its X-Real-IP believed as the client's address"),
)


def cache_budget(config: Mapping[str, Any]) -> int:
    """Bytes every cache of one server process may hold in all (results, responses, documents, analyses,
    pattern counts).

    >>> cache_budget(DEFAULTS) >> 20
    229
    """
    return sum(int(get(config, key)) for key in ("QUERY_CACHE_BYTES", "RESPONSE_CACHE_BYTES",
                                                 "DOCUMENT_CACHE_BYTES")) + (4 << 20) + (1 << 20)


def public_url(config: Mapping[str, Any]) -> str:
    """The configured public base URL, without a trailing slash.

    >>> public_url({}), public_url({"PUBLIC_URL": "https://kg.example.org/"})
    ('http://127.0.0.1:5000', 'https://kg.example.org')
    """
    return str(get(config, "PUBLIC_URL")).rstrip("/")


def load(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The defaults of every setting, overridden by their environment variables.

    >>> load({})["QUERY_TIMEOUT"], load({"KG_QUERY_TIMEOUT": "2.5"})["QUERY_TIMEOUT"]
    (10.0, 2.5)
    >>> load({"KG_ROW_LIMIT": "5"})["ROW_LIMIT"], load({})["SPARQL_ENDPOINT"] is None
    (5, True)
    """
    environ = os.environ if environ is None else environ
    values = {}
    for setting in SETTINGS:
        raw = environ.get(setting.env) if setting.env else None
        values[setting.key] = setting.default if raw is None else setting.parse(raw)
    return values


DEFAULTS: dict[str, Any] = {setting.key: setting.default for setting in SETTINGS}


def get(config: Mapping[str, Any], key: str) -> Any:
    """A setting from ``config``, or its default when the app was configured without it (a bare Flask app).

    >>> get({}, "RESPONSE_CACHE_SIZE"), get({"RESPONSE_CACHE_SIZE": 3}, "RESPONSE_CACHE_SIZE")
    (1024, 3)
    """
    return config[key] if key in config else DEFAULTS[key]


def graph_file(config: Mapping[str, Any]) -> Path | None:
    """The N-Quads file the app serves, or None when it serves a store it was given or a remote endpoint.

    >>> graph_file({"STORE": object()}) is None, graph_file({"SPARQL_ENDPOINT": "http://x/sparql"}) is None
    (True, True)
    >>> graph_file({}) == paths.RELEASE_DIR / paths.GRAPH_NQ, graph_file({"GRAPH_PATH": "g.nq"})
    (True, PosixPath('g.nq'))
    """
    if config.get("STORE") is not None or config.get("SPARQL_ENDPOINT") or config.get("OXIGRAPH_LANES"):
        return None
    return Path(config.get("GRAPH_PATH") or paths.RELEASE_DIR / paths.GRAPH_NQ)


def default_snapshot_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where `kneekg serve` keeps snapshots unless told: ``$XDG_CACHE_HOME/kneekg``, else ``~/.cache/kneekg``.

    >>> default_snapshot_dir({"XDG_CACHE_HOME": "/c"}), default_snapshot_dir({"HOME": "/h"})
    (PosixPath('/c/kneekg'), PosixPath('/h/.cache/kneekg'))
    """
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CACHE_HOME") or str(Path(environ.get("HOME") or Path.home()) / ".cache")
    return Path(base) / "kneekg"


def serves_release(config: Mapping[str, Any]) -> bool:
    """Whether the app serves the committed release itself (so ``release/`` files can be handed out as they are).

    >>> serves_release({}), serves_release({"GRAPH_PATH": "other.nq"}), serves_release({"STORE": object()})
    (True, False, False)
    """
    return graph_file(config) is not None and not config.get("GRAPH_PATH")
