// Signing in (a merchant with login and password, or the operator with the operator key) and out.

import {call, callAnonymous, describe} from '../api.js';
import {announce, field, h, notice, showPage} from '../dom.js';
import {session, signInMerchant, signInOperator, signOut} from '../session.js';

/** The login page; refused: why the page asked was not shown; wanted: where to go after. */
export function loginPage({refused, signedOut, wanted} = {}) {
  const merchantError = h('div', {id: 'merchant-login-error'});
  const operatorError = h('div', {id: 'operator-login-error'});

  const merchantForm = h('form', {id: 'merchant-login', class: 'card', novalidate: true},
    h('h2', {}, 'Merchant'),
    field('login', 'Login', {autocomplete: 'username', required: true}),
    field('password', 'Password', {type: 'password', autocomplete: 'current-password',
      required: true}),
    merchantError,
    h('button', {type: 'submit', class: 'primary'}, 'Sign in'));
  merchantForm.addEventListener('submit', async e => {
    e.preventDefault();
    const button = merchantForm.querySelector('button');
    const login = merchantForm.elements.login.value.trim();
    const password = merchantForm.elements.password;
    button.disabled = true;
    const a = await callAnonymous('/login',
      {json: JSON.stringify({login, password: password.value})});
    button.disabled = false;
    password.value = '';
    if (a.ok) {
      await endSession();
      signInMerchant(login, a.body);
      location.hash = wanted?.startsWith('#/pay') ? wanted : '#/payments';
      return;
    }
    merchantError.replaceChildren(notice('error', a.status === 401
      ? 'The login or the password is wrong.' : describe(a.problem)));
    password.focus();
  });

  const operatorForm = h('form', {id: 'operator-login', class: 'card', novalidate: true},
    h('h2', {}, 'Operator'),
    field('operatorKey', 'Operator key', {type: 'password', autocomplete: 'off', required: true,
      spellcheck: 'false'}),
    h('p', {class: 'hint'}, 'Printed by the gateway on its first start and kept in ',
      h('code', {}, 'data/operator.key'), '.'),
    operatorError,
    h('button', {type: 'submit', class: 'primary'}, 'Sign in as operator'));
  operatorForm.addEventListener('submit', async e => {
    e.preventDefault();
    const input = operatorForm.elements.operatorKey;
    const key = input.value.trim();
    const button = operatorForm.querySelector('button');
    button.disabled = true;
    // The key is checked by asking for an operator page with it.
    const a = await call('/admin/acquirers', {headers: {Authorization: 'Bearer ' + key}});
    button.disabled = false;
    input.value = '';
    if (a.ok) {
      await endSession();
      signInOperator(key);
      location.hash = wanted && wanted.startsWith('#/operator') ? wanted : '#/operator/live';
      return;
    }
    operatorError.replaceChildren(notice('error', a.status === 401 || a.status === 403
      ? 'This is not the operator key.' : describe(a.problem)));
    input.focus();
  });

  showPage('Sign in',
    refused ? notice('info', refused) : null,
    signedOut ? notice('ok', 'You have signed out.') : null,
    h('div', {class: 'two-columns'}, merchantForm, operatorForm));
  merchantForm.elements.login.focus();
}

/** Signs out: a merchant's refresh token (and with it the access token) is revoked first. */
export async function logout() {
  await endSession();
  history.replaceState(null, '', '#/login');
  loginPage({signedOut: true});
  announce('You have signed out.');
}

/** Ends the session on the server (a merchant's refresh token is revoked) and in the page. */
async function endSession() {
  const s = session();
  if (s?.role === 'merchant') {
    try {
      await call('/logout', {method: 'POST', json: JSON.stringify({refreshToken: s.refreshToken})});
    } catch (e) {
      // Signed out already (the session had ended): nothing left to revoke.
    }
  }
  signOut();
}
