// Who is signed in, kept in this module's memory only: never in localStorage, sessionStorage,
// cookies or the page. A reload or a closed tab signs out (docs/console.md explains the choice).

let current = null;
const listeners = new Set();

/** The session: {role: 'merchant', login, token, refreshToken} or {role: 'operator', key}, or null. */
export function session() {
  return current;
}

export function signInMerchant(login, pair) {
  current = {role: 'merchant', login, token: pair.token, refreshToken: pair.refreshToken};
  changed();
}

export function signInOperator(key) {
  current = {role: 'operator', key};
  changed();
}

/** Replaces a merchant's tokens after a refresh. */
export function renewTokens(pair) {
  if (current?.role === 'merchant') {
    current = {...current, token: pair.token, refreshToken: pair.refreshToken};
  }
}

export function signOut() {
  current = null;
  changed();
}

/** Calls fn whenever someone signs in or out. */
export function onChange(fn) {
  listeners.add(fn);
}

function changed() {
  for (const fn of listeners) fn(current);
}
