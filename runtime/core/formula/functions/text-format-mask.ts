/**
 * Parsing of Excel number-format masks (see text-format.ts for what they mean).
 * A mask is parsed once into sections of tokens with the number layout worked
 * out, and kept in a small bounded cache: forms format with a handful of fixed
 * masks, so TEXT(total, "#,##0.00") should not re-read its mask on every edit.
 */
import { isDateToken } from './text-format-date.ts';

export type FormatToken =
  | { kind: 'literal'; text: string }
  | { kind: 'digit'; char: string }
  | { kind: 'point' | 'comma' | 'percent' | 'general' | 'text' }
  | { kind: 'exponent'; text: string }
  | { kind: 'date' | 'elapsed'; letter: string; width: number }
  | { kind: 'ampm'; text: string };

/** One `;` section of a mask. Shared through the cache: never mutate. */
export interface MaskSection {
  readonly tokens: readonly FormatToken[];
  readonly isDate: boolean;
  readonly hasText: boolean;
  /** where the digits go when a number is shown through this section */
  readonly layout: NumberLayout;
}

export interface NumberLayout {
  /** per token: the literal, `.` or `%` it always shows, else "" */
  readonly template: readonly string[];
  readonly pointAt: number;
  readonly expAt: number;
  /** token positions of the digit placeholders before the point / after it / in the exponent */
  readonly intSlots: readonly number[];
  readonly fracSlots: readonly number[];
  readonly expSlots: readonly number[];
  /** the exponent token, `E+` or `e-`; "" without one */
  readonly expText: string;
  /** placeholder characters (`0`, `#`, `?`) of intSlots and fracSlots */
  readonly intChars: readonly string[];
  readonly fracChars: readonly string[];
  /** a `,` between integer placeholders */
  readonly isGrouped: boolean;
  /** integer digits always shown when grouped: from the first `0` placeholder on */
  readonly minIntWidth: number;
  /** decimal shift of the value: +2 per `%`, −3 per trailing `,` */
  readonly shift: number;
  /** `General` and `@` positions, which show the number in General format */
  readonly generalAt: readonly number[];
}

export interface ParsedMask {
  readonly sections: readonly MaskSection[];
  /** the section a text value is shown through: the 4th, else the first with `@` */
  readonly textSection: MaskSection | undefined;
}

const CACHE_SIZE = 128;
/** longer masks are parsed every time rather than cached */
const CACHEABLE_LENGTH = 256;
const cache = new Map<string, ParsedMask>();

/** The parsed mask, from the cache when it was seen recently. */
export function parseMask(format: string): ParsedMask {
  const cached = cache.get(format);
  if (cached) return cached;
  const sections = splitSections(format).map(parseSection);
  const parsed: ParsedMask = {
    sections,
    textSection: sections.length >= 4 ? sections[3] : sections.find((s) => s.hasText),
  };
  if (format.length <= CACHEABLE_LENGTH) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(format, parsed);
  }
  return parsed;
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

function parseSection(text: string): MaskSection {
  const tokens = tokenize(text);
  return {
    tokens,
    isDate: tokens.some(isDateToken),
    hasText: tokens.some((t) => t.kind === 'text'),
    layout: layoutOf(tokens),
  };
}

function layoutOf(tokens: FormatToken[]): NumberLayout {
  const pointAt = tokens.findIndex((t) => t.kind === 'point');
  const expAt = tokens.findIndex((t) => t.kind === 'exponent');
  const intEnd = pointAt >= 0 ? pointAt : expAt >= 0 ? expAt : tokens.length;
  const digitsIn = (from: number, to: number): number[] =>
    tokens.flatMap((t, i) => (t.kind === 'digit' && i >= from && i < to ? [i] : []));
  const charOf = (i: number): string => (tokens[i] as { char: string }).char;
  const intSlots = digitsIn(0, intEnd);
  const fracSlots = pointAt >= 0 ? digitsIn(pointAt + 1, expAt >= 0 ? expAt : tokens.length) : [];
  const intChars = intSlots.map(charOf);
  let isGrouped = false;
  let scale = 0;
  const [firstSlot, lastSlot] = [intSlots[0] ?? Infinity, intSlots[intSlots.length - 1] ?? -1];
  tokens.forEach((t, i) => {
    if (t.kind !== 'comma' || i >= intEnd || i < firstSlot) return;
    if (i < lastSlot) isGrouped = true;
    else scale++;
  });
  const firstZero = intChars.indexOf('0');
  const percents = tokens.filter((t) => t.kind === 'percent').length;
  return {
    template: tokens.map((t) =>
      t.kind === 'literal' ? t.text : t.kind === 'point' ? '.' : t.kind === 'percent' ? '%' : '',
    ),
    pointAt,
    expAt,
    intSlots,
    fracSlots,
    expSlots: expAt >= 0 ? digitsIn(expAt + 1, tokens.length) : [],
    expText: expAt >= 0 ? (tokens[expAt] as { text: string }).text : '',
    intChars,
    fracChars: fracSlots.map(charOf),
    isGrouped,
    minIntWidth: firstZero < 0 ? 0 : intSlots.length - firstZero,
    shift: 2 * percents - 3 * scale,
    generalAt: tokens.flatMap((t, i) => (t.kind === 'general' || t.kind === 'text' ? [i] : [])),
  };
}

function endOf(text: string, close: string, open: number): number {
  const end = text.indexOf(close, open + 1);
  return end < 0 ? text.length : end;
}
