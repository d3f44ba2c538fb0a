// Roads and dispatch map: the road network in use, facility points, 5-minute fire coverage with and without the
// planned station (switchable layers), a route between two clicked points and the nearest facilities to a clicked
// incident. Everything comes from /api/roads and /api/dispatch; no tile server.
window.tianshanDispatchMap = {
  render: async function (elementId) {
    const el = document.getElementById(elementId);
    if (!el || typeof L === "undefined") return;
    if (el._map) { el._map.remove(); }
    const map = L.map(el, { zoomControl: true, attributionControl: false });
    el._map = map;
    const esc = s => String(s).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" })[c]);
    const get = async url => { const r = await fetch(url, { credentials: "same-origin" }); const body = await r.json(); if (!r.ok) throw new Error(body.detail || body.title || r.status); return body; };
    const minutes = s => (s / 60).toFixed(1);
    const result = document.getElementById("dispatch-result");

    const boundary = await get("/geo/dushanzi-boundary.geojson");
    L.geoJSON(boundary, { style: { color: "#0d47a1", weight: 2, fill: false } }).addTo(map);
    const roads = L.geoJSON(await get("/api/roads/lines"), { style: { color: "#78909c", weight: 1.5, opacity: 0.8 } }).addTo(map);
    map.fitBounds(roads.getBounds());

    const colours = { FireStation: "#c62828", RescueTeam: "#ef6c00", Shelter: "#2e7d32", Hospital: "#1565c0", Warehouse: "#6d4c41" };
    const facilities = L.layerGroup().addTo(map);
    el._facilities = {};
    for (const f of await get("/api/dispatch/facilities")) {
      el._facilities[f.id] = f;
      L.circleMarker([f.lat, f.lon], { radius: 7, color: "#fff", weight: 1.5, fillColor: colours[f.kind] || "#607d8b", fillOpacity: f.planned ? 0.5 : 0.95, dashArray: f.planned ? "3" : null })
        .bindTooltip(`${esc(f.kindLabel)} · ${esc(f.name)}${f.capacity ? ` · 容量 ${f.capacity} 人` : ""}`).addTo(facilities);
    }

    const current = L.layerGroup(), withNew = L.layerGroup();
    const coverage = await get("/api/dispatch/coverage?minutes=5");
    L.geoJSON(coverage.current.area, { style: { stroke: false, fillColor: "#e53935", fillOpacity: 0.30 } }).addTo(current);
    L.geoJSON(coverage.withNew.area, { style: { stroke: false, fillColor: "#8e24aa", fillOpacity: 0.30 } }).addTo(withNew);
    current.addTo(map);
    const summary = document.getElementById("coverage-summary");
    const line = (label, c) => `<div class="coverage-line"><b>${label}</b>：覆盖道路 ${c.coveredRoadKm} / ${c.roadKm} km，覆盖面积 ${c.coveredKm2} km²（区内未覆盖 ${c.uncoveredKm2} km²），未覆盖人口 <span class="uncovered-people">${c.uncoveredPeople}</span> / ${c.people}${c.uncoveredCommunities.length ? `（${c.uncoveredCommunities.map(esc).join("、")}）` : ""}</div>`;
    summary.innerHTML = line("现状", coverage.current) + line("含规划站" + coverage.added.map(s => `（${esc(s.name)}）`).join(""), coverage.withNew)
      + `<div>新增覆盖人口 <b id="newly-covered-people">${coverage.newlyCoveredPeople}</b>，新增覆盖面积 ${coverage.newlyCoveredKm2} km²</div>`;
    el.setAttribute("data-coverage-loaded", "true");

    const route = L.layerGroup().addTo(map), nearest = L.layerGroup().addTo(map);
    el._scenario = L.layerGroup().addTo(map);
    L.control.layers(null, {
      "路网": roads, "应急资源点": facilities, "5分钟消防覆盖（现状）": current, "5分钟消防覆盖（含规划站）": withNew,
      "路径": route, "就近调度": nearest, "地震情景": el._scenario
    }, { collapsed: false }).addTo(map);

    let start = null;
    map.on("click", async e => {
      const mode = document.querySelector("input[name=dispatch-mode]:checked")?.value || "route";
      const at = `${e.latlng.lat.toFixed(6)},${e.latlng.lng.toFixed(6)}`;
      try {
        if (mode === "route") {
          if (!start) {
            route.clearLayers();
            start = at;
            L.circleMarker(e.latlng, { radius: 6, color: "#1b5e20" }).addTo(route);
            result.textContent = "已选起点，请点击终点。";
            return;
          }
          const kind = document.getElementById("route-mode").value;
          const r = await get(`/api/roads/route?from=${start}&to=${at}&mode=${kind}`);
          start = null;
          L.circleMarker(e.latlng, { radius: 6, color: "#b71c1c" }).addTo(route);
          L.geoJSON(r.geometry, { style: { color: "#1e88e5", weight: 5 } }).addTo(route);
          result.innerHTML = `<div id="route-result">${kind === "fastest" ? "最快路径" : "最短路径"}：<b>${(r.distanceMeters / 1000).toFixed(2)} km</b>，约 <b>${minutes(r.seconds)} 分钟</b></div>`;
        } else {
          nearest.clearLayers();
          const kind = document.getElementById("nearest-kind").value;
          const n = await get(`/api/dispatch/nearest?lat=${e.latlng.lat}&lon=${e.latlng.lng}&k=3${kind ? `&kind=${kind}` : ""}`);
          L.circleMarker(e.latlng, { radius: 8, color: "#b71c1c", fillOpacity: 0.8 }).addTo(nearest);
          for (const i of n.items) L.geoJSON(i.geometry, { style: { color: colours[i.kind] || "#455a64", weight: 4, opacity: 0.8 } }).addTo(nearest);
          result.innerHTML = n.items.length
            ? `<ol id="nearest-result">${n.items.map(i => `<li>${esc(i.kindLabel)} · ${esc(i.name)}：${(i.distanceMeters / 1000).toFixed(2)} km，约 ${minutes(i.seconds)} 分钟</li>`).join("")}</ol>`
            : "附近没有可达的设施。";
        }
      } catch (err) {
        start = null;
        result.innerHTML = `<span class="dispatch-error">${esc(err.message)}</span>`;
      }
    });
    el.setAttribute("data-ready", "true");
  },
  // The earthquake scenario (POST /api/dispatch/earthquake's answer): the fault trace, each community that needs shelter
  // (darker and larger the more people), and a line from it to each shelter its people are allocated to.
  scenario: function (elementId, s) {
    const el = document.getElementById(elementId);
    if (!el || !el._scenario) return;
    const layer = el._scenario;
    layer.clearLayers();
    L.geoJSON(JSON.parse(s.faultGeometry), { style: { color: "#b71c1c", weight: 4, dashArray: "8 4" } })
      .bindTooltip(s.fault.name).addTo(layer);
    const places = {};
    for (const c of s.communities) {
      places[c.code] = c;
      if (c.people <= 0) continue;
      L.circleMarker([c.lat, c.lon], { radius: 6 + Math.min(14, Math.sqrt(c.people) / 4), color: "#fff", weight: 1,
        fillColor: c.share >= 0.3 ? "#b71c1c" : c.share >= 0.15 ? "#e65100" : "#f9a825", fillOpacity: 0.85 })
        .bindTooltip(`${c.name}：距断裂 ${c.distanceKm} km，需安置 ${c.people} 人`).addTo(layer);
    }
    for (const a of s.allocation.assignments) {
      const from = places[a.communityCode], to = (el._facilities || {})[a.shelterId];
      if (!from || !to) continue;
      L.polyline([[from.lat, from.lon], [to.lat, to.lon]], { color: "#2e7d32", weight: 1 + Math.min(5, a.people / 300), opacity: 0.8 })
        .bindTooltip(`${a.community} → ${a.shelter}：${a.people} 人`).addTo(layer);
    }
    el.setAttribute("data-scenario-people", String(s.people));
  },

  // The page position of a map coordinate, so a test can click the real map where a place is.
  pointFor: function (elementId, lat, lon) {
    const el = document.getElementById(elementId);
    const p = el._map.latLngToContainerPoint([lat, lon]);
    const box = el.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }
};
