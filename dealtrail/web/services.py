"""The composition root: wires settings and infrastructure into the application services."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from dealtrail.application.achievement_import import AchievementImport
from dealtrail.application.exhibits import CountExhibits
from dealtrail.application.ledger import Ledger
from dealtrail.application.owner_of_record import OwnerOfRecord
from dealtrail.application.parties import Parties
from dealtrail.application.policies import PolicyRunner
from dealtrail.infrastructure.audit_key import load_signing_key
from dealtrail.infrastructure.audit_trail import AuditTrail
from dealtrail.infrastructure.catalogue import Catalogue
from dealtrail.infrastructure.database import create_database_engine
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
    tokens: TokenStore
    catalogue: Catalogue
    policies: PolicyRunner
    audit: AuditTrail
    achievement_import: AchievementImport

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
    vault = SqlSubjectVault(engine)
    vault.create_tables()
    ledger = Ledger(env=ledger_env(settings), vault=vault)
    parties = Parties(ledger)
    tokens = TokenStore(engine)
    tokens.create_tables()
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
    return Services(
        settings,
        ledger,
        parties,
        tokens,
        catalogue,
        policies,
        audit,
        achievement_import=AchievementImport(ledger, CataloguePartyDirectory(catalogue)),
    )


def services() -> Services:
    return current_app.extensions["dealtrail"]
