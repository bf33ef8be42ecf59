"""The views reports read: milestones and receivables follow their aggregates, and rebuild alike."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Table, select

from dealtrail.application.commands.agreements import (
    AchieveMilestone,
    AddMilestone,
    RescheduleMilestone,
)
from dealtrail.application.commands.ip_transfers import RecordPayment, ScheduleConsideration
from dealtrail.bootstrap import Services
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.consideration import Schedule
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.money import Money
from dealtrail.domain.terms import Instalment
from dealtrail.infrastructure.views.agreements import agreements
from dealtrail.infrastructure.views.milestones import milestones
from dealtrail.infrastructure.views.receivables import instalments, payments, schedules
from tests.integration.builders import open_agreement, signature
from tests.integration.ip_builders import asset, party, signed_transfer

pytestmark = pytest.mark.usefixtures("staff")
TABLES = (agreements, milestones, schedules, instalments, payments)


def _rows(services: Services, table: Table) -> list[dict[str, Any]]:
    services.read_models.catch_up()
    with services.read_models.engine.connect() as conn:
        return [
            dict(r) for r in conn.execute(select(table).order_by(*table.primary_key)).mappings()
        ]


def _cny(amount: str) -> Money:
    return Money.of(amount, "CNY")


def test_milestone_rows_follow_rescheduling_and_achievement(services: Services) -> None:
    agreement_id, a, b = open_agreement(services)
    for party_id in (a, b):  # milestones are achieved under an agreement in effect
        services.ledger.handle(
            signature(agreement_id, party_id, "Zhang Wei", "President", date(2026, 9, 1))
        )
    added = services.ledger.handle(
        AddMilestone(
            agreement_id=agreement_id,
            title="Prototype",
            due_on=date(2026, 10, 1),
            owner_party_id=a,
        )
    )
    moved = Agreement.child_id(agreement_id, added.version)
    added = services.ledger.handle(
        AddMilestone(
            agreement_id=agreement_id,
            title="Report",
            due_on=date(2026, 10, 5),
            owner_party_id=b,
        )
    )
    done = Agreement.child_id(agreement_id, added.version)
    services.ledger.handle(
        RescheduleMilestone(
            agreement_id=agreement_id, milestone_id=moved, due_on=date(2026, 12, 1), reason="Late"
        )
    )
    services.ledger.handle(
        AchieveMilestone(
            agreement_id=agreement_id,
            milestone_id=done,
            evidence_ref="Minutes",
            achieved_on=date(2026, 10, 4),
        )
    )

    rows = _rows(services, milestones)

    assert {(r["milestone_id"], r["due_on"], r["state"], r["owner_party_id"]) for r in rows} == {
        (moved, date(2026, 12, 1), "pending", a),
        (done, date(2026, 10, 5), "achieved", b),
    }
    assert {r["agreement_id"] for r in rows} == {str(agreement_id)}


def test_receivable_rows_hold_a_transfers_schedule_and_payments_in_minor_units(
    services: Services,
) -> None:
    holder, recipient = party(services, "Holder"), party(services, "Recipient")
    transfer_id = signed_transfer(services, asset(services, holder), holder, recipient)
    lines = (Instalment(date(2026, 12, 1), _cny("0.10")), Instalment(date(2027, 1, 1), _cny("2")))
    schedule = ScheduleConsideration(
        transfer_id=transfer_id, schedule=Schedule("instalments", "CNY", lines)
    )
    services.ledger.handle(schedule)
    payment = RecordPayment(
        transfer_id=transfer_id, amount=_cny("0.05"), paid_on=date(2026, 11, 2), reference="Wire"
    )
    services.ledger.handle(payment)

    owed, paid = _rows(services, instalments), _rows(services, payments)
    (schedule,) = _rows(services, schedules)

    assert (schedule["source"], schedule["currency"]) == ("ip_transfer", "CNY")
    assert schedule["agreement_id"] == services.ledger.get(IpTransfer, transfer_id).agreement_id
    assert [(r["line"], r["amount"], r["amount_minor"]) for r in owed] == [
        (0, "0.10", 10),
        (1, "2.00", 200),
    ]
    assert [(r["paid_on"], r["amount"], r["amount_minor"]) for r in paid] == [
        (date(2026, 11, 2), "0.05", 5)
    ]


def test_a_rebuild_gives_the_report_views_the_same_rows(services: Services) -> None:
    agreement_id, a, _ = open_agreement(services)
    services.ledger.handle(
        AddMilestone(
            agreement_id=agreement_id,
            title="Prototype",
            due_on=date(2026, 10, 1),
            owner_party_id=a,
        )
    )
    holder, recipient = party(services, "Holder"), party(services, "Recipient")
    transfer_id = signed_transfer(services, asset(services, holder), holder, recipient)
    lump = Schedule("lump_sum", "CNY", (Instalment(date(2026, 12, 1), _cny("100.00")),))
    services.ledger.handle(ScheduleConsideration(transfer_id=transfer_id, schedule=lump))
    payment = RecordPayment(
        transfer_id=transfer_id, amount=_cny("40.00"), paid_on=date(2026, 11, 2), reference="Wire"
    )
    services.ledger.handle(payment)
    before = [_rows(services, t) for t in TABLES]

    services.read_models.rebuild()

    assert [_rows(services, t) for t in TABLES] == before
    assert all(before), "every table holds rows"
