/**
 * Wall-clock time in an IANA zone → UTC, with Intl only (no Date parsing of local time),
 * so the result does not depend on the TZ of the process that runs it.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at instant `epochMs`, in milliseconds (Shanghai: +8 h). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

/**
 * The UTC instant at which clocks in `timeZone` show `wall`. In a spring-forward gap the
 * later offset applies (02:30 that does not exist becomes 03:30), as most libraries do.
 */
export function wallClockToUtc(wall: WallClock, timeZone: string): number {
  const guess = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond ?? 0,
  );
  const first = zoneOffsetMs(guess, timeZone);
  const early = guess - first;
  const second = zoneOffsetMs(early, timeZone);
  if (second === first) return early;
  const late = guess - second;
  // the wall-clock time exists under the second offset (a repeated hour), or it falls in a gap
  return zoneOffsetMs(late, timeZone) === second ? late : early;
}
