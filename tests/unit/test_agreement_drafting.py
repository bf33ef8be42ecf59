"""Agreement: drafting, revising the draft and opening it for signature."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.money import Money
from dealtrail.domain.terms import AgreementKind, Instalment, Participant, PartyRole

from .conftest import ACADEMY, TERMS, UNIVERSITY, event_names, participants, refused

pytestmark = pytest.mark.usefixtures("staff")


def instalment(amount: str, currency: str = "CNY") -> Instalment:
    return Instalment(date(2025, 6, 30), Money.of(amount, currency), "Milestone payment")


def test_drafting_an_agreement_records_its_kind_terms_and_parties() -> None:
    agreement = Agreement.draft(AgreementKind.TECHNOLOGY_LICENCE, TERMS, participants())

    assert event_names(agreement) == ["Agreement.Drafted"]
    assert agreement.status is AgreementStatus.DRAFT
    assert agreement.kind is AgreementKind.TECHNOLOGY_LICENCE
    assert agreement.terms == TERMS
    assert list(agreement.parties) == [UNIVERSITY, ACADEMY]
    assert agreement.awaiting_signatures() == [UNIVERSITY, ACADEMY]


LICENSOR, LICENSEE, PARTNER = PartyRole.LICENSOR, PartyRole.LICENSEE, PartyRole.COOPERATION_PARTNER


@pytest.mark.parametrize(
    ("parties", "code"),
    [
        ([Participant(UNIVERSITY, LICENSOR, True)], "agreement.too_few_parties"),
        (
            [Participant(UNIVERSITY, LICENSOR, True), Participant(UNIVERSITY, LICENSEE, True)],
            "agreement.duplicate_party",
        ),
        (
            [Participant(UNIVERSITY, PARTNER, False), Participant(ACADEMY, PARTNER, False)],
            "agreement.no_required_signatory",
        ),
    ],
)
def test_a_draft_needs_two_distinct_parties_and_a_required_signatory(
    parties: list[Participant], code: str
) -> None:
    with pytest.raises(Invalid) as error:
        Agreement.draft(AgreementKind.COOPERATION, TERMS, parties)

    assert error.value.code == code


def test_a_draft_needs_a_title() -> None:
    with pytest.raises(Invalid) as error:
        Agreement.draft(AgreementKind.COOPERATION, replace(TERMS, title=" "), participants())

    assert error.value.code == "text.blank"


def test_a_draft_can_be_revised(draft: Agreement) -> None:
    revised = replace(TERMS, summary="Exclusive licence for Central Asia.")

    draft.revise_draft(revised)

    assert event_names(draft) == ["Agreement.DraftRevised"]
    assert draft.terms == revised


def test_opening_a_draft_for_signature(draft: Agreement) -> None:
    draft.open_for_signature()

    assert event_names(draft) == ["Agreement.OpenedForSignature"]
    assert draft.status is AgreementStatus.OPEN_FOR_SIGNATURE


def test_once_open_for_signature_the_draft_cannot_be_revised_or_reopened(
    open_agreement: Agreement,
) -> None:
    with refused(open_agreement, Conflict, "agreement.not_draft"):
        open_agreement.revise_draft(replace(TERMS, summary="Changed"))
    with refused(open_agreement, Conflict, "agreement.not_draft"):
        open_agreement.open_for_signature()


def test_the_term_cannot_end_before_it_starts() -> None:
    with pytest.raises(Invalid) as error:
        replace(TERMS, starts_on=date(2025, 3, 1), ends_on=date(2025, 2, 28))

    assert error.value.code == "agreement.term_dates_reversed"


def test_a_payment_schedule_needs_a_contract_value() -> None:
    with pytest.raises(Invalid) as error:
        replace(TERMS, value=None, payment_schedule=(instalment("100000"),))

    assert error.value.code == "agreement.schedule_without_value"


def test_a_payment_schedule_may_add_up_to_the_contract_value() -> None:
    terms = replace(TERMS, payment_schedule=[instalment("200000"), instalment("1000000")])

    assert terms.payment_schedule == (instalment("200000"), instalment("1000000"))


def test_a_payment_schedule_cannot_exceed_the_contract_value() -> None:
    with pytest.raises(Invalid) as error:
        replace(TERMS, payment_schedule=(instalment("200000"), instalment("1000000.01")))

    assert error.value.code == "agreement.schedule_exceeds_value"


def test_instalments_must_be_in_the_currency_of_the_contract_value() -> None:
    with pytest.raises(Invalid) as error:
        replace(TERMS, payment_schedule=(instalment("1000", "USD"),))

    assert error.value.code == "money.currency_mismatch"
