// The console's shell: a hash router (#/payments, #/payments/<id>, #/operator/audit ...) that
// keeps the session in memory across pages, and the navigation for the signed-in role.

import {Abandoned, SignedOut, newPage} from './api.js';
import {h, leavePage, notice, showPage} from './dom.js';
import {onChange, session} from './session.js';
import {loginPage, logout} from './pages/login.js';
import {historyPage} from './pages/history.js';
import {paymentPage} from './pages/payment.js';
import {payPage} from './pages/pay.js';
import {acquirersPage} from './pages/acquirers.js';
import {auditPage} from './pages/audit.js';
import {merchantsPage, merchantPage} from './pages/merchants.js';
import {attentionPage} from './pages/attention.js';
import {livePage} from './pages/live.js';

const MERCHANT_NAV = [
  ['#/payments', 'Payments'],
  ['#/pay', 'New payment'],
];
const OPERATOR_NAV = [
  ['#/operator/live', 'Live'],
  ['#/operator/merchants', 'Merchants'],
  ['#/operator/acquirers', 'Acquirers'],
  ['#/operator/audit', 'Audit log'],
  ['#/operator/attention', 'Needs attention'],
];

// Each route: a pattern over the hash's path, the role it needs, and the page.
const ROUTES = [
  [/^\/login$/, null, loginPage],
  [/^\/payments$/, 'merchant', historyPage],
  [/^\/payments\/([0-9a-fA-F-]{36})$/, 'merchant', paymentPage],
  [/^\/pay$/, 'merchant', payPage],
  [/^\/operator\/live$/, 'operator', livePage],
  [/^\/operator\/merchants$/, 'operator', merchantsPage],
  [/^\/operator\/merchants\/([0-9a-fA-F-]{36})$/, 'operator', merchantPage],
  [/^\/operator\/acquirers$/, 'operator', acquirersPage],
  [/^\/operator\/audit$/, 'operator', auditPage],
  [/^\/operator\/attention$/, 'operator', attentionPage],
];

function home(s) {
  if (!s) return '#/login';
  return s.role === 'merchant' ? '#/payments' : '#/operator/live';
}

async function route() {
  leavePage();
  newPage();
  const hash = location.hash.replace(/^#/, '') || '/';
  const path = hash.split('?')[0];
  const s = session();
  const match = ROUTES.map(([re, role, page]) => [path.match(re), role, page]).find(([m]) => m);
  if (!match) {
    location.replace(home(s));
    return;
  }
  const [m, role, page] = match;
  if (role && s?.role !== role) {
    // Signed out, or signed in as the other role: the login page says why.
    loginPage({refused: s ? `This page is for the ${role}.` : 'Please sign in to see this page.',
      wanted: role && !s ? location.hash : null});
    return;
  }
  if (!role && s && path === '/login') {
    location.replace(home(s));
    return;
  }
  try {
    await page(...m.slice(1));
  } catch (e) {
    if (e instanceof SignedOut) {
      loginPage({refused: e.message});
    } else if (!(e instanceof Abandoned)) {
      showPage('Something went wrong', notice('error', String(e.message || e)));
      console.error('console page failed', e.name);
    }
  }
}

function renderNav(s) {
  const nav = document.getElementById('nav');
  if (!s) {
    nav.replaceChildren();
    return;
  }
  const links = s.role === 'merchant' ? MERCHANT_NAV : OPERATOR_NAV;
  const who = s.role === 'merchant' ? s.login : 'Operator';
  nav.replaceChildren(
    h('ul', {}, links.map(([href, text]) => h('li', {}, h('a', {href, 'data-nav': href}, text)))),
    h('p', {class: 'who'}, h('span', {class: 'visually-hidden'}, 'Signed in as '), who,
      ' ', h('button', {type: 'button', class: 'link-button', id: 'logout', onclick: logout},
        'Sign out')));
  markCurrent();
}

function markCurrent() {
  const path = location.hash.split('?')[0];
  for (const a of document.querySelectorAll('#nav a[data-nav]')) {
    const here = path === a.dataset.nav || path.startsWith(a.dataset.nav + '/');
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

onChange(s => {
  renderNav(s);
});
// A session that ends during a page's own calls (a form's, a timer's) shows the login too.
window.addEventListener('unhandledrejection', e => {
  if (e.reason instanceof SignedOut) {
    e.preventDefault();
    loginPage({refused: e.reason.message});
  } else if (e.reason instanceof Abandoned) {
    e.preventDefault();
  }
});
window.addEventListener('hashchange', () => {
  if (location.hash && !location.hash.startsWith('#/')) return;
  markCurrent();
  route();
});
// The skip link moves the focus to the content; it must not change the route.
document.querySelector('.skip-link').addEventListener('click', e => {
  e.preventDefault();
  document.getElementById('main').focus();
});
renderNav(session());
route();
