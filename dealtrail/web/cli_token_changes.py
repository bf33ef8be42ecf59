"""`dealtrail tokens create` and `revoke`: each recorded as an event."""

from __future__ import annotations

import click

from dealtrail.application.commands import tokens as api_tokens
from dealtrail.application.ports.tokens import Role
from dealtrail.domain.errors import DomainError
from dealtrail.domain.metadata import recording
from dealtrail.web.cli_operator import operator
from dealtrail.web.cli_services import command_services


@click.command("create")
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


@click.command("revoke")
@click.argument("token_id")
def revoke_token(token_id: str) -> None:
    """Revoke a token by its id: it stops working at once. Recorded as an event."""
    svc = command_services()
    with recording(operator()):
        if not api_tokens.revoke_token(svc.ledger, svc.tokens, token_id):
            raise click.ClickException(f"no active token with id {token_id}")
    click.echo(f"revoked {token_id}")
