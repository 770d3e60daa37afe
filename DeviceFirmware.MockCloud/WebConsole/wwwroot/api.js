// The console's JSON API and a tiny DOM helper. The session lives in an HttpOnly cookie the page cannot read; the
// anti-CSRF token (not a secret of the user's account) is echoed on every request that changes something.
let csrf = '';

export function setCsrf(token) { csrf = token || ''; }

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (method !== 'GET') {
    init.headers['Content-Type'] = 'application/json';
    init.headers['X-Console-Csrf'] = csrf || 'sign-in';
    init.body = JSON.stringify(body === undefined ? {} : body);
  }
  const response = await fetch('/console/api' + path, init);
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  if (!response.ok) throw new ApiError(response.status, (data && data.error) || ('HTTP ' + response.status));
  return data;
}

// el('div', {class: 'x', onclick: f}, 'text', child) — attributes, event handlers and children.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

export function time(iso) {
  const d = iso ? new Date(iso) : new Date();
  return d.toISOString().slice(11, 23);
}

export function showError(node, error) {
  node.textContent = error ? (error.message || String(error)) : '';
  node.hidden = !error;
}
