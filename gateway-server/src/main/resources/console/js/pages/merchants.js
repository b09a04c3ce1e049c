// The merchants, for the operator: the list (GET /admin/merchants) and one merchant with its
// latest audit entries.

import {call, describe} from '../api.js';
import {announce, h, notice, routeParam, showPage, statusBadge, table, time} from '../dom.js';

const LIST = '/admin/merchants';

export async function merchantsPage() {
  const asked = routeParam('page');
  const url = asked && asked.startsWith(LIST + '?') ? asked : `${LIST}?limit=50`;
  const a = await call(url);
  if (!a.ok) {
    showPage('Merchants', notice('error', describe(a.problem)));
    return;
  }
  const list = a.body;
  showPage('Merchants',
    list.length === 0 ? notice('info', 'No merchants yet.')
      : table('Merchants', ['Name', 'Login', 'Acquiring bank', 'State', 'Created'],
        list.map(m => h('tr', {'data-merchant': m.id},
          h('th', {scope: 'row'}, h('a', {href: `#/operator/merchants/${m.id}`}, m.name)),
          h('td', {class: 'mono'}, m.login),
          h('td', {}, m.acquiringBanks.join(', ')),
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
    ['Acquiring bank', m.acquiringBanks.join(', ')],
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
    m ? null : notice('error', describe(one.problem)),
    facts,
    m ? actions(m) : null,
    h('h2', {}, 'Latest activity'),
    entries,
    h('p', {}, h('a', {href: `#/operator/audit?merchant=${encodeURIComponent(id)}`,
      id: 'merchant-audit'}, 'All audit entries of this merchant'), ' · ',
    h('a', {href: '#/operator/merchants'}, 'All merchants')));
}

/** The account's state as a word: Active, Disabled, or Locked (a login lockout in force). */
function state(m) {
  if (m.status === 'disabled') return 'Disabled';
  return m.lockedUntil ? 'Locked' : 'Active';
}

/**
 * Disable or enable, and unlock while a login lockout lasts: one audited POST each; the page then
 * shows the account as it is after.
 */
function actions(m) {
  const disabled = state(m) === 'Disabled';
  const result = h('div', {id: 'merchant-action-result'});
  const action = (verb, text, done, primary) => {
    const button = h('button', {type: 'button', id: verb, class: primary ? 'primary' : ''}, text);
    button.addEventListener('click', async () => {
      button.disabled = true;
      const a = await call(`${LIST}/${encodeURIComponent(m.id)}/${verb}`, {method: 'POST'});
      if (a.ok) {
        await merchantPage(m.id);
        announce(done);
      } else {
        button.disabled = false;
        result.replaceChildren(notice('error', describe(a.problem)));
      }
    });
    return button;
  };
  const buttons = [disabled
    ? action('enable', 'Enable this merchant', 'The merchant is enabled.', true)
    : action('disable', 'Disable this merchant',
      'The merchant is disabled: its sessions are revoked and it cannot sign in.', false)];
  if (m.lockedUntil) {
    buttons.push(' ', action('unlock', 'Unlock sign-in', 'The merchant can sign in again.',
      !disabled));
  }
  return h('section', {}, h('h2', {}, 'Account'),
    h('p', {class: 'hint'}, disabled ? 'A disabled merchant cannot sign in or pay.'
      : 'Disabling refuses the merchant\'s tokens at once and ends its sessions.'),
    m.lockedUntil ? h('p', {class: 'hint', id: 'locked-until'}, 'Sign-in is locked until ',
      time(m.lockedUntil), ', after too many wrong passwords in a row.') : null,
    h('p', {}, buttons), result);
}
