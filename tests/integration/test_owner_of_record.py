"""The owner-of-record policy: each recorded assignment changes its asset's owner exactly once,
however often, by however many runners, and in whatever order the log is processed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError

from dealtrail.application.commands.ip_transfers import ScheduleConsideration
from dealtrail.application.followers import POLICIES
from dealtrail.application.ledger import Ledger
from dealtrail.application.owner_of_record import OwnerOfRecord
from dealtrail.application.policies import LAG_ALLOWED, PolicyFollower
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.base import Recorded, metadata_of
from dealtrail.domain.consideration import ConsiderationKind, Schedule
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.metadata import recording
from dealtrail.infrastructure.settings import Settings
from tests.integration.ip_builders import asset, party, record, signed_transfer

WAIT = 20.0
ROYALTY = Schedule(ConsiderationKind.RUNNING_ROYALTY, "CNY", royalty_rate=Decimal("3.5"))


def owner_changes(services: Services, asset_id: str) -> list[Any]:
    events = services.ledger.history(IpAsset, UUID(asset_id), 0, 100)
    return [e for e in events if isinstance(e, IpAsset.OwnerOfRecordChanged)]


@pytest.mark.parametrize("scheduled", [False, True], ids=["replayed", "from_snapshot"])
def test_a_recorded_assignment_makes_the_recipient_owner_of_record(
    services: Services, scheduled: bool
) -> None:
    """With consideration scheduled first, the recordal is the transfer's fifth event, so the
    policy reads the transfer from a snapshot (taken every five events in tests)."""
    with recording("staff:test", correlation_id="recordal-day"):
        a, b = party(services, "XJTU"), party(services, "Academy", "KZ")
        asset_id = asset(services, a)
        transfer_id = signed_transfer(services, asset_id, a, b)
        if scheduled:
            services.ledger.handle(ScheduleConsideration(transfer_id=transfer_id, schedule=ROYALTY))
        assert services.ledger.get(IpAsset, UUID(asset_id)).owner_party_id == a
        record(services, transfer_id)

    owned = services.ledger.get(IpAsset, UUID(asset_id))
    assert (owned.owner_party_id, owned.holder_party_id) == (b, a)
    assert owned.title_transfers == [str(transfer_id)]
    [change] = owner_changes(services, asset_id)
    assert (change.transfer_id, change.previous_owner_party_id) == (str(transfer_id), a)
    meta = metadata_of(change)
    assert meta is not None
    assert (meta.actor, meta.correlation_id) == ("policy:owner_of_record", "recordal-day")
    version = services.ledger.get(IpTransfer, transfer_id).version
    recorded = services.ledger.history(IpTransfer, transfer_id, version - 1, 1)[0]
    position = services.ledger.positions(transfer_id, version - 1, version)[version]
    assert type(recorded).__name__ == "RecordedWithOffice"
    assert meta.causation_id == f"log:{position}"


@pytest.mark.parametrize("mode", ["exclusive_licence", "sole_licence", "non_exclusive_licence"])
def test_a_recorded_licence_leaves_the_owner_of_record_alone(services: Services, mode: str) -> None:
    with recording("staff:test"):
        a, b = party(services, "XJTU"), party(services, "Academy", "KZ")
        asset_id = asset(services, a)
        record(services, signed_transfer(services, asset_id, a, b, mode))

    assert services.ledger.get(IpAsset, UUID(asset_id)).owner_party_id == a
    assert owner_changes(services, asset_id) == []


def recorded_assignments(services: Services, count: int) -> list[tuple[str, str]]:
    """`count` assets, each assigned and recorded, with the inline policy runner switched off:
    (asset id, recipient) pairs, owners still unchanged."""
    services.ledger.after_commands.clear()
    found = []
    with recording("staff:test"):
        university = party(services, "XJTU")
        for n in range(count):
            recipient = party(services, f"Company {n}")
            asset_id = asset(services, university, f"Patent {n}", f"CN 2019 1{n:07d}")
            record(services, signed_transfer(services, asset_id, university, recipient))
            found.append((asset_id, recipient))
        licensee = party(services, "Licensee")
        licensed = asset(services, university, "Licensed patent", "CN 2018 1000 0001")
        record(services, signed_transfer(services, licensed, university, licensee, "sole_licence"))
    assert all(owner_changes(services, a) == [] for a, _ in found)
    return found


def assert_each_changed_once(services: Services, assignments: list[tuple[str, str]]) -> None:
    for asset_id, recipient in assignments:
        assert len(owner_changes(services, asset_id)) == 1
        assert services.ledger.get(IpAsset, UUID(asset_id)).owner_party_id == recipient


@pytest.fixture
def other(settings: Settings) -> Iterator[Services]:
    built = bootstrap(settings)
    yield built
    built.close()


def test_running_the_policy_again_and_from_another_process_changes_nothing_twice(
    services: Services, other: Services, settings: Settings
) -> None:
    assignments = recorded_assignments(services, 3)

    services.followers.run([POLICIES])
    services.followers.run([POLICIES])
    other.followers.run([POLICIES])
    third = bootstrap(settings)
    try:
        third.followers.run([POLICIES])
    finally:
        third.close()

    assert_each_changed_once(services, assignments)
    head = services.ledger.recorder.max_notification_id()
    policy = services.followers.named("policy:owner_of_record")
    assert head - LAG_ALLOWED < policy.position() <= head


class Gated(OwnerOfRecord):
    """The real policy, but it waits at `gate` once it has decided its first change, so two
    runners both decide before either saves: one of them must lose."""

    def __init__(self, gate: threading.Barrier) -> None:
        self.gate = gate
        self.waited = False

    def react(self, ledger: Ledger, event: Any) -> Sequence[Recorded]:
        changed = super().react(ledger, event)
        if changed and not self.waited:
            self.waited = True
            self.gate.wait()
        return changed


def counting_losses(save: Callable[..., Any], lost: list[IntegrityError]) -> Callable[..., Any]:
    """`save`, noting each time it loses a race (the store refuses the write)."""

    def observed(*args: Any, **kwargs: Any) -> Any:
        try:
            return save(*args, **kwargs)
        except IntegrityError as error:
            lost.append(error)
            raise

    return observed


def test_two_runners_racing_over_the_same_events_change_each_owner_once(
    services: Services, other: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    assignments = recorded_assignments(services, 4)
    lost: list[IntegrityError] = []
    for ledger in (services.ledger, other.ledger):
        monkeypatch.setattr(ledger, "save_reaction", counting_losses(ledger.save_reaction, lost))
    gate = threading.Barrier(2, timeout=WAIT)
    runners = [
        PolicyFollower(services.ledger, Gated(gate)),
        PolicyFollower(other.ledger, Gated(gate)),
    ]
    failures: list[BaseException] = []

    def run(runner: PolicyFollower) -> None:
        try:
            runner.catch_up()
        except BaseException as error:  # reported to the test thread
            failures.append(error)

    threads = [threading.Thread(target=run, args=(r,)) for r in runners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)

    assert failures == []
    assert not any(t.is_alive() for t in threads)
    assert lost, "the runners did not race"
    assert_each_changed_once(services, assignments)
    services.followers.run([POLICIES])
    other.followers.run([POLICIES])
    assert_each_changed_once(other, assignments)
