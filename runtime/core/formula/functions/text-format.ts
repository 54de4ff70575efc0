/**
 * Excel number-format masks for TEXT and FIXED: up to four `;` sections
 * (positive;negative;zero;text), `0 # ?` placeholders, `.` `,` (grouping, or
 * scaling by 1000 when trailing), `%`, `E+00`, quoted/escaped literals, `@`,
 * `General`, and date/time codes (see text-format-date.ts). `[Red]`-style colors,
 * locale tags and conditions are ignored; fractions (`# ?/?`) are not supported.
 * Masks are parsed (and cached) in text-format-mask.ts.
 */
import { FormulaError } from '../values.ts';
import { numberToText } from './coerce.ts';
import { roundDigits, shiftDecimal } from './rounding.ts';
import { formatDate } from './text-format-date.ts';
import { parseMask } from './text-format-mask.ts';
import type { NumberLayout } from './text-format-mask.ts';

export type { FormatToken } from './text-format-mask.ts';

/** A number or text shown through an Excel format mask. */
export function formatValue(value: number | string, format: string): string | FormulaError {
  const { sections, textSection } = parseMask(format);
  if (typeof value === 'string') {
    if (textSection === undefined) return value;
    let out = '';
    for (const t of textSection.tokens) out += t.kind === 'text' ? value : t.kind === 'literal' ? t.text : '';
    return out;
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
  if (section.isDate) {
    return x < 0 ? new FormulaError('#VALUE!', 'TEXT: negative date or time') : formatDate(x, section.tokens);
  }
  return formatNumber(x, section.layout, isSigned);
}

function formatNumber(x: number, layout: NumberLayout, isSigned: boolean): string | FormulaError {
  const { intSlots, fracSlots, fracChars, expAt, pointAt } = layout;
  const abs = Math.abs(x);
  let v = layout.shift === 0 ? abs : shiftDecimal(abs, layout.shift);
  if (!Number.isFinite(v)) return new FormulaError('#NUM!', 'TEXT: number too large for the format');
  let exponent = 0;
  if (expAt >= 0 && v !== 0) {
    const width = Math.max(intSlots.length, 1);
    const isEngineering = width > 1 && layout.intChars.includes('#');
    const magnitude = Math.floor(Math.log10(v));
    exponent = isEngineering ? Math.floor(magnitude / width) * width : magnitude - (width - 1);
    if (roundDigits(shiftDecimal(v, -exponent), fracSlots.length) >= 10 ** width)
      exponent += isEngineering ? width : 1;
    v = shiftDecimal(v, -exponent);
  }
  const digits = fixed(roundDigits(v, fracSlots.length), fracSlots.length);
  const point = digits.indexOf('.');
  const intText = point < 0 ? digits : digits.slice(0, point);
  const fracText = point < 0 ? '' : digits.slice(point + 1);
  const intDigits = intText === '0' ? '' : intText;
  const out = layout.template.slice();
  fillInteger(out, layout, intDigits);
  if (!intSlots.length && intDigits && pointAt >= 0) out[pointAt] = intDigits + out[pointAt];
  let isTrimming = true;
  for (let j = fracSlots.length - 1; j >= 0; j--) {
    const char = fracChars[j];
    const d = fracText[j];
    if (isTrimming && d === '0' && char !== '0') out[fracSlots[j]] = char === '?' ? ' ' : '';
    else {
      isTrimming = false;
      out[fracSlots[j]] = d;
    }
  }
  if (expAt >= 0) {
    const mark = layout.expText;
    out[expAt] = mark[0] + (exponent < 0 ? '-' : mark[1] === '+' ? '+' : '');
    const slots = layout.expSlots;
    for (let k = 0; k < slots.length; k++)
      out[slots[k]] = k === 0 ? String(Math.abs(exponent)).padStart(slots.length, '0') : '';
  }
  if (layout.generalAt.length > 0) {
    const general = numberToText(v);
    for (const i of layout.generalAt) out[i] = general;
  }
  const text = out.join('');
  return isSigned && x < 0 ? `-${text}` : text;
}

/** Integer digits into their placeholders, right to left; extra digits go to the first one. */
function fillInteger(out: string[], layout: NumberLayout, digits: string): void {
  const { intSlots: slots, intChars: chars } = layout;
  if (layout.isGrouped && slots.length) {
    out[slots[0]] = groupThousands(digits.padStart(layout.minIntWidth, '0'));
    for (let j = 1; j < slots.length; j++) out[slots[j]] = '';
    return;
  }
  let k = digits.length;
  for (let j = slots.length - 1; j >= 0; j--) {
    const char = chars[j];
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
