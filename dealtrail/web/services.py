"""The composition root: wires settings and infrastructure into the application services."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from dealtrail.application.achievement_import import AchievementImport
from dealtrail.application.achievements import Achievements
from dealtrail.application.agreements import Agreements
from dealtrail.application.exhibits import CountExhibits
from dealtrail.application.ip_assets import IpAssets
from dealtrail.application.ip_transfers import IpTransfers
from dealtrail.application.ledger import Ledger
from dealtrail.application.listings import Listings
from dealtrail.application.owner_of_record import OwnerOfRecord
from dealtrail.application.parties import Parties
from dealtrail.application.policies import PolicyRunner
from dealtrail.application.privacy import Privacy
from dealtrail.application.token_admin import TokenAdministration
from dealtrail.application.trading_events import TradingEvents
from dealtrail.infrastructure.audit_key import load_signing_key
from dealtrail.infrastructure.audit_trail import AuditTrail
from dealtrail.infrastructure.catalogue import Catalogue
from dealtrail.infrastructure.database import create_database_engine
from dealtrail.infrastructure.migrations.upgrade import upgrade_stores
from dealtrail.infrastructure.party_directory import CataloguePartyDirectory
from dealtrail.infrastructure.persistence import ledger_env
from dealtrail.infrastructure.schema_lock import schema_lock
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.store_format import check_store_format
from dealtrail.infrastructure.subject_vault import SqlSubjectVault
from dealtrail.infrastructure.tokens import TokenStore
from dealtrail.infrastructure.views.achievements import AchievementsView
from dealtrail.infrastructure.views.agreements import AgreementsView
from dealtrail.infrastructure.views.ip_assets import IpAssetsView
from dealtrail.infrastructure.views.ip_transfers import IpTransfersView
from dealtrail.infrastructure.views.listings import ListingsView
from dealtrail.infrastructure.views.milestones import MilestonesView
from dealtrail.infrastructure.views.parties import PartiesView
from dealtrail.infrastructure.views.receivables import (
    AgreementReceivablesView,
    TransferReceivablesView,
)
from dealtrail.infrastructure.views.trading_events import TradingEventsView


@dataclass
class Services:
    settings: Settings
    ledger: Ledger
    parties: Parties
    agreements: Agreements
    tokens: TokenStore
    catalogue: Catalogue
    policies: PolicyRunner
    audit: AuditTrail
    listings: Listings
    achievements: Achievements
    trading_events: TradingEvents
    achievement_import: AchievementImport
    ip_assets: IpAssets
    ip_transfers: IpTransfers
    privacy: Privacy
    token_admin: TokenAdministration

    def close(self) -> None:
        self.ledger.close()
        self.tokens.engine.dispose()


def build_services(settings: Settings) -> Services:
    """Opens the stores, creating their tables if they are missing (idempotent): one process at
    a time, since web workers start together. Refuses first (StoreFormatMismatch) if the
    settings would misread the store's events."""
    with schema_lock(settings):
        check_store_format(settings)
        return _build(settings)


def _build(settings: Settings) -> Services:
    engine = create_database_engine(settings)
    upgrade_stores(settings, engine)
    vault = SqlSubjectVault(engine)
    vault.create_secrets()
    ledger = Ledger(env=ledger_env(settings), vault=vault)
    parties = Parties(ledger)
    tokens = TokenStore(engine)
    catalogue = Catalogue(
        engine,
        ledger,
        [
            PartiesView(engine),
            AgreementsView(engine),
            ListingsView(engine),
            AchievementsView(engine),
            TradingEventsView(engine),
            IpAssetsView(engine),
            IpTransfersView(engine),
            MilestonesView(engine),
            AgreementReceivablesView(engine),
            TransferReceivablesView(engine),
        ],
        inline=settings.inline_followers,
    )
    catalogue.create_tables()
    policies = PolicyRunner(ledger, [CountExhibits(), OwnerOfRecord()])
    if settings.inline_followers:  # else `dealtrail projections run` workers follow the log
        ledger.after_commands.append(policies.catch_up)
    audit = AuditTrail(engine, ledger, load_signing_key(settings))
    audit.create_tables()
    achievements = Achievements(ledger, parties)
    return Services(
        settings,
        ledger,
        parties,
        Agreements(ledger, parties),
        tokens,
        catalogue,
        policies,
        audit,
        listings=Listings(ledger, parties),
        achievements=achievements,
        trading_events=TradingEvents(ledger, parties),
        achievement_import=AchievementImport(
            parties, achievements, CataloguePartyDirectory(catalogue)
        ),
        ip_assets=IpAssets(ledger),
        ip_transfers=IpTransfers(ledger),
        privacy=Privacy(ledger, vault, lambda: catalogue.view(PartiesView).ids()),
        token_admin=TokenAdministration(ledger, tokens),
    )


def services() -> Services:
    return current_app.extensions["dealtrail"]
