// Personalise the campaign's letter and call script for one recipient with who is writing,
// as text only; copy it, or lay it out as one printed page.
import { el } from './dom.js';

// The sender's fields (who is writing), read from the sender form; kept in the page, never sent.
const LIMITS = { sender_name: 120, sender_address: 200, sender_city: 100, personal: 1000 };

/** Read the visitor's fields (trimmed, length-capped) from the sender form. */
export function readSender(form) {
  const values = {};
  for (const [name, limit] of Object.entries(LIMITS)) {
    const field = form ? form.elements.namedItem(name) : null;
    values[name] = field ? field.value.replace(/\s+/g, ' ').trim().slice(0, limit) : '';
  }
  return values;
}

/** When the name is missing, say so at the field, move there and return true. */
export function askForName(form, message) {
  const field = form.elements.namedItem('sender_name');
  const error = form.querySelector('#sender-name-error');
  const missing = !readSender(form).sender_name;
  error.hidden = !missing;
  error.textContent = missing ? message : '';
  if (missing) {
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  } else {
    field.removeAttribute('aria-invalid');
  }
  return missing;
}

// Left out of a finished letter when empty (the others keep their [bracketed] prompt).
const OPTIONAL = new Set(['personal', 'sender_address', 'committee']);

/**
 * Every placeholder's value for one recipient (member may be null: sender only). The
 * letter goes to an English-speaking office, so titles come from the data, in English:
 * {recipient} is "Senator Warren", for "Dear Senator Warren,".
 */
export function valuesFor(member, sender, place = {}, committee = '') {
  const v = { ...sender, sender_zip: place.zip || '', state: place.stateName || '', district: place.district || '' };
  if (member) {
    v.recipient_title = member.title || '';
    v.recipient_name = member.name || '';
    v.recipient_last_name = member.last_name || member.name || '';
    v.recipient = `${v.recipient_title} ${v.recipient_last_name}`.trim();
    v.committee = committee;
  }
  return v;
}

/**
 * Clone a letter or script template and fill its placeholder spans with text.
 * `final` removes empty optional parts (personal sentence, street address); spans in a
 * translation (`.translation`) take their values from `translated` when it is given.
 */
export function fill(template, values, { final = false, translated = null } = {}) {
  const node = template.cloneNode(true);
  node.removeAttribute('id');
  for (const labelled of node.querySelectorAll('[id]')) labelled.removeAttribute('id');
  for (const span of node.querySelectorAll('[data-ph]')) {
    const value = (translated && span.closest('.translation') ? translated : values)[span.dataset.ph];
    if (value) {
      span.textContent = value;
      span.classList.add('ph--filled');
    } else if (final && OPTIONAL.has(span.dataset.ph)) {
      const holder = span.closest('.letter__line, p, li') || span;
      if (holder.textContent.trim() === span.textContent.trim()) holder.remove();
      else span.remove();
    }
  }
  return node;
}

function inline(node) {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.data;
    if (child.nodeType !== Node.ELEMENT_NODE || child.hidden) continue;
    if (child.classList.contains('visually-hidden')) continue;
    const inner = inline(child);
    const href = child.tagName === 'A' ? child.getAttribute('href') : null;
    if (child.classList.contains('letter__line')) text += `\n${inner}\n`;
    else if (child.tagName === 'BR') text += '\n';
    else if (href && !inner.includes(href)) text += `${inner} (${href})`;
    else text += inner;
  }
  return text.replace(/[ \t]+/g, ' ').replace(/ *\n+ */g, '\n');
}

/** Plain text of a filled letter or script: paragraphs split by blank lines. */
export function toText(root) {
  const parts = [];
  const walk = (node) => {
    for (const child of node.children) {
      if (child.hidden || child.classList.contains('no-copy')) continue;
      if (child.matches('ul, ol')) {
        [...child.children].forEach((li, i) => {
          parts.push(`${child.tagName === 'OL' ? `${i + 1}.` : '-'} ${inline(li).trim()}`);
        });
        parts.push('');
      } else if (child.matches('p, h1, h2, h3, h4, h5, h6, blockquote')) {
        parts.push(inline(child).trim(), '');
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  return `${parts.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** Put text on the clipboard; resolves true when it worked (else the page shows the
 * letter to select and copy by hand). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Split a one-line Washington address before "Washington DC 20510" for an envelope. */
export function addressLines(address) {
  if (!address) return [];
  const match = /^(.*?)[,\s]+(Washington,?\s+D\.?C\.?\s+\d{5}(?:-\d{4})?)$/i.exec(address.trim());
  return match ? [match[1], match[2]] : [address.trim()];
}

/** A one-page printable letter: sender, date, the office's address, then the letter. */
export function printable(letter, member, office, sender, place) {
  const lines = (items, cls) => el('p', { class: cls }, items.filter(Boolean).map((t) => el('span', { class: 'letter__line' }, t)));
  const cityLine = [sender.sender_city, [place.state, place.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const to = [`The Honorable ${member.name}`];
  if (office) {
    const address = office.address || '';
    const at = office.city ? address.lastIndexOf(`, ${office.city}`) : -1;
    if (at > 0) to.push(address.slice(0, at), address.slice(at + 2));
    else to.push(address, [office.city, [member.state, office.zip].filter(Boolean).join(' ')].filter(Boolean).join(', '));
  } else {
    to.push(member.chamber === 'senate' ? 'United States Senate' : 'U.S. House of Representatives', ...addressLines(member.address));
  }
  const date = new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
  const body = letter.cloneNode(true);
  for (const translation of body.querySelectorAll('.translation')) translation.remove();
  const subject = body.querySelector('.letter__subject');
  const page = el('div', { class: 'print-letter__page' },
    lines([sender.sender_name || '[your name]', sender.sender_address, cityLine], 'print-letter__from'),
    el('p', { class: 'print-letter__date' }, date),
    lines(to, 'print-letter__to'));
  if (subject) page.append(subject);
  page.append(...body.childNodes);
  return page;
}
