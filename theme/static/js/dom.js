// Build DOM nodes from data without ever parsing HTML: text goes in as text nodes,
// and a link only gets an href when it is https: (or tel:/mailto: that we checked).

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
