// Insights: the figures across post-mortems for a range, as charts (uPlot, served from the jar)
// with their numbers as tables, and what keeps coming back, linked to the post-mortems.
import { INSIGHTS, call } from './api.js';
import { el, field, showProblem } from './dom.js';

const UPLOT = './vendor/uplot-1.6.30/uPlot.esm.js';

export async function insightsView(main) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const input = (name, type = 'text') => el('input', { name, type, value: params.get(name) || '' });
  const from = input('from', 'date');
  const to = input('to', 'date');
  const service = input('service');
  const tag = input('tag');
  const filters = el('form', { class: 'filters wide', 'aria-label': 'Range and filters', onsubmit: event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const field of [from, to, service, tag]) if (field.value.trim()) next.set(field.name, field.value.trim());
    location.hash = '#/insights?' + next;
  } }, field('From', from), field('To', to), field('Service', service), field('Tag', tag),
  el('button', { type: 'submit' }, 'Show'));
  main.replaceChildren(el('h1', {}, 'Insights'), filters, el('p', {}, 'Loading…'));

  const query = new URLSearchParams({ groupBy: 'month' });
  for (const name of ['from', 'to', 'service', 'tag']) if (params.get(name)) query.set(name, params.get(name));
  const [answer, { default: uPlot }] = await Promise.all([call('GET', `${INSIGHTS}?${query}`), import(UPLOT)]);
  if (!answer.ok) {
    main.replaceChildren(el('h1', {}, 'Insights'), filters);
    return void showProblem(answer.data, answer.status);
  }
  const insights = answer.data;
  const months = insights.groups.map(g => g.key);
  const charts = el('div', { class: 'charts' });
  main.replaceChildren(el('h1', {}, 'Insights'), filters,
    el('p', { class: 'hint' }, `${insights.from} to ${insights.to}`), summary(insights.total), charts,
    recurrence(insights.recurrence));

  const minutes = d => (d ? Math.round(durationSeconds(d) / 6) / 10 : null);
  chart(uPlot, charts, 'counts', 'Post-mortems by month', months, true, [
    ['Post-mortems', insights.groups.map(g => g.postMortems), '#1f5f99'],
    ['Published or archived', insights.groups.map(g => g.byStatus.PUBLISHED + g.byStatus.ARCHIVED), '#2e8540']]);
  chart(uPlot, charts, 'resolve', 'Time to resolve by month (minutes)', months, false, [
    ['Median', insights.groups.map(g => minutes(g.timeToResolve.median)), '#b35900'],
    ['90th percentile', insights.groups.map(g => minutes(g.timeToResolve.p90)), '#7a3d99']]);
  chart(uPlot, charts, 'items', 'Action items by month', months, true, [
    ['Created', insights.groups.map(g => g.actionItems.created), '#1f5f99'],
    ['Done', insights.groups.map(g => g.actionItems.done), '#2e8540'],
    ['Overdue', insights.groups.map(g => g.actionItems.overdue), '#b3261e']]);
}

/** The range's headline figures, as a list a screen reader reads in order. */
function summary(total) {
  const share = value => (value === null ? '–' : `${Math.round(value * 100)}%`);
  const spread = s => (s.median ? `${readable(s.median)} (90%: ${readable(s.p90)})` : '–');
  const figures = [
    ['Post-mortems', total.postMortems],
    ['Time to detect', spread(total.timeToDetect)],
    ['Time to acknowledge', spread(total.timeToAcknowledge)],
    ['Time to mitigate', spread(total.timeToMitigate)],
    ['Time to resolve', spread(total.timeToResolve)],
    ['Action items done', `${total.actionItems.done} of ${total.actionItems.created} (${share(total.actionItems.completionRate)}), ${total.actionItems.overdue} overdue`],
    ['Published within 24 hours of resolution', share(total.publishedWithin24h)],
    ['Published within 5 days', share(total.publishedWithin5Days)]];
  return el('dl', { class: 'figures', 'data-total': '' },
    figures.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, String(value))]));
}

/**
 * One chart and the same numbers as a table. The uPlot instance stays on its element
 * (`element.chart`), so what it draws can be read back.
 */
function chart(uPlot, parent, id, title, keys, counts, series) {
  const figure = el('figure', { class: 'chart', 'data-chart': id },
    el('figcaption', {}, title));
  const canvas = el('div', { class: 'plot', 'aria-hidden': 'true' });
  const rows = keys.map((key, i) => el('tr', {}, el('th', { scope: 'row' }, key),
    series.map(([, values]) => el('td', {}, values[i] === null ? '–' : String(values[i])))));
  figure.append(canvas, el('details', {}, el('summary', {}, 'Numbers'),
    el('table', { class: 'numbers' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Month'),
      series.map(([name]) => el('th', { scope: 'col' }, name)))), el('tbody', {}, rows))));
  parent.append(figure);
  const width = () => Math.max(280, Math.min(canvas.clientWidth || parent.clientWidth, 900));
  figure.chart = new uPlot({
    width: width(), height: 220,
    scales: { x: { time: false } },
    axes: [{ splits: () => keys.map((_, i) => i), values: (u, splits) => splits.map(i => keys[i] ?? '') },
      counts ? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000, 10000] } : {}],
    series: [{ label: 'Month', value: (u, i) => keys[i] ?? '–' }, ...series.map(([label, , stroke]) => ({ label, stroke, width: 2, points: { show: true, size: 6 } }))],
  }, [keys.map((_, i) => i), ...series.map(([, values]) => values)], canvas);
  new ResizeObserver(() => figure.chart.setSize({ width: width(), height: 220 })).observe(canvas);
}

/** What came back within 90 days, each post-mortem a link (the latest 20 of each). */
function recurrence(items) {
  const section = el('section', { 'aria-labelledby': 'recurrence-title' },
    el('h2', { id: 'recurrence-title' }, 'Recurring within 90 days'));
  if (items.length === 0) return section.append(el('p', {}, 'Nothing came back in this range.')), section;
  section.append(el('div', { class: 'table-scroll' }, el('table', { 'data-recurrence': '' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'What'), el('th', { scope: 'col' }, 'Post-mortems'))),
    el('tbody', {}, items.map(r => el('tr', {}, el('th', { scope: 'row' }, `${r.kind}: ${r.key}`),
      el('td', {}, r.count > r.postMortems.length ? el('p', { class: 'hint' }, `${r.count}, the latest ${r.postMortems.length}:`) : null,
        el('ul', { class: 'plain' }, r.postMortems.map(pm => el('li', {},
        el('a', { href: `#/pm/${pm.id}` }, pm.title), ` · ${pm.day} · ${pm.status}`))))))))));
  return section;
}

function durationSeconds(iso) {
  const m = /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso);
  return m ? (+(m[1] || 0)) * 86400 + (+(m[2] || 0)) * 3600 + (+(m[3] || 0)) * 60 + (+(m[4] || 0)) : 0;
}

function readable(iso) {
  const s = durationSeconds(iso);
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round(s / 360) / 10} h`;
  return `${Math.round(s / 8640) / 10} days`;
}
