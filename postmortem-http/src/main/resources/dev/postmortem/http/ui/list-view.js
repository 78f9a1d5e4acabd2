// The list of post-mortems: search everything (hits with their passage), filter by status, tag and
// category, sort by relevance, page on with the cursor.
import { API, VOCABULARY, call } from './api.js';
import { el, showProblem } from './dom.js';
import { pager } from './pager.js';

export async function listView(main) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const status = el('select', { name: 'status', 'aria-label': 'Status' },
    el('option', { value: '' }, 'All statuses'),
    VOCABULARY.statuses.map(s => el('option', { value: s, selected: params.get('status') === s }, s)));
  const q = el('input', { type: 'search', name: 'q', value: params.get('q') || '', placeholder: 'Search everything, comments too', 'aria-label': 'Search' });
  const tag = el('input', { name: 'tag', value: params.get('tag') || '', placeholder: 'Tag', 'aria-label': 'Tag' });
  const categories = await call('GET', `${API}/categories`);
  const category = el('select', { name: 'category', 'aria-label': 'Category' }, el('option', { value: '' }, 'All categories'),
    (categories.ok ? categories.data.items : []).map(c => el('option', { value: c.id, selected: params.get('category') === c.id }, c.name)));
  const sort = el('select', { name: 'sort', 'aria-label': 'Sort' },
    el('option', { value: '' }, 'Newest first'),
    el('option', { value: 'relevance', selected: params.get('sort') === 'relevance' }, 'Best match first'));
  sort.hidden = !params.get('q');
  const filters = el('form', { class: 'filters', role: 'search', onsubmit: event => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.value) next.set('q', q.value);
    if (status.value) next.set('status', status.value);
    if (tag.value.trim()) next.set('tag', tag.value.trim());
    if (category.value) next.set('category', category.value);
    if (q.value && sort.value) next.set('sort', sort.value);
    location.hash = '#/?' + next;
  } }, q, status, tag, category, sort);
  status.addEventListener('change', () => filters.requestSubmit());
  category.addEventListener('change', () => filters.requestSubmit());
  sort.addEventListener('change', () => filters.requestSubmit());
  const body = el('tbody');
  const more = pager(load);
  main.replaceChildren(el('h1', {}, 'Post-Mortems'),
    el('a', { href: '#/new', class: 'button' }, 'Create Post-Mortem'), filters,
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Title'), el('th', {}, 'Status'), el('th', {}, 'Incident'), el('th', {}, 'Action items'), el('th', {}, 'Created'))), body),
    more.button);
  async function load(next) {
    const query = new URLSearchParams({ limit: '20' });
    if (params.get('q')) query.set('q', params.get('q'));
    for (const name of ['status', 'tag', 'category', 'sort']) {
      if (params.get(name)) query.set(name, params.get(name));
    }
    if (next) query.set('cursor', next);
    const page = await call('GET', `${API}?${query}`);
    if (!page.ok) return void showProblem(page.data, page.status);
    for (const item of page.data.items) {
      const classified = [item.category, ...item.tags].filter(Boolean).join(' · ');
      body.append(el('tr', {}, el('td', {}, el('a', { href: `#/pm/${item.id}` }, item.title),
        classified ? el('div', { class: 'hint', 'data-classified': '' }, classified) : null,
        item.highlight ? passage(item.highlight) : null),
        el('td', {}, el('span', { class: 'status' }, item.status)), el('td', {}, item.incidentId),
        el('td', {}, progress(item.actionItemCounts)), el('td', {}, new Date(item.createdAt).toLocaleString())));
    }
    return page.data.nextCursor;
  }
  await more.first();
}

/** "2 of 5 done", and how many are overdue: follow-through at a glance. */
function progress(counts) {
  if (!counts || counts.total === 0) return el('span', { class: 'progress' }, 'none');
  return el('span', { class: 'progress', 'data-progress': `${counts.done}/${counts.total}` },
    el('progress', { max: counts.total, value: counts.done, 'aria-hidden': 'true' }), ' ',
    `${counts.done} of ${counts.total} done`,
    counts.overdue ? el('span', { class: 'overdue-mark' }, ` · ${counts.overdue} overdue`) : null);
}

/** A search hit's passage, its words marked; built from text nodes, so nothing in it is read as markup. */
function passage(highlight) {
  const parts = [];
  let at = 0;
  for (const [start, end] of highlight.matches) {
    parts.push(highlight.text.slice(at, start), el('mark', {}, highlight.text.slice(start, end)));
    at = end;
  }
  parts.push(highlight.text.slice(at));
  return el('p', { class: 'passage', 'data-highlight': highlight.field }, ...parts);
}
