// Loaded into MapLibre's workers (importScriptInWorkers, see uploadGeometry.ts) so that the ward
// geometry of a `chw-geometry://<blob URL>` source is read in the worker and stays there.
//
// 1. Without the protocol, MapLibre's worker asks the page to fetch any URL that is not http(s):
//    the page would parse the 100 MB of text and copy the object back to the worker.
// 2. MapLibre's worker answers a load from a URL with the data it read, for the page's
//    GeoJSONSource.getData(), which this app never calls: for a large file that copy freezes the page
//    for seconds. The load handler is wrapped to drop it for this protocol's URLs. This reaches into
//    MapLibre's worker internals (actor.messageHandlers, pinned maplibre-gl 6.17); where they differ
//    nothing is wrapped and the map still draws, only slower (tests/e2e/bigFile.test.ts catches it).
const PREFIX = 'chw-geometry://';

self.addProtocol('chw-geometry', async (params, abortController) => {
  const response = await fetch(decodeURIComponent(params.url.slice(PREFIX.length)), { signal: abortController.signal });
  if (!response.ok) throw new Error(`ward geometry could not be read (${response.status})`);
  return { data: await response.json() };
});

const actor = self.worker?.actor;
const loadData = actor?.messageHandlers?.LD;
if (typeof loadData === 'function' && !loadData.chwWrapped) {
  const wrapped = async (mapId, params, abortController) => {
    const result = await loadData(mapId, params, abortController);
    if (result && typeof params?.request?.url === 'string' && params.request.url.startsWith(PREFIX)) delete result.data;
    return result;
  };
  wrapped.chwWrapped = true;
  actor.registerMessageHandler('LD', wrapped);
}
