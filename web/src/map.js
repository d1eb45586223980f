// The MapLibre map: zones coloured by current level, outlined by forecast level, and sensors as markers coloured by
// their surge level (a counter) or neutral (a sensor no rule judges); hovering a sensor names it with its reading.
// The style is empty (a dark background) so the map needs no network; a base-map tile URL can be added when online.
import * as maplibregl from 'maplibre-gl';
import { addBasemap } from './basemap.js';
import { get } from './api.js';
import { byId, el } from './dom.js';
import { onDrawn } from './drawn.js';
import { colourExpression, normaliseLevel } from './levels.js';
import { featureId, on, selectSubject, selectZone, state } from './state.js';
import { sensorPositionsChanged, sensorProps, sensorValueText } from './sensors.js';

const basemapStorage = 'surgewatch.basemapUrl';
let map = null;
let layersReady = false;
let tooltip = null;
const labels = new Map();
const sourceData = new Map();
const noSensors = { type: 'FeatureCollection', features: [] };
let roadSegments = noSensors;

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
  onDrawn(map, countRendered);
  map.on('load', () => {
    addLayers();
    loadRoadSegments();
    addBasemap(map);
    layersReady = true;
    applyBasemap(localStorage.getItem(basemapStorage) ?? '');
    render();
    fitAll();
  });

  on('zones', () => {
    render();
    fitAll();
  });
  on('sensors', () => {
    render();
    if (sensorPositionsChanged()) fitAll();
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
  map.addSource('sensors', { type: 'geojson', data: state.sensors ?? noSensors });
  map.addSource('roads', { type: 'geojson', data: noSensors });
  map.addLayer({ id: 'zone-fill', type: 'fill', source: 'zones', paint: { 'fill-color': colourExpression('level'), 'fill-opacity': 0.7 } });
  map.addLayer({ id: 'zone-edge', type: 'line', source: 'zones', paint: { 'line-color': '#cbd5e1', 'line-width': 1, 'line-opacity': 0.6 } });
  map.addLayer({
    id: 'zone-forecast', type: 'line', source: 'zones',
    paint: { 'line-color': colourExpression('forecastLevel'), 'line-width': 4, 'line-dasharray': [2, 1], 'line-offset': 2 },
  });
  map.addLayer({ id: 'zone-selected', type: 'line', source: 'zones', filter: ['==', ['get', 'id'], ''], paint: { 'line-color': '#ffffff', 'line-width': 3 } });
  // Road detectors as road segments (GET /roads/segments): coloured by the congestion level now, over a dashed band in
  // the level forecast within the hour.
  map.addLayer({
    id: 'road-forecast', type: 'line', source: 'roads', layout: { 'line-cap': 'butt' },
    paint: { 'line-color': colourExpression('forecastLevel'), 'line-width': 11, 'line-dasharray': [1, 0.6], 'line-opacity': 0.85 },
  });
  map.addLayer({
    id: 'road-level', type: 'line', source: 'roads', layout: { 'line-cap': 'round' },
    paint: { 'line-color': colourExpression('level'), 'line-width': 5 },
  });
  map.addLayer({
    id: 'sensors', type: 'circle', source: 'sensors',
    paint: { 'circle-radius': 6, 'circle-color': colourExpression('level'), 'circle-stroke-color': '#0d1522', 'circle-stroke-width': 1.5 },
  });
  map.addLayer({
    id: 'sensor-selected', type: 'circle', source: 'sensors', filter: ['==', ['get', 'id'], ''],
    paint: { 'circle-radius': 9, 'circle-opacity': 0, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 },
  });
  map.on('click', 'zone-fill', (event) => {
    const feature = event.features?.[0];
    // A sensor drawn over a zone takes the click.
    if (feature && !map.queryRenderedFeatures(event.point, { layers: ['sensors'] }).length) selectZone(feature.properties.id);
  });
  map.on('click', 'sensors', (event) => {
    const feature = event.features?.[0];
    if (feature) selectSubject('counter', feature.properties.id);
  });
  map.on('click', 'road-level', (event) => {
    const feature = event.features?.[0];
    if (feature && !map.queryRenderedFeatures(event.point, { layers: ['sensors'] }).length) selectSubject('counter', feature.properties.id);
  });
  for (const layer of ['zone-fill', 'sensors', 'road-level']) {
    map.on('mouseenter', layer, () => { map.getCanvas().style.cursor = 'pointer'; });
    map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
  }
  wireSensorTooltip();
}

/** Hovering a sensor shows its name, reading with unit, and surge level (built with textContent, no markup from data). */
function wireSensorTooltip() {
  tooltip = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'sensor-tooltip' });
  map.on('mousemove', 'sensors', (event) => {
    const feature = event.features?.[0];
    if (!feature) return;
    const current = sensorProps(feature.properties.id) ?? feature.properties;
    tooltip.setLngLat(feature.geometry.coordinates).setDOMContent(tooltipContent(current)).addTo(map);
  });
  map.on('mouseleave', 'sensors', () => tooltip.remove());
}

