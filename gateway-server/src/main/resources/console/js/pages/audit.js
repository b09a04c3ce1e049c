// The audit log for the operator: filters (merchant, event, outcome, time) kept in the address,
// pages following the API's Link header.

import {call, describe} from '../api.js';
import {field, h, notice, routeParam, shortId, showPage, table, time} from '../dom.js';

const EVENTS = ['login', 'login.lockout', 'logout', 'token.refresh', 'token.reuse',
  'merchant.created', 'payment.received', 'payment.sent', 'payment.answered',
  'payment.reconciled', 'payment.failover', 'payment.flagged', 'error'];
const FILTERS = ['merchant', 'event', 'outcome', 'from', 'to'];

export async function auditPage() {
  const filters = Object.fromEntries(FILTERS.map(f => [f, routeParam(f) || '']));
  const asked = routeParam('page');
  const url = asked && asked.startsWith('/admin/audit?') ? asked : firstPage(filters);

  const form = h('form', {id: 'audit-filters', class: 'card filters', novalidate: true},
    h('h2', {}, 'Filters'),
    h('div', {class: 'row'},
      field('merchant', 'Merchant id', {value: filters.merchant, spellcheck: 'false',
        placeholder: 'any'}),
      field('event', 'Event', {value: filters.event, list: 'audit-events', placeholder: 'any'}),
      field('outcome', 'Outcome', {value: filters.outcome, placeholder: 'any'})),
    h('datalist', {id: 'audit-events'}, EVENTS.map(e => h('option', {value: e}))),
    h('div', {class: 'row'},
      field('from', 'From (UTC)', {type: 'datetime-local', step: '1', value: local(filters.from)}),
      field('to', 'To (UTC)', {type: 'datetime-local', step: '1', value: local(filters.to)})),
    h('p', {class: 'actions'},
      h('button', {type: 'submit', class: 'primary'}, 'Show'), ' ',
      h('a', {href: '#/operator/audit', class: 'button'}, 'Clear')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const f of FILTERS) {
      let v = form.elements[f].value.trim();
      if ((f === 'from' || f === 'to') && v) v = utc(v);
      if (v) q.set(f, v);
    }
    const next = '#/operator/audit' + (q.toString() ? '?' + q : '');
    if (location.hash === next) auditPage();
    else location.hash = next;
  });

  const a = await call(url);
  let content;
  if (!a.ok) {
    content = notice('error', describe(a.problem));
  } else if (a.body.length === 0) {
    content = notice('info', 'No audit entries match.');
  } else {
    content = table('Audit entries, newest first', ['Time', 'Event', 'Outcome', 'Merchant',
      'Payment', 'Origin', 'Detail'], a.body.map(e => h('tr', {'data-event': e.event},
      h('td', {}, time(e.occurredAt)),
      h('td', {}, e.event),
      h('td', {}, e.outcome ?? '—'),
      h('td', {}, e.merchantId ? h('a', {href: `#/operator/merchants/${e.merchantId}`},
        shortId(e.merchantId)) : '—'),
      h('td', {}, shortId(e.paymentId)),
      h('td', {class: 'mono'}, e.origin ?? '—'),
      h('td', {class: 'wrap'}, e.detail ?? ''))));
  }
  const pager = a.next ? h('nav', {class: 'pager', 'aria-label': 'Pages of audit entries'},
    h('a', {href: pageHref(filters, a.next), id: 'older', class: 'button'}, 'Older →')) : null;
  showPage('Audit log', form, content, pager);
}

function firstPage(filters) {
  const q = new URLSearchParams({limit: '50'});
  for (const f of FILTERS) if (filters[f]) q.set(f, filters[f]);
  return '/admin/audit?' + q;
}

function pageHref(filters, apiUrl) {
  const q = new URLSearchParams();
  for (const f of FILTERS) if (filters[f]) q.set(f, filters[f]);
  q.set('page', apiUrl);
  return '#/operator/audit?' + q;
}

// datetime-local inputs hold a time without a zone; the console reads and writes them as UTC.
function local(iso) {
  return iso ? iso.replace(/Z$/, '').replace(/\.\d+$/, '') : '';
}

function utc(value) {
  const withSeconds = /T\d\d:\d\d$/.test(value) ? value + ':00' : value;
  return withSeconds + 'Z';
}
