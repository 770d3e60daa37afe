// The console's entry: who is signed in, then the device list or one device's page (/console/devices/<DID>).
import { api, el, clear, setCsrf, showError } from './api.js';
import { renderDevice } from './device.js';

const app = document.getElementById('app');
const who = document.getElementById('who');

async function start() {
  const me = await api('GET', '/me');
  if (!me.user) { renderSignIn(); return; }
  setCsrf(me.csrf);
  clear(who).append(
    el('span', { class: 'user', text: me.user }),
    el('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'));
  const match = location.pathname.match(/^\/console\/devices\/([^/]+)$/);
  if (match) await renderDevice(app, decodeURIComponent(match[1]));
  else await renderDevices();
}

async function signOut() {
  try { await api('POST', '/logout'); } finally { location.assign('/console'); }
}

function renderSignIn() {
  clear(who);
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const user = el('input', { id: 'user', name: 'username', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = async (path) => {
    showError(error, null);
    if (!user.value || !password.value) { showError(error, new Error('Give a user name and a password.')); return; }
    try {
      await api('POST', path, { username: user.value, password: password.value });
      location.reload();
    } catch (e) { showError(error, e); }
  };
  const form = el('form', { class: 'card signin', onsubmit: (e) => { e.preventDefault(); submit('/login'); } },
    el('h1', { text: 'Sign in' }),
    el('p', { class: 'muted', text: 'An App user of this cloud (GService /app/login). New here? Register with the same fields.' }),
    el('label', { for: 'user', text: 'User name' }), user,
    el('label', { for: 'password', text: 'Password' }), password,
    el('div', { class: 'row' },
      el('button', { type: 'submit' }, 'Sign in'),
      el('button', { type: 'button', class: 'secondary', onclick: () => submit('/register') }, 'Register')),
    error);
  clear(app).append(form);
  user.focus();
}

function onlineBadge(online) {
  return el('span', { class: 'badge ' + (online ? 'online' : 'offline'), 'data-online': online ? 'true' : 'false', text: online ? 'online' : 'offline' });
}

async function renderDevices() {
  const { devices } = await api('GET', '/devices');
  const list = el('ul', { class: 'devices', 'aria-label': 'Devices' });
  for (const d of devices) {
    list.append(el('li', { class: 'card device', 'data-did': d.did },
      el('a', { href: '/console/devices/' + encodeURIComponent(d.did), class: 'title' }, d.alias || d.remark || d.productName),
      el('div', { class: 'meta' }, el('span', { class: 'product', text: d.productName }), ' ', onlineBadge(d.online)),
      el('code', { class: 'did', text: d.did })));
  }
  if (devices.length === 0) list.append(el('li', { class: 'muted', text: 'No devices yet: bind one below with its DID and passcode.' }));

  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const did = el('input', { id: 'bind-did', autocomplete: 'off', required: true });
  const passcode = el('input', { id: 'bind-passcode', autocomplete: 'off', required: true });
  const bind = el('form', { class: 'card bind', onsubmit: async (e) => {
    e.preventDefault();
    showError(error, null);
    try {
      await api('POST', '/bindings', { did: did.value.trim(), passcode: passcode.value.trim() });
      location.reload();
    } catch (ex) { showError(error, ex); }
  } },
    el('h2', { text: 'Bind a device' }),
    el('label', { for: 'bind-did', text: 'DID' }), did,
    el('label', { for: 'bind-passcode', text: 'Passcode' }), passcode,
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Bind')),
    error);
  clear(app).append(el('h1', { text: 'Your devices' }), list, bind);

  // 0x0092 from M2M: online/offline, live.
  const events = new EventSource('/console/api/events');
  events.addEventListener('online', (m) => {
    const e = JSON.parse(m.data);
    const item = list.querySelector(`li[data-did="${CSS.escape(e.did)}"] .badge`);
    if (item) item.replaceWith(onlineBadge(e.online));
  });
  window.addEventListener('pagehide', () => events.close());
}

start().catch((e) => {
  clear(app).append(el('p', { class: 'error', role: 'alert', text: 'The console could not load: ' + (e.message || e) }));
});
