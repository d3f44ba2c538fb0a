// Monitoring charts: a sensor's trend (ECharts, vendored) and the map of major hazard sources coloured by their
// worst active alarm (Leaflet, offline district boundary as on the home page).
window.tianshanCharts = {
  // Worst active alarm priority → colour: 4 Critical red, 3 High orange, 2 Medium yellow, 1 Low olive, 0 none green.
  priorityColours: { 4: "#c62828", 3: "#ef6c00", 2: "#f9a825", 1: "#9e9d24", 0: "#2e7d32" },

  // Times are shown in China Standard Time (UTC+8, no daylight saving) whatever the browser's zone.
  chinaTime: function (ms, withDate) {
    const d = new Date(ms + 8 * 3600 * 1000);
    const two = n => String(n).padStart(2, "0");
    const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    return withDate ? `${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${time}` : time;
  },

  // points: [{ t (Unix ms), min, max, mean, last, count }]; thresholds: { hh, h, l, ll } (null when unset);
  // range (optional): { from, to } in Unix ms, the x axis's extent, and aggregated: whether the points are 1-minute aggregates.
  trend: function (elementId, points, thresholds, unit, range) {
    const el = document.getElementById(elementId);
    if (!el || typeof echarts === "undefined") return;
    let chart = echarts.getInstanceByDom(el);
    if (!chart) {
      chart = echarts.init(el, null, { renderer: "canvas" });
      if (!el._resizeHooked) {
        window.addEventListener("resize", () => { const c = echarts.getInstanceByDom(el); if (c) c.resize(); });
        el._resizeHooked = true;
      }
    }
    points = points || [];
    // A periodic refresh of the same range keeps the user's zoom; a new range starts unzoomed.
    const rangeKey = range ? `${range.to - range.from}|${range.aggregated}` : "";
    const sameRange = el._rangeKey === rangeKey;
    el._rangeKey = rangeKey;
    thresholds = thresholds || {};
    const aggregated = range && typeof range.aggregated === "boolean" ? range.aggregated : points.some(p => p.count > 1);
    const zh = (document.documentElement.lang || "zh").toLowerCase().startsWith("zh");
    const label = (a, b) => zh ? a : b;
    const marks = [];
    const addMark = (value, name, colour) => {
      if (value === null || value === undefined) return;
      marks.push({ yAxis: value, name: name, lineStyle: { color: colour, type: "dashed", width: 1.5 },
        label: { formatter: `${name} ${value}`, position: "insideEndTop", color: colour } });
    };
    addMark(thresholds.hh, "HH", "#c62828");
    addMark(thresholds.h, "H", "#ef6c00");
    addMark(thresholds.l, "L", "#ef6c00");
    addMark(thresholds.ll, "LL", "#c62828");

    const series = [];
    if (aggregated) {
      // Min/max band: a transparent base at min and a stacked area of (max − min) on top.
      series.push({ name: "min", type: "line", data: points.map(p => [p.t, p.min]), lineStyle: { opacity: 0 },
        stack: "band", symbol: "none", silent: true, tooltip: { show: false } });
      series.push({ name: label("最小-最大", "min-max"), type: "line", data: points.map(p => [p.t, p.max - p.min]),
        lineStyle: { opacity: 0 }, areaStyle: { color: "rgba(21,101,192,0.18)" }, stack: "band", symbol: "none", silent: true,
        tooltip: { show: false } });
    }
    series.push({
      name: aggregated ? label("1分钟均值", "1-minute mean") : label("测量值", "value"),
      type: "line", showSymbol: points.length < 60, symbolSize: 4, sampling: "lttb",
      data: points.map(p => [p.t, aggregated ? p.mean : p.last]),
      lineStyle: { color: "#1565c0", width: 1.6 }, itemStyle: { color: "#1565c0" },
      markLine: { symbol: "none", silent: true, data: marks }
    });

    // Keep the thresholds visible even when the values stay far from them.
    const values = points.flatMap(p => aggregated ? [p.min, p.max] : [p.last]);
    const limits = [thresholds.hh, thresholds.h, thresholds.l, thresholds.ll].filter(v => v !== null && v !== undefined);
    const all = values.concat(limits);
    let yMin, yMax;
    if (all.length) {
      const lo = Math.min(...all), hi = Math.max(...all), pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
      // Round outward to a tidy step so the axis ends on readable numbers.
      const step = Math.pow(10, Math.floor(Math.log10(hi - lo + 2 * pad))) / 2;
      yMin = +(Math.floor((lo - pad) / step) * step).toPrecision(6);
      yMax = +(Math.ceil((hi + pad) / step) * step).toPrecision(6);
    }
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 72, top: 30, bottom: 40 },
      tooltip: {
        trigger: "axis",
        axisPointer: { label: { formatter: p => this.chinaTime(p.value, true) } },
        valueFormatter: v => (typeof v === "number" ? +v.toFixed(3) : v) + " " + (unit || "")
      },
      xAxis: {
        type: "time",
        min: range ? range.from : undefined,
        max: range ? range.to : undefined,
        axisLabel: { formatter: v => this.chinaTime(v, range ? range.to - range.from > 24 * 3600 * 1000 : false), hideOverlap: true }
      },
      yAxis: { type: "value", name: unit || "", min: yMin, max: yMax, scale: true },
      dataZoom: [{ type: "inside" }],
      series: series
    }, sameRange ? { replaceMerge: ["series"] } : { notMerge: true });
    el.setAttribute("data-points", String(points.length));
    el.setAttribute("data-aggregated", String(aggregated));
  },

  // sources: [{ id, name, enterpriseName, latitude, longitude, priority, sensors, online, active }].
  // The first call draws the boundary and fits the map; later calls only redraw the markers (live updates).
  hazardMap: async function (elementId, sources) {
    const el = document.getElementById(elementId);
    if (!el || typeof L === "undefined") return;
    if (!el._map || !document.body.contains(el._map.getContainer())) {
      const map = L.map(el, { zoomControl: true, attributionControl: false });
      el._map = map;
      el._markers = L.layerGroup().addTo(map);
      try {
        const response = await fetch("/geo/dushanzi-boundary.geojson");
        const boundary = await response.json();
        const layer = L.geoJSON(boundary, { style: { color: "#0d47a1", weight: 2, fillColor: "#e3f2fd", fillOpacity: 0.3 } }).addTo(map);
        map.fitBounds(layer.getBounds());
      } catch (e) {
        map.setView([44.3, 84.85], 11);
      }
    }
    const markers = el._markers;
    markers.clearLayers();
    // Sources of one enterprise share its coordinates: spread them on a small circle so each stays clickable.
    const byPlace = {};
    for (const s of sources) {
      if (s.latitude == null || s.longitude == null) continue;
      const key = s.latitude + "," + s.longitude;
      (byPlace[key] = byPlace[key] || []).push(s);
    }
    let drawn = 0;
    for (const group of Object.values(byPlace)) {
      group.forEach((s, i) => {
        const angle = (2 * Math.PI * i) / group.length;
        const r = group.length > 1 ? 0.0025 : 0;
        const colour = this.priorityColours[s.priority] || this.priorityColours[0];
        const marker = L.circleMarker([s.latitude + r * Math.sin(angle), s.longitude + r * Math.cos(angle)], {
          radius: s.priority >= 3 ? 10 : 8, color: "#fff", weight: 1.5, fillColor: colour, fillOpacity: 0.95
        });
        marker.bindPopup(`<b>${s.name}</b><br>${s.enterpriseName}<br>${s.online}/${s.sensors} · ${s.active}`);
        marker.addTo(markers);
        const element = marker.getElement && marker.getElement();
        if (element) element.setAttribute("data-priority", String(s.priority));
        drawn++;
      });
    }
    el.setAttribute("data-source-markers", String(drawn));
  },

  // An indicator's actual value per year against its target: points [{ year, actual }] (actual null: no data that year),
  // target a number, atMost true when the target is a ceiling (times), unit the indicator's unit.
  indicatorTrend: function (elementId, points, target, atMost, unit) {
    const el = document.getElementById(elementId);
    if (!el || typeof echarts === "undefined") return;
    const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: "canvas" });
    const zh = (document.documentElement.lang || "zh").toLowerCase().startsWith("zh");
    const met = v => v !== null && (atMost ? v <= target : v >= target);
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 64, top: 24, bottom: 28 },
      tooltip: { trigger: "axis", valueFormatter: v => (v === null || v === undefined ? "—" : v + " " + (unit || "")) },
      xAxis: { type: "category", data: points.map(p => String(p.year)) },
      yAxis: { type: "value", name: unit || "", scale: true },
      series: [{
        name: zh ? "实际" : "Actual", type: "bar", barMaxWidth: 28,
        data: points.map(p => ({ value: p.actual, itemStyle: { color: met(p.actual) ? "#2e7d32" : "#c62828" } })),
        markLine: { symbol: "none", silent: true, data: [{ yAxis: target, lineStyle: { color: "#1565c0", type: "dashed" },
          label: { formatter: (zh ? "目标 " : "Target ") + (atMost ? "≤" : "≥") + target, position: "insideEndTop" } }] }
      }]
    }, { notMerge: true });
    el.setAttribute("data-years", String(points.filter(p => p.actual !== null).length));
  },

  dispose: function (elementId) {
    const el = document.getElementById(elementId);
    if (el && typeof echarts !== "undefined") { const c = echarts.getInstanceByDom(el); if (c) c.dispose(); }
  }
};
