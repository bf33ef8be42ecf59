"""An individual party (an inventor) is a data subject: its name and identifiers are sealed
under its own key, and forgetting it leaves them in no file, dump, log, bundle or API answer,
while the log still verifies."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dealtrail.application.achievement_import import legacy_party_key
from dealtrail.application.command import Options
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import Services
from dealtrail.domain.audit.tree_head import public_key_text
from dealtrail.domain.metadata import recording
from dealtrail.domain.party import PartyKind
from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli

from .conftest import Api
from .planted import bundle_bytes, found, log_bytes, store_bytes
from .report_steps import REPORTS, Contract, posted
from .supermarket_steps import ACHIEVEMENTS, create_achievement, register

PERSON = "Thessaly Vornquist-Abernathy"
RENAMED = "Thessaly Vornquist-Brimwater"
ISNI = "000000012146438X"
PLANTED = [PERSON, RENAMED, "Thessaly", "Vornquist", "Abernathy", "Brimwater", ISNI]
PARTIES = "/api/v1/parties"
ERASURES = "/api/v1/privacy/erasures"
IMPORTS = "/api/v1/achievements/imports"
DAY = "2026-11-20"
REPORT_NAMES = ("pipeline", "awaiting-signatures", "overdue-milestones", "trading-events")


def _inventor(staff: Api) -> str:
    body = {"name": PERSON, "kind": "individual", "country": "CN", "identifiers": {"isni": ISNI}}
    person = posted(staff.post(PARTIES, json=body), 201)["id"]
    posted(staff.put(f"{PARTIES}/{person}/name", json={"name": RENAMED}))
    posted(staff.post(f"{PARTIES}/{person}/alliances", json={"alliance": "Inventors' Club"}))
    return person


def _answers(staff: Api, auditor: Api, dashboard: Api, person: str, achievement: str) -> bytes:
    """Every answer the API gives about the person: the party, its versions and history, the
    lists and searches, the achievement it owns, the global log and the reports."""
    paths = [
        f"{PARTIES}/{person}",
        f"{PARTIES}/{person}?version=1",
        f"{PARTIES}/{person}/history",
        f"{PARTIES}?kind=individual",
        f"{PARTIES}?sort=name",
        f"{ACHIEVEMENTS}/{achievement}",
        f"{ACHIEVEMENTS}?q=cryogenic",
        f"{ACHIEVEMENTS}/{achievement}/history",
        "/api/v1/events?limit=200",
        "/api/v1/agreements",
    ]
    bodies = [auditor.get(p) for p in paths]
    bodies.append(auditor.get("/api/v1/events", headers={"Accept": "application/x-ndjson"}))
    for name in REPORT_NAMES:
        path = f"{REPORTS}/{name}?as_of=2026-12-01" if "overdue" in name else f"{REPORTS}/{name}"
        bodies.append(dashboard.get(path))
        bodies.append(dashboard.get(path, headers={"Accept": "text/csv"}))
    assert [b.status_code for b in bodies] == [200] * len(bodies), [
        (b.request.url, b.status_code) for b in bodies if b.status_code != 200
    ]
    return b"\n".join(b.get_data() for b in bodies)


def test_a_forgotten_inventor_is_in_no_file_dump_log_bundle_or_answer(
    settings: Settings,
    services: Services,
    staff: Api,
    auditor: Api,
    dashboard: Api,
    admin: Api,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    university = register(staff, "Northgate University")
    person = _inventor(staff)
    achievement = create_achievement(staff, person, title="Cryogenic wafer bonding")["id"]
    contract = Contract(staff, [university, person], title="Inventor's licence").effective(DAY)
    contract.milestone("Prototype handed over", "2026-11-25", person)
    Contract(staff, [university, person], title="Inventor's second licence").open()
    assert posted(staff.get(f"{PARTIES}/{person}"))["name"] == RENAMED
    assert [p["name"] for p in posted(staff.get(f"{PARTIES}?q=vornquist"))["items"]] == [RENAMED]
    assert found(store_bytes(settings), PLANTED) == []  # sealed from the start

    erased = admin.post(ERASURES, json={"name": RENAMED, "reason": "GDPR art. 17 request"})
    assert erased.status_code == 201, erased.json
    assert erased.json["subjects_forgotten"] >= 1

    party = posted(staff.get(f"{PARTIES}/{person}"))
    assert (party["name"], party["identifiers"]) == ("[erased]", {"isni": "[erased]"})
    [owned] = posted(staff.get(f"{ACHIEVEMENTS}?q=cryogenic"))["items"]
    assert owned["owner_name"] == "[erased]"
    for q in ("vornquist", "Thessaly", "erased"):
        assert posted(staff.get(f"{PARTIES}?q={q}"))["items"] == [], q
    answers = _answers(staff, auditor, dashboard, person, achievement)
    assert found(answers, PLANTED) == []

    bundle = tmp_path / "audit.jsonl"
    assert run_cli(settings, "audit", "verify").exit_code == 0
    exported = run_cli(settings, "audit", "export", str(bundle))
    assert exported.exit_code == 0, exported.output
    key = public_key_text(services.audit.key.public_key())
    checked = run_cli(settings, "audit", "check-bundle", str(bundle), "--public-key", key)
    assert checked.exit_code == 0, checked.output
    assert found(bundle_bytes(bundle), PLANTED) == []
    assert found(store_bytes(settings), PLANTED) == []
    assert found(log_bytes(caplog), PLANTED) == []


IMPORTED = "Quillon Aberfoyle-Naismith"
IMPORTED_PLANTED = [IMPORTED, "Quillon", "Aberfoyle", "Naismith"]
IMPORT_CSV = (
    "external_ref,title,field,trl,transfer_modes,asking_price_amount,asking_price_currency,"
    "owner_name,owner_kind,owner_country,contact_name,contact_email\n"
    f"SRA-7,Frost sensing film,agriculture,5,licence,100,CNY,{IMPORTED},individual,CN,"
    "Ann Lee,ann@lee.cn"
)


def test_an_inventor_an_import_registered_is_in_no_file_once_forgotten(
    settings: Settings, staff: Api, admin: Api
) -> None:
    """The import's key for registering a new owner (kept in the idempotency table and in the
    event's metadata) holds a pseudonym of the name, not the name; importing again once the
    person is forgotten registers no second party."""
    imported = posted(staff.post(IMPORTS, json={"csv": IMPORT_CSV, "scope": "alliance"}))
    assert imported["parties_registered"] == 1

    erased = admin.post(ERASURES, json={"name": IMPORTED, "reason": "GDPR art. 17 request"})
    assert erased.status_code == 201, erased.json
    assert found(store_bytes(settings), IMPORTED_PLANTED) == []

    again = posted(staff.post(IMPORTS, json={"csv": IMPORT_CSV.replace("SRA-7", "SRA-8")}))
    assert (again["parties_registered"], len(again["imported"])) == (0, 1)
    assert found(store_bytes(settings), IMPORTED_PLANTED) == []


def test_an_older_imports_plain_key_is_made_a_pseudonym_when_the_person_is_forgotten(
    services: Services, staff: Api, admin: Api
) -> None:
    """An import before pseudonyms keyed an owner's registration by its name: forgetting the
    person renames that key in the idempotency table (its event's metadata keeps it, as the
    events of older builds keep names), and importing again registers no second party."""
    plain = legacy_party_key("CN", IMPORTED)
    actor = staff.actor
    with recording(actor):
        services.ledger.handle(
            RegisterParty(name=IMPORTED, kind=PartyKind.INDIVIDUAL, country="CN"),
            Options(idempotency_key=plain),
        )

    erased = admin.post(ERASURES, json={"name": IMPORTED, "reason": "GDPR art. 17 request"})
    assert erased.status_code == 201, erased.json

    assert services.ledger.store.idempotency_record(actor, plain) is None
    again = posted(staff.post(IMPORTS, json={"csv": IMPORT_CSV, "scope": "alliance"}))
    assert (again["parties_registered"], len(again["imported"])) == (0, 1)
