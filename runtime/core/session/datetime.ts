/**
 * The engine gives computed datetimes as wall-clock text (`2024-11-26T09:30:00`);
 * datetime fields store RFC 3339 with an offset, so the session adds the offset of
 * the evaluation time zone (the runtime's when none is given).
 */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?$/;
const formats = new Map<string, Intl.DateTimeFormat | null>();

export function withOffset(wallClock: string, timeZone?: string): string {
  const m = WALL_CLOCK.exec(wallClock);
  if (!m) return wallClock;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const asUtc = utc(year, month, day, hour, minute, second, ms);
  let offset = offsetMinutes(asUtc, timeZone);
  offset = offsetMinutes(asUtc - offset * 60_000, timeZone); // the offset in force at that wall-clock time
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wallClock}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function offsetMinutes(epochMs: number, timeZone: string | undefined): number {
  if (!timeZone) return -new Date(epochMs).getTimezoneOffset();
  const format = formatFor(timeZone);
  if (!format) return 0;
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(epochMs)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = utc(parts.year, parts.month, parts.day, parts.hour % 24, parts.minute, parts.second, 0);
  return Math.round((wall - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60_000);
}

function formatFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formats.has(timeZone)) {
    try {
      formats.set(
        timeZone,
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      );
    } catch {
      formats.set(timeZone, null); // unknown zone: UTC
    }
  }
  return formats.get(timeZone) ?? null;
}

function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // also for years 0–99, which Date.UTC maps to 19xx
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
