// Following through: the caller's open action items first, then every item they may see, with
// filters. A status changes inline where the item's post-mortem allows the caller to change it.
import { ACTION_ITEMS, API, VOCABULARY, call } from './api.js';
import { el, showProblem } from './dom.js';
import { pager } from './pager.js';

const OPEN = ['TODO', 'IN_PROGRESS'];

export async function actionItemsView(main, reload) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const mine = itemTable('My open items', 'mine');
  const all = itemTable('All action items', 'all', filterForm(params));
  main.replaceChildren(el('h1', {}, 'Action items'), mine.section, all.section);

  const myQuery = new URLSearchParams({ owner: 'me', limit: '50' });
  OPEN.forEach(status => myQuery.append('status', status));
  const allQuery = new URLSearchParams({ limit: '20' });
  for (const name of ['q', 'owner', 'priority', 'overdue', 'postMortemStatus']) {
    if (params.get(name)) allQuery.set(name, params.get(name));
  }
  params.getAll('status').forEach(status => allQuery.append('status', status));
  await Promise.all([mine.load(myQuery, reload), all.load(allQuery, reload)]);
}

function filterForm(params) {
  const choice = (name, label, values, empty) => el('select', { name, 'aria-label': label },
    el('option', { value: '' }, empty), values.map(v => el('option', { value: v, selected: params.get(name) === v }, v)));
  const q = el('input', { type: 'search', name: 'q', value: params.get('q') || '', placeholder: 'Search action items', 'aria-label': 'Search action items' });
  const owner = el('input', { name: 'owner', value: params.get('owner') || '', placeholder: 'Owner (or me)', 'aria-label': 'Owner' });
  const status = choice('status', 'Item status', VOCABULARY.actionItemStatuses, 'Any item status');
  const priority = choice('priority', 'Priority', VOCABULARY.priorities, 'Any priority');
  const postMortemStatus = choice('postMortemStatus', 'Post-mortem status', VOCABULARY.statuses, 'Any post-mortem');
  const overdue = el('input', { type: 'checkbox', name: 'overdue', checked: params.get('overdue') === 'true' });
  const form = el('form', { class: 'filters wide', role: 'search', onsubmit: event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const input of [q, owner, status, priority, postMortemStatus]) {
      if (input.value.trim()) next.set(input.name, input.value.trim());
    }
    if (overdue.checked) next.set('overdue', 'true');
    location.hash = '#/action-items?' + next;
  } }, q, owner, status, priority, postMortemStatus, el('label', { class: 'inline' }, overdue, ' Overdue only'),
  el('button', { type: 'submit', class: 'secondary' }, 'Filter'));
  for (const select of [status, priority, postMortemStatus, overdue]) select.addEventListener('change', () => form.requestSubmit());
  return form;
}

/** A titled table of items that pages on with the cursor. */
function itemTable(title, name, filters = null) {
  const body = el('tbody');
  const empty = el('p', { class: 'hint', hidden: true }, 'No action items.');
  const more = pager(load);
  const section = el('section', { 'data-items': name }, el('h2', {}, title), filters,
    el('table', {}, el('thead', {}, el('tr', {}, ['Action item', 'Owner', 'Priority', 'Due', 'Status', 'Post-mortem']
      .map(heading => el('th', {}, heading)))), body), empty, more.button);
  let query;
  let reload;
  async function load(next) {
    const page = await call('GET', `${ACTION_ITEMS}?${query}${next ? '&cursor=' + encodeURIComponent(next) : ''}`);
    if (!page.ok) return void showProblem(page.data, page.status);
    const editable = await editableItems(page.data.items);
    for (const item of page.data.items) body.append(itemRow(item, editable.get(item.postMortem.id), reload));
    empty.hidden = body.children.length > 0;
    return page.data.nextCursor;
  }
  return { section, load: (value, onChange) => { query = value; reload = onChange; return more.first(); } };
}

/** For each post-mortem on the page, its ETag and the items whose status the caller may change. */
async function editableItems(items) {
  const ids = [...new Set(items.map(item => item.postMortem.id))];
  const loaded = await Promise.all(ids.map(id => call('GET', `${API}/${id}`)));
  return new Map(ids.map((id, index) => [id, loaded[index].ok
    ? { etag: loaded[index].etag, items: new Set(loaded[index].data.allowedEdits.actionItemStatus) }
    : { etag: null, items: new Set() }]));
}

function itemRow(item, editable, reload) {
  const tracker = item.trackerKey || item.trackerUrl
    ? el('small', {}, ' ', item.trackerUrl
      ? el('a', { href: item.trackerUrl, rel: 'noopener noreferrer', target: '_blank' }, item.trackerKey || item.trackerUrl)
      : item.trackerKey)
    : null;
  const status = editable && editable.items.has(item.id)
    ? el('select', { 'aria-label': `Status of ${item.description}`, 'data-item': item.id, onchange: async event => {
      const result = await call('PATCH', `${API}/${item.postMortem.id}/action-items/${item.id}`,
        { status: event.target.value }, editable.etag);
      if (!result.ok) {
        event.target.value = item.status; // the server kept the old status: show that, not the refused one
        return showProblem(result.data, result.status);
      }
      reload();
    } }, VOCABULARY.actionItemStatuses.map(s => el('option', { value: s, selected: s === item.status }, s)))
    : el('span', { class: 'status' }, item.status);
  return el('tr', { class: item.overdue ? 'overdue' : null, 'data-item': item.id },
    el('td', {}, item.description, tracker),
    el('td', {}, item.owner || '—'),
    el('td', {}, item.priority),
    el('td', {}, item.dueDate || '—', item.overdue ? el('strong', { class: 'overdue-mark' }, ' overdue') : null),
    el('td', {}, status),
    el('td', {}, el('a', { href: `#/pm/${item.postMortem.id}` }, item.postMortem.title), ' ',
      el('span', { class: 'status' }, item.postMortem.status)));
}
