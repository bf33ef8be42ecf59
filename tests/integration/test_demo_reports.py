"""The dashboard's map and money reports on the demo conference, against the demo's own
definitions (dealtrail/demo/), not against anything it recorded."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from dealtrail.demo import conference
from dealtrail.demo.core import AGREEMENTS, PARTIES
from dealtrail.demo.deals import DEAL_AGREEMENTS, LISTINGS
from dealtrail.demo.members import MEMBERS
from tests.e2e import demo_figures
from tests.integration.loaded_demo import Loaded

COUNTRY = {p.key: p.country for p in PARTIES + MEMBERS}


def test_the_conference_maps_its_fourteen_international_countries_and_its_partners(
    loaded: Loaded,
) -> None:
    reports = loaded.services.reports
    [event] = reports.trading_event_counts()["rows"]

    day = event["starts_on"]
    answer = reports.trading_event_countries(day)

    assert answer == reports.trading_event_countries(day, event["event_id"])
    assert answer["event_id"] == event["event_id"]
    presenters = [COUNTRY[key] for r in conference.ROADSHOWS for key in r.presenters]
    abroad = Counter(c for c in presenters if c != conference.COUNTRY)
    projects = {r["country"]: r["international_projects"] for r in answer["rows"]}
    assert {c: n for c, n in projects.items() if n} == abroad
    assert len(abroad) == demo_figures.event_counts()["international_countries"] == 14
    signed = [a for a in AGREEMENTS + DEAL_AGREEMENTS if a.key in conference.SIGNED_AT_EVENT]
    assert len(signed) == len(conference.SIGNED_AT_EVENT)
    everyone = {p for a in signed for p, _ in a.parties}
    partners = Counter(COUNTRY[k] for k in everyone if COUNTRY[k] != conference.COUNTRY)
    assert {r["country"]: r["partner_parties"] for r in answer["rows"] if r["partner_parties"]} == (
        partners
    )
    assert set(projects) == set(abroad), "the map lists the 14 places abroad, not the host"
    order = [
        (-r["international_projects"], -r["partner_parties"], r["country"]) for r in answer["rows"]
    ]
    assert order == sorted(order)


def test_the_demos_funds_raised_per_board_add_up_to_its_rounds(loaded: Loaded) -> None:
    rows = loaded.services.reports.funds_raised()["rows"]

    raised = {(r["board"], r["currency"]): r["funds_raised"] for r in rows}
    expected: dict[tuple[str, str], Decimal] = {}
    for listing in LISTINGS:
        for round_ in listing.rounds:
            key = (listing.board, demo_figures.CURRENCY)
            expected[key] = expected.get(key, Decimal(0)) + Decimal(round_[1])
    assert raised == expected
    assert sum(r["rounds"] for r in rows) == sum(len(x.rounds) for x in LISTINGS)
    assert loaded.services.reports.report_position()["position"] == (
        loaded.services.ledger.recorder.max_notification_id()
    )
