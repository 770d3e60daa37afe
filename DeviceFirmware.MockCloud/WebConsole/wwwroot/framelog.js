// The live frame log of one device: everything M2M relayed for it, both directions, decoded as
// `gizctl frame decode` / `p0 decode` print it; malformed frames with their error. Pause, filter by command, copy hex.
import { el, time } from './api.js';

const KEEP = 500;
const COMMANDS = ['0x0010', '0x0011', '0x0012', '0x0090', '0x0091', '0x0092', '0x0093', '0x0094'];

export class FrameLog {
  constructor() {
    this.paused = false;
    this.held = [];
    this.filter = '';
    this.count = el('span', { class: 'muted small', text: '0 frames' });
    this.frames = 0;
    const pause = el('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, 'Pause');
    pause.addEventListener('click', () => {
      this.paused = !this.paused;
      pause.textContent = this.paused ? 'Resume' : 'Pause';
      pause.setAttribute('aria-pressed', String(this.paused));
      if (!this.paused) { this.held.forEach((f) => this.show(f)); this.held = []; }
    });
    const filter = el('select', { 'aria-label': 'Filter by command' },
      el('option', { value: '', text: 'all commands' }),
      ...COMMANDS.map((c) => el('option', { value: c, text: c })),
      el('option', { value: 'malformed', text: 'malformed' }));
    filter.addEventListener('change', () => { this.filter = filter.value; this.refilter(); });
    const clearButton = el('button', { type: 'button', class: 'secondary' }, 'Clear');
    clearButton.addEventListener('click', () => { this.list.replaceChildren(); this.frames = 0; this.count.textContent = '0 frames'; });
    this.list = el('ol', { class: 'frames', 'aria-label': 'Frame log' });
    this.node = el('div', { class: 'framelog' }, el('div', { class: 'row tools' }, pause, filter, clearButton, this.count), this.list);
  }

  add(frame) {
    if (this.paused) { this.held.push(frame); if (this.held.length > KEEP) this.held.shift(); return; }
    this.show(frame);
  }

  show(f) {
    const malformed = f.command === null;
    const copy = el('button', { type: 'button', class: 'link small', 'aria-label': 'Copy hex' }, 'copy hex');
    copy.addEventListener('click', () => copyText(f.hex, copy));
    const row = el('li', {
      class: 'frame ' + f.direction + (malformed || f.error ? ' malformed' : ''),
      'data-command': malformed ? 'malformed' : f.command,
    },
      el('div', { class: 'line' },
        el('time', { text: time(f.time) }),
        el('span', { class: 'dir', title: f.direction, text: f.direction === 'app2dev' ? '⇒ app2dev' : '⇐ dev2app' }),
        el('strong', { class: 'command', text: malformed ? 'malformed' : f.command }),
        f.sn !== null && f.sn !== undefined ? el('span', { class: 'sn', text: 'sn ' + f.sn }) : null,
        el('code', { class: 'topic', text: f.topic }),
        el('span', { class: 'muted small', text: 'from ' + f.sender })),
      f.error ? el('div', { class: 'frame-error', text: f.error }) : null,
      el('div', { class: 'hexline' }, el('code', { class: 'hex', text: f.hex }), copy),
      el('pre', { class: 'decoded', text: f.decoded + (f.p0 ? '\nP0 ' + f.p0 : '') }));
    row.hidden = !this.matches(row);
    this.list.prepend(row);
    while (this.list.childElementCount > KEEP) this.list.lastElementChild.remove();
    this.frames++;
    this.count.textContent = `${this.frames} frame${this.frames === 1 ? '' : 's'}`;
  }

  matches(row) { return !this.filter || row.dataset.command === this.filter; }

  refilter() { for (const row of this.list.children) row.hidden = !this.matches(row); }
}

function copyText(text, button) {
  const done = () => { button.textContent = 'copied'; setTimeout(() => { button.textContent = 'copy hex'; }, 1200); };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text, done));
  } else {
    fallbackCopy(text, done);
  }
}

function fallbackCopy(text, done) {
  const area = el('textarea', { class: 'offscreen', readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  try { document.execCommand('copy'); } catch { /* nothing to copy into */ }
  area.remove();
  done();
}
