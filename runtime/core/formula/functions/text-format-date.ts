/**
 * Date/time codes of format masks: `yy yyyy`, `m mm mmm mmmm mmmmm` (minutes
 * right after an hour or before seconds), `d dd ddd dddd`, `h hh`, `s ss` with
 * `.0`–`.000` fractions, `AM/PM` `A/P`, and elapsed `[h] [m] [s]`. English names.
 */
import { FormulaError } from '../values.ts';
import { dateTimeFromSerial, dayOfWeek, MAX_SERIAL, MS_PER_DAY, pad } from './date-serial.ts';
import { DAY_NAMES, MONTH_NAMES } from './date-text.ts';
import type { FormatToken } from './text-format-mask.ts';

export const isDateToken = (t: FormatToken): boolean =>
  t.kind === 'date' || t.kind === 'elapsed' || t.kind === 'ampm';

export function formatDate(serial: number, tokens: readonly FormatToken[]): string | FormulaError {
  if (serial > MAX_SERIAL + 1) return new FormulaError('#VALUE!', 'TEXT: date out of range');
  const fractionDigits = secondFractionDigits(tokens);
  const precisionMs = 10 ** (3 - fractionDigits);
  const t = dateTimeFromSerial(serial, precisionMs);
  if (!t) return new FormulaError('#VALUE!', 'TEXT: date out of range');
  const totalMs = Math.round((serial * MS_PER_DAY) / precisionMs) * precisionMs;
  const is12Hour = tokens.some((tk) => tk.kind === 'ampm');
  const isMinute = minuteCodes(tokens);
  const out: string[] = [];
  let afterSeconds = false;
  let fractionAt = 0;
  tokens.forEach((tk, i) => {
    switch (tk.kind) {
      case 'date':
        out.push(dateCode(tk.letter, tk.width, isMinute[i]));
        break;
      case 'elapsed': {
        const unitMs = tk.letter === 'h' ? 3_600_000 : tk.letter === 'm' ? 60_000 : 1000;
        out.push(pad(Math.floor(totalMs / unitMs), tk.width));
        break;
      }
      case 'ampm':
        out.push(ampm(tk.text, t.hour < 12));
        break;
      case 'point':
        out.push('.');
        break;
      case 'digit':
        out.push(afterSeconds ? (pad(t.millisecond, 3)[fractionAt++] ?? '0') : tk.char);
        break;
      case 'literal':
        out.push(tk.text);
        break;
      case 'comma':
        out.push(',');
        break;
      case 'percent':
        out.push('%');
        break;
      default:
        break;
    }
    if (tk.kind === 'point') fractionAt = 0;
    if (tk.kind === 'date' || tk.kind === 'elapsed') afterSeconds = tk.letter === 's';
    else if (tk.kind !== 'point' && tk.kind !== 'digit') afterSeconds = false;
  });
  return out.join('');

  function dateCode(letter: string, width: number, isMinuteCode: boolean): string {
    switch (letter) {
      case 'y':
        return width <= 2 ? pad(t!.year % 100, 2) : pad(t!.year, 4);
      case 'm':
        if (isMinuteCode) return width >= 2 ? pad(t!.minute, 2) : String(t!.minute);
        if (width <= 2) return width === 2 ? pad(t!.month, 2) : String(t!.month);
        return width === 3
          ? MONTH_NAMES[t!.month - 1].slice(0, 3)
          : width === 4
            ? MONTH_NAMES[t!.month - 1]
            : MONTH_NAMES[t!.month - 1][0];
      case 'd': {
        if (width <= 2) return width === 2 ? pad(t!.day, 2) : String(t!.day);
        const name = DAY_NAMES[dayOfWeek(Math.floor(totalMs / MS_PER_DAY))];
        return width === 3 ? name.slice(0, 3) : name;
      }
      case 'h': {
        const hour = is12Hour ? t!.hour % 12 || 12 : t!.hour;
        return width >= 2 ? pad(hour, 2) : String(hour);
      }
      default:
        return width >= 2 ? pad(t!.second, 2) : String(t!.second);
    }
  }
}

/**
 * Which tokens are minute codes: an `m`/`mm` whose nearest date code before it
 * is an hour, or whose nearest one after it is seconds. Linear in the tokens.
 */
function minuteCodes(tokens: readonly FormatToken[]): boolean[] {
  const letterOf = (tk: FormatToken) => (tk.kind === 'date' || tk.kind === 'elapsed' ? tk.letter : undefined);
  const before: (string | undefined)[] = [];
  let last: string | undefined;
  for (const tk of tokens) {
    before.push(last);
    last = letterOf(tk) ?? last;
  }
  const result = tokens.map(() => false);
  let next: string | undefined;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tk = tokens[i];
    if (tk.kind === 'date' && tk.letter === 'm' && tk.width <= 2)
      result[i] = before[i] === 'h' || next === 's';
    next = letterOf(tk) ?? next;
  }
  return result;
}

/** Digits of `ss.000`: how many follow the point after seconds (at most 3). */
function secondFractionDigits(tokens: readonly FormatToken[]): number {
  for (let i = 0; i < tokens.length - 1; i++) {
    const tk = tokens[i];
    if (
      (tk.kind === 'date' || tk.kind === 'elapsed') &&
      tk.letter === 's' &&
      tokens[i + 1].kind === 'point'
    ) {
      let n = 0;
      while (tokens[i + 2 + n]?.kind === 'digit') n++;
      return Math.min(n, 3);
    }
  }
  return 0;
}

function ampm(text: string, isMorning: boolean): string {
  if (text.length === 5) return isMorning ? 'AM' : 'PM';
  const letter = isMorning ? text[0] : text[2];
  return letter;
}
