"""The composition root: wires settings and infrastructure into the application services."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from dealtrail.application.agreements import Agreements
from dealtrail.application.ledger import Ledger
from dealtrail.application.parties import Parties
from dealtrail.application.policies import PolicyRunner
from dealtrail.infrastructure.audit_key import load_signing_key
from dealtrail.infrastructure.audit_trail import AuditTrail
from dealtrail.infrastructure.catalogue import Catalogue
from dealtrail.infrastructure.database import create_database_engine
from dealtrail.infrastructure.persistence import ledger_env
from dealtrail.infrastructure.schema_lock import schema_lock
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.tokens import TokenStore
from dealtrail.infrastructure.views.agreements import AgreementsView
from dealtrail.infrastructure.views.parties import PartiesView


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

    def close(self) -> None:
        self.ledger.close()
        self.tokens.engine.dispose()


def build_services(settings: Settings) -> Services:
    """Opens the stores, creating their tables if they are missing (idempotent): one process at
    a time, since web workers start together."""
    with schema_lock(settings):
        return _build(settings)


def _build(settings: Settings) -> Services:
    ledger = Ledger(env=ledger_env(settings))
    parties = Parties(ledger)
    engine = create_database_engine(settings)
    tokens = TokenStore(engine)
    tokens.create_tables()
    catalogue = Catalogue(engine, ledger, [PartiesView(engine), AgreementsView(engine)])
    catalogue.create_tables()
    policies = PolicyRunner(ledger, [])
    ledger.after_commands.append(policies.catch_up)
    audit = AuditTrail(engine, ledger, load_signing_key(settings))
    audit.create_tables()
    return Services(
        settings, ledger, parties, Agreements(ledger, parties), tokens, catalogue, policies, audit
    )


def services() -> Services:
    return current_app.extensions["dealtrail"]
