/* dealtrail dashboard, the reports read as words: the year's licensing summary as tiles, the
   agreements awaiting signatures and the overdue milestones as lists naming the agreement and
   the party (each item a button drilling to its agreement), and the map of where the chosen
   event's international projects and partners come from (window.DealtrailMap, when loaded). */
(function () {
  "use strict";

  const D = window.Dealtrail;
  const MEASURES = ["technology_licences_effective", "ip_transfers_contracted", "licence_income",
    "startups_formed", "agreements_by_partner_country"];
  // What a licensing row's category names, by measure.
  const CATEGORIES = {technology_licences_effective: "agreement_kind",
    ip_transfers_contracted: "transfer_mode", licence_income: "transfer_mode"};

  const category = (row) => (row.measure === "agreements_by_partner_country"
    ? D.country(row.category) : D.label(CATEGORIES[row.measure], row.category));
  const licensingCell = (key, row) => {
    if (key === "measure") return D.t(`measure.${row.measure}`);
    if (key === "category") return category(row);
    return D.cell(key, row);
  };

  /* Only the licences that took effect drill down: the agreements list filters by kind and
     effective date, so it lists exactly the row's agreements. No list filters IP transfers by the
     year they were contracted or paid, nor agreements by a partner's country (the parties list
     would name parties, not agreements): a list there would contradict the row's count. */
  function licensingDrill(row, year) {
    if (row.measure !== "technology_licences_effective") return null;
    return {title: `${D.t(`measure.${row.measure}`)} · ${category(row)}`, path: "agreements",
      params: {kind: row.category, effective_from: `${year}-01-01`, effective_to: `${year}-12-31`}};
  }

  D.drawLicensing = (r, f) => {
    const report = r.licensing;
    const section = D.$("#report-licensing");
    D.$(".note", section).textContent = String(report.year);
    const holder = D.$(".tiles", section);
    holder.replaceChildren();
    const rows = report.rows.filter((x) => !x.currency || !f.currency || x.currency === f.currency);
    MEASURES.forEach((measure) => {
      const mine = rows.filter((x) => x.measure === measure);
      const parts = mine.filter((x) => x.category).map((x) =>
        `${category(x)}: ${x.amount ? D.money(x.amount, x.currency) : x.count}`);
      if (measure === "agreements_by_partner_country") {
        // an agreement counts once per country: the counts do not add up to a total
        D.tile(holder, measure, D.t(`measure.${measure}`), parts, null, "list");
        return;
      }
      const money = measure === "licence_income";
      const lines = money ? D.unique(mine.map((x) => x.currency)).map((c) => D.money(
        D.addDecimals(mine.filter((x) => x.currency === c).map((x) => x.amount)), c))
        : [String(mine.reduce((n, x) => n + x.count, 0))];
      D.tile(holder, measure, D.t(`measure.${measure}`), lines, null, money ? "money" : null);
      const breakdown = D.element("ul", {class: "breakdown"});
      parts.forEach((text) => breakdown.append(D.element("li", {}, text)));
      if (parts.length) holder.lastChild.append(breakdown);
    });
    D.table(D.$(".figures", section), ["measure", "category", "count", "currency", "amount"],
      rows, licensingCell, (x) => licensingDrill(x, report.year));
  };

  // The agreement an item names: the list filtered by its title, kept to its id.
  const agreementDrill = (id, title) => ({title: D.t("record.agreement"), path: "agreements",
    params: {q: title}, only: (a) => a.id === id});

  function item(list, heading, lines, target) {
    const li = D.element("li");
    const button = D.element("button", {type: "button", class: "item"});
    button.append(D.element("strong", {}, heading));
    lines.forEach((line) => button.append(D.element("span", {}, line)));
    button.addEventListener("click", () => D.drill(target));
    li.append(button);
    list.append(li);
  }

  function empty(list) {
    if (!list.children.length) list.append(D.element("li", {class: "empty"}, D.t("ui.nothing")));
  }

  D.drawAwaiting = (r) => {
    const rows = r["awaiting-signatures"].rows;
    const section = D.$("#report-awaiting-signatures");
    const list = D.$(".items", section);
    list.replaceChildren();
    D.unique(rows.map((x) => x.agreement_id)).forEach((id) => {
      const mine = rows.filter((x) => x.agreement_id === id);
      const party = (x) => [x.party_name || D.t("ui.unknown_party"), D.country(x.party_country)]
        .filter(Boolean).join(" · ");
      item(list, mine[0].title, [D.label("agreement_kind", mine[0].kind), ...mine.map((x) =>
        D.fill("ui.waiting_for", {party: party(x), role: D.label("role", x.role)}))],
      agreementDrill(id, mine[0].title));
    });
    empty(list);
    D.table(D.$(".figures", section), ["title", "kind", "party_name", "party_country", "role"],
      rows, D.cell, (x) => agreementDrill(x.agreement_id, x.title));
  };

  D.drawOverdue = (r) => {
    const report = r["overdue-milestones"];
    const section = D.$("#report-overdue-milestones");
    D.$(".note", section).textContent = D.fill("ui.as_of", {date: D.date(report.as_of)});
    const list = D.$(".items", section);
    list.replaceChildren();
    report.rows.forEach((x) => item(list, x.title, [x.agreement_title,
      D.fill("ui.due", {date: D.date(x.due_on), days: x.days_overdue}),
      D.fill("ui.owner", {party: x.owner_name || D.t("ui.unknown_party")})],
    agreementDrill(x.agreement_id, x.agreement_title)));
    empty(list);
    D.table(D.$(".figures", section), ["agreement_title", "title", "due_on", "days_overdue",
      "owner_name"], report.rows, D.cell, (x) => agreementDrill(x.agreement_id, x.agreement_title));
  };

  let map = null;
  let mapped = null; // the event the map shows: a country drills to the parties behind it there
  D.drawCountries = (r) => {
    if (!window.DealtrailMap) return;
    const section = D.$("#report-countries");
    section.hidden = false;
    if (!map) {
      map = window.DealtrailMap.render(D.$(".map", section), {
        t: D.t, country: D.country, numeric: D.catalogue.numeric,
        topology: document.body.dataset.topology,
        onSelect: (code) => D.drill({title: `${D.t("record.party")} · ${D.country(code)}`,
          path: "parties", params: {event_id: mapped, country: code}}),
      });
    }
    mapped = r.countries.event_id;
    map.update(r.countries.rows, D.$("#map-metric").value);
  };
}());
