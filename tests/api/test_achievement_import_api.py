"""The bulk import over HTTP: CSV text in a JSON body, a report of every row, nothing twice."""

from __future__ import annotations

from .conftest import Api
from .supermarket_steps import ACHIEVEMENTS, ok, refused

IMPORTS = f"{ACHIEVEMENTS}/imports"
HEADER = (
    "external_ref,title,field,trl,transfer_modes,asking_price_amount,asking_price_currency,"
    "owner_name,owner_kind,owner_country,contact_name,contact_email,contact_phone"
)
CSV = "\n".join(
    [
        HEADER,
        "SRA-1,Laser welding,advanced_manufacturing,6,licence;joint_development,3500000,CNY,"
        "Xi'an University,university,CN,Wang Hong,wang@xa.edu.cn,",
        "SRA-2,Seed coating,agriculture,4,assignment,,negotiable,"
        "Tashkent State Technical University,university,UZ,Aida Nur,aida@tstu.uz,+998 71 246 00 00",
        "SRA-3,,agriculture,4,assignment,,negotiable,"
        "Tashkent State Technical University,university,UZ,Aida Nur,aida@,",
    ]
)


def test_an_import_reports_imported_and_rejected_rows(staff: Api) -> None:
    report = ok(staff.post(IMPORTS, json={"csv": CSV, "scope": "alliance"}))

    assert report["scope"] == "alliance"
    assert [(r["line"], r["reference"]) for r in report["imported"]] == [(2, "SRA-1"), (3, "SRA-2")]
    assert report["rejected"] == [
        {
            "line": 4,
            "reference": "SRA-3",
            "problems": [
                {"column": "title", "code": "text.blank", "message": "title must not be blank."},
                {
                    "column": "contact_email",
                    "code": "contact.invalid_email",
                    "message": "'aida@' does not look like an email address.",
                },
            ],
        }
    ]
    assert (report["already_present"], report["parties_registered"]) == ([], 2)
    imported = ok(staff.get(f"{ACHIEVEMENTS}/{report['imported'][1]['achievement_id']}"))
    assert imported["contact"]["phone"] == "+998 71 246 00 00"
    assert imported["external_ref"] == {"scope": "alliance", "reference": "SRA-2"}


def test_importing_the_same_file_again_adds_nothing(staff: Api, dashboard: Api) -> None:
    first = ok(staff.post(IMPORTS, json={"csv": CSV}))

    again = ok(staff.post(IMPORTS, json={"csv": CSV}))

    assert again["scope"] == "import"
    assert again["imported"] == []
    assert again["already_present"] == first["imported"]
    assert [r["line"] for r in again["rejected"]] == [4]
    listed = ok(dashboard.get(ACHIEVEMENTS))["items"]
    assert [i["title"] for i in listed] == ["Laser welding", "Seed coating"]
    assert ok(dashboard.get("/api/v1/parties?q=University"))["items"][1]["country"] == "UZ"


def test_a_file_that_cannot_be_read_is_refused_whole(staff: Api) -> None:
    refused(staff.post(IMPORTS, json={"csv": "title\nLaser"}), 422, "import.missing_columns", "csv")
    refused(staff.post(IMPORTS, json={"csv": ""}), 422, "validation_failed", "csv")
    refused(staff.post(IMPORTS, json={"csv": CSV, "scope": " "}), 422, "text.blank", "scope")
    assert ok(staff.get(ACHIEVEMENTS))["items"] == []


def test_the_csv_goes_in_a_json_body(staff: Api) -> None:
    response = staff.client.post(
        IMPORTS,
        data=CSV,
        headers={"Authorization": f"Bearer {staff.token}", "Content-Type": "text/csv"},
    )

    refused(response, 415, "unsupported_media_type")


def test_only_staff_may_import(auditor: Api, dashboard: Api) -> None:
    for api in (auditor, dashboard):
        refused(api.post(IMPORTS, json={"csv": CSV}), 403, "forbidden")


def test_the_import_is_described_in_the_openapi_document(staff: Api) -> None:
    spec = staff.client.get("/api/openapi.json").json
    body = spec["paths"]["/api/v1/achievements/imports"]["post"]["requestBody"]

    assert "application/json" in body["content"]
    assert (
        "external_ref"
        in spec["components"]["schemas"]["ImportIn"]["properties"]["csv"]["description"]
    )
