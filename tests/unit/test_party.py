"""Party: registration, renaming and alliance memberships."""

from __future__ import annotations

import pytest

from dealtrail.domain.errors import Conflict, Invalid
from dealtrail.domain.metadata import EventMetadata
from dealtrail.domain.party import Party, PartyKind

from .conftest import event_names, refused

pytestmark = pytest.mark.usefixtures("staff")

ALLIANCE = "Silk Road University Alliance"


@pytest.fixture
def university(staff: EventMetadata) -> Party:
    party = Party.register(
        "Xi'an Jiaotong University", PartyKind.UNIVERSITY, "cn", {"uscc": "12100000435230000E"}
    )
    party.collect_events()
    return party


def test_registering_a_party_records_its_name_kind_country_and_identifiers() -> None:
    party = Party.register(
        "  Academy of Sciences of Uzbekistan ", "academy", " uz", {" ror ": " 03ad39j10 "}
    )

    assert event_names(party) == ["Party.Registered"]
    assert party.name == "Academy of Sciences of Uzbekistan"
    assert party.kind is PartyKind.ACADEMY
    assert party.country == "UZ"
    assert party.identifiers == {"ror": "03ad39j10"}
    assert party.alliances == []


def test_a_party_needs_a_name() -> None:
    with pytest.raises(Invalid) as error:
        Party.register("   ", PartyKind.COMPANY, "CN")

    assert (error.value.code, error.value.field) == ("text.blank", "name")


def test_a_party_needs_a_known_country() -> None:
    with pytest.raises(Invalid) as error:
        Party.register("Acme Ltd", PartyKind.COMPANY, "XX")

    assert (error.value.code, error.value.field) == ("country.unknown", "country")


@pytest.mark.parametrize("identifiers", [{"": "123"}, {"uscc": "  "}])
def test_a_blank_identifier_scheme_or_value_is_refused(identifiers: dict[str, str]) -> None:
    with pytest.raises(Invalid) as error:
        Party.register("Acme Ltd", PartyKind.COMPANY, "CN", identifiers)

    assert (error.value.code, error.value.field) == ("text.blank", "identifiers")


def test_renaming_a_party_records_the_new_name(university: Party) -> None:
    university.rename(" XJTU ")

    assert event_names(university) == ["Party.Renamed"]
    assert university.name == "XJTU"


def test_renaming_a_party_to_its_current_name_is_refused(university: Party) -> None:
    with refused(university, Conflict, "party.name_unchanged"):
        university.rename(" Xi'an Jiaotong University ")


def test_renaming_a_party_to_a_blank_name_is_refused(university: Party) -> None:
    with refused(university, Invalid, "text.blank"):
        university.rename("")


def test_joining_an_alliance_adds_the_membership(university: Party) -> None:
    university.join_alliance(f" {ALLIANCE} ")
    university.join_alliance("Yellow River Basin University Alliance")

    assert event_names(university) == ["Party.AllianceJoined", "Party.AllianceJoined"]
    assert university.alliances == [ALLIANCE, "Yellow River Basin University Alliance"]


def test_joining_an_alliance_twice_is_refused(university: Party) -> None:
    university.join_alliance(ALLIANCE)
    university.collect_events()

    with refused(university, Conflict, "party.already_member"):
        university.join_alliance(ALLIANCE)


def test_joining_an_unnamed_alliance_is_refused(university: Party) -> None:
    with refused(university, Invalid, "text.blank"):
        university.join_alliance(" ")


def test_leaving_an_alliance_removes_only_that_membership(university: Party) -> None:
    university.join_alliance(ALLIANCE)
    university.join_alliance("Yellow River Basin University Alliance")
    university.collect_events()

    university.leave_alliance(f"{ALLIANCE} ")

    assert event_names(university) == ["Party.AllianceLeft"]
    assert university.alliances == ["Yellow River Basin University Alliance"]


def test_leaving_an_alliance_the_party_is_not_in_is_refused(university: Party) -> None:
    with refused(university, Conflict, "party.not_a_member"):
        university.leave_alliance(ALLIANCE)
