import type { CleanValue } from './types.ts';

/** Full-width ASCII variants (！..～) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

const SPACES = /[\s\u00a0\u3000]+/g;

const EDGE_SPACE = /^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g;
const isSpaceCode = (code: number) =>
  code <= 32 ||
  code === 0xa0 ||
  code === 0x3000 ||
  code === 0xfeff ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x1680;

/** Trims ASCII, no-break, ideographic and BOM spaces; text without edge spaces is returned as is (the common case). */
export function trimText(text: string): string {
  if (
    text.length === 0 ||
    (!isSpaceCode(text.charCodeAt(0)) && !isSpaceCode(text.charCodeAt(text.length - 1)))
  )
    return text;
  return text.replace(EDGE_SPACE, '');
}
export const collapseSpaces = (text: string): string => trimText(text.replace(SPACES, ' '));

export function changeCase(text: string, to: 'upper' | 'lower' | 'title'): string {
  if (to === 'upper') return text.toUpperCase();
  if (to === 'lower') return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(/(^|[\s\-_/])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Applies `fn` to text, leaving numbers, booleans, null and lists alone. */
export const onText = (value: CleanValue, fn: (text: string) => string): CleanValue =>
  typeof value === 'string' ? fn(value) : value;

/** Numbers as text without float noise: 0.1 + 0.2 → "0.3", 1e21 stays exponent-free where possible. */
export function numberToText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/** Any cell value as trimmed text ('' for empty). */
export function cellText(value: CleanValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Array.isArray(value)) return value.join(', ');
  return trimText(value);
}
