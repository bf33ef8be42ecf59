"""Finds registered parties by exact name and country, from the parties view."""

from __future__ import annotations

from dealtrail.infrastructure.read_models import ReadModels
from dealtrail.infrastructure.views.parties import PartiesView


class ViewPartyDirectory:
    def __init__(self, read_models: ReadModels) -> None:
        self.read_models = read_models

    def find(self, name: str, country: str) -> str | None:
        return self.read_models.view(PartiesView).find(name, country)
