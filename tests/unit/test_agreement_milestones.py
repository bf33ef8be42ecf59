"""Agreement: milestones, the dated steps that report a deal's progress."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from freezegun import freeze_time

from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.errors import Conflict, Invalid, Missing
from dealtrail.domain.milestone import Milestone, MilestoneState

from .conftest import ACADEMY, STRANGER, AgreementBuilder, event_names, refused

pytestmark = pytest.mark.usefixtures("staff")

DUE_ON = date(2025, 6, 30)


def add(agreement: Agreement, title: str = "Pilot line running", due_on: date = DUE_ON) -> str:
    milestone_id = agreement.add_milestone(title, due_on, ACADEMY, "Commissioning report")
    agreement.collect_events()
    return milestone_id


def test_adding_a_milestone_records_a_pending_dated_step(effective: Agreement) -> None:
    milestone_id = effective.add_milestone(
        " Pilot line running ", DUE_ON, ACADEMY, " Commissioning report "
    )

    assert event_names(effective) == ["Agreement.MilestoneAdded"]
    assert effective.milestones == {
        milestone_id: Milestone(
            milestone_id, "Pilot line running", DUE_ON, ACADEMY, "Commissioning report"
        )
    }
    assert effective.milestones[milestone_id].state is MilestoneState.PENDING


def test_each_milestone_gets_its_own_id(effective: Agreement) -> None:
    assert add(effective, "Pilot line running") != add(effective, "First royalty report")


def test_a_milestone_can_be_planned_while_the_agreement_is_still_a_draft(draft: Agreement) -> None:
    add(draft)

    assert len(draft.milestones) == 1


def test_a_milestone_needs_a_title(effective: Agreement) -> None:
    with refused(effective, Invalid, "text.blank"):
        effective.add_milestone("  ", DUE_ON, ACADEMY, "Commissioning report")


def test_a_milestone_must_be_owned_by_a_party_to_the_agreement(effective: Agreement) -> None:
    with refused(effective, Invalid, "agreement.unknown_party"):
        effective.add_milestone("Pilot line running", DUE_ON, STRANGER, "Commissioning report")


@pytest.mark.parametrize("status", [AgreementStatus.COMPLETED, AgreementStatus.TERMINATED])
def test_an_ended_agreement_takes_no_new_milestones(
    agreement_in: AgreementBuilder, status: AgreementStatus
) -> None:
    agreement = agreement_in(status)

    with refused(agreement, Conflict, "agreement.already_ended"):
        agreement.add_milestone("Pilot line running", DUE_ON, ACADEMY, "Commissioning report")


def test_rescheduling_a_milestone_moves_its_due_date_and_records_why(effective: Agreement) -> None:
    milestone_id = add(effective)

    effective.reschedule_milestone(milestone_id, date(2025, 9, 30), " Equipment delivery late ")

    (rescheduled,) = effective.collect_events()
    assert type(rescheduled).__qualname__ == "Agreement.MilestoneRescheduled"
    assert rescheduled.reason == "Equipment delivery late"
    assert effective.milestones[milestone_id].due_on == date(2025, 9, 30)


def test_rescheduling_needs_a_reason(effective: Agreement) -> None:
    milestone_id = add(effective)

    with refused(effective, Invalid, "text.blank"):
        effective.reschedule_milestone(milestone_id, date(2025, 9, 30), "")


def test_rescheduling_to_the_same_due_date_is_refused(effective: Agreement) -> None:
    milestone_id = add(effective)

    with refused(effective, Conflict, "agreement.milestone_due_unchanged"):
        effective.reschedule_milestone(milestone_id, DUE_ON, "No change")


def test_achieving_a_milestone_records_the_evidence(effective: Agreement) -> None:
    milestone_id = add(effective)

    effective.achieve_milestone(milestone_id, " doc:commissioning-report-v2 ", date(2025, 6, 28))

    assert event_names(effective) == ["Agreement.MilestoneAchieved"]
    milestone = effective.milestones[milestone_id]
    assert milestone.state is MilestoneState.ACHIEVED
    assert milestone.evidence_ref == "doc:commissioning-report-v2"
    assert milestone.achieved_on == date(2025, 6, 28)


def test_a_milestone_cannot_be_achieved_without_evidence(effective: Agreement) -> None:
    milestone_id = add(effective)

    with refused(effective, Invalid, "text.blank"):
        effective.achieve_milestone(milestone_id, " ", date(2025, 6, 28))


@freeze_time("2025-06-28 09:00:00")
def test_a_milestone_cannot_be_achieved_in_the_future(effective: Agreement) -> None:
    milestone_id = add(effective)

    with refused(effective, Invalid, "agreement.date_in_future"):
        effective.achieve_milestone(milestone_id, "doc:report", date(2025, 6, 29))


def test_waiving_a_milestone_records_the_reason(effective: Agreement) -> None:
    milestone_id = add(effective)

    effective.waive_milestone(milestone_id, " Superseded by the amended scope ")

    assert event_names(effective) == ["Agreement.MilestoneWaived"]
    milestone = effective.milestones[milestone_id]
    assert milestone.state is MilestoneState.WAIVED
    assert milestone.waived_reason == "Superseded by the amended scope"


CLOSE: dict[str, Callable[[Agreement, str], None]] = {
    "achieved": lambda a, m: a.achieve_milestone(m, "doc:report", date(2025, 6, 28)),
    "waived": lambda a, m: a.waive_milestone(m, "Out of scope"),
}
CHANGE: dict[str, Callable[[Agreement, str], None]] = {
    **CLOSE,
    "rescheduled": lambda a, m: a.reschedule_milestone(m, date(2025, 12, 31), "Late"),
}


@pytest.mark.parametrize("closed_as", CLOSE)
@pytest.mark.parametrize("change", CHANGE)
def test_a_closed_milestone_refuses_changes(
    effective: Agreement, closed_as: str, change: str
) -> None:
    milestone_id = add(effective)
    CLOSE[closed_as](effective, milestone_id)
    effective.collect_events()

    with refused(effective, Conflict, "agreement.milestone_closed"):
        CHANGE[change](effective, milestone_id)


@pytest.mark.parametrize("change", CHANGE)
def test_a_milestone_that_does_not_exist_is_missing(effective: Agreement, change: str) -> None:
    with refused(effective, Missing, "agreement.unknown_milestone"):
        CHANGE[change](effective, "no-such-milestone")


def test_overdue_milestones_are_those_past_due_and_neither_achieved_nor_waived(
    effective: Agreement,
) -> None:
    late = add(effective, "Late", date(2025, 4, 1))
    achieved = add(effective, "Achieved", date(2025, 4, 1))
    waived = add(effective, "Waived", date(2025, 4, 1))
    due_today = add(effective, "Due today", date(2025, 6, 1))
    effective.achieve_milestone(achieved, "doc:report", date(2025, 5, 1))
    effective.waive_milestone(waived, "Dropped")

    assert [m.milestone_id for m in effective.overdue_milestones(date(2025, 3, 1))] == []
    assert [m.milestone_id for m in effective.overdue_milestones(date(2025, 6, 1))] == [late]
    assert [m.milestone_id for m in effective.overdue_milestones(date(2025, 6, 2))] == [
        late,
        due_today,
    ]
