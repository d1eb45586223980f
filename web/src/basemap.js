// The offline base map, drawn under every dashboard layer. Both parts come from this server, never from a CDN:
// - the operator's PMTiles extract (`serve --basemap FILE.pmtiles`), read with HTTP range requests by the pmtiles
//   reader and styled with Protomaps' dark flavour (vector tiles; a raster extract is drawn as it is);
// - in demo mode, the demo city's own streets, river, parks and squares (GeoJSON), so its zones sit in a place.
// The server says which exist (GET /api/v1/basemap). The optional online XYZ tile URL (map settings) is separate.
import * as maplibregl from 'maplibre-gl';
import { FetchSource, PMTiles, Protocol, TileType } from 'pmtiles';
import { layers, namedFlavor } from '@protomaps/basemaps';
import { currentKey, get } from './api.js';
import { onDrawn } from './drawn.js';

const apiPrefix = '/api/v1';
const pmtilesSource = 'basemap-pmtiles';
const citySource = 'basemap-city';
const rasterTypes = [TileType.Png, TileType.Jpeg, TileType.Webp, TileType.Avif];
let protocol = null;

/**
 * Adds the base maps the server offers to a loaded map, under the layers already there. Call it once, after the
 * dashboard's own layers exist. A failure leaves the map as it was and is logged: the base map is a backdrop.
 */
export async function addBasemap(map) {
  try {
    const offered = await get('/basemap');
    const drawn = [];
    if (offered.pmtiles && (await addPmtiles(map, new URL(offered.pmtiles, document.baseURI).href))) drawn.push('pmtiles');
    if (offered.demoCity) {
      addDemoCity(map, await get(offered.demoCity.slice(apiPrefix.length)));
      drawn.push('demo-city');
    }
    map.getContainer().dataset.basemap = drawn.join(' ');
  } catch (error) {
    console.warn('Base map not drawn', error);
  }
}

/** The first layer of the dashboard's own (not the background, not a base map): base layers go under it. */
function firstDashboardLayer(map) {
  return map.getStyle().layers.find((layer) => layer.type !== 'background' && !layer.id.startsWith('basemap'))?.id;
}

async function addPmtiles(map, url) {
  if (!protocol) {
    protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  // The key goes with the range requests, for a server that closes reads; none is needed otherwise.
  const headers = new Headers(currentKey() ? { Authorization: `Bearer ${currentKey()}` } : {});
  const archive = new PMTiles(new FetchSource(url, headers));
  protocol.add(archive);
  const header = await archive.getHeader();
  const before = firstDashboardLayer(map);
  if (header.tileType === TileType.Mvt) {
    map.addSource(pmtilesSource, { type: 'vector', url: `pmtiles://${url}`, attribution: '© OpenStreetMap contributors' });
    for (const layer of layers(pmtilesSource, namedFlavor('dark'))) {
      // The dashboard's own background stays; every other layer gets an id of ours so none collides.
      if (layer.type !== 'background') map.addLayer({ ...layer, id: `${pmtilesSource}-${layer.id}` }, before);
    }
  } else if (rasterTypes.includes(header.tileType)) {
    map.addSource(pmtilesSource, { type: 'raster', url: `pmtiles://${url}`, tileSize: 256, attribution: '© OpenStreetMap contributors' });
    map.addLayer({ id: pmtilesSource, type: 'raster', source: pmtilesSource, paint: { 'raster-opacity': 0.7 } }, before);
  } else {
    console.warn(`The base map archive's tile type (${header.tileType}) is neither vector (MVT) nor an image; not drawn.`);
    return false;
  }
  // Extracts are OpenStreetMap data (Protomaps builds): the licence asks for the credit on the map.
  map.addControl(new maplibregl.AttributionControl({ compact: true }), 'bottom-right');
  placeOnArchive(map, header);
  return true;
}

/** A map that nothing has placed yet (still the whole world) moves to the archive's area. */
function placeOnArchive(map, header) {
  if (map.getZoom() > 2 || !(header.minLon < header.maxLon && header.minLat < header.maxLat)) return;
  map.fitBounds([[header.minLon, header.minLat], [header.maxLon, header.maxLat]], { duration: 0, maxZoom: header.centerZoom || 14 });
}

function addDemoCity(map, collection) {
  const before = firstDashboardLayer(map);
  map.addSource(citySource, { type: 'geojson', data: collection });
  const kind = (name) => ['==', ['get', 'kind'], name];
  const width = (base) => ['interpolate', ['exponential', 2], ['zoom'], 13, base * 0.5, 17, base * 8];
  const cityLayers = [
    { id: 'water', type: 'fill', filter: kind('water'), paint: { 'fill-color': '#123049' } },
    { id: 'park', type: 'fill', filter: kind('park'), paint: { 'fill-color': '#15291e' } },
    { id: 'square', type: 'fill', filter: kind('square'), paint: { 'fill-color': '#1f2836', 'fill-outline-color': '#2c3747' } },
    { id: 'street', type: 'line', filter: kind('street'), layout: { 'line-cap': 'round' }, paint: { 'line-color': '#2b3647', 'line-width': width(1.5) } },
    { id: 'railway', type: 'line', filter: kind('railway'), paint: { 'line-color': '#4a5468', 'line-width': width(0.6), 'line-dasharray': [3, 2] } },
  ];
  const ids = cityLayers.map((layer) => `${citySource}-${layer.id}`);
  cityLayers.forEach((layer, i) => map.addLayer({ ...layer, id: ids[i], source: citySource }, before));
  // How many of the city's features are drawn in view (for people reading the DOM, and for the tests).
  onDrawn(map, () => {
    map.getContainer().dataset.basemapFeatures = String(map.queryRenderedFeatures({ layers: ids }).length);
  });
}
