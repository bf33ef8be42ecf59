"""The services a CLI command works with, built by the composition root when the command first
asks for them: a command that only records or reads needs no web app (no routes, no OpenAPI
document), and one that reads the API tokens only the token table. They are closed when the
command ends, since in-process callers run many."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import click

from dealtrail.stores import DatabaseURLError, Settings, StoreFormatMismatch, token_store

if TYPE_CHECKING:
    from dealtrail.application.ports.tokens import TokenStore
    from dealtrail.bootstrap import Services

KEY = "dealtrail.services"
T = TypeVar("T")


def command_services() -> Services:
    """Settings that do not match the store, or a database URL that is not PostgreSQL's, end
    the command in one line."""
    context = click.get_current_context().find_root()
    built: Services | None = context.meta.get(KEY)
    if built is None:
        # imported here: the whole application and infrastructure, which `tokens list` skips
        bootstrap = importlib.import_module("dealtrail.bootstrap").bootstrap
        built = _opening(lambda: bootstrap(Settings.from_env()))
        context.meta[KEY] = built
        context.call_on_close(built.close)
    return built


def command_tokens() -> TokenStore:
    """The API tokens alone (the services' own, if the command built them)."""
    context = click.get_current_context().find_root()
    built: Services | None = context.meta.get(KEY)
    if built is not None:
        return built.tokens
    store = _opening(lambda: token_store(Settings.from_env()))
    context.call_on_close(store.engine.dispose)
    return store


def _opening(open_: Callable[[], T]) -> T:
    try:
        return open_()
    except (StoreFormatMismatch, DatabaseURLError) as error:
        raise click.ClickException(str(error)) from None
