/* dealtrail dashboard, drill-down: the records behind a bar, a row, a list item or a map country,
   read from the API's list endpoints with the matching filters, a page at a time ("More"
   follows `next_after`). The panel takes the focus; Esc or Close gives it back. */
(function () {
  "use strict";

  const D = window.Dealtrail;
  const PAGE = 25;
  let current = null; // {target, after, opener}

  const value = (money) => (money ? D.money(money.amount, money.currency) : "");
  const parts = (...texts) => texts.filter(Boolean).join(" · ");

  // How a record of each list reads: a name or title, then its kind and state in words.
  const DESCRIBE = {
    agreements: (a) => [a.title, parts((a.party_names || []).filter(Boolean).join(", "),
      D.label("agreement_kind", a.kind),
      D.label("status.agreement", a.status), value(a.value),
      a.effective_on && D.fill("ui.effective_on", {date: D.date(a.effective_on)}))],
    "ip-transfers": (x) => [x.asset_title || parts(D.label("asset_kind", x.asset_kind),
      D.label("transfer_mode", x.mode)), parts(x.asset_title && D.label("asset_kind",
      x.asset_kind), x.asset_title && D.label("transfer_mode", x.mode),
      x.holder_name && x.recipient_name && `${x.holder_name} → ${x.recipient_name}`,
      D.label("status.ip_transfer", x.status), value(x.value), x.outstanding &&
        !D.isZero(x.outstanding.amount) && D.fill("ui.outstanding", {amount: value(x.outstanding)}))],
    listings: (l) => [l.company_name || parts(l.listing_code, D.label("board", l.board)),
      parts(l.company_name && l.listing_code, l.company_name && D.label("board", l.board),
        D.label("status.listing", l.status), ...l.funds_raised.map(value))],
    parties: (p) => [p.name, parts(D.label("party_kind", p.kind), D.country(p.country))],
    achievements: (a) => [a.title, parts(D.label("field", a.field),
      D.label("status.achievement", a.status), a.owner_name)],
  };

  const panel = () => D.$("#drilldown");

  // A page read: its first new item takes the focus when "More" asked for it (the button is
  // only disabled meanwhile, so the focus stays in the panel).
  async function page(more) {
    const {target} = current;
    const reading = current;
    D.$(".status", panel()).textContent = D.t("ui.loading");
    D.$("#drilldown-more").disabled = true;
    const answer = await D.read(target.path, {...target.params, limit: PAGE, after: current.after});
    if (reading !== current) return;
    const items = target.only ? answer.items.filter(target.only) : answer.items;
    const list = D.$(".records", panel());
    const added = items.map((item) => {
      const [title, detail] = DESCRIBE[target.path](item);
      const li = D.element("li", {tabindex: "-1"});
      li.append(D.element("strong", {}, title), D.element("span", {}, detail));
      list.append(li);
      return li;
    });
    current.after = answer.next_after;
    const none = !list.children.length && !answer.next_after;
    D.$(".status", panel()).textContent = none ? D.t("ui.no_records") : "";
    const button = D.$("#drilldown-more");
    button.disabled = false;
    button.hidden = !answer.next_after;
    if (more && added.length) added[0].focus();
    else if (more) D.$("#drilldown-close").focus();
  }

  // The panel is modal: Tab and Shift+Tab go round its controls, not to the page under it.
  function keepFocusIn(event) {
    if (!current || event.key !== "Tab") return;
    const stops = [...panel().querySelectorAll("button")].filter((b) => !b.hidden && !b.disabled);
    const first = stops[0];
    const last = stops[stops.length - 1];
    const inside = panel().contains(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      last.focus();
      event.preventDefault();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      first.focus();
      event.preventDefault();
    }
  }

  function close() {
    if (!current) return;
    const {opener} = current;
    current = null;
    panel().hidden = true;
    if (opener && document.contains(opener)) opener.focus();
  }

  /* Opens the panel on `target` = {title, path, params, only?}: `only` keeps the items of a
     page that match (the list has no filter for it, e.g. one agreement found by its title). */
  D.drill = (target) => {
    current = {target, after: null, opener: document.activeElement};
    D.$(".records", panel()).replaceChildren();
    D.$("#drilldown-title").textContent = target.title;
    panel().hidden = false;
    D.$("#drilldown-title").focus();
    page().catch(D.failed);
  };

  document.addEventListener("DOMContentLoaded", () => {
    D.$("#drilldown-close").addEventListener("click", close);
    D.$("#drilldown-more").addEventListener("click", () => page(true).catch(D.failed));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") close();
      keepFocusIn(event);
    });
  });
  D.closeDrill = close;
}());
