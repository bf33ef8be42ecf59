"""The metadata of dealtrail's tables that cannot be rebuilt from the log: API tokens, the subject
vault, the audit trail and the followers' positions.

Only migrations (dealtrail/infrastructure/migrations) create or change these tables: their rows
exist nowhere else. The views, which are rebuilt from the log, keep their own metadata
(views/base.py) and are created from it.
"""

from __future__ import annotations

from sqlalchemy import MetaData

metadata = MetaData()
