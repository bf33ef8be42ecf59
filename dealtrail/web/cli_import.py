"""`dealtrail import ...`: bulk imports from files, through the application like any command."""

from __future__ import annotations

from pathlib import Path

import click

from dealtrail.application.achievement_import import ImportReport
from dealtrail.domain.errors import DomainError
from dealtrail.domain.external_ref import DEFAULT_SCOPE
from dealtrail.domain.metadata import recording
from dealtrail.web.cli_files import opened
from dealtrail.web.cli_operator import operator
from dealtrail.web.cli_services import command_services


@click.group("import")
def import_group() -> None:
    """Import records in bulk from files."""


@import_group.command("achievements")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--scope",
    default=DEFAULT_SCOPE,
    show_default=True,
    help="The source the file's external_refs are unique in.",
)
def achievements(path: Path, scope: str) -> None:
    """Import achievements from a CSV file (UTF-8, header row first).

    Columns: external_ref, title, field, trl, transfer_modes (a;b), asking_price_amount,
    asking_price_currency ('negotiable' for no price), owner_name, owner_kind, owner_country,
    contact_name, contact_email; optional: contact_phone, ip_asset_ids (a;b). Missing owner
    parties are registered. Good rows are imported and bad rows reported by line and column; a
    second run adds nothing. Exits 1 if any row was rejected.
    """
    svc = command_services()
    try:
        with opened(path, encoding="utf-8-sig") as file:
            text = file.read()
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{path} is not UTF-8 text: {error}") from None
    with recording(operator(), comment=f"import of {path.name}"):
        try:
            parsed = svc.achievement_import.read(text, scope)
        except DomainError as error:
            raise click.ClickException(error.message) from None
        with click.progressbar(
            length=len(parsed.rows), label=f"dealtrail: importing {path.name}"
        ) as bar:
            report = svc.achievement_import.run(parsed, bar.update)
    svc.read_models.catch_up()
    _print(report)
    if report.rejected:
        raise click.exceptions.Exit(1)


def _print(report: ImportReport) -> None:
    click.echo(
        f"dealtrail: scope {report.scope!r}: {len(report.imported)} imported, "
        f"{len(report.already_present)} already present, {len(report.rejected)} rejected; "
        f"{report.parties_registered} owner parties registered"
    )
    for row in report.rejected:
        for problem in row.problems:
            where = f"line {row.line}" + (f" ({row.reference})" if row.reference else "")
            column = f"{problem.column}: " if problem.column else ""
            click.echo(f"  {where}: {column}{problem.message} [{problem.code}]", err=True)
