"""Records the demo conference through the application, one idempotent command at a time.

Every command carries an idempotency key, so loading twice adds nothing; every event is recorded by
`system:demo` with the conference's opening as its effective time, except a dated fact's (a
signature, a grant, a payment), which takes effect on its own date. The core is the conference's
founding parties, alliances and agreements; with `conference` the whole conference follows: its
members, IP assets, the trading event and its programme, 505 achievements, 72 pitches, the IP
transfers, negotiations and equity listings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain

from dealtrail.application.commands.agreements import (
    AchieveMilestone,
    AddMilestone,
    CompleteAgreement,
    DraftAgreement,
    OpenForSignature,
    SignAgreement,
)
from dealtrail.application.commands.parties import JoinAlliance, RegisterParty
from dealtrail.application.ledger import Ledger
from dealtrail.demo.achievements import EXHIBITED, FEWEST
from dealtrail.demo.core import (
    AGREEMENTS,
    PARTIES,
    DemoAgreement,
    DemoParty,
)
from dealtrail.demo.deal_steps import DealSteps
from dealtrail.demo.deals import DEAL_AGREEMENTS
from dealtrail.demo.event_steps import EventSteps
from dealtrail.demo.members import MEMBERS
from dealtrail.demo.steps import DemoIds, Loader, Step, recording_demo
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.money import Money
from dealtrail.domain.terms import Participant, Terms


class Demo(Loader):
    def __init__(
        self,
        ledger: Ledger,
        conference: bool = False,
        exhibited: int = EXHIBITED,
    ) -> None:
        """`exhibited`: how many of the demo's achievements to record, from the first;
        fewer than all only to load faster in tests."""
        if not FEWEST <= exhibited <= EXHIBITED:
            raise ValueError(f"the demo exhibits {FEWEST} to {EXHIBITED} achievements")
        super().__init__(ledger, DemoIds())
        self.conference = conference
        self.exhibited = exhibited

    def steps(self) -> Iterator[Step]:
        """The demo as a sequence of steps: run each inside `recording_demo()`."""
        yield from self._parties(PARTIES)
        yield from self._agreements(AGREEMENTS)
        if not self.conference:
            return
        event = EventSteps(self.ledger, self.ids, self.exhibited)
        deals = DealSteps(self.ledger, self.ids)
        yield from chain(
            self._parties(MEMBERS),
            self._agreements(DEAL_AGREEMENTS),
            deals.assets(),
            event.programme(),
            event.exhibits(),
            event.pitches(),
            event.agreements_signed(),
            deals.transfers(),
            deals.supermarket(),
            deals.listings(),
        )

    def count(self) -> int:
        """The number of steps: making them runs nothing."""
        return sum(1 for _ in self.steps())

    def _parties(self, parties: tuple[DemoParty, ...]) -> Iterator[Step]:
        for party in parties:
            yield partial(self._register, party)
            for alliance in party.alliances:
                yield partial(self._join, party.key, alliance)

    def _agreements(self, agreements: tuple[DemoAgreement, ...]) -> Iterator[Step]:
        for agreement in agreements:
            yield partial(self._agreement, agreement)

    def _register(self, party: DemoParty) -> None:
        register = RegisterParty(name=party.name, kind=party.kind, country=party.country)
        result = self.record(register, f"party:{party.key}")
        self.ids.remember("party", party.key, result)

    def _join(self, key: str, alliance: str) -> None:
        join = JoinAlliance(party_id=self.ids.uuid("party", key), alliance=alliance)
        self.record(join, f"party:{key}:{alliance}")

    def _agreement(self, demo: DemoAgreement) -> None:
        value = Money.of(*demo.value) if demo.value else None
        starts_on, ends_on = demo.term or (None, None)
        terms = Terms(demo.title, demo.summary, value, starts_on, ends_on)
        participants = [
            Participant(self.ids("party", key), role, must_sign=role != "witness")
            for key, role in demo.parties
        ]
        key = f"agreement:{demo.key}"
        draft = DraftAgreement(kind=demo.kind, terms=terms, parties=participants)
        agreement_id = self.ids.remember("agreement", demo.key, self.record(draft, key))
        if demo.opened:
            opening = OpenForSignature(agreement_id=agreement_id)
            self.record(opening, f"{key}:open")
        for s in demo.signatures:
            sign = SignAgreement(
                agreement_id=agreement_id,
                party_id=self.ids("party", s.party),
                signatory_name=s.name,
                signatory_title=s.title,
                signed_on=s.signed_on,
            )
            self.record(sign, f"{key}:sign:{s.party}")
        for index, m in enumerate(demo.milestones):
            add = AddMilestone(
                agreement_id=agreement_id,
                title=m.title,
                due_on=m.due_on,
                owner_party_id=self.ids("party", m.owner),
            )
            added = self.record(add, f"{key}:milestone:{index}")
            if m.achieved_on:
                achieve = AchieveMilestone(
                    agreement_id=agreement_id,
                    milestone_id=Agreement.child_id(agreement_id, added.version),
                    evidence_ref="conference minutes",
                    achieved_on=m.achieved_on,
                )
                self.record(achieve, f"{key}:milestone:{index}:achieved")
        if demo.completed_on:
            complete = CompleteAgreement(agreement_id=agreement_id, completed_on=demo.completed_on)
            self.record(complete, f"{key}:complete")


def load_demo(
    ledger: Ledger,
    progress: Callable[[int], None] | None = None,
    conference: bool = False,
    exhibited: int = EXHIBITED,
) -> int:
    """Loads the demo (idempotently): its core, or with `conference` the whole conference.
    Returns the number of steps run; `progress` is called after each."""
    demo = Demo(ledger, conference, exhibited)
    steps = 0
    with recording_demo():
        for step in demo.steps():
            step()
            steps += 1
            if progress:
                progress(1)
    return steps
