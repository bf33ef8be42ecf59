"""The composition root: settings → infrastructure → application, for every entry point (the web
app, the CLI, the `projections` workers, the tests). Production defaults; a test overrides what
it needs by keyword."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine

from dealtrail.application.achievement_import import AchievementImport
from dealtrail.application.event_feed import EventFeed
from dealtrail.application.exhibits import CountExhibits
from dealtrail.application.followers import AUDIT, POLICIES, VIEWS, Followers, Group
from dealtrail.application.ledger import Ledger
from dealtrail.application.owner_of_record import OwnerOfRecord
from dealtrail.application.policies import LAG_ALLOWED, Policy, PolicyFollower
from dealtrail.application.ports.auth_failures import AuthFailures
from dealtrail.application.ports.receipts import ReceiptSigner
from dealtrail.application.ports.reports import Reports
from dealtrail.application.ports.tokens import TokenStore
from dealtrail.application.ports.views import Views
from dealtrail.infrastructure.audit_key import load_signing_key
from dealtrail.infrastructure.audit_trail import AuditTrail
from dealtrail.infrastructure.auth_failures import SqlAuthFailures
from dealtrail.infrastructure.database import create_events_engine
from dealtrail.infrastructure.leaf_lookup import SqlStoredLeaves
from dealtrail.infrastructure.party_directory import ViewPartyDirectory
from dealtrail.infrastructure.persistence import ledger_env
from dealtrail.infrastructure.postgres_url import DatabaseURLError
from dealtrail.infrastructure.read_models import ReadModels
from dealtrail.infrastructure.receipt_signer import KeyReceiptSigner
from dealtrail.infrastructure.reports.sql_reports import SqlReports
from dealtrail.infrastructure.schema_lock import schema_lock
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.store_format import StoreFormatMismatch, check_store_format
from dealtrail.infrastructure.subject_vault import SqlSubjectVault
from dealtrail.infrastructure.token_cache import CachedTokenStore
from dealtrail.infrastructure.tokens import SqlTokenStore
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
from dealtrail.infrastructure.views.sql_views import SqlViews
from dealtrail.infrastructure.views.trading_events import TradingEventsView
from dealtrail.stores import migrated

__all__ = ["DatabaseURLError", "Services", "Settings", "StoreFormatMismatch", "bootstrap"]

ALL_POLICIES: tuple[Policy, ...] = (CountExhibits(), OwnerOfRecord())


@dataclass
class Services:
    settings: Settings
    ledger: Ledger
    tokens: TokenStore
    auth_failures: AuthFailures
    read_models: ReadModels
    audit: AuditTrail
    followers: Followers
    achievement_import: AchievementImport
    views: Views
    reports: Reports
    receipts: ReceiptSigner
    feed: EventFeed

    def close(self) -> None:
        self.ledger.close()
        self.read_models.engine.dispose()  # the one engine every store but the ledger's shares
        self.audit.events_engine.dispose()  # the leaves' (that same engine on PostgreSQL)


def bootstrap(settings: Settings, *, policies: Sequence[Policy] = ALL_POLICIES) -> Services:
    """Opens the stores, creating their tables if they are missing (idempotent): one process at
    a time, since web workers start together. Refuses first (StoreFormatMismatch) if the
    settings would misread the store's events."""
    with schema_lock(settings):
        check_store_format(settings)
        return _build(settings, migrated(settings), policies)


def _build(settings: Settings, engine: Engine, policies: Sequence[Policy]) -> Services:
    vault = SqlSubjectVault(engine)
    vault.create_secrets()
    ledger = Ledger(env=ledger_env(settings), vault=vault)
    tokens = CachedTokenStore(SqlTokenStore(engine))
    read_models = ReadModels(
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
    read_models.create_tables()
    key = load_signing_key(settings)
    audit = AuditTrail(
        engine,
        engine if settings.postgres else create_events_engine(settings),
        ledger,
        key,
        every=timedelta(seconds=settings.tree_head_seconds),
    )
    audit.create_tables()
    reactions = tuple(PolicyFollower(ledger, policy) for policy in policies)
    followers = Followers(
        lambda: ledger.recorder.max_notification_id() or 0,
        [
            Group(VIEWS, (read_models,)),
            Group(AUDIT, (audit,)),
            Group(
                POLICIES,
                reactions,
                after_commands=True,
                woken_by=tuple(kind for policy in policies for kind in policy.reacts_to),
                every=LAG_ALLOWED,
            ),
        ],
        inline=settings.inline_followers,
    )
    ledger.after_commands.append(followers.after_command)
    return Services(
        settings,
        ledger,
        tokens,
        SqlAuthFailures(engine, settings.auth_fail_limit, settings.auth_fail_window),
        read_models,
        audit,
        followers,
        achievement_import=AchievementImport(ledger, ViewPartyDirectory(read_models)),
        views=SqlViews(read_models.view),
        reports=SqlReports(engine, read_models.catch_up if settings.inline_followers else None),
        receipts=KeyReceiptSigner(key),
        feed=EventFeed(ledger, SqlStoredLeaves(audit.events_engine)),
    )
