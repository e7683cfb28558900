"""Run the app under gunicorn (a production WSGI server), loopback by default."""

from __future__ import annotations

import os

from gunicorn.app.base import BaseApplication

from . import create_app


class _Server(BaseApplication):
    def __init__(self, app, options: dict):
        self._app = app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self):
        return self._app


def run(host: str = "127.0.0.1", port: int = 5000, workers: int | None = None, config: dict | None = None) -> None:
    """Load the graph once, then fork ``workers`` gunicorn workers that share it."""
    app = create_app(config)
    options = {
        "bind": f"{host}:{port}",
        "workers": workers or os.cpu_count() or 1,
        "accesslog": "-",
        "timeout": 60,
    }
    _Server(app, options).run()
