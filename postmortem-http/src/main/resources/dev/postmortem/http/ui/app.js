// The post-mortem web UI: plain ES module, no build step. It talks to the same HTTP API as
// every other client, so what it can do is exactly what the API allows the user.
const API = document.querySelector('meta[name="postmortem-api"]').content;
const TEMPLATES = document.querySelector('meta[name="postmortem-templates"]').content;
const main = document.getElementById('main');
const banner = document.getElementById('banner');

const TRANSITION_LABELS = { IN_REVIEW: 'Submit for review', PUBLISHED: 'Publish', ARCHIVED: 'Archive', DRAFT: 'Back to draft' };

// ---------------------------------------------------------------- small helpers

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function call(method, url, body, etag) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  if (etag) headers['If-Match'] = etag;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  return { ok: response.ok, status: response.status, etag: response.headers.get('ETag'), data };
}

function showBanner(message, action) {
  banner.replaceChildren(el('p', {}, message), action || '');
  banner.hidden = false;
  banner.focus?.();
}

function clearBanner() { banner.hidden = true; banner.replaceChildren(); }

/** A refused write: field errors next to their fields, 412 and 409 as a banner. */
function showProblem(problem, status, form) {
  if (status === 412) {
    showBanner('This post-mortem was changed by someone else since you opened it.',
      el('button', { type: 'button', onclick: () => { clearBanner(); route(); } }, 'Reload'));
    return;
  }
  if (status === 400 && problem.errors && form) {
    let first = null;
    for (const error of problem.errors) {
      const field = fieldFor(form, error.field);
      const target = field || form.querySelector('[data-errors]');
      const id = 'error-' + Math.random().toString(36).slice(2);
      const message = el('p', { class: 'error', id }, field ? error.message : `${error.field}: ${error.message}`);
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', id);
        field.insertAdjacentElement('afterend', message);
        first = first || field;
      } else {
        target.append(message);
      }
    }
    showBanner(problem.detail);
    (first || banner).focus();
    return;
  }
  showBanner(problem.detail || `The request failed (${status}).`);
}

/** The input for a JSON path such as "title" or "actionItems[1].priority". */
function fieldFor(form, path) {
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(path);
  if (!match) return null;
  const [, list, index, name] = match;
  if (index === undefined) return form.querySelector(`[name="${list}"]`);
  const rows = form.querySelectorAll(`[data-list="${list}"] > [data-row]`);
  const row = rows[Number(index)];
  return row ? row.querySelector(`[name="${list}.${name || 'description'}"]`) : null;
}

function clearErrors(form) {
  form.querySelectorAll('.error').forEach(node => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach(node => { node.removeAttribute('aria-invalid'); node.removeAttribute('aria-describedby'); });
  clearBanner();
}

// ---------------------------------------------------------------- list

async function listView() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const status = el('select', { name: 'status', 'aria-label': 'Status' },
    el('option', { value: '' }, 'All statuses'),
    ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED'].map(s => el('option', { value: s, selected: params.get('status') === s }, s)));
  const q = el('input', { type: 'search', name: 'q', value: params.get('q') || '', placeholder: 'Search title, summary, impact, root cause', 'aria-label': 'Search' });
  const filters = el('form', { class: 'filters', role: 'search', onsubmit: event => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.value) next.set('q', q.value);
    if (status.value) next.set('status', status.value);
    location.hash = '#/?' + next;
  } }, q, status);
  status.addEventListener('change', () => filters.requestSubmit());
  const body = el('tbody');
  const more = el('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');
  main.replaceChildren(el('h1', {}, 'Post-Mortems'),
    el('a', { href: '#/new', class: 'button' }, 'Create Post-Mortem'), filters,
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Title'), el('th', {}, 'Status'), el('th', {}, 'Incident'), el('th', {}, 'Created'))), body),
    more);
  let cursor = null;
  async function load() {
    const query = new URLSearchParams({ limit: '20' });
    if (params.get('q')) query.set('q', params.get('q'));
    if (params.get('status')) query.set('status', params.get('status'));
    if (cursor) query.set('cursor', cursor);
    const page = await call('GET', `${API}?${query}`);
    if (!page.ok) return showProblem(page.data, page.status);
    for (const item of page.data.items) {
      body.append(el('tr', {}, el('td', {}, el('a', { href: `#/pm/${item.id}` }, item.title)),
        el('td', {}, el('span', { class: 'status' }, item.status)), el('td', {}, item.incidentId),
        el('td', {}, new Date(item.createdAt).toLocaleString())));
    }
    cursor = page.data.nextCursor;
    more.hidden = !cursor;
  }
  more.addEventListener('click', load);
  await load();
}

// ---------------------------------------------------------------- create and edit

