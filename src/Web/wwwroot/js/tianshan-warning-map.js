// Warning maps: the community picker of the draft form (click a community to add or remove it) and the public map of
// current warnings (each warning's communities coloured by its level, drawn polygons and circles). Same offline district
// boundary as tianshan-map.js; no tile server.
window.tianshanWarningMap = {
  base: async function (el) {
    if (el._map) { el._map.remove(); }
    const map = L.map(el, { zoomControl: true, attributionControl: false });
    el._map = map;
    const boundary = await (await fetch("/geo/dushanzi-boundary.geojson")).json();
    const layer = L.geoJSON(boundary, { style: { color: "#0d47a1", weight: 2, fillColor: "#e3f2fd", fillOpacity: 0.25 } }).addTo(map);
    map.fitBounds(layer.getBounds());
    return map;
  },
  picker: async function (elementId, communities, selected, dotnet) {
    const el = document.getElementById(elementId);
    if (!el || typeof L === "undefined") return;
    const map = await this.base(el);
    const chosen = new Set(selected);
    for (const c of communities) {
      const style = () => chosen.has(c.code)
        ? { radius: 11, color: "#b71c1c", weight: 2, fillColor: "#fbc02d", fillOpacity: 0.9 }
        : { radius: 8, color: "#1565c0", weight: 1.5, fillColor: "#90caf9", fillOpacity: 0.8 };
      const marker = L.circleMarker([c.lat, c.lon], style()).addTo(map);
      marker.bindTooltip(c.name, { permanent: true, direction: "right", className: "community-label" });
      const node = marker.getElement && marker.getElement();
      if (node) { node.setAttribute("data-community", c.code); node.setAttribute("data-name", c.name); }
      marker.on("click", async () => {
        if (chosen.has(c.code)) chosen.delete(c.code); else chosen.add(c.code);
        marker.setStyle(style());
        await dotnet.invokeMethodAsync("Toggle", c.code);
      });
    }
    el.setAttribute("data-ready", "true");
  },
  show: async function (elementId, warnings) {
    const el = document.getElementById(elementId);
    if (!el || typeof L === "undefined") return;
    const map = await this.base(el);
    let shapes = 0;
    for (const w of warnings) {
      for (const c of w.communities) {
        L.circle([c.lat, c.lon], { radius: 700, color: w.colour, weight: 2, fillColor: w.colour, fillOpacity: 0.45 })
          .bindPopup(`${w.title}<br>${c.name}`).addTo(map);
        shapes++;
      }
      for (const p of w.polygons) {
        L.polygon(p, { color: w.colour, fillColor: w.colour, fillOpacity: 0.3 }).bindPopup(w.title).addTo(map);
        shapes++;
      }
      for (const c of w.circles) {
        L.circle([c[0], c[1]], { radius: c[2] * 1000, color: w.colour, fillColor: w.colour, fillOpacity: 0.3 }).bindPopup(w.title).addTo(map);
        shapes++;
      }
    }
    // Shelters near any warning, once each: a green square marker with its address and capacity.
    const shown = new Set();
    for (const w of warnings) {
      for (const s of (w.shelters || [])) {
        if (shown.has(s.code)) continue;
        shown.add(s.code);
        const marker = L.marker([s.lat, s.lon], {
          icon: L.divIcon({ className: "shelter-marker", html: "避", iconSize: [20, 20] }),
          title: s.name
        }).bindPopup(`<b>${s.name}</b><br>${s.address || ""}<br>容纳 ${s.capacity} 人`).addTo(map);
        const node = marker.getElement && marker.getElement();
        if (node) node.setAttribute("data-shelter", s.code);
      }
    }
    el.setAttribute("data-shelters", String(shown.size));
    el.setAttribute("data-shapes", String(shapes));
  }
};
