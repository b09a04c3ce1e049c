// Live charts for the operator, from the gateway's own metrics (GET /metrics, Prometheus text):
// scraped every few seconds, each chart point being the change since the scrape before.

import {call, describe} from '../api.js';
import {lineChart} from '../chart.js';
import {h, notice, onLeave, showPage} from '../dom.js';
import {mean, parse, quantile, rates, sumBy} from '../prom.js';

export const INTERVAL_MS = 3000;
const PAYMENTS = 'paygate_payments_total';
const DURATION = 'paygate_payment_duration_seconds';
const IN_FLIGHT = 'paygate_payments_in_flight';

export async function livePage() {
  const first = await scrape();
  if (first.error) {
    showPage('Live', notice('error', first.error));
    return;
  }
  const throughput = lineChart({id: 'chart-throughput', title: 'Throughput',
    unit: 'payments per second'});
  const outcomes = lineChart({id: 'chart-outcomes', title: 'Outcomes',
    unit: 'payments per second'});
  const latency = lineChart({id: 'chart-latency', title: 'Latency, receipt to outcome',
    unit: 'milliseconds', format: v => v < 10 ? v.toFixed(1) : v.toFixed(0)});
  const totals = h('dl', {class: 'tiles', id: 'live-totals'});
  const status = h('p', {class: 'hint', id: 'live-status'});
  showPage('Live', h('p', {}, `Payments through this gateway, from its metrics, every ${
    INTERVAL_MS / 1000} seconds.`), totals, h('div', {class: 'charts'}, throughput.element,
    outcomes.element, latency.element), status);

  let before = first;
  showTotals(totals, first.data);
  const timer = setInterval(async () => {
    const now = await scrape();
    if (now.error) {
      status.replaceChildren(notice('error', now.error));
      return;
    }
    status.textContent = `Updated ${new Date(now.at).toLocaleTimeString()}.`;
    const seconds = (now.at - before.at) / 1000;
    const byOutcome = rates(before.data, now.data, seconds, PAYMENTS, 'outcome');
    throughput.add({all: Object.values(byOutcome).reduce((a, b) => a + b, 0)});
    outcomes.add(byOutcome);
    const ms = v => v === null ? null : v * 1000;
    latency.add({p50: ms(quantile(before.data, now.data, DURATION, 0.5)),
      p95: ms(quantile(before.data, now.data, DURATION, 0.95)),
      p99: ms(quantile(before.data, now.data, DURATION, 0.99)),
      mean: ms(mean(before.data, now.data, DURATION))});
    showTotals(totals, now.data);
    before = now;
  }, INTERVAL_MS);
  onLeave(() => clearInterval(timer));
}

async function scrape() {
  const a = await call('/metrics', {headers: {Accept: 'text/plain'}});
  if (!a.ok) return {status: a.status, error: describe(a.problem)};
  try {
    return {status: a.status, at: Date.now(), data: parse(a.body)};
  } catch (e) {
    return {status: a.status, error: 'The metrics could not be read: ' + e.message};
  }
}

function showTotals(el, data) {
  const byOutcome = sumBy(data, PAYMENTS, 'outcome');
  const total = Object.values(byOutcome).reduce((a, b) => a + b, 0);
  const inFlight = sumBy(data, IN_FLIGHT)[''];
  const tiles = [['Payments since start', total], ...Object.entries(byOutcome).sort()
    .map(([k, v]) => [cap(k), v]), ['At a bank now', inFlight ?? '—']];
  el.replaceChildren(...tiles.flatMap(([k, v]) => [h('div', {class: 'tile'}, h('dt', {}, k),
    h('dd', {}, typeof v === 'number' ? Math.round(v).toLocaleString() : v))]));
}

function cap(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
