// Payments that need the operator (GET /admin/payments/attention): an amount the bank echoed
// differently, or a Pending or Unknown outcome past the bank's timeout.

import {call, describe} from '../api.js';
import {h, money, notice, shortId, showPage, statusBadge, table, time} from '../dom.js';

const REASONS = {
  amount_mismatch: 'The bank echoed another amount or currency',
  pending_overdue: 'Still Pending, past the bank timeout',
  unknown_overdue: 'Outcome unknown, past the bank timeout',
};

export async function attentionPage() {
  const a = await call('/admin/payments/attention?limit=50');
  if (a.status === 404 || a.status === 405) {
    showPage('Payments needing attention', notice('info', 'This gateway does not report payments',
      ' needing attention yet (it needs ', h('code', {}, 'GET /admin/payments/attention'), ').'));
    return;
  }
  if (!a.ok) {
    showPage('Payments needing attention', notice('error', describe(a.problem)));
    return;
  }
  const list = Array.isArray(a.body) ? a.body : a.body.payments || [];
  showPage('Payments needing attention',
    list.length === 0 ? notice('ok', 'Nothing needs attention: every payment has its outcome.')
      : table('Payments whose outcome is not settled, oldest first', ['Created', 'Why',
        'Merchant', 'Amount', 'Status', 'Bank', 'Bank reference'], list.map(p => h('tr',
        {'data-payment': p.id},
        h('td', {}, time(p.createdAt)),
        h('td', {}, REASONS[p.attention] ?? p.attention ?? '—',
          p.reconcileAttempts ? h('br') : null,
          p.reconcileAttempts ? h('span', {class: 'hint'},
            `${p.reconcileAttempts} look-up${p.reconcileAttempts === 1 ? '' : 's'} so far`) : null),
        h('td', {}, h('a', {href: `#/operator/merchants/${p.merchantId}`},
          shortId(p.merchantId))),
        h('td', {class: 'num'}, money(p.amount, p.currency)),
        h('td', {}, statusBadge(p.status)),
        h('td', {}, p.acquirer ?? '—'),
        h('td', {class: 'mono'}, p.acquirerReference ?? '—')))));
}
