// Approvals: who approved which version, which approvals a later change made stale, how many
// publishing needs, and Approve for anyone but the creator before publication.
import { API, USER, call } from './api.js';
import { el, showProblem } from './dom.js';

/** The approvals section of a post-mortem's page; {@code etag} is the version the reader approves. */
export async function approvalsPanel(doc, etag, reload) {
  const result = await call('GET', `${API}/${doc.id}/approvals`);
  if (!result.ok) return null;
  const { items, requiredApprovals } = result.data;
  const current = items.filter(approval => !approval.stale).length;
  const open = ['DRAFT', 'IN_REVIEW'].includes(doc.status);
  if (!items.length && !requiredApprovals && !open) return null;
  const approve = el('button', { type: 'button', 'data-approve': '', onclick: async () => {
    const approved = await call('POST', `${API}/${doc.id}/approvals`, undefined, etag);
    if (!approved.ok) return showProblem(approved.data, approved.status);
    reload();
  } }, `Approve version ${doc.version}`);
  return el('section', { class: 'approvals', 'aria-label': 'Approvals' },
    el('h2', {}, 'Approvals ', el('span', { class: 'status', 'data-current-approvals': String(current) },
      requiredApprovals ? `${current} of ${requiredApprovals} required` : `${current} current`)),
    items.length ? el('ul', {}, items.map(approval => el('li', { 'data-approved-by': approval.approvedBy,
      'data-stale': String(approval.stale) }, `${approval.approvedBy} approved version ${approval.version}`,
    el('span', { class: 'hint' }, ` · ${new Date(approval.approvedAt).toLocaleString()}`),
    approval.stale ? el('span', { class: 'stale' }, ' · stale: the content changed since') : null)))
      : el('p', { class: 'hint' }, 'No approvals yet.'),
    open && doc.createdBy !== USER ? approve : null);
}
