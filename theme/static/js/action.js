// Action page: find who represents a ZIP, then who is writing, then each recipient in turn.
// Each step is its own module (lookup, members, stepper, recipient, letter); this one wires
// them to the page. The page loads action-<lang>.js, which calls start() with its language's
// words. Nothing typed here leaves the browser; the ZIP is remembered only when asked.
import { apiBase, getJSON, lookup, parseZip } from './lookup.js';
import { renderError, renderMembers, seats } from './members.js';
import { createStepper } from './stepper.js';
import { el, safeHttps, wordsFrom } from './dom.js';

const KEY = 'tcf-zip';
/** The ZIP (and chosen district) remembered on this device, only when the visitor asks. */
const memory = {
  get() { try { return window.localStorage.getItem(KEY); } catch { return null; } },
  set(zip, district) { try { window.localStorage.setItem(KEY, `${zip}:${district || ''}`); } catch { /* storage off */ } },
  forget() { try { window.localStorage.removeItem(KEY); } catch { /* storage off */ } },
};

const json = (text, fallback) => { try { return JSON.parse(text); } catch { return fallback; } };
const decode = (text) => { try { return decodeURIComponent(text); } catch { return text; } };

function main(root, w) {
  const $ = (selector) => document.querySelector(selector);
  const form = $('#zip-form');
  const input = form.querySelector('input');
  const hint = input.getAttribute('aria-describedby');
  const results = $('#results');
  const remember = $('#remember-zip');
  const forget = $('#forget-zip');
  const memoryStatus = $('#remember-status');
  const ctx = {
    lang: root.dataset.lang || 'en',
    targets: new Set((root.dataset.targets || '').split(/\s+/).filter(Boolean)),
    houseLookup: root.dataset.houseLookup,
    directory: root.dataset.directory,
    actIndex: root.dataset.actIndex,
    committees: json(root.dataset.committees, []), // [id, English line, translated line]
    committeeNames: {},
    official: {},
    templates: { letter: $('#letter').cloneNode(true), script: $('#script').cloneNode(true) },
    senderForm: $('#sender-form'),
    printBox: $('#print-letter'),
    expect: $('#what-to-expect ul'),
    onChoose: () => results.querySelector('[name=district]')?.focus(),
  };
  for (const node of root.querySelectorAll('[data-js]')) node.hidden = false;
  for (const node of root.querySelectorAll('[data-no-js]')) node.hidden = true;
  const stepper = createStepper($('#stepper'), ctx, w);
  const after = (shown) => {
    for (const node of root.querySelectorAll('[data-after-lookup]')) node.hidden = !shown;
    $('#step-text').hidden = shown;
  };
  let found = null;
  let token = 0;

  const unavailable = (why) => {
    form.hidden = true;
    for (const node of root.querySelectorAll('[data-no-js]')) node.hidden = false;
    const note = $('#lookup-unavailable');
    note.hidden = false;
    if (why) note.textContent = w('unavailable_now', { why });
  };

  let base = null;
  try {
    base = apiBase(root.dataset.api);
  } catch (error) {
    unavailable(error.message);
  }
  if (root.dataset.unavailable !== undefined) {
    unavailable('');
    base = null;
  }
  const ready = !base ? Promise.resolve(null) : getJSON(`${base}meta.json`).then((meta) => {
    if (!meta || meta.available === false) {
      unavailable(w('unavailable_unpublished'));
      return null;
    }
    const lists = meta.official_lists || {};
    for (const chamber of ['senate', 'house']) ctx.official[chamber] = safeHttps(lists[chamber]);
    ctx.switchboard = /^\d{3}-\d{3}-\d{4}$/.test(meta.switchboard || '') ? meta.switchboard : null;
    ctx.committeeNames = meta.committees && typeof meta.committees === 'object' ? meta.committees : {};
    ctx.committeeDate = meta.data_date;
    // Members of a newer Congress than the ZIP table's: say which districts the table follows
    // (the Congress numbered N began in January of 1787 + 2N).
    const [members, table] = [Number(meta.members_congress), Number(meta.zip_congress)];
    ctx.tableYear = members && table && members !== table ? 1787 + 2 * table : null;
    return meta;
  }).catch(() => {
    unavailable(w('unavailable_failed'));
    return null;
  });

  function show(restart) {
    const view = seats(found, ctx.chosen);
    renderMembers(results, found, view, ctx, w);
    const asked = view.people.filter((p) => ctx.targets.has(p.member.chamber));
    const open = ctx.targets.has('house') && view.options.length > 1 && !view.district;
    after(asked.length > 0 || open);
    if (!asked.length && !open) {
      results.append(el('p', { class: 'notice' }, w(ctx.targets.has('senate') ? 'nobody_senate' : 'nobody_house')));
    }
    stepper.set(asked, open, { restart });
    results.dataset.state = 'done';
  }

  function fail(message, more = '') {
    renderError(results, message, ctx, w, more);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${hint} zip-error`);
    after(false);
    results.dataset.state = 'error';
  }

  async function run() {
    const started = performance.now();
    const mine = ++token;
    const parsed = parseZip(input.value);
    results.dataset.state = 'loading';
    results.setAttribute('aria-busy', 'true');
    try {
      if (parsed.error) return fail(w(`zip_${parsed.error}`));
      const meta = await ready;
      if (!meta) return fail(w('unavailable'));
      let got;
      try {
        got = await lookup(parsed.zip, base, meta);
      } catch {
        if (mine === token) fail(w('load_failed'));
        return undefined;
      }
      if (mine !== token) return undefined;
      if (got.military) return fail(w('military', { zip: parsed.zip }), w('military_more'));
      if (got.unknown) return fail(w('unknown', { zip: parsed.zip }), w('unknown_more'));
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', hint);
      found = got;
      Object.assign(ctx, { zip: parsed.zip, plus4: parsed.plus4, chosen: null });
      const saved = memory.get();
      if (saved && saved.startsWith(`${parsed.zip}:`)) ctx.chosen = saved.slice(6) || null;
      if (remember.checked) memory.set(ctx.zip, ctx.chosen);
      forget.hidden = !remember.checked;
      show(true);
      results.dataset.lookupMs = String(Math.round(performance.now() - started));
      return undefined;
    } finally {
      if (mine === token) results.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });

  results.addEventListener('change', (event) => {
    if (event.target.name !== 'district' || !found) return;
    ctx.chosen = event.target.value || null;
    if (remember.checked) memory.set(ctx.zip, ctx.chosen);
    show(false);
    const again = results.querySelector(event.target.tagName === 'SELECT' ? '#district-select' : `#district-${ctx.chosen}`);
    if (again) again.focus();
  });

  ctx.senderForm.addEventListener('input', () => stepper.refresh());
  window.addEventListener('afterprint', () => {
    document.documentElement.classList.remove('printing-letter');
    ctx.printBox.hidden = true;
  });

  remember.addEventListener('change', () => {
    if (remember.checked && ctx.zip) memory.set(ctx.zip, ctx.chosen);
    if (!remember.checked) memory.forget();
    memoryStatus.textContent = w(!remember.checked ? 'remember_off' : ctx.zip ? 'remember_on' : 'remember_later');
    forget.hidden = !(remember.checked && ctx.zip);
  });
  forget.addEventListener('click', () => {
    memory.forget();
    remember.checked = false;
    forget.hidden = true;
    memoryStatus.textContent = w('forgotten');
    input.focus();
  });

  // The home page's form comes here with #zip=02139: the ZIP stays in the browser.
  const fromHash = /^#zip=([^&]{1,72})$/.exec(window.location.hash);
  const saved = memory.get();
  if (fromHash) {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    input.value = decode(fromHash[1]).slice(0, 24);
    run();
  } else if (saved && base && /^\d{5}:/.test(saved)) {
    input.value = saved.slice(0, 5);
    remember.checked = true;
    forget.hidden = false;
    run();
  }
}

/** Start the action page with the words of its language (called by action-<lang>.js). */
export function start(words) {
  const root = document.getElementById('action');
  if (root) main(root, wordsFrom(words));
}
