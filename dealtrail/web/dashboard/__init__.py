"""/dashboard: a page whose script signs in with a dashboard token and reads the reports.

The page and its files need no token; the token typed into its form stays in the tab's
sessionStorage and travels only in the Authorization header of report requests. The page comes
in the language asked for (`?lang=`) or preferred (`Accept-Language`), with the catalogue of
that language embedded, so the script never shows a code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from flask import Blueprint, Response, render_template, request

from dealtrail.web.dashboard.texts import TEXTS
from dealtrail.web.i18n.catalogue import code_labels, countries, numeric_codes, translate
from dealtrail.web.i18n.languages import ENGLISH, FORMATS, LANGUAGES, preferred, spoken

blp = Blueprint(
    "dashboard",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/dashboard/static",
)


@cache
def catalogue(language: str) -> dict[str, Any]:
    """What the page's script needs to put every figure in words: labels, country names, the
    numeric codes world maps name countries by, and how dates and numbers are written. Built
    once per language and process (read only)."""
    ui = {f"ui.{key}": translate(language, "dashboard", text) for key, text in TEXTS.items()}
    return {
        "lang": language,
        "locale": FORMATS[language],
        "languages": LANGUAGES,
        "labels": code_labels(language) | ui,
        "countries": countries(language),
        "numeric": numeric_codes(),
    }


@blp.get("/dashboard")
def page() -> Response:
    asked = spoken(request.args.get("lang", ""))
    language = asked or preferred(request.accept_languages) or ENGLISH
    labels = catalogue(language)
    html = render_template(
        "dashboard/index.html",
        lang=language,
        catalogue=labels,
        t=lambda key: labels["labels"][key],
    )
    response = Response(html, content_type="text/html; charset=utf-8")
    response.headers["Content-Language"] = language
    response.headers["Cache-Control"] = "no-cache"  # revalidated: a new release shows at once
    response.vary.add("Accept-Language")
    return response
