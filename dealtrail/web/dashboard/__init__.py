"""/dashboard: a static page whose script signs in with a dashboard token and reads the reports.

The page and its files need no token; the token typed into its form stays in the tab's
sessionStorage and travels only in the Authorization header of report requests.
"""

from __future__ import annotations

from flask import Blueprint, render_template

blp = Blueprint(
    "dashboard",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/dashboard/static",
)


@blp.get("/dashboard")
def page() -> str:
    return render_template("dashboard/index.html")
