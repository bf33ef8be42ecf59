"""Use cases for achievements: register, list on the supermarket, negotiate, transact, exhibit."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from dealtrail.application.command import NO_OPTIONS, CommandResult, Options
from dealtrail.application.ledger import Ledger
from dealtrail.application.ledger import OldCommand as Command
from dealtrail.application.parties import Parties
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.contact import Contact
from dealtrail.domain.errors import fail
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.metadata import BusinessDate
from dealtrail.domain.offer import Offer
from dealtrail.domain.trading_event import TradingEvent
from dealtrail.domain.transaction import Transaction


class Achievements:
    def __init__(self, ledger: Ledger, parties: Parties) -> None:
        self.ledger = ledger
        self.parties = parties

    def register(
        self,
        owner_party_id: str,
        offer: Offer,
        contact: Contact,
        external_ref: ExternalRef | None = None,
        options: Options = NO_OPTIONS,
    ) -> CommandResult:
        self._check_party(owner_party_id, "owner_party_id")
        for index, asset_id in enumerate(offer.ip_asset_ids):
            if not self.ledger.exists(IpAsset, UUID(asset_id)):
                raise fail(
                    "achievement.unknown_ip_asset", f"offer.ip_asset_ids.{index}", asset_id=asset_id
                )
        args = {
            "owner": owner_party_id,
            "offer": offer,
            "contact": contact,
            "external_ref": external_ref,
        }

        def build() -> Achievement:
            if external_ref is not None:
                self._check_reference_free(external_ref)
            return Achievement.register(owner_party_id, offer, contact, external_ref)

        return self.ledger.create(Command("achievement.register", args, options), build)

    def list_on_supermarket(
        self, achievement_id: UUID, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(achievement_id, "list", {}, options, lambda a: a.list_on_supermarket())

    def start_negotiation(
        self, achievement_id: UUID, counterparty_id: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        self._check_party(counterparty_id, "counterparty_id")
        return self._change(
            achievement_id,
            "start_negotiation",
            {"counterparty_id": counterparty_id},
            options,
            lambda a: a.start_negotiation(counterparty_id),
        )

    def negotiation_fell_through(
        self, achievement_id: UUID, reason: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            achievement_id,
            "negotiation_fell_through",
            {"reason": reason},
            options,
            lambda a: a.negotiation_fell_through(reason),
        )

    def record_transaction(
        self, achievement_id: UUID, transaction: Transaction, options: Options = NO_OPTIONS
    ) -> CommandResult:
        agreement_id, transfer_id = transaction.agreement_id, transaction.ip_transfer_id
        if agreement_id is not None and not self.ledger.exists(Agreement, UUID(agreement_id)):
            raise fail("achievement.unknown_agreement", "agreement_id", agreement_id=agreement_id)
        if transfer_id is not None and not self.ledger.exists(IpTransfer, UUID(transfer_id)):
            raise fail(
                "achievement.unknown_ip_transfer", "ip_transfer_id", ip_transfer_id=transfer_id
            )
        return self._change(
            achievement_id,
            "record_transaction",
            {"transaction": transaction},
            options,
            lambda a: a.record_transaction(transaction.transacted_on, self._deal(transaction)),
            BusinessDate("transacted_on", transaction.transacted_on),
        )

    def withdraw(
        self, achievement_id: UUID, reason: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        return self._change(
            achievement_id, "withdraw", {"reason": reason}, options, lambda a: a.withdraw(reason)
        )

    def exhibit_at(
        self, achievement_id: UUID, event_id: str, options: Options = NO_OPTIONS
    ) -> CommandResult:
        """Records the achievement as exhibited; a policy then counts it at the trading event."""
        if not self.ledger.exists(TradingEvent, UUID(event_id)):
            raise fail("achievement.unknown_trading_event", "event_id", event_id=event_id)
        return self._change(
            achievement_id,
            "exhibit_at",
            {"event_id": event_id},
            options,
            lambda a: a.exhibit_at(event_id),
        )

    def get(self, achievement_id: UUID, version: int | None = None) -> Achievement:
        return self.ledger.get(Achievement, achievement_id, version)

    def exists(self, achievement_id: UUID) -> bool:
        return self.ledger.exists(Achievement, achievement_id)

    def find_by_reference(self, external_ref: ExternalRef) -> Achievement | None:
        achievement_id = Achievement.id_for(external_ref)
        return self.get(achievement_id) if self.exists(achievement_id) else None

    def _deal(self, transaction: Transaction) -> Agreement | IpTransfer:
        if transaction.agreement_id is not None:
            return self.ledger.get(Agreement, UUID(transaction.agreement_id))
        return self.ledger.get(IpTransfer, UUID(str(transaction.ip_transfer_id)))

    def _check_party(self, party_id: str, field: str) -> None:
        if not self.parties.exists(UUID(party_id)):
            raise fail("party.unknown", field, party_id=party_id)

    def _check_reference_free(self, external_ref: ExternalRef) -> None:
        achievement_id = Achievement.id_for(external_ref)
        if self.exists(achievement_id):
            raise fail(
                "achievement.external_ref_taken",
                "external_ref.reference",
                scope=external_ref.scope,
                reference=external_ref.reference,
                achievement_id=achievement_id,
            )

    def _change(
        self,
        achievement_id: UUID,
        name: str,
        args: dict[str, object],
        options: Options,
        act: Callable[[Achievement], object],
        dated: BusinessDate | None = None,
    ) -> CommandResult:
        command = Command(f"achievement.{name}", args, options, dated)
        return self.ledger.change(command, Achievement, achievement_id, act)
