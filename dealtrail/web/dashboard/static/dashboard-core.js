/* dealtrail dashboard, shared pieces: the catalogue the page embeds (every code in words, in the
   page's language), exact amounts, dates, DOM building, tables, and reading the API with the
   tab's token. The other dashboard scripts hang their parts on window.Dealtrail. */
(function () {
  "use strict";

  const D = (window.Dealtrail = {});
  const catalogue = JSON.parse(document.getElementById("catalogue").textContent);
  D.lang = catalogue.lang;
  D.locale = catalogue.locale; // how the page's readers write dates and numbers
  D.catalogue = catalogue;
  D.TOKEN = "dealtrail.dashboard.token";

  // A label from the catalogue; a key it lacks shows as words, never as snake_case.
  D.t = (key) => catalogue.labels[key] || key.split(".").pop().replace(/_/g, " ");
  D.fill = (key, values) =>
    D.t(key).replace(/\{(\w+)\}/g, (_, name) => (name in values ? values[name] : `{${name}}`));
  D.label = (group, code) => (code === null || code === undefined ? "" : D.t(`${group}.${code}`));
  D.country = (code) => (code ? catalogue.countries[code] || code : "");

  // Groups the digits of an exact decimal string: "1200000.50" -> "1,200,000.50" (no float).
  D.groupDigits = (text) => {
    if (text === null || text === undefined) return "";
    const [whole, fraction] = String(text).split(".");
    const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return fraction === undefined ? digits : `${digits}.${fraction}`;
  };
  D.money = (amount, currency) => `${currency} ${D.groupDigits(amount)}`;

  // Sums exact decimal strings as scaled integers (BigInt), so a total is as exact as its parts.
  D.addDecimals = (texts) => {
    const places = Math.max(0, ...texts.map((x) => (String(x).split(".")[1] || "").length));
    const total = texts.reduce((sum, x) => {
      const [whole, fraction = ""] = String(x).split(".");
      const negative = whole.startsWith("-");
      const units = BigInt(whole.replace("-", "") + fraction.padEnd(places, "0"));
      return sum + (negative ? -units : units);
    }, 0n);
    const sign = total < 0n ? "-" : "";
    const digits = (total < 0n ? -total : total).toString().padStart(places + 1, "0");
    return places ? `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}` : sign + digits;
  };
  D.isZero = (text) => /^-?0*(\.0*)?$/.test(String(text));

  const dates = new Intl.DateTimeFormat(D.locale, {dateStyle: "medium", timeZone: "UTC"});
  const months = new Intl.DateTimeFormat(D.locale,
    {year: "numeric", month: "short", timeZone: "UTC"});
  D.date = (iso) => (iso ? dates.format(new Date(`${iso}T00:00:00Z`)) : "");
  D.month = (yyyyMm) => months.format(new Date(`${yyyyMm}-01T00:00:00Z`));
  D.unique = (values) => [...new Set(values)];

  D.element = (tag, attributes, text) => {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => {
      if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  };
  D.$ = (selector, root) => (root || document).querySelector(selector);

  // A report's text alternative: `th[data-key]` holds each column's code, the cells what
  // `show(key, row)` says (labels and grouped amounts). A row for which `drill(row)` gives a
  // target opens the drill-down on a click or Enter (a function given instead is run). Narrow
  // screens stack each row's cells (CSS reads `data-label`).
  D.table = (holder, columns, rows, show, drill) => {
    const table = D.element("table", {class: "report"});
    const head = D.element("tr");
    columns.forEach((key) => head.append(D.element("th", {scope: "col", "data-key": key},
      D.t(`column.${key}`))));
    table.append(D.element("thead"), D.element("tbody"));
    table.tHead.append(head);
    rows.forEach((row) => {
      const tr = D.element("tr");
      columns.forEach((key) => {
        const text = show(key, row);
        const numeric = typeof row[key] === "number" || /^-?\d+(\.\d+)?$/.test(row[key]);
        tr.append(D.element("td", {"data-label": D.t(`column.${key}`),
          class: numeric ? "number" : null}, text));
      });
      const target = drill && drill(row);
      if (target) {
        tr.tabIndex = 0;
        tr.classList.add("drills");
        const act = typeof target === "function" ? target : () => D.drill(target);
        tr.addEventListener("click", act);
        tr.addEventListener("keydown", (e) => {
          if (e.key === "Enter") act();
        });
      }
      table.tBodies[0].append(tr);
    });
    if (!rows.length) {
      const tr = D.element("tr", {class: "none"});
      tr.append(D.element("td", {colspan: String(columns.length)}, D.t("ui.nothing")));
      table.tBodies[0].append(tr);
    }
    holder.replaceChildren(table);
  };

  class Refused extends Error {
    constructor(status) {
      super(`HTTP ${status}`);
      this.status = status;
    }
  }
  D.Refused = Refused;

  // GET /api/v1/<path> with the tab's token; `params` become the query string.
  D.read = async (path, params) => {
    const query = new URLSearchParams(Object.entries(params || {})
      .filter(([, v]) => v !== null && v !== undefined && v !== ""));
    const url = `/api/v1/${path}${[...query].length ? `?${query}` : ""}`;
    const response = await fetch(url, {
      headers: {Authorization: `Bearer ${sessionStorage.getItem(D.TOKEN)}`,
        Accept: "application/json"},
      cache: "no-store", credentials: "omit",
    });
    if (!response.ok) throw new Refused(response.status);
    return response.json();
  };
}());
