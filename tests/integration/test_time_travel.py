"""State at a version, and state as it had been recorded by a given time."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from freezegun import freeze_time

from dealtrail.application.errors import AggregateNotFound
from dealtrail.bootstrap import Services
from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.metadata import recording
from tests.integration.builders import open_agreement, signature


def test_an_agreement_can_be_read_as_it_was_at_each_version(services: Services) -> None:
    with recording("staff:alice"):
        agreement_id, a, _ = open_agreement(services)
        services.ledger.handle(
            signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20))
        )
    assert services.ledger.get(Agreement, agreement_id, 1).status == AgreementStatus.DRAFT
    assert (
        services.ledger.get(Agreement, agreement_id, 2).status == AgreementStatus.OPEN_FOR_SIGNATURE
    )
    assert list(services.ledger.get(Agreement, agreement_id, 3).signatures) == [a]
    with pytest.raises(AggregateNotFound):
        services.ledger.get(Agreement, agreement_id, 4)


def test_an_agreement_can_be_read_as_recorded_at_a_past_moment(services: Services) -> None:
    with recording("staff:alice"):
        with freeze_time("2026-11-20 09:00:00"):
            agreement_id, a, b = open_agreement(services)
        with freeze_time("2026-11-20 15:00:00"):
            services.ledger.handle(
                signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20))
            )
            services.ledger.handle(
                signature(agreement_id, b, "Aida Nur", "Director", date(2026, 11, 20))
            )

    def as_of(moment: str) -> Agreement:
        when = datetime.fromisoformat(moment).replace(tzinfo=UTC)
        return services.ledger.get_as_of(Agreement, agreement_id, when)

    assert as_of("2026-11-20 12:00:00").status == AgreementStatus.OPEN_FOR_SIGNATURE
    assert as_of("2026-11-20 15:00:00").status == AgreementStatus.EFFECTIVE
    with pytest.raises(AggregateNotFound):
        as_of("2026-11-20 08:59:59")
