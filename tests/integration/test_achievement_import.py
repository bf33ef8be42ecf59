"""Bulk import on real stores: good rows imported, bad rows reported, nothing ever twice."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

import pytest

from dealtrail.application.achievement_import import legacy_party_key
from dealtrail.application.command import Options
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.application.ports.views import AchievementQuery, PartyQuery
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.achievement import Achievement
from dealtrail.domain.metadata import recording
from dealtrail.domain.party import PartyKind
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.views.achievements import AchievementsView
from dealtrail.infrastructure.views.parties import PartiesView

HEADER = (
    "external_ref,title,field,trl,transfer_modes,asking_price_amount,asking_price_currency,"
    "owner_name,owner_kind,owner_country,contact_name,contact_email"
)
ROWS = [
    "SRA-1,Laser welding,advanced_manufacturing,6,licence,3500000.00,CNY,"
    "Xi'an University,university,CN,Wang Hong,wang@xa.edu.cn",
    "SRA-2,Seed coating,agriculture,4,assignment;licence,,negotiable,"
    "Tashkent State Technical University,university,UZ,Aida Nur,aida@tstu.uz",
    "SRA-3,Laser cladding,new_materials,12,licence,100,CNY,"
    "Xi'an University,university,CN,Wang Hong,wang@xa.edu.cn",
    "SRA-4,Soil sensor,agriculture,5,licence,100,CNY,"
    "Xi'an University,university,CN,Wang Hong,wang@xa.edu.cn",
]
FILE = "\n".join([HEADER, *ROWS])
STRANGER = "00000000-0000-4000-8000-000000000000"


def party_names(services: Services) -> list[str]:
    return [
        p["name"]
        for p in services.read_models.view(PartiesView).search(PartyQuery(limit=50))["items"]
    ]


def head(services: Services) -> int:
    return services.ledger.recorder.max_notification_id() or 0


@pytest.mark.usefixtures("staff")
def test_good_rows_are_imported_and_bad_rows_reported_by_line_and_column(
    services: Services,
) -> None:
    report = services.achievement_import.import_csv(FILE, "alliance")

    assert [(r.line, r.reference) for r in report.imported] == [
        (2, "SRA-1"),
        (3, "SRA-2"),
        (5, "SRA-4"),
    ]
    assert [
        (r.line, r.reference, [(p.column, p.code) for p in r.problems]) for r in report.rejected
    ] == [(4, "SRA-3", [("trl", "achievement.trl_out_of_range")])]
    assert report.already_present == []
    assert report.parties_registered == 2
    assert party_names(services) == ["Xi'an University", "Tashkent State Technical University"]
    found = services.read_models.view(AchievementsView).search(
        AchievementQuery(limit=50, owner_country="UZ")
    )
    assert [(i["title"], i["external_ref"]) for i in found["items"]] == [
        ("Seed coating", {"scope": "alliance", "reference": "SRA-2"})
    ]


@pytest.mark.usefixtures("staff")
def test_importing_the_same_file_again_adds_nothing(services: Services) -> None:
    first = services.achievement_import.import_csv(FILE, "alliance")
    before = head(services)

    again = services.achievement_import.import_csv(FILE, "alliance")

    assert head(services) == before
    assert again.imported == []
    assert again.already_present == first.imported
    assert [r.line for r in again.rejected] == [4]
    assert again.parties_registered == 0


def test_another_member_of_staff_importing_the_file_adds_nothing_either(
    services: Services,
) -> None:
    with recording("staff:alice"):
        first = services.achievement_import.import_csv(FILE, "alliance")
    before = head(services)

    with recording("staff:bob"):
        again = services.achievement_import.import_csv(FILE, "alliance")

    assert head(services) == before
    assert again.already_present == first.imported


@pytest.mark.usefixtures("staff")
def test_a_corrected_row_is_imported_by_the_next_run(services: Services) -> None:
    services.achievement_import.import_csv(FILE, "alliance")

    fixed = services.achievement_import.import_csv(FILE.replace(",12,", ",7,"), "alliance")

    assert [(r.line, r.reference) for r in fixed.imported] == [(4, "SRA-3")]
    assert fixed.rejected == []
    assert len(fixed.already_present) == 3


@pytest.mark.usefixtures("staff")
def test_owners_already_registered_are_reused_by_name_and_country(services: Services) -> None:
    xian = services.ledger.handle(
        RegisterParty(name="Xi'an University", kind="university", country="CN")
    ).aggregate_id
    services.ledger.handle(
        RegisterParty(name="Tashkent State Technical University", kind="university", country="KZ")
    )

    report = services.achievement_import.import_csv(FILE, "alliance")

    assert report.parties_registered == 1
    owners = {
        services.ledger.get(Achievement, UUID(r.achievement_id)).owner_party_id
        for r in report.imported
        if r.reference != "SRA-2"
    }
    assert owners == {str(xian)}


@pytest.mark.usefixtures("staff")
def test_the_same_references_in_another_scope_are_other_achievements(services: Services) -> None:
    services.achievement_import.import_csv(FILE, "alliance")

    other = services.achievement_import.import_csv(FILE, "provincial-institutions")

    assert [r.reference for r in other.imported] == ["SRA-1", "SRA-2", "SRA-4"]
    assert other.parties_registered == 0


@pytest.mark.usefixtures("staff")
def test_a_row_resting_on_an_unknown_ip_asset_is_rejected_and_the_rest_imported(
    services: Services,
) -> None:
    rows = [f"{row}," for row in ROWS[:2]] + [f"{ROWS[3]},{STRANGER}"]
    text = "\n".join([f"{HEADER},ip_asset_ids", *rows])

    report = services.achievement_import.import_csv(text, "alliance")

    assert [r.reference for r in report.imported] == ["SRA-1", "SRA-2"]
    assert [(r.line, [(p.column, p.code) for p in r.problems]) for r in report.rejected] == [
        (4, [("ip_asset_ids", "achievement.unknown_ip_asset")])
    ]


PERSON = "Orsolya Kettlewick-Dunmore"
PERSON_ROW = f"SRA-9,Frost sensor,agriculture,5,licence,100,CNY,{PERSON},individual,CN,Ann,a@b.cn"


def test_an_owner_registered_under_an_older_imports_plain_key_is_not_registered_again(
    settings: Settings,
) -> None:
    """Imports before pseudonyms keyed an owner's registration by its name in plain text: a
    re-import finds that key when the parties view does not (yet) know the owner."""
    services = bootstrap(replace(settings, inline_followers=False))  # the views stay behind
    try:
        with recording("staff:test"):
            older = services.ledger.handle(
                RegisterParty(name=PERSON, kind=PartyKind.INDIVIDUAL, country="CN"),
                Options(idempotency_key=legacy_party_key("CN", PERSON)),
            ).aggregate_id
            report = services.achievement_import.import_csv(f"{HEADER}\n{PERSON_ROW}", "alliance")
        assert report.parties_registered == 0
        [row] = report.imported
        owner = services.ledger.get(Achievement, UUID(row.achievement_id)).owner_party_id
        assert owner == str(older)
    finally:
        services.close()


@pytest.mark.usefixtures("staff")
def test_a_new_owners_name_is_in_no_idempotency_key(services: Services) -> None:
    services.achievement_import.import_csv(f"{HEADER}\n{PERSON_ROW}", "alliance")
    again = services.achievement_import.import_csv(
        f"{HEADER}\n{PERSON_ROW.replace('SRA-9', 'SRA-10')}", "alliance"
    )

    assert again.parties_registered == 0
    plain = legacy_party_key("CN", PERSON)
    assert services.ledger.store.idempotency_record("staff:test", plain) is None
