// Text for the page: DOM nodes built from data without ever parsing HTML (text goes in as
// text nodes, and a link only gets an href when it is https:, or tel:/mailto: that we
// checked), and the words of the page's language. The build writes one module per language
// (action-en.js, action-es.js, from the js section of theme/strings/<lang>.yaml), which hands
// its table to wordsFrom(). Words are text, never HTML.

/** Return the URL if it is a well-formed https: address, else null. */
export function safeHttps(url) {
  if (typeof url !== 'string' || /[\s\u0000-\u001f\u007f<>"]/.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname ? parsed.href : null;
  } catch {
    return null;
  }
}

/** An https: URL, or a mailto: address with nothing odd in it; else null. */
export function safeReport(url) {
  if (typeof url === 'string' && /^mailto:[^\s<>"]+@[^\s<>"]+$/.test(url)) return url;
  return safeHttps(url);
}

/** Return a tel: URI for a 10-digit U.S. number written any common way, else null. */
export function telHref(phone) {
  if (typeof phone !== 'string') return null;
  const digits = phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  return digits.length === 10 ? `tel:+1${digits}` : null;
}

/**
 * el('p', {class: 'x'}, 'text', childNode) → element. Attribute values are set with
 * setAttribute (never event handlers: names starting with "on" are refused), and
 * `href` must already be checked by the caller (see link()).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name)) throw new Error('event attributes are not allowed');
    node.setAttribute(name, value === true ? '' : String(value));
  }
  return append(node, children);
}

/** Append strings (as text) and nodes; skip null/false. */
export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A link to a checked URL; `external` opens a new tab without sending a referrer. */
export function link(href, text, { external = false, cls = null, note = '', attrs = {} } = {}) {
  const a = el('a', { href, class: cls, ...attrs }, text);
  if (external) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    if (note) a.append(el('span', { class: 'visually-hidden' }, ` (${note})`));
  }
  return a;
}

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

/** Join names as a list: "A, B and C" / "A, B y C" (Spanish "e" before an i- sound: "Ohio e Illinois"). */
export function listOf(items, w) {
  if (items.length < 2) return items.join('');
  const last = items[items.length - 1];
  const and = w('and') === 'y' && /^h?i(?![aeiouáéíóú])/i.test(last) ? 'e' : w('and');
  return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}
