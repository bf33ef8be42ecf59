"""Finds registered parties by exact name and country, from the catalogue's parties view."""

from __future__ import annotations

from dealtrail.infrastructure.catalogue import Catalogue
from dealtrail.infrastructure.views.parties import PartiesView


class CataloguePartyDirectory:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def find(self, name: str, country: str) -> str | None:
        return self.catalogue.view(PartiesView).find(name, country)
