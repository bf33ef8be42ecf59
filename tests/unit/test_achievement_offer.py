"""The values an achievement is registered with: its offer, contact and external reference."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest

from dealtrail.domain.contact import Contact
from dealtrail.domain.errors import Invalid
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.offer import AchievementField, TransferMode
from dealtrail.domain.transaction import Transaction

from .achievement_builders import offer

ASSET = "6f1c1d8e-3b1a-4a47-9a53-0f6f4d1f2a10"


@contextmanager
def refused_value(code: str, field: str) -> Iterator[None]:
    """The block raises Invalid `code`, naming `field`."""
    with pytest.raises(Invalid) as error:
        yield
    assert (error.value.code, error.value.field) == (code, field)


def test_an_offer_normalises_its_values() -> None:
    made = offer(
        title="  Graphene membrane ",
        field="new_materials",
        transfer_modes=["assignment", "licence"],
        ip_asset_ids=[ASSET.upper()],
    )

    assert made.title == "Graphene membrane"
    assert made.field is AchievementField.NEW_MATERIALS
    assert made.transfer_modes == (TransferMode.ASSIGNMENT, TransferMode.LICENCE)
    assert made.ip_asset_ids == (ASSET,)


def test_no_asking_price_means_negotiable() -> None:
    assert offer(asking_price=None).negotiable
    assert not offer().negotiable


@pytest.mark.parametrize("trl", [0, 10, -1, True, "5", 5.0])
def test_the_readiness_level_is_a_whole_number_from_1_to_9(trl: Any) -> None:
    with refused_value("achievement.trl_out_of_range", "trl"):
        offer(trl=trl)


@pytest.mark.parametrize("trl", [1, 9])
def test_the_readiness_levels_at_both_ends_are_accepted(trl: int) -> None:
    assert offer(trl=trl).trl == trl


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"title": " "}, "text.blank", "title"),
        ({"field": "alchemy"}, "achievement.unknown_field", "field"),
        ({"transfer_modes": ()}, "achievement.no_transfer_mode", "transfer_modes"),
        ({"transfer_modes": ("barter",)}, "achievement.unknown_transfer_mode", "transfer_modes"),
        (
            {"transfer_modes": ("licence", "licence")},
            "achievement.duplicate_transfer_mode",
            "transfer_modes",
        ),
        ({"ip_asset_ids": ("CN1234567A",)}, "achievement.invalid_ip_asset_id", "ip_asset_ids"),
        ({"ip_asset_ids": (ASSET, ASSET)}, "achievement.duplicate_ip_asset", "ip_asset_ids"),
    ],
)
def test_an_offer_refuses_values_that_break_its_rules(
    changes: dict[str, Any], code: str, field: str
) -> None:
    with refused_value(code, field):
        offer(**changes)


def test_a_contact_keeps_its_phone_optional() -> None:
    contact = Contact(" Aida Nur ", "aida@academy.kz", "  ")

    assert (contact.name, contact.email, contact.phone) == ("Aida Nur", "aida@academy.kz", None)


@pytest.mark.parametrize(
    ("name", "email", "phone", "code", "field"),
    [
        ("", "a@b.cn", None, "text.blank", "contact.name"),
        ("Li", "", None, "text.blank", "contact.email"),
        ("Li", "li.at.example.cn", None, "contact.invalid_email", "contact.email"),
        ("Li", "li@localhost", None, "contact.invalid_email", "contact.email"),
        ("Li", "li wei@x.cn", None, "contact.invalid_email", "contact.email"),
        ("Li", "li@x.cn", "call me", "contact.invalid_phone", "contact.phone"),
        ("Li", "li@x.cn", "12", "contact.invalid_phone", "contact.phone"),
    ],
)
def test_a_contact_refuses_what_cannot_reach_anyone(
    name: str, email: str, phone: str | None, code: str, field: str
) -> None:
    with refused_value(code, field):
        Contact(name, email, phone)


def test_an_external_reference_needs_a_scope_and_a_reference() -> None:
    assert ExternalRef(" alliance ", " A-1 ") == ExternalRef("alliance", "A-1")
    with refused_value("text.blank", "external_ref.reference"):
        ExternalRef("alliance", " ")


@pytest.mark.parametrize(("agreement_id", "transfer_id"), [(None, None), ("a-1", "t-1")])
def test_a_transaction_names_exactly_one_deal(
    agreement_id: str | None, transfer_id: str | None
) -> None:
    with refused_value("achievement.transaction_needs_one_deal", "agreement_id"):
        Transaction(date(2025, 6, 1), agreement_id, transfer_id)
