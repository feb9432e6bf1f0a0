// Site search with Pagefind's JavaScript API, from our own origin (/pagefind/, written by
// `make html` / scripts/publish.py). No Pagefind UI: its stock styles use data: URLs and
// inline styles, which our Content-Security-Policy blocks. Results are built with DOM
// methods and textContent only; Pagefind's excerpt markup is reduced to text and <mark>.
// Without JavaScript the form still submits to this page, and the page explains the
// alternatives (the site map and the lists).
const form = document.querySelector('[data-module="search"]');

const MAX_RESULTS = 20;

// Keep only text and <mark> from an excerpt (parsed in an inert document, never inserted).
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const nodes = [];
  parsed.body.firstChild.childNodes.forEach((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  });
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
    excerpt.append(...excerptNodes(data.excerpt || ''));
    item.append(heading, excerpt);
    list.append(item);
  });
}

async function setUp() {
  const input = form.querySelector('input[name="q"]');
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

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('q', input.value.trim());
    window.history.replaceState(null, '', url);
    run(input.value);
  });

  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    run(initial);
  }
}

if (form) setUp();
