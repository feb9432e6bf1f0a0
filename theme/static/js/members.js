// After a lookup: one short list of everyone who represents the visitor, the choice of
// district when the ZIP cannot tell, and a plain note for each seat we cannot name.
import { el, link } from './dom.js';
import { districtName, placeName, shortName } from './seats.js';
import { listOf, longDate, ordinal } from './words.js';

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
    ? w('choose_new_maps', { state: placeName(redrawn, ctx.lang), congress: ordinal(redrawn.new_maps_congress, ctx.lang) })
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
      return el('p', { class: 'seat-note' }, w('senators_short', { count: item.count, state: name }), ' ', official('senate', 'senate_list'), '.');
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
