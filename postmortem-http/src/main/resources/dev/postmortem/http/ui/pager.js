// "Load more" for a keyset-paged list: only ever the page after the last one shown, and hidden
// when there is none.
import { el } from './dom.js';

/** loadPage(cursor) shows one page (cursor null: the first) and returns its nextCursor. */
export function pager(loadPage) {
  const button = el('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');
  let cursor = null;
  async function load(next) {
    cursor = (await loadPage(next)) || null;
    button.hidden = !cursor;
  }
  button.addEventListener('click', () => {
    const next = cursor;
    cursor = null; // a second click before the page arrives must not load it twice
    button.hidden = true;
    if (next) load(next);
  });
  return { button, first: () => load(null) };
}
