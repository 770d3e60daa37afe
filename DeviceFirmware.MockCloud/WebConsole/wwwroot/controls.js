// Data point cards generated from the product definition: a live value in [data-point][data-value] (the text
// `gizctl p0 decode` prints) and, for writable points, a control named after the point.
import { api, el } from './api.js';

export class DataPoints {
  constructor(did, product, onReply) {
    this.did = did;
    this.product = product;
    this.onReply = onReply;
    this.cards = new Map();
    this.values = {};
    this.node = el('div', { class: 'points' });
    for (const point of product.points) this.node.append(this.card(point));
  }

  card(point) {
    const output = el('output', { class: 'value', 'data-point': point.name, 'data-value': '', 'aria-label': point.name + ' value', text: '—' });
    const card = el('section', { class: 'card point ' + point.type, 'data-type': point.type, 'aria-label': point.displayName },
      el('div', { class: 'head' },
        el('span', { class: 'name', text: point.displayName }),
        point.displayName !== point.name ? el('code', { class: 'muted', text: point.name }) : null,
        el('span', { class: 'kind', text: point.type === 'writable' ? point.dataType : point.type })),
      output);
    const entry = { point, card, output, control: null, set: null };
    if (point.type === 'writable') this.addControl(entry);
    this.cards.set(point.name, entry);
    return card;
  }

  addControl(entry) {
    const { point } = entry;
    const send = (text) => this.write(entry, text);
    if (point.dataType === 'bool') {
      const sw = el('input', { type: 'checkbox', role: 'switch', 'aria-label': point.name, class: 'switch' });
      sw.addEventListener('change', () => send(sw.checked ? 'true' : 'false'));
      entry.control = sw;
      entry.set = (v) => { sw.checked = v === 'true'; };
      entry.card.append(el('label', { class: 'switch-row' }, sw, el('span', { text: 'on' })));
    } else if (point.dataType === 'enum') {
      const select = el('select', { 'aria-label': point.name });
      point.enum.forEach((label, i) => select.append(el('option', { value: String(i), text: `${i} · ${label}` })));
      select.addEventListener('change', () => send(select.value));
      entry.control = select;
      entry.set = (v) => { select.value = v; };
      entry.card.append(select);
    } else if (point.dataType === 'number') {
      const range = el('input', { type: 'range', min: point.min, max: point.max, step: point.step, 'aria-label': point.name });
      const number = el('input', { type: 'number', min: point.min, max: point.max, step: point.step, 'aria-label': point.name + ' number', class: 'number' });
      range.addEventListener('input', () => { number.value = range.value; });
      range.addEventListener('change', () => send(range.value));
      number.addEventListener('change', () => { range.value = number.value; send(number.value); });
      entry.control = range;
      entry.set = (v) => {
        if (document.activeElement !== range) range.value = v;
        if (document.activeElement !== number) number.value = v;
      };
      entry.card.append(el('div', { class: 'row slider' }, range, number),
        el('span', { class: 'muted small', text: `${point.min} … ${point.max}, step ${point.step}` }));
    } else {
      const hex = el('input', { 'aria-label': point.name, placeholder: `${point.length} bytes in hex`, spellcheck: 'false', class: 'hex' });
      const button = el('button', { type: 'button', class: 'secondary', 'aria-label': 'Write ' + point.name }, 'Write');
      button.addEventListener('click', () => send(hex.value));
      entry.control = hex;
      entry.set = (v) => { if (document.activeElement !== hex) hex.value = v; };
      entry.card.append(el('div', { class: 'row' }, hex, button));
    }
    entry.error = el('p', { class: 'error small', role: 'alert', hidden: true });
    entry.card.append(entry.error);
  }

  async write(entry, text) {
    const { point } = entry;
    entry.error.hidden = true;
    entry.card.classList.add('pending');
    if (entry.control) entry.control.disabled = true;
    let reply = null;
    try {
      reply = await api('POST', `/devices/${encodeURIComponent(this.did)}/write`, { values: { [point.name]: text } });
    } catch (e) {
      entry.error.textContent = e.message;
      entry.error.hidden = false;
      // Back to the last confirmed value: the control shows what the device has, not what was asked.
      if (entry.set && point.name in this.values) entry.set(this.values[point.name]);
    } finally {
      entry.card.classList.remove('pending');
      if (entry.control) entry.control.disabled = false;
    }
    if (reply) this.onReply(reply, `write ${point.name}=${text}`);
  }

  apply(values) {
    for (const [name, text] of Object.entries(values || {})) {
      const entry = this.cards.get(name);
      if (!entry) continue;
      this.values[name] = text;
      const { point, output, card } = entry;
      output.dataset.value = text;
      output.textContent = point.dataType === 'enum' ? `${text} · ${point.enum[Number(text)] ?? '?'}` : text;
      if (point.type === 'alert' || point.type === 'fault') {
        const raised = text === 'true';
        card.classList.toggle('raised', raised);
        output.textContent = raised ? (point.type === 'alert' ? 'ALERT' : 'FAULT') + ' (true)' : 'false';
      }
      if (entry.set && !card.classList.contains('pending')) entry.set(text);
    }
  }
}
