"""The `dealtrail` command: serve the API, initialise the stores, manage API tokens.

Each command's module is imported when that command runs: a command that only records or reads
imports neither Flask's app, its OpenAPI document, gunicorn nor the demo."""

from __future__ import annotations

import importlib

import click

from dealtrail.web.cli_lazy import LazyGroup
from dealtrail.web.cli_services import command_services

# command -> "module:attribute", imported when it runs (or when --help lists them all)
LAZY = {
    "audit": "dealtrail.web.cli_audit:audit",
    "call": "dealtrail.web.cli_call:call",
    "demo": "dealtrail.web.cli_demo:demo_group",
    "import": "dealtrail.web.cli_import:import_group",
    "openapi": "flask_smorest.spec:openapi_cli",
    "privacy": "dealtrail.web.cli_privacy:privacy",
    "projections": "dealtrail.web.cli_projections:projections",
    "serve": "dealtrail.web.cli_serve:serve",
    "tokens": "dealtrail.web.cli_tokens:tokens",
}
# the commands that run inside the Flask app (`with_appcontext`): only they build it
APP_COMMANDS = frozenset({"call", "openapi", "serve"})


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    # read when asked only: importing the package metadata takes a tenth of a second
    version = importlib.import_module("importlib.metadata").version
    click.echo(f"dealtrail {version('dealtrail')} (eventsourcing {version('eventsourcing')})")
    ctx.exit()


@click.group("dealtrail", cls=LazyGroup, lazy=LAZY)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """dealtrail: the system of record for technology-transfer deals."""
    # Commands open the stores when they run (those marked `with_appcontext` build the whole
    # app, the others only the services, see cli_services); --help, --version and listing the
    # commands never do.
    if ctx.invoked_subcommand in APP_COMMANDS:
        ctx.obj = importlib.import_module("dealtrail.web.cli_serve").script_info()


@cli.command()
def init() -> None:
    """Create the stores' tables if missing and migrate those the log cannot rebuild (serving
    does this too; it is idempotent)."""
    settings = command_services().settings
    where = settings.database_url or str(settings.data_dir)
    click.echo(f"dealtrail: stores ready at {where}")


def main() -> None:
    cli()
