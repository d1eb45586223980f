// The MapLibre map: zones coloured by current level, outlined by forecast level, and sensors as dots.
// The style is empty (a dark background) so the map needs no network; a base-map tile URL can be added when online.
import * as maplibregl from 'maplibre-gl';
import { addBasemap } from './basemap.js';
import { byId, el } from './dom.js';
import { colourExpression, normaliseLevel } from './levels.js';
import { featureId, on, selectZone, state } from './state.js';

const basemapStorage = 'surgewatch.basemapUrl';
let map = null;
let layersReady = false;
let sensors = { type: 'FeatureCollection', features: [] };
const labels = new Map();

const emptyStyle = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0d1522' } }],
};

/** Creates the map; a browser without WebGL gets a message instead, and the rest of the dashboard still works. */
export function createMap() {
  maplibregl.setWorkerUrl(new URL('maplibre-gl-worker.mjs', document.baseURI).href);
  const container = byId('map');
  try {
    map = new maplibregl.Map({ container, style: emptyStyle, center: [0, 0], zoom: 1, attributionControl: false, fadeDuration: 0 });
  } catch (error) {
    showMapError(`The map needs WebGL, which this browser could not start (${error.message}). Zones are listed on the left.`);
    return;
  }
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.on('error', (event) => console.warn('Map error', event.error?.message ?? event));
  map.on('idle', countRendered);
  map.on('load', () => {
    addLayers();
    addBasemap(map);
    layersReady = true;
    applyBasemap(localStorage.getItem(basemapStorage) ?? '');
    render();
    fitZones();
  });

  on('zones', () => {
    render();
    fitZones();
  });
  on('status', render);
  on('select', render);
  wireToggles();
  wireBasemapSettings();
}

function showMapError(message) {
  const box = byId('map-error');
  box.textContent = message;
  box.hidden = false;
}

function addLayers() {
  map.addSource('zones', { type: 'geojson', data: zoneFeatures() });
  map.addSource('sensors', { type: 'geojson', data: sensors });
  map.addLayer({ id: 'zone-fill', type: 'fill', source: 'zones', paint: { 'fill-color': colourExpression('level'), 'fill-opacity': 0.7 } });
  map.addLayer({ id: 'zone-edge', type: 'line', source: 'zones', paint: { 'line-color': '#cbd5e1', 'line-width': 1, 'line-opacity': 0.6 } });
  map.addLayer({
    id: 'zone-forecast', type: 'line', source: 'zones',
    paint: { 'line-color': colourExpression('forecastLevel'), 'line-width': 4, 'line-dasharray': [2, 1], 'line-offset': 2 },
  });
  map.addLayer({ id: 'zone-selected', type: 'line', source: 'zones', filter: ['==', ['get', 'id'], ''], paint: { 'line-color': '#ffffff', 'line-width': 3 } });
  map.addLayer({
    id: 'sensors', type: 'circle', source: 'sensors',
    paint: { 'circle-radius': 4.5, 'circle-color': '#bfdbfe', 'circle-stroke-color': '#1e3a8a', 'circle-stroke-width': 1.5 },
  });
  map.on('click', 'zone-fill', (event) => {
    const feature = event.features?.[0];
    if (feature) selectZone(feature.properties.id);
  });
  map.on('mouseenter', 'zone-fill', () => { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', 'zone-fill', () => { map.getCanvas().style.cursor = ''; });
}

/** The zones with each one's current and forecast level as properties, for the paint expressions. */
function zoneFeatures() {
  const features = (state.zones?.features ?? []).map((feature) => {
    const id = featureId(feature);
    const status = state.status.get(id);
    return {
      ...feature,
      properties: {
        ...feature.properties,
        id,
        level: normaliseLevel(status?.level),
        forecastLevel: normaliseLevel(status?.forecastLevel),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

function render() {
  if (!layersReady) return;
  const data = zoneFeatures();
  map.getSource('zones').setData(data);
  byId('map').dataset.zoneFeatures = String(data.features.length);
  map.setFilter('zone-selected', ['==', ['get', 'id'], state.selectedZone ?? '']);
  renderLabels(data);
}

/** How many zones the map has actually drawn in view (for people reading the DOM, and for the tests). */
function countRendered() {
  if (!layersReady) return;
  const ids = new Set(map.queryRenderedFeatures({ layers: ['zone-fill'] }).map((f) => f.properties.id));
  byId('map').dataset.renderedZones = String(ids.size);
}

function renderLabels(data) {
  for (const feature of data.features) {
    const id = feature.properties.id;
    if (labels.has(id)) continue;
    const centre = centroid(feature.geometry);
    if (!centre) continue;
    const label = el('div', { class: 'zone-label', 'data-testid': 'map-zone-label' }, feature.properties.name ?? id);
    label.addEventListener('click', () => selectZone(id));
    labels.set(id, new maplibregl.Marker({ element: label, anchor: 'top', offset: [0, 8] }).setLngLat(centre).addTo(map));
  }
}

/** The mean of the outer ring's vertices: good enough to place a label on a compact zone. */
function centroid(geometry) {
  const ring = geometry?.type === 'Polygon' ? geometry.coordinates[0] : geometry?.type === 'MultiPolygon' ? geometry.coordinates[0][0] : null;
  if (!ring?.length) return null;
  let x = 0;
  let y = 0;
  for (const [lng, lat] of ring) { x += lng; y += lat; }
  return [x / ring.length, y / ring.length];
}

function fitZones() {
  if (!map || !state.zones?.features.length) return;
  const bounds = new maplibregl.LngLatBounds();
  const extend = (coords) => (typeof coords[0] === 'number' ? bounds.extend(coords) : coords.forEach(extend));
  for (const feature of state.zones.features) extend(feature.geometry.coordinates);
  for (const feature of sensors.features) extend(feature.geometry.coordinates);
  if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: { top: 60, bottom: 40, left: 40, right: 60 }, duration: 0, maxZoom: 17 });
}

/** Shows the sensors that have a position (from GET /api/v1/sensors). */
export function setSensors(list) {
  sensors = {
    type: 'FeatureCollection',
    features: list.filter((s) => Number.isFinite(s.latitude) && Number.isFinite(s.longitude)).map((s) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [s.longitude, s.latitude] }, properties: { id: s.id, name: s.name },
    })),
  };
  if (layersReady) {
    map.getSource('sensors').setData(sensors);
    fitZones();
  }
}

function wireToggles() {
  const toggle = (id, layers) => byId(id).addEventListener('change', (event) => {
    for (const layer of layers) map?.getLayer(layer) && map.setLayoutProperty(layer, 'visibility', event.target.checked ? 'visible' : 'none');
  });
  toggle('show-forecast', ['zone-forecast']);
  toggle('show-sensors', ['sensors']);
}

function wireBasemapSettings() {
  const input = byId('basemap-url');
  input.value = localStorage.getItem(basemapStorage) ?? '';
  byId('settings-toggle').addEventListener('click', () => { byId('settings').hidden = !byId('settings').hidden; });
  byId('basemap-apply').addEventListener('click', () => {
    const url = input.value.trim();
    if (url) localStorage.setItem(basemapStorage, url);
    else localStorage.removeItem(basemapStorage);
    applyBasemap(url);
    byId('settings').hidden = true;
  });
}

function applyBasemap(url) {
  if (!layersReady) return;
  if (map.getLayer('basemap')) map.removeLayer('basemap');
  if (map.getSource('basemap')) map.removeSource('basemap');
  if (!url) return;
  map.addSource('basemap', { type: 'raster', tiles: [url], tileSize: 256 });
  map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.6 } }, 'zone-fill');
}
