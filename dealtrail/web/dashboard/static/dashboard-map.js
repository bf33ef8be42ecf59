/* The dashboard's map of where a trading event's international projects and partner parties come
   from: a choropleth (chartjs-chart-geo over world-atlas's 110 m countries) beside a table of every
   country and region. The table is also the map's text alternative and its keyboard way in, and it
   keeps the places too small for a 110 m map (Hong Kong SAR, Macao SAR, Singapore...) in view.

   A plain script loaded after Chart.js and chartjs-chart-geo; it fetches nothing but the topology,
   and if that fails the table still stands, with a message in place of the map. */
(() => {
  "use strict";

  const NONE = "#e2e8f0"; // nothing to count: neutral, so that the coloured countries stand out
  const LIGHT = [191, 219, 254]; // the smallest count (#bfdbfe), still clearly not NONE
  const DARK = [30, 64, 175]; // the largest count (#1e40af)
  const ANTARCTICA = "010"; // nobody presents from there; dropping it gives the map more room
  const METRICS = ["international_projects", "partner_parties"];

  function shade(normalized) {
    const rgb = LIGHT.map((low, i) => Math.round(low + (DARK[i] - low) * normalized));
    return `rgb(${rgb.join(", ")})`;
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  function render(container, options) {
    const { t, country, numeric, topology, onSelect } = options;
    const canvas = element("canvas", { role: "img" });
    const message = element("p", { class: "map-message", role: "status", hidden: "" });
    const body = element("tbody");
    const head = element("tr", {}, ...["country", ...METRICS].map((key) =>
      element("th", { scope: "col", "data-key": key }, t(`column.${key}`))));
    const table = element("table", { class: "report countries" }, element("thead", {}, head), body);
    const figure = element("div", { class: "map-figure" },
      element("div", { class: "map-canvas" }, canvas), message);
    container.replaceChildren(element("div", { class: "dealtrail-map" },
      figure, element("div", { class: "map-table" }, table)));

    const state = { rows: [], metric: METRICS[0], counts: new Map(), features: null, chart: null };

    function nameOf(feature) {
      const code = numeric[feature.id];
      return code ? country(code) : feature.properties.name;
    }

    function countOf(feature) {
      const row = state.counts.get(numeric[feature.id]);
      return row ? row[state.metric] : 0;
    }

    function describe() {
      const shown = state.rows.filter((row) => row[state.metric] > 0);
      const list = shown.map((row) => `${country(row.country)} ${row[state.metric]}`).join(", ");
      canvas.setAttribute("aria-label", t("ui.map_summary")
        .replace("{metric}", t(`column.${state.metric}`))
        .replace("{countries}", list || t("ui.map_nothing")));
    }

    function fillTable() {
      const mapped = state.features && new Set(state.features.map((f) => numeric[f.id]));
      body.replaceChildren(...state.rows.map((row) => {
        const name = element("button", { type: "button" }, country(row.country));
        name.addEventListener("click", () => onSelect(row.country));
        const cell = element("td", {}, name);
        if (mapped && !mapped.has(row.country)) {
          cell.append(" ", element("small", {}, t("ui.map_not_drawn")));
        }
        return element("tr", { "data-country": row.country }, cell,
          ...METRICS.map((key) => element("td", { class: "count" }, String(row[key]))));
      }));
      if (!state.rows.length) {
        const none = element("td", { colspan: "3" }, t("ui.map_no_countries"));
        body.append(element("tr", { class: "none" }, none));
      }
    }

    function draw() {
      const chart = state.chart;
      if (!chart) return;
      const counts = state.features.map(countOf);
      chart.data.datasets[0].data = state.features.map((feature, i) =>
        ({ feature, value: counts[i] > 0 ? counts[i] : null }));
      const scale = chart.options.scales.color;
      scale.max = Math.max(1, ...counts);
      // The scale is titled with what it counts, and shown only when something is counted: an
      // empty map's 0-1 scale would say nothing.
      scale.title.text = t(`column.${state.metric}`);
      scale.display = counts.some((n) => n > 0);
      chart.update();
    }

    function selectable(elements) {
      const code = elements.length ? numeric[state.features[elements[0].index].id] : undefined;
      return state.counts.has(code) ? code : null;
    }

    function create(features) {
      state.features = features;
      state.chart = new Chart(canvas, {
        type: "choropleth",
        // Fitted to the countries rather than the globe's outline: the land gets all the room.
        data: { labels: features.map(nameOf), datasets: [{ data: [], outline: features }] },
        options: {
          animation: false,
          maintainAspectRatio: false, // its box keeps 2:1 (dashboard-map.css)
          elements: {
            geoFeature: { borderColor: "#ffffff", borderWidth: 0.5, hoverBorderColor: "#0f172a",
              hoverBorderWidth: 1.5 },
          },
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                title: (items) => nameOf(items[0].raw.feature),
                label: (item) => `${t(`column.${state.metric}`)}: ${countOf(item.raw.feature)}`,
              },
            },
          },
          scales: {
            projection: { axis: "x", projection: "equalEarth" },
            color: {
              axis: "x", min: 0, interpolate: shade, missing: NONE, ticks: { precision: 0 },
              title: { display: true, text: "", align: "start", font: { size: 12 } },
              legend: { position: "bottom-left", align: "bottom", length: 0.3, margin: 8 },
            },
          },
          onHover: (event, elements) => {
            canvas.style.cursor = selectable(elements) ? "pointer" : "default";
          },
          onClick: (event, elements) => {
            const code = selectable(elements);
            if (code) onSelect(code);
          },
        },
      });
      fillTable();
      draw();
    }

    function fail() {
      canvas.hidden = true;
      message.textContent = t("ui.map_failed");
      message.hidden = false;
    }

    fetch(topology, { credentials: "same-origin" })
      .then((reply) => {
        if (!reply.ok) throw new Error(`${topology}: ${reply.status}`);
        return reply.json();
      })
      .then((topo) => create(ChartGeo.topojson.feature(topo, topo.objects.countries).features
        .filter((feature) => feature.id !== ANTARCTICA)))
      .catch(fail);

    describe();
    fillTable();

    return {
      update(rows, metric) {
        state.rows = rows;
        state.metric = metric;
        state.counts = new Map(rows.map((row) => [row.country, row]));
        describe();
        fillTable();
        draw();
      },
    };
  }

  window.DealtrailMap = { render };
})();
