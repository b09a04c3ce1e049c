// One payment (GET /api/payments/{id}): its outcome, the masked card, the bank's reference, what
// was captured and refunded and what still can be, and its operations (captures, voids, refunds,
// technical cancels). Totals and operation amounts come in minor units and are shown in major
// units by minorMoney (string arithmetic, never floating point).

import {call, describe} from '../api.js';
import {h, minorMoney, money, notice, showPage, statusBadge, table, time} from '../dom.js';

export async function paymentPage(id) {
  const a = await call(`/api/payments/${encodeURIComponent(id)}`);
  if (!a.ok) {
    showPage('Payment', notice('error', a.status === 404 ? 'There is no payment with this id.'
      : describe(a.problem)), back());
    return;
  }
  const p = a.body;
  const minor = (field, amount) => h('span', {class: 'num', id: `detail-${field}`},
    amount === undefined || amount === null ? '—' : minorMoney(amount, p.currency));
  const facts = [
    ['Status', statusBadge(p.status)],
    ['Amount', money(p.amount, p.currency)],
    ['Captured', minor('captured', p.capturedAmount)],
    ['Refunded', minor('refunded', p.refundedAmount)],
    ['Still capturable', minor('capturable', p.capturableAmount)],
    ['Still refundable', minor('refundable', p.refundableAmount)],
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
    operations(p.operations ?? []),
    back());
}

function operations(list) {
  if (list.length === 0) {
    return h('section', {}, h('h2', {}, 'Operations'),
      h('p', {id: 'no-operations'}, 'No capture, void or refund yet.'));
  }
  return h('section', {}, h('h2', {}, 'Operations'),
    table('Captures, voids and refunds of this payment, oldest first',
      ['Created', 'Kind', 'Amount', 'Status', 'Bank reference', 'Error code'],
      list.map(o => h('tr', {class: 'operation', 'data-id': o.id, 'data-type': o.type},
        h('td', {}, time(o.createdAt)),
        h('td', {}, o.type ?? '—'),
        h('td', {class: 'num'}, minorMoney(o.amount, o.currency)),
        h('td', {}, statusBadge(o.status)),
        h('td', {class: 'mono'}, o.acquirerReference ?? '—'),
        h('td', {}, o.errorCode ?? '—')))));
}

function back() {
  return h('p', {}, h('a', {href: '#/payments', id: 'back-to-payments'}, '← All payments'));
}
