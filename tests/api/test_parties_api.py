"""Parties over HTTP: register, read, rename, alliances, listing with filters, and history."""

from __future__ import annotations

from urllib.parse import quote

from .conftest import Api, register_party

PARTIES = "/api/v1/parties"
SILK_ROAD = "Silk Road University Alliance"
YELLOW_RIVER = "Yellow River Basin University Alliance"


def register(api: Api, name: str, kind: str, country: str) -> str:
    response = api.post(PARTIES, json={"name": name, "kind": kind, "country": country})
    assert response.status_code == 201, response.json
    return response.json["id"]


def join(api: Api, party_id: str, alliance: str) -> None:
    response = api.post(f"{PARTIES}/{party_id}/alliances", json={"alliance": alliance})
    assert response.status_code == 200, response.json


def listed(api: Api, query: str) -> list[str]:
    response = api.get(f"{PARTIES}?{query}")
    assert response.status_code == 200, response.json
    return [item["name"] for item in response.json["items"]]


def test_registering_a_party_answers_201_with_location_etag_and_log_position(staff: Api) -> None:
    response = staff.post(
        PARTIES,
        json={
            "name": "  Xi'an Jiaotong University ",
            "kind": "university",
            "country": "cn",
            "identifiers": {"uscc": "12100000435230185U"},
        },
    )

    assert response.status_code == 201
    body = response.json
    assert response.headers["Location"].endswith(f"{PARTIES}/{body['id']}")
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Dealtrail-Log-Position"] == str(body["position"])
    assert (body["version"], body["name"], body["country"]) == (
        1,
        "Xi'an Jiaotong University",
        "CN",
    )
    assert (body["kind"], body["alliances"]) == ("university", [])
    assert body["identifiers"] == {"uscc": "12100000435230185U"}


def test_a_registered_party_reads_back_with_its_etag_and_without_a_position(
    staff: Api, auditor: Api
) -> None:
    party_id = register_party(staff)

    response = auditor.get(f"{PARTIES}/{party_id}")

    assert (response.status_code, response.headers["ETag"]) == (200, '"1"')
    assert (response.json["id"], response.json["name"]) == (party_id, "Xi'an Jiaotong University")
    assert "position" not in response.json


def test_renaming_a_party_records_a_new_version(staff: Api) -> None:
    party_id = register_party(staff, "Xi'an Jiaotong Univ.")

    response = staff.put(
        f"{PARTIES}/{party_id}/name",
        json={"name": "Xi'an Jiaotong University"},
        headers={"If-Match": '"1"'},
    )

    assert response.status_code == 200, response.json
    assert response.headers["ETag"] == '"2"'
    assert response.headers["Dealtrail-Log-Position"] == str(response.json["position"])
    assert staff.get(f"{PARTIES}/{party_id}").json["name"] == "Xi'an Jiaotong University"


def test_a_party_joins_and_leaves_alliances(staff: Api) -> None:
    party_id = register_party(staff)
    join(staff, party_id, SILK_ROAD)
    join(staff, party_id, YELLOW_RIVER)

    response = staff.delete(f"{PARTIES}/{party_id}/alliances/{SILK_ROAD}")

    assert response.status_code == 200, response.json
    assert response.headers["ETag"] == '"4"'
    assert response.json["alliances"] == [YELLOW_RIVER]
    assert staff.get(f"{PARTIES}/{party_id}").json["alliances"] == [YELLOW_RIVER]


def test_a_party_leaves_an_alliance_whose_name_has_a_slash(staff: Api) -> None:
    party_id = register_party(staff)
    join(staff, party_id, "Belt/Road Universities")

    response = staff.delete(f"{PARTIES}/{party_id}/alliances/{quote('Belt/Road Universities')}")

    assert response.status_code == 200, response.json
    assert response.json["alliances"] == []


