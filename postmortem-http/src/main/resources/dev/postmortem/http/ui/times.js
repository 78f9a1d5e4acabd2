// Times as the API writes them: instants placed in a time zone, key moments, durations.

/** The zone the browser runs in: a new post-mortem's default, since on-call engineers read their own clocks. */
export const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const KEY_MOMENT_LABELS = {
  IMPACT_STARTED: 'Impact started', DETECTED: 'Detected', ACKNOWLEDGED: 'Acknowledged',
  MITIGATED: 'Mitigated', RESOLVED: 'Resolved',
};

export const DURATION_LABELS = {
  timeToDetect: 'Time to detect', timeToAcknowledge: 'Time to acknowledge', timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve', impactDuration: 'Impact duration',
};

/** An instant as a date and a time of day in an IANA zone: { date: '2025-01-15', time: '23:50' }. */
export function inZone(instant, zone) {
  const parts = {};
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(instant)).forEach(part => { parts[part.type] = part.value; });
  const time = `${parts.hour}:${parts.minute}` + (parts.second === '00' ? '' : `:${parts.second}`);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time };
}

/** An ISO-8601 duration as Java writes it ("PT2H30M") as people read it ("2 h 30 min"). */
export function durationText(iso) {
  const match = /^PT(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?$/.exec(iso || '');
  if (!match) return iso;
  const hours = Number(match[1] || 0);
  const minutes = Number(match[2] || 0);
  const seconds = Math.round(Number(match[3] || 0));
  const parts = [];
  if (Math.abs(hours) >= 24) parts.push(`${Math.trunc(hours / 24)} d`);
  if (hours % 24) parts.push(`${hours % 24} h`);
  if (minutes && Math.abs(hours) < 24) parts.push(`${minutes} min`);
  if (!hours && !minutes) parts.push(`${seconds} s`);
  return parts.join(' ');
}
