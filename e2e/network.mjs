// Every HTTP request of a page as Chromium's network stack sees it, for the
// end-to-end tests and the first-load benchmark.

/**
 * Records every HTTP request of `page` through its own DevTools session:
 * method, URL, status, whether the cache answered, and the bytes received.
 */
export async function recordNetwork(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map();
  const entries = [];
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!/^https?:/.test(event.request.url)) return;
    const previous = byId.get(event.requestId);
    if (previous && event.redirectResponse) {
      previous.status = event.redirectResponse.status;
      previous.bytes = event.redirectResponse.encodedDataLength;
      previous.done = true;
    }
    const entry = {
      url: event.request.url,
      method: event.request.method,
      type: event.type,
      status: undefined,
      cache: undefined,
      bytes: 0,
      done: false,
      // DevTools' own clock, in ms: only differences between entries mean anything.
      startMs: event.timestamp * 1000,
      answeredMs: undefined,
    };
    byId.set(event.requestId, entry);
    entries.push(entry);
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const entry = byId.get(event.requestId);
    if (entry) entry.cache = 'memory';
  });
  cdp.on('Network.responseReceived', (event) => {
    const entry = byId.get(event.requestId);
    if (!entry) return;
    entry.status = event.response.status;
    entry.answeredMs = event.timestamp * 1000;
    // What had arrived with the headers: the headers themselves.
    entry.headerBytes = event.response.encodedDataLength;
    if (event.response.fromDiskCache) entry.cache = 'disk';
  });
  cdp.on('Network.loadingFinished', (event) => {
    const entry = byId.get(event.requestId);
    if (!entry) return;
    entry.bytes = event.encodedDataLength;
    entry.done = true;
  });
  cdp.on('Network.loadingFailed', (event) => {
    const entry = byId.get(event.requestId);
    if (!entry) return;
    entry.failed = event.errorText;
    entry.done = true;
  });
  return { cdp, entries };
}

/**
 * The body bytes `entry` received: what came after its headers (0 for a
 * revalidation or a cache hit).
 */
export function bodyBytes(entry) {
  return Math.max(0, entry.bytes - (entry.headerBytes ?? 0));
}
