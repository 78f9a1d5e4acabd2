// One post-mortem as its readers see it, with the moves and edits the API allows the caller.
import { API, INCIDENTS, VOCABULARY, call } from './api.js';
import { el, showProblem } from './dom.js';
import { approvalsPanel } from './approvals-panel.js';
import { annotate, commentsPanel } from './comments-panel.js';
import { readinessPanel } from './readiness-panel.js';
import { DURATION_LABELS, durationText } from './times.js';

const TRANSITION_LABELS = { IN_REVIEW: 'Submit for review', PUBLISHED: 'Publish', ARCHIVED: 'Archive', DRAFT: 'Back to draft' };
const DELETABLE = new Set(['DRAFT', 'IN_REVIEW']);
const BEFORE_PUBLICATION = new Set(['DRAFT', 'IN_REVIEW']);

export async function documentView(main, id, reload) {
  const loaded = await call('GET', `${API}/${id}`);
  if (!loaded.ok) return showProblem(loaded.data, loaded.status);
  const doc = loaded.data;
  const [rendered, incident] = await Promise.all([call('GET', `${API}/${id}/export?format=html`),
    call('GET', `${INCIDENTS}/${encodeURIComponent(doc.incidentId)}`)]);
  // The export is commonmark's output with every user character escaped; take its body.
  const content = new DOMParser().parseFromString(rendered.data, 'text/html').body;
  const transitions = doc.allowedTransitions.map(status => el('button', { type: 'button', 'data-transition': status,
    onclick: async () => {
      const result = await call('PATCH', `${API}/${id}`, { status }, loaded.etag);
      if (!result.ok) return showProblem(result.data, result.status);
      reload();
    } }, TRANSITION_LABELS[status] || status));
  const editable = doc.allowedEdits.content;
  const statusEditable = new Set(doc.allowedEdits.actionItemStatus);
  const itemControls = doc.actionItems.filter(item => statusEditable.has(item.id)).map(item => el('label', {},
    item.description,
    el('select', { name: 'actionItems.status', 'data-item': item.id, onchange: async event => {
      const result = await call('PATCH', `${API}/${id}/action-items/${item.id}`, { status: event.target.value }, loaded.etag);
      if (!result.ok) {
        event.target.value = item.status; // the server kept the old status: show that, not the refused one
        return showProblem(result.data, result.status);
      }
      reload();
    } }, VOCABULARY.actionItemStatuses.map(s => el('option', { value: s, selected: s === item.status }, s)))));
  const download = el('button', { type: 'button', class: 'secondary', onclick: async () => {
    const markdown = await call('GET', `${API}/${id}/export`);
    const link = el('a', { href: URL.createObjectURL(new Blob([markdown.data], { type: 'text/markdown' })),
      download: `${doc.incidentId.replace(/[^\w.-]+/g, '_')}-postmortem.md` });
    document.body.append(link);
    link.click();
    link.remove();
  } }, 'Export Markdown');
  const readiness = BEFORE_PUBLICATION.has(doc.status) ? await readinessPanel(id, editable) : null;
  const comments = await commentsPanel(doc, reload);
  const approvals = await approvalsPanel(doc, loaded.etag, reload);
  annotate(content, doc, comments);
  const remove = editable && DELETABLE.has(doc.status) ? el('button', { type: 'button', class: 'danger', onclick: async () => {
    if (!window.confirm(`Delete "${doc.title}" for good? This cannot be undone.`)) return;
    const result = await call('DELETE', `${API}/${id}`, undefined, loaded.etag);
    if (!result.ok) return showProblem(result.data, result.status);
    location.hash = '#/';
  } }, 'Delete') : null;
  main.replaceChildren(
    el('div', { class: 'toolbar' }, el('span', { class: 'status', 'data-status': doc.status }, doc.status),
      transitions, editable ? el('a', { href: `#/pm/${id}/edit`, class: 'button secondary' }, 'Edit') : null, download,
      el('a', { href: `#/pm/${id}/history`, class: 'button secondary' }, 'History'), remove),
    incident.ok ? incidentLine(incident.data) : null,
    classification(doc),
    durations(doc.durations),
    readiness,
    approvals,
    itemControls.length ? el('section', {}, el('h2', {}, 'Action item status'), itemControls) : null,
    el('article', { class: 'document' }, ...content.childNodes),
    comments);
}

/** The category and tags, each tag linking to the post-mortems that carry it. */
function classification(doc) {
  if (!doc.category && !doc.tags.length) return null;
  return el('p', { class: 'hint', 'data-classification': '' }, doc.category ? `Category: ${doc.category}` : null,
    doc.category && doc.tags.length ? ' · ' : null, doc.tags.length ? 'Tags: ' : null,
    doc.tags.flatMap((tag, i) => [i ? ', ' : null, el('a', { href: `#/?tag=${encodeURIComponent(tag)}` }, tag)]));
}

/** The incident in the host's platform, linked when the platform gave its page. */
function incidentLine(incident) {
  const name = [incident.id, incident.severity, incident.status].filter(Boolean).join(' · ');
  return el('p', { class: 'hint' }, 'Incident: ', incident.url && /^https?:\/\//.test(incident.url)
    ? el('a', { href: incident.url, rel: 'noopener noreferrer', target: '_blank' }, `${incident.title} (${name})`)
    : `${incident.title} (${name})`);
}

/** The durations the key moments give, as figures; nothing when no key moment is marked. */
function durations(values) {
  const known = Object.keys(DURATION_LABELS).filter(name => values[name]);
  if (!known.length) return null;
  return el('dl', { class: 'durations', 'aria-label': 'Durations' }, known.map(name => el('div', {},
    el('dt', {}, DURATION_LABELS[name]), el('dd', { 'data-duration': name, title: values[name] }, durationText(values[name])))));
}
