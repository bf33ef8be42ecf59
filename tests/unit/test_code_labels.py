"""Every code a screen or a CSV header may show has a label in English and Simplified Chinese, in
the one catalogue (dealtrail/web/i18n), and the .po files hold exactly what the code defines."""

from __future__ import annotations

from enum import StrEnum

import pytest

from dealtrail.application.ports.reports import AMOUNTS
from dealtrail.domain.achievement import AchievementStatus
from dealtrail.domain.agreement import AgreementStatus
from dealtrail.domain.board import Board
from dealtrail.domain.equity_listing import ListingStatus
from dealtrail.domain.ip_identifiers import AssetKind
from dealtrail.domain.offer import AchievementField
from dealtrail.domain.offer import TransferMode as OfferedMode
from dealtrail.domain.party import PartyKind
from dealtrail.domain.terms import AgreementKind, PartyRole
from dealtrail.domain.transfer_terms import TransferMode, TransferStatus
from dealtrail.web.dashboard.texts import TEXTS
from dealtrail.web.i18n.catalogue import catalog, code_labels, countries, translate
from dealtrail.web.i18n.codes import LABELS
from dealtrail.web.i18n.languages import CHINESE, ENGLISH
from dealtrail.web.i18n.update import updated

GROUPS: dict[str, tuple[type[StrEnum], ...]] = {
    "status.agreement": (AgreementStatus,),
    "status.ip_transfer": (TransferStatus,),
    "status.listing": (ListingStatus,),
    "status.achievement": (AchievementStatus,),
    "agreement_kind": (AgreementKind,),
    "asset_kind": (AssetKind,),
    "transfer_mode": (TransferMode, OfferedMode),
    "board": (Board,),
    "party_kind": (PartyKind,),
    "role": (PartyRole,),
    "field": (AchievementField,),
}
AGES = AMOUNTS[AMOUNTS.index("not_yet_due") :]


def test_every_value_of_every_enumeration_a_report_shows_has_a_label() -> None:
    wanted = {f"{group}.{m}" for group, enums in GROUPS.items() for e in enums for m in e}
    wanted |= {f"age.{age}" for age in AGES}
    assert wanted - set(LABELS) == set()


@pytest.mark.parametrize("language", [ENGLISH, CHINESE])
def test_every_label_is_human_words_in_each_language(language: str) -> None:
    labels = code_labels(language)
    assert set(labels) == set(LABELS)
    assert [k for k, text in labels.items() if "_" in text or not text.strip()] == []


def test_every_code_and_every_dashboard_text_has_a_chinese_translation() -> None:
    codes = {m.context: m for m in catalog(CHINESE, "codes") if m.id}
    assert set(codes) == set(LABELS), "run: python -m dealtrail.web.i18n.update"
    assert [k for k, m in codes.items() if m.fuzzy or not m.string or m.id != LABELS[k]] == []
    texts = {m.id: m for m in catalog(CHINESE, "dashboard") if m.id}
    assert set(TEXTS.values()) - set(texts) == set()
    assert set(texts) - set(TEXTS.values()) == set(), "a translation of a text no longer shown"
    assert [t for t in TEXTS.values() if texts[t].fuzzy or not texts[t].string] == []


def test_a_word_with_two_meanings_has_two_translations() -> None:
    zh = code_labels(CHINESE)
    assert zh["status.listing.listed"] == "已挂牌"  # on a board of the equity trading centre
    assert zh["status.achievement.listed"] == "已上架"  # on the achievements supermarket
    assert zh["role.investor"] != zh["party_kind.investor"]


def test_updating_the_catalogue_keeps_every_translation() -> None:
    fresh = {m.context: (m.id, m.string, m.fuzzy) for m in updated(CHINESE) if m.id}
    kept = {m.context: (m.id, m.string, m.fuzzy) for m in catalog(CHINESE, "codes") if m.id}
    assert fresh == kept


def test_a_missing_translation_falls_back_to_english_rather_than_to_a_code() -> None:
    assert translate(CHINESE, "codes", "No such text", context="no.such.key") == "No such text"


def test_countries_and_regions_are_named_in_each_language_as_the_trading_centres_name_them() -> (
    None
):
    en, zh = countries(ENGLISH), countries(CHINESE)
    assert (en["KZ"], zh["KZ"]) == ("Kazakhstan", "哈萨克斯坦")
    assert (en["HK"], zh["HK"]) == ("Hong Kong SAR China", "中国香港特别行政区")
    assert (en["MO"], zh["MO"]) == ("Macao SAR China", "中国澳门特别行政区")
    assert zh["TW"] == "中国台湾"
    assert len(en) == len(zh) == 249
