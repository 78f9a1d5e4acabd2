// The readiness check before review: what the rules find, each finding linked to its field.
import { API, call } from './api.js';
import { el } from './dom.js';

/** A checklist of the post-mortem's findings; null when it cannot be read. */
export async function readinessPanel(id, editable) {
  const result = await call('GET', `${API}/${id}/readiness`);
  if (!result.ok) return null;
  const { ready, findings } = result.data;
  const errors = findings.filter(finding => finding.severity === 'ERROR').length;
  return el('section', { class: 'readiness', 'aria-label': 'Readiness', 'data-ready': String(ready) },
    el('h2', {}, 'Readiness'),
    el('p', { class: ready ? 'ready' : 'error' }, ready
      ? (findings.length ? 'Ready for review; worth a look:' : 'Ready for review.')
      : `${errors} ${errors === 1 ? 'finding keeps' : 'findings keep'} it from review:`),
    findings.length ? el('ul', {}, findings.map(finding => el('li', { 'data-rule': finding.rule, 'data-severity': finding.severity },
      el('span', { class: 'severity' }, finding.severity), ' ', finding.message,
      finding.suggestion ? el('span', { class: 'hint' }, ` ${finding.suggestion}`) : null,
      editable && finding.field ? [' ', el('a', { href: `#/pm/${id}/edit?field=${encodeURIComponent(finding.field)}`,
        'data-field': finding.field }, `Go to ${finding.field}`)] : null))) : null);
}
