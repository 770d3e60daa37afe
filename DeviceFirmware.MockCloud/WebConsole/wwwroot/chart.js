// A line chart of the numeric data points over time, drawn on a canvas by the page itself (no library). Each series
// is scaled to its own min..max from the product, so a temperature and a speed share one plot; the legend shows
// the latest values.
import { el } from './api.js';

const COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#ad1457'];
const KEEP = 600;

export class Chart {
  constructor(points) {
    this.series = points.map((p, i) => ({ point: p, colour: COLOURS[i % COLOURS.length], samples: [] }));
    this.canvas = el('canvas', { class: 'chart', role: 'img', 'aria-label': 'Chart of the numeric data points over time' });
    this.legend = el('ul', { class: 'legend' });
    this.node = el('div', { class: 'chart-box' }, this.canvas, this.legend);
    this.pending = false;
    new ResizeObserver(() => this.draw()).observe(this.canvas);
    this.drawLegend();
  }

  add(values, iso) {
    const t = iso ? Date.parse(iso) : Date.now();
    let changed = false;
    for (const s of this.series) {
      if (!(s.point.name in values)) continue;
      const v = Number(values[s.point.name]);
      if (!Number.isFinite(v)) continue;
      s.samples.push({ t, v });
      if (s.samples.length > KEEP) s.samples.shift();
      changed = true;
    }
    if (changed) { this.drawLegend(); this.schedule(); }
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  drawLegend() {
    this.legend.replaceChildren(...this.series.map((s) => {
      const last = s.samples.length ? s.samples[s.samples.length - 1].v : '—';
      return el('li', {}, el('span', { class: 'swatch', style: null, 'data-colour': s.colour }), `${s.point.displayName}: ${last}`);
    }));
    this.legend.querySelectorAll('.swatch').forEach((sw) => { sw.style.background = sw.dataset.colour; });
  }

  draw() {
    const canvas = this.canvas;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const all = this.series.flatMap((s) => s.samples);
    g.strokeStyle = '#ddd';
    g.lineWidth = 1;
    for (let i = 0; i <= 4; i++) {
      const y = 8 + ((height - 24) * i) / 4;
      g.beginPath(); g.moveTo(0, y); g.lineTo(width, y); g.stroke();
    }
    if (all.length === 0) {
      g.fillStyle = '#888';
      g.font = '13px sans-serif';
      g.fillText('waiting for data…', 8, height / 2);
      return;
    }
    const end = Math.max(...all.map((s) => s.t));
    const start = Math.min(Math.min(...all.map((s) => s.t)), end - 60000);
    const span = Math.max(1, end - start);
    const x = (t) => ((t - start) / span) * (width - 8) + 4;
    for (const s of this.series) {
      if (s.samples.length === 0) continue;
      const lo = Number(s.point.min);
      const hi = Number(s.point.max);
      const y = (v) => 8 + (height - 24) * (1 - (hi > lo ? (v - lo) / (hi - lo) : 0.5));
      g.strokeStyle = s.colour;
      g.lineWidth = 2;
      g.beginPath();
      s.samples.forEach((p, i) => {
        // A step line: a data point holds its value until the next status.
        if (i === 0) g.moveTo(x(p.t), y(p.v));
        else { g.lineTo(x(p.t), y(s.samples[i - 1].v)); g.lineTo(x(p.t), y(p.v)); }
      });
      g.lineTo(x(end), y(s.samples[s.samples.length - 1].v));
      g.stroke();
    }
    g.fillStyle = '#666';
    g.font = '11px sans-serif';
    g.fillText(`${Math.round(span / 1000)} s`, 4, height - 4);
  }
}
