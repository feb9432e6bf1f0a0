// The recipients one at a time: "1 of 3 · Senator Warren", one step per channel, "Next:
// Senator Markey", and at the end what was done ("You contacted 3 of 3").
import { el, link } from './dom.js';
import { askForName, copyText, fill, printable, readSender, toText, valuesFor } from './letter.js';
import { committeeOf, nearest, recipientCard, writeTarget } from './recipient.js';
import { districtName, placeName, shortName, titleOf } from './members.js';

/** A stepper in `box`; `ctx` holds the page's settings, `w` its words. */
export function createStepper(box, ctx, w) {
  let people = [];
  let pending = false; // the House member is not known until the visitor picks a district
  let index = 0;
  const done = new Map(); // bioguide -> the channel used

  const total = () => people.length + (pending ? 1 : 0);
  const current = () => people[index] || null;

  // The letter's values (English: it is what is sent) and, on a translated page, the
  // values of the translation beside it ("Senadora Warren", the committee line translated).
  function values(person, sender) {
    const line = committeeOf(person.member, ctx.committees);
    const { member, state, district } = person;
    const place = { zip: ctx.zip, stateName: state.name, district: district ? districtName(state, district, 'en') : '' };
    const v = valuesFor(member, sender, place, line ? line[1] : '');
    if (ctx.lang === 'en') return { v, tr: null };
    const tr = {
      ...v, recipient: shortName(member, w), recipient_title: titleOf(member, w), committee: line ? line[2] || '' : '',
      state: placeName(state, ctx.lang), district: district ? districtName(state, district, ctx.lang) : '',
    };
    return { v, tr };
  }

  function refresh() {
    const person = current();
    if (!person) return;
    const { v, tr } = values(person, readSender(ctx.senderForm));
    const options = { final: true, translated: tr };
    for (const holder of box.querySelectorAll('[data-letter-for]')) holder.replaceChildren(...fill(ctx.templates.letter, v, options).childNodes);
    for (const holder of box.querySelectorAll('[data-script-for]')) holder.replaceChildren(...fill(ctx.templates.script, v, options).childNodes);
  }

  function nav() {
    const next = people[index + 1];
    const label = next ? w('next', { who: shortName(next.member, w) }) : pending && index < people.length ? w('next_house') : w('finish');
    return el('div', { class: 'stepper__nav' },
      index > 0 ? el('button', { type: 'button', class: 'button--secondary', 'data-do': 'back' }, w('back')) : '',
      el('button', { type: 'button', class: 'button', 'data-do': 'next' }, label));
  }

  function endState() {
    const count = people.filter((p) => done.has(p.member.bioguide)).length;
    const list = el('ul', { class: 'stepper__summary' }, people.map((p, i) => el('li', {},
      `${shortName(p.member, w)}: `, done.has(p.member.bioguide) ? w(`done_${done.get(p.member.bioguide)}`) : [w('not_yet'), ' ',
        el('button', { type: 'button', class: 'button--link', 'data-do': 'goto', 'data-index': String(i) }, w('go_back', { who: shortName(p.member, w) }))])));
    const here = `${window.location.origin}${window.location.pathname}`;
    return el('section', { class: 'stepper__end', id: 'thanks', 'aria-labelledby': 'thanks-title' },
      el('h3', { id: 'thanks-title', tabindex: '-1' }, w(count === total() ? 'end_all' : 'end_some', { count, total: total() })),
      list, pending ? el('p', {}, w('end_pending')) : '',
      el('p', {}, w('share'), ' ', link(here, here, { attrs: { id: 'share-link' } })),
      el('p', {}, link(ctx.actIndex, w('other_actions'))));
  }

  function render(focus = false) {
    let body;
    let heading;
    if (index >= total()) {
      body = endState();
      heading = body.querySelector('h3');
    } else if (!current()) {
      body = el('div', { class: 'recipient recipient--pending' }, el('h3', { tabindex: '-1' }, w('pending_title')),
        el('p', {}, w('pending_text')),
        el('button', { type: 'button', class: 'button--secondary', 'data-do': 'choose' }, w('pending_button')));
      heading = body.querySelector('h3');
    } else {
      body = recipientCard(current(), ctx, w);
      heading = body.querySelector('h3');
    }
    const person = current();
    const progress = index < total()
      ? el('p', { class: 'stepper__progress' }, w('progress', { n: index + 1, total: total() }), person ? ` · ${shortName(person.member, w)}` : '')
      : '';
    box.dataset.total = String(total());
    box.replaceChildren(progress, body, index < total() ? nav() : '');
    refresh();
    if (focus) heading.focus();
  }

  function letterText(person, subjectOnly) {
    const { v, tr } = values(person, readSender(ctx.senderForm));
    const filled = fill(ctx.templates.letter, v, { final: true, translated: tr });
    const body = filled.cloneNode(true);
    const subject = body.querySelector('.letter__subject-text');
    body.querySelector('.letter__subject')?.remove();
    return { filled, text: subjectOnly ? subject.textContent.trim() : toText(body) };
  }

  function mark(person, channel, message) {
    done.set(person.member.bioguide, channel);
    const status = box.querySelector('.recipient__status');
    status.replaceChildren(...[message].flat());
  }

  box.addEventListener('input', (event) => {
    if (event.target.name === 'sender_address') ctx.address = event.target.value;
    refresh();
  });

  box.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-do]');
    if (!button) return;
    const action = button.dataset.do;
    const person = current();
    if (action === 'next' || action === 'back' || action === 'goto') {
      index = action === 'goto' ? Number(button.dataset.index) : index + (action === 'next' ? 1 : -1);
      render(true);
    } else if (action === 'choose') {
      ctx.onChoose();
    } else if (!person) {
      // nothing else works without a recipient
    } else if (action === 'call') {
      mark(person, 'call', w('status_call'));
    } else if (action === 'write' || action === 'copy-subject') {
      if (action === 'write' && askForName(ctx.senderForm, w('need_name'))) return;
      const { text } = letterText(person, action === 'copy-subject');
      const ok = await copyText(text);
      const target = writeTarget(person.member);
      if (!ok) {
        box.querySelector('.recipient__letter').open = true;
        mark(person, 'write', w('status_copy_failed'));
      } else if (action === 'copy-subject') {
        box.querySelector('.recipient__status').textContent = w('status_subject');
      } else {
        if (target.url) window.open(target.url, '_blank', 'noopener,noreferrer');
        mark(person, 'write', [w(target.url ? 'status_written' : 'status_copied'), ' ',
          target.url ? link(target.url, w(target.form ? 'open_form' : 'open_page'), { external: true, note: w('new_tab') }) : '']);
      }
    } else if (action === 'print') {
      if (askForName(ctx.senderForm, w('need_name'))) return;
      const select = box.querySelector('select[data-office]');
      const offices = nearest(person.member.offices, ctx.zip);
      const office = select && select.value !== '' ? offices[Number(select.value)] || null : null;
      const { filled } = letterText(person, false);
      ctx.printBox.replaceChildren(printable(filled, person.member, office, readSender(ctx.senderForm), { zip: ctx.zip, state: person.state.state }));
      ctx.printBox.hidden = false;
      document.documentElement.classList.add('printing-letter');
      mark(person, 'print', w('status_print'));
      window.print();
    }
  });

  return {
    /** Show these people (and a pending House step); keep what was done and where we are. */
    set(list, houseOpen, { restart = false } = {}) {
      people = list;
      pending = houseOpen;
      index = restart ? 0 : Math.min(index, total());
      render();
    },
    refresh,
  };
}
