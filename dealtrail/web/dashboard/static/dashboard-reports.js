/* dealtrail dashboard, the charted reports: the chosen trading event's headline tiles, the
   pipeline, deal value by month, receivables by age, funds raised per board, equity listings by
   state and IP transfers by asset kind and mode, each with its table of figures. Each function
   draws from the answers `r` (report path -> body) and the filters `f` ({event, year,
   currency}). */
(function () {
  "use strict";

  const D = window.Dealtrail;
  const AGES = ["not_yet_due", "days_0_30", "days_31_60", "days_61_90", "days_over_90"];
  const COUNTS = ["achievements_exhibited", "roadshows", "projects_pitched",
    "international_projects", "international_countries", "agreements_signed"];
  const AMOUNTS = new Set(["value", "funds_raised", "amount", "scheduled", "paid", "outstanding",
    ...AGES]);
  const LABELLED = {kind: "agreement_kind", asset_kind: "asset_kind", mode: "transfer_mode",
    board: "board", role: "role", record: "record", source: "record"};

  // A cell as the page shows it: codes in words, amounts grouped, countries named.
  // (`record`: whose statuses a table without a record column shows.)
  D.cell = (key, row, record) => {
    const v = row[key];
    if (v === null || v === undefined) return "";
    if (key === "status") return D.label(`status.${row.record || record}`, v);
    if (key in LABELLED) return D.label(LABELLED[key], v);
    if (key === "country" || key === "party_country") return D.country(v);
    if (AMOUNTS.has(key)) return D.groupDigits(v);
    return String(v);
  };

  const section = (path) => D.$(`#report-${path}`);
  const part = (path, selector) => D.$(selector, section(path));
  const RECORDS = {"ip-transfers": "ip_transfer", listings: "listing"};
  const figures = (path, columns, rows, drill) => D.table(part(path, ".figures"), columns, rows,
    (key, row) => D.cell(key, row, RECORDS[path]), drill);
  const sumBy = (rows, key) => D.addDecimals(rows.map((x) => x[key]));
  D.inCurrency = (rows, f) => rows.filter((x) => !f.currency || x.currency === f.currency);
  D.inYear = (rows, f) => D.inCurrency(rows, f).filter((x) => x.month.startsWith(`${f.year}-`));

  // A headline figure; `look` is "money" (amounts per currency) or "list" (a line per item).
  function tile(holder, name, title, lines, note, look) {
    const box = D.element("div", {class: look ? `tile ${look}` : "tile", "data-tile": name});
    box.append(D.element("span", {class: "name"}, title));
    const value = D.element("span", {class: "value"});
    (lines.length ? lines : ["—"]).forEach((line, i) => {
      if (i) value.append(D.element("br"));
      value.append(line);
    });
    box.append(value);
    if (note) box.append(D.element("span", {class: "note"}, note));
    holder.append(box);
  }
  D.tile = tile;

  const perCurrencyLines = (totals) => Object.entries(totals).sort(([a], [b]) => (a < b ? -1 : 1))
    .filter(([, amount]) => !D.isZero(amount)).map(([c, amount]) => D.money(amount, c));

  D.drawEvent = (r, f) => {
    const event = r["trading-events"].rows.find((x) => x.event_id === f.event);
    const holder = D.$("#event-tiles");
    holder.replaceChildren();
    const days = (e) => D.unique([e.starts_on, e.ends_on]).map(D.date).join(" – ");
    D.$("#event-place").textContent = event ? `${event.name} · ${event.city} · ${days(event)}`
      : D.t("ui.no_events");
    COUNTS.forEach((key) => tile(holder, key, D.t(`column.${key}`),
      [event ? String(event[key]) : "0"]));
    const centre = D.$("#centre-tiles"); // the whole centre's, whichever event is chosen
    centre.replaceChildren();
    const deals = D.inYear(r["deal-value"].rows, f);
    const signed = {};
    D.unique(deals.map((x) => x.currency)).forEach((c) => {
      signed[c] = sumBy(deals.filter((x) => x.currency === c), "value");
    });
    tile(centre, "deal_value", D.fill("ui.deal_value_tile", {year: f.year}),
      perCurrencyLines(signed), null, "money");
    const owed = {};
    D.inCurrency(r.receivables.totals, f).forEach((x) => { owed[x.currency] = x.outstanding; });
    tile(centre, "receivables_outstanding", D.t("ui.receivables_tile"), perCurrencyLines(owed),
      D.fill("ui.as_of", {date: D.date(r.receivables.as_of)}), "money");
    tile(centre, "overdue_milestones", D.t("ui.overdue_tile"),
      [String(r["overdue-milestones"].rows.length)],
      D.fill("ui.as_of", {date: D.date(r["overdue-milestones"].as_of)}));
    figures("trading-events", ["name", "city", "starts_on", ...COUNTS], r["trading-events"].rows,
      (x) => () => D.chooseEvent(x.event_id));
  };

  // Pipeline: one chart per record type, stages in the order the API gives (the lifecycle's);
  // agreements stacked by kind.
  D.drawPipeline = (r) => {
    const rows = r.pipeline.rows;
    const holder = part("pipeline", ".charts");
    D.clearCharts(holder);
    if (!rows.length) holder.append(D.element("p", {class: "empty"}, D.t("ui.nothing")));
    D.unique(rows.map((x) => x.record)).forEach((record) => {
      const mine = rows.filter((x) => x.record === record);
      const statuses = D.unique(mine.map((x) => x.status));
      const kinds = D.unique(mine.map((x) => x.kind));
      const count = (status, kind) => mine.filter((x) => x.status === status &&
        (kind === undefined || x.kind === kind)).reduce((n, x) => n + x.count, 0);
      const box = D.element("div", {class: "small"});
      box.append(D.element("h3", {}, D.t(`record.${record}`)));
      holder.append(box);
      D.barChart(box, {
        title: `${D.t("ui.pipeline")}: ${D.t(`record.${record}`)}`,
        labels: statuses.map((s) => D.label(`status.${record}`, s)),
        figures: statuses.map((s) => String(count(s))),
        datasets: kinds.map((k) => ({data: statuses.map((s) => count(s, k)),
          label: k ? D.label("agreement_kind", k) : D.t(`record.${record}`)})),
        drill: (i, d) => D.pipelineDrill(record, statuses[i], kinds[d]),
      });
    });
    figures("pipeline", ["record", "kind", "status", "count"], rows,
      (x) => D.pipelineDrill(x.record, x.status, x.kind));
  };

  const LISTS = {agreement: "agreements", ip_transfer: "ip-transfers", listing: "listings",
    achievement: "achievements"};
  D.pipelineDrill = (record, status, kind) => ({
    title: [D.t(`record.${record}`), kind && D.label("agreement_kind", kind),
      D.label(`status.${record}`, status)].filter(Boolean).join(" · "),
    path: LISTS[record], params: {status, kind: kind || null},
  });

  const lastDay = (month) => {
    const [y, m] = month.split("-").map(Number);
    return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
  };

  D.drawDealValue = (r, f) => {
    const rows = D.inYear(r["deal-value"].rows, f);
    part("deal-value", ".note").textContent = String(f.year);
    D.perCurrency(part("deal-value", ".charts"), D.unique(rows.map((x) => x.currency)), (c) => {
      const mine = rows.filter((x) => x.currency === c);
      D.barChart(part("deal-value", ".charts"), {
        title: D.fill("ui.deal_value_axis", {currency: c}), currency: c,
        axis: D.fill("ui.deal_value_axis", {currency: c}),
        labels: mine.map((x) => D.month(x.month)),
        figures: mine.map((x) => D.groupDigits(x.value)),
        datasets: [{label: c, data: mine.map((x) => Number(x.value)),
          exact: mine.map((x) => D.groupDigits(x.value))}],
        drill: (i) => D.monthDrill(mine[i].month, c),
      });
    });
    figures("deal-value", ["month", "currency", "agreements", "value"], rows,
      (x) => D.monthDrill(x.month, x.currency));
  };
  // A bar is one month in one currency: its drill lists exactly the agreements it sums.
  D.monthDrill = (month, currency) => ({
    title: `${D.t("record.agreement")} · ${D.fill("ui.effective_in", {month: D.month(month)})}` +
      ` · ${currency}`,
    path: "agreements",
    params: {effective_from: `${month}-01`, effective_to: lastDay(month), currency},
  });

  D.drawReceivables = (r, f) => {
    const totals = D.inCurrency(r.receivables.totals, f);
    part("receivables", ".note").textContent =
      D.fill("ui.as_of", {date: D.date(r.receivables.as_of)});
    D.perCurrency(part("receivables", ".charts"), totals.map((x) => x.currency), (c) => {
      const total = totals.find((x) => x.currency === c);
      D.barChart(part("receivables", ".charts"), {
        title: D.fill("ui.receivables_axis", {currency: c}), currency: c,
        axis: D.fill("ui.receivables_axis", {currency: c}),
        labels: [c], figures: [D.groupDigits(total.outstanding)],
        datasets: AGES.map((age) => ({label: D.t(`age.${age}`), data: [Number(total[age])],
          exact: [D.groupDigits(total[age])]})),
      });
    });
    figures("receivables", ["source", "title", "currency", "scheduled", "paid", "outstanding",
      ...AGES], D.inCurrency(r.receivables.rows, f));
  };

  D.drawFunds = (r, f) => {
    const rows = D.inCurrency(r["funds-raised"].rows, f);
    // The list filters by board only: its items keep the listings with funds in that currency.
    const drill = (board, c) => ({
      title: `${D.t("record.listing")} · ${D.label("board", board)} · ${c}`,
      path: "listings", params: {board},
      only: (l) => l.funds_raised.some((m) => m.currency === c && !D.isZero(m.amount)),
    });
    D.perCurrency(part("funds-raised", ".charts"), D.unique(rows.map((x) => x.currency)), (c) => {
      const mine = rows.filter((x) => x.currency === c);
      D.barChart(part("funds-raised", ".charts"), {
        title: D.fill("ui.funds_axis", {currency: c}), currency: c,
        axis: D.fill("ui.funds_axis", {currency: c}),
        labels: mine.map((x) => D.label("board", x.board)),
        figures: mine.map((x) => D.groupDigits(x.funds_raised)),
        datasets: [{label: c, data: mine.map((x) => Number(x.funds_raised)),
          exact: mine.map((x) => D.groupDigits(x.funds_raised))}],
        drill: (i) => drill(mine[i].board, c),
      });
    });
    figures("funds-raised", ["board", "currency", "listings", "rounds", "funds_raised"], rows,
      (x) => drill(x.board, x.currency));
  };

  D.drawListings = (r) => {
    const rows = r.listings.rows;
    const statuses = D.unique(rows.map((x) => x.status));
    const count = (s) => rows.find((x) => x.status === s).listings;
    const drill = (status) => D.pipelineDrill("listing", status);
    const holder = part("listings", ".charts");
    D.clearCharts(holder);
    D.barChart(holder, {
      title: D.t("ui.listings"), axis: D.t("column.listings"),
      labels: statuses.map((s) => D.label("status.listing", s)),
      figures: statuses.map((s) => String(count(s))),
      datasets: [{label: D.t("column.listings"), data: statuses.map(count)}],
      drill: (i) => drill(statuses[i]),
    });
    figures("listings", ["status", "listings", "currency", "funds_raised"], rows,
      (x) => drill(x.status));
  };

  D.drawIpTransfers = (r) => {
    const rows = r["ip-transfers"].rows;
    const kinds = D.unique(rows.map((x) => x.asset_kind));
    const modes = D.unique(rows.map((x) => x.mode));
    const count = (k, m) => rows.filter((x) => x.asset_kind === k && (m === undefined ||
      x.mode === m)).reduce((n, x) => n + x.count, 0);
    const drill = (asset_kind, mode, status) => ({
      title: [D.t("record.ip_transfer"), D.label("asset_kind", asset_kind),
        D.label("transfer_mode", mode), status && D.label("status.ip_transfer", status)]
        .filter(Boolean).join(" · "),
      path: "ip-transfers", params: {asset_kind, mode, status: status || null},
    });
    const holder = part("ip-transfers", ".charts");
    D.clearCharts(holder);
    D.barChart(holder, {
      title: D.t("ui.ip_transfers"), axis: D.t("column.count"),
      labels: kinds.map((k) => D.label("asset_kind", k)),
      figures: kinds.map((k) => String(count(k))),
      datasets: modes.map((m) => ({label: D.label("transfer_mode", m),
        data: kinds.map((k) => count(k, m))})),
      drill: (i, d) => drill(kinds[i], modes[d]),
    });
    figures("ip-transfers", ["asset_kind", "mode", "status", "count"], rows,
      (x) => drill(x.asset_kind, x.mode, x.status));
  };
}());
