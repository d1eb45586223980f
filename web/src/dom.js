// Small DOM helpers: elements are built with textContent, never innerHTML, so server text cannot inject markup.
export const byId = (id) => document.getElementById(id);

/** Creates an element with attributes (data-*, class, …) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function') {
      // As a property, so that patchChildren can hand a kept node the new render's handler.
      node[name] = value;
      (node.handlers ??= new Set()).add(name);
    }
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

const keyAttributes = ['data-key', 'data-subject', 'data-zone-id', 'data-sensor-id', 'data-id'];

function keyOf(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  for (const name of keyAttributes) {
    const value = node.getAttribute(name);
    if (value !== null) return `${node.tagName}|${name}=${value}`;
  }
  return null;
}

/**
 * Makes parent's children look like `children` (nodes or text) while keeping the nodes that are already there: a child
 * with the same key (data-key, data-subject, …) or, unkeyed, at the same place with the same tag is updated in place.
 * A list redrawn on every clock tick thus keeps its buttons, their focus and a click under way, where replaceChildren
 * would detach them each time.
 */
export function patchChildren(parent, children) {
  const next = children.filter((c) => c !== undefined && c !== null && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
  const keyed = new Map();
  for (const child of parent.childNodes) {
    const key = keyOf(child);
    if (key !== null && !keyed.has(key)) keyed.set(key, child);
  }
  let index = 0;
  for (const wanted of next) {
    const at = parent.childNodes[index] ?? null;
    const key = keyOf(wanted);
    let kept = null;
    if (key !== null) kept = keyed.get(key) ?? null;
    else if (at !== null && keyOf(at) === null && at.nodeType === wanted.nodeType && at.nodeName === wanted.nodeName) kept = at;
    if (kept !== null && kept.parentNode === parent) {
      keyed.delete(key);
      if (kept !== at) parent.insertBefore(kept, at);
      patchNode(kept, wanted);
    } else {
      parent.insertBefore(wanted, at);
    }
    index += 1;
  }
  while (parent.childNodes.length > index) parent.lastChild.remove();
}

function patchNode(node, wanted) {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    if (node.nodeValue !== wanted.nodeValue) node.nodeValue = wanted.nodeValue;
    return;
  }
  for (const { name } of [...node.attributes]) if (!wanted.hasAttribute(name)) node.removeAttribute(name);
  for (const { name, value } of wanted.attributes) if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  for (const name of node.handlers ?? []) if (!wanted.handlers?.has(name)) node[name] = null;
  for (const name of wanted.handlers ?? []) node[name] = wanted[name];
  node.handlers = wanted.handlers;
  patchChildren(node, [...wanted.childNodes]);
}
