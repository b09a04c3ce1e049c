// The merchant's payments, newest first, a page at a time. Paging follows the API's cursor as
// given in the Link header; the page being shown is kept in the address (#/payments?page=...)
// so that the browser's Back button from a payment returns to it.

import {call, describe} from '../api.js';
import {h, money, notice, routeParam, showPage, statusBadge, table, time} from '../dom.js';

export const PAGE_SIZE = 20;
const FIRST = `/api/history?limit=${PAGE_SIZE}`;

// The pages seen before the one shown, for "Newer": the API's cursor only goes forward.
let trail = [];

export async function historyPage() {
  const asked = routeParam('page');
  // Only the history's own links are followed: the address bar is not trusted with a URL.
  const url = asked && asked.startsWith('/api/history?') ? asked : FIRST;
  if (url === FIRST) trail = [];
  const i = trail.indexOf(url);
  if (i >= 0) trail = trail.slice(0, i);

  const a = await call(url);
  if (!a.ok) {
    showPage('Payments', notice('error', describe(a.problem)));
    return;
  }
  const payments = a.body;
  const rows = payments.map(p => h('tr', {},
    h('td', {}, h('a', {href: `#/payments/${p.id}`, class: 'payment-link', 'data-id': p.id},
      time(p.createdAt))),
    h('td', {class: 'num'}, money(p.amount, p.currency)),
    h('td', {}, statusBadge(p.status)),
    h('td', {class: 'mono'}, p.cardNumber),
    h('td', {}, p.cardHolderName),
    h('td', {class: 'mono'}, p.acquirerReference ?? '—')));

  const previous = trail.length ? trail[trail.length - 1] : null;
  const pager = h('nav', {class: 'pager', 'aria-label': 'Pages of payments'},
    previous !== null ? h('a', {href: pageHref(previous), id: 'newer', class: 'button',
      onclick: () => { trail.pop(); }}, '← Newer') : null,
    a.next ? h('a', {href: pageHref(a.next), id: 'older', class: 'button',
      onclick: () => { trail.push(url); }}, 'Older →') : null);

  showPage('Payments',
    h('p', {class: 'actions'}, h('a', {href: '#/pay', class: 'button primary'}, 'New payment')),
    payments.length === 0
      ? notice('info', trail.length ? 'No older payments.' : 'No payments yet.')
      : table(`Payments, newest first (page ${trail.length + 1})`,
        ['Created', 'Amount', 'Status', 'Card', 'Cardholder', 'Bank reference'], rows),
    pager);
}

function pageHref(apiUrl) {
  return apiUrl === FIRST ? '#/payments' : '#/payments?page=' + encodeURIComponent(apiUrl);
}
