// Natural-disaster risk map (风险普查): communities coloured by Tianshan's risk index, with the hazard layers (active
// faults, flood channels, reservoirs, geological-hazard points) switchable in Leaflet's layer control. Offline: the
// district boundary is the vendored GeoJSON, no tile server.
window.tianshanDisasterRiskMap = {
  render: async function (elementId, communities, layers) {
    const el = document.getElementById(elementId);
    if (!el || typeof L === "undefined") return;
    if (el._map) { el._map.remove(); }
    const map = L.map(el, { zoomControl: true, attributionControl: false });
    el._map = map;
    const boundary = await (await fetch("/geo/dushanzi-boundary.geojson")).json();
    const outline = L.geoJSON(boundary, { style: { color: "#0d47a1", weight: 2, fillColor: "#e3f2fd", fillOpacity: 0.25 } }).addTo(map);
    map.fitBounds(outline.getBounds());
    const esc = s => String(s).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" })[c]);
    const styles = {
      "active-faults": { color: "#b71c1c", weight: 3, dashArray: "8 4" },
      "flood-channels": { color: "#0277bd", weight: 3 },
      "reservoirs": { color: "#01579b", weight: 1.5, fillColor: "#4fc3f7", fillOpacity: 0.6 },
      "geological-hazards": { color: "#6d4c41", weight: 1.5, fillColor: "#a1887f", fillOpacity: 0.9 }
    };
    const overlays = {};
    const visible = new Set();
    const mark = () => el.setAttribute("data-visible-layers", [...visible].sort().join(","));
    for (const layer of layers) {
      const group = L.geoJSON({ type: "FeatureCollection", features: layer.features.map(f => ({ type: "Feature", geometry: f.geometry, properties: f })) }, {
        style: () => styles[layer.code],
        pointToLayer: (f, latlng) => L.circleMarker(latlng, Object.assign({ radius: 6 }, styles[layer.code])),
        onEachFeature: (f, l) => l.bindPopup(`<b>${esc(f.properties.name)}</b><br>${esc(layer.label)}${f.properties.isDemo ? "（示意）" : ""}`)
      }).addTo(map);
      group._tianshanCode = layer.code;
      overlays[`<span class="hazard-layer" data-layer="${layer.code}">${esc(layer.label)}（${layer.features.length}）</span>`] = group;
      visible.add(layer.code);
    }
    const communityGroup = L.layerGroup().addTo(map);
    for (const c of communities) {
      L.circleMarker([c.latitude, c.longitude], { radius: 9, color: "#fff", weight: 1.5, fillColor: c.colour, fillOpacity: 0.95 })
        .bindPopup(`<b>${esc(c.name)}</b><br>${esc(c.levelLabel)}${c.risk != null ? " · 风险指数 " + c.risk.toFixed(3) : ""}`)
        .addTo(communityGroup);
    }
    communityGroup._tianshanCode = "communities";
    overlays[`<span class="hazard-layer" data-layer="communities">社区风险等级</span>`] = communityGroup;
    visible.add("communities");
    L.control.layers(null, overlays, { collapsed: false }).addTo(map);
    map.on("overlayadd", e => { visible.add(e.layer._tianshanCode); mark(); });
    map.on("overlayremove", e => { visible.delete(e.layer._tianshanCode); mark(); });
    mark();
  }
};
