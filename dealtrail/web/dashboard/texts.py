"""The dashboard's own texts, by key (`ui.<key>` in the page's catalogue), in English; their
Chinese is in dealtrail/web/i18n/translations/zh_Hans/LC_MESSAGES/dashboard.po."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "title": "dealtrail dashboard",
    "sign_in": "Sign in",
    "sign_out": "Sign out",
    "refresh": "Refresh",
    "token": "Dashboard token",
    "token_hint": "Create one with {command}. It is kept in this tab only.",
    "language": "Language",
}
