"""The demo conference as the integration tests share it (the `loaded` fixture)."""

from __future__ import annotations

from typing import NamedTuple

from dealtrail.bootstrap import Services


class Loaded(NamedTuple):
    services: Services
    exhibited: int  # how many achievements the supermarket shows
