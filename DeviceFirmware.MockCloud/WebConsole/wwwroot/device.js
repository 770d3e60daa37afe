// One device's page: data points (generated from the product), 0x0010 settings, chart, 0x0012 logs, frame log and,
// when the cloud knows the device's simulated board, the board panel. Live through server-sent events.
import { api, ApiError, el, clear, time, showError } from './api.js';
import { DataPoints } from './controls.js';
import { Chart } from './chart.js';
import { FrameLog } from './framelog.js';
import { BoardPanel } from './board.js';

const LEVELS = ['Off', 'Error', 'Warning', 'Info'];

export async function renderDevice(app, did) {
  let info;
  try {
    info = await api('GET', '/devices/' + encodeURIComponent(did));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      clear(app).append(el('h1', { text: 'Device not found' }),
        el('p', { text: 'No device with this DID is bound to you.' }), el('a', { href: '/console' }, 'Your devices'));
      return;
    }
    throw e;
  }
  const { device, product } = info;
  const online = el('span', { class: 'badge', 'data-online': '' });
  const setOnline = (on) => { online.className = 'badge ' + (on ? 'online' : 'offline'); online.dataset.online = String(on); online.textContent = on ? 'online' : 'offline'; };
  setOnline(device.online);
  const roundTrip = el('span', { class: 'rtt small', 'aria-live': 'polite', 'data-rtt': '' });
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const showReply = (reply, what) => {
    roundTrip.textContent = `${what}: ${reply.command} sn ${reply.sn} in ${reply.rttMs} ms`;
    apply(reply);
  };

  const points = product ? new DataPoints(did, product, showReply) : null;
  const numeric = product ? product.points.filter((p) => p.dataType === 'number') : [];
  const chart = new Chart(numeric);
  const frames = new FrameLog();
  const logs = el('ol', { class: 'logs', 'aria-label': 'Device logs' });
  const apply = (status) => {
    if (!status || !status.values) return;
    points?.apply(status.values);
    chart.add(status.values, status.time);
  };

  const read = el('button', { type: 'button' }, 'Read');
  read.addEventListener('click', async () => {
    showError(error, null);
    read.disabled = true;
    try { showReply(await api('POST', `/devices/${encodeURIComponent(did)}/read`), 'read'); } catch (e) { showError(error, e); } finally { read.disabled = false; }
  });

  const sections = [
    el('div', { class: 'device-head' },
      el('a', { href: '/console', class: 'small' }, '← devices'),
      el('h1', { text: device.alias || device.remark || device.productName }),
      el('div', { class: 'meta' }, el('span', { class: 'product', text: device.productName }), ' ', online),
      el('code', { class: 'did', text: device.did }),
      el('div', { class: 'row' }, read, roundTrip),
      error),
    product ? el('section', { class: 'panel' }, el('h2', { text: 'Data points' }), points.node)
      : el('p', { class: 'error', text: `The console has no product definition for ${device.productKey}.` }),
    settingsPanel(did),
    el('section', { class: 'panel' }, el('h2', { text: 'Chart' }), chart.node),
    el('section', { class: 'panel' }, el('h2', { text: 'Device logs (0x0012)' }), logs),
  ];
  if (device.board) sections.push(el('section', { class: 'panel' }, el('h2', { text: 'Simulated board' }), new BoardPanel(did).node));
  sections.push(el('section', { class: 'panel' }, el('h2', { text: 'Frame log' }), frames.node));
  clear(app).append(...sections);
  apply(info.status);

  const events = new EventSource(`/console/api/devices/${encodeURIComponent(did)}/events`);
  events.addEventListener('status', (m) => apply(JSON.parse(m.data)));
  events.addEventListener('online', (m) => setOnline(JSON.parse(m.data).online));
  events.addEventListener('frame', (m) => frames.add(JSON.parse(m.data)));
  events.addEventListener('log', (m) => {
    const e = JSON.parse(m.data);
    logs.prepend(el('li', { class: 'log ' + e.level.toLowerCase(), 'data-level': e.level },
      el('time', { text: time(e.time) }), el('strong', { text: e.level }), el('code', { text: e.tag }), ' ', e.content,
      e.source ? el('span', { class: 'muted small', text: ' (' + e.source + ')' }) : null));
    while (logs.childElementCount > 300) logs.lastElementChild.remove();
  });
  events.addEventListener('ready', () => {
    // A page opened before any status was seen asks for one (0x0093 read; it shows in the frame log too).
    if (!info.status && product && device.online) read.click();
  }, { once: true });
  window.addEventListener('pagehide', () => events.close());
}

function settingsPanel(did) {
  const level = el('select', { id: 'settings-level', 'aria-label': 'Log level' },
    ...LEVELS.map((name, i) => el('option', { value: String(i), text: `${i} · ${name}` })));
  level.value = '2';
  const led = el('input', { type: 'checkbox', role: 'switch', id: 'settings-led', 'aria-label': 'Indicator LED', class: 'switch', checked: true });
  const state = el('p', { class: 'small', 'data-settings': '', 'aria-live': 'polite', text: 'The device starts at Warning with its LED on; it has no way to tell its settings, so this shows what was last confirmed.' });
  const error = el('p', { class: 'error small', role: 'alert', hidden: true });
  const apply = el('button', { type: 'button' }, 'Apply settings');
  apply.addEventListener('click', async () => {
    showError(error, null);
    apply.disabled = true;
    try {
      const r = await api('POST', `/devices/${encodeURIComponent(did)}/settings`, { logLevel: Number(level.value), led: led.checked });
      state.textContent = `0x0011 confirmed in ${r.rttMs} ms: log level ${r.logLevelName}, indicator LED ${r.led ? 'on' : 'off'}`;
      state.dataset.settings = `${r.logLevel},${r.led}`;
    } catch (e) { showError(error, e); } finally { apply.disabled = false; }
  });
  return el('section', { class: 'panel' }, el('h2', { text: 'Settings (0x0010)' }),
    el('div', { class: 'row' },
      el('label', { for: 'settings-level', text: 'Log level' }), level,
      el('label', { class: 'switch-row', for: 'settings-led' }, led, el('span', { text: 'Indicator LED' })),
      apply),
    state, error);
}
