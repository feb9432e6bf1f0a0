// The interface words of the page's language: the build writes one module per language
// (words-en.js, words-es.js, from the js section of theme/strings/<lang>.yaml), and the
// page's entry module (action-en.js) hands its table here. Words are text, never HTML.

/** A function w(key, {name: value}) for a table of words. */
export function wordsFrom(table) {
  return (key, values = {}) => {
    const text = Object.hasOwn(table, key) ? table[key] : key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  };
}

/** "December 1, 2026" (en) or "1 de diciembre de 2026" (es) for an ISO date; '' if none. */
export function longDate(iso, lang) {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso || '')) return '';
  const day = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}

/** Join names as a list: "A, B and C" / "A, B y C". */
export function listOf(items, w) {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${w('and')} ${items[items.length - 1]}`;
}

/** 120 → "120th" (en) or "120.º" (es). */
export function ordinal(n, lang) {
  const value = Number(n);
  if (lang === 'es') return `${value}.º`;
  const suffix = value % 100 >= 11 && value % 100 <= 13 ? 'th' : { 1: 'st', 2: 'nd', 3: 'rd' }[value % 10] || 'th';
  return `${value}${suffix}`;
}
