// The post-mortem web UI: plain ES modules, no build step. It talks to the same HTTP API as
// every other client and takes what the caller may do, and the values fields take, from it.
import { actionItemsView } from './action-items-view.js';
import { documentView } from './document-view.js';
import { editorView } from './editor-view.js';
import { historyView } from './history-view.js';
import { insightsView } from './insights-view.js';
import { listView } from './list-view.js';
import { clearBanner, el, onReload, showBanner } from './dom.js';

const main = document.getElementById('main');
onReload(() => route());

async function route() {
  clearBanner();
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/';
  let match;
  try {
    if (path === '/') await listView(main);
    else if (path === '/new') await editorView(main, null);
    else if (path === '/action-items') await actionItemsView(main, route);
    else if (path === '/insights') await insightsView(main);
    else if ((match = /^\/pm\/([\w-]+)\/edit$/.exec(path))) await editorView(main, match[1]);
    else if ((match = /^\/pm\/([\w-]+)\/history$/.exec(path))) await historyView(main, match[1]);
    else if ((match = /^\/pm\/([\w-]+)$/.exec(path))) await documentView(main, match[1], route);
    else main.replaceChildren(el('p', {}, 'Nothing here. '), el('a', { href: '#/' }, 'Back to the list'));
  } catch (error) {
    showBanner(`Something went wrong: ${error.message}`);
  }
  // focus for screen readers and keyboards, unless the view put it on a field it was asked for
  if (!main.contains(document.activeElement)) {
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

window.addEventListener('hashchange', route);
route();
