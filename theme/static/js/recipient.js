// One recipient's card: name and seat, why this office matters for this action, then one
// step per channel: Call (a large tel: button beside the script), Write (copy the letter,
// then open the office's form or page), Print (the letter addressed to the office chosen).
import { el, link, longDate, safeHttps, safeReport, telHref } from './dom.js';
import { districtName, fullName, partyName, placeName, shortName } from './members.js';

/** District offices, those whose ZIP is nearest the visitor's first (a rough guide). */
export function nearest(offices, zip) {
  const target = Number(zip);
  const distance = (o) => (/^\d{5}/.test(o.zip || '') ? Math.abs(Number(o.zip.slice(0, 5)) - target) : Infinity);
  return Array.isArray(offices) ? [...offices].filter((o) => o && typeof o === 'object').sort((a, b) => distance(a) - distance(b)) : [];
}

/** The action's [committee id, sentence] for the first of its committees the member sits on. */
export function committeeOf(member, committees) {
  const seats = new Set(Array.isArray(member.committees) ? member.committees : []);
  return committees.find(([id]) => seats.has(id)) || null;
}

/** Where the letter goes online: the contact form, else the contact page or website. */
export function writeTarget(member) {
  const form = safeHttps(member.contact_form);
  return { url: form || safeHttps(member.contact_page) || safeHttps(member.website), form: Boolean(form) };
}

function why(member, ctx, w) {
  const committee = committeeOf(member, ctx.committees);
  return committee ? el('p', { class: 'recipient__why' }, w('committee_why', {
    who: shortName(member, w), committee: ctx.committeeNames[committee[0]] || committee[0], date: longDate(ctx.committeeDate, ctx.lang),
  })) : '';
}

function call(member, offices, ctx, w) {
  const tel = telHref(member.phone);
  const number = tel ? member.phone : ctx.switchboard;
  const office = offices.find((o) => telHref(o.phone));
  return el('div', { class: 'channel channel--call' }, el('h4', { class: 'visually-hidden' }, w('call')),
    el('div', { class: 'channel__row' },
      el('div', { class: 'channel__do' },
        tel || telHref(number) ? link(tel || telHref(number), w('call_number', { number }), { cls: 'button button--call', attrs: { 'data-do': 'call' } }) : '',
        el('p', { class: 'hint' }, tel ? w('call_dc') : w('call_switchboard', { who: fullName(member, w) }),
          office ? [' ', w('call_local', { city: office.city || '' }), ' ', link(telHref(office.phone), office.phone, { cls: 'nowrap' }), '.'] : ''),
        why(member, ctx, w)),
      el('div', { class: 'script', 'data-script-for': member.bioguide })),
    ctx.expect ? el('details', { class: 'channel__more' }, el('summary', {}, w('expect')), ctx.expect.cloneNode(true)) : '');
}

function write(member, ctx, w) {
  const target = writeTarget(member);
  return el('div', { class: 'channel channel--write' }, el('h4', {}, w('write')),
    el('button', { type: 'button', class: 'button button--write', 'data-do': 'write' },
      w(target.url ? (target.form ? 'write_form' : 'write_page') : 'write_copy')),
    el('p', { class: 'hint' }, target.url ? w('write_hint', { host: new URL(target.url).hostname }) : w('write_none')),
    el('details', { class: 'recipient__letter' }, el('summary', {}, w('read_letter', { who: shortName(member, w) })),
      el('div', { class: 'letter', 'data-letter-for': member.bioguide }),
      el('button', { type: 'button', class: 'button--link', 'data-do': 'copy-subject' }, w('copy_subject'))));
}

function print(member, offices, ctx, w) {
  const id = `office-${member.bioguide}`;
  const select = el('select', { id, 'data-office': '' }, el('option', { value: '' }, w('print_dc')),
    offices.map((o, i) => el('option', { value: String(i) }, w('print_office', { city: o.city || '' }))));
  // The street address belongs to the sender form (form=), but is only asked for here.
  const address = el('input', { id: 'sender-address', name: 'sender_address', form: 'sender-form', type: 'text', autocomplete: 'address-line1', maxlength: '200' });
  address.value = ctx.address || '';
  return el('div', { class: 'channel channel--print' }, el('h4', {}, w('print')),
    el('label', { for: 'sender-address' }, w('print_address'), ' ', el('span', { class: 'optional' }, w('optional'))), address,
    el('div', { class: 'channel__inline' }, el('label', { for: id }, w('print_to')), select,
      el('button', { type: 'button', class: 'button--secondary', 'data-do': 'print' }, w('print_button'))));
}

// Every office with its address and phone (the website and the Washington office are in the
// steps above).
function every(member, offices, w) {
  const items = member.address ? [el('li', {}, el('strong', {}, w('all_address')), ` ${member.address}`)] : [];
  for (const o of offices) {
    const tel = telHref(o.phone);
    items.push(el('li', {}, el('strong', {}, String(o.city || '')), o.address ? `: ${o.address}` : '', tel ? [' · ', link(tel, o.phone, { cls: 'nowrap' })] : ''));
  }
  return items.length ? el('details', { class: 'channel__more' }, el('summary', {}, w('all_channels')), el('ul', { class: 'channels' }, items)) : '';
}

/** The card for one person: {member, state, district}. */
export function recipientCard(person, ctx, w) {
  const { member, state, district } = person;
  const id = `r-${member.bioguide}`;
  const seat = member.chamber === 'senate' ? w('seat_senate', { state: placeName(state, ctx.lang) }) : districtName(state, district, ctx.lang);
  const card = el('article', { class: 'recipient', 'data-bioguide': member.bioguide, 'data-chamber': member.chamber, 'aria-labelledby': id },
    el('h3', { id, class: 'recipient__name', tabindex: '-1' }, fullName(member, w)),
    el('p', { class: 'recipient__meta' }, [partyName(member.party, w), seat].filter(Boolean).join(' · ')));
  if (member.took_office) card.append(el('p', { class: 'recipient__note' }, w('took_office', { date: longDate(member.took_office, ctx.lang) })));
  const report = safeReport(member.report_url);
  // The offices nearest first, once for the card (the Print step's choices keep this order).
  const offices = nearest(member.offices, ctx.zip);
  card.append(call(member, offices, ctx, w), write(member, ctx, w), print(member, offices, ctx, w), every(member, offices, w),
    el('p', { class: 'recipient__status', role: 'status' }),
    el('p', { class: 'recipient__source hint' }, w('data_as_of', { date: longDate(state.data_date, ctx.lang) }),
      report ? [' ', link(report, w('report'), { external: true, note: w('new_tab') })] : ''));
  return card;
}
