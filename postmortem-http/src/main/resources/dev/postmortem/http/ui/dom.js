// Building the page and telling the user what went wrong; no knowledge of post-mortems.
const banner = document.getElementById('banner');
let reload = () => {};

/** What the "Reload" button of a stale-version banner does (the router sets it). */
export function onReload(action) { reload = action; }

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function field(label, input) {
  return el('label', {}, label, input);
}

export function showBanner(message, action) {
  banner.replaceChildren(el('p', {}, message), action || '');
  banner.hidden = false;
  banner.focus?.();
}

export function clearBanner() { banner.hidden = true; banner.replaceChildren(); }

/** A refused write: field errors next to their fields, 412 and 409 as a banner. */
export function showProblem(problem, status, form) {
  if (status === 412) {
    showBanner('This post-mortem was changed by someone else since you opened it.',
      el('button', { type: 'button', onclick: () => { clearBanner(); reload(); } }, 'Reload'));
    return;
  }
  if (status === 400 && problem.errors && form) {
    let first = null;
    for (const error of problem.errors) {
      const input = fieldFor(form, error.field);
      const target = input || form.querySelector('[data-errors]');
      const id = 'error-' + Math.random().toString(36).slice(2);
      const message = el('p', { class: 'error', id }, input ? error.message : `${error.field}: ${error.message}`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', id);
        input.insertAdjacentElement('afterend', message);
        first = first || input;
      } else {
        target.append(message);
      }
    }
    showBanner(problem.detail);
    (first || banner).focus();
    return;
  }
  showBanner(problem.detail || `The request failed (${status}).`);
}

/** The input for a JSON path such as "title" or "actionItems[1].priority". */
export function fieldFor(form, path) {
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(path);
  if (!match) return null;
  const [, list, index, name] = match;
  const whole = form.querySelector(`[name="${list}"]`); // a list written in one field, such as the services
  if (index === undefined || whole) return whole;
  const rows = form.querySelectorAll(`[data-list="${list}"] > [data-row]`);
  const row = rows[Number(index)];
  return row ? row.querySelector(`[name="${list}.${name || 'description'}"]`) : null;
}

export function clearErrors(form) {
  form.querySelectorAll('.error').forEach(node => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach(node => { node.removeAttribute('aria-invalid'); node.removeAttribute('aria-describedby'); });
  clearBanner();
}
