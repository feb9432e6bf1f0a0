// Render a lookup's result as recipient cards: every channel, the letter and the script.
import { el, link, safeHttps, telHref } from './dom.js';
import { fill, valuesFor } from './letter.js';

const SWITCHBOARD = '202-224-3121';
const OFFICIAL = { senate: 'https://www.senate.gov/senators/', house: 'https://www.house.gov/representatives' };
const BIOGUIDE = /^[A-Z][0-9]{6}$/;

/** Recipients shown now, by bioguide: {member, place} (read by the letter actions). */
export const shown = new Map();

function ordinal(n) {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th';
  return `${n}${suffix}`;
}

/** "Massachusetts's 7th district", "Wyoming (at large)", "District of Columbia (Delegate)". */
export function districtLabel(id, state) {
  const number = id.slice(3);
  const name = state ? state.name : id.slice(0, 2);
  if (number !== 'AL') return `${name}'s ${ordinal(Number(number))} district`;
  if (state && state.kind !== 'state') return name;
  return `${name} (at large: one member for the whole state)`;
}

function place(ctx, state, district) {
  return { zip: ctx.zip, state: state.state, stateName: state.name, district: district ? districtLabel(district, state) : '' };
}

function closest(offices, zip) {
  const target = Number(zip);
  const distance = (o) => (/^\d{5}/.test(o.zip || '') ? Math.abs(Number(o.zip.slice(0, 5)) - target) : Infinity);
  return [...offices].sort((a, b) => distance(a) - distance(b));
}

function officeItem(office) {
  const tel = telHref(office.phone);
  return el('li', {}, el('strong', {}, office.city || 'Office'),
    office.address ? `: ${office.address}` : '',
    tel ? [' · ', link(tel, office.phone)] : '');
}

function channels(member, ctx) {
  const list = el('ul', { class: 'channels' });
  const form = safeHttps(member.contact_form);
  const site = safeHttps(member.website);
  if (form) list.append(el('li', {}, 'Contact form: ', link(form, new URL(form).hostname, { external: true })));
  else if (site) list.append(el('li', {}, 'Website (this office has no contact form in our data): ', link(site, new URL(site).hostname, { external: true })));
  else list.append(el('li', {}, 'No website in our data: use the phone or the mailing address.'));
  const tel = telHref(member.phone);
  if (tel) list.append(el('li', {}, 'Washington office: ', link(tel, member.phone)));
  else list.append(el('li', {}, 'Capitol switchboard: ', link(telHref(ctx.switchboard), ctx.switchboard), ` (no direct number in our data: ask for ${member.title} ${member.name}'s office)`));
  if (member.address) list.append(el('li', {}, 'Mailing address: ', member.address));
  const offices = Array.isArray(member.offices) ? closest(member.offices, ctx.zip) : [];
  if (offices.length) {
    const first = el('ul', {}, offices.slice(0, 3).map(officeItem));
    const item = el('li', {}, `District offices (${offices.length}; those with the nearest ZIP code first, a rough guide to distance): `, first);
    if (offices.length > 3) {
      item.append(el('details', {}, el('summary', {}, `All ${offices.length} district offices`), el('ul', {}, offices.slice(3).map(officeItem))));
    }
    list.append(item);
  }
  return list;
}

function letterActions(member, ctx) {
  const who = `${member.title} ${member.name}`;
  const box = el('div', { class: 'recipient__actions' });
  const target = safeHttps(member.contact_form) || safeHttps(member.website);
  box.append(el('button', { type: 'button', 'data-do': 'copy' }, 'Copy the letter'));
  if (target) {
    box.append(link(target, member.contact_form ? 'Open the contact form' : 'Open the website', { external: true, cls: 'button' }));
  }
  box.append(el('button', { type: 'button', class: 'button--secondary', 'data-do': 'copy-subject' }, 'Copy the subject'));
  const offices = Array.isArray(member.offices) ? closest(member.offices, ctx.zip) : [];
  const select = el('select', { 'data-office': '', id: `office-${member.bioguide}` },
    el('option', { value: '' }, 'the Washington, DC office'),
    offices.map((o, i) => el('option', { value: String(i) }, `the ${o.city || 'district'} office`)));
  box.append(el('div', { class: 'recipient__print' },
    el('label', { for: select.id }, 'Address a printed letter to'), select,
    el('button', { type: 'button', class: 'button--secondary', 'data-do': 'print' }, 'Print the letter')));
  box.append(el('button', { type: 'button', class: 'button--secondary', 'data-do': 'done', 'aria-pressed': 'false' }, `I have contacted ${who}`));
  box.append(el('p', { class: 'recipient__status', role: 'status' }));
  return box;
}

