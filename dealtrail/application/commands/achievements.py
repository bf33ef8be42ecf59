"""Commands on achievements: register, list on the supermarket, negotiate, transact, exhibit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from dealtrail.application.command import Change, Create, Records, command
from dealtrail.application.commands.parties import registered_party
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.contact import Contact
from dealtrail.domain.errors import fail
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.offer import Offer
from dealtrail.domain.trading_event import TradingEvent
from dealtrail.domain.transaction import Transaction


@command("achievement.register", arguments={"owner_party_id": "owner"})
class RegisterAchievement(Create[Achievement]):
    owner_party_id: str
    offer: Offer
    contact: Contact
    external_ref: ExternalRef | None = None

    def check(self, records: Records) -> None:
        registered_party(records, self.owner_party_id, "owner_party_id")
        for index, asset_id in enumerate(self.offer.ip_asset_ids):
            if not records.exists(IpAsset, UUID(asset_id)):
                field = f"offer.ip_asset_ids.{index}"
                raise fail("achievement.unknown_ip_asset", field, asset_id=asset_id)

    def build_from(self, records: Records) -> Achievement:
        """A reference already recorded is refused here, after a replayed key has been answered
        (the retry of a registration finds its own achievement under that reference)."""
        if self.external_ref is not None:
            achievement_id = Achievement.id_for(self.external_ref)
            if records.exists(Achievement, achievement_id):
                raise fail(
                    "achievement.external_ref_taken",
                    "external_ref.reference",
                    scope=self.external_ref.scope,
                    reference=self.external_ref.reference,
                    achievement_id=achievement_id,
                )
        return Achievement.register(
            self.owner_party_id, self.offer, self.contact, self.external_ref
        )


@dataclass(frozen=True, kw_only=True)
class AchievementChange(Change[Achievement]):
    AGGREGATE = Achievement
    TARGET = "achievement_id"
    achievement_id: UUID


@command("achievement.list", acts="list_on_supermarket")
class ListAchievement(AchievementChange):
    pass


@command("achievement.start_negotiation", acts="start_negotiation")
class StartNegotiation(AchievementChange):
    counterparty_id: str

    def check(self, records: Records) -> None:
        registered_party(records, self.counterparty_id, "counterparty_id")


@command("achievement.negotiation_fell_through", acts="negotiation_fell_through")
class RecordFallThrough(AchievementChange):
    """The negotiation ended without a deal: the achievement is listed again."""

    reason: str


@command("achievement.record_transaction", dated="transacted_on")
class RecordTransaction(AchievementChange):
    """The deal that transferred the achievement: exactly one of an agreement and an IP
    transfer, which the achievement checks its owner made."""

    transacted_on: date
    agreement_id: str | None = None
    ip_transfer_id: str | None = None

    @property
    def transaction(self) -> Transaction:
        return Transaction(self.transacted_on, self.agreement_id, self.ip_transfer_id)

    def arguments(self) -> dict[str, Any]:
        return {"transaction": self.transaction}

    def check(self, records: Records) -> None:
        deal = self.transaction  # refused first if it names no deal, or two
        agreement_id, transfer_id = deal.agreement_id, deal.ip_transfer_id
        if agreement_id is not None and not records.exists(Agreement, UUID(agreement_id)):
            raise fail("achievement.unknown_agreement", "agreement_id", agreement_id=agreement_id)
        if transfer_id is not None and not records.exists(IpTransfer, UUID(transfer_id)):
            raise fail(
                "achievement.unknown_ip_transfer", "ip_transfer_id", ip_transfer_id=transfer_id
            )

    def act_on(self, achievement: Achievement, records: Records) -> None:
        deal: Agreement | IpTransfer
        if self.agreement_id is not None:
            deal = records.get(Agreement, UUID(self.agreement_id))
        else:
            deal = records.get(IpTransfer, UUID(str(self.ip_transfer_id)))
        achievement.record_transaction(self.transacted_on, deal)


@command("achievement.withdraw", acts="withdraw")
class WithdrawAchievement(AchievementChange):
    reason: str


@command("achievement.exhibit_at", acts="exhibit_at")
class ExhibitAchievement(AchievementChange):
    """Records the achievement as exhibited; a policy then counts it at the trading event."""

    event_id: str

    def check(self, records: Records) -> None:
        if not records.exists(TradingEvent, UUID(self.event_id)):
            raise fail("achievement.unknown_trading_event", "event_id", event_id=self.event_id)
