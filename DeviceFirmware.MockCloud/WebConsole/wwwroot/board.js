// The simulated board panel: pins and levels, the button, the climate sensor. Every request goes to the console's
// server, which relays it to the board's control API (the page never talks to the board).
import { api, el, showError } from './api.js';

export class BoardPanel {
  constructor(did) {
    this.base = `/devices/${encodeURIComponent(did)}/board`;
    this.error = el('p', { class: 'error small', role: 'alert', hidden: true });
    this.pins = el('table', { class: 'pins' });
    this.sensorState = el('p', { class: 'small', 'data-sensor': '' });
    this.temperature = el('input', { id: 'board-temperature', type: 'number', step: '0.1', value: '25' });
    this.humidity = el('input', { id: 'board-humidity', type: 'number', step: '1', value: '40' });
    const setSensor = el('button', { type: 'button' }, 'Set sensor');
    setSensor.addEventListener('click', () => this.change('PUT', '/sensor', { temperature: Number(this.temperature.value), humidity: Number(this.humidity.value) }));
    const fail = el('button', { type: 'button', class: 'secondary' }, 'Fail sensor');
    fail.addEventListener('click', () => this.change('POST', '/sensor/fail'));
    const recover = el('button', { type: 'button', class: 'secondary' }, 'Recover sensor');
    recover.addEventListener('click', () => this.change('POST', '/sensor/recover'));
    this.node = el('div', { class: 'board' },
      this.pins,
      el('div', { class: 'sensor' },
        el('label', { for: 'board-temperature', text: 'Temperature (°C)' }), this.temperature,
        el('label', { for: 'board-humidity', text: 'Humidity (%)' }), this.humidity,
        el('div', { class: 'row' }, setSensor, fail, recover),
        this.sensorState),
      this.error);
    this.refresh();
    this.timer = setInterval(() => this.refresh(), 1000);
    window.addEventListener('pagehide', () => clearInterval(this.timer));
  }

  async change(method, path, body) {
    showError(this.error, null);
    try {
      await api(method, this.base + path, body);
      await this.refresh();
    } catch (e) { showError(this.error, e); }
  }

  async refresh() {
    let board;
    try { board = await api('GET', this.base); } catch (e) { showError(this.error, e); return; }
    const rows = [el('tr', {}, el('th', { text: 'GPIO' }), el('th', { text: 'mode' }), el('th', { text: 'level' }), el('th', { text: '' }))];
    for (const pin of board.pins) {
      const input = pin.mode.startsWith('input');
      const level = pin.mode === 'pwm' ? `duty ${Math.round((pin.duty || 0) * 100)} %` : (pin.level ? 'high' : 'low');
      const actions = el('td', {});
      if (input) {
        const press = el('button', { type: 'button', class: 'small', 'aria-label': `Press GPIO${pin.pin}` }, 'Press');
        press.addEventListener('click', () => this.change('POST', `/pins/${pin.pin}/press`));
        const release = el('button', { type: 'button', class: 'small secondary', 'aria-label': `Release GPIO${pin.pin}` }, 'Release');
        release.addEventListener('click', () => this.change('POST', `/pins/${pin.pin}/release`));
        actions.append(press, ' ', release);
      }
      rows.push(el('tr', { 'data-pin': pin.pin, 'data-level': pin.level ? 'high' : 'low' },
        el('td', { text: 'GPIO' + pin.pin }), el('td', { text: pin.mode }), el('td', { class: pin.level ? 'high' : 'low', text: level }), actions));
    }
    // Rebuilt only when something changed, so a button is not replaced under the pointer for nothing.
    const signature = JSON.stringify(board);
    if (signature !== this.signature) {
      this.signature = signature;
      this.pins.replaceChildren(...rows);
      const s = board.sensor;
      this.sensorState.textContent = s ? `sensor: ${s.temperature} °C, ${s.humidity} %, ${s.failed ? 'FAILED (' + s.fault + ')' : 'working'}, ${s.measurements} measurements` : 'sensor: none';
    }
  }
}
