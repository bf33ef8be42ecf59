"""The parties view's tables, apart from the view: other views join them (to name an agreement's
parties, an achievement's owner), and the parties view itself joins theirs (the parties at a
trading event), so the tables live where both can import them without importing each other."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, ColumnElement, String, select

from dealtrail.infrastructure.views import schema
from dealtrail.infrastructure.views.base import sortable_text

parties = schema.record_table(
    "catalogue_parties",
    Column("name", String(300), comment="an organisation's; null for an individual"),
    Column("sealed_name", String(600), comment="an individual's, sealed under its subject key"),
    Column("name_subject", String(64), comment="the subject whose key sealed the name"),
    Column("name_key", sortable_text(300), nullable=False, comment="sort by name"),
    schema.enum("kind"),
    schema.country("country"),
)

party_alliances = schema.owned_table(
    "catalogue_party_alliances",
    "party_id",
    parties,
    Column("alliance", String(300), primary_key=True, index=True),  # alliance filters
)


def in_alliance(party_id: Column[Any], alliance: str) -> ColumnElement[bool]:
    """Whether the party whose id is in `party_id` is a member of `alliance`."""
    members = select(party_alliances.c.party_id).where(party_alliances.c.alliance == alliance)
    return party_id.in_(members)
