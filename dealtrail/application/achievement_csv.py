"""Reading achievements from CSV: every row checked, every bad cell reported by line and column.

The file must have a header row naming its columns (any order, any case). Required columns:
external_ref, title, field, trl, transfer_modes, asking_price_currency, owner_name, owner_kind,
owner_country, contact_name, contact_email. Optional: asking_price_amount, contact_phone,
ip_asset_ids. Lists (transfer_modes, ip_asset_ids) are separated by semicolons; an
asking_price_currency of "negotiable" (with no amount) means there is no asking price. Numbers
(trl, asking_price_amount) are plain ASCII digits with a point for decimals: 3500000.00, not
"3,500,000", "3_500_000", "3.5e6" or digits of another script (full-width, Arabic-Indic).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from dealtrail.domain.contact import Contact
from dealtrail.domain.country import country_code
from dealtrail.domain.errors import DomainError, fail
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.money import Money
from dealtrail.domain.numbers import whole_number
from dealtrail.domain.offer import (
    Offer,
    achievement_field,
    asset_ids,
    readiness_level,
    transfer_modes,
)
from dealtrail.domain.party import PartyKind, party_kind
from dealtrail.domain.text import required_text

REQUIRED = (
    "external_ref",
    "title",
    "field",
    "trl",
    "transfer_modes",
    "asking_price_currency",
    "owner_name",
    "owner_kind",
    "owner_country",
    "contact_name",
    "contact_email",
)
OPTIONAL = ("asking_price_amount", "contact_phone", "ip_asset_ids")
SEPARATOR = ";"
NEGOTIABLE = "negotiable"

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """What is wrong with one cell (`column`) of one line; column "" means the whole row."""

    line: int
    column: str
    code: str
    message: str


@dataclass(frozen=True)
class Owner:
    name: str
    kind: PartyKind
    country: str


@dataclass(frozen=True)
class AchievementRow:
    line: int
    external_ref: ExternalRef
    owner: Owner
    offer: Offer
    contact: Contact


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reference: str | None
    problems: list[Problem]


@dataclass
class ParsedFile:
    scope: str
    rows: list[AchievementRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)


def read_achievements(text: str, scope: str) -> ParsedFile:
    """Every row of the file, as importable rows and rejected rows; raises a DomainError when the
    file as a whole cannot be read (no header, missing or unknown columns, broken CSV)."""
    scope = required_text(scope, "import scope", "scope")
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    parsed = ParsedFile(scope)
    seen: dict[str, int] = {}
    try:
        header = _header(next(reader, None))
        line = reader.line_num + 1
        for cells in reader:
            if cells:
                _read_row(parsed, seen, scope, line, header, cells)
            line = reader.line_num + 1
    except csv.Error as error:
        raise fail("import.unreadable", "csv", error=f"line {reader.line_num}: {error}") from None
    return parsed


def _header(cells: list[str] | None) -> list[str]:
    if not cells or not any(c.strip() for c in cells):
        raise fail("import.no_header", "csv")
    names = [c.strip().lower() for c in cells]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise fail("import.duplicate_columns", "csv", columns=", ".join(twice))
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise fail("import.missing_columns", "csv", columns=", ".join(missing))
    unknown = [n for n in names if n not in REQUIRED + OPTIONAL]
    if unknown:
        raise fail("import.unknown_columns", "csv", columns=", ".join(unknown))
    return names


def _read_row(
    parsed: ParsedFile,
    seen: dict[str, int],
    scope: str,
    line: int,
    header: list[str],
    cells: list[str],
) -> None:
    if len(cells) != len(header):
        problem = fail("import.wrong_cell_count", found=len(cells), expected=len(header))
        parsed.rejected.append(
            RejectedRow(line, None, [Problem(line, "", problem.code, problem.message)])
        )
        return
    row = _Cells(line, dict(zip(header, cells, strict=True)))
    reference = row.get("external_ref", lambda v: required_text(v, "external_ref"))
    if reference is not None and reference in seen:
        row.refuse(
            "external_ref",
            fail("import.duplicate_reference", reference=reference, line=seen[reference]),
        )
    elif reference is not None:
        seen[reference] = line
    achievement = _build(row, scope, reference)
    if achievement is None:
        parsed.rejected.append(RejectedRow(line, reference, row.problems))
    else:
        parsed.rows.append(achievement)


def _build(row: _Cells, scope: str, reference: str | None) -> AchievementRow | None:
    title = row.get("title", lambda v: required_text(v, "title"))
    field_ = row.get("field", lambda v: achievement_field(v.lower()))
    trl = row.get("trl", _trl)
    modes = row.get("transfer_modes", lambda v: transfer_modes(_items(v.lower())))
    price = _price(row)
    ip_assets = row.get("ip_asset_ids", lambda v: asset_ids(_items(v)))
    owner = _owner(row)
    contact = row.get(
        "contact_email",
        lambda _: Contact(
            row.cell("contact_name"), row.cell("contact_email"), row.cell("contact_phone")
        ),
    )
    if row.problems or reference is None or title is None or field_ is None or trl is None:
        return None
    if modes is None or ip_assets is None or owner is None or contact is None:
        return None
    offer = Offer(title, field_, trl, modes, price, ip_assets)
    return AchievementRow(row.line, ExternalRef(scope, reference), owner, offer, contact)


def _trl(value: str) -> int:
    level = whole_number(value)
    if level is None:
        raise fail("achievement.trl_out_of_range", "trl", value=value)
    return readiness_level(level)


def _items(value: str) -> list[str]:
    return [item.strip() for item in value.split(SEPARATOR) if item.strip()]


def _price(row: _Cells) -> Money | None:
    currency, amount = row.cell("asking_price_currency"), row.cell("asking_price_amount")
    if currency.lower() == NEGOTIABLE:
        if amount:
            row.refuse("asking_price_amount", fail("import.amount_when_negotiable"))
        return None
    try:
        return Money.of(required_text(amount, "asking_price_amount"), currency)
    except DomainError as error:
        column = "asking_price_currency" if error.field == "currency" else "asking_price_amount"
        row.refuse(column, error)
        return None


def _owner(row: _Cells) -> Owner | None:
    name = row.get("owner_name", lambda v: required_text(v, "owner_name"))
    kind = row.get("owner_kind", lambda v: party_kind(v.lower()))
    country = row.get("owner_country", country_code)
    if name is None or kind is None or country is None:
        return None
    return Owner(name, kind, country)


class _Cells:
    """One row's cells by column, and the problems found in them so far."""

    def __init__(self, line: int, cells: dict[str, str]) -> None:
        self.line = line
        self.cells = cells
        self.problems: list[Problem] = []

    def cell(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def get(self, column: str, build: Callable[[str], T]) -> T | None:
        try:
            return build(self.cell(column))
        except DomainError as error:
            self.refuse(_column(error.field, column), error)
            return None

    def refuse(self, column: str, error: DomainError) -> None:
        self.problems.append(Problem(self.line, column, error.code, error.message))


def _column(field_name: str | None, default: str) -> str:
    """The CSV column a domain error's field names (contact.email → contact_email)."""
    if field_name and field_name.startswith("contact."):
        return field_name.replace(".", "_")
    return default
