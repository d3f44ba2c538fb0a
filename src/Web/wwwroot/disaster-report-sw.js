// Service worker of the informant's 灾情报送 page (/disaster-report): the page must open on a phone with the network down,
// so its HTML and every file it loads are kept in a cache, refreshed from the network whenever it is up (network first,
// cache when offline). It is registered with the scope "/disaster-report", so it controls that page only; every other
// page of Tianshan goes to the network untouched.
const CACHE = "tianshan-disaster-report-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", event => event.waitUntil(self.clients.claim()));

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", event => {
  const url = new URL(event.request.url);
  // Filings are posted and queued by the page itself; the API is never answered from the cache.
  if (event.request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  event.respondWith(networkFirst(event.request));
});
