// Payments that need the operator (GET /admin/payments/attention): an amount the bank echoed
// differently, or a Pending or Unknown outcome past the bank's timeout. Each can be settled by
// hand (POST /admin/payments/{id}/settle) once the operator has the outcome from the bank.

import {call, describe} from '../api.js';
import {clearFieldErrors, showFieldErrors} from '../field-errors.js';
import {announce, field, h, money, notice, routeParam, selectField, shortId, showPage,
  statusBadge, table, time} from '../dom.js';

const REASONS = {
  amount_mismatch: 'The bank echoed another amount or currency',
  pending_overdue: 'Still Pending, past the bank timeout',
  unknown_overdue: 'Outcome unknown, past the bank timeout',
};
const TITLE = 'Payments needing attention';
// The settle request's fields, in the order of the form.
const FIELDS = ['status', 'reason', 'operator'];

const LIST = '/admin/payments/attention';

export async function attentionPage(settled) {
  // A later page is the API's own next link (#/operator/attention?page=...), as on the history.
  const asked = routeParam('page');
  const a = await call(asked && asked.startsWith(LIST + '?') ? asked : `${LIST}?limit=50`);
  if (!a.ok) {
    showPage(TITLE, notice('error', describe(a.problem)));
    return;
  }
  const list = a.body;
  const form = h('div', {id: 'settle'});
  showPage(TITLE,
    settled ? notice('ok', settled) : null,
    list.length === 0 ? notice('ok', 'Nothing needs attention: every payment has its outcome.')
      : table('Payments whose outcome is not settled, oldest first', ['Created', 'Why',
        'Merchant', 'Amount', 'Status', 'Bank', 'Bank reference', ''], list.map(p => h('tr',
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
        h('td', {class: 'mono'}, p.acquirerReference ?? '—'),
        h('td', {}, h('button', {type: 'button', class: 'settle-button',
          'aria-label': `Settle the payment ending ${p.id.slice(-8)} by hand`,
          onclick: () => settleForm(form, p)}, 'Settle…'))))),
    a.next ? h('nav', {class: 'pager', 'aria-label': 'Pages of payments needing attention'},
      h('a', {href: '#/operator/attention?page=' + encodeURIComponent(a.next), id: 'older',
        class: 'button'}, 'More →')) : null,
    form);
}

/** The form for one payment: the status the bank gave, why, and who settles it. */
function settleForm(place, p) {
  const form = h('form', {id: 'settle-form', class: 'card', novalidate: true,
    'data-payment': p.id},
    h('h2', {tabindex: '-1'}, 'Settle by hand'),
    h('p', {}, statusBadge(p.status), ' ', money(p.amount, p.currency), ' on card ',
      h('span', {class: 'mono'}, p.cardNumber ?? '—'), ', payment ',
      h('span', {class: 'mono'}, p.id), '.'),
    h('p', {class: 'hint'}, 'Only once the bank has told you the outcome. A payment settled',
      ' by hand is final: the gateway no longer asks the bank, and the merchant sees it at once.'),
    h('div', {id: 'settle-summary'}),
    selectField('status', 'Outcome from the bank', [['', 'Choose…'], ['Authorised', 'Authorised'],
      ['Declined', 'Declined'], ['Failed', 'Failed']]),
    field('reason', 'Reason (how the bank confirmed it)', {autocomplete: 'off', maxlength: '300',
      placeholder: 'Piggy Bank confirmed it by phone, ref PB-77'}),
    field('operator', 'Your name (optional)', {autocomplete: 'off'}),
    h('p', {}, h('button', {type: 'submit', class: 'primary', id: 'settle-button'}, 'Settle'),
      ' ', h('button', {type: 'button', class: 'link-button', id: 'settle-cancel',
        onclick: () => place.replaceChildren()}, 'Cancel')));
  let inFlight = false;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (inFlight) return;
    inFlight = true;
    const button = form.querySelector('#settle-button');
    button.disabled = true;
    clearFieldErrors(form, form.querySelector('#settle-summary'));
    const v = name => form.elements[name].value.trim();
    // Empty fields are sent as they are: the gateway's field errors say what each needs.
    const body = {status: v('status'), reason: v('reason')};
    if (v('operator')) body.operator = v('operator');
    const a = await call(`/admin/payments/${encodeURIComponent(p.id)}/settle`,
      {method: 'POST', json: JSON.stringify(body)}).finally(() => {
      inFlight = false;
      button.disabled = false;
    });
    if (a.ok) {
      const text = `Payment …${p.id.slice(-8)} is settled as ${a.body.status}.`;
      await attentionPage(text);
      announce(text);
      return;
    }
    showFieldErrors(form, a.problem, {fields: FIELDS,
      summary: form.querySelector('#settle-summary'), fallback: form.elements.status});
  });
  place.replaceChildren(form);
  form.querySelector('h2').focus();
}