function timelineRow(event = {}) {
  const row = el('div', { class: 'row', 'data-row': true, 'data-id': event.id || '' },
    el('label', {}, 'Time', el('input', { name: 'timeline.time', value: event.time || '', placeholder: '14:35', required: true })),
    el('label', {}, 'What happened', el('input', { name: 'timeline.description', value: event.description || '' })),
    el('button', { type: 'button', class: 'secondary', onclick: () => row.remove() }, 'Remove event'));
  row.querySelector('[name="timeline.time"]').addEventListener('change', () => sortTimeline(row.parentElement));
  return row;
}

/** Keeps the timeline rows in time order, as the document will be. */
function sortTimeline(list) {
  const rows = [...list.children];
  const key = row => row.querySelector('[name="timeline.time"]').value;
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).forEach(row => list.append(row));
}

function actionItemRow(item = {}) {
  const select = (name, values, value) => el('select', { name }, values.map(v => el('option', { value: v, selected: v === value }, v)));
  const row = el('div', { class: 'item', 'data-row': true, 'data-id': item.id || '' },
    el('label', {}, 'Action item', el('input', { name: 'actionItems.description', value: item.description || '' })),
    el('label', {}, 'Owner', el('input', { name: 'actionItems.owner', value: item.owner || '', placeholder: 'name@example.com' })),
    el('label', {}, 'Priority', select('actionItems.priority', ['HIGH', 'MEDIUM', 'LOW'], item.priority || 'MEDIUM')),
    el('label', {}, 'Status', select('actionItems.status', ['TODO', 'IN_PROGRESS', 'DONE'], item.status || 'TODO')),
    el('label', {}, 'Due date', el('input', { type: 'date', name: 'actionItems.dueDate', value: item.dueDate || '' })),
    el('button', { type: 'button', class: 'secondary', onclick: () => row.remove() }, 'Remove item'));
  return row;
}

function field(label, input) {
  return el('label', {}, label, input);
}

function readForm(form) {
  const value = name => form.querySelector(`[name="${name}"]`).value;
  const optional = name => value(name).trim() === '' ? null : value(name);
  const rows = list => [...form.querySelectorAll(`[data-list="${list}"] > [data-row]`)];
  return {
    incidentId: value('incidentId'), title: value('title'), summary: value('summary'),
    impact: optional('impact'), rootCause: optional('rootCause'),
    timeline: rows('timeline').map(row => withId(row, {
      time: row.querySelector('[name="timeline.time"]').value,
      description: row.querySelector('[name="timeline.description"]').value })),
    actionItems: rows('actionItems').map(row => withId(row, {
      description: row.querySelector('[name="actionItems.description"]').value,
      owner: row.querySelector('[name="actionItems.owner"]').value.trim() || null,
      priority: row.querySelector('[name="actionItems.priority"]').value,
      status: row.querySelector('[name="actionItems.status"]').value,
      dueDate: row.querySelector('[name="actionItems.dueDate"]').value || null })),
  };
}

function withId(row, value) {
  return row.dataset.id ? { id: row.dataset.id, ...value } : value;
}

async function editorView(id) {
  let doc = null;
  let etag = null;
  if (id) {
    const loaded = await call('GET', `${API}/${id}`);
    if (!loaded.ok) return showProblem(loaded.data, loaded.status);
    doc = loaded.data;
    etag = loaded.etag;
  }
  const templates = id ? null : await call('GET', TEMPLATES);
  const timeline = el('div', { class: 'rows', 'data-list': 'timeline' }, (doc?.timeline || []).map(timelineRow));
  const items = el('div', { 'data-list': 'actionItems' }, (doc?.actionItems || []).map(actionItemRow));
  const templateSelect = id ? null : el('select', { name: 'templateId' }, el('option', { value: '' }, 'No template'),
    templates.data.items.map(t => el('option', { value: t.id }, t.name)));
  const form = el('form', { novalidate: true },
    field('Incident', el('input', { name: 'incidentId', value: doc?.incidentId || '', required: true })),
    templateSelect && field('Template', templateSelect),
    field('Title', el('input', { name: 'title', value: doc?.title || '', required: true })),
    field('Summary', el('textarea', { name: 'summary', required: true }, doc?.summary || '')),
    field('Impact', el('textarea', { name: 'impact' }, doc?.impact || '')),
    field('Root cause', el('textarea', { name: 'rootCause' }, doc?.rootCause || '')),
    el('h2', {}, 'Timeline'), timeline,
    el('button', { type: 'button', class: 'secondary', onclick: () => { timeline.append(timelineRow()); timeline.lastChild.querySelector('input').focus(); } }, 'Add event'),
    el('h2', {}, 'Action items'), items,
    el('button', { type: 'button', class: 'secondary', onclick: () => { items.append(actionItemRow()); items.lastChild.querySelector('input').focus(); } }, 'Add action item'),
    el('div', { 'data-errors': true }),
    el('div', {}, id
      ? el('button', { type: 'submit', value: 'save' }, 'Save')
      : [el('button', { type: 'submit', value: 'DRAFT' }, 'Save draft'), el('button', { type: 'submit', value: 'IN_REVIEW' }, 'Submit for review')],
      el('a', { href: id ? `#/pm/${id}` : '#/', class: 'button secondary' }, 'Cancel')));
  if (templateSelect) {
    templateSelect.addEventListener('change', async () => {
      if (!templateSelect.value) return;
      const t = (await call('GET', `${TEMPLATES}/${templateSelect.value}`)).data;
      const incident = form.querySelector('[name="incidentId"]').value;
      const fill = (name, text) => { const input = form.querySelector(`[name="${name}"]`); if (!input.value.trim()) input.value = text; };
      fill('title', t.title.replace('{incidentId}', incident).replace('{date}', new Date().toISOString().slice(0, 10)));
      fill('summary', t.summary); fill('impact', t.impact); fill('rootCause', t.rootCause);
      if (!timeline.children.length) t.timeline.forEach(event => timeline.append(timelineRow(event)));
      if (!items.children.length) t.actionItems.forEach(item => items.append(actionItemRow(item)));
    });
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const body = readForm(form);
    let result;
    if (id) {
      result = await call('PATCH', `${API}/${id}`, body, etag);
    } else {
      if (templateSelect.value) body.templateId = templateSelect.value;
      body.status = event.submitter?.value === 'IN_REVIEW' ? 'IN_REVIEW' : 'DRAFT';
      result = await call('POST', API, body);
    }
    if (!result.ok) return showProblem(result.data, result.status, form);
    location.hash = `#/pm/${result.data.id}`;
  });
  main.replaceChildren(el('h1', {}, id ? `Edit: ${doc.title}` : 'Create Post-Mortem'), form);
  form.querySelector('input').focus();
}

