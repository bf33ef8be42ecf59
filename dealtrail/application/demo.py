"""Records the demo conference through the application, one idempotent command per step.

Every step carries an idempotency key, so loading twice adds nothing; every event is recorded by
`system:demo` with the conference day as its effective time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime, time
from uuid import UUID

from dealtrail.application.agreements import Agreements
from dealtrail.application.demo_data import AGREEMENTS, CONFERENCE_DAY, PARTIES, DemoAgreement
from dealtrail.application.ledger import Options
from dealtrail.application.parties import Parties
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.metadata import EventMetadata, recording
from dealtrail.domain.money import Money
from dealtrail.domain.terms import Participant, Terms

ACTOR = "system:demo"

Step = Callable[[], object]


class Demo:
    def __init__(self, parties: Parties, agreements: Agreements) -> None:
        self.parties = parties
        self.agreements = agreements
        self.party_ids: dict[str, str] = {}

    def steps(self) -> Iterator[Step]:
        """The demo as a sequence of steps: run each inside `recording_demo()`."""
        for party in PARTIES:
            yield lambda p=party: self._register(p.key, p.name, p.kind, p.country)
            for alliance in party.alliances:
                yield lambda p=party, a=alliance: self.parties.join_alliance(
                    UUID(self.party_ids[p.key]), a, self._key(f"party:{p.key}:{a}")
                )
        for agreement in AGREEMENTS:
            yield lambda a=agreement: self._agreement(a)

    def count(self) -> int:
        return len(PARTIES) + sum(len(p.alliances) for p in PARTIES) + len(AGREEMENTS)

    def _register(self, key: str, name: str, kind: str, country: str) -> None:
        result = self.parties.register(name, kind, country, None, self._key(f"party:{key}"))
        self.party_ids[key] = str(result.aggregate_id)

    def _agreement(self, demo: DemoAgreement) -> None:
        value = Money.of(*demo.value) if demo.value else None
        starts_on, ends_on = demo.term or (None, None)
        terms = Terms(demo.title, demo.summary, value, starts_on, ends_on)
        participants = [
            Participant(self.party_ids[key], role, must_sign=role != "witness")
            for key, role in demo.parties
        ]
        key = f"agreement:{demo.key}"
        drafted = self.agreements.draft(demo.kind, terms, participants, self._key(key))
        agreement_id = drafted.aggregate_id
        if demo.opened:
            self.agreements.open_for_signature(agreement_id, self._key(f"{key}:open"))
        for s in demo.signatures:
            self.agreements.sign(
                agreement_id,
                self.party_ids[s.party],
                s.name,
                s.title,
                s.signed_on,
                self._key(f"{key}:sign:{s.party}"),
            )
        for index, m in enumerate(demo.milestones):
            added = self.agreements.add_milestone(
                agreement_id,
                m.title,
                m.due_on,
                self.party_ids[m.owner],
                "",
                self._key(f"{key}:milestone:{index}"),
            )
            if m.achieved_on:
                self.agreements.achieve_milestone(
                    agreement_id,
                    Agreement.child_id(agreement_id, added.version),
                    "conference minutes",
                    m.achieved_on,
                    self._key(f"{key}:milestone:{index}:achieved"),
                )
        if demo.completed_on:
            self.agreements.complete(agreement_id, demo.completed_on, self._key(f"{key}:complete"))

    @staticmethod
    def _key(name: str) -> Options:
        return Options(idempotency_key=f"demo:{name}")


def recording_demo() -> AbstractContextManager[EventMetadata]:
    """The metadata context every demo command runs in."""
    return recording(
        ACTOR,
        correlation_id="demo-conference",
        effective_at=datetime.combine(CONFERENCE_DAY, time(9), tzinfo=UTC),
        comment="Demo data: the Belt and Road sci-tech achievements trading conference",
    )


def load_demo(
    parties: Parties, agreements: Agreements, progress: Callable[[int], None] | None = None
) -> int:
    """Loads the demo (idempotently); returns the number of steps run."""
    demo = Demo(parties, agreements)
    steps = 0
    with recording_demo():
        for step in demo.steps():
            step()
            steps += 1
            if progress:
                progress(1)
    return steps
