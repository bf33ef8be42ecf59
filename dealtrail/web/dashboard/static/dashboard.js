/* dealtrail dashboard: reads only /api/v1/reports/* with a dashboard token kept in this tab's
   sessionStorage (never in a URL). Tables show the API's exact strings; charts draw the same
   figures (as floating-point numbers, for drawing only). Refreshes every 15 s and on demand. */
(function () {
  "use strict";

  const KEY = "dealtrail.dashboard.token";
  const API = "/api/v1/reports/";
  const EVERY_MS = 15000;
  const PALETTE = ["#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2", "#db2777",
    "#65a30d", "#ea580c", "#475569"];
  const AGES = ["not_yet_due", "days_0_30", "days_31_60", "days_61_90", "days_over_90"];
  const COUNTS = ["achievements_exhibited", "roadshows", "projects_pitched",
    "international_projects", "international_countries", "agreements_signed"];

  const MONEY = new Set(["value", "funds_raised", "amount", "scheduled", "paid", "outstanding",
    ...AGES]);

  const sum = (rows, key) => rows.reduce((total, r) => total + Number(r[key] || 0), 0);
  const unique = (values) => [...new Set(values)];
  const label = (key) => key.replace(/_/g, " ");

  // Groups the digits of an exact decimal string: "1200000.50" -> "1,200,000.50" (no rounding).
  function groupDigits(text) {
    const [whole, fraction] = text.split(".");
    const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return fraction === undefined ? digits : `${digits}.${fraction}`;
  }

  // Counts side by side that differ by orders of magnitude (505 achievements beside 9
  // roadshows) go on a log scale, so the small ones do not vanish; the tables keep the figures.
  function spansDecades(datasets) {
    const values = datasets.flatMap((d) => d.data).filter((v) => v > 0);
    return values.length > 1 && Math.max(...values) / Math.min(...values) >= 50;
  }

  function bars(labels, datasets, stacked, counts) {
    const log = counts && !stacked && spansDecades(datasets);
    const y = log
      ? {type: "logarithmic", min: 0.5, title: {display: true, text: "log scale"},
        ticks: {callback: (v) => (Number.isInteger(Math.log10(v)) ? v : "")}}
      : {stacked, beginAtZero: true, ticks: counts ? {precision: 0} : {}};
    return {
      type: "bar",
      data: {labels, datasets: datasets.map((d, i) => ({backgroundColor: PALETTE[i % 10], ...d}))},
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {x: {stacked}, y},
        plugins: {legend: {display: datasets.length > 1}},
      },
    };
  }

  function grouped(rows, labelKey, seriesKey, valueKey) {
    const labels = unique(rows.map((r) => r[labelKey]));
    return unique(rows.map((r) => r[seriesKey])).map((series) => ({
      label: series,
      data: labels.map((l) => sum(rows.filter((r) => r[labelKey] === l && r[seriesKey] === series),
        valueKey)),
    }));
  }

  const REPORTS = [
    {path: "pipeline", title: "Pipeline by stage and kind",
      columns: ["record", "kind", "status", "count"],
      chart: (r) => {
        const labels = unique(r.rows.map((x) => `${x.record}: ${x.status}`));
        return bars(labels, [{label: "count", data: labels.map((l) =>
          sum(r.rows.filter((x) => `${x.record}: ${x.status}` === l), "count"))}], false, true);
      }},
    {path: "deal-value", title: "Deal value by month and currency",
      columns: ["month", "currency", "agreements", "value"],
      chart: (r) => bars(unique(r.rows.map((x) => x.month)),
        grouped(r.rows, "month", "currency", "value"), false)},
    {path: "receivables", title: "Receivables by age", note: (r) => `as of ${r.as_of}`, wide: true,
      columns: ["source", "title", "currency", "scheduled", "paid", "outstanding", ...AGES],
      chart: (r) => bars(r.totals.map((t) => t.currency), AGES.map((age) =>
        ({label: label(age), data: r.totals.map((t) => Number(t[age]))})), true)},
    {path: "listings", title: "Equity listings by state, funds raised",
      columns: ["status", "listings", "currency", "funds_raised"],
      chart: (r) => {
        const states = unique(r.rows.map((x) => x.status));
        return bars(states, [{label: "listings", data: states.map((s) =>
          r.rows.find((x) => x.status === s).listings)}], false, true);
      }},
    {path: "ip-transfers", title: "IP transfers by asset kind, mode and status",
      columns: ["asset_kind", "mode", "status", "count"],
      chart: (r) => bars(unique(r.rows.map((x) => x.mode)),
        grouped(r.rows, "mode", "asset_kind", "count"), true, true)},
    {path: "trading-events", title: "Trading events", wide: true,
      columns: ["name", "starts_on", "city", ...COUNTS],
      chart: (r) => bars(r.rows.map((x) => x.name), COUNTS.map((c) =>
        ({label: label(c), data: r.rows.map((x) => x[c])})), false, true)},
    {path: "licensing", title: "Licensing summary", note: (r) => `year ${r.year}`,
      columns: ["measure", "category", "count", "currency", "amount"]},
    {path: "awaiting-signatures", title: "Agreements awaiting signatures", wide: true,
      columns: ["title", "kind", "party_name", "party_country", "role"]},
    {path: "overdue-milestones", title: "Overdue milestones", note: (r) => `as of ${r.as_of}`,
      wide: true,
      columns: ["agreement_title", "title", "due_on", "days_overdue", "owner_name"]},
  ];

  const $ = (selector) => document.querySelector(selector);
  const cards = new Map();
  let timer = null;
  let busy = false;
  let again = false; // a refresh asked for while one runs: run once more after it

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function card(report) {
    const section = element("section", {id: `report-${report.path}`,
      class: report.wide ? "card wide" : "card"});
    const heading = element("h2", {}, report.title);
    const note = element("span", {class: "note"});
    heading.append(" ", note);
    section.append(heading);
    let canvas = null;
    if (report.chart) {
      const holder = element("div", {class: "chart"});
      canvas = element("canvas", {role: "img", "aria-label": report.title});
      holder.append(canvas);
      section.append(holder);
    }
    const table = element("table", {class: "report"});
    const row = element("tr");
    report.columns.forEach((key) => {
      const th = element("th", {"data-key": key, scope: "col", tabindex: "0"}, label(key));
      th.addEventListener("click", () => sortBy(report.path, key));
      th.addEventListener("keydown", (e) => { if (e.key === "Enter") sortBy(report.path, key); });
      row.append(th);
    });
    table.append(element("thead"), element("tbody"));
    table.tHead.append(row);
    const scroll = element("div", {class: "scroll"});
    scroll.append(table);
    section.append(scroll);
    $("#reports .grid").append(section);
    return {report, section, note, canvas, table, chart: null, data: null, sort: null};
  }

  const numeric = (v) => typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v));

  function compare(a, b) {
    if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
    if (b === null || b === undefined) return -1;
    if (numeric(a) && numeric(b)) return Number(a) - Number(b);
    return String(a).localeCompare(String(b));
  }

  function sortBy(path, key) {
    const c = cards.get(path);
    const descending = c.sort && c.sort.key === key && !c.sort.descending;
    c.sort = {key, descending};
    drawTable(c);
  }

  function drawTable(c) {
    const rows = [...c.data.rows];
    if (c.sort) {
      const {key, descending} = c.sort;
      rows.sort((a, b) => (descending ? -1 : 1) * compare(a[key], b[key]));
    }
    c.table.tHead.querySelectorAll("th").forEach((th) => {
      const sorted = c.sort && c.sort.key === th.dataset.key;
      th.setAttribute("aria-sort", sorted ? (c.sort.descending ? "descending" : "ascending") : "none");
    });
    const body = element("tbody");
    rows.forEach((r) => {
      const tr = element("tr");
      c.report.columns.forEach((key) => {
        let value = r[key] === null || r[key] === undefined ? "" : String(r[key]);
        if (MONEY.has(key) && numeric(value)) value = groupDigits(value);
        tr.append(element("td", numeric(r[key]) ? {class: "number"} : {}, value));
      });
      body.append(tr);
    });
    if (!rows.length) {
      body.append(element("tr", {class: "none"}));
      body.lastChild.append(element("td", {colspan: String(c.report.columns.length)}, "Nothing to report"));
    }
    c.table.replaceChild(body, c.table.tBodies[0]);
  }

  function draw(c, data) {
    c.data = data;
    c.note.textContent = c.report.note ? c.report.note(data) : "";
    drawTable(c);
    if (!c.canvas || !window.Chart) return;
    const config = c.report.chart(data);
    if (c.chart) {
      c.chart.data = config.data;
      c.chart.update("none");
    } else {
      c.chart = new window.Chart(c.canvas, config);
    }
  }

  class Refused extends Error {
    constructor(status) { super(`HTTP ${status}`); this.status = status; }
  }

  async function read(path, token) {
    const response = await fetch(API + path, {
      headers: {Authorization: `Bearer ${token}`, Accept: "application/json"},
      cache: "no-store", credentials: "omit",
    });
    if (!response.ok) throw new Refused(response.status);
    return response.json();
  }

  async function refresh() {
    const token = sessionStorage.getItem(KEY);
    if (!token) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const answers = await Promise.all(REPORTS.map((r) => read(r.path, token)));
      answers.forEach((data, i) => draw(cards.get(REPORTS[i].path), data));
      $("#error").textContent = "";
      $("#updated").textContent = `Updated ${new Date().toLocaleTimeString()}`;
      document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
      document.body.dataset.state = "ready";
    } catch (error) {
      if (error instanceof Refused && (error.status === 401 || error.status === 403)) {
        signOut(error.status === 401 ? "The token is invalid or revoked." :
          "This token's role may not read reports: use a dashboard token.");
      } else {
        $("#error").textContent = `Could not refresh: ${error.message}. Retrying.`;
      }
    } finally {
      busy = false;
      if (again) {
        again = false;
        refresh();
      }
    }
  }

  function show(signedIn) {
    $("#sign-in").hidden = signedIn;
    $("#reports").hidden = !signedIn;
    $("#refresh").hidden = !signedIn;
    $("#sign-out").hidden = !signedIn;
    document.body.dataset.state = signedIn ? "loading" : "signed-out";
  }

  function signIn(token) {
    sessionStorage.setItem(KEY, token);
    show(true);
    refresh();
    clearInterval(timer);
    timer = setInterval(refresh, EVERY_MS);
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    clearInterval(timer);
    timer = null;
    show(false);
    $("#sign-in-error").textContent = message || "";
    $("#updated").textContent = "";
  }

  document.addEventListener("DOMContentLoaded", () => {
    REPORTS.forEach((report) => cards.set(report.path, card(report)));
    $("#sign-in-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $("#token");
      const token = input.value.trim();
      input.value = "";
      if (token) signIn(token);
    });
    $("#refresh").addEventListener("click", refresh);
    $("#sign-out").addEventListener("click", () => signOut(""));
    const token = sessionStorage.getItem(KEY);
    if (token) signIn(token); else show(false);
  });
}());
