"""A bare page holding only the dashboard's map module (dashboard-map.js with Chart.js and
chartjs-chart-geo, as the package ships them), served under the dashboard's own Content Security
Policy, and what a test reads from it: the chart's countries and colours, the table's rows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pycountry
from flask import Flask, Response
from werkzeug.serving import make_server

from dealtrail.web import dashboard
from dealtrail.web.headers import DASHBOARD_POLICY
from tests.e2e.in_thread import served

STATIC = "/dashboard/static"
TOPOLOGY = f"{STATIC}/vendor/countries-110m.json"
PAGE = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>dealtrail · map</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="{STATIC}/dashboard.css">
  <link rel="stylesheet" href="{STATIC}/dashboard-map.css">
  <script src="{STATIC}/vendor/chart.umd.min.js" defer></script>
  <script src="{STATIC}/vendor/chartjs-chart-geo.umd.min.js" defer></script>
  <script src="{STATIC}/dashboard-map.js" defer></script>
</head>
<body>
  <main>
    <section class="card" id="report-countries">
      <h2>Where the international projects come from</h2>
      <div id="map"></div>
    </section>
  </main>
</body>
</html>"""

# What the catalogue will give the module (section 1 of the dashboard contract), in English.
LABELS = {
    "column.country": "Country or region",
    "column.international_projects": "International projects",
    "column.partner_parties": "Partner parties",
    "ui.map_summary": "{metric} by country or region: {countries}",
    "ui.map_nothing": "none",
    "ui.map_no_countries": "No international projects or partner parties at this event.",
    "ui.map_not_drawn": "(too small for the map)",
    "ui.map_failed": "The map could not be drawn; the table lists every country and region.",
}
NAMES = {c.alpha_2: getattr(c, "common_name", c.name) for c in pycountry.countries}
NUMERIC = {c.numeric: c.alpha_2 for c in pycountry.countries}

RENDER = """const [labels, names, numeric, topology, rows, metric] = arguments;
window.selected = [];
window.asked = new Set();
window.map = DealtrailMap.render(document.getElementById('map'), {
  t: (key) => { asked.add(key); return labels[key] ?? key; },
  country: (code) => names[code],
  numeric, topology,
  onSelect: (code) => selected.push(code),
});
map.update(rows, metric);"""
CHART = """const chart = Chart.getChart(document.querySelector('#map canvas'));
if (!chart) return null;
const meta = chart.getDatasetMeta(0);
return chart.data.datasets[0].data.map((item, i) => ({
  id: item.feature.id, value: item.value, colour: meta.data[i].options.backgroundColor,
  centre: meta.data[i].getCenterPoint(),
}));"""
LEGEND = """const chart = Chart.getChart(document.querySelector('#map canvas'));
const scale = chart.options.scales.color;
return {shown: scale.display, title: scale.title.text};"""
TABLE = """return [...document.querySelectorAll('#map table.countries tbody tr[data-country]')].map(
  (tr) => [tr.dataset.country, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]);"""


@contextmanager
def map_site() -> Iterator[str]:
    """The dashboard's static files and the map's bare page at /map, on a free local port."""
    app = Flask(__name__)
    app.register_blueprint(dashboard.blp)

    @app.get("/map")
    def page() -> Response:
        return Response(
            PAGE, mimetype="text/html", headers={"Content-Security-Policy": DASHBOARD_POLICY}
        )

    with served(make_server("127.0.0.1", 0, app, threaded=True)) as origin:
        yield origin


def show_map(
    driver: Any, rows: list[dict[str, Any]], metric: str, topology: str = TOPOLOGY
) -> None:
    """Renders the map of `rows` into the bare page, once its deferred scripts have run."""
    driver.execute_script(RENDER, LABELS, NAMES, NUMERIC, topology, rows, metric)


def chart_items(driver: Any) -> list[dict[str, Any]] | None:
    """The map's countries as Chart.js holds them: alpha-2 (None for places without one), value,
    fill colour and centre on the canvas; None while no chart is drawn."""
    items = driver.execute_script(CHART)
    if items is None:
        return None
    return [item | {"country": NUMERIC.get(item["id"])} for item in items]


def legend(driver: Any) -> dict[str, Any]:
    """The map's colour scale: whether it is drawn and the title it is drawn under."""
    return driver.execute_script(LEGEND)


def table_rows(driver: Any) -> list[list[str]]:
    """The country table as shown: [alpha-2 of the row, name cell, projects, parties]."""
    return driver.execute_script(TABLE)