// ---------------------------------------------------------------- one post-mortem

async function documentView(id) {
  const loaded = await call('GET', `${API}/${id}`);
  if (!loaded.ok) return showProblem(loaded.data, loaded.status);
  const doc = loaded.data;
  const rendered = await call('GET', `${API}/${id}/export?format=html`);
  // The export is commonmark's output with every user character escaped; take its body.
  const content = new DOMParser().parseFromString(rendered.data, 'text/html').body;
  const transitions = doc.allowedTransitions.map(status => el('button', { type: 'button', 'data-transition': status,
    onclick: async () => {
      const result = await call('PATCH', `${API}/${id}`, { status }, loaded.etag);
      if (!result.ok) return showProblem(result.data, result.status);
      route();
    } }, TRANSITION_LABELS[status] || status));
  const editable = doc.status === 'DRAFT' || doc.status === 'IN_REVIEW';
  const itemControls = doc.status === 'ARCHIVED' ? [] : doc.actionItems.map(item => el('label', {},
    item.description,
    el('select', { name: 'actionItems.status', 'data-item': item.id, onchange: async event => {
      const result = await call('PATCH', `${API}/${id}/action-items/${item.id}`, { status: event.target.value }, loaded.etag);
      if (!result.ok) return showProblem(result.data, result.status);
      route();
    } }, ['TODO', 'IN_PROGRESS', 'DONE'].map(s => el('option', { value: s, selected: s === item.status }, s)))));
  const download = el('button', { type: 'button', class: 'secondary', onclick: async () => {
    const markdown = await call('GET', `${API}/${id}/export`);
    const link = el('a', { href: URL.createObjectURL(new Blob([markdown.data], { type: 'text/markdown' })),
      download: `${doc.incidentId.replace(/[^\w.-]+/g, '_')}-postmortem.md` });
    document.body.append(link);
    link.click();
    link.remove();
  } }, 'Export Markdown');
  main.replaceChildren(
    el('div', { class: 'toolbar' }, el('span', { class: 'status', 'data-status': doc.status }, doc.status),
      transitions, editable ? el('a', { href: `#/pm/${id}/edit`, class: 'button secondary' }, 'Edit') : null, download),
    itemControls.length ? el('section', {}, el('h2', {}, 'Action item status'), itemControls) : null,
    el('article', { class: 'document' }, ...content.childNodes));
}

// ---------------------------------------------------------------- routing

async function route() {
  clearBanner();
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/';
  let match;
  try {
    if (path === '/') await listView();
    else if (path === '/new') await editorView(null);
    else if ((match = /^\/pm\/([\w-]+)\/edit$/.exec(path))) await editorView(match[1]);
    else if ((match = /^\/pm\/([\w-]+)$/.exec(path))) await documentView(match[1]);
    else main.replaceChildren(el('p', {}, 'Nothing here. '), el('a', { href: '#/' }, 'Back to the list'));
  } catch (error) {
    showBanner(`Something went wrong: ${error.message}`);
  }
  // focus for screen readers and keyboards; no scroll jump for everybody else
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
