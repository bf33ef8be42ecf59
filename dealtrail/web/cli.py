"""The `dealtrail` command: serve the API, initialise the stores, manage API tokens."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import ScriptInfo, with_appcontext
from flask_smorest.spec import openapi_cli
from gunicorn.app.base import BaseApplication

from dealtrail.application.commands import tokens as api_tokens
from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services
from dealtrail.demo.load import Demo, load_demo
from dealtrail.domain.errors import DomainError
from dealtrail.domain.metadata import recording
from dealtrail.web.app import create_app
from dealtrail.web.cli_audit import audit
from dealtrail.web.cli_call import call
from dealtrail.web.cli_import import import_group
from dealtrail.web.cli_operator import operator
from dealtrail.web.cli_privacy import privacy
from dealtrail.web.cli_projections import projections
from dealtrail.web.cli_services import command_services
from dealtrail.web.heads import sign_heads_in_background
from dealtrail.web.logs import configure_logging
from dealtrail.web.services import DatabaseURLError, StoreFormatMismatch, services


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


@click.group("dealtrail")
@click.version_option(
    package_name="dealtrail",
    message=f"dealtrail %(version)s (eventsourcing {version('eventsourcing')})",
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """dealtrail: the system of record for technology-transfer deals."""
    # Commands open the stores when they run (those marked `with_appcontext` build the whole
    # app, the others only the services, see cli_services); --help, --version and listing the
    # commands never do.
    ctx.obj = ScriptInfo(create_app=_create_app, set_debug_flag=False)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--dev", is_flag=True, help="Flask's development server (one process) instead.")
@click.option("--reload", is_flag=True, help="--dev, restarting when the code changes.")
@click.option("--demo", is_flag=True, help="Load the demo conference first, into an empty store.")
@with_appcontext
def serve(host: str, port: int, workers: int, dev: bool, reload: bool, demo: bool) -> None:
    """Serve the API with gunicorn (or Flask's development server with --dev)."""
    if demo:
        head = services().ledger.recorder.max_notification_id()
        if head:
            click.echo(f"dealtrail: the store already holds {head} events; demo not loaded")
        else:
            _load_demo(services())
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
            "keepalive": 5,
            # A list query with a long cursor and a long non-ASCII filter, percent-encoded,
            # passes gunicorn's default 4 KiB request line: allow its maximum.
            "limit_request_line": 8190,
            # One shared socket path for every server on the machine, which the first to stop
            # deletes: dealtrail is controlled by signals, as process managers do.
            "control_socket_disable": True,
        }
    ).run()


@cli.command()
def init() -> None:
    """Create the stores' tables if missing and migrate those the log cannot rebuild (serving
    does this too; it is idempotent)."""
    settings = command_services().settings
    where = settings.database_url or str(settings.data_dir)
    click.echo(f"dealtrail: stores ready at {where}")


@cli.group("demo")
def demo_group() -> None:
    """The demo conference: parties, roadshows, 505 achievements, agreements, deals."""


@demo_group.command("load")
def demo_load() -> None:
    """Record the demo through the application (a second run adds nothing)."""
    _load_demo(command_services())


def _load_demo(svc: Services) -> None:
    total = Demo(svc.ledger, conference=True).count()
    with click.progressbar(length=total, label="dealtrail: loading the demo conference") as bar:
        load_demo(svc.ledger, bar.update, conference=True)
    svc.read_models.catch_up()
    click.echo("dealtrail: demo loaded; try: dealtrail tokens create --role staff --name you")


@cli.group()
def tokens() -> None:
    """Create, list and revoke API tokens."""


@tokens.command("create")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--name", required=True, help="Whose token this is: recorded on every event.")
def create_token(role: str, name: str) -> None:
    """Create a token; its secret is printed once and never stored. Recorded as an event."""
    svc = command_services()
    with recording(operator()):
        try:
            info, secret, _ = api_tokens.issue_token(svc.ledger, svc.tokens, name, Role(role))
        except DomainError as error:
            raise click.ClickException(error.message) from None
    click.echo(f"token id: {info.token_id}  role: {info.role}  name: {info.name}", err=True)
    click.echo(secret)


@tokens.command("list")
def list_tokens() -> None:
    """List tokens (never their secrets)."""
    for t in command_services().tokens.list():
        state = f"revoked {t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "active"
        click.echo(f"{t.token_id}  {t.role:<9}  {state:<24}  {t.name}  (by {t.created_by})")


@tokens.command("revoke")
@click.argument("token_id")
def revoke_token(token_id: str) -> None:
    """Revoke a token by its id: it stops working at once. Recorded as an event."""
    svc = command_services()
    with recording(operator()):
        if not api_tokens.revoke_token(svc.ledger, svc.tokens, token_id):
            raise click.ClickException(f"no active token with id {token_id}")
    click.echo(f"revoked {token_id}")


cli.add_command(audit)
cli.add_command(privacy)
cli.add_command(call)
cli.add_command(projections)
cli.add_command(import_group)
cli.add_command(openapi_cli)


def main() -> None:
    cli()
