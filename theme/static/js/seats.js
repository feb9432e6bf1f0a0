// Who represents a ZIP, read from our data: the people, the seats we cannot name, and the
// choice the visitor has to make when the ZIP alone cannot tell (a split ZIP, a ZIP across
// a state line, or a state with new House maps that the ZIP table predates).

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

/** "Senator Warren": title and last name (`name.last` in congress-legislators). */
export const shortName = (member, w) => `${titleOf(member, w)} ${member.last_name || member.name}`;

/** "Senator Elizabeth Warren". */
export const fullName = (member, w) => `${titleOf(member, w)} ${member.name}`;
