// Review comments: threads on the whole post-mortem or one part of it, replies, resolve and
// reopen (the server decides who may: the thread's author or an editor), and the number of open
// threads. Bodies are shown as the server renders their Markdown (escaped, safe links only).
import { API, USER, call } from './api.js';
import { el, showProblem } from './dom.js';

const PARTS = { summary: 'Summary', impact: 'Impact', businessImpact: 'Business impact', rootCause: 'Root cause',
  contributingFactors: 'Contributing factors', whyNotCaughtEarlier: 'Why not caught earlier', lessonsLearned: 'Lessons learned' };

/** What an anchor names, in words: a part, an event or an item of the document. */
function anchorLabel(anchor, doc) {
  if (!anchor) return 'The whole post-mortem';
  if (PARTS[anchor]) return PARTS[anchor];
  const [list, id] = anchor.split('/');
  const element = (doc[list] || []).find(each => each.id === id);
  const noun = list === 'timeline' ? 'Event' : 'Action item';
  return element ? `${noun}: ${element.description}` : `${noun} (removed)`;
}

/** The server's safe HTML of a body, parsed apart from the page and moved in as nodes. */
function markdown(html) {
  return el('div', { class: 'body' }, ...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

async function allComments(id) {
  const items = [];
  let cursor = null;
  do {
    const page = await call('GET', `${API}/${id}/comments?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!page.ok) return null;
    items.push(...page.data.items);
    cursor = page.data.nextCursor;
  } while (cursor);
  return items;
}

/** The comments section of a post-mortem's page; null when the host keeps none. */
export async function commentsPanel(doc, reload) {
  const comments = await allComments(doc.id);
  if (comments === null) return null;
  const open = ['DRAFT', 'IN_REVIEW'].includes(doc.status);
  const threads = comments.filter(comment => !comment.inReplyTo);
  const openThreads = threads.filter(thread => !thread.resolved).length;
  const send = async (method, path, body) => {
    const result = await call(method, `${API}/${doc.id}/comments${path}`, body);
    if (!result.ok) return showProblem(result.data, result.status);
    reload();
  };
  const threadView = thread => {
    const replies = comments.filter(comment => comment.inReplyTo === thread.id);
    const replyBox = el('textarea', { name: 'reply', rows: 2, 'aria-label': 'Reply' });
    return el('li', { class: 'thread', 'data-thread': thread.id, 'data-anchor': thread.anchor || '', 'data-resolved': String(thread.resolved) },
      el('p', { class: 'hint' }, anchorLabel(thread.anchor, doc), thread.anchorRemoved ? ' · no longer in the document' : '',
        thread.resolved ? ` · resolved by ${thread.resolvedBy}` : ''),
      [thread, ...replies].map(comment => el('div', { class: 'comment', 'data-comment': comment.id },
        el('p', { class: 'hint' }, `${comment.author} · ${new Date(comment.createdAt).toLocaleString()}`),
        markdown(comment.bodyHtml))),
      open ? el('div', {}, replyBox, el('button', { type: 'button', class: 'secondary',
        onclick: () => replyBox.value.trim() && send('POST', '', { body: replyBox.value, inReplyTo: thread.id }) }, 'Reply'),
      // the thread's author or an editor resolves it: the API refuses anyone else
      thread.author === USER || doc.allowedEdits.content ? el('button', { type: 'button', class: 'secondary',
        onclick: () => send('PATCH', `/${thread.id}`, { resolved: !thread.resolved }) }, thread.resolved ? 'Reopen' : 'Resolve')
        : null) : null);
  };
  const anchors = [['', 'The whole post-mortem'], ...Object.entries(PARTS),
    ...doc.timeline.map(event => [`timeline/${event.id}`, `Event: ${event.description}`]),
    ...doc.actionItems.map(item => [`actionItems/${item.id}`, `Action item: ${item.description}`])];
  const anchorSelect = el('select', { name: 'anchor', 'aria-label': 'On' }, anchors.map(([value, label]) => el('option', { value }, label)));
  const body = el('textarea', { name: 'comment', rows: 3, 'aria-label': 'Comment' });
  const section = el('section', { class: 'comments', 'aria-label': 'Comments' },
    el('h2', {}, 'Comments ', el('span', { class: 'status', 'data-open-threads': String(openThreads) },
      `${openThreads} open ${openThreads === 1 ? 'thread' : 'threads'}`)),
    threads.length ? el('ul', {}, threads.map(threadView)) : el('p', { class: 'hint' }, 'No comments yet.'),
    open ? el('div', { class: 'new-comment' }, anchorSelect, body, el('button', { type: 'button',
      onclick: () => body.value.trim() && send('POST', '', { body: body.value, anchor: anchorSelect.value || null }) }, 'Comment'))
      : el('p', { class: 'hint' }, 'The review is over: comments are read-only.'));
  section.threads = threads;
  section.writable = open;
  section.commentOn = anchor => {
    anchorSelect.value = anchor;
    body.focus();
    body.scrollIntoView({ block: 'center' });
  };
  return section;
}

const HEADINGS = { Summary: 'summary', Impact: 'impact', 'Root Cause': 'rootCause', 'Contributing Factors': 'contributingFactors',
  'Why It Was Not Caught Earlier': 'whyNotCaughtEarlier', 'Lessons Learned': 'lessonsLearned' };

/** Beside each section, event and item of the rendered document: its open threads, and a button to comment on it. */
export function annotate(article, doc, panel) {
  if (!panel) return;
  const open = panel.threads.filter(thread => !thread.resolved);
  const mark = (node, anchor) => {
    const count = open.filter(thread => thread.anchor === anchor).length;
    if (!count && !panel.writable) return;
    node.append(' ', el('button', { type: 'button', class: 'comment-link', 'data-comment-on': anchor,
      'aria-label': count ? `${count} open ${count === 1 ? 'thread' : 'threads'}: comment` : 'Comment on this',
      onclick: () => panel.commentOn(anchor) }, count ? `💬 ${count}` : '💬'));
  };
  const list = title => {
    const heading = [...article.querySelectorAll('h2')].find(h2 => h2.textContent.trim() === title);
    const next = heading && heading.nextElementSibling;
    return next && next.tagName === 'UL' ? [...next.children] : [];
  };
  const timeline = list('Timeline');
  const items = list('Action Items');
  for (const heading of article.querySelectorAll('h2, h3')) {
    const anchor = HEADINGS[heading.textContent.trim()];
    if (anchor) mark(heading, anchor);
  }
  timeline.forEach((li, i) => doc.timeline[i] && mark(li, `timeline/${doc.timeline[i].id}`));
  items.forEach((li, i) => doc.actionItems[i] && mark(li, `actionItems/${doc.actionItems[i].id}`));
}
