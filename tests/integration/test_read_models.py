"""The read models follow the log exactly once and answers list queries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from uuid import UUID

import pytest
from eventsourcing.persistence import Notification
from sqlalchemy import BigInteger, Column, Connection, MetaData, Table, insert, select

from dealtrail.application.commands.parties import JoinAlliance, RegisterParty, RenameParty
from dealtrail.application.ports.views import AgreementQuery, PartyQuery
from dealtrail.bootstrap import Services
from dealtrail.infrastructure.read_models import ReadModels
from dealtrail.infrastructure.views.agreements import AgreementsView, agreement_parties, agreements
from dealtrail.infrastructure.views.parties import PartiesView, parties
from tests.integration.builders import open_agreement, signature

pytestmark = pytest.mark.usefixtures("staff")


def _rows(services: Services) -> list[list[dict[str, object]]]:
    with services.read_models.engine.connect() as conn:
        return [
            [dict(r) for r in conn.execute(select(t).order_by(*t.primary_key)).mappings()]
            for t in (parties, agreements, agreement_parties)
        ]


def test_lists_reflect_every_recorded_command(services: Services) -> None:
    agreement_id, a, b = open_agreement(services)
    services.ledger.handle(JoinAlliance(party_id=UUID(a), alliance="Silk Road University Alliance"))
    services.ledger.handle(signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20)))

    open_ones = services.read_models.view(AgreementsView).search(
        AgreementQuery(limit=10, status="open_for_signature")
    )["items"]
    assert [(i["id"], i["awaiting_signatures"]) for i in open_ones] == [(str(agreement_id), [b])]
    members = services.read_models.view(PartiesView).search(
        PartyQuery(limit=10, alliance="Silk Road University Alliance")
    )
    assert [p["id"] for p in members["items"]] == [a]
    in_kz = services.read_models.view(PartiesView).search(PartyQuery(limit=10, country="kz"))
    assert [p["id"] for p in in_kz["items"]] == [b]


applied = Table("test_applied_positions", MetaData(), Column("position", BigInteger))


class CountingReadModels(ReadModels):
    """The read models with their own views, noting each log position it applies in the same
    transaction as the views' rows: the views write rows from an aggregate's latest state, so
    applying an event again would leave them as they were, but not this count."""

    def apply(self, conn: Connection, notifications: Sequence[Notification]) -> None:
        super().apply(conn, notifications)
        conn.execute(insert(applied), [{"position": n.id} for n in notifications])

    def applied(self) -> Counter[int]:
        with self.engine.connect() as conn:
            return Counter(conn.execute(select(applied.c.position)).scalars())


def test_catching_up_twice_applies_nothing_twice(services: Services) -> None:
    read_models = CountingReadModels(
        services.read_models.engine, services.ledger, list(services.read_models.views.values())
    )
    applied.create(read_models.engine)
    agreement_id, a, b = open_agreement(services)
    first = read_models.catch_up()
    before = _rows(services)
    assert read_models.catch_up() == first
    assert _rows(services) == before
    services.ledger.handle(signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20)))
    services.ledger.handle(
        RenameParty(party_id=UUID(b), name="Kazakh National Academy of Sciences")
    )

    head = read_models.catch_up()
    assert read_models.catch_up() == head == services.ledger.recorder.max_notification_id()
    logged = services.ledger.recorder.select_notifications(0, 1000, inclusive_of_start=False)
    assert read_models.applied() == Counter(n.id for n in logged)


def test_rebuilt_views_equal_the_incrementally_built_one(services: Services) -> None:
    agreement_id, a, b = open_agreement(services)
    services.read_models.catch_up()
    services.ledger.handle(signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20)))
    services.read_models.catch_up()
    services.ledger.handle(signature(agreement_id, b, "Aida Nur", "Director", date(2026, 11, 21)))
    services.ledger.handle(
        RenameParty(party_id=UUID(b), name="Kazakh National Academy of Sciences")
    )
    services.read_models.catch_up()
    incremental = _rows(services)

    services.read_models.rebuild()

    assert _rows(services) == incremental
    assert incremental[1][0]["status"] == "effective"


def test_pages_follow_the_cursor_in_log_order(services: Services) -> None:
    ids = [
        str(
            services.ledger.handle(
                RegisterParty(name=f"Institute {n}", kind="research_institute", country="CN")
            ).aggregate_id
        )
        for n in range(5)
    ]
    first = services.read_models.view(PartiesView).search(PartyQuery(limit=2))
    second = services.read_models.view(PartiesView).search(
        PartyQuery(limit=2, after=first["next_after"])
    )
    third = services.read_models.view(PartiesView).search(
        PartyQuery(limit=2, after=second["next_after"])
    )
    seen = [p["id"] for page in (first, second, third) for p in page["items"]]
    assert seen == ids
    assert third["next_after"] is None


def test_a_changed_view_schema_rebuilds_the_views_from_the_log(services: Services) -> None:
    open_agreement(services)
    services.read_models.catch_up()
    before = _rows(services)

    class PartiesViewV2(PartiesView):
        version = 2

    views = [
        PartiesViewV2(services.read_models.engine) if type(v) is PartiesView else v
        for v in services.read_models.views.values()
    ]
    changed = ReadModels(services.read_models.engine, services.ledger, views)
    changed.create_tables()

    assert changed.position() == 0
    changed.catch_up()
    assert _rows(services) == before
