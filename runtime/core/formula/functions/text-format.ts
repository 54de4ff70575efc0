/**
 * Excel number-format masks for TEXT and FIXED: up to four `;` sections
 * (positive;negative;zero;text), `0 # ?` placeholders, `.` `,` (grouping, or
 * scaling by 1000 when trailing), `%`, `E+00`, quoted/escaped literals, `@`,
 * `General`, and date/time codes (see text-format-date.ts). `[Red]`-style colors,
 * locale tags and conditions are ignored; fractions (`# ?/?`) are not supported.
 */
import { FormulaError } from '../values.ts';
import { numberToText } from './coerce.ts';
import { roundDigits, shiftDecimal } from './rounding.ts';
import { formatDate, isDateToken } from './text-format-date.ts';

export type FormatToken =
  | { kind: 'literal'; text: string }
  | { kind: 'digit'; char: string }
  | { kind: 'point' | 'comma' | 'percent' | 'general' | 'text' }
  | { kind: 'exponent'; text: string }
  | { kind: 'date' | 'elapsed'; letter: string; width: number }
  | { kind: 'ampm'; text: string };

type DigitToken = Extract<FormatToken, { kind: 'digit' }>;

/** A number or text shown through an Excel format mask. */
export function formatValue(value: number | string, format: string): string | FormulaError {
  const sections = splitSections(format);
  if (typeof value === 'string') {
    const section =
      sections.length >= 4 ? sections[3] : sections.find((s) => tokenize(s).some((t) => t.kind === 'text'));
    if (section === undefined) return value;
    return tokenize(section)
      .map((t) => (t.kind === 'text' ? value : t.kind === 'literal' ? t.text : ''))
      .join('');
  }
  let section = sections[0];
  let x = value;
  let isSigned = true;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    x = -value;
    isSigned = false;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  const tokens = tokenize(section);
  if (tokens.some(isDateToken)) {
    return x < 0 ? new FormulaError('#VALUE!', 'TEXT: negative date or time') : formatDate(x, tokens);
  }
  return formatNumber(x, tokens, isSigned);
}

/** Split a mask at `;` outside quotes, escapes and brackets. */
export function splitSections(format: string): string[] {
  const sections: string[] = [];
  let start = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '\\') i++;
    else if (c === '"') i = endOf(format, '"', i);
    else if (c === '[') i = endOf(format, ']', i);
    else if (c === ';') {
      sections.push(format.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(format.slice(start));
  return sections;
}

export function tokenize(section: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < section.length) {
    const c = section[i];
    const lower = c.toLowerCase();
    if (c === '"') {
      const end = endOf(section, '"', i);
      literal(section.slice(i + 1, end));
      i = end + 1;
    } else if (c === '\\' || c === '_' || c === '*') {
      if (c !== '*') literal(c === '_' ? ' ' : (section[i + 1] ?? ''));
      i += 2;
    } else if (c === '[') {
      const end = endOf(section, ']', i);
      const inner = section.slice(i + 1, end);
      if (/^(h+|m+|s+)$/i.test(inner))
        tokens.push({ kind: 'elapsed', letter: inner[0].toLowerCase(), width: inner.length });
      i = end + 1;
    } else if (lower === 'g' && section.substr(i, 7).toLowerCase() === 'general') {
      tokens.push({ kind: 'general' });
      i += 7;
    } else if (
      lower === 'a' &&
      (section.substr(i, 5).toUpperCase() === 'AM/PM' || section.substr(i, 3).toUpperCase() === 'A/P')
    ) {
      const width = section.substr(i, 5).toUpperCase() === 'AM/PM' ? 5 : 3;
      tokens.push({ kind: 'ampm', text: section.substr(i, width) });
      i += width;
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === lower) j++;
      tokens.push({ kind: 'date', letter: lower, width: j - i });
      i = j;
    } else if (lower === 'e' && (section[i + 1] === '+' || section[i + 1] === '-')) {
      tokens.push({ kind: 'exponent', text: section.substr(i, 2) });
      i += 2;
    } else {
      const simple = SIMPLE[c];
      if (simple) tokens.push(simple === 'digit' ? { kind: 'digit', char: c } : { kind: simple });
      else literal(c);
      i++;
    }
  }
  return tokens;
}

const SIMPLE: Record<string, 'digit' | 'point' | 'comma' | 'percent' | 'text'> = {
  '0': 'digit',
  '#': 'digit',
  '?': 'digit',
  '.': 'point',
  ',': 'comma',
  '%': 'percent',
  '@': 'text',
};