def test_a_change_that_changes_nothing_is_a_conflict(staff: Api) -> None:
    party_id = register_party(staff)
    join(staff, party_id, SILK_ROAD)

    same_name = staff.put(f"{PARTIES}/{party_id}/name", json={"name": "Xi'an Jiaotong University"})
    again = staff.post(f"{PARTIES}/{party_id}/alliances", json={"alliance": SILK_ROAD})
    never = staff.delete(f"{PARTIES}/{party_id}/alliances/{YELLOW_RIVER}")

    assert (same_name.status_code, same_name.json["code"]) == (409, "party.name_unchanged")
    assert (again.status_code, again.json["code"]) == (409, "party.already_member")
    assert (never.status_code, never.json["code"]) == (409, "party.not_a_member")
    assert staff.get(f"{PARTIES}/{party_id}").headers["ETag"] == '"2"'


def conference(api: Api) -> dict[str, str]:
    ids = {
        "xjtu": register(api, "Xi'an Jiaotong University", "university", "CN"),
        "academy": register(api, "National Academy of Sciences", "academy", "KZ"),
        "exchange": register(api, "Sci-Tech Achievements Trading Centre", "trading_centre", "CN"),
        "lanzhou": register(api, "Lanzhou University", "university", "CN"),
    }
    join(api, ids["xjtu"], SILK_ROAD)
    join(api, ids["academy"], SILK_ROAD)
    join(api, ids["lanzhou"], YELLOW_RIVER)
    return ids


def test_parties_are_listed_in_registration_order_with_their_alliances(
    staff: Api, dashboard: Api
) -> None:
    ids = conference(staff)
    staff.put(f"{PARTIES}/{ids['exchange']}/name", json={"name": "IP Trading Centre"})

    response = dashboard.get(PARTIES)

    assert response.status_code == 200
    items = response.json["items"]
    assert [i["id"] for i in items] == list(ids.values())
    assert (items[0]["alliances"], items[0]["version"]) == ([SILK_ROAD], 2)
    assert (items[2]["name"], items[2]["version"]) == ("IP Trading Centre", 2)
    assert response.json["next_after"] is None


def test_parties_are_filtered_by_country_kind_alliance_and_name(staff: Api) -> None:
    conference(staff)

    assert listed(staff, "country=kz") == ["National Academy of Sciences"]
    assert listed(staff, "kind=university") == ["Xi'an Jiaotong University", "Lanzhou University"]
    assert listed(staff, f"alliance={SILK_ROAD}") == [
        "Xi'an Jiaotong University",
        "National Academy of Sciences",
    ]
    assert listed(staff, "q=JIAOTONG") == ["Xi'an Jiaotong University"]
    assert listed(staff, "country=CN&kind=university&alliance=" + YELLOW_RIVER) == [
        "Lanzhou University"
    ]
    assert listed(staff, "q=%25") == []  # a literal %, not a wildcard


def _pages(api: Api, query: str, limit: int) -> list[list[str]]:
    """The names on each page, following `next_after` to the end."""
    pages: list[list[str]] = []
    cursor = ""
    while cursor is not None:
        page = api.get(f"{PARTIES}?{query}&limit={limit}{cursor and f'&after={cursor}'}")
        assert page.status_code == 200, page.json
        pages.append([i["name"] for i in page.json["items"]])
        cursor = page.json["next_after"]
    return pages


def _all(api: Api, query: str, limit: int) -> list[str]:
    return [name for page in _pages(api, query, limit) for name in page]


def test_the_list_pages_with_a_cursor(staff: Api) -> None:
    conference(staff)

    assert _pages(staff, "kind=university", 1) == [
        ["Xi'an Jiaotong University"],
        ["Lanzhou University"],
        [],
    ]
    assert _pages(staff, "", 3) == [
        [
            "Xi'an Jiaotong University",
            "National Academy of Sciences",
            "Sci-Tech Achievements Trading Centre",
        ],
        ["Lanzhou University"],
    ]


