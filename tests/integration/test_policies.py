"""Policies react to each recorded event exactly once, even when run again or twice at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from dealtrail.application.commands.parties import RegisterParty, RenameParty
from dealtrail.application.followers import POLICIES
from dealtrail.application.ledger import Ledger
from dealtrail.application.policies import LAG_ALLOWED, PolicyFollower
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.base import Recorded, metadata_of
from dealtrail.domain.metadata import recording
from dealtrail.domain.party import Party
from dealtrail.infrastructure.settings import Settings


class JoinAllianceOnRename:
    """A test policy: a renamed party joins the "Renamed" alliance (once per rename)."""

    name = "test-join-on-rename"
    reacts_to = (Party.Renamed,)

    def react(self, ledger: Ledger, event: Any) -> Sequence[Recorded]:
        if type(event).__name__ != "Renamed":
            return []
        party = ledger.get(Party, event.originator_id)
        party.join_alliance(f"Renamed to {event.name}")
        return [party]


def _alliances(services: Services, party_id: UUID) -> list[str]:
    return services.ledger.get(Party, party_id).alliances


def test_a_policy_reacts_once_per_event_however_often_it_runs(
    services: Services, settings: Settings
) -> None:
    with recording("staff:test"):
        party_id = services.ledger.handle(
            RegisterParty(name="Xi'an Jiaotong University", kind="university", country="CN")
        ).aggregate_id
        services.ledger.handle(RenameParty(party_id=party_id, name="XJTU"))
    runner = PolicyFollower(services.ledger, JoinAllianceOnRename())
    runner.catch_up()
    runner.catch_up()
    other = bootstrap(settings, policies=[JoinAllianceOnRename()])
    try:
        other.followers.run([POLICIES])
    finally:
        other.close()

    assert _alliances(services, party_id) == ["Renamed to XJTU"]
    reaction = services.ledger.history(Party, party_id, 2, 10)[0]
    meta = metadata_of(reaction)
    assert meta is not None and meta.actor == "policy:test-join-on-rename"
    assert meta.causation_id == "log:2"
    assert runner.position() == 3  # past the rename (2) and its own reaction, the head it found


def test_a_policy_runs_inline_after_a_command_it_reacts_to_and_moves_past_the_others_lazily(
    settings: Settings,
) -> None:
    """Inline, a command none of whose events the policy reacts to does not run it; its
    position still moves past those events (at the latest every LAG_ALLOWED positions), and its
    lag stays 0 since nothing waits for it."""
    services = bootstrap(settings, policies=[JoinAllianceOnRename()])
    try:
        policy = services.followers.named("policy:test-join-on-rename")
        with recording("staff:test"):
            registered = [
                services.ledger.handle(
                    RegisterParty(name=f"University {n}", kind="university", country="CN")
                )
                for n in range(2 * LAG_ALLOWED + 1)
            ]
            head = registered[-1].position
            assert policy.lag(head) == 0
            assert head - 2 * LAG_ALLOWED < policy.position() <= head

            renamed = services.ledger.handle(
                RenameParty(party_id=registered[0].aggregate_id, name="XJTU")
            )
        assert _alliances(services, registered[0].aggregate_id) == ["Renamed to XJTU"]
        assert policy.position() >= renamed.position
        assert policy.lag(services.followers.head()) == 0
    finally:
        services.close()
