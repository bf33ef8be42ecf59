"""Agreement: drafting, revising the draft and opening it for signature."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.terms import AgreementKind, Participant, PartyRole

from .conftest import ACADEMY, TERMS, UNIVERSITY, event_names, participants, refused

pytestmark = pytest.mark.usefixtures("staff")


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
