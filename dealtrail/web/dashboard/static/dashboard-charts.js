/* dealtrail dashboard, charts: horizontal bars (they read well on a phone), each bar's figure
   written at its end (exact: the API's text, not the float drawn), money axes titled and ticked
   in their currency, a text alternative on every canvas, and a click on a bar drilling down to
   the records behind it. Chart.js draws floats; the figures shown are always the API's text. */
(function () {
  "use strict";

  const D = window.Dealtrail;
  const PALETTE = ["#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2", "#db2777",
    "#65a30d", "#ea580c", "#475569"];
  const INK = "#0f172a";
  const BAR = 26; // px per bar row
  const FONT = "600 12px system-ui, sans-serif";
  const measure = document.createElement("canvas").getContext("2d");

  // Writes `chart.data.figures[i]` at the end of bar i (of the stack, where stacked): inside the
  // bar in white when it fits, else just beyond it.
  const figures = {
    id: "dealtrailFigures",
    afterDatasetsDraw(chart) {
      const texts = chart.data.figures;
      if (!texts) return;
      const {ctx} = chart;
      const zero = chart.scales.x.getPixelForValue(0);
      ctx.save();
      ctx.font = FONT;
      ctx.textBaseline = "middle";
      texts.forEach((text, i) => {
        let end = null;
        let middle = null;
        chart.data.datasets.forEach((_, d) => {
          const bar = chart.isDatasetVisible(d) && chart.getDatasetMeta(d).data[i];
          if (!bar) return;
          end = end === null ? bar.x : Math.max(end, bar.x);
          middle = bar.y;
        });
        if (end === null || !text) return;
        const width = ctx.measureText(text).width;
        const inside = end - zero > width + 12 && chart.data.datasets.length === 1;
        ctx.fillStyle = inside ? "#fff" : INK;
        ctx.textAlign = inside ? "right" : "left";
        ctx.fillText(text, inside ? end - 6 : end + 4, middle);
      });
      ctx.restore();
    },
  };

  // A compact tick ("20M", "2000万"), for the axis only: its title names the currency, as the
  // tiles and the figures on the bars do, in one way (the code).
  function tick() {
    const format = new Intl.NumberFormat(D.locale, {notation: "compact",
      maximumFractionDigits: 1});
    return (value) => format.format(value);
  }

  // A long category label on lines of words (Chart.js gives its axis at most half the chart's
  // width: "Sci-tech innovation board" was cut to "-tech innovation board" on a phone).
  const LINE = 14;
  function lines(label) {
    const words = String(label).split(" ");
    return words.slice(1).reduce((out, word) => {
      const last = out[out.length - 1];
      if (`${last} ${word}`.length <= LINE) out[out.length - 1] = `${last} ${word}`;
      else out.push(word);
      return out;
    }, [words[0]]);
  }

  // The text alternative: the chart's title, then each bar's label and figure.
  function summary(title, labels, texts) {
    return `${title}: ${labels.map((l, i) => `${l} ${texts[i]}`).join("; ")}`;
  }

  /* A horizontal bar chart in `holder` (emptied first):
     spec = {title, labels, datasets: [{label, data}], figures: [text per bar], currency?,
             axis?: axis title, drill?: (index, datasetIndex) => drill target} */
  D.barChart = (holder, spec) => {
    if (!spec.labels.length) {
      holder.append(D.element("p", {class: "empty"}, D.t("ui.nothing")));
      return null;
    }
    const box = D.element("div", {class: "chart"});
    const stacked = spec.datasets.length > 1;
    box.style.height = `${Math.max(3, spec.labels.length) * BAR + (stacked ? 110 : 50)}px`;
    const canvas = D.element("canvas", {role: "img",
      "aria-label": summary(spec.title, spec.labels, spec.figures)});
    box.append(canvas);
    holder.append(box);
    measure.font = FONT;
    const longest = Math.max(0, ...spec.figures.map((text) => measure.measureText(text).width));
    return new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        figures: spec.figures,
        datasets: spec.datasets.map((d, i) => ({
          backgroundColor: PALETTE[i % PALETTE.length], maxBarThickness: 20, ...d})),
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        layout: {padding: {right: 12 + Math.ceil(longest)}}, // room for a figure beyond its bar
        scales: {
          x: {stacked, beginAtZero: true,
            title: {display: Boolean(spec.axis), text: spec.axis, color: INK},
            ticks: spec.currency ? {callback: tick(), maxTicksLimit: 5, maxRotation: 0}
              : {precision: 0, maxTicksLimit: 6, maxRotation: 0}},
          y: {stacked, ticks: {color: INK, autoSkip: false,
            callback(value) { return lines(this.getLabelForValue(value)); }}},
        },
        plugins: {
          legend: {display: stacked, position: "bottom", labels: {boxWidth: 12}},
          tooltip: {callbacks: spec.currency ? {label: (c) => [c.dataset.label,
            c.dataset.exact[c.dataIndex]].filter(Boolean).join(": ")} : {}},
        },
        onHover: (event, elements) => {
          event.native.target.style.cursor = elements.length && spec.drill ? "pointer" : "default";
        },
        onClick: (event, elements) => {
          const hit = elements[0];
          const target = hit && spec.drill && spec.drill(hit.index, hit.datasetIndex);
          if (target) D.drill(target);
        },
      },
      plugins: [figures],
    });
  };

  // Charts are drawn again on every refresh: the old ones in `holder` are let go first.
  D.clearCharts = (holder) => {
    holder.querySelectorAll("canvas").forEach((canvas) => {
      const chart = window.Chart && window.Chart.getChart(canvas);
      if (chart) chart.destroy();
    });
    holder.replaceChildren();
  };

  // One small chart per currency (amounts of different currencies never share an axis).
  D.perCurrency = (holder, currencies, draw) => {
    D.clearCharts(holder);
    if (!currencies.length) holder.append(D.element("p", {class: "empty"}, D.t("ui.nothing")));
    currencies.forEach((currency) => draw(currency));
  };
}());
