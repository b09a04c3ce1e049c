// Payments that need the operator: those whose outcome is not settled (Pending or Unknown for too
// long), from GET /admin/payments/attention.

import {call, describe} from '../api.js';
import {h, money, notice, shortId, showPage, statusBadge, table, time} from '../dom.js';

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
      : table('Payments whose outcome is not settled', ['Created', 'Merchant', 'Amount', 'Status',
        'Bank', 'Bank reference'], list.map(p => h('tr', {},
        h('td', {}, time(p.createdAt)),
        h('td', {}, h('a', {href: `#/operator/merchants/${p.merchantId}`},
          shortId(p.merchantId))),
        h('td', {class: 'num'}, money(p.amount, p.currency)),
        h('td', {}, statusBadge(p.status)),
        h('td', {}, p.acquirer ?? '—'),
        h('td', {class: 'mono'}, p.acquirerReference ?? '—')))));
}
