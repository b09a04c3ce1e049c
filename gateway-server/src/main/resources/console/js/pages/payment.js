// One payment: its outcome, the masked card, the bank's reference, and its operations (captures,
// refunds) when the gateway reports them.

import {call, describe} from '../api.js';
import {h, money, notice, showPage, statusBadge, table, time} from '../dom.js';

export async function paymentPage(id) {
  const a = await call(`/api/history/${encodeURIComponent(id)}`);
  if (!a.ok) {
    showPage('Payment', notice('error', a.status === 404 ? 'There is no payment with this id.'
      : describe(a.problem)), back());
    return;
  }
  const p = a.body;
  const facts = [
    ['Status', statusBadge(p.status)],
    ['Amount', money(p.amount, p.currency)],
    ['Card', h('span', {class: 'mono', id: 'detail-card'}, p.cardNumber)],
    ['Expiry', `${String(p.expiryMonth).padStart(2, '0')}/${p.expiryYear}`],
    ['Cardholder', p.cardHolderName],
    ['Bank reference', h('span', {class: 'mono', id: 'detail-reference'},
      p.acquirerReference ?? '—')],
    ['Bank', p.acquirer ?? '—'],
    ["Bank's answer", p.acquirerStatus ?? '—'],
    ['Error code', p.errorCode ?? '—'],
    ['Created', time(p.createdAt)],
    ['Processed', time(p.processedAt)],
    ['Payment id', h('span', {class: 'mono', id: 'detail-id'}, p.id)],
  ];
  showPage(`Payment of ${money(p.amount, p.currency)}`,
    h('dl', {class: 'facts'}, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    operations(p.operations),
    back());
}

function operations(list) {
  if (!Array.isArray(list)) return null;
  if (list.length === 0) {
    return h('section', {}, h('h2', {}, 'Operations'), h('p', {}, 'No capture or refund yet.'));
  }
  return h('section', {}, h('h2', {}, 'Operations'),
    table('Captures, refunds and voids of this payment', ['Created', 'Kind', 'Amount', 'Status',
      'Bank reference'], list.map(o => h('tr', {},
      h('td', {}, time(o.createdAt)),
      h('td', {}, o.type ?? o.kind ?? '—'),
      h('td', {class: 'num'}, o.amount === undefined ? '—' : money(o.amount, o.currency)),
      h('td', {}, statusBadge(o.status)),
      h('td', {class: 'mono'}, o.acquirerReference ?? '—')))));
}

function back() {
  return h('p', {}, h('a', {href: '#/payments', id: 'back-to-payments'}, '← All payments'));
}
