"""Reading achievements from CSV: every bad cell reported by line and column, nothing skipped."""

from __future__ import annotations

import pytest

from dealtrail.application.achievement_csv import read_achievements
from dealtrail.domain.errors import Invalid
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.money import Money
from dealtrail.domain.offer import AchievementField, TransferMode

HEADER = (
    "external_ref,title,field,trl,transfer_modes,asking_price_amount,asking_price_currency,"
    "owner_name,owner_kind,owner_country,contact_name,contact_email,contact_phone,ip_asset_ids"
)
GOOD = (
    "SRA-1,Laser welding process,advanced_manufacturing,6,licence;joint_development,"
    "3500000.00,CNY,Xi'an University,university,CN,Wang Hong,wang@xa.edu.cn,,"
)
NEGOTIABLE = (
    "SRA-2,Drought-resistant seed coating,Agriculture,4,Assignment,,Negotiable,"
    "Tashkent State Technical University,university,uz,Aida Nur,aida@tstu.uz,+998 71 246 0000,"
)


def problems(text: str) -> list[tuple[int, str, str]]:
    return [
        (p.line, p.column, p.code)
        for row in read_achievements(text, "alliance").rejected
        for p in row.problems
    ]


def test_good_rows_become_owners_offers_and_contacts() -> None:
    parsed = read_achievements("\n".join([HEADER, GOOD, NEGOTIABLE]), "alliance")

    assert parsed.rejected == []
    first, second = parsed.rows
    assert (first.line, first.external_ref) == (2, ExternalRef("alliance", "SRA-1"))
    assert first.offer.transfer_modes == (TransferMode.LICENCE, TransferMode.JOINT_DEVELOPMENT)
    assert first.offer.asking_price == Money.of("3500000.00", "CNY")
    assert (first.owner.name, first.owner.country, first.contact.phone) == (
        "Xi'an University",
        "CN",
        None,
    )
    assert second.offer.field is AchievementField.AGRICULTURE
    assert second.offer.asking_price is None
    assert (second.owner.country, second.contact.phone) == ("UZ", "+998 71 246 0000")


def test_every_bad_cell_of_a_row_is_reported_with_its_line_and_column() -> None:
    bad = "SRA-3,,alchemy,12,barter,-5,CNY,,club,XX,Li,not-an-email,,not-a-uuid"

    assert problems("\n".join([HEADER, GOOD, bad])) == [
        (3, "title", "text.blank"),
        (3, "field", "achievement.unknown_field"),
        (3, "trl", "achievement.trl_out_of_range"),
        (3, "transfer_modes", "achievement.unknown_transfer_mode"),
        (3, "asking_price_amount", "money.negative_amount"),
        (3, "ip_asset_ids", "achievement.invalid_ip_asset_id"),
        (3, "owner_name", "text.blank"),
        (3, "owner_kind", "party.unknown_kind"),
        (3, "owner_country", "country.unknown"),
        (3, "contact_email", "contact.invalid_email"),
    ]


@pytest.mark.parametrize(
    ("price", "column", "code"),
    [
        ("100,negotiable", "asking_price_amount", "import.amount_when_negotiable"),
        (",CNY", "asking_price_amount", "text.blank"),
        ("100,XYZ", "asking_price_currency", "money.unknown_currency"),
        ("1.234,CNY", "asking_price_amount", "money.too_precise"),
    ],
)
def test_the_asking_price_is_money_or_negotiable(price: str, column: str, code: str) -> None:
    row = GOOD.replace("3500000.00,CNY", price)

    assert problems(f"{HEADER}\n{row}") == [(2, column, code)]


