"""The `dealtrail` command: serve the API, initialise the stores, manage API tokens.

Each command's module is imported when that command runs: a command that only records or reads
imports neither Flask's app, its OpenAPI document, gunicorn nor the demo."""

from __future__ import annotations

import importlib
from importlib.metadata import version

import click

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


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY:
            module, _, attribute = LAZY[cmd_name].partition(":")
            command: click.Command = getattr(importlib.import_module(module), attribute)
            return command
        return super().get_command(ctx, cmd_name)


@click.group("dealtrail", cls=_LazyGroup)
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
