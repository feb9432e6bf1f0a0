// From the ZIP as typed to the candidate seats: normalise what people type (and say what is
// wrong), then read our own static JSON (never another origin). meta.json lists the ZIP files
// that exist (zip_shards) and the military and diplomatic mail prefixes, so a lookup never
// asks for a file that is not there.

const cache = new Map();
const DISTRICT = /^[A-Z]{2}-(AL|[0-9]{1,2})$/;

/** Fail unless `base` resolves to this page's own origin. */
export function apiBase(base) {
  const url = new URL(base || '/api/v1/', window.location.href);
  if (url.origin !== window.location.origin) throw new Error('the data must come from this site');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** GET JSON once per URL; resolves to null on 404. */
export function getJSON(url) {
  if (!cache.has(url)) {
    const request = fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then((response) => {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
        return response.json();
      })
      .catch((error) => {
        cache.delete(url);
        throw error;
      });
    cache.set(url, request);
  }
  return cache.get(url);
}

const list = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);

/**
 * Look up a 5-digit ZIP. Resolves to {zip, military: true} for military and diplomatic
 * mail, {zip, unknown: true} when the table has no entry, else
 * {zip, districts: ['MA-5', 'MA-7'], states: {MA: <state json>}}. Rejects when our data
 * cannot be read.
 */
export async function lookup(zip, base, meta) {
  const prefix = zip.slice(0, 3);
  if (list(meta.military_prefixes).includes(prefix)) return { zip, military: true };
  const shards = list(meta.zip_shards);
  if (shards.length && !shards.includes(prefix)) return { zip, unknown: true };
  const shard = await getJSON(`${base}zip/${prefix}.json`);
  const districts = list(shard && shard[zip]).filter((d) => DISTRICT.test(d));
  if (!districts.length) return { zip, unknown: true };
  const codes = [...new Set(districts.map((d) => d.slice(0, 2)))];
  const files = await Promise.all(codes.map((code) => getJSON(`${base}states/${code}.json`)));
  const states = {};
  files.forEach((file, i) => {
    if (!file || typeof file !== 'object') throw new Error(`no data for ${codes[i]}`);
    states[codes[i]] = file;
  });
  return { zip, districts, states };
}

/**
 * Return {zip, plus4} for 5-digit ZIPs and ZIP+4, or {error} with a code:
 * empty, letters, short, long, plus4 (the words are zip_<code> in theme/strings).
 */
export function parseZip(raw) {
  // NFKC turns full-width digits (０２１３９) and hyphens into ASCII; all spaces go.
  const text = String(raw ?? '').normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  if (!text) return { error: 'empty' };
  if (!/^[0-9-]+$/.test(text) || /-.*-/.test(text)) return { error: 'letters' };
  const [head, tail] = text.split('-');
  if (tail !== undefined) {
    if (head.length !== 5) return { error: head.length < 5 ? 'short' : 'long' };
    if (tail.length !== 4) return { error: 'plus4' };
    return { zip: head, plus4: tail };
  }
  if (head.length < 5) return { error: 'short' };
  if (head.length === 9) return { zip: head.slice(0, 5), plus4: head.slice(5) };
  if (head.length > 5) return { error: 'long' };
  return { zip: head, plus4: null };
}
