// Level names of the contract (kebab-case, as the API writes every enum) and their colours (shared by the map, the lists and the chart):
// the zones' and counters' surge ladder, and the roads' congestion ladder (free, slowing, congested, jammed).
export const levels = ['ok', 'warning', 'alarm', 'critical', 'no-data'];
export const roadLevels = ['free', 'slowing', 'congested', 'jammed', 'no-data'];

export const levelColour = {
  ok: '#2e9d5b',
  warning: '#e0b000',
  alarm: '#f06a1d',
  critical: '#e0245e',
  'no-data': '#6b7280',
  neutral: '#93c5fd', // a sensor no rule judges (road flows, sensors before a model is deployed)
  free: '#2e9d5b',
  slowing: '#e0b000',
  congested: '#f06a1d',
  jammed: '#e0245e',
};

const rank = { 'no-data': -1, ok: 0, warning: 1, alarm: 2, critical: 3, free: 0, slowing: 1, congested: 2, jammed: 3 };

/** Orders levels: critical first. */
export function levelRank(level) {
  return rank[level] ?? -1;
}

export function normaliseLevel(level) {
  return level in levelColour ? level : 'no-data';
}

/** A MapLibre expression picking the colour of a feature property holding a level. */
export function colourExpression(property) {
  const match = ['match', ['get', property]];
  for (const [level, colour] of Object.entries(levelColour)) match.push(level, colour);
  match.push(levelColour['no-data']);
  return match;
}