@pytest.mark.parametrize(
    "amount",
    [
        "3_500_000",
        '"3,500,000"',
        "3.5e6",
        "\u0663\u0665\u0660\u0660",  # Arabic-Indic 3500
        "\uff13\uff15\uff10\uff10",  # full-width 3500
        "999999999999999.999999999999999",
        "5.0000000000000000000000000001",
    ],
)
def test_an_asking_price_is_read_only_from_exact_ascii_digits(amount: str) -> None:
    row = GOOD.replace("3500000.00,CNY", f"{amount},CNY")

    [(line, column, code)] = problems(f"{HEADER}\n{row}")
    assert (line, column) == (2, "asking_price_amount")
    assert code in ("money.invalid_amount", "money.too_precise")


def test_an_asking_price_with_zeros_beyond_the_minor_unit_is_kept_exactly() -> None:
    row = GOOD.replace("3500000.00,CNY", "3500000.500000000000000000000000000,CNY")

    [achievement] = read_achievements(f"{HEADER}\n{row}", "alliance").rows
    assert str(achievement.offer.asking_price.amount) == "3500000.50"  # type: ignore[union-attr]


@pytest.mark.parametrize("trl", ["\u0666", "\uff16", "6.0", "+6", "0006x"])
def test_a_readiness_level_is_read_only_from_ascii_digits(trl: str) -> None:
    row = GOOD.replace(",6,", f",{trl},")

    assert problems(f"{HEADER}\n{row}") == [(2, "trl", "achievement.trl_out_of_range")]


def test_a_reference_repeated_in_the_file_is_reported_on_its_second_line() -> None:
    parsed = read_achievements("\n".join([HEADER, GOOD, GOOD]), "alliance")

    assert [r.line for r in parsed.rows] == [2]
    assert [(r.line, r.problems[0].code) for r in parsed.rejected] == [
        (3, "import.duplicate_reference")
    ]
    assert "line 2" in parsed.rejected[0].problems[0].message


def test_lines_are_counted_in_the_file_even_across_quoted_line_breaks() -> None:
    multiline = GOOD.replace("Laser welding process", '"Laser welding\nprocess"')
    bad = GOOD.replace("SRA-1", "SRA-9").replace(",6,", ",0,")

    parsed = read_achievements("\n".join([HEADER, multiline, "", bad]), "alliance")

    assert parsed.rows == []  # a title is one line
    assert [(r.line, r.reference, r.problems[0].code) for r in parsed.rejected] == [
        (2, "SRA-1", "text.control_character"),
        (5, "SRA-9", "achievement.trl_out_of_range"),
    ]


def test_a_row_with_the_wrong_number_of_cells_is_reported_whole() -> None:
    assert problems(f"{HEADER}\nSRA-1,too,short") == [(2, "", "import.wrong_cell_count")]


def test_columns_may_come_in_any_order_and_case_and_optional_ones_may_be_left_out() -> None:
    header = "TITLE,External_Ref,field,trl,transfer_modes,asking_price_currency,owner_name,"
    header += "owner_kind,owner_country,contact_name,contact_email"
    row = "Seed coating,SRA-7,agriculture,3,assignment,negotiable,Lanzhou U,university,CN,Li,l@l.cn"

    parsed = read_achievements(f"\ufeff{header}\r\n{row}\r\n", "alliance")

    assert [(r.external_ref.reference, r.offer.title) for r in parsed.rows] == [
        ("SRA-7", "Seed coating")
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "import.no_header"),
        ("\n", "import.no_header"),
        ("external_ref,title\nA,B", "import.missing_columns"),
        (HEADER + ",colour\n", "import.unknown_columns"),
        (HEADER + ",title\n", "import.duplicate_columns"),
        (HEADER + '\n"unterminated', "import.unreadable"),
    ],
)
def test_a_file_that_cannot_be_read_as_a_whole_is_refused(text: str, code: str) -> None:
    with pytest.raises(Invalid) as error:
        read_achievements(text, "alliance")

    assert (error.value.code, error.value.field) == (code, "csv")


def test_the_scope_must_not_be_blank() -> None:
    with pytest.raises(Invalid) as error:
        read_achievements(f"{HEADER}\n{GOOD}", "  ")

    assert (error.value.code, error.value.field) == ("text.blank", "scope")
