"""The terms of an agreement and who is party to it: values that only an amendment changes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from dealtrail.domain.calendar import check_on_record
from dealtrail.domain.errors import fail
from dealtrail.domain.money import Money
from dealtrail.domain.personal import Personal
from dealtrail.domain.text import required_text


class AgreementKind(StrEnum):
    COOPERATION = "cooperation"
    TECHNOLOGY_LICENCE = "technology_licence"
    TECHNOLOGY_ASSIGNMENT = "technology_assignment"
    SERVICE = "service"
    INVESTMENT = "investment"


class PartyRole(StrEnum):
    LICENSOR = "licensor"
    LICENSEE = "licensee"
    ASSIGNOR = "assignor"
    ASSIGNEE = "assignee"
    INVESTOR = "investor"
    SERVICE_PROVIDER = "service_provider"
    COOPERATION_PARTNER = "cooperation_partner"
    WITNESS = "witness"


@dataclass(frozen=True)
class Participant:
    party_id: str
    role: PartyRole
    must_sign: bool


@dataclass(frozen=True)
class Instalment:
    due_on: date
    amount: Money
    description: str = ""


@dataclass(frozen=True)
class Terms:
    title: str
    summary: str
    value: Money | None
    starts_on: date | None
    ends_on: date | None
    payment_schedule: tuple[Instalment, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "payment_schedule", tuple(self.payment_schedule))
        object.__setattr__(self, "title", required_text(self.title, "title"))
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise fail("agreement.term_dates_reversed", "ends_on", ends_on=self.ends_on)
        if self.payment_schedule and self.value is None:
            raise fail("agreement.schedule_without_value", "payment_schedule")
        if self.value is not None and self.payment_schedule:
            scheduled = Money.of(0, self.value.currency)
            for instalment in self.payment_schedule:
                scheduled = scheduled + instalment.amount
            if scheduled.amount > self.value.amount:
                raise fail(
                    "agreement.schedule_exceeds_value",
                    "payment_schedule",
                    scheduled=scheduled,
                    value=self.value,
                )


def check_terms_on_record(terms: Terms) -> None:
    """The terms' dates are dates on record: checked on the commands that set terms (never when
    a recorded event is replayed, so nothing already recorded becomes unreadable)."""
    check_on_record(terms.starts_on, "terms.starts_on")
    check_on_record(terms.ends_on, "terms.ends_on")
    for index, instalment in enumerate(terms.payment_schedule):
        check_on_record(instalment.due_on, f"terms.payment_schedule.{index}.due_on")


def check_participants(participants: list[Participant]) -> None:
    ids = [p.party_id for p in participants]
    if len(set(ids)) < len(ids):
        duplicate = next(i for i in ids if ids.count(i) > 1)
        raise fail("agreement.duplicate_party", "parties", party_id=duplicate)
    if len(ids) < 2:
        raise fail("agreement.too_few_parties", "parties")
    if not any(p.must_sign for p in participants):
        raise fail("agreement.no_required_signatory", "parties")


@dataclass(frozen=True)
class Signature:
    party_id: str
    signatory_name: Personal
    signatory_title: str
    signed_on: date


def with_personal_name(signature: Signature) -> Signature:
    """Upcasting: a signature stored before names were sealed held the name as plain text."""
    name: object = signature.signatory_name
    if isinstance(name, str):
        return replace(signature, signatory_name=Personal(name, scope=signature.party_id))
    return signature
