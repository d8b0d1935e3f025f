// Parses an iCalendar document from stdin with ical.js (an independent parser, from npm) and prints what a
// calendar app would see as JSON: calendar properties, time zones, and each event with its instant in UTC.
// A parse error exits non-zero with the message on stderr.
import ICAL from 'ical.js';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString('utf8');

const root = new ICAL.Component(ICAL.parse(text));
if (root.name !== 'vcalendar') throw new Error(`expected VCALENDAR, got ${root.name}`);

const timezones = root.getAllSubcomponents('vtimezone');
for (const vtz of timezones) ICAL.TimezoneService.register(vtz);

const prop = (component, name) => {
  const p = component.getFirstProperty(name);
  if (!p) return null;
  const value = p.getFirstValue();
  return value === null || value === undefined ? null : value.toString();
};
const param = (component, name, parameter) => component.getFirstProperty(name)?.getParameter(parameter) ?? null;
const instant = (component, name) => {
  const p = component.getFirstProperty(name);
  if (!p) return null;
  const time = p.getFirstValue();
  return {
    local: time.toString(),
    tzid: p.getParameter('tzid') ?? null,
    utc: time.toJSDate().toISOString(),
    floating: time.zone === ICAL.Timezone.localTimezone && !p.getParameter('tzid') && !time.isDate && !String(time).endsWith('Z'),
  };
};

const out = {
  calendar: {
    prodid: prop(root, 'prodid'),
    version: prop(root, 'version'),
    calscale: prop(root, 'calscale'),
    method: prop(root, 'method'),
    name: prop(root, 'name'),
    xWrCalname: prop(root, 'x-wr-calname'),
    xWrTimezone: prop(root, 'x-wr-timezone'),
    description: prop(root, 'description'),
    refreshInterval: prop(root, 'refresh-interval'),
    refreshIntervalValueType: root.getFirstProperty('refresh-interval')?.type ?? null,
    publishedTtl: prop(root, 'x-published-ttl'),
  },
  timezones: timezones.map(tz => prop(tz, 'tzid')),
  events: root.getAllSubcomponents('vevent').map(e => ({
    uid: prop(e, 'uid'),
    summary: prop(e, 'summary'),
    description: prop(e, 'description'),
    location: prop(e, 'location'),
    status: prop(e, 'status'),
    sequence: e.getFirstPropertyValue('sequence'),
    transp: prop(e, 'transp'),
    categories: e.getAllProperties('categories').flatMap(p => p.getValues()),
    url: prop(e, 'url'),
    dtstart: instant(e, 'dtstart'),
    dtend: instant(e, 'dtend'),
    dtstamp: instant(e, 'dtstamp'),
    lastModified: instant(e, 'last-modified'),
  })),
};
process.stdout.write(JSON.stringify(out));
