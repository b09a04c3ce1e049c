// The merchants, for the operator: the list (GET /admin/merchants) and one merchant with its
// latest audit entries.

import {call, describe} from '../api.js';
import {h, notice, routeParam, showPage, statusBadge, table, time} from '../dom.js';

const LIST = '/admin/merchants';

export async function merchantsPage() {
  const asked = routeParam('page');
  const url = asked && asked.startsWith(LIST + '?') ? asked : `${LIST}?limit=50`;
  const a = await call(url);
  if (a.status === 404 || a.status === 405) {
    showPage('Merchants', waiting());
    return;
  }
  if (!a.ok) {
    showPage('Merchants', notice('error', describe(a.problem)));
    return;
  }
  const list = Array.isArray(a.body) ? a.body : a.body.merchants || [];
  showPage('Merchants',
    list.length === 0 ? notice('info', 'No merchants yet.')
      : table('Merchants', ['Name', 'Login', 'Acquiring bank', 'State', 'Created'],
        list.map(m => h('tr', {'data-merchant': m.id},
          h('th', {scope: 'row'}, h('a', {href: `#/operator/merchants/${m.id}`}, m.name)),
          h('td', {class: 'mono'}, m.login),
          h('td', {}, (m.acquiringBanks || [m.acquiringBank]).filter(Boolean).join(', ')),
          h('td', {}, statusBadge(state(m))),
          h('td', {}, time(m.createdAt))))),
    a.next ? h('nav', {class: 'pager', 'aria-label': 'Pages of merchants'},
      h('a', {href: '#/operator/merchants?page=' + encodeURIComponent(a.next), id: 'older',
        class: 'button'}, 'More →')) : null);
}

export async function merchantPage(id) {
  const [one, audit] = await Promise.all([
    call(`${LIST}/${encodeURIComponent(id)}`),
    call(`/admin/audit?limit=20&merchant=${encodeURIComponent(id)}`)]);
  const m = one.ok ? one.body : null;
  const pairs = m ? [['Name', m.name], ['Login', m.login],
    ['Acquiring bank', (m.acquiringBanks || [m.acquiringBank]).filter(Boolean).join(', ')],
    ['State', statusBadge(state(m))], ['Created', time(m.createdAt)]] : [];
  pairs.push(['Merchant id', h('span', {class: 'mono', id: 'merchant-id'}, id)]);
  const facts = h('dl', {class: 'facts'}, pairs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  const entries = audit.ok ? (audit.body.length === 0 ? h('p', {}, 'No audit entries yet.')
    : table('Latest audit entries of this merchant', ['Time', 'Event', 'Outcome', 'Detail'],
      audit.body.map(e => h('tr', {'data-event': e.event}, h('td', {}, time(e.occurredAt)),
        h('td', {}, e.event), h('td', {}, e.outcome ?? '—'),
        h('td', {class: 'wrap'}, e.detail ?? '')))))
    : notice('error', describe(audit.problem));
  showPage(m ? `Merchant ${m.name}` : 'Merchant',
    facts,
    h('h2', {}, 'Latest activity'),
    entries,
    h('p', {}, h('a', {href: `#/operator/audit?merchant=${encodeURIComponent(id)}`,
      id: 'merchant-audit'}, 'All audit entries of this merchant'), ' · ',
    h('a', {href: '#/operator/merchants'}, 'All merchants')));
}

function state(m) {
  if (m.status) return m.status;
  if (m.disabled === true || m.enabled === false) return 'Disabled';
  return 'Active';
}

function waiting() {
  return notice('info', 'This gateway does not list merchants yet (it needs ',
    h('code', {}, 'GET /admin/merchants'), '). A merchant\'s activity is in the ',
    h('a', {href: '#/operator/audit?event=merchant.created'}, 'audit log'), '.');
}
