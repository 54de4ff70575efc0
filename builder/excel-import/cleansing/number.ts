import { collapseSpaces, toHalfWidth } from './text.ts';
import { fail, ok, type CleanValue, type RuleResult } from './types.ts';

const CURRENCY = /^(?:[¥￥$€£₩]|RMB|CNY|USD|EUR|HKD|GBP|JPY)|(?:[¥￥$€£元圆]|RMB|CNY|USD|EUR|HKD|GBP|JPY)$/i;
const PLAIN = /^[+-]?(\d+)(?:\.(\d+))?(?:[eE][+-]?\d+)?$/;
const SCALES: [RegExp, number][] = [
  [/亿$/, 8],
  [/万$/, 4],
];

/**
 * Parses a number the way people type it in spreadsheets: `1,234.50`, `¥1,234`, `$ 99`,
 * `3.5万`, `1.2亿`, `12.5%` (→ 0.125), `(1,234)` (→ -1234), `１２３` (full-width).
 * Scaling shifts the decimal point in the text, so `1.23万` is exactly 12300.
 * With `decimalSeparator: ','` the text `1.234,5` is 1234.5.
 */
export function parseNumber(value: CleanValue, options: { decimalSeparator?: '.' | ',' } = {}): RuleResult {
  if (typeof value === 'number')
    return Number.isFinite(value) ? ok(value) : fail('number', 'notNumber', { value: String(value) });
  if (typeof value === 'boolean' || Array.isArray(value))
    return fail('number', 'notNumber', { value: String(value) });
  if (value === null) return ok(null);
  let text = collapseSpaces(toHalfWidth(value));
  if (text === '' || text === '-' || text === '—') return ok(null);
  const original = text;
  let isNegative = false;
  if (/^\(.*\)$/.test(text)) {
    isNegative = true;
    text = text.slice(1, -1).trim();
  }
  for (let i = 0; i < 2; i++) text = text.replace(CURRENCY, '').trim();
  if (text.startsWith('-') && /^-\s*[¥￥$€£]/.test(text))
    text = `-${text.slice(1).trim().replace(CURRENCY, '')}`;
  let shift = 0;
  if (text.endsWith('%')) {
    shift = -2;
    text = text.slice(0, -1).trim();
  } else if (text.endsWith('‰')) {
    shift = -3;
    text = text.slice(0, -1).trim();
  }
  for (const [suffix, power] of SCALES) {
    if (suffix.test(text)) {
      shift += power;
      text = text.replace(suffix, '').trim();
    }
  }
  text =
    options.decimalSeparator === ',' ? text.replace(/[.\s']/g, '').replace(',', '.') : stripThousands(text);
  if (!PLAIN.test(text)) return fail('number', 'notNumber', { value: original });
  const n = Number(shift ? shiftDecimal(text, shift) : text);
  if (!Number.isFinite(n)) return fail('number', 'notNumber', { value: original });
  return ok(isNegative ? -n : n);
}

/** Removes `,` / space / `'` grouping, but only when the groups are three digits wide. */
function stripThousands(text: string): string {
  if (!/[,\s']/.test(text)) return text;
  const [int, ...rest] = text.split('.');
  if (rest.length > 1 || !/^[+-]?\d{1,3}([,\s']\d{3})+$/.test(int)) return '#';
  return [int.replace(/[,\s']/g, ''), ...rest].join('.');
}

/** `shiftDecimal("1.23", 4)` is "12300"; `shiftDecimal("12.5", -2)` is "0.125". */
export function shiftDecimal(text: string, places: number): string {
  const sign = text.startsWith('-') ? '-' : '';
  const unsigned = text.replace(/^[+-]/, '');
  if (/e/i.test(unsigned)) return String(Number(unsigned) * 10 ** places);
  const [int, frac = ''] = unsigned.split('.');
  const digits = int + frac;
  const point = int.length + places;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  const whole = padded.slice(0, at).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(at).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
