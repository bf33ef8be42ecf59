"""`dealtrail call`: any API operation from the command line, in-process, with the API's rules."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from dealtrail.application.ports.tokens import Principal, Role
from dealtrail.web.access import IN_PROCESS_PRINCIPAL
from dealtrail.web.cli_files import opened
from dealtrail.web.cli_operator import os_user


@click.command("call")
@click.argument("method", type=click.Choice(["GET", "POST", "PUT", "DELETE"], case_sensitive=False))
@click.argument("path")
@click.option("--data", help="JSON body, or @FILE to read it from a file, or @- for stdin.")
@click.option(
    "--role", type=click.Choice([r.value for r in Role]), default="staff", show_default=True
)
@click.option("--idempotency-key", help="Makes the command safe to retry.")
@click.option("--if-match", help="The version (ETag) you expect.")
@with_appcontext
def call(
    method: str,
    path: str,
    data: str | None,
    role: str,
    idempotency_key: str | None,
    if_match: str | None,
) -> None:
    """Run one API request as the operating-system user, e.g.

    dealtrail call POST /api/v1/parties --data '{"name": "...", "kind": "company", "country": "CN"}'

    Validation, roles, idempotency and the recorded metadata are exactly the API's; the actor is
    `<role>:cli:<user>`. Prints the response body; exits 1 on an error status.
    """
    body = _body(data)
    headers = {"Content-Type": "application/json"}
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    if if_match:
        headers["If-Match"] = f'"{if_match}"'
    principal = Principal(None, os_user(), Role(role))
    client = current_app.test_client()
    response = client.open(
        path,
        method=method.upper(),
        data=body,
        headers=headers,
        environ_base={IN_PROCESS_PRINCIPAL: principal},
    )
    click.echo(f"{response.status}  ETag: {response.headers.get('ETag', '-')}", err=True)
    text = response.get_data(as_text=True)
    try:
        click.echo(json.dumps(json.loads(text), indent=2, ensure_ascii=False))
    except ValueError:
        click.echo(text)
    if response.status_code >= 400:
        raise click.exceptions.Exit(1)


def _body(data: str | None) -> bytes | None:
    if data is None:
        return None
    if data == "@-":
        return sys.stdin.read().encode()
    if data.startswith("@"):
        with opened(Path(data[1:]), "rb") as file:
            return file.read()
    return data.encode()
