// The gateway's REST API, called from the page's own origin. Adds the credentials of the
// session, renews a merchant's access token once when it has expired, and turns every answer
// into {status, ok, body, problem, next}.

import {renewTokens, session, signOut} from './session.js';

/** Thrown when the session ended (refused credentials, failed refresh): the page shows the login. */
export class SignedOut extends Error {}

/** Thrown to a page that was left while it was reading: it must not draw over the next page. */
export class Abandoned extends Error {}

// Reads (GET) belong to the page that made them and end with it; writes are never cut short.
let page = new AbortController();

/** Called by the router when another page starts: the reads of the one before are abandoned. */
export function newPage() {
  page.abort();
  page = new AbortController();
}

/**
 * Calls the API. options: method, json (a JSON text, sent as is), headers.
 * The answer's problem (RFC 9457) is in .problem when the status is not 2xx.
 */
export async function call(path, {method = 'GET', json, headers = {}} = {}) {
  let answer = await send(path, method, json, headers);
  const s = session();
  if (answer.status === 401 && s?.role === 'merchant' && s.refreshToken) {
    if (await refresh()) {
      answer = await send(path, method, json, headers);
    }
  }
  if (answer.status === 401 && session()) {
    signOut();
    throw new SignedOut('Your session has ended. Please sign in again.');
  }
  return answer;
}

/** Calls the API without any credentials (login). */
export async function callAnonymous(path, {method = 'POST', json} = {}) {
  return send(path, method, json, {}, false);
}

let refreshing = null;

/** Renews the merchant's tokens; one refresh at a time, shared by the calls waiting for it. */
async function refresh() {
  if (!refreshing) {
    const s = session();
    refreshing = send('/token/refresh', 'POST', JSON.stringify({refreshToken: s.refreshToken}),
      {}, false)
      .then(a => {
        if (a.ok) renewTokens(a.body);
        return a.ok;
      })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function send(path, method, json, headers, withCredentials = true) {
  const h = {'Accept': 'application/json, application/problem+json', ...headers};
  const s = session();
  if (withCredentials && s && !h.Authorization) {
    h.Authorization = 'Bearer ' + (s.role === 'operator' ? s.key : s.token);
  }
  if (json !== undefined) h['Content-Type'] = 'application/json';
  const signal = method === 'GET' ? page.signal : undefined;
  let response;
  try {
    response = await fetch(path, {method, headers: h, body: json, cache: 'no-store',
      credentials: 'omit', redirect: 'error', signal});
  } catch (e) {
    if (signal?.aborted) throw new Abandoned('left the page');
    return {status: 0, ok: false, body: null,
      problem: {title: 'No answer', detail: 'The gateway could not be reached: ' + e.message}};
  }
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (type.includes('json')) {
    try {
      body = readJson(await response.text());
    } catch (e) {
      body = null;
    }
  } else {
    body = await response.text().catch(() => '');
  }
  if (signal?.aborted) throw new Abandoned('left the page');
  const answer = {status: response.status, ok: response.ok, body, headers: response.headers,
    next: nextLink(response.headers.get('Link'))};
  if (!response.ok) {
    answer.problem = body && typeof body === 'object' ? body
      : {title: response.statusText || 'Error', status: response.status,
        detail: `The gateway answered ${response.status}.`};
  }
  return answer;
}

/**
 * Parses JSON, keeping every "amount" as the decimal text the gateway wrote ("42.50"), never a
 * binary float (42.5): money is shown exactly as it is kept. Browsers without the reviver's
 * source text (older than 2023) get the number, which money() in dom.js pads to the currency.
 */
export function readJson(text) {
  return JSON.parse(text, (key, value, context) =>
    key === 'amount' && typeof value === 'number' && context?.source ? context.source : value);
}

/** The target of rel="next" in a Link header (RFC 8288), or null. */
export function nextLink(header) {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = part.match(/^\s*<([^>]*)>(.*)$/);
    if (m && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2])) return m[1];
  }
  return null;
}

/** A one-line description of a problem answer, for a message box. */
export function describe(problem) {
  if (!problem) return 'Something went wrong.';
  const parts = [problem.title, problem.detail].filter(Boolean);
  const text = [...new Set(parts)].join(': ');
  return problem.requestId ? `${text} (request ${problem.requestId})` : text;
}
