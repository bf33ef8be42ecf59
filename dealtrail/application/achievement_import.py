"""Bulk import of achievements from CSV: good rows imported, bad rows reported, nothing twice.

Each row is its own commands (owner party if missing, then the achievement), so a crash part-way
loses nothing: importing the file again finishes the job. An achievement's id derives from its
(scope, external_ref), so a reference already imported — by anyone — is reported as already
present and never recorded twice; owner parties are found by exact name and country before one is
registered. Commands carry idempotency keys derived from the same values (an owner's name only
as a keyed pseudonym: it may be a natural person's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from dealtrail.application.achievement_csv import (
    AchievementRow,
    Owner,
    ParsedFile,
    Problem,
    RejectedRow,
    read_achievements,
)
from dealtrail.application.command import CommandResult, Options
from dealtrail.application.commands.achievements import RegisterAchievement
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.application.errors import ApplicationError
from dealtrail.application.ledger import Ledger
from dealtrail.application.vault import SubjectVault
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.errors import DomainError
from dealtrail.domain.external_ref import DEFAULT_SCOPE
from dealtrail.domain.metadata import current_metadata

Progress = Callable[[int], None]


class PartyDirectory(Protocol):
    def find(self, name: str, country: str) -> str | None:
        """The id of a registered party with exactly this name in this country, if any."""
        ...


@dataclass(frozen=True)
class ImportedRow:
    line: int
    reference: str
    achievement_id: str


@dataclass
class ImportReport:
    scope: str
    imported: list[ImportedRow] = field(default_factory=list)
    already_present: list[ImportedRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    parties_registered: int = 0
    last_recorded: CommandResult | None = None  # the import's receipt; None if nothing recorded

    def recorded(self, result: CommandResult) -> None:
        """Notes a command's result: the last that recorded anything (not a replay) is kept."""
        if not result.replayed:
            self.last_recorded = result


class AchievementImport:
    def __init__(self, ledger: Ledger, directory: PartyDirectory) -> None:
        self.ledger = ledger
        self.directory = directory

    def import_csv(self, text: str, scope: str = DEFAULT_SCOPE) -> ImportReport:
        """Reads and imports the file; see `read` and `run`."""
        return self.run(self.read(text, scope))

    def read(self, text: str, scope: str = DEFAULT_SCOPE) -> ParsedFile:
        """Checks every row; raises a DomainError only if the file as a whole is unreadable."""
        return read_achievements(text, scope)

    def run(self, parsed: ParsedFile, progress: Progress | None = None) -> ImportReport:
        """Imports the good rows (calling `progress(1)` after each); reports every row."""
        report = ImportReport(parsed.scope, rejected=list(parsed.rejected))
        owners: dict[Owner, str] = {}
        for row in parsed.rows:
            self._import_row(row, owners, report)
            if progress:
                progress(1)
        report.rejected.sort(key=lambda r: r.line)
        return report

    def _import_row(
        self, row: AchievementRow, owners: dict[Owner, str], report: ImportReport
    ) -> None:
        reference = row.external_ref.reference
        existing = Achievement.id_for(row.external_ref)
        if self.ledger.exists(Achievement, existing):
            report.already_present.append(ImportedRow(row.line, reference, str(existing)))
            return
        key = f"import:achievement:{row.external_ref.scope}:{reference}"
        try:
            owner_id = self._owner(row.owner, owners, report)
            register = RegisterAchievement(
                owner_party_id=owner_id,
                offer=row.offer,
                contact=row.contact,
                external_ref=row.external_ref,
            )
            result = self.ledger.handle(register, Options(idempotency_key=key))
        except (DomainError, ApplicationError) as error:
            report.rejected.append(RejectedRow(row.line, reference, [_problem(row.line, error)]))
            return
        report.recorded(result)
        done = ImportedRow(row.line, reference, str(result.aggregate_id))
        (report.already_present if result.replayed else report.imported).append(done)

    def _owner(self, owner: Owner, owners: dict[Owner, str], report: ImportReport) -> str:
        if owner not in owners:
            found = self.directory.find(owner.name, owner.country)
            if found is None:
                key = self._party_key(owner)
                register = RegisterParty(name=owner.name, kind=owner.kind, country=owner.country)
                result = self.ledger.handle(register, Options(idempotency_key=key))
                report.recorded(result)
                found = str(result.aggregate_id)
                report.parties_registered += 0 if result.replayed else 1
            owners[owner] = found
        return owners[owner]

    def _party_key(self, owner: Owner) -> str:
        """The key of the command registering `owner`: a pseudonym of its name, or the name
        itself where an import before pseudonyms recorded the command with it."""
        legacy = legacy_party_key(owner.country, owner.name)
        if self.ledger.store.idempotency_record(current_metadata().actor, legacy) is not None:
            return legacy
        vault = self.ledger.vault
        assert vault is not None, "a ledger that holds personal data has its vault"
        return party_key(vault, owner.country, owner.name)


def party_key(vault: SubjectVault, country: str, name: str) -> str:
    """The idempotency key of an import's registering a party: its country and a keyed
    pseudonym of its name (which may be a natural person's, so never kept in plain text)."""
    return f"import:party:{country}:{vault.pseudonym(name, f'import:party:{country}')}"


def legacy_party_key(country: str, name: str) -> str:
    """That key as imports made it before pseudonyms, spelling the name."""
    return f"import:party:{country}:{name}"


def _problem(line: int, error: DomainError | ApplicationError) -> Problem:
    """A refusal by the application as a problem with the row, naming the CSV column the check
    was about (offer.ip_asset_ids.2 → ip_asset_ids), or "" for the whole row."""
    if isinstance(error, ApplicationError):
        return Problem(line, "", error.code, str(error))
    path = (error.field or "").split(".")
    column = path[1] if path[0] == "offer" and len(path) > 1 else path[0]
    return Problem(line, column, error.code, error.message)
