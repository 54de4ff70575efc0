/**
 * Reading dates and times typed as text, as Excel (en-US) does in arithmetic and
 * in DATEVALUE/TIMEVALUE/VALUE. Accepted date forms: `2024-01-31`, `2024/1/31`,
 * `2024.1.31`, `2024年1月31日`, US `1/31/2024` (m/d/y), `31-Jan-2024`,
 * `31 January 2024`, `January 31, 2024`; any of them optionally followed by a
 * time (`T` or space). Times: `9:30`, `9:30:15.5`, `9:30 PM`, `9 PM`, and
 * durations like `25:00` on their own.
 */
import { daysInMonth, serialFromParts } from './date-serial.ts';

/** Serial (date + fraction) of a date/time text, else null. */
export function parseDateTimeText(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  const timeOnly = parseTime(t, 9999);
  if (timeOnly !== null) return timeOnly;
  for (const form of DATE_FORMS) {
    const m = form.pattern.exec(t);
    if (!m) continue;
    const parts = form.read(m);
    const day = parts && validDate(parts.year, parts.month, parts.day);
    if (day === null || day === undefined) return null;
    const rest = t.slice(m[0].length);
    if (!rest) return day;
    const time = /^(?:T|\s+)/.test(rest) ? parseTime(rest.replace(/^(?:T|\s+)/, ''), 23) : null;
    return time === null ? null : day + time;
  }
  return null;
}

/** Fraction of a day of a time text (`13:45`, `1:45:30 PM`, `1 PM`), else null. */
export function parseTime(text: string, maxHour: number): number | null {
  const m = /^(\d{1,4})(?::(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?)?\s*([AaPp][Mm]?)?$/.exec(text.trim());
  if (!m || (m[2] === undefined && !m[4])) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const second = Number(m[3] ?? 0);
  if (minute > 59 || second >= 60) return null;
  if (m[4]) {
    if (hour > 12) return null;
    const isPm = m[4][0].toLowerCase() === 'p';
    hour = (hour % 12) + (isPm ? 12 : 0);
  } else if (hour > maxHour) {
    return null;
  }
  return (hour * 3600 + minute * 60 + second) / 86_400;
}

/** Month number of an English month name or its 3+ letter prefix ("Sept"), else 0. */
export function monthFromName(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return 0;
  return MONTH_NAMES.findIndex((full) => full.toLowerCase().startsWith(lower)) + 1;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface DateForm {
  pattern: RegExp;
  read: (m: RegExpExecArray) => { year: number; month: number; day: number } | null;
}

const DATE_FORMS: DateForm[] = [
  {
    pattern: /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})/,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    pattern: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/,
    read: (m) => ({ year: fullYear(m[3]), month: Number(m[1]), day: Number(m[2]) }),
  },
  {
    pattern: /^(\d{1,2})[-\s]([A-Za-z]{3,9})\.?(?:[-\s]|,\s*)(\d{4}|\d{2})(?!\d)/,
    read: (m) => namedMonth(m[2], Number(m[1]), m[3]),
  },
  {
    pattern: /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)/,
    read: (m) => namedMonth(m[1], Number(m[2]), m[3]),
  },
];

function namedMonth(name: string, day: number, year: string) {
  const month = monthFromName(name);
  return month ? { year: fullYear(year), month, day } : null;
}

/** Two-digit years: 00–29 → 2000s, 30–99 → 1900s (Excel's default cutoff). */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function validDate(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null;
  return serialFromParts(year, month, day);
}
