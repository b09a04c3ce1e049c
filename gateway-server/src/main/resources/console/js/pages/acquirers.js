// The loaded acquirers with their circuit breaker's state and where each plug-in came from, and
// the plug-ins that were skipped, with why.

import {call, describe} from '../api.js';
import {announce, h, notice, showPage, statusBadge, table} from '../dom.js';

export async function acquirersPage() {
  const a = await call('/admin/acquirers');
  if (!a.ok) {
    showPage('Acquirers', notice('error', describe(a.problem)));
    return;
  }
  const {acquirers, skipped, pluginsDir} = a.body;
  showPage('Acquirers',
    h('p', {}, 'The breaker is ', h('strong', {}, 'UP'), ' when payments flow, ',
      h('strong', {}, 'OPEN'), ' while a failing bank is given a pause, ', h('strong', {},
        'HALF_OPEN'), ' while a trial payment tests it again.'),
    table('Loaded acquirers', ['Name', 'Breaker', 'Version', 'SPI version', 'Plug-in source'],
      acquirers.map(x => h('tr', {'data-acquirer': x.name},
        h('th', {scope: 'row'}, x.name),
        h('td', {}, statusBadge(x.status)),
        h('td', {}, x.version ?? '—'),
        h('td', {}, x.spiVersion ?? '—'),
        h('td', {class: 'mono wrap'}, x.source)))),
    h('h2', {}, 'Skipped plug-ins'),
    skipped.length === 0 ? h('p', {}, 'None: every plug-in found was loaded.')
      : table('Plug-ins that were not loaded', ['Source', 'Reason'],
        skipped.map(s => h('tr', {}, h('td', {class: 'mono wrap'}, s.source),
          h('td', {}, s.reason)))),
    h('p', {class: 'hint'}, 'Plug-in jars are looked for in ', h('code', {}, pluginsDir), '.'),
    h('p', {}, h('button', {type: 'button', onclick: async () => {
      await acquirersPage();
      announce('Acquirers refreshed.');
    }}, 'Refresh')));
}
