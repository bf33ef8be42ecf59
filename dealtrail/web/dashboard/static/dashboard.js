/* dealtrail dashboard: signs in with a dashboard token kept in this tab's sessionStorage (never
   in a URL), reads the reports, and reads them again as soon as the report views move on: it
   asks /reports/position every 2 s while the tab is visible, so a deal recorded by staff shows
   within seconds. Filters (trading event, year, currency) redraw from the same answers. */
(function () {
  "use strict";

  const D = window.Dealtrail;
  const POLL_MS = 2000;
  const REPORTS = ["trading-events", "pipeline", "deal-value", "receivables", "funds-raised",
    "ip-transfers", "listings", "awaiting-signatures", "overdue-milestones"];
  const $ = D.$;
  const filters = {event: null, year: null, currency: "", yearChosen: false};
  let answers = null;
  let position = null;
  let timer = null;
  let busy = false;
  let again = false; // a refresh asked for while one runs: run once more after it

  function options(select, choices, chosen) {
    select.replaceChildren(...choices.map(([value, text]) => {
      const option = D.element("option", {value}, text);
      option.selected = value === chosen;
      return option;
    }));
  }

  // The filters' choices from the answers; a choice made stays while it still exists. The
  // event defaults to the latest (the report's first row); the year to the latest with deal
  // value, else this year.
  function chooseFilters(r) {
    const events = r["trading-events"].rows;
    if (!events.some((e) => e.event_id === filters.event)) {
      // The latest event that has started: a planned conference has no figures yet.
      const today = new Date().toISOString().slice(0, 10);
      const started = events.find((e) => e.starts_on <= today) || events[0];
      filters.event = started ? started.event_id : null;
    }
    options($("#filter-event"), events.length ? events.map((e) =>
      [e.event_id, `${e.name} · ${e.city} (${D.date(e.starts_on)})`]) : [["", D.t("ui.no_events")]],
    filters.event || "");
    $("#filter-event").disabled = !events.length;
    const dealYears = r["deal-value"].rows.map((x) => Number(x.month.slice(0, 4)));
    const thisYear = new Date().getUTCFullYear();
    if (filters.year === null) filters.year = dealYears.length ? Math.max(...dealYears) : thisYear;
    const years = D.unique([...dealYears, thisYear, filters.year]).sort((a, b) => b - a);
    options($("#filter-year"), years.map((y) => [String(y), String(y)]), String(filters.year));
    explainYear(dealYears.length > 0);
    const currencies = D.unique([...r["deal-value"].rows, ...r.receivables.totals,
      ...r["funds-raised"].rows].map((x) => x.currency)).sort();
    if (!currencies.includes(filters.currency)) filters.currency = "";
    options($("#filter-currency"), [["", D.t("ui.all_currencies")],
      ...currencies.map((c) => [c, c])], filters.currency);
  }

  // Says which year is shown and why, until the reader picks one.
  function explainYear(dealValue) {
    const why = dealValue ? "ui.year_latest" : "ui.year_none";
    $("#year-hint").textContent = D.fill(filters.yearChosen ? "ui.year_hint" : why,
      {year: filters.year});
  }

  // The reports that take the filters as parameters.
  async function readFiltered(r) {
    const [licensing, countries] = await Promise.all([
      D.read("reports/licensing", {year: filters.year}),
      filters.event ? D.read("reports/countries", {event_id: filters.event})
        : {event_id: null, rows: []},
    ]);
    return {...r, licensing, countries};
  }

  // Redrawing replaces rows and list items: the one that had the keyboard's focus gets it back.
  const FOCUSABLE = "tr[tabindex], button.item";
  function keepingFocus(redraw) {
    const active = document.activeElement;
    const section = active && active.matches(FOCUSABLE) ? active.closest("section") : null;
    const index = section ? [...section.querySelectorAll(FOCUSABLE)].indexOf(active) : -1;
    redraw();
    const again = section && section.querySelectorAll(FOCUSABLE)[index];
    if (again) again.focus({preventScroll: true});
  }

  function draw(r) {
    keepingFocus(() => drawAll(r));
  }

  function drawAll(r) {
    D.drawEvent(r, filters);
    D.drawCountries(r);
    D.drawPipeline(r);
    D.drawDealValue(r, filters);
    D.drawReceivables(r, filters);
    D.drawFunds(r, filters);
    D.drawListings(r);
    D.drawIpTransfers(r);
    D.drawLicensing(r, filters);
    D.drawAwaiting(r);
    D.drawOverdue(r);
  }

  D.failed = (error) => {
    if (error instanceof D.Refused && (error.status === 401 || error.status === 403)) {
      signOut(D.t(error.status === 401 ? "ui.invalid_token" : "ui.wrong_role"));
    } else {
      // A refused request names its status; a request that never got an answer gets words (the
      // browser's own message is in its language, not the page's).
      $("#error").textContent = error instanceof D.Refused
        ? D.fill("ui.refresh_failed", {error: error.message}) : D.t("ui.unreachable");
    }
  };

  async function refresh() {
    if (!sessionStorage.getItem(D.TOKEN)) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const reached = (await D.read("reports/position")).position;
      const read = await Promise.all(REPORTS.map((path) => D.read(`reports/${path}`)));
      const r = Object.fromEntries(REPORTS.map((path, i) => [path, read[i]]));
      chooseFilters(r);
      answers = await readFiltered(r);
      position = reached;
      draw(answers);
      stamp();
      document.body.dataset.position = String(position); // the log position the figures show
      document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes) + 1);
      document.body.dataset.state = "ready";
    } catch (error) {
      D.failed(error);
    } finally {
      busy = false;
      if (again) {
        again = false;
        refresh();
      }
    }
  }

  // "Updated" says when the page last knew its figures current: refreshed, or found unchanged.
  function stamp() {
    $("#error").textContent = "";
    $("#updated").textContent = D.fill("ui.updated", {time: new Date().toLocaleTimeString(D.locale)});
  }

  async function poll() {
    if (document.visibilityState !== "visible" || busy) return;
    try {
      const now = (await D.read("reports/position")).position;
      if (now !== position) await refresh(); else stamp();
    } catch (error) {
      D.failed(error);
    }
  }

  async function filtered() {
    filters.event = $("#filter-event").value || null;
    filters.yearChosen = filters.yearChosen || filters.year !== Number($("#filter-year").value);
    filters.year = Number($("#filter-year").value);
    filters.currency = $("#filter-currency").value;
    if (!answers) return;
    explainYear(true);
    try {
      answers = await readFiltered(answers);
      draw(answers);
    } catch (error) {
      D.failed(error);
    }
  }

  // A trading event chosen from its row in the figures: as if picked in the filter.
  D.chooseEvent = (id) => {
    $("#filter-event").value = id;
    filtered();
    $("#report-trading-events").scrollIntoView({block: "start"});
  };

  function show(signedIn) {
    $("#sign-in").hidden = signedIn;
    $("#reports").hidden = !signedIn;
    $("#refresh").hidden = !signedIn;
    $("#sign-out").hidden = !signedIn;
    document.body.dataset.state = signedIn ? "loading" : "signed-out";
  }

  function signIn(token) {
    sessionStorage.setItem(D.TOKEN, token);
    show(true);
    refresh();
    clearInterval(timer);
    timer = setInterval(poll, POLL_MS);
  }

  function signOut(message) {
    sessionStorage.removeItem(D.TOKEN);
    clearInterval(timer);
    timer = null;
    answers = null;
    position = null;
    D.closeDrill();
    show(false);
    $("#sign-in-error").textContent = message || "";
    $("#updated").textContent = "";
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("#sign-in-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $("#token");
      const token = input.value.trim();
      input.value = "";
      if (!token) return;
      signIn(token);
      $("#reports").focus({preventScroll: true}); // the form it was in is gone
    });
    $("#refresh").addEventListener("click", refresh);
    $("#sign-out").addEventListener("click", () => signOut(""));
    $("#filters").addEventListener("change", filtered);
    $("#filters").addEventListener("submit", (event) => event.preventDefault());
    $("#map-metric").addEventListener("change", () => answers && D.drawCountries(answers));
    $("#language").addEventListener("change", (event) => {
      const url = new URL(window.location.href);
      url.searchParams.set("lang", event.target.value);
      window.location.assign(url.toString()); // the token stays: sessionStorage outlives it
    });
    document.addEventListener("visibilitychange", poll);
    const token = sessionStorage.getItem(D.TOKEN);
    if (token) signIn(token); else show(false);
  });
}());
