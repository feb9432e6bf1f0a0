// Who is writing: the visitor's name, town and own sentence (kept in the page, never sent),
// and the opt-in memory of their ZIP on this device.
const LIMITS = { sender_name: 120, sender_address: 200, sender_city: 100, personal: 1000 };
const KEY = 'tcf-zip';

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

/** The ZIP (and chosen district) remembered on this device, only when the visitor asks. */
export const memory = {
  get() { try { return window.localStorage.getItem(KEY); } catch { return null; } },
  set(zip, district) { try { window.localStorage.setItem(KEY, `${zip}:${district || ''}`); } catch { /* storage off */ } },
  forget() { try { window.localStorage.removeItem(KEY); } catch { /* storage off */ } },
};
