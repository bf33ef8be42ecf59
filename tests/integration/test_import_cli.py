"""`dealtrail import achievements FILE`: the report on the terminal, exit 1 when rows are bad."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result

from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli

CSV = """\
external_ref,title,field,trl,transfer_modes,asking_price_amount,asking_price_currency,\
owner_name,owner_kind,owner_country,contact_name,contact_email
SRA-1,Laser welding,advanced_manufacturing,6,licence,3500000.00,CNY,\
Xi'an University,university,CN,Wang Hong,wang@xa.edu.cn
SRA-2,Seed coating,agriculture,4,assignment,,negotiable,\
Tashkent State Technical University,university,UZ,Aida Nur,aida@tstu.uz
"""


def run(settings: Settings, *args: str) -> Result:
    return run_cli(settings, "import", "achievements", *args)


def test_importing_a_file_twice_reports_then_adds_nothing(
    settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "achievements.csv"
    path.write_text(CSV, encoding="utf-8")

    first = run(settings, str(path), "--scope", "alliance")
    second = run(settings, str(path), "--scope", "alliance")

    assert first.exit_code == 0, first.output
    assert "2 imported, 0 already present, 0 rejected; 2 owner parties registered" in first.output
    assert second.exit_code == 0, second.output
    assert "0 imported, 2 already present, 0 rejected" in second.output


def test_bad_rows_are_listed_and_the_exit_code_is_1(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "achievements.csv"
    path.write_text(CSV.replace(",4,", ",0,"), encoding="utf-8")

    result = run(settings, str(path))

    assert result.exit_code == 1
    assert "1 imported, 0 already present, 1 rejected" in result.output
    assert "line 3 (SRA-2): trl: A technology readiness level" in result.output


def test_an_unreadable_file_imports_nothing(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "achievements.csv"
    path.write_text("title\nLaser welding\n", encoding="utf-8")

    result = run(settings, str(path))

    assert result.exit_code == 1
    assert "The CSV lacks required columns: external_ref" in result.output
