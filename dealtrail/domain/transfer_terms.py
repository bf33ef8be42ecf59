"""What an IP transfer moves and where (mode, territory, term), where it stands (status), and the
facts recorded on the way (valuation, recordal with the IP office)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dealtrail.domain.choice import one_of
from dealtrail.domain.country import country_code
from dealtrail.domain.errors import DomainError, fail
from dealtrail.domain.money import Money


class TransferMode(StrEnum):
    ASSIGNMENT = "assignment"
    EXCLUSIVE_LICENCE = "exclusive_licence"
    SOLE_LICENCE = "sole_licence"
    NON_EXCLUSIVE_LICENCE = "non_exclusive_licence"


class TransferStatus(StrEnum):
    PROPOSED = "proposed"
    VALUATED = "valuated"
    CONTRACT_SIGNED = "contract_signed"
    RECORDED = "recorded"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


FINAL = frozenset({TransferStatus.COMPLETED, TransferStatus.CANCELLED})


class ValuationMethod(StrEnum):
    INCOME = "income"
    MARKET = "market"
    COST = "cost"


def transfer_mode(mode: str) -> TransferMode:
    return one_of(TransferMode, mode, "ip_transfer.unknown_mode", "mode")


def valuation_method(method: str) -> ValuationMethod:
    return one_of(ValuationMethod, method, "ip_transfer.unknown_valuation_method", "method")


@dataclass(frozen=True)
class Territory:
    """Worldwide, or a set of ISO 3166-1 countries (kept sorted, each once)."""

    worldwide: bool = False
    countries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.worldwide and self.countries:
            raise fail("ip_transfer.territory_ambiguous", "countries")
        if not self.worldwide and not self.countries:
            raise fail("ip_transfer.territory_empty", "countries")
        codes = set()
        for index, code in enumerate(self.countries):
            try:
                codes.add(country_code(code))
            except DomainError:
                raise fail("country.unknown", f"countries.{index}", code=code) from None
        object.__setattr__(self, "countries", tuple(sorted(codes)))

    @classmethod
    def world(cls) -> Territory:
        return cls(worldwide=True)


@dataclass(frozen=True)
class Term:
    """When the rights are held: an assignment has a start and no end."""

    starts_on: date
    ends_on: date | None = None

    def __post_init__(self) -> None:
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise fail("ip_transfer.term_dates_reversed", "ends_on", ends_on=self.ends_on)


@dataclass(frozen=True)
class Valuation:
    appraiser: str
    method: ValuationMethod
    value: Money
    valuated_on: date

    def __post_init__(self) -> None:
        object.__setattr__(self, "method", ValuationMethod(self.method))


@dataclass(frozen=True)
class Recordal:
    """The IP office's record of the transfer: which office, its number, and the date."""

    office: str
    recordal_number: str
    recorded_on: date
