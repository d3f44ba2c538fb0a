// District map: the boundary (offline GeoJSON) and enterprises coloured by their highest major-hazard grade.
// No tile server is needed; a tile URL is used only when one is configured.
window.tianshanMap = {
  gradeColours: { 1: "#c62828", 2: "#ef6c00", 3: "#f9a825", 4: "#1565c0" },
  render: async function (elementId, enterprises, tileUrl) {
    const el = document.getElementById(elementId);
    if (!el || typeof L === "undefined") return;
    if (el._map) { el._map.remove(); }
    const map = L.map(el, { zoomControl: true, attributionControl: false });
    el._map = map;
    if (tileUrl) { L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map); }
    const response = await fetch("/geo/dushanzi-boundary.geojson");
    const boundary = await response.json();
    const layer = L.geoJSON(boundary, { style: { color: "#0d47a1", weight: 2, fillColor: "#e3f2fd", fillOpacity: 0.35 } }).addTo(map);
    layer.eachLayer(l => l.getElement && l.getElement()?.setAttribute("data-layer", "district-boundary"));
    el.setAttribute("data-boundary-loaded", "true");
    map.fitBounds(layer.getBounds());
    for (const e of enterprises) {
      if (e.latitude == null || e.longitude == null) continue;
      const colour = this.gradeColours[e.grade] || "#607d8b";
      const marker = L.circleMarker([e.latitude, e.longitude], {
        radius: e.grade ? 9 : 6, color: "#fff", weight: 1.5, fillColor: colour, fillOpacity: 0.95
      }).addTo(map);
      const gradeText = e.grade ? ["", "一级", "二级", "三级", "四级"][e.grade] + "重大危险源" : "无重大危险源";
      marker.bindPopup(`<b><a href="/enterprises/${e.id}">${e.name}</a></b><br>${e.sector} · ${gradeText}`);
    }
    el.setAttribute("data-enterprise-markers", String(enterprises.length));
  }
};
