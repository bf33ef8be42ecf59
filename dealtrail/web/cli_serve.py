"""`dealtrail serve`, and the Flask app for the commands that need one (`serve`, `call`,
`openapi ...`): imported only when one of them runs, so the others never build it."""

from __future__ import annotations

from typing import Any

import click
from flask import Flask, current_app
from flask.cli import ScriptInfo, with_appcontext
from gunicorn.app.base import BaseApplication

from dealtrail.web.app import create_app
from dealtrail.web.cli_demo import load_demo_into
from dealtrail.web.heads import sign_heads_in_background
from dealtrail.web.logs import configure_logging
from dealtrail.web.services import DatabaseURLError, StoreFormatMismatch, services

CONNECTIONS = 1000  # a worker's open connections, at most (gunicorn's default)


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        configure_logging()
        app = create_app()
        sign_heads_in_background(app.extensions["dealtrail"])  # in each worker, after the fork
        return app


def _create_app() -> Flask:
    """The app for a command; settings that do not match the store, or a database URL that is
    not PostgreSQL's, end it in one line."""
    try:
        app = create_app()
    except (StoreFormatMismatch, DatabaseURLError) as error:
        raise click.ClickException(str(error)) from None
    # the stores' connections close when the command ends (in-process callers run many)
    click.get_current_context().call_on_close(app.extensions["dealtrail"].close)
    return app


def script_info() -> ScriptInfo:
    """What `with_appcontext` builds the app from (when the command runs, not before)."""
    return ScriptInfo(create_app=_create_app, set_debug_flag=False)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Processes."
)
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(1, 12),  # each may hold a connection of each store's pool (15 each)
    help="Threads a process, each serving one request at a time. A connection gets one only "
    "once its request line and headers have arrived, so slow clients hold none; up to "
    f"{CONNECTIONS} connections a process are held.",
)
@click.option("--dev", is_flag=True, help="Flask's development server (one process) instead.")
@click.option("--reload", is_flag=True, help="--dev, restarting when the code changes.")
@click.option("--demo", is_flag=True, help="Load the demo conference first, into an empty store.")
@with_appcontext
def serve(
    host: str, port: int, workers: int, threads: int, dev: bool, reload: bool, demo: bool
) -> None:
    """Serve the API with gunicorn (or Flask's development server with --dev)."""
    if demo:
        head = services().ledger.recorder.max_notification_id()
        if head:
            click.echo(f"dealtrail: the store already holds {head} events; demo not loaded")
        else:
            load_demo_into(services())
    settings = services().settings
    store = (settings.database_url and "PostgreSQL") or f"SQLite in {settings.data_dir}"
    click.echo(f"dealtrail: serving http://{host}:{port}/api/docs  (store: {store})")
    if dev or reload:
        sign_heads_in_background(services())
        current_app.run(host=host, port=port, use_reloader=reload, load_dotenv=False)
        return
    services().close()
    _Gunicorn(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "dealtrail.web.worker.HeadFirstWorker",
            "threads": threads,
            "worker_connections": CONNECTIONS,
            "keepalive": 5,
            # A list query with a long cursor and a long non-ASCII filter, percent-encoded,
            # passes gunicorn's default 4 KiB request line: allow its maximum.
            "limit_request_line": 8190,
            # One shared socket path for every server on the machine, which the first to stop
            # deletes: dealtrail is controlled by signals, as process managers do.
            "control_socket_disable": True,
        }
    ).run()
