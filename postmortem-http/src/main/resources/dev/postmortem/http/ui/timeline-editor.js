// The timeline in the editor: one row per event, with its day when the incident spans midnight,
// and the key moment it marks.
import { VOCABULARY } from './api.js';
import { el } from './dom.js';
import { KEY_MOMENT_LABELS } from './times.js';

const TIME_OF_DAY = /^\d{2}:\d{2}(:\d{2})?$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(:\d{2})?)$/;

/** The timeline's rows; `incidentDate()` is the day times of day are placed on. */
export function timelineEditor(events, incidentDate) {
  const list = el('div', { class: 'rows', 'data-list': 'timeline' });
  const editor = {
    element: list,
    touched: false,
    add(event = {}) {
      const row = timelineRow(event, editor, incidentDate);
      list.append(row);
      if (event.time) sort(list, incidentDate); // a new, empty row stays where the author looks
      return row;
    },
    replace(newEvents) {
      list.replaceChildren();
      newEvents.forEach(event => editor.add(event));
    },
    read() {
      return [...list.children].map(row => readRow(row, incidentDate()));
    },
    markedMoments() {
      return new Set([...list.querySelectorAll('[name="timeline.keyMoment"]')].map(select => select.value).filter(Boolean));
    },
  };
  events.forEach(event => editor.add(event));
  list.addEventListener('input', () => { editor.touched = true; });
  return editor;
}

function timelineRow(event, editor, incidentDate) {
  const local = LOCAL_DATE_TIME.exec(event.time || '');
  const day = el('input', { type: 'date', name: 'timeline.day', value: local ? local[1] : '',
    title: 'Only when it is not the incident date, such as after midnight' });
  const time = el('input', { name: 'timeline.time', value: local ? local[2] : event.time || '', placeholder: '14:35',
    required: true });
  const moment = el('select', { name: 'timeline.keyMoment' }, el('option', { value: '' }, '—'),
    VOCABULARY.keyMoments.map(m => el('option', { value: m, selected: m === event.keyMoment }, KEY_MOMENT_LABELS[m] || m)));
  const row = el('div', { class: 'row', 'data-row': true, 'data-id': event.id || '' },
    el('label', {}, 'Day (if not the incident date)', day),
    el('label', {}, 'Time', time),
    el('label', {}, 'What happened', el('input', { name: 'timeline.description', value: event.description || '' })),
    el('label', {}, 'Key moment', moment),
    el('button', { type: 'button', class: 'secondary', onclick: () => { editor.touched = true; row.remove(); } },
      'Remove event'));
  // a row moves to its place once it has a time: before, it stays where the author is typing
  for (const input of [day, time]) input.addEventListener('change', () => { if (time.value.trim()) sort(row.parentElement, incidentDate); });
  return row;
}

function readRow(row, incidentDate) {
  const value = name => row.querySelector(`[name="timeline.${name}"]`).value;
  const day = value('day');
  const time = value('time').trim();
  const event = {
    time: day && day !== incidentDate && TIME_OF_DAY.test(time) ? `${day}T${time}` : time,
    description: value('description'),
    keyMoment: value('keyMoment') || null,
  };
  return row.dataset.id ? { id: row.dataset.id, ...event } : event;
}

/** Keeps the rows in time order, as the document will be. */
function sort(list, incidentDate) {
  if (!list) return;
  const key = row => {
    const day = row.querySelector('[name="timeline.day"]').value || incidentDate() || '';
    const time = row.querySelector('[name="timeline.time"]').value;
    return TIME_OF_DAY.test(time) ? `${day}T${time}` : time;
  };
  [...list.children].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).forEach(row => list.append(row));
}
