// One post-mortem as its readers see it, with the moves and edits the API allows the caller.
import { API, VOCABULARY, call } from './api.js';
import { el, showProblem } from './dom.js';

const TRANSITION_LABELS = { IN_REVIEW: 'Submit for review', PUBLISHED: 'Publish', ARCHIVED: 'Archive', DRAFT: 'Back to draft' };

export async function documentView(main, id, reload) {
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
      reload();
    } }, TRANSITION_LABELS[status] || status));
  const editable = doc.allowedEdits.content;
  const statusEditable = new Set(doc.allowedEdits.actionItemStatus);
  const itemControls = doc.actionItems.filter(item => statusEditable.has(item.id)).map(item => el('label', {},
    item.description,
    el('select', { name: 'actionItems.status', 'data-item': item.id, onchange: async event => {
      const result = await call('PATCH', `${API}/${id}/action-items/${item.id}`, { status: event.target.value }, loaded.etag);
      if (!result.ok) return showProblem(result.data, result.status);
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
  main.replaceChildren(
    el('div', { class: 'toolbar' }, el('span', { class: 'status', 'data-status': doc.status }, doc.status),
      transitions, editable ? el('a', { href: `#/pm/${id}/edit`, class: 'button secondary' }, 'Edit') : null, download),
    itemControls.length ? el('section', {}, el('h2', {}, 'Action item status'), itemControls) : null,
    el('article', { class: 'document' }, ...content.childNodes));
}