def test_the_list_sorts_by_name_country_kind_or_change_either_way(staff: Api) -> None:
    ids = conference(staff)
    register(staff, "lanzhou Jiaotong University", "university", "CN")
    staff.put(f"{PARTIES}/{ids['academy']}/name", json={"name": "Academy of Sciences of KZ"})
    names = [
        "Academy of Sciences of KZ",
        "Lanzhou University",
        "lanzhou Jiaotong University",
        "Sci-Tech Achievements Trading Centre",
        "Xi'an Jiaotong University",
    ]

    by_name = _pages(staff, "sort=name", 2)
    assert by_name[0] == ["Academy of Sciences of KZ", "lanzhou Jiaotong University"]
    assert [n for page in by_name for n in page] == sorted(
        names, key=str.casefold
    )  # case does not split the Ls
    assert _all(staff, "sort=-name", 4) == sorted(names, key=str.casefold)[::-1]
    assert _all(staff, "sort=-country", 2)[0] == "Academy of Sciences of KZ"
    assert _all(staff, "sort=kind&kind=university", 1) == [
        "Xi'an Jiaotong University",
        "Lanzhou University",
        "lanzhou Jiaotong University",
    ]  # ties in registration order
    assert listed(staff, "sort=-modified_at&limit=1") == ["Academy of Sciences of KZ"]
    assert listed(staff, "sort=-created&limit=1") == ["lanzhou Jiaotong University"]


def test_the_longest_names_in_four_byte_characters_page_by_name(staff: Api) -> None:
    names = ["𠀀" * 299 + letter for letter in "cab"]
    for name in names:
        register(staff, name, "university", "CN")

    assert _pages(staff, "sort=-name", 1) == [[n] for n in sorted(names, reverse=True)] + [[]]


def test_a_cursor_only_continues_the_sort_it_came_from(staff: Api) -> None:
    conference(staff)
    cursor = staff.get(f"{PARTIES}?sort=name&limit=1").json["next_after"]

    assert listed(staff, f"sort=name&limit=1&after={cursor}") == ["National Academy of Sciences"]
    for query in (f"sort=-name&after={cursor}", f"after={cursor}", "after=0", f"after={cursor}x"):
        response = staff.get(f"{PARTIES}?{query}")
        assert response.status_code == 422, query
        assert response.json["code"] == "validation_failed"
        assert [e["field"] for e in response.json["errors"]] == ["after"], query
    response = staff.get(f"{PARTIES}?sort=population")
    assert response.status_code == 422
    assert [e["field"] for e in response.json["errors"]] == ["sort"]


def test_a_bad_list_filter_is_a_validation_error(staff: Api) -> None:
    for query in ("limit=0", "limit=501", "after=-1", "kind=planet", "country=CHN"):
        response = staff.get(f"{PARTIES}?{query}")
        assert (response.status_code, response.json["code"]) == (422, "validation_failed"), query


def test_a_partys_history_lists_every_event_with_who_recorded_it(staff: Api) -> None:
    party_id = register_party(staff, "Xi'an Jiaotong Univ.")
    renamed = staff.put(
        f"{PARTIES}/{party_id}/name",
        json={"name": "Xi'an Jiaotong University", "comment": "Official name"},
        headers={"X-Correlation-ID": "conference-2026"},
    )
    join(staff, party_id, SILK_ROAD)
    staff.delete(f"{PARTIES}/{party_id}/alliances/{SILK_ROAD}")

    items = staff.get(f"{PARTIES}/{party_id}/history").json["items"]

    assert [(i["version"], i["type"]) for i in items] == [
        (1, "Registered"),
        (2, "Renamed"),
        (3, "AllianceJoined"),
        (4, "AllianceLeft"),
    ]
    assert {i["metadata"]["actor"] for i in items} == {staff.actor}
    assert [i["position"] for i in items] == sorted(i["position"] for i in items)
    assert items[1]["position"] == renamed.json["position"]
    assert items[1]["metadata"]["comment"] == "Official name"
    assert items[1]["metadata"]["correlation_id"] == "conference-2026"
    assert items[1]["data"] == {"name": "Xi'an Jiaotong University"}
    assert items[0]["data"]["country"] == "CN"


def test_a_partys_history_pages_by_version(staff: Api) -> None:
    party_id = register_party(staff)
    for alliance in (SILK_ROAD, YELLOW_RIVER):
        join(staff, party_id, alliance)

    first = staff.get(f"{PARTIES}/{party_id}/history?limit=2").json
    rest = staff.get(f"{PARTIES}/{party_id}/history?limit=2&after={first['next_after']}").json

    assert [i["version"] for i in first["items"]] == [1, 2]
    assert first["next_after"] == 2
    assert [i["version"] for i in rest["items"]] == [3]
    assert rest["next_after"] is None
