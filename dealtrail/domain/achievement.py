"""Achievement: a sci-tech result offered for transfer on the achievements supermarket."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

from eventsourcing.domain import event

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.base import Lifecycle, Recorded
from dealtrail.domain.calendar import check_on_record, is_future
from dealtrail.domain.contact import Contact
from dealtrail.domain.errors import fail
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.offer import Offer
from dealtrail.domain.text import reason_text
from dealtrail.domain.transaction import Transaction

EXTERNAL_REFS = uuid5(NAMESPACE_URL, "urn:dealtrail:achievement:external-ref")


class AchievementStatus(StrEnum):
    DRAFT = "draft"
    LISTED = "listed"
    UNDER_NEGOTIATION = "under_negotiation"
    TRANSACTED = "transacted"
    WITHDRAWN = "withdrawn"


CLOSED = frozenset({AchievementStatus.TRANSACTED, AchievementStatus.WITHDRAWN})


class Achievement(Lifecycle):
    owner_party_id: str
    offer: Offer
    contact: Contact
    external_ref: ExternalRef | None
    status: AchievementStatus
    counterparty_id: str | None
    transaction: Transaction | None
    withdrawal_reason: str | None
    exhibited_at: list[str]

    @staticmethod
    def create_id(external_ref: ExternalRef | None) -> UUID:
        """Derived from the external reference when there is one, so that reference can name
        only one achievement: a second import of it cannot record a second achievement."""
        return Achievement.id_for(external_ref) if external_ref else uuid4()

    @staticmethod
    def id_for(external_ref: ExternalRef) -> UUID:
        return uuid5(EXTERNAL_REFS, f"{external_ref.scope}\n{external_ref.reference}")

    @classmethod
    def register(
        cls,
        owner_party_id: str,
        offer: Offer,
        contact: Contact,
        external_ref: ExternalRef | None = None,
    ) -> Achievement:
        return cls(
            owner_party_id=owner_party_id, offer=offer, contact=contact, external_ref=external_ref
        )

    class Registered(Recorded.Created):
        owner_party_id: str
        offer: Offer
        contact: Contact
        external_ref: ExternalRef | None

    @event(Registered)
    def __init__(
        self,
        owner_party_id: str,
        offer: Offer,
        contact: Contact,
        external_ref: ExternalRef | None,
    ) -> None:
        self.owner_party_id = owner_party_id
        self.offer = offer
        self.contact = contact
        self.external_ref = external_ref
        self.status = AchievementStatus.DRAFT
        self.counterparty_id = None
        self.transaction = None
        self.withdrawal_reason = None
        self.exhibited_at = []

    # ---- the supermarket ---------------------------------------------------------------------

    def list_on_supermarket(self) -> None:
        self._check_status(AchievementStatus.DRAFT, "achievement.not_draft")
        self._listed()

    @event("Listed")
    def _listed(self) -> None:
        self.status = AchievementStatus.LISTED

    def start_negotiation(self, counterparty_id: str) -> None:
        self._check_status(AchievementStatus.LISTED, "achievement.not_listed")
        if counterparty_id == self.owner_party_id:
            raise fail("achievement.owner_as_counterparty", "counterparty_id")
        self._negotiation_started(counterparty_id=counterparty_id)

    @event("NegotiationStarted")
    def _negotiation_started(self, counterparty_id: str) -> None:
        self.status = AchievementStatus.UNDER_NEGOTIATION
        self.counterparty_id = counterparty_id

    def negotiation_fell_through(self, reason: str) -> None:
        """The negotiation ended without a deal: the achievement is back on the supermarket."""
        self._check_status(AchievementStatus.UNDER_NEGOTIATION, "achievement.not_negotiating")
        self._negotiation_fell_through(reason=reason_text(reason))

    @event("NegotiationFellThrough")
    def _negotiation_fell_through(self, reason: str) -> None:
        self.status = AchievementStatus.LISTED
        self.counterparty_id = None

    def record_transaction(self, transacted_on: date, deal: Agreement | IpTransfer) -> None:
        """The achievement was transferred by `deal`, which only its owner can have made: an
        agreement the owner is a party to, or an IP transfer of rights the owner holds."""
        self._check_status(AchievementStatus.UNDER_NEGOTIATION, "achievement.not_negotiating")
        if is_future(transacted_on):
            raise fail("achievement.transacted_in_future", "transacted_on", on=transacted_on)
        check_on_record(transacted_on, "transacted_on")
        self._transacted(transaction=self._transaction(transacted_on, deal))

    @event("Transacted")
    def _transacted(self, transaction: Transaction) -> None:
        self.status = AchievementStatus.TRANSACTED
        self.transaction = transaction

    def withdraw(self, reason: str) -> None:
        self._check_not_in(CLOSED, "achievement.closed")
        self._withdrawn(reason=reason_text(reason))

    @event("Withdrawn")
    def _withdrawn(self, reason: str) -> None:
        self.status = AchievementStatus.WITHDRAWN
        self.counterparty_id = None
        self.withdrawal_reason = reason

    # ---- trading events ----------------------------------------------------------------------

    def exhibit_at(self, event_id: str) -> None:
        """Records that the achievement was displayed at a trading event."""
        self._check_not_in(CLOSED, "achievement.closed")
        if event_id in self.exhibited_at:
            raise fail("achievement.already_exhibited", "event_id", event_id=event_id)
        self._exhibited_at(event_id=event_id)

    @event("ExhibitedAt")
    def _exhibited_at(self, event_id: str) -> None:
        self.exhibited_at = [*self.exhibited_at, event_id]

    # ---- checks ------------------------------------------------------------------------------

    def _transaction(self, transacted_on: date, deal: Agreement | IpTransfer) -> Transaction:
        owner, deal_id = self.owner_party_id, str(deal.id)
        if isinstance(deal, Agreement):
            if owner not in deal.parties:
                raise fail(
                    "achievement.owner_not_party_to_agreement",
                    "agreement_id",
                    owner_party_id=owner,
                    agreement_id=deal_id,
                )
            return Transaction(transacted_on, agreement_id=deal_id)
        if deal.holder_party_id != owner:
            raise fail(
                "achievement.owner_not_transfer_holder",
                "ip_transfer_id",
                owner_party_id=owner,
                holder_party_id=deal.holder_party_id,
                ip_transfer_id=deal_id,
            )
        return Transaction(transacted_on, ip_transfer_id=deal_id)
