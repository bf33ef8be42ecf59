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
    """Destroy the keys of NAME (a signatory's, contact's or individual party's name): it
    reads as erased everywhere; the history, `audit verify` and exported bundles still check
    out. A name with no personal data on record is refused (exit 1): nothing is destroyed or
    recorded. What an older build recorded in plain text stays in the log: it is named."""
    svc = command_services()
    with recording(operator(), comment=reason):
        try:
            forgotten = forget_subject(svc.ledger, name, reason, svc.views.parties)
        except DomainError as error:
            raise click.ClickException(error.message) from None
    result = forgotten.result
    click.echo(
        f"forgot {len(result.aggregate.subjects)} data subject key(s); erasure recorded at log "
        f"position {result.position}"
    )
    for party_id, versions in forgotten.in_clear.items():
        click.echo(
            f"not erased: party {party_id} was recorded by an older build with its name or "
            f"identifiers in plain text in its events (versions "
            f"{', '.join(map(str, versions))}); they stay in the log: its history, the global "
            "log (/api/v1/events) and audit bundles show them"
        )
