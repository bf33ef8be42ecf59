"""Shared fixtures for the domain unit tests.

Every agreement in these tests is between a university's technology transfer centre (the
licensor) and a foreign academy of sciences (the licensee), both required to sign; a notary may
witness without being required to sign.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from freezegun import freeze_time

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.errors import DomainError
from dealtrail.domain.metadata import EventMetadata, recording
from dealtrail.domain.money import Money
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole, Terms

UNIVERSITY = "party:xjtu-nttc"
ACADEMY = "party:academy-of-sciences"
NOTARY = "party:notary"
STRANGER = "party:stranger"

SIGNED_ON = date(2025, 3, 1)

TERMS = Terms(
    title="Licence of the graphene membrane process",
    summary="Non-exclusive licence for the Belt and Road region.",
    value=Money.of("1200000.00", "CNY"),
    starts_on=date(2025, 3, 1),
    ends_on=date(2027, 2, 28),
)


def participants(*, witness: bool = False) -> list[Participant]:
    parties = [
        Participant(UNIVERSITY, PartyRole.LICENSOR, must_sign=True),
        Participant(ACADEMY, PartyRole.LICENSEE, must_sign=True),
    ]
    if witness:
        parties.append(Participant(NOTARY, PartyRole.WITNESS, must_sign=False))
    return parties


def event_names(aggregate: Any) -> list[str]:
    """Class names of the events triggered since last collected, e.g. `Agreement.Signed`."""
    return [type(e).__qualname__ for e in aggregate.collect_events()]


@contextmanager
def refused(aggregate: Any, kind: type[DomainError], code: str) -> Iterator[None]:
    """The block raises domain error `code` of class `kind`; the aggregate records nothing."""
    with pytest.raises(DomainError) as error:
        yield
    assert (type(error.value), error.value.code) == (kind, code)
    assert aggregate.collect_events() == []


@pytest.fixture
def staff() -> Iterator[EventMetadata]:
    """Every event triggered in the test is recorded by a member of staff."""
    with recording("staff:test") as meta:
        yield meta


AgreementBuilder = Callable[..., Agreement]


@pytest.fixture
def agreement_in(staff: EventMetadata) -> AgreementBuilder:
    """Builds an agreement in the given status, with its events already collected."""

    def build(
        status: AgreementStatus = AgreementStatus.DRAFT, *, witness: bool = False, **terms: Any
    ) -> Agreement:
        agreement = Agreement.draft(
            AgreementKind.TECHNOLOGY_LICENCE, replace(TERMS, **terms), participants(witness=witness)
        )
        if status != AgreementStatus.DRAFT:
            agreement.open_for_signature()
        if status not in (AgreementStatus.DRAFT, AgreementStatus.OPEN_FOR_SIGNATURE):
            agreement.sign(UNIVERSITY, "Prof. Li Wei", "Director", SIGNED_ON)
            agreement.sign(ACADEMY, "Dr. Aziz Karimov", "President", SIGNED_ON)
        if status == AgreementStatus.COMPLETED:
            agreement.complete(date(2025, 6, 1))
        elif status == AgreementStatus.TERMINATED:
            agreement.terminate("Licensee withdrew", date(2025, 6, 1))
        elif status == AgreementStatus.EXPIRED:
            with freeze_time(date(2030, 1, 1)):
                agreement.expire()
        assert agreement.status == status
        agreement.collect_events()
        return agreement

    return build


@pytest.fixture
def draft(agreement_in: AgreementBuilder) -> Agreement:
    return agreement_in(AgreementStatus.DRAFT)


@pytest.fixture
def open_agreement(agreement_in: AgreementBuilder) -> Agreement:
    return agreement_in(AgreementStatus.OPEN_FOR_SIGNATURE)


@pytest.fixture
def effective(agreement_in: AgreementBuilder) -> Agreement:
    return agreement_in(AgreementStatus.EFFECTIVE)
