"""The dashboard's texts keep, in Chinese, every `{placeholder}` the page's script fills in: a
translation that dropped or renamed one would show a raw `{year}` or lose the figure."""

from __future__ import annotations

import re

from dealtrail.web.dashboard.texts import TEXTS
from dealtrail.web.i18n.catalogue import translate
from dealtrail.web.i18n.languages import CHINESE

PLACEHOLDER = re.compile(r"\{\w+\}")


def test_every_placeholder_of_a_dashboard_text_is_in_its_chinese_translation() -> None:
    lost = {
        key: text
        for key, text in TEXTS.items()
        if sorted(PLACEHOLDER.findall(text))
        != sorted(PLACEHOLDER.findall(translate(CHINESE, "dashboard", text)))
    }
    assert lost == {}

