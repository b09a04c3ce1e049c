// Building the page from data without ever parsing data as HTML: every text goes through
// textContent, so a cardholder name or an audit detail cannot inject markup or script.

/**
 * Creates an element: h('a', {href: '#/x', class: 'btn'}, 'text', child, ...). Attributes that
 * start with "on" are event listeners; false, null and undefined attributes are left out.
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the main area with a page: a heading (focused, so a screen reader reads it) and content. */
export function showPage(title, ...content) {
  const main = document.getElementById('main');
  const heading = h('h1', {tabindex: '-1'}, title);
  main.replaceChildren(heading, ...content.flat().filter(Boolean));
  document.title = title + ' · Paygate console';
  // A new page starts at its top, as a page loaded by a link would.
  window.scrollTo(0, 0);
  heading.focus({preventScroll: true});
  return main;
}

/** Says something to screen readers without moving the focus. */
export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  // A change after a tick, so the same text twice is still read out.
  setTimeout(() => { region.textContent = text; }, 50);
}

/** A time as the reader's local date and time, with the exact UTC time in a tooltip. */
export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return h('time', {datetime: iso, title: iso},
    d.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'medium'}));
}

/**
 * An amount as the API gives it (a decimal in the major unit) with its currency. Text only: the
 * decimals are padded to the currency's (42.5 EUR reads 42.50 EUR), never computed or rounded.
 */
export function money(amount, currency) {
  let text = String(amount ?? '');
  const digits = minorDigits(currency);
  const m = text.match(/^(-?\d+)(?:\.(\d*))?$/);
  if (m && digits > 0 && (m[2] ?? '').length < digits) {
    text = `${m[1]}.${(m[2] ?? '').padEnd(digits, '0')}`;
  }
  return `${text} ${currency ?? ''}`.trim();
}

/**
 * Whole minor units (1250, or "1250" as read from an answer) as the currency's major-unit decimal
 * text: 1250 EUR reads "12.50", 1250 JPY "1250", 1250 KWD "1.250". String arithmetic on the
 * integer's digits, never floating point, so no amount is ever rounded.
 */
export function minorToMajor(minor, currency) {
  const m = String(minor ?? '').match(/^(-?)(\d+)$/);
  if (!m) throw new Error(`not a whole number of minor units: ${minor}`);
  const digits = minorDigits(currency);
  if (digits === 0) return m[1] + m[2];
  const padded = m[2].padStart(digits + 1, '0');
  return `${m[1]}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Minor units with their currency, as money() shows a major-unit amount: 1250, EUR → 12.50 EUR. */
export function minorMoney(minor, currency) {
  return money(minorToMajor(minor, currency), currency);
}

/** How many decimals a currency has (ISO 4217), as the browser knows it; 2 when it does not. */
function minorDigits(currency) {
  try {
    return new Intl.NumberFormat('en', {style: 'currency', currency}).resolvedOptions()
      .maximumFractionDigits;
  } catch (e) {
    return 2;
  }
}

/** A status badge: text first, colour only as a second cue. */
export function statusBadge(status) {
  const kind = {Authorised: 'ok', Captured: 'ok', PartiallyCaptured: 'ok', Succeeded: 'ok',
    Declined: 'bad', Failed: 'bad', Pending: 'wait', Unknown: 'wait', UP: 'ok', OPEN: 'bad',
    HALF_OPEN: 'wait', Active: 'ok', Disabled: 'bad', Locked: 'wait'}[status] || 'neutral';
  return h('span', {class: `badge badge-${kind}`}, status ?? '—');
}

/** A message box: kind is "error", "info" or "ok". Errors are announced at once. */
export function notice(kind, ...content) {
  return h('div', {class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status'},
    ...content);
}

/** A table with a caption and headers, wrapped so it scrolls sideways on a narrow screen. */
export function table(caption, headers, rows) {
  return h('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption},
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map(t => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, rows)));
}

/** A labelled input; the label's for matches the input's id (f-name). */
export function field(name, label, attrs = {}) {
  const id = 'f-' + name;
  return h('div', {class: 'field'},
    h('label', {for: id}, label),
    h('input', {id, name, type: 'text', ...attrs}));
}

/** A labelled select of [value, text] options. */
export function selectField(name, label, options) {
  const id = 'f-' + name;
  return h('div', {class: 'field'},
    h('label', {for: id}, label),
    h('select', {id, name}, options.map(([value, text]) => h('option', {value}, text))));
}

/** The value of a query parameter of the page's hash route (#/path?a=b). */
export function routeParam(name) {
  const q = location.hash.indexOf('?');
  return q < 0 ? null : new URLSearchParams(location.hash.slice(q + 1)).get(name);
}

// A page that polls (the live charts) registers how to stop; the router calls it on leaving.
let leaving = null;

export function onLeave(fn) {
  leaving = fn;
}

export function leavePage() {
  const stop = leaving;
  leaving = null;
  if (stop) stop();
}

/**
 * A long id shortened for a table cell, its end kept (the start of a time-ordered UUID is the
 * same for ids made close together), the whole of it in a tooltip and for screen readers.
 */
export function shortId(id) {
  if (!id) return '—';
  return h('span', {title: id, class: 'mono'}, h('span', {'aria-hidden': 'true'}, '…' + id.slice(-8)),
    h('span', {class: 'visually-hidden'}, id));
}
