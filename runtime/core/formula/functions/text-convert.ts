/** Conversions between numbers and text: TEXT, VALUE, FIXED, NUMBERVALUE, CHAR, CODE… */
import { isFormulaError } from '../values.ts';
import type { FormulaError, Value } from '../values.ts';
import { fail, parseNumberText, textResult, tickText, toBoolean, toNumber, toText } from './coerce.ts';
import { scalar } from './define.ts';
import { roundDigits } from './rounding.ts';
import { formatValue } from './text-format.ts';
import type { FunctionSpec } from './types.ts';

const T = 'text' as const;
const N = 'number' as const;

/** Windows-1252 characters at codes 128–159 (Excel's CHAR/CODE on Windows); other codes ≤ 255 are Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export const TEXT_CONVERT_FUNCTIONS: FunctionSpec[] = [
  scalar(
    {
      group: 'text',
      name: 'TEXT',
      minArgs: 2,
      maxArgs: 2,
      argTypes: ['any', T],
      returns: T,
      description: 'A number formatted with an Excel mask ("#,##0.00", "0%", "yyyy-mm-dd")',
    },
    ([value, mask], ctx) => {
      const format = toText(mask);
      if (isFormulaError(format)) return format;
      const subject = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value === null ? 0 : value;
      const asNumber = typeof subject === 'string' ? (parseNumberText(subject) ?? subject) : subject;
      ctx.tick(1 + format.length); // a step per mask character, parsed or cached, so budgets never depend on the cache
      const out = formatValue(asNumber as number | string, format);
      if (isFormulaError(out)) return out;
      tickText(ctx, out.length);
      return textResult(out, 'TEXT');
    },
  ),
  scalar(
    {
      group: 'text',
      name: 'VALUE',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [T],
      returns: N,
      description: 'The number a text represents (also dates, times, percents)',
    },
    ([v]) => {
      if (typeof v === 'boolean') return fail('#VALUE!', 'VALUE', 'expects text');
      return toNumber(v);
    },
  ),
  scalar(
    {
      group: 'text',
      name: 'NUMBERVALUE',
      minArgs: 1,
      maxArgs: 3,
      argTypes: [T, T, T],
      returns: N,
      description: 'The number a text represents, with given decimal and group separators',
    },
    ([v, decimal = '.', group = ','], ctx) => {
      const parts = [v, decimal, group].map(toText);
      const error = parts.find(isFormulaError);
      if (error) return error;
      const [s, d, g] = parts as string[];
      tickText(ctx, s.length);
      return numberValue(s, d[0] ?? '', g[0] ?? '');
    },
  ),
  scalar(
    {
      group: 'text',
      name: 'FIXED',
      minArgs: 1,
      maxArgs: 3,
      argTypes: [N, N, 'boolean'],
      returns: T,
      description: 'A number rounded to decimals as text, with thousands separators unless told not to',
    },
    ([v, decimals = 2, noCommas = false]) => {
      const n = toNumber(v);
      const d = toNumber(decimals);
      const plain = toBoolean(noCommas);
      if (isFormulaError(n)) return n;
      if (isFormulaError(d)) return d;
      if (isFormulaError(plain)) return plain;
      const places = Math.trunc(d);
      if (places > 127) return fail('#VALUE!', 'FIXED', 'too many decimals');
      const mask = (plain ? '0' : '#,##0') + (places > 0 ? `.${'0'.repeat(places)}` : '');
      return formatValue(roundDigits(n, places), mask);
    },
  ),
  scalar(
    {
      group: 'text',
      name: 'CHAR',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [N],
      returns: T,
      description: 'The character of a code 1–255 (Windows-1252)',
    },
    ([v]) => {
      const n = toNumber(v);
      if (isFormulaError(n)) return n;
      const code = Math.trunc(n);
      if (code < 1 || code > 255) return fail('#VALUE!', 'CHAR', 'code must be between 1 and 255');
      return code >= 128 && code < 160 ? CP1252_HIGH[code - 128] : String.fromCharCode(code);
    },
  ),
  scalar(
    {
      group: 'text',
      name: 'CODE',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [T],
      returns: N,
      description: 'Windows-1252 code of the first character',
    },
    ([v]) =>
      firstUnit(v, 'CODE', (s) => {
        const c = s.charCodeAt(0);
        const high = CP1252_HIGH.indexOf(s[0]);
        if (high >= 0) return 128 + high;
        return c < 256 ? c : 63;
      }),
  ),
  scalar(
    {
      group: 'text',
      name: 'UNICHAR',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [N],
      returns: T,
      description: 'The character of a Unicode code point',
    },
    ([v]) => {
      const n = toNumber(v);
      if (isFormulaError(n)) return n;
      const cp = Math.trunc(n);
      if (cp < 1 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return fail('#VALUE!', 'UNICHAR', 'not a valid code point');
      return String.fromCodePoint(cp);
    },
  ),
  scalar(
    {
      group: 'text',
      name: 'UNICODE',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [T],
      returns: N,
      description: 'Unicode code point of the first character',
    },
    ([v]) => firstUnit(v, 'UNICODE', (s) => s.codePointAt(0) ?? 0),
  ),
];

function firstUnit(v: Value, fn: string, code: (s: string) => number): number | FormulaError {
  const s = toText(v);
  if (isFormulaError(s)) return s;
  return s === '' ? fail('#VALUE!', fn, 'empty text') : code(s);
}

/** NUMBERVALUE's reading: spaces ignored, group separators only before the decimal one, trailing % each ÷100. */
function numberValue(text: string, decimal: string, group: string): number | FormulaError {
  const bad = (why: string) => fail('#VALUE!', 'NUMBERVALUE', why);
  if (decimal === group) return bad('decimal and group separators are the same');
  let s = text.replace(/\s+/g, '');
  if (s === '') return 0;
  let percents = 0;
  while (s.endsWith('%')) {
    percents++;
    s = s.slice(0, -1);
  }
  const at = decimal ? s.indexOf(decimal) : -1;
  if (at >= 0 && s.indexOf(decimal, at + 1) >= 0) return bad('more than one decimal separator');
  const whole = at >= 0 ? s.slice(0, at) : s;
  const fraction = at >= 0 ? s.slice(at + 1) : '';
  if (group && fraction.includes(group)) return bad('group separator after the decimal separator');
  const normalized = (group ? whole.split(group).join('') : whole) + (at >= 0 ? `.${fraction}` : '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalized)) return bad(`"${text}" is not a number`);
  const n = Number(normalized) / 100 ** percents;
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : bad('number too large');
}
