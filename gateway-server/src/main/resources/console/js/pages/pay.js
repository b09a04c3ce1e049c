// A new payment. The card number and CVV live only in their two inputs, go out in one request,
// and are cleared from the page as soon as an answer (an outcome or a refusal) comes back. Only
// when there is no answer (network, 409 in flight, 429, 5xx) do they stay, for the retry.
//
// Idempotency: one key per submission. A double click, a second Enter or a retry after a lost
// answer reuses the key (the gateway then answers with the first outcome and never pays twice);
// changing the form, or an answer shown, starts a new one.

import {call, describe} from '../api.js';
import {clearFieldErrors, showFieldErrors} from '../field-errors.js';
import {announce, field, h, money, notice, selectField, showPage, statusBadge} from '../dom.js';

// The API's field names, in the order of the form.
const FIELDS = ['cardholdername', 'cardnumber', 'expirymonth', 'expiryyear', 'cvv', 'amount',
  'currency'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD'];

// A decimal as the user typed it, safe to put into JSON as a number literal: digits, at most one
// point. Anything else is sent as a JSON string, and the gateway says what is wrong with it.
const DECIMAL = /^\d{1,15}(\.\d{1,10})?$/;
const WHOLE = /^\d{1,4}$/;

export function payPage() {
  const year = new Date().getUTCFullYear();
  const form = h('form', {id: 'pay-form', class: 'card', novalidate: true},
    h('div', {id: 'pay-summary'}),
    field('cardholdername', 'Cardholder name', {autocomplete: 'off', required: true}),
    // autocomplete off: the merchant's browser must not offer to keep its customers' cards.
    field('cardnumber', 'Card number', {inputmode: 'numeric', autocomplete: 'off',
      required: true, spellcheck: 'false'}),
    h('div', {class: 'row'},
      selectField('expirymonth', 'Expiry month', Array.from({length: 12}, (_, i) => {
        const m = String(i + 1);
        return [m, m.padStart(2, '0')];
      })),
      field('expiryyear', 'Expiry year', {inputmode: 'numeric', autocomplete: 'off',
        required: true, value: String(year + 2), maxlength: '4'}),
      field('cvv', 'CVV', {inputmode: 'numeric', autocomplete: 'off', required: true,
        maxlength: '4', spellcheck: 'false'})),
    h('div', {class: 'row'},
      field('amount', 'Amount', {inputmode: 'decimal', autocomplete: 'off', required: true,
        placeholder: '42.50'}),
      selectField('currency', 'Currency', CURRENCIES.map(c => [c, c]))),
    h('button', {type: 'submit', class: 'primary', id: 'pay-button'}, 'Pay'));
  const result = h('div', {id: 'pay-result'});

  let key = null;
  let inFlight = false;
  // Any change makes a new payment of what follows: a new key on the next submission.
  form.addEventListener('input', () => { key = null; });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (inFlight) return;
    inFlight = true;
    key ??= newKey();
    const button = form.querySelector('#pay-button');
    button.disabled = true;
    button.textContent = 'Paying…';
    form.setAttribute('aria-busy', 'true');
    clearFieldErrors(form, form.querySelector('#pay-summary'));
    result.replaceChildren();
    const a = await call('/api/process', {method: 'POST', json: body(form),
      headers: {'Idempotency-Key': key}}).finally(() => {
      inFlight = false;
      button.disabled = false;
      button.textContent = 'Pay';
      form.removeAttribute('aria-busy');
    });
    if (a.status === 0 || a.status === 409 || a.status === 429 || a.status >= 500) {
      // No outcome yet: the form and its key stay as they are, so that paying again is a retry
      // of the same payment, which the gateway never charges twice.
      result.replaceChildren(notice('error', describe(a.problem),
        ' Paying again is safe: this payment will not be charged twice.'));
      announce('The payment has no answer yet.');
      return;
    }
    // An answer: the card number and CVV leave the page, and the next submission is a new payment.
    form.elements.cardnumber.value = '';
    form.elements.cvv.value = '';
    key = null;
    if (a.ok) {
      showOutcome(result, a.body, a.status);
      form.elements.amount.value = '';
      result.querySelector('h2').focus();
      return;
    }
    showFieldErrors(form, a.problem, {fields: FIELDS,
      summary: form.querySelector('#pay-summary'), fallback: form.elements.cardholdername});
  });

  showPage('New payment', form, result);
  form.elements.cardholdername.focus();
}

/** The request body: the user's texts as JSON strings, amount and expiry as number literals. */
function body(form) {
  const v = name => form.elements[name].value.trim();
  const number = (text, re) => re.test(text) ? text.replace(/^0+(?=\d)/, '') : JSON.stringify(text);
  return '{' + [
    `"cardholdername":${JSON.stringify(v('cardholdername'))}`,
    `"cardnumber":${JSON.stringify(v('cardnumber'))}`,
    `"expirymonth":${number(v('expirymonth'), WHOLE)}`,
    `"expiryyear":${number(v('expiryyear'), WHOLE)}`,
    `"cvv":${JSON.stringify(v('cvv'))}`,
    `"amount":${number(v('amount'), DECIMAL)}`,
    `"currency":${JSON.stringify(v('currency'))}`,
  ].join(',') + '}';
}

function showOutcome(result, p, status) {
  const title = {Authorised: 'Payment authorised', Declined: 'Payment declined',
    Failed: 'Payment failed', Unknown: 'Outcome not known yet'}[p.status] || p.status;
  const kind = p.status === 'Authorised' ? 'ok' : p.status === 'Unknown' ? 'info' : 'error';
  result.replaceChildren(h('section', {class: `outcome notice notice-${kind}`,
    'data-status': p.status, 'data-id': p.id},
    h('h2', {tabindex: '-1'}, title),
    h('p', {}, statusBadge(p.status), ' ', money(p.amount, p.currency), ' on card ',
      h('span', {class: 'mono'}, p.cardNumber),
      p.errorCode ? ` — the bank said: ${p.errorCode}` : ''),
    status === 202 ? h('p', {}, 'The bank did not answer in time. The gateway asks it again and',
      ' settles the payment; it will not be charged twice.') : null,
    h('p', {}, h('a', {href: `#/payments/${p.id}`, id: 'outcome-link'}, 'See this payment'))));
  announce(title);
}



/** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map(n => n.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
