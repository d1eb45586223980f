// The cluster in the top bar: how many nodes serve this deployment (GET /cluster) and which are down, refreshed every
// 30 s and after a reconnect. A server without a cluster is one node.
import { get } from './api.js';
import { byId } from './dom.js';
import { on } from './state.js';

const refreshMs = 30_000;

export function createClusterView() {
  load();
  setInterval(load, refreshMs);
  on('connection', (s) => { if (s === 'live') load(); });
}

/** The text and whether a node is down: "1 node", "3 nodes", "3 nodes · 1 down". */
export function clusterSummary(cluster) {
  const nodes = cluster?.nodes ?? [];
  const down = nodes.filter((n) => n.status === 'dead').length;
  const text = `${nodes.length} node${nodes.length === 1 ? '' : 's'}${down ? ` · ${down} down` : ''}`;
  return { text, down, count: nodes.length };
}

async function load() {
  const box = byId('cluster');
  try {
    const cluster = await get('/cluster');
    const { text, down, count } = clusterSummary(cluster);
    box.textContent = text;
    box.dataset.nodes = String(count);
    box.dataset.down = String(down);
    box.classList.toggle('down', down > 0);
    box.title = cluster.nodes.map((n) => `${n.address} ${n.status}: ${n.zones.length} zone${n.zones.length === 1 ? '' : 's'}${n.address === cluster.self ? ' (this node)' : ''}`).join('\n');
    box.hidden = false;
  } catch {
    box.hidden = true;
  }
}
