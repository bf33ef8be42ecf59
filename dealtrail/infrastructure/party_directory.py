"""Finds registered parties by exact name and country, from the catalogue's parties view."""

from __future__ import annotations

from sqlalchemy import select

from dealtrail.infrastructure.catalogue import Catalogue
from dealtrail.infrastructure.views.parties import PartiesView, parties


class CataloguePartyDirectory:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def find(self, name: str, country: str) -> str | None:
        view = self.catalogue.view(PartiesView)
        query = (
            select(parties.c.id)
            .where(parties.c.name == name, parties.c.country == country)
            .order_by(parties.c.seq)
            .limit(1)
        )
        with view.engine.connect() as conn:
            return conn.execute(query).scalar()
