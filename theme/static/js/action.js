// Action page: ZIP lookup, live letter, copy / print / call, remember-my-ZIP, thank-you.
import { apiBase, getJSON, lookup } from './lookup.js';
import { copyText, fill, printable, readSender, toText, valuesFor } from './letter.js';
import { OFFICIAL, SWITCHBOARD, refreshRecipients, renderError, renderResults, shown } from './recipients.js';
import { ZIP_ERRORS, parseZip } from './zip.js';

const KEY = 'tcf-zip';
const store = {
  get() { try { return window.localStorage.getItem(KEY); } catch { return null; } },
  set(value) { try { window.localStorage.setItem(KEY, value); } catch { /* storage off */ } },
  forget() { try { window.localStorage.removeItem(KEY); } catch { /* storage off */ } },
};

function main(root) {
  const $ = (selector) => root.querySelector(selector);
  const form = $('#zip-form');
  const input = $('#zip');
  const results = $('#results');
  const senderForm = $('#sender-form');
  const letter = $('#letter');
  const script = $('#script');
  const remember = $('#remember-zip');
  const forget = $('#forget-zip');
  const memory = $('#remember-status');
  const thanks = document.getElementById('thanks');
  const printBox = document.getElementById('print-letter');
  const templates = { letter: letter.cloneNode(true), script: script.cloneNode(true) };
  const ctx = {
    targets: new Set((root.dataset.targets || '').split(/\s+/).filter(Boolean)),
    houseLookup: root.dataset.houseLookup,
    directory: root.dataset.directory,
    actIndex: root.dataset.actIndex,
    official: { ...OFFICIAL },
    switchboard: SWITCHBOARD,
    chosen: null,
  };
  const done = new Set();
  let model = null;
  let token = 0;

  for (const node of root.querySelectorAll('[data-js]')) node.hidden = false;
  for (const node of root.querySelectorAll('[data-no-js]')) node.hidden = true;

  const unavailable = (why) => {
    base = null;
    form.hidden = true;
    for (const node of root.querySelectorAll('[data-no-js]')) node.hidden = false;
    const note = $('#lookup-unavailable');
    note.hidden = false;
    if (why) note.textContent = `The ZIP lookup is unavailable right now (${why}). The letter and the call script below still work: find your members in the directory linked above.`;
  };

  let base = null;
  try {
    base = apiBase(root.dataset.api);
  } catch (error) {
    unavailable(error.message);
  }
  // The build said the data is unavailable: keep its message and the directory links.
  if (root.dataset.unavailable !== undefined) unavailable('');
  if (base) {
    getJSON(`${base}meta.json`).then((meta) => {
      if (!meta || meta.available === false) return unavailable('our member data was not published with this copy of the site');
      if (meta.official_lists) {
        for (const chamber of ['senate', 'house']) {
          const url = meta.official_lists[chamber];
          if (typeof url === 'string' && url.startsWith('https://')) ctx.official[chamber] = url;
        }
      }
      if (typeof meta.switchboard === 'string' && /^\d{3}-\d{3}-\d{4}$/.test(meta.switchboard)) ctx.switchboard = meta.switchboard;
      return null;
    }).catch(() => unavailable('our member data could not be loaded'));
  }

  const sender = () => readSender(senderForm);
  const refresh = () => {
    const values = valuesFor(null, sender(), { zip: ctx.zip, stateName: ctx.stateName });
    letter.replaceChildren(...fill(templates.letter, values).childNodes);
    script.replaceChildren(...fill(templates.script, values).childNodes);
    refreshRecipients(results, templates, sender());
  };

  const show = () => {
    renderResults(results, model, ctx);
    refresh();
    results.dataset.state = 'done';
  };

  const fail = (message, unknown = false) => {
    renderError(results, message, ctx, { unknown });
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'zip-hint zip-error');
    results.dataset.state = 'error';
  };

  async function run() {
    const started = performance.now();
    const mine = ++token;
    const parsed = parseZip(input.value);
    results.dataset.state = 'loading';
    results.setAttribute('aria-busy', 'true');
    try {
      if (parsed.error) return fail(ZIP_ERRORS[parsed.error]);
      if (!base) return fail('The ZIP lookup is unavailable on this copy of the site.');
      let found;
      try {
        found = await lookup(parsed.zip, base);
      } catch {
        if (mine === token) fail('Our member data could not be loaded just now. Please try again in a moment.');
        return undefined;
      }
      if (mine !== token) return undefined;
      if (found.unknown) return fail(`We could not find ZIP ${parsed.zip} in our table of ZIP code areas.`, true);
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', 'zip-hint');
      model = found;
      Object.assign(ctx, { zip: parsed.zip, plus4: parsed.plus4, chosen: null });
      const codes = Object.keys(found.states);
      ctx.stateName = codes.length === 1 ? found.states[codes[0]].name : '';
      const saved = store.get();
      if (saved && saved.startsWith(`${parsed.zip}:`)) ctx.chosen = saved.slice(6);
      if (remember.checked) store.set(`${parsed.zip}:${ctx.chosen || ''}`);
      forget.hidden = !remember.checked;
      show();
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
    if (event.target.name !== 'district' || !model) return;
    ctx.chosen = event.target.value || null;
    if (ctx.chosen) ctx.stateName = model.states[ctx.chosen.slice(0, 2)].name;
    if (remember.checked) store.set(`${ctx.zip}:${ctx.chosen || ''}`);
    show();
    const radio = results.querySelector(`input[name="district"][value="${ctx.chosen || ''}"]`);
    if (radio) radio.focus();
  });

  results.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-do]');
    if (!button) return;
    const card = button.closest('.recipient');
    const entry = card && shown.get(card.dataset.bioguide);
    if (!entry) return;
    const status = card.querySelector('.recipient__status');
    const who = `${entry.member.title} ${entry.member.name}`;
    const values = valuesFor(entry.member, sender(), entry.place);
    const filled = fill(templates.letter, values, { final: true });
    const action = button.dataset.do;
    if (action === 'copy' || action === 'copy-subject') {
      const subject = filled.querySelector('.letter__subject .letter__subject-text');
      const body = filled.cloneNode(true);
      body.querySelector('.letter__subject')?.remove();
      const text = action === 'copy' ? toText(body) : subject.textContent.trim();
      const ok = await copyText(text);
      const what = action === 'copy' ? 'Letter' : 'Subject';
      const me = sender();
      const tip = action !== 'copy' ? '' : !me.sender_name || !me.sender_city
        ? ' It has no name or town yet: add yours in step 2 so the office counts you as a constituent.'
        : !me.personal ? ' A sentence of your own (step 2) makes it count for more.' : '';
      status.textContent = ok
        ? `${what} copied for ${who}. Paste it into the office's contact form.${tip}`
        : `Copying did not work in this browser. Open "Read the letter" below, select the text and copy it.`;
      if (!ok) card.querySelector('.recipient__letter').open = true;
    } else if (action === 'print') {
      const select = card.querySelector('select[data-office]');
      const office = select && select.value !== '' ? entry.offices[Number(select.value)] || null : null;
      printBox.replaceChildren(printable(filled, entry.member, office, sender(), entry.place));
      printBox.hidden = false;
      document.documentElement.classList.add('printing-letter');
      status.textContent = `Printing the letter to ${who}.`;
      window.print();
    } else if (action === 'done') {
      const pressed = button.getAttribute('aria-pressed') === 'true';
      button.setAttribute('aria-pressed', String(!pressed));
      card.classList.toggle('recipient--done', !pressed);
      if (pressed) done.delete(card.dataset.bioguide);
      else done.add(card.dataset.bioguide);
      status.textContent = pressed ? `${who}: no longer marked as contacted.` : `Thank you for contacting ${who}.`;
      updateThanks();
    }
  });

  window.addEventListener('afterprint', () => {
    document.documentElement.classList.remove('printing-letter');
    printBox.hidden = true;
  });

  function updateThanks() {
    if (!thanks) return;
    const total = shown.size;
    const count = [...done].filter((id) => shown.has(id)).length;
    thanks.hidden = count === 0;
    const progress = thanks.querySelector('#thanks-progress');
    progress.textContent = count >= total
      ? `You have contacted every office this action asks (${count} of ${total}). That is what moves an office: constituents, one at a time.`
      : `You have contacted ${count} of the ${total} offices this action asks. When you are ready, contact the others too.`;
  }

  senderForm.addEventListener('input', refresh);

  remember.addEventListener('change', () => {
    if (remember.checked) {
      if (ctx.zip) store.set(`${ctx.zip}:${ctx.chosen || ''}`);
      memory.textContent = ctx.zip ? 'Your ZIP is remembered on this device only.' : 'Your ZIP will be remembered on this device after the next lookup.';
    } else {
      store.forget();
      memory.textContent = 'Your ZIP is not stored on this device.';
    }
    forget.hidden = !(remember.checked && ctx.zip);
  });
  forget.addEventListener('click', () => {
    store.forget();
    remember.checked = false;
    forget.hidden = true;
    memory.textContent = 'Forgotten: your ZIP is no longer stored on this device.';
    input.focus();
  });

  const shareLink = document.getElementById('share-link');
  if (shareLink) {
    const here = `${window.location.origin}${window.location.pathname}`;
    shareLink.href = here;
    shareLink.textContent = here;
  }

  refresh();
  const saved = store.get();
  if (saved && base && /^\d{5}:/.test(saved)) {
    input.value = saved.slice(0, 5);
    remember.checked = true;
    forget.hidden = false;
    run();
  }
}

const root = document.getElementById('action');
if (root) main(root);
