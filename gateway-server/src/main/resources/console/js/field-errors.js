// A form's field errors from the API's problem answer: each next to its field, described by it
// (aria-describedby), anything else in the form's summary. Shared by every form of the console.

import {describe} from './api.js';
import {h, notice} from './dom.js';

/**
 * Shows the problem's errors on `form`: those naming one of `fields` under that field, the rest
 * (or the problem's own words when it names no field) in `summary`. Focus goes to the first bad
 * field, else to `fallback`.
 */
export function showFieldErrors(form, problem, {fields, summary, fallback}) {
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  const elsewhere = [];
  let first = null;
  for (const e of errors) {
    const input = fields.includes(e.field) ? form.elements[e.field] : null;
    if (!input) {
      elsewhere.push(`${e.field} ${e.message}`);
      continue;
    }
    const id = `error-${e.field}`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.closest('.field').append(h('p', {class: 'field-error', id}, e.message));
    first ??= input;
  }
  summary.replaceChildren(notice('error',
    errors.length ? `Please correct ${errors.length === 1 ? 'the field' : 'the fields'} marked below.`
      : describe(problem),
    elsewhere.length ? h('ul', {}, elsewhere.map(t => h('li', {}, t))) : null));
  (first || fallback).focus();
}

/** Removes what {@link showFieldErrors} showed. */
export function clearFieldErrors(form, summary) {
  summary.replaceChildren();
  for (const p of form.querySelectorAll('.field-error')) p.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}
