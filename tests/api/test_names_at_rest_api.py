"""A natural person's name is nowhere in the database in plaintext (events encrypted with the
cipher key, the views sealing it under the person's subject key), yet search, sort and the
achievements' owner name answer as with plaintext; an erased person's name reads "[erased]" and
no search finds it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import psycopg
import pytest
from eventsourcing.cryptography import AESCipher
from sqlalchemy import func, select

from dealtrail.bootstrap import Services
from dealtrail.domain.personal import ERASED
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.views.base import sort_key
from dealtrail.infrastructure.views.parties import PartiesView, parties
from dealtrail.infrastructure.views.party_names import name_grams

from .conftest import Api
from .report_steps import Contract, report
from .supermarket_steps import ACHIEVEMENTS, create_achievement, ok, register

PERSON = "Dr. Wilhelmina Quorvath 李娜"
RENAMED = "Dr. Wilhelmina Quorvath-Lindqvist 李娜"
PARTS = ["Wilhelmina", "Quorvath", "Lindqvist", "李娜"]
PARTIES = "/api/v1/parties"
KINDS = ["university", "individual", "company"]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, cipher_key=AESCipher.create_key(32))


def _spellings() -> set[str]:
    texts = {PERSON, RENAMED, *PARTS}
    return {s for t in texts for s in (t, t.lower(), t.upper(), t.casefold(), sort_key(t))}


def _database_bytes(settings: Settings) -> Iterator[bytes]:
    """Everything the database holds: the SQLite files (WAL included), or every row of every
    table of the PostgreSQL schema as text (binary columns in hex)."""
    if settings.database_url is None:
        yield from (f.read_bytes() for f in sorted(settings.data_dir.iterdir()) if f.is_file())
        return
    with psycopg.connect(settings.database_url) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (settings.database_schema,),
        ).fetchall()
        assert len(tables) > 10, tables
        for (table,) in tables:
            rows = conn.execute(f'SELECT t::text FROM {settings.database_schema}."{table}" t')
            yield from (row[0].encode() for row in rows)


def _leaks(settings: Settings) -> list[str]:
    spellings = _spellings()
    forms = {s.encode() for s in spellings} | {s.encode().hex().encode() for s in spellings}
    return [
        f.decode(errors="replace") for blob in _database_bytes(settings) for f in forms if f in blob
    ]


def _names(api: Api, query: str) -> list[str]:
    return [p["name"] for p in ok(api.get(f"{PARTIES}?{query}"))["items"]]


def test_a_persons_name_is_nowhere_in_plaintext_yet_found_and_sorted(
    settings: Settings, staff: Api
) -> None:
    person = register(staff, PERSON, kind="individual")
    register(staff, "Aurora Optics Institute")
    register(staff, "Eastgate Photonics Laboratory", kind="company")
    create_achievement(staff, person, title="Tunable quantum cascade laser")
    assert staff.put(f"{PARTIES}/{person}/name", json={"name": RENAMED}).status_code == 200

    for part in ["quorvath-lind", "WILHELM", "李娜", "娜", "v", "a quo"]:
        assert _names(staff, f"q={part}") == [RENAMED], part
    assert _names(staff, "q=eastgate") == ["Eastgate Photonics Laboratory"]
    assert _names(staff, "q=Wilhelmina Quorvath 李娜") == []  # the name before its rename
    assert _names(staff, "sort=name") == [
        "Aurora Optics Institute",
        RENAMED,  # by its initial
        "Eastgate Photonics Laboratory",
    ]
    assert _names(staff, "sort=-name&kind=individual") == [RENAMED]
    [found] = ok(staff.get(f"{ACHIEVEMENTS}?q=cascade"))["items"]
    assert found["owner_name"] == RENAMED
    assert _leaks(settings) == []  # the views caught up by the reads above


def test_a_page_of_a_name_search_is_full_though_index_candidates_fail_the_name(
    staff: Api,
) -> None:
    """The index is accent-blind, `icontains` is not: 'Éva' is a candidate for `q=eva` that its
    name then refuses, and the page reads on past such parties."""
    for name in ["Éva Kiss", "Éva Nagy", "Eva Berg", "Eva Lund", "Eva Holm"]:
        register(staff, name, kind="individual")

    first = ok(staff.get(f"{PARTIES}?q=eva&limit=2"))
    second = ok(staff.get(f"{PARTIES}?q=eva&limit=2&after={first['next_after']}"))

    assert [p["name"] for p in first["items"]] == ["Eva Berg", "Eva Lund"]
    assert [p["name"] for p in second["items"]] == ["Eva Holm"]
    assert second["next_after"] is None
    assert _names(staff, "q=%C3%89va") == ["Éva Kiss", "Éva Nagy"]


def test_a_forgotten_person_reads_erased_and_no_search_finds_them(
    services: Services, staff: Api
) -> None:
    person = register(staff, PERSON, kind="individual")
    view = services.read_models.view(PartiesView)
    assert _names(staff, "q=quorvath") == [PERSON]

    services.ledger.vault.forget([view.names.subject(person)])
    assert _names(staff, "q=quorvath") == []
    assert _names(staff, "kind=individual") == [ERASED]

    view.forget_names([person])
    with services.read_models.engine.connect() as conn:
        indexed = select(func.count()).where(name_grams.c.party_id == person)
        assert conn.execute(indexed).scalar_one() == 0
        initial = select(parties.c.name_key).where(parties.c.id == person)
        assert conn.execute(initial).scalar_one() == ""  # not even the initial is left
    assert _names(staff, "q=erased") == []


def test_the_signatures_report_names_a_person_and_sorts_them_by_name_among_organisations(
    settings: Settings, staff: Api, dashboard: Api
) -> None:
    names = ["Zenith University", PERSON, "Bolt Photonics Laboratory"]
    ids = [register(staff, name, kind=kind) for name, kind in zip(names, KINDS, strict=True)]
    Contract(staff, ids, title="Three-way cooperation").open()

    rows = report(dashboard, "awaiting-signatures")["rows"]

    assert [r["party_name"] for r in rows] == sorted(names)
    assert _leaks(settings) == []


def test_the_party_directory_finds_a_person_by_exact_name_and_country(
    services: Services, staff: Api
) -> None:
    """As the achievement import finds owners: exact name (not part of it, not another case)."""
    register(staff, "Dr. Wilhelmina", kind="individual")
    person = register(staff, PERSON, kind="individual")
    view = services.read_models.view(PartiesView)

    assert view.find(PERSON, "CN") == person
    assert view.find("Dr. Wilhelmina", "CN") != person
    assert [view.find(n, c) for n, c in [(PERSON.lower(), "CN"), (PERSON, "KZ")]] == [None] * 2
