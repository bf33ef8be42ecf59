"""`dealtrail tokens ...`: create, list and revoke API tokens. Listing opens the token table
alone; creating and revoking (cli_token_changes.py) record events, through the ledger."""

from __future__ import annotations

import click

from dealtrail.web.cli_lazy import LazyGroup
from dealtrail.web.cli_services import command_tokens


@click.group(
    cls=LazyGroup,
    lazy={
        "create": "dealtrail.web.cli_token_changes:create_token",
        "revoke": "dealtrail.web.cli_token_changes:revoke_token",
    },
)
def tokens() -> None:
    """Create, list and revoke API tokens."""


@tokens.command("list")
def list_tokens() -> None:
    """List tokens (never their secrets)."""
    for t in command_tokens().list():
        state = f"revoked {t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "active"
        click.echo(f"{t.token_id}  {t.role:<9}  {state:<24}  {t.name}  (by {t.created_by})")
