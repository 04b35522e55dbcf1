// Five-field cron expressions (minute hour day-of-month month day-of-week, in UTC), as pg_cron
// reads app.scheduled_jobs' schedules on hosted, so the local timer fires at the same minutes.
// Fields: `*`, numbers, lists `a,b`, ranges `a-b`, steps `*/n` and `a-b/n`; day-of-week 0–7
// (0 and 7 are Sunday). As in cron, when both day fields are restricted either may match.
const FIELDS: Array<[number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

function parseField(text: string, [lo, hi]: [number, number]): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`bad cron field "${text}"`);
    const from = m[1] === '*' ? lo : Number(m[2]);
    const to = m[1] === '*' ? hi : m[3] !== undefined ? Number(m[3]) : m[4] ? hi : from;
    const step = m[4] ? Number(m[4]) : 1;
    if (from < lo || to > hi || from > to || step < 1) throw new Error(`cron field "${text}" is out of range ${lo}-${hi}`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

export interface Cron { matches(at: Date): boolean }

export function parseCron(expr: string): Cron {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`"${expr}" is not a five-field cron expression`);
  const [min, hour, dom, month, dow] = parts.map((p, i) => parseField(p, FIELDS[i]));
  if (dow.has(7)) dow.add(0);
  const domAny = parts[2] === '*';
  const dowAny = parts[4] === '*';
  return {
    matches(at) {
      if (!min.has(at.getUTCMinutes()) || !hour.has(at.getUTCHours()) || !month.has(at.getUTCMonth() + 1)) return false;
      const d = dom.has(at.getUTCDate());
      const w = dow.has(at.getUTCDay());
      return domAny && dowAny ? true : domAny ? w : dowAny ? d : d || w;
    },
  };
}
