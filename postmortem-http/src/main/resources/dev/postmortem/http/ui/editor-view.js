// Creating and editing a post-mortem: one form for the whole document. On create, the incident
// and the template fill only what the author has not touched, and can be changed.
import { API, TEMPLATES, VOCABULARY, call } from './api.js';
import { clearErrors, el, field, fieldFor, showProblem } from './dom.js';
import { incidentPicker } from './incident-picker.js';
import { timelineEditor } from './timeline-editor.js';
import { BROWSER_ZONE, KEY_MOMENT_LABELS, inZone } from './times.js';

const HINTED = ['summary', 'impact', 'rootCause', 'businessImpact', 'contributingFactors', 'whyNotCaughtEarlier', 'lessonsLearned'];

function actionItemRow(item = {}) {
  const select = (name, values, value) => el('select', { name }, values.map(v => el('option', { value: v, selected: v === value }, v)));
  const row = el('div', { class: 'item', 'data-row': true, 'data-id': item.id || '' },
    el('label', {}, 'Action item', el('textarea', { name: 'actionItems.description', rows: 2 }, item.description || '')),
    el('label', {}, 'Owner', el('input', { name: 'actionItems.owner', value: item.owner || '', placeholder: 'name@example.com' })),
    el('label', {}, 'Priority', select('actionItems.priority', VOCABULARY.priorities, item.priority || VOCABULARY.defaultPriority)),
    el('label', {}, 'Status', select('actionItems.status', VOCABULARY.actionItemStatuses, item.status || VOCABULARY.defaultActionItemStatus)),
    el('label', {}, 'Due date', el('input', { type: 'date', name: 'actionItems.dueDate', value: item.dueDate || '' })),
    el('label', {}, 'Tracker key', el('input', { name: 'actionItems.trackerKey', value: item.trackerKey || '', placeholder: 'OPS-123' })),
    el('label', { class: 'wide' }, 'Tracker link', el('input', { type: 'url', name: 'actionItems.trackerUrl', value: item.trackerUrl || '', placeholder: 'https://tracker.example.com/OPS-123' })),
    el('button', { type: 'button', class: 'secondary', onclick: () => { row.parentElement.dataset.touched = 'true'; row.remove(); } }, 'Remove item'));
  return row;
}

const lines = text => text.split('\n').map(line => line.trim()).filter(Boolean);
const commaSeparated = text => text.split(/[,;\n]/).map(part => part.trim()).filter(Boolean);
const numberOrNull = text => (text.trim() === '' ? null : Number(text));

function readForm(form, timeline) {
  const value = name => form.querySelector(`[name="${name}"]`).value;
  const optional = name => value(name).trim() === '' ? null : value(name);
  const rows = list => [...form.querySelectorAll(`[data-list="${list}"] > [data-row]`)];
  return {
    incidentId: value('incidentId'), title: value('title'), summary: value('summary'),
    incidentDate: value('incidentDate') || null, timeZone: value('timeZone').trim() || 'UTC',
    impact: optional('impact'), usersAffected: numberOrNull(value('usersAffected')),
    usersAffectedPercent: numberOrNull(value('usersAffectedPercent')),
    servicesAffected: commaSeparated(value('servicesAffected')), businessImpact: optional('businessImpact'),
    rootCause: optional('rootCause'), contributingFactors: lines(value('contributingFactors')),
    whyNotCaughtEarlier: optional('whyNotCaughtEarlier'), lessonsLearned: lines(value('lessonsLearned')),
    contributors: commaSeparated(value('contributors')),
    tags: commaSeparated(value('tags')), category: value('category') || null,
    timeline: timeline.read(),
    actionItems: rows('actionItems').map(row => withId(row, {
      description: row.querySelector('[name="actionItems.description"]').value,
      owner: row.querySelector('[name="actionItems.owner"]').value.trim() || null,
      priority: row.querySelector('[name="actionItems.priority"]').value,
      status: row.querySelector('[name="actionItems.status"]').value,
      dueDate: row.querySelector('[name="actionItems.dueDate"]').value || null,
      trackerKey: row.querySelector('[name="actionItems.trackerKey"]').value.trim() || null,
      trackerUrl: row.querySelector('[name="actionItems.trackerUrl"]').value.trim() || null })),
  };
}

function withId(row, value) {
  return row.dataset.id ? { id: row.dataset.id, ...value } : value;
}

