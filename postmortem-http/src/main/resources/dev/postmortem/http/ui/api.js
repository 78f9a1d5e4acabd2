// The HTTP API, as the page was told where it lives, and the values the API accepts.
const meta = name => document.querySelector(`meta[name="${name}"]`).content;

export const API = meta('postmortem-api');
export const TEMPLATES = meta('postmortem-templates');
export const INCIDENTS = meta('postmortem-incidents');
export const ACTION_ITEMS = meta('postmortem-action-items');
export const INSIGHTS = meta('postmortem-insights');

/** Who is signed in: the id the API knows the caller by. */
export const USER = meta('postmortem-user');

/** The API's enums and defaults ({"statuses": [...], "priorities": [...], ...}), from the server. */
export const VOCABULARY = JSON.parse(meta('postmortem-vocabulary'));

/** The host's CSRF token, sent back on every write; empty when the host checks none. */
const CSRF = { header: meta('postmortem-csrf-header'), token: meta('postmortem-csrf-token') };

export async function call(method, url, body, etag) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  if (etag) headers['If-Match'] = etag;
  if (CSRF.token && method !== 'GET' && method !== 'HEAD') headers[CSRF.header] = CSRF.token;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  return { ok: response.ok, status: response.status, etag: response.headers.get('ETag'), data };
}
