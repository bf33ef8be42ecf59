"""Board: the segment of a regional equity trading centre a company lists on."""

from __future__ import annotations

from enum import StrEnum

from dealtrail.domain.choice import one_of


class Board(StrEnum):
    SCI_TECH_INNOVATION = "sci_tech_innovation"
    GROWTH = "growth"
    TRADING = "trading"
    DISPLAY = "display"
    INCUBATION = "incubation"


def listing_board(board: str) -> Board:
    return one_of(Board, board, "listing.unknown_board", "board")
