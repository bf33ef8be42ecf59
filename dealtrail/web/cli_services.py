"""The services a CLI command works with, built by the composition root when the command first
asks for them: a command that only records or reads needs no web app (no routes, no OpenAPI
document). They are closed when the command ends, since in-process callers run many."""

from __future__ import annotations

import click

from dealtrail.bootstrap import (
    DatabaseURLError,
    Services,
    Settings,
    StoreFormatMismatch,
    bootstrap,
)

KEY = "dealtrail.services"


def command_services() -> Services:
    """Settings that do not match the store, or a database URL that is not PostgreSQL's, end
    the command in one line."""
    context = click.get_current_context().find_root()
    built: Services | None = context.meta.get(KEY)
    if built is None:
        try:
            built = bootstrap(Settings.from_env())
        except (StoreFormatMismatch, DatabaseURLError) as error:
            raise click.ClickException(str(error)) from None
        context.meta[KEY] = built
        context.call_on_close(built.close)
    return built
