// Choosing the incident a post-mortem documents: a search of the host's incident catalog, or a
// free-text id when the host has none.
import { INCIDENTS, call } from './api.js';
import { el } from './dom.js';
import { inZone } from './times.js';

/**
 * The incident field. `onChoose(incident)` gets the catalog's incident (with the post-mortems
 * already written for it), or null when the id is typed by hand.
 */
export async function incidentPicker(value, zone, onChoose) {
  const input = el('input', { name: 'incidentId', value, required: true, autocomplete: 'off' });
  const probe = await call('GET', `${INCIDENTS}?limit=1`);
  const catalog = probe.ok && probe.data.items.length > 0;
  if (!catalog) {
    input.addEventListener('change', () => onChoose(null));
    return { element: el('label', {}, 'Incident', input), input, catalog };
  }
  const list = el('ul', { id: 'incident-options', role: 'listbox', 'aria-label': 'Incidents', hidden: true });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('placeholder', 'Search incidents by id, title or service');
  let searching = 0;
  async function search() {
    const mine = ++searching;
    const found = await call('GET', `${INCIDENTS}?${new URLSearchParams({ q: input.value.trim(), limit: '10' })}`);
    if (mine !== searching || !found.ok) return; // a later keystroke has its own answer on the way
    list.replaceChildren(...found.data.items.map(incident => el('li', { role: 'option' },
      el('button', { type: 'button', 'data-incident': incident.id, onclick: () => choose(incident.id) },
        incident.title,
        el('small', {}, [incident.id, incident.severity,
          incident.startedAt && `started ${started(incident.startedAt, zone())}`].filter(Boolean).join(' · '))))));
    list.hidden = found.data.items.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  }
  let chosen = value;
  async function choose(id) {
    chosen = id;
    input.value = id;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    const incident = await call('GET', `${INCIDENTS}/${encodeURIComponent(id)}`);
    onChoose(incident.ok ? incident.data : null);
    input.focus();
  }
  let timer = null;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 150); });
  input.addEventListener('focus', () => { if (input.value.trim() !== chosen) search(); });
  input.addEventListener('keydown', event => {
    if (event.key === 'Escape') { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }
    if (event.key === 'ArrowDown' && !list.hidden) { event.preventDefault(); list.querySelector('button')?.focus(); }
  });
  const element = el('div', { class: 'picker' }, el('label', {}, 'Incident', input), list,
    el('p', { class: 'hint' }, 'Type to search the incidents of your platform.'));
  // a click on an option keeps the focus in the field (Safari does not focus buttons on click)
  list.addEventListener('mousedown', event => event.preventDefault());
  // leaving the picker for another field closes its list; moving into the list does not
  element.addEventListener('focusout', event => {
    if (!element.contains(event.relatedTarget)) { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }
  });
  return { element, input, catalog };
}

function started(instant, zone) {
  const { date, time } = inZone(instant, zone);
  return `${date} ${time}`;
}