function memberCard(member, state, ctx, district, note) {
  const needed = ctx.targets.has(member.chamber);
  const id = `r-${member.bioguide}`;
  const card = el('article', {
    class: `recipient${needed ? '' : ' recipient--not-needed'}`,
    'data-bioguide': member.bioguide, 'data-chamber': member.chamber, 'aria-labelledby': id,
  });
  const seat = member.chamber === 'senate' ? `Senator for ${state.name}` : districtLabel(district, state);
  card.append(el('h4', { id }, `${member.title} ${member.name}`),
    el('p', { class: 'recipient__meta' }, [member.party, seat].filter(Boolean).join(' · ')));
  if (note) card.append(el('p', { class: 'recipient__note' }, note));
  if (!needed) {
    card.append(el('p', { class: 'recipient__note recipient__note--muted' },
      `Not needed for this action: it asks ${ctx.targets.has('senate') ? 'senators' : 'members of the House'} only. You can still contact this office about other things.`));
  }
  card.append(el('h5', {}, 'How to reach this office'), channels(member, ctx),
    el('p', { class: 'hint' }, `Contact details from the public congress-legislators data, as of ${state.data_date}.`));
  if (needed) {
    const who = `${member.title} ${member.name}`;
    card.append(letterActions(member, ctx),
      el('details', { class: 'recipient__letter' }, el('summary', {}, `Read the letter to ${who}`),
        el('div', { class: 'letter', 'data-letter-for': member.bioguide })),
      el('details', { class: 'recipient__script' }, el('summary', {}, `Call script for ${who}`),
        phoneLine(member, ctx), el('div', { class: 'script', 'data-script-for': member.bioguide }),
        el('p', { class: 'hint' }, 'A staffer or voicemail answers. Give your name and ZIP code first, keep to this one issue, and it takes a minute or two.')));
    const offices = Array.isArray(member.offices) ? closest(member.offices, ctx.zip) : [];
    shown.set(member.bioguide, { member, offices, place: place(ctx, state, district || member.district) });
  }
  return card;
}

function phoneLine(member, ctx) {
  const tel = telHref(member.phone);
  const office = closest(Array.isArray(member.offices) ? member.offices : [], ctx.zip).find((o) => telHref(o.phone));
  return el('p', { class: 'script__phones' }, 'Call ',
    tel ? link(tel, member.phone) : [link(telHref(ctx.switchboard), ctx.switchboard), ' (the Capitol switchboard)'],
    ' (Washington)',
    office ? [', or the ', office.city, ' office: ', link(telHref(office.phone), office.phone)] : '', '.');
}

function staleCard(member, state, ctx, district) {
  const seat = member.chamber === 'senate' ? `A Senate seat for ${state.name}` : `The seat for ${districtLabel(district, state)}`;
  return el('div', { class: 'seat-note seat-note--stale', 'data-seat': district || member.bioguide },
    el('h4', {}, `${seat}: our data is out of date`),
    el('p', {}, `Our data for this seat is out of date: the term we have on record ended on ${member.term_end}. We do not show it as the current member. `,
      link(ctx.official[member.chamber], member.chamber === 'senate' ? 'Find the current senator on senate.gov' : 'Find the current member on house.gov', { external: true }), '.'));
}

function vacancyCard(district, state, ctx) {
  return el('div', { class: 'seat-note seat-note--vacant', 'data-seat': district },
    el('h4', {}, `${districtLabel(district, state)}: vacant seat`),
    el('p', {}, `This House seat is vacant in our data (as of ${state.data_date}). Until a new member is sworn in, the Clerk of the House looks after the office's constituent services. `,
      state.kind === 'state' ? 'Your two senators (shown here) still represent you. ' : '',
      link(ctx.official.house, 'See the House list of members and vacancies', { external: true }), '.'));
}

function noSenators(state) {
  const seat = state.state === 'PR' ? 'a Resident Commissioner' : 'a Delegate';
  return el('p', { class: 'seat-note' }, `${state.name} has no senators. It elects ${seat} to the House of Representatives, who can speak and serve on committees but cannot vote on the final passage of bills.`);
}

