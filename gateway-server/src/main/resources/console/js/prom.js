// Prometheus's text exposition format (0.0.4), read in the browser, and what the live charts
// compute from two scrapes: rates of counters and quantiles of histograms over the interval.
// Metrics are measurements, not money: plain JavaScript numbers are right here.

/**
 * Parses an exposition: {types: {family: 'counter' | 'histogram' | ...}, samples: [{name, labels,
 * value}]}. Comments other than TYPE, blank lines and timestamps are ignored; a malformed line
 * throws an Error that names its line number.
 */
export function parse(text) {
  const types = {};
  const samples = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (line.startsWith('#')) {
      const m = line.match(/^#\s*TYPE\s+([a-zA-Z_:][a-zA-Z0-9_:]*)\s+(\w+)/);
      if (m) types[m[1]] = m[2];
      return;
    }
    try {
      samples.push(sample(line));
    } catch (e) {
      throw new Error(`line ${i + 1}: ${e.message}`);
    }
  });
  return {types, samples};
}

function sample(line) {
  const name = line.match(/^[a-zA-Z_:][a-zA-Z0-9_:]*/);
  if (!name) throw new Error('no metric name');
  let pos = name[0].length;
  const labels = {};
  if (line[pos] === '{') {
    pos++;
    for (;;) {
      while (line[pos] === ' ' || line[pos] === ',') pos++;
      if (line[pos] === '}') {
        pos++;
        break;
      }
      const key = line.slice(pos).match(/^([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"/);
      if (!key) throw new Error('bad label');
      pos += key[0].length;
      let value = '';
      for (;;) {
        const c = line[pos++];
        if (c === undefined) throw new Error('unterminated label value');
        if (c === '"') break;
        if (c === '\\') {
          const e = line[pos++];
          value += e === 'n' ? '\n' : e;
        } else {
          value += c;
        }
      }
      labels[key[1]] = value;
    }
  }
  const rest = line.slice(pos).trim().split(/\s+/);
  const value = number(rest[0]);
  if (value === undefined) throw new Error(`bad value "${rest[0]}"`);
  return {name: name[0], labels, value};
}

function number(text) {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text ?? '')) return undefined;
  return Number(text);
}

/** Sums the samples named {@code name}, grouped by the value of label {@code by} (or all as ''). */
export function sumBy(scrape, name, by) {
  const out = {};
  for (const s of scrape.samples) {
    if (s.name !== name) continue;
    const k = by ? (s.labels[by] ?? '') : '';
    out[k] = (out[k] || 0) + s.value;
  }
  return out;
}

/**
 * Per-second increase of counter {@code name} between two scrapes {@code seconds} apart, grouped
 * by label {@code by}. A counter that went down was reset (a restart): its new value is the increase.
 */
export function rates(before, after, seconds, name, by) {
  const a = sumBy(before, name, by);
  const b = sumBy(after, name, by);
  const out = {};
  for (const [k, v] of Object.entries(b)) {
    const prev = a[k] ?? 0;
    out[k] = (v >= prev ? v - prev : v) / seconds;
  }
  return out;
}

/**
 * The q-quantile (0..1) of histogram {@code family} (its _bucket samples, all label sets summed)
 * over the interval between two scrapes, interpolated within its bucket as Prometheus's
 * histogram_quantile does; null when nothing was observed.
 */
export function quantile(before, after, family, q) {
  const buckets = le => {
    const out = new Map();
    for (const s of le.samples) {
      if (s.name !== family + '_bucket') continue;
      const bound = number(s.labels.le);
      out.set(bound, (out.get(bound) || 0) + s.value);
    }
    return out;
  };
  const a = buckets(before);
  const b = buckets(after);
  const bounds = [...b.keys()].sort((x, y) => x - y);
  const counts = bounds.map(le => Math.max(0, b.get(le) - (a.get(le) || 0)));
  const total = counts[counts.length - 1];
  if (!total) return null;
  const rank = q * total;
  for (let i = 0; i < bounds.length; i++) {
    if (counts[i] >= rank) {
      if (bounds[i] === Infinity) return i > 0 ? bounds[i - 1] : null;
      const lower = i > 0 ? bounds[i - 1] : 0;
      const below = i > 0 ? counts[i - 1] : 0;
      const inBucket = counts[i] - below;
      return inBucket > 0 ? lower + (bounds[i] - lower) * (rank - below) / inBucket : bounds[i];
    }
  }
  return null;
}

/** Mean of histogram {@code family} over the interval: increase of _sum over increase of _count. */
export function mean(before, after, family) {
  const d = suffix => (sumBy(after, family + suffix)[''] || 0) - (sumBy(before, family + suffix)[''] || 0);
  const count = d('_count');
  return count > 0 ? d('_sum') / count : null;
}
