"""The demo conference loads through the application, and loading it again adds nothing."""

from __future__ import annotations

from dealtrail.application.demo import Demo, load_demo
from dealtrail.application.demo_data import AGREEMENTS, PARTIES
from dealtrail.infrastructure.views.agreements import AgreementsView
from dealtrail.infrastructure.views.parties import PartiesView
from dealtrail.web.services import Services


def test_loading_the_demo_twice_records_it_once(services: Services) -> None:
    steps = load_demo(services.parties, services.agreements)
    head = services.ledger.recorder.max_notification_id()

    assert load_demo(services.parties, services.agreements) == steps
    assert steps == Demo(services.parties, services.agreements).count()
    assert services.ledger.recorder.max_notification_id() == head


def test_the_demo_shows_every_stage_of_an_agreement(services: Services) -> None:
    load_demo(services.parties, services.agreements)

    listed = services.catalogue.view(AgreementsView).search(limit=100)["items"]
    assert len(listed) == len(AGREEMENTS)
    assert sorted(a["status"] for a in listed) == [
        "completed",
        "draft",
        "effective",
        "effective",
        "open_for_signature",
    ]
    cooperation = next(a for a in listed if a["kind"] == "cooperation")
    assert cooperation["title"] == "International cooperation agreement on technology transfer"
    assert len(services.catalogue.view(PartiesView).search(limit=100)["items"]) == len(PARTIES)
    members = services.catalogue.view(PartiesView).search(
        limit=100, alliance="Silk Road University Alliance"
    )
    assert {p["country"] for p in members["items"]} == {"CN", "UZ", "KG", "RU", "PK", "HU", "RS"}
