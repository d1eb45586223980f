// Values with their units, as the API names them (alert `unit`, briefing columns): one place decides the digits.
import { formatNumber } from './dom.js';

const digits = { 'persons/m²': 2, 'persons/m/min': 1, persons: 0, 'km/h': 0, mph: 0 };

/** "4.21 persons/m²", "1.8 persons/m/min", "62%" for a probability (0–1); '' without a value. */
export function formatValue(value, unit) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  if (unit === 'probability') return `${formatNumber(value * 100)}%`;
  if (!unit) return formatNumber(value, 2);
  return `${formatNumber(value, digits[unit] ?? 2)} ${unit}`;
}
