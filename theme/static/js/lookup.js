// Fetch our own static JSON (never another origin) and turn a ZIP into candidate seats.
// meta.json lists the ZIP files that exist (zip_shards) and the military and diplomatic
// mail prefixes, so a lookup never asks for a file that is not there.

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
