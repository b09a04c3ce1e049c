// A small SVG line chart: several named series over the last points, a y axis from 0 to a round
// maximum, and a legend. Each series has its own colour and dash pattern, so colour is never the
// only cue; the latest values are also written out as text beside the chart.

import {h} from './dom.js';

// The view box is about the size the chart is drawn at (a 20rem column, 12rem high): the SVG
// stretches to its box, and a much wider view box would squash the axis text.
const W = 320;
const H = 190;
const PAD = {left: 40, right: 8, top: 10, bottom: 22};
const STYLES = [
  ['#1d4ed8', ''], ['#b91c1c', '6 4'], ['#15803d', '2 3'], ['#b45309', '10 3 2 3'],
  ['#7e22ce', '4 2'], ['#374151', '1 2'],
];

/**
 * A chart that keeps the last {@code points} values of each series. add(values) appends one
 * point ({series: number or null}); the element is .element.
 */
export function lineChart({id, title, unit, points = 60, format = v => v.toFixed(1)}) {
  const series = new Map();
  let count = 0;
  const svg = h('svg:svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title`,
    class: 'chart', preserveAspectRatio: 'none'});
  const legend = h('ul', {class: 'legend', 'aria-label': `${title}: latest values`});
  const element = h('figure', {class: 'chart-card card', id},
    h('figcaption', {id: `${id}-title`}, title, h('span', {class: 'unit'}, ` (${unit})`)),
    svg, legend);

  function add(values) {
    count++;
    for (const [name, v] of Object.entries(values)) {
      if (!series.has(name)) series.set(name, new Array(Math.max(0, count - 1)).fill(null));
    }
    for (const [name, list] of series) {
      list.push(values[name] ?? null);
      while (list.length > points) list.shift();
    }
    draw();
  }

  function draw() {
    const all = [...series.values()].flat().filter(v => v !== null && Number.isFinite(v));
    const max = niceMax(Math.max(0, ...all));
    const x = i => PAD.left + (W - PAD.left - PAD.right) * (i / Math.max(1, points - 1));
    const y = v => H - PAD.bottom - (H - PAD.top - PAD.bottom) * (max ? v / max : 0);
    const parts = [];
    for (const f of [0, 0.5, 1]) {
      const v = max * f;
      parts.push(h('svg:line', {x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v),
        class: 'grid'}));
      parts.push(h('svg:text', {x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end',
        class: 'axis'}, format(v)));
    }
    parts.push(h('svg:text', {x: PAD.left, y: H - 6, class: 'axis'}, `${points} samples ago`));
    parts.push(h('svg:text', {x: W - PAD.right, y: H - 6, 'text-anchor': 'end', class: 'axis'},
      'now'));
    let i = 0;
    const items = [];
    for (const [name, list] of series) {
      const [colour, dash] = STYLES[i++ % STYLES.length];
      const offset = points - list.length;
      let d = '';
      list.forEach((v, j) => {
        if (v === null || !Number.isFinite(v)) return;
        d += `${d && list[j - 1] !== null ? 'L' : 'M'}${x(offset + j).toFixed(1)},${y(v).toFixed(1)}`;
      });
      parts.push(h('svg:path', {d: d || 'M0,0', fill: 'none', stroke: colour, 'stroke-width': 2.5,
        'stroke-dasharray': dash || null, 'data-series': name}));
      // A value with no neighbour (the first point, or one between gaps) is a dot: a path of
      // one point draws nothing.
      list.forEach((v, j) => {
        const near = k => k >= 0 && k < list.length && list[k] !== null && Number.isFinite(list[k]);
        if (near(j) && !near(j - 1) && !near(j + 1)) {
          parts.push(h('svg:circle', {cx: x(offset + j).toFixed(1), cy: y(v).toFixed(1), r: 3,
            fill: colour, 'data-point': name}));
        }
      });
      const last = [...list].reverse().find(v => v !== null);
      items.push(h('li', {}, h('svg:svg', {viewBox: '0 0 24 8', width: 24, height: 8,
        'aria-hidden': 'true'}, h('svg:line', {x1: 0, x2: 24, y1: 4, y2: 4, stroke: colour,
        'stroke-width': 3, 'stroke-dasharray': dash || null})), ` ${name}: `,
      h('strong', {}, last === undefined ? '—' : format(last))));
    }
    svg.replaceChildren(h('svg:title', {}, title), ...parts);
    legend.replaceChildren(...(items.length ? items : [h('li', {}, 'No data yet.')]));
  }

  draw();
  return {element, add};
}

/** 1, 2 or 5 times a power of ten, at least v (1 when v is 0). */
function niceMax(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map(m => m * p).find(m => m >= v);
}
