/**
 * Excel date serials: 1 = 1900-01-01, with Excel's 1900 leap-year bug kept
 * (60 = the fictional 1900-02-29, 0 = "1900-01-00"), so every date from
 * 1900-03-01 on is `days since 1899-12-30`. Calendar arithmetic is pure
 * integer math (no Date objects), so results do not depend on the host's zone.
 */

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export interface DateTimeParts extends DateParts {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export const MS_PER_DAY = 86_400_000;
/** 9999-12-31, the last date Excel knows */
export const MAX_SERIAL = 2_958_465;
/** serial of 1970-01-01 */
const UNIX_EPOCH_SERIAL = 25_569;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month of Excel's calendar (February 1900 has 29). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) || year === 1900 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * Serial of a calendar date; month is normalised first (13 → January next year),
 * then `day` may overflow or underflow like Excel's DATE (DATE(2024,1,32) = Feb 1).
 */
export function serialFromParts(year: number, month: number, day: number): number {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const monthStart = y === 1900 && m <= 2 ? (m === 1 ? 1 : 32) : daysFromCivil(y, m, 1) + UNIX_EPOCH_SERIAL;
  return monthStart + day - 1;
}

/** Calendar date of a serial's day (time of day ignored); null outside 0…MAX_SERIAL. */
export function partsFromSerial(serial: number): DateParts | null {
  const n = Math.floor(serial);
  if (!(n >= 0 && n <= MAX_SERIAL)) return null;
  if (n === 0) return { year: 1900, month: 1, day: 0 };
  if (n === 60) return { year: 1900, month: 2, day: 29 };
  return civilFromDays(n < 60 ? n - UNIX_EPOCH_SERIAL + 1 : n - UNIX_EPOCH_SERIAL);
}

/**
 * Date and time of a serial, the time rounded to `precisionMs` (Excel rounds to
 * the second for HOUR/MINUTE/SECOND), carrying into the next day when it rounds up.
 */
export function dateTimeFromSerial(serial: number, precisionMs = 1): DateTimeParts | null {
  const totalMs = Math.round((serial * MS_PER_DAY) / precisionMs) * precisionMs;
  const day = Math.floor(totalMs / MS_PER_DAY);
  const date = partsFromSerial(day);
  if (!date) return null;
  let rest = totalMs - day * MS_PER_DAY;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return { ...date, hour, minute, second, millisecond: rest - second * 1000 };
}

/** 0 = Sunday … 6 = Saturday, Excel's way (serial 1 is a Sunday). */
export const dayOfWeek = (serial: number): number => (((Math.floor(serial) - 1) % 7) + 7) % 7;

export const isValidSerial = (serial: number): boolean => serial >= 0 && serial < MAX_SERIAL + 1;

/** `YYYY-MM-DD` of a serial; the fictional 1900-01-00 and 1900-02-29 map to the real days before them. */
export function serialToISODate(serial: number): string | null {
  const n = Math.floor(serial);
  if (n === 0) return '1899-12-31';
  if (n === 60) return '1900-02-28';
  const p = partsFromSerial(n);
  return p ? isoDate(p) : null;
}

/** Serial of a strict `YYYY-MM-DD` text (a real calendar date), else null. */
export function isoDateToSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > realDaysInMonth(year, month)) return null;
  const serial = serialFromParts(year, month, day);
  return isValidSerial(serial) && serial >= 1 ? serial : null;
}

/** Wall-clock `YYYY-MM-DDTHH:mm:ss` (`.sss` when there are milliseconds) of a serial. */
export function serialToISODateTime(serial: number): string | null {
  const t = dateTimeFromSerial(serial);
  if (!t) return null;
  const date =
    t.day === 0 || (t.month === 2 && t.day === 29 && t.year === 1900) ? serialToISODate(serial) : isoDate(t);
  const ms = t.millisecond ? `.${pad(t.millisecond, 3)}` : '';
  return `${date}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${ms}`;
}

/**
 * Serial of an ISO date or date-time. Wall-clock text (`2024-01-31T09:30`) is read as is;
 * text with `Z` or an offset is an instant, shown as the wall clock of `timeZone`
 * (IANA name; the runtime's zone when absent).
 */
export function isoDateTimeToSerial(text: string, timeZone?: string): number | null {
  const dateOnly = isoDateToSerial(text);
  if (dateOnly !== null) return dateOnly;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  );
  if (!m) return null;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[6]) {
    const ms = Date.parse(text.replace(' ', 'T'));
    return Number.isNaN(ms) ? null : epochToSerial(ms, timeZone);
  }
  const day = isoDateToSerial(m[1]);
  if (day === null) return null;
  const frac = Math.round(Number(m[5] ?? 0) * 1000) / 1000;
  return day + (hour * 3600 + minute * 60 + second + frac) / 86_400;
}

/** Serial (date + time of day) of an instant, on the wall clock of `timeZone` (runtime zone when absent). */
export function epochToSerial(epochMs: number, timeZone?: string): number | null {
  const p = wallClock(epochMs, timeZone);
  if (!p) return null;
  const timeMs = ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 + p.millisecond;
  return serialFromParts(p.year, p.month, p.day) + timeMs / MS_PER_DAY;
}

/** The instant a wall-clock serial names in `timeZone` (runtime zone when absent); DST gaps resolve forward. */
export function serialToEpoch(serial: number, timeZone?: string): number | null {
  const t = dateTimeFromSerial(serial);
  if (!t || Math.floor(serial) <= 60) return null;
  const timeMs = ((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.millisecond;
  let guess = daysFromCivil(t.year, t.month, t.day) * MS_PER_DAY + timeMs;
  for (let i = 0; i < 3; i++) {
    const seen = epochToSerial(guess, timeZone);
    if (seen === null) return null;
    const driftMs = Math.round((seen - serial) * MS_PER_DAY);
    if (driftMs === 0) break;
    guess -= driftMs;
  }
  return guess;
}

/** Wall-clock fields of an instant in a zone; null for an unknown zone. */
export function wallClock(epochMs: number, timeZone?: string): DateTimeParts | null {
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  if (!timeZone) {
    const d = new Date(epochMs);
    return {
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      day: d.getDate(),
      hour: d.getHours(),
      minute: d.getMinutes(),
      second: d.getSeconds(),
      millisecond,
    };
  }
  const format = formatterFor(timeZone);
  if (!format) return null;
  const f: Record<string, number> = {};
  for (const part of format.formatToParts(epochMs))
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  return {
    year: f.year,
    month: f.month,
    day: f.day,
    hour: f.hour % 24,
    minute: f.minute,
    second: f.second,
    millisecond,
  };
}

export function isoDate(p: DateParts): string {
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let format: Intl.DateTimeFormat | null;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = null; // unknown IANA zone
    }
    formatters.set(timeZone, format);
  }
  return formatters.get(timeZone) ?? null;
}

const realDaysInMonth = (year: number, month: number): number =>
  month === 2 && year === 1900 ? 28 : daysInMonth(year, month);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm); day may overflow. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): DateParts {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
  };
}
