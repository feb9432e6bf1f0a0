// Site search with Pagefind's JavaScript API, from our own origin (/pagefind/, written by
// `make html` / scripts/publish.py). No Pagefind UI: its stock styles use data: URLs and
// inline styles, which our Content-Security-Policy blocks. Results are built with DOM
// methods and textContent only; Pagefind's excerpt markup is reduced to text and <mark>.
// The query is never put in the address (so not in history or server logs either).
// Without JavaScript the page explains the alternatives (the site map and the lists).
const form = document.querySelector('[data-module="search"]');

const MAX_RESULTS = 20;

// An excerpt as text (parsed in an inert document, never inserted), with our own marks:
// whole query words only. Pagefind marks every word that starts like a query word, so
// "T visa" lit up every word beginning with "t".
export function excerptNodes(html, query) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const text = parsed.body.textContent.replace(/\s+/g, ' ').trim();
  const words = query.split(/\s+/).filter(Boolean).map((q) => q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return [document.createTextNode(text)];
  const whole = new RegExp(`(?<![\\p{L}\\p{N}])(${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const nodes = [];
  let at = 0;
  for (const match of text.matchAll(whole)) {
    nodes.push(document.createTextNode(text.slice(at, match.index)));
    const mark = document.createElement('mark');
    mark.textContent = match[0];
    nodes.push(mark);
    at = match.index + match[0].length;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

// Show `shown` (the loaded data of the first results) out of `total` matches.
function renderResults(list, status, query, total, shown) {
  list.replaceChildren();
  if (!query) {
    status.textContent = '';
    return;
  }
  if (!total) {
    status.textContent = `No results for “${query}”.`;
    return;
  }
  status.textContent = total > shown.length
    ? `${total} results for “${query}”; showing the first ${shown.length}.`
    : `${total} result${total === 1 ? '' : 's'} for “${query}”.`;
  shown.forEach((data) => {
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.append(link);
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(data.excerpt || '', query));
    item.append(heading, excerpt);
    list.append(item);
  });
}

async function setUp() {
  const input = form.querySelector('input[type="search"]');
  const region = document.getElementById('search-results');
  const status = document.createElement('p');
  status.className = 'search-status';
  const list = document.createElement('ol');
  list.className = 'search-results';
  region.replaceChildren(status, list);

  let pagefind;
  try {
    pagefind = await import(form.dataset.pagefind);
    await pagefind.init();
  } catch (error) {
    status.textContent = 'Search is not available: the search index was not built '
      + '(run make html). Every page is listed in the site map.';
    return;
  }

  let latest = 0;
  async function run(query) {
    const ticket = ++latest;
    const trimmed = query.trim();
    if (!trimmed) {
      renderResults(list, status, '', 0, []);
      return;
    }
    status.textContent = 'Searching…';
    try {
      const search = await pagefind.search(trimmed);
      const results = await Promise.all(
        search.results.slice(0, MAX_RESULTS).map((r) => r.data()),
      );
      if (ticket !== latest) return; // a newer query has started
      renderResults(list, status, trimmed, search.results.length, results);
    } catch (error) {
      if (ticket !== latest) return;
      list.replaceChildren();
      status.textContent = 'Search failed in this browser. Every page is listed in the site map.';
      throw error; // keep it visible in the console (and to the quality gates)
    }
  }

  // The query stays in the page: not in the address bar, not in the history.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(input.value);
  });
}

if (form) setUp();
