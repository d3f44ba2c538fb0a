// Four-colour risk map (四色图): the district boundary and each enterprise coloured by its overall risk grade.
// Same offline boundary as tianshan-map.js; no tile server.
window.tianshanRiskMap = {
  render: async function (elementId, enterprises) {
    const el = document.getElementById(elementId);
    if (!el || typeof L === "undefined") return;
    if (el._map) { el._map.remove(); }
    const map = L.map(el, { zoomControl: true, attributionControl: false });
    el._map = map;
    const boundary = await (await fetch("/geo/dushanzi-boundary.geojson")).json();
    const layer = L.geoJSON(boundary, { style: { color: "#0d47a1", weight: 2, fillColor: "#e3f2fd", fillOpacity: 0.35 } }).addTo(map);
    map.fitBounds(layer.getBounds());
    const esc = s => String(s).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" })[c]);
    let drawn = 0;
    for (const e of enterprises) {
      if (e.latitude == null || e.longitude == null) continue;
      const marker = L.circleMarker([e.latitude, e.longitude], {
        radius: e.colour === "none" ? 6 : 9, color: "#fff", weight: 1.5, fillColor: e.fill, fillOpacity: 0.95
      }).addTo(map);
      marker.getElement && marker.getElement()?.setAttribute("data-colour", e.colour);
      marker.bindPopup(`<b><a href="/enterprises/${e.id}/risk-points">${esc(e.name)}</a></b><br>${esc(e.sector)} · ${esc(e.label)}<br>风险点 ${esc(e.counts)}`);
      drawn++;
    }
    el.setAttribute("data-enterprise-markers", String(drawn));
  }
};