function tooltipContent(props) {
  const level = props.level === 'neutral' ? (props.kind?.startsWith('road') ? 'not judged' : 'no surge model yet') : props.level;
  const probability = Number.isFinite(props.probability) ? ` · surge ${Math.round(props.probability * 100)}%` : '';
  return el('div', { 'data-testid': 'sensor-tooltip' },
    el('b', {}, props.name ?? props.id),
    el('div', {}, sensorValueText(props)),
    el('div', { class: 'muted' }, `${level}${probability}`));
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
  setIfChanged('zones', data);
  byId('map').dataset.zoneFeatures = String(data.features.length);
  map.setFilter('zone-selected', ['==', ['get', 'id'], state.selectedZone ?? '']);
  renderLabels(data);
  const sensors = state.sensors ?? noSensors;
  setIfChanged('sensors', sensors);
  setIfChanged('roads', roadFeatures());
  byId('map').dataset.sensorFeatures = String(sensors.features.length);
  const counter = state.selected?.kind === 'counter' ? state.selected.id : '';
  map.setFilter('sensor-selected', ['==', ['get', 'id'], counter]);
}

/**
 * Hands a source new data only when it differs from what it holds: each setData costs the map's worker a full reload
 * of the source's tiles, and on a slow machine a stream of unchanged updates can keep the other sources (the base map)
 * waiting behind them.
 */
function setIfChanged(source, data) {
  const text = JSON.stringify(data);
  if (sourceData.get(source) === text) return;
  sourceData.set(source, text);
  map.getSource(source).setData(data);
}

/**
 * How many zones and sensors the map has actually drawn in view, and where each drawn sensor is on screen ({id: [x, y]}
 * in the map's pixels): for people reading the DOM, and for the tests, which point at a sensor as a person would.
 */
/** The road segments with each road's level now and forecast within the hour (from the sensors' status) as properties. */
function roadFeatures() {
  const features = roadSegments.features.map((feature) => {
    const props = sensorProps(feature.properties.id);
    const level = normaliseLevel(props?.level);
    return { ...feature, properties: { ...feature.properties, level, forecastLevel: normaliseLevel(props?.forecastLevel ?? level) } };
  });
  return { type: 'FeatureCollection', features };
}

async function loadRoadSegments() {
  try {
    roadSegments = await get('/roads/segments');
    byId('map').dataset.roadFeatures = String(roadSegments.features.length);
    render();
  } catch (error) {
    console.warn('No road segments', error);
  }
}

function countRendered() {
  if (!layersReady) return;
  byId('map').dataset.renderedRoads = String(new Set(map.queryRenderedFeatures({ layers: ['road-level'] }).map((f) => f.properties.id)).size);
  const zones = new Set(map.queryRenderedFeatures({ layers: ['zone-fill'] }).map((f) => f.properties.id));
  const points = {};
  for (const feature of map.queryRenderedFeatures({ layers: ['sensors'] })) {
    const { x, y } = map.project(feature.geometry.coordinates);
    points[feature.properties.id] = [Math.round(x), Math.round(y)];
  }
  const box = byId('map');
  box.dataset.renderedZones = String(zones.size);
  box.dataset.renderedSensors = String(Object.keys(points).length);
  box.dataset.sensorPoints = JSON.stringify(points);
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

/** Fits the map to the zones and the sensors, whichever exist. */
function fitAll() {
  if (!map || !layersReady) return;
  const bounds = new maplibregl.LngLatBounds();
  const extend = (coords) => (typeof coords[0] === 'number' ? bounds.extend(coords) : coords.forEach(extend));
  for (const feature of state.zones?.features ?? []) extend(feature.geometry.coordinates);
  for (const feature of state.sensors?.features ?? []) extend(feature.geometry.coordinates);
  // The legend lies over the map's top edge (one or two lines, by the width): nothing is fitted under it.
  const top = (document.querySelector('[data-testid="legend"]')?.offsetHeight ?? 44) + 16;
  if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: { top, bottom: 40, left: 40, right: 60 }, duration: 0, maxZoom: 17 });
}

function wireToggles() {
  const toggle = (id, layers) => byId(id).addEventListener('change', (event) => {
    for (const layer of layers) map?.getLayer(layer) && map.setLayoutProperty(layer, 'visibility', event.target.checked ? 'visible' : 'none');
  });
  toggle('show-forecast', ['zone-forecast']);
  toggle('show-sensors', ['sensors', 'sensor-selected']);
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