function formatNumber(x: number, tokens: FormatToken[], isSigned: boolean): string | FormulaError {
  const isDigit = (t: FormatToken | undefined): t is DigitToken => t?.kind === 'digit';
  const pointAt = tokens.findIndex((t) => t.kind === 'point');
  const expAt = tokens.findIndex((t) => t.kind === 'exponent');
  const intEnd = pointAt >= 0 ? pointAt : expAt >= 0 ? expAt : tokens.length;
  const slotsIn = (from: number, to: number) =>
    tokens.map((t, i) => (isDigit(t) && i >= from && i < to ? i : -1)).filter((i) => i >= 0);
  const intSlots = slotsIn(0, intEnd);
  const fracSlots = pointAt >= 0 ? slotsIn(pointAt + 1, expAt >= 0 ? expAt : tokens.length) : [];
  let isGrouped = false;
  let scale = 0;
  const [firstSlot, lastSlot] = [intSlots[0] ?? Infinity, intSlots[intSlots.length - 1] ?? -1];
  tokens.forEach((t, i) => {
    if (t.kind !== 'comma' || i >= intEnd || i < firstSlot) return;
    if (i < lastSlot) isGrouped = true;
    else scale++;
  });
  const percents = tokens.filter((t) => t.kind === 'percent').length;
  let v = shiftDecimal(Math.abs(x), 2 * percents - 3 * scale);
  if (!Number.isFinite(v)) return new FormulaError('#NUM!', 'TEXT: number too large for the format');
  let exponent = 0;
  if (expAt >= 0 && v !== 0) {
    const width = Math.max(intSlots.length, 1);
    const isEngineering = width > 1 && intSlots.some((s) => (tokens[s] as DigitToken).char === '#');
    const magnitude = Math.floor(Math.log10(v));
    exponent = isEngineering ? Math.floor(magnitude / width) * width : magnitude - (width - 1);
    if (roundDigits(shiftDecimal(v, -exponent), fracSlots.length) >= 10 ** width)
      exponent += isEngineering ? width : 1;
    v = shiftDecimal(v, -exponent);
  }
  const [intText, fracText = ''] = fixed(roundDigits(v, fracSlots.length), fracSlots.length).split('.');
  const intDigits = intText === '0' ? '' : intText;
  const out = tokens.map((t) =>
    t.kind === 'literal' ? t.text : t.kind === 'point' ? '.' : t.kind === 'percent' ? '%' : '',
  );
  fillInteger(out, intSlots, tokens, intDigits, isGrouped);
  if (!intSlots.length && intDigits && pointAt >= 0) out[pointAt] = intDigits + out[pointAt];
  let isTrimming = true;
  for (let j = fracSlots.length - 1; j >= 0; j--) {
    const char = (tokens[fracSlots[j]] as DigitToken).char;
    const d = fracText[j];
    if (isTrimming && d === '0' && char !== '0') out[fracSlots[j]] = char === '?' ? ' ' : '';
    else {
      isTrimming = false;
      out[fracSlots[j]] = d;
    }
  }
  if (expAt >= 0) {
    const expSlots = slotsIn(expAt + 1, tokens.length);
    const sign = exponent < 0 ? '-' : (tokens[expAt] as { text: string }).text[1] === '+' ? '+' : '';
    out[expAt] = (tokens[expAt] as { text: string }).text[0] + sign;
    expSlots.forEach(
      (s, k) => (out[s] = k === 0 ? String(Math.abs(exponent)).padStart(expSlots.length, '0') : ''),
    );
  }
  tokens.forEach((t, i) => {
    if (t.kind === 'general' || t.kind === 'text') out[i] = numberToText(v);
  });
  const text = out.join('');
  return isSigned && x < 0 ? `-${text}` : text;
}

/** Integer digits into their placeholders, right to left; extra digits go to the first one. */
function fillInteger(
  out: string[],
  slots: number[],
  tokens: FormatToken[],
  digits: string,
  isGrouped: boolean,
): void {
  const charAt = (j: number) => (tokens[slots[j]] as DigitToken).char;
  if (isGrouped && slots.length) {
    const firstZero = slots.findIndex((_, j) => charAt(j) === '0');
    const minWidth = firstZero < 0 ? 0 : slots.length - firstZero;
    const padded = digits.padStart(minWidth, '0');
    slots.forEach((s, j) => (out[s] = j === 0 ? groupThousands(padded) : ''));
    return;
  }
  let k = digits.length;
  for (let j = slots.length - 1; j >= 0; j--) {
    const char = charAt(j);
    if (k > 0) {
      out[slots[j]] = j === 0 ? digits.slice(0, k) : digits[k - 1];
      k = j === 0 ? 0 : k - 1;
    } else {
      out[slots[j]] = char === '0' ? '0' : char === '?' ? ' ' : '';
    }
  }
}

/** "1234567" → "1,234,567", in linear time. */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** Decimal text with exactly `decimals` places, without exponent notation even for huge numbers. */
function fixed(n: number, decimals: number): string {
  if (n < 1e21) return n.toFixed(Math.min(decimals, 100)) + '0'.repeat(Math.max(decimals - 100, 0));
  const whole = BigInt(Math.round(n)).toString();
  return decimals > 0 ? `${whole}.${'0'.repeat(decimals)}` : whole;
}

function endOf(text: string, close: string, open: number): number {
  const end = text.indexOf(close, open + 1);
  return end < 0 ? text.length : end;
}
