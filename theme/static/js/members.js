// Who represents a ZIP, read from our data: the people, the seats we cannot name, and the
// choice the visitor has to make when the ZIP alone cannot tell (a split ZIP, a ZIP across
// a state line, or a state with new House maps that the ZIP table predates). Then, on the
// page: one short list of everyone who represents the visitor, the chooser, and a plain
// note for each seat we cannot name.
import { el, link, listOf, longDate } from './dom.js';

const BIOGUIDE = /^[A-Z][0-9]{6}$/;
const valid = (m) => Boolean(m) && typeof m === 'object' && BIOGUIDE.test(m.bioguide);
const seatNumber = (d) => Number.parseInt(d.slice(3), 10) || 0;

/** The name of a state or territory in the page's language ("Nueva York"). */
export function placeName(state, lang) {
  const name = state[`name_${lang}`];
  return typeof name === 'string' ? name : state.name;
}

/** The name of a district in the page's language ("Massachusetts's 7th district"). */
export function districtName(state, district, lang) {
  const labels = state[`labels_${lang}`] || state.labels || {};
  return typeof labels[district] === 'string' ? labels[district] : district;
}

/**
 * {codes, options, reason, district, people, notes}: `options` are the House districts the
 * visitor may live in (more than one: they choose, for `reason` split, states or new_maps);
 * `people` are the current members for the chosen (or only) district and its senators.
 */
export function seats(found, chosen) {
  const codes = Object.keys(found.states);
  const redrawn = codes.filter((c) => found.states[c].house_by_zip === false);
  const options = found.districts.filter((d) => !redrawn.includes(d.slice(0, 2)));
  for (const code of redrawn) {
    options.push(...Object.keys(found.states[code].districts || {}).sort((a, b) => seatNumber(a) - seatNumber(b)));
  }
  const unique = [...new Set(options)];
  let reason = null;
  if (unique.length > 1) reason = redrawn.length ? 'new_maps' : codes.length > 1 ? 'states' : 'split';
  const district = unique.includes(chosen) ? chosen : unique.length === 1 ? unique[0] : null;
  const people = [];
  const notes = [];
  for (const code of district ? [district.slice(0, 2)] : codes.length === 1 ? codes : []) {
    const state = found.states[code];
    if (state.kind !== 'state') {
      notes.push({ kind: 'no_senators', state });
      continue;
    }
    const senators = Array.isArray(state.senators) ? state.senators.filter(valid) : [];
    for (const member of senators) {
      if (member.status === 'current') people.push({ member, state, district: null });
      else notes.push({ kind: 'stale', state, member });
    }
    if (senators.length < 2) notes.push({ kind: 'senators_short', state, count: senators.length });
  }
  if (district) {
    const state = found.states[district.slice(0, 2)];
    const member = state.districts ? state.districts[district] : undefined;
    if (member === null) notes.push({ kind: 'vacant', state, district });
    else if (!valid(member)) notes.push({ kind: 'missing', state, district });
    else if (member.status !== 'current') notes.push({ kind: 'stale', state, member, district });
    else people.push({ member, state, district });
    if (district.endsWith('-AL') && state.kind === 'state') notes.push({ kind: 'at_large', state });
  }
  return { codes, options: unique, reason, district, people, notes };
}

const TITLES = { Senator: 'senator', Representative: 'representative', Delegate: 'delegate', 'Resident Commissioner': 'commissioner' };

/** The member's title in the page's language (Spanish has a feminine and a masculine one). */
export function titleOf(member, w) {
  const key = TITLES[member.title];
  return key ? w(`title_${key}_${member.gender === 'F' ? 'f' : 'm'}`) : String(member.title || '');
}

/** The member's party in the page's language ("Demócrata"); as written when it is another. */
export function partyName(party, w) {
  const key = `party_${String(party || '').toLowerCase()}`;
  const name = w(key);
  return name === key ? String(party || '') : name;
}

/** "Senator Warren": title and last name (`name.last` in congress-legislators). */
export const shortName = (member, w) => `${titleOf(member, w)} ${member.last_name || member.name}`;

/** "Senator Elizabeth Warren". */
export const fullName = (member, w) => `${titleOf(member, w)} ${member.name}`;

function summary(view, found, ctx, w) {
  const names = view.people.map((p) => shortName(p.member, w));
  const open = view.options.length > 1 && !view.district;
  const parts = [el('p', { class: 'members' }, names.length ? listOf(names, w) : '', open ? `${names.length ? ' · ' : ''}${w('members_open', { count: view.options.length })}` : '')];
  const missed = view.people.filter((p) => !ctx.targets.has(p.member.chamber));
  if (missed.length && view.people.length > missed.length) {
    parts.push(el('p', { class: 'hint' }, w(ctx.targets.has('senate') ? 'asks_senate' : 'asks_house')));
  }
  return parts;
}

