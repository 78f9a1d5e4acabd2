// A post-mortem's history: one entry per stored version, oldest first, each change shown as a
// diff (words removed and added for text, elements added, removed or changed for lists).
import { API, call } from './api.js';
import { el, showProblem } from './dom.js';

const LABELS = { incidentId: 'Incident', title: 'Title', summary: 'Summary', impact: 'Impact', usersAffected: 'Users affected',
  usersAffectedPercent: 'Users affected (%)', servicesAffected: 'Services affected', businessImpact: 'Business impact',
  rootCause: 'Root cause', contributingFactors: 'Contributing factors', whyNotCaughtEarlier: 'Why not caught earlier',
  lessonsLearned: 'Lessons learned', incidentDate: 'Incident date', timeZone: 'Time zone', contributors: 'Contributors',
  status: 'Status' };
const PAGE = 50;
// Past this many word pairs the diff would take too long in the page: show before and after whole.
const MAX_DIFF_CELLS = 4_000_000;

export async function historyView(main, id) {
  const loaded = await call('GET', `${API}/${id}`);
  if (!loaded.ok) return showProblem(loaded.data, loaded.status);
  const list = el('ol', { class: 'history', 'aria-label': 'History' });
  const more = el('button', { type: 'button', class: 'secondary', hidden: true }, 'Older changes');
  let cursor = null;
  const load = async () => {
    const page = await call('GET', `${API}/${id}/history?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!page.ok) return showProblem(page.data, page.status);
    list.append(...page.data.items.map(entryView));
    cursor = page.data.nextCursor;
    more.hidden = !cursor;
  };
  more.addEventListener('click', load);
  await load();
  main.replaceChildren(el('div', { class: 'toolbar' }, el('a', { href: `#/pm/${id}`, class: 'button secondary' }, 'Back to the post-mortem')),
    el('h2', {}, `History of "${loaded.data.title}"`), list, more);
}

function entryView(entry) {
  const who = entry.changedBy || 'someone (before history was kept)';
  return el('li', { 'data-version': String(entry.version) },
    el('p', { class: 'hint' }, `Version ${entry.version} · ${who} · ${new Date(entry.changedAt).toLocaleString()}`),
    entry.changes.length ? el('ul', {}, entry.changes.map(changeView))
      : el('p', {}, entry.version === 1 ? 'Created.' : 'History begins here.'));
}

function changeView(change) {
  const [list, key] = change.field.split('/');
  const item = (label, ...body) => el('li', { 'data-field': change.field }, el('strong', {}, label), ' ', ...body);
  if (key === undefined) return item(LABELS[change.field] || change.field, diff(text(change.before), text(change.after)));
  const noun = { timeline: 'Timeline event', actionItems: 'Action item', approvals: 'Approval' }[list] || list;
  if (change.before === null) return item(`${noun} added:`, el('ins', {}, describe(list, change.after)));
  if (change.after === null) return item(`${noun} removed:`, el('del', {}, describe(list, change.before)));
  return item(`${noun} changed:`, diff(describe(list, change.before), describe(list, change.after)));
}

/** An element in one line, as a reader names it. */
function describe(list, value) {
  if (list === 'timeline') return `${value.time} ${value.description}${value.keyMoment ? ` (${value.keyMoment})` : ''}`;
  if (list === 'actionItems') {
    return [value.description, value.owner && `owner ${value.owner}`, value.status, value.priority,
      value.dueDate && `due ${value.dueDate}`, value.trackerKey].filter(Boolean).join(' · ');
  }
  if (list === 'approvals') return `${value.approvedBy} approved version ${value.version}`;
  return text(value);
}

function text(value) {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Words removed (del) and added (ins) between two texts, by their longest common subsequence. */
export function diff(before, after) {
  // a word keeps the space after it, so that shared spaces do not cut a change into single words
  const words = value => value.match(/^\s+|\S+\s*/g) || [];
  const a = words(before);
  const b = words(after);
  if (a.length * b.length > MAX_DIFF_CELLS) {
    return el('span', { class: 'diff' }, el('del', {}, before), ' ', el('ins', {}, after));
  }
  // lengths[i][j]: the longest common run of a[i..] and b[j..]
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const parts = [];
  const push = (tag, word) => {
    const last = parts[parts.length - 1];
    if (last && last.tag === tag) last.words += word; else parts.push({ tag, words: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { push('span', a[i]); i++; j++; }
    else if (j < b.length && (i === a.length || lengths[i][j + 1] >= lengths[i + 1][j])) { push('ins', b[j]); j++; }
    else { push('del', a[i]); i++; }
  }
  return el('span', { class: 'diff' }, parts.map(part => el(part.tag, {}, part.words)));
}
