// Warning maps: the community picker of the draft form (click a community to add or remove it, or draw a polygon or circle
// with Leaflet-Geoman) and the public map of
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
  // Loads a vendored file once (Leaflet-Geoman is only needed by the draft form, so it is not in every page's head).
  loadOnce: function (url, kind) {
    this._loading = this._loading || {};
    if (!this._loading[url]) {
      this._loading[url] = new Promise((resolve, reject) => {
        const node = kind === "css" ? document.createElement("link") : document.createElement("script");
        if (kind === "css") { node.rel = "stylesheet"; node.href = url; } else { node.src = url; }
        node.onload = resolve; node.onerror = () => reject(new Error("cannot load " + url));
        document.head.appendChild(node);
      });
    }
    return this._loading[url];
  },
  // CAP 1.2 §3.2.4 text: polygon "lat,lon lat,lon …" closed (first = last); circle "lat,lon radiusKm".
  capPolygon: function (layer) {
    const ring = layer.getLatLngs()[0].map(p => `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`);
    return ring.length < 3 ? "" : ring.concat([ring[0]]).join(" ");
  },
  capCircle: function (layer) {
    const c = layer.getLatLng();
    return `${c.lat.toFixed(5)},${c.lng.toFixed(5)} ${(layer.getRadius() / 1000).toFixed(3)}`;
  },
  picker: async function (elementId, communities, selected, dotnet) {
    const el = document.getElementById(elementId);
    if (!el || typeof L === "undefined") return;
    try {
      await Promise.all([this.loadOnce("/lib/leaflet-geoman/leaflet-geoman.css", "css"), this.loadOnce("/lib/leaflet-geoman/leaflet-geoman.min.js", "js")]);
    } catch (e) {
      console.error(e);   // the community picker still works without the drawing tools
    }
    const map = await this.base(el);
    const chosen = new Set(selected);
    const drawing = () => map.pm && (map.pm.globalDrawModeEnabled() || map.pm.globalRemovalModeEnabled());
    for (const c of communities) {
      const style = () => chosen.has(c.code)
        ? { radius: 11, color: "#b71c1c", weight: 2, fillColor: "#fbc02d", fillOpacity: 0.9 }
        : { radius: 8, color: "#1565c0", weight: 1.5, fillColor: "#90caf9", fillOpacity: 0.8 };
      const marker = L.circleMarker([c.lat, c.lon], style()).addTo(map);
      marker.bindTooltip(c.name, { permanent: true, direction: "right", className: "community-label" });
      const node = marker.getElement && marker.getElement();
      if (node) { node.setAttribute("data-community", c.code); node.setAttribute("data-name", c.name); }
      marker.options.pmIgnore = true;
      marker.on("click", async () => {
        if (drawing()) return;   // a click while drawing is a vertex, not a pick
        if (chosen.has(c.code)) chosen.delete(c.code); else chosen.add(c.code);
        marker.setStyle(style());
        await dotnet.invokeMethodAsync("Toggle", c.code);
      });
    }
    // Drawing the area (Leaflet-Geoman, vendored in /lib/leaflet-geoman, loaded before the map is made: it hooks map
    // creation): one polygon and one circle at most, each kept in the form's polygon / circle field in CAP form; editing or
    // removing the shape updates the field.
    if (map.pm) {
      map.pm.setLang((document.documentElement.lang || "zh").startsWith("en") ? "en" : "zh");
      map.pm.addControls({
        position: "topleft", drawMarker: false, drawCircleMarker: false, drawPolyline: false, drawRectangle: false, drawText: false,
        cutPolygon: false, rotateMode: false, dragMode: false, drawPolygon: true, drawCircle: true, editMode: true, removalMode: true
      });
      const shapes = { polygon: null, circle: null };
      const report = async (kind) => {
        const layer = shapes[kind];
        const text = !layer ? "" : kind === "polygon" ? this.capPolygon(layer) : this.capCircle(layer);
        el.setAttribute("data-" + kind, text);
        await dotnet.invokeMethodAsync("SetShape", kind, text);
      };
      map.on("pm:create", async (e) => {
        const kind = e.shape === "Circle" ? "circle" : "polygon";
        if (shapes[kind]) map.removeLayer(shapes[kind]);
        shapes[kind] = e.layer;
        e.layer.on("pm:edit", () => report(kind));
        await report(kind);
      });
      map.on("pm:remove", async (e) => {
        for (const kind of ["polygon", "circle"]) {
          if (shapes[kind] === e.layer) { shapes[kind] = null; await report(kind); }
        }
      });
      el.setAttribute("data-draw", "true");
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