function optionText(found, district, lang, w) {
  const state = found.states[district.slice(0, 2)];
  const member = state.districts ? state.districts[district] : undefined;
  const who = member === null ? w('vacant_short') : member && member.status === 'current' ? shortName(member, w) : '';
  return [districtName(state, district, lang), who].filter(Boolean).join(' · ');
}

function chooser(view, found, ctx, w) {
  const states = view.codes.map((c) => placeName(found.states[c], ctx.lang));
  const redrawn = view.codes.map((c) => found.states[c]).find((s) => s.house_by_zip === false);
  const question = view.reason === 'new_maps'
    // The Congress numbered N began on 3 January of 1787 + 2N (the 120th: January 2027).
    ? w('choose_new_maps', { state: placeName(redrawn, ctx.lang), year: 1787 + 2 * Number(redrawn.new_maps_congress) })
    : view.reason === 'states' ? w('choose_states', { zip: found.zip, states: listOf(states, w) })
      : w('choose_split', { zip: found.zip, count: view.options.length });
  const help = el('p', { class: 'hint', id: 'district-help' }, w('choose_help'), ' ',
    link(ctx.houseLookup, w('house_lookup'), { external: true, note: w('new_tab') }), '.');
  if (view.options.length > 6) {
    const select = el('select', { id: 'district-select', name: 'district', 'aria-describedby': 'district-help' },
      el('option', { value: '' }, w('choose_select')),
      view.options.map((d) => el('option', { value: d, selected: d === view.district }, optionText(found, d, ctx.lang, w))));
    return el('div', { class: 'district-choice' }, el('label', { for: 'district-select' }, question), help, select);
  }
  const fieldset = el('fieldset', { class: 'district-choice', 'aria-describedby': 'district-help' }, el('legend', {}, question), help);
  for (const d of view.options) {
    fieldset.append(el('div', { class: 'choice' },
      el('input', { type: 'radio', name: 'district', id: `district-${d}`, value: d, checked: d === view.district }),
      el('label', { for: `district-${d}` }, optionText(found, d, ctx.lang, w))));
  }
  return fieldset;
}

function note(item, ctx, w) {
  const { state } = item;
  const name = placeName(state, ctx.lang);
  const where = item.district ? districtName(state, item.district, ctx.lang) : name;
  const date = longDate(state.data_date, ctx.lang);
  const official = (chamber, key) => link(ctx.official[chamber], w(key), { external: true, note: w('new_tab') });
  switch (item.kind) {
    case 'no_senators':
      return el('p', { class: 'seat-note' }, w(state.state === 'PR' ? 'no_senators_pr' : 'no_senators', { place: name }));
    case 'at_large':
      return el('p', { class: 'hint' }, w('at_large', { state: name }));
    case 'vacant':
      return el('p', { class: 'seat-note seat-note--vacant' }, w('vacant', { seat: where, date }), ' ', official('house', 'house_list'), '.');
    case 'missing':
      return el('p', { class: 'seat-note' }, w('missing', { seat: where }), ' ', official('house', 'house_list'), '.');
    case 'senators_short':
      return el('p', { class: 'seat-note' }, w(item.count ? 'senators_short' : 'senators_none', { count: item.count, state: name }), ' ', official('senate', 'senate_list'), '.');
    default: // stale: the term on record has ended
      return el('p', { class: 'seat-note seat-note--stale' },
        w(item.member.chamber === 'senate' ? 'stale_senate' : 'stale_house', { seat: where, date: longDate(item.member.term_end, ctx.lang) }), ' ',
        official(item.member.chamber, item.member.chamber === 'senate' ? 'senate_find' : 'house_find'), '.');
  }
}

/** Render who represents the ZIP: the list, the plus-4 note, the chooser and the notes. */
export function renderMembers(box, found, view, ctx, w) {
  const title = el('h3', { class: 'results__title', tabindex: '-1' }, w('results_title', { zip: found.zip }));
  const out = [title, ...summary(view, found, ctx, w)];
  if (ctx.plus4) out.push(el('p', { class: 'hint' }, w(view.options.length > 1 ? 'plus4_split' : 'plus4')));
  if (ctx.tableYear && view.reason !== 'new_maps') out.push(el('p', { class: 'hint' }, w('zip_table', { year: ctx.tableYear })));
  if (view.options.length > 1) out.push(chooser(view, found, ctx, w));
  out.push(...view.notes.map((item) => note(item, ctx, w)));
  box.replaceChildren(...out);
  return title;
}

/** Render an error message with what to do next. */
export function renderError(box, message, ctx, w, more = '') {
  box.replaceChildren(el('p', { class: 'error-message', id: 'zip-error' }, message),
    more ? el('p', {}, more) : '',
    el('ul', { class: 'next-steps' },
      el('li', {}, link(ctx.directory, w('error_directory'))),
      el('li', {}, link(ctx.houseLookup, w('error_house'), { external: true, note: w('new_tab') }))));
}
