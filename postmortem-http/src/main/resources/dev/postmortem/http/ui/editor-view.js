// Creating and editing a post-mortem: one form for the whole document.
import { API, TEMPLATES, VOCABULARY, call } from './api.js';
import { clearErrors, el, field, showProblem } from './dom.js';

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
    el('label', {}, 'Priority', select('actionItems.priority', VOCABULARY.priorities, item.priority || VOCABULARY.defaultPriority)),
    el('label', {}, 'Status', select('actionItems.status', VOCABULARY.actionItemStatuses, item.status || VOCABULARY.defaultActionItemStatus)),
    el('label', {}, 'Due date', el('input', { type: 'date', name: 'actionItems.dueDate', value: item.dueDate || '' })),
    el('button', { type: 'button', class: 'secondary', onclick: () => row.remove() }, 'Remove item'));
  return row;
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

export async function editorView(main, id) {
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
