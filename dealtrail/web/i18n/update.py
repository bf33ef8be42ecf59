"""Brings translations/*/LC_MESSAGES/codes.po in line with codes.py: `python -m
dealtrail.web.i18n.update`. New keys get an empty translation to fill in, keys gone are dropped,
and a key whose English text changed is marked fuzzy (served in English until reviewed).
"""

from __future__ import annotations

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from dealtrail.web.i18n.catalogue import LOCALES, catalog, po_path
from dealtrail.web.i18n.codes import LABELS

HEADER = """\
# dealtrail: the labels of codes (dealtrail/web/i18n/codes.py). Each entry's context is the
# code's key; `python -m dealtrail.web.i18n.update` adds new keys and drops old ones."""


def updated(language: str) -> Catalog:
    old = catalog(language, "codes")
    new = Catalog(
        locale=LOCALES[language],
        domain="codes",
        header_comment=HEADER,
        project="dealtrail",
        last_translator="dealtrail",
        language_team="dealtrail",
        fuzzy=False,
    )
    for key, text in LABELS.items():
        before = next((m for m in old if m.id and m.context == key), None)
        string = before.string if before else ""
        fuzzy = bool(before and (before.fuzzy or before.id != text))
        new.add(text, string, context=key, flags=("fuzzy",) if fuzzy else ())
    return new


def main() -> None:
    for language in LOCALES:
        fresh = updated(language)
        with po_path(language, "codes").open("wb") as po:
            write_po(po, fresh, width=100, omit_header=False, sort_output=False)


if __name__ == "__main__":
    main()