/** Render a successful lookup into `box`. ctx: zip, plus4, targets, chosen, official, switchboard, houseLookup. */
export function renderResults(box, model, ctx) {
  shown.clear();
  const codes = Object.keys(model.states);
  const chosen = model.districts.includes(ctx.chosen) ? ctx.chosen : null;
  const districts = chosen ? [chosen] : model.districts;
  const visibleStates = chosen ? [chosen.slice(0, 2)] : codes;
  const names = codes.map((c) => model.states[c].name);
  const out = [el('h3', { class: 'results__title', tabindex: '-1' }, `Who represents ZIP ${model.zip}${ctx.plus4 ? `-${ctx.plus4}` : ''}`)];
  if (ctx.plus4) out.push(el('p', { class: 'hint' }, 'We look up the first 5 digits only; the +4 helps on the House\'s own lookup below.'));
  if (model.districts.length > 1) {
    const split = el('div', { class: 'notice split' },
      el('p', {}, `ZIP ${model.zip} is split between ${model.districts.length} congressional districts${codes.length > 1 ? ` and crosses a state line (${names.join(' and ')})` : ''}, so the ZIP code alone cannot tell which is yours. We show every possible member; only one of the House members represents you.`),
      el('p', {}, 'Find your exact district with your ZIP+4 or street address on ', link(ctx.houseLookup, "the House's own ZIP code lookup", { external: true }), ', then choose it here.'));
    const fieldset = el('fieldset', { class: 'district-choice' }, el('legend', {}, 'Which district is yours?'));
    const options = [...model.districts.map((d) => {
      const member = model.states[d.slice(0, 2)].districts[d];
      const who = member && member.status === 'current' ? ` (${member.title} ${member.name})` : member === null ? ' (vacant seat)' : '';
      return [d, `${districtLabel(d, model.states[d.slice(0, 2)])}${who}`];
    }), ['', 'I am not sure yet: show them all']];
    for (const [value, text] of options) {
      const id = `district-${value || 'all'}`;
      fieldset.append(el('div', { class: 'choice' },
        el('input', { type: 'radio', name: 'district', id, value, checked: (chosen || '') === value }),
        el('label', { for: id }, text)));
    }
    split.append(fieldset);
    out.push(split);
  } else if (districts[0].endsWith('-AL') && model.states[districts[0].slice(0, 2)].kind === 'state') {
    out.push(el('p', {}, `${model.states[districts[0].slice(0, 2)].name} has one member of the House for the whole state (an at-large seat).`));
  }
  const senate = [];
  for (const code of visibleStates) {
    const state = model.states[code];
    const senators = Array.isArray(state.senators) ? state.senators : [];
    if (state.kind !== 'state') { senate.push(noSenators(state)); continue; }
    const note = visibleStates.length > 1 ? `If you live in ${state.name}.` : null;
    for (const member of senators) {
      if (!member || !BIOGUIDE.test(member.bioguide)) continue;
      senate.push(member.status === 'current' ? memberCard(member, state, ctx, null, note) : staleCard(member, state, ctx, null));
    }
    if (senators.length < 2) senate.push(el('p', { class: 'seat-note' }, `Our data lists ${senators.length} of ${state.name}'s two senators; the other seat may be vacant. `, link(ctx.official.senate, 'Check the Senate list', { external: true }), '.'));
  }
  const house = [];
  for (const district of districts) {
    const state = model.states[district.slice(0, 2)];
    const member = state.districts ? state.districts[district] : undefined;
    const note = chosen ? 'Your district (you chose it).' : districts.length > 1 ? `One of ${districts.length} possible districts for ZIP ${model.zip}: ${districtLabel(district, state)}.` : null;
    if (member === null) house.push(vacancyCard(district, state, ctx));
    else if (!member || !BIOGUIDE.test(member.bioguide)) house.push(el('p', { class: 'seat-note' }, `We have no record for ${districtLabel(district, state)}. `, link(ctx.official.house, 'See the House list of members', { external: true }), '.'));
    else if (member.status !== 'current') house.push(staleCard(member, state, ctx, district));
    else house.push(memberCard(member, state, ctx, district, note));
  }
  out.push(el('h3', {}, visibleStates.length > 1 ? 'Senators' : 'Your senators'), ...senate);
  out.push(el('h3', {}, districts.length > 1 ? 'Possible members of the House' : 'Your member of the House'), ...house);
  if (!shown.size) {
    out.push(el('p', { class: 'notice' }, `Nobody shown here is asked by this action (it asks ${ctx.targets.has('senate') ? 'senators' : 'members of the House'}). You can still share it with friends who have them, or `, link(ctx.actIndex, 'take another action'), '.'));
  } else {
    out.push(el('p', { class: 'hint' }, 'Next: add your name and town to the letter (step 2), then copy it into each contact form, print it, or call.'));
  }
  box.replaceChildren(...out);
}

/** Render an error message with what to do next. */
export function renderError(box, message, ctx, { unknown = false } = {}) {
  shown.clear();
  const next = el('ul', {},
    el('li', {}, link(ctx.directory, 'Find your members by state in our directory')),
    el('li', {}, link(ctx.houseLookup, "Find your House member with your ZIP+4 or address on the House's lookup", { external: true })));
  box.replaceChildren(el('p', { class: 'error-message', id: 'zip-error' }, message),
    unknown ? el('p', {}, 'PO-box-only and business ZIP codes are not in the Census map of ZIP areas we use. Try the ZIP code of your home address, or:') : el('p', {}, 'Or:'),
    next);
}

/** Fill every shown recipient's letter and script with the visitor's details. */
export function refreshRecipients(box, templates, sender) {
  for (const holder of box.querySelectorAll('[data-letter-for], [data-script-for]')) {
    const entry = shown.get(holder.dataset.letterFor || holder.dataset.scriptFor);
    if (!entry) continue;
    const values = valuesFor(entry.member, sender, entry.place);
    const template = holder.dataset.letterFor ? templates.letter : templates.script;
    holder.replaceChildren(...fill(template, values, { final: true }).childNodes);
  }
}

export { OFFICIAL, SWITCHBOARD };