/** A template's title pattern filled in; a part between " - " whose placeholder has no value is left out. */
function titleFor(pattern, values, fallback) {
  const parts = pattern.split(' - ').map(part => {
    let missing = false;
    const filled = part.replace(/\{(incidentId|incidentTitle|date)\}/g, (_, name) => {
      missing = missing || !values[name];
      return values[name] || '';
    });
    return missing || !filled.trim() ? null : filled.trim();
  }).filter(Boolean);
  return parts.length ? parts.join(' - ') : fallback;
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
  const input = (name, attributes = {}) => el('input', { name, value: doc?.[name] ?? '', ...attributes });
  const text = (name, attributes = {}) => el('textarea', { name, ...attributes }, doc?.[name] ?? '');
  const zones = el('datalist', { id: 'time-zones' }, (Intl.supportedValuesOf?.('timeZone') || ['UTC']).map(zone => el('option', { value: zone })));
  const incidentDate = input('incidentDate', { type: 'date' });
  const timeZone = input('timeZone', { value: doc?.timeZone || BROWSER_ZONE, list: 'time-zones' });
  const timeline = timelineEditor(doc?.timeline || [], () => incidentDate.value);
  const items = el('div', { 'data-list': 'actionItems' }, (doc?.actionItems || []).map(actionItemRow));
  items.addEventListener('input', () => { items.dataset.touched = 'true'; });
  const suggestions = el('div', { class: 'suggestions', 'aria-live': 'polite' });
  const earlier = el('div', { 'aria-live': 'polite' });
  const state = { template: null, incident: null };

  const picker = await incidentPicker(doc?.incidentId || '', () => timeZone.value || 'UTC', incident => {
    state.incident = incident;
    if (incident) applyIncident(incident);
    refreshTitle();
  });
  const templates = id ? null : await call('GET', TEMPLATES);
  const categories = await call('GET', `${API}/categories`);
  const categorySelect = el('select', { name: 'category' }, el('option', { value: '' }, 'Not classified'),
    (categories.ok ? categories.data.items : []).map(c => el('option', { value: c.id, title: c.description || '',
      selected: doc?.category === c.id }, c.name)));
  const templateSelect = id ? null : el('select', { name: 'templateId' }, el('option', { value: '' }, 'No template'),
    templates.data.items.map(t => el('option', { value: t.id }, t.name)));

  const form = el('form', { novalidate: true },
    picker.element, earlier,
    templateSelect && field('Template', templateSelect),
    field('Title', input('title', { required: true })),
    el('div', { class: 'pair' }, field('Incident date', incidentDate), field('Time zone', timeZone), zones),
    field('Summary', text('summary')),
    el('fieldset', {}, el('legend', {}, 'Impact'),
      field('What users and the business saw', text('impact')),
      el('div', { class: 'pair' },
        field('Users affected', input('usersAffected', { type: 'number', min: 0, step: 1, inputmode: 'numeric' })),
        field('Users affected (%)', input('usersAffectedPercent', { type: 'number', min: 0, max: 100, step: 'any' }))),
      field('Services affected (comma-separated)', input('servicesAffected', { value: (doc?.servicesAffected || []).join(', ') })),
      field('Business impact', text('businessImpact'))),
    el('fieldset', {}, el('legend', {}, 'Root cause'),
      field('What caused it (systems, not people)', text('rootCause')),
      field('Category', categorySelect),
      field('Contributing factors (one per line)', el('textarea', { name: 'contributingFactors' }, (doc?.contributingFactors || []).join('\n'))),
      field('Why it was not caught earlier', text('whyNotCaughtEarlier')),
      field('Lessons learned (one per line)', el('textarea', { name: 'lessonsLearned' }, (doc?.lessonsLearned || []).join('\n')))),
    el('h2', {}, 'Timeline'), timeline.element, suggestions,
    el('button', { type: 'button', class: 'secondary', onclick: () => { timeline.touched = true; timeline.add().querySelector('[name="timeline.time"]').focus(); } }, 'Add event'),
    el('h2', {}, 'Action items'), items,
    el('button', { type: 'button', class: 'secondary', onclick: () => { items.dataset.touched = 'true'; items.append(actionItemRow()); items.lastChild.querySelector('textarea').focus(); } }, 'Add action item'),
    field('Contributors (e-mail addresses, comma-separated)', input('contributors', { value: (doc?.contributors || []).join(', '), placeholder: 'bob@example.com' })),
    field('Tags (comma-separated)', input('tags', { value: (doc?.tags || []).join(', '), placeholder: 'cache, release-train' })),
    el('div', { 'data-errors': true }),
    el('div', {}, id
      ? el('button', { type: 'submit', value: 'save' }, 'Save')
      : [el('button', { type: 'submit', value: 'DRAFT' }, 'Save draft'), el('button', { type: 'submit', value: 'IN_REVIEW' }, 'Submit for review')],
      el('a', { href: id ? `#/pm/${id}` : '#/', class: 'button secondary' }, 'Cancel')));
  form.addEventListener('input', event => { if (event.target.name) event.target.dataset.touched = 'true'; });
  const named = name => form.querySelector(`[name="${name}"]`);
  const untouched = name => !named(name).dataset.touched;
  const fill = (name, value) => { if (untouched(name)) named(name).value = value; };

  function refreshTitle() {
    if (id) return;
    const incident = state.incident;
    const values = { incidentId: picker.input.value.trim(), incidentTitle: incident?.title,
      date: incidentDate.value || new Date().toISOString().slice(0, 10) };
    const title = state.template ? titleFor(state.template.title, values, state.template.name) : incident?.title;
    if (title !== undefined) fill('title', title);
  }

  function applyIncident(incident) {
    const zone = timeZone.value || 'UTC';
    const moments = Object.keys(KEY_MOMENT_LABELS).map(moment => [moment, incident[{ IMPACT_STARTED: 'startedAt',
      DETECTED: 'detectedAt', ACKNOWLEDGED: 'acknowledgedAt', MITIGATED: 'mitigatedAt', RESOLVED: 'resolvedAt' }[moment]]])
      .filter(([, at]) => at);
    if (incident.services.length) fill('servicesAffected', incident.services.join(', '));
    if (moments.length) {
      const first = moments.map(([, at]) => at).sort()[0];
      fill('incidentDate', inZone(first, zone).date);
      if (!timeline.touched) {
        timeline.replace(moments.map(([moment, at]) => {
          const { date, time } = inZone(at, zone);
          return { time: date === incidentDate.value ? time : `${date}T${time}`, description: KEY_MOMENT_LABELS[moment], keyMoment: moment };
        }));
      }
    }
    earlier.replaceChildren(incident.postMortems.length
      ? el('p', { class: 'hint' }, 'Already written for this incident: ', incident.postMortems.map((pm, i) =>
        [i ? ', ' : '', el('a', { href: `#/pm/${pm.id}` }, `${pm.title} (${pm.status})`)]))
      : '');
    showSuggestions();
  }

  function showSuggestions() {
    const marked = timeline.markedMoments();
    const open = (state.template?.timeline || []).filter(event => !event.keyMoment || !marked.has(event.keyMoment));
    suggestions.replaceChildren(...(open.length ? [el('p', { class: 'hint' }, 'Suggested events (add them with the time they happened):')] : []),
      ...open.map(event => el('button', { type: 'button', class: 'secondary', onclick: () => {
        timeline.touched = true;
        timeline.add({ description: event.description, keyMoment: event.keyMoment }).querySelector('[name="timeline.time"]').focus();
        showSuggestions();
      } }, `+ ${event.description}`)));
  }

  if (templateSelect) {
    templateSelect.addEventListener('change', async () => {
      state.template = templateSelect.value ? (await call('GET', `${TEMPLATES}/${templateSelect.value}`)).data : null;
      for (const name of HINTED) named(name).placeholder = state.template?.hints[name] || '';
      if (!items.dataset.touched) items.replaceChildren(...(state.template?.actionItems || []).map(actionItemRow));
      refreshTitle();
      showSuggestions();
    });
    if (!picker.catalog) picker.input.addEventListener('input', refreshTitle); // the typed id is the incident
    incidentDate.addEventListener('change', refreshTitle);
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const body = readForm(form, timeline);
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
  // a readiness finding links here with the path of its field
  const wanted = new URLSearchParams(location.hash.split('?')[1] || '').get('field');
  const target = (wanted && fieldFor(form, wanted)) || (id ? named('title') : picker.input);
  target.focus();
  if (wanted) target.scrollIntoView({ block: 'center' });
}
