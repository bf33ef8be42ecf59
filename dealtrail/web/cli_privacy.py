"""`dealtrail privacy forget`: erase a data subject's personal data (crypto-shredding)."""

from __future__ import annotations

import click

from dealtrail.application.commands.privacy import forget as forget_subject
from dealtrail.domain.errors import DomainError
from dealtrail.domain.metadata import recording
from dealtrail.web.cli_operator import operator
from dealtrail.web.cli_services import command_services


@click.group("privacy")
def privacy() -> None:
    """Data protection: forget data subjects without breaking the audit proof."""


@privacy.command("forget")
@click.argument("name")
@click.option("--reason", required=True, help="Why (recorded with the erasure).")
def forget(name: str, reason: str) -> None:
    """Destroy the keys of NAME (a signatory's or contact's name): it reads as erased
    everywhere; the history, `audit verify` and exported bundles still check out. A name with
    no personal data on record is refused (exit 1): nothing is destroyed or recorded."""
    svc = command_services()
    scopes = svc.views.parties.ids()
    with recording(operator(), comment=reason):
        try:
            result = forget_subject(svc.ledger, name, reason, scopes)
        except DomainError as error:
            raise click.ClickException(error.message) from None
    erasure = result.aggregate
    click.echo(
        f"forgot {len(erasure.subjects)} data subject key(s); erasure recorded at log position "
        f"{result.position}"
    )
