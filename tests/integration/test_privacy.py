"""Forgetting a data subject erases their personal data everywhere without breaking the proof."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import psycopg
import pytest

from dealtrail.application.command import CommandResult
from dealtrail.application.commands import privacy
from dealtrail.application.commands.achievements import RegisterAchievement
from dealtrail.bootstrap import Services
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.contact import Contact
from dealtrail.domain.erasure import Erasure
from dealtrail.domain.errors import DomainError
from dealtrail.domain.metadata import recording
from dealtrail.domain.personal import ERASED
from dealtrail.infrastructure.settings import Settings
from tests.integration import achievement_builders
from tests.integration.builders import open_agreement, signature

NAME = "Zhang Xiaoming"


def forget(services: Services, name: str, reason: str) -> CommandResult:
    """Forgets `name` wherever personal data may be filed."""
    return privacy.forget(services.ledger, name, reason, services.views.parties).result


def _everything_stored(settings: Settings) -> bytes:
    """Every byte the stores hold: the SQLite files (with their WALs), or every PostgreSQL row."""
    if settings.database_url is None:
        return b"".join(f.read_bytes() for f in settings.data_dir.glob("*.sqlite3*"))
    with psycopg.connect(settings.database_url) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (settings.database_schema,),
        ).fetchall()
        dump = [
            str(row).encode()
            for (table,) in tables
            for row in conn.execute(f'SELECT t::text FROM {settings.database_schema}."{table}" t')
        ]
    return b"".join(dump)


@pytest.fixture
def signed_by_name(services: Services) -> tuple[Services, UUID]:
    with recording("staff:test"):
        agreement_id, a, _ = open_agreement(services)
        services.ledger.handle(signature(agreement_id, a, NAME, "Director", date(2026, 11, 20)))
        services.ledger.handle(
            signature(agreement_id, _, "Aida Nur", "Vice-President", date(2026, 11, 20))
        )
    return services, agreement_id


def test_personal_data_is_never_stored_in_plaintext(
    signed_by_name: tuple[Services, UUID], settings: Settings
) -> None:
    services, agreement_id = signed_by_name
    signatures = services.ledger.get(Agreement, agreement_id).signatures.values()
    assert NAME in [str(s.signatory_name) for s in signatures]
    stored = _everything_stored(settings)
    assert NAME.encode() not in stored and NAME.encode().hex().encode() not in stored


def test_a_forgotten_subject_reads_as_erased_and_the_log_still_verifies(
    signed_by_name: tuple[Services, UUID], settings: Settings
) -> None:
    services, agreement_id = signed_by_name
    vault = services.ledger.vault
    party = next(iter(services.ledger.get(Agreement, agreement_id).signatures))
    key = vault.key(vault.subject_of(NAME, party), create=False)
    assert key is not None
    services.audit.sign_head()

    with recording("admin:dpo", comment="erasure request"):
        forget(services, NAME, "Erasure request under GDPR art. 17")

    names = sorted(
        str(s.signatory_name)
        for s in services.ledger.get(Agreement, agreement_id).signatures.values()
    )
    assert names == sorted([ERASED, "Aida Nur"])
    trail = services.audit
    report = trail.verify()
    assert report.ok and report.root_matches
    assert vault.key(vault.subject_of(NAME, party), create=False) is None
    stored = _everything_stored(settings)
    assert key not in stored and key.hex().encode() not in stored
    assert NAME.encode() not in stored


def test_forgetting_someone_not_on_record_is_refused_and_leaves_the_signatures_readable(
    signed_by_name: tuple[Services, UUID],
) -> None:
    services, agreement_id = signed_by_name
    head = services.ledger.recorder.max_notification_id()
    with recording("admin:dpo"), pytest.raises(DomainError) as refused:
        forget(services, "Somebody Else", "Erasure request")
    assert (refused.value.code, refused.value.field) == ("privacy.unknown_subject", "name")
    assert services.ledger.recorder.max_notification_id() == head
    names = {
        str(s.signatory_name)
        for s in services.ledger.get(Agreement, agreement_id).signatures.values()
    }
    assert names == {NAME, "Aida Nur"}


def test_forgetting_a_contact_erases_their_name_email_and_phone(
    services: Services, settings: Settings
) -> None:
    with recording("staff:test"):
        owner = achievement_builders.register(services, "Xi'an Jiaotong University")
        register = RegisterAchievement(
            owner_party_id=owner,
            offer=achievement_builders.offer(),
            contact=Contact("Wang Hong", "wang.hong@example.edu.cn", "+86 29 8266 8888"),
        )
        achievement_id = services.ledger.handle(register).aggregate_id
    assert b"wang.hong@example.edu.cn" not in _everything_stored(settings)

    with recording("admin:dpo"):
        forget(services, "Wang Hong", "Erasure request")

    contact = services.ledger.get(Achievement, achievement_id).contact
    assert (str(contact.name), str(contact.email), str(contact.phone)) == (ERASED, ERASED, ERASED)


def test_an_erasure_without_a_reason_destroys_no_key_and_records_nothing(
    signed_by_name: tuple[Services, UUID],
) -> None:
    services, agreement_id = signed_by_name
    vault = services.ledger.vault
    party = next(iter(services.ledger.get(Agreement, agreement_id).signatures))
    head = services.ledger.recorder.max_notification_id()

    with recording("admin:dpo"), pytest.raises(DomainError) as refused:
        forget(services, NAME, "\u2800\n\u3164")

    assert (refused.value.code, refused.value.field) == ("text.blank", "reason")
    assert vault.key(vault.subject_of(NAME, party), create=False) is not None
    assert services.ledger.recorder.max_notification_id() == head


def test_a_subject_is_forgotten_once(signed_by_name: tuple[Services, UUID]) -> None:
    services, _ = signed_by_name
    with recording("admin:dpo"):
        first = forget(services, NAME, "Erasure request")
        with pytest.raises(DomainError) as refused:
            forget(services, NAME.upper(), "Erasure request")

    assert refused.value.code == "privacy.unknown_subject"
    assert services.ledger.recorder.max_notification_id() == first.position
    assert len(services.ledger.get(Erasure, first.aggregate_id).subjects) == 1


def test_the_vault_reads_many_subjects_keys_at_once_and_makes_none(services: Services) -> None:
    """What a catch-up reads a batch's keys with: those forgotten or never made have none."""
    vault = services.ledger.vault
    kept, gone, never = (vault.subject_of(name, "test") for name in ("Li Na", "Wang Fang", "Aida"))
    key = vault.key(kept, create=True)
    assert vault.key(gone, create=True) is not None
    vault.forget([gone])

    assert vault.keys([kept, gone, never]) == {kept: key}
    assert vault.key(never, create=False) is None and vault.key(gone, create=False) is None
