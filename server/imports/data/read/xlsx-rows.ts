import type { CellValue } from '../../../../builder/excel-import/cleansing/index.ts';
import { WorkbookRejected } from '../../workbook/errors.ts';
import type { SourceRow } from './types.ts';
import { decodeXmlText, richText } from './xml-text.ts';
import {
  APOSTROPHE,
  COLON,
  digitsValue,
  EQUALS,
  findClose,
  findOpen,
  isElement,
  isNameCode,
  isSpaceCode,
  nameEndAt,
  QUOTE,
  SLASH,
} from './xml-scan.ts';

export interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  isDate1904: boolean;
  maxColumns: number;
}

const MAX_TEXT = 32_767;

/** Cell types (`t`) as small numbers; anything else reads as a number, as `n` does. */
const CellType = { Number: 0, Shared: 1, Text: 2, Inline: 3, Bool: 4, Error: 5, Date: 6 } as const;
type CellType = (typeof CellType)[keyof typeof CellType];

/**
 * A tokenizer for `<sheetData>`: feed it text in any chunks; it returns the rows completed
 * so far and keeps the unfinished tail. Only `<row>`, `<c>`, `<v>` and `<is>` are read;
 * empty styled cells (a sheet "formatted" out to column XFD) cost nothing. It scans with
 * indexOf and character codes rather than regular expressions: a sheet of 100,000 rows has
 * millions of cells, and per-cell regex matches (and their capture strings) dominated.
 */
export function createRowTokenizer(ctx: SheetContext) {
  let pending = '';
  let closeTag: string | null = null;
  let nextRow = 1;

  const parse = (xml: string, out: SourceRow[]) => {
    for (let pos = 0; ;) {
      const lt = xml.indexOf('<', pos);
      if (lt === -1) return;
      const nameEnd = nameEndAt(xml, lt + 1);
      if (!isElement(xml, lt + 1, nameEnd, 'row')) {
        pos = lt + 1;
        continue;
      }
      const gt = xml.indexOf('>', nameEnd);
      if (gt === -1) return;
      const isEmpty = xml.charCodeAt(gt - 1) === SLASH;
      const number = rowNumberOf(xml, nameEnd, isEmpty ? gt - 1 : gt) ?? nextRow;
      nextRow = number + 1;
      if (isEmpty) {
        pos = gt + 1; // <row/> without cells
        continue;
      }
      const end = xml.indexOf(closeTag!, gt + 1);
      const cells = parseCells(xml, gt + 1, end === -1 ? xml.length : end, number, ctx);
      if (cells) out.push({ row: number, cells });
      if (end === -1) return;
      pos = end + closeTag!.length;
    }
  };
  return {
    /** Adds text; returns the rows completed by it. */
    feed(text: string): SourceRow[] {
      pending += text;
      if (closeTag === null) {
        const m = /<(\w+:)?row\b/.exec(pending);
        if (!m) {
          if (pending.length > 1 << 20) pending = pending.slice(-1024); // sheet prologue (cols, views)
          return [];
        }
        closeTag = `</${m[1] ?? ''}row>`;
        pending = pending.slice(m.index);
      }
      const end = pending.lastIndexOf(closeTag);
      if (end === -1) return [];
      const out: SourceRow[] = [];
      parse(pending.slice(0, end + closeTag.length), out);
      pending = pending.slice(end + closeTag.length);
      return out;
    },
    /** The rows left when the text ends (a last row written as `<row/>` or a cut-off file). */
    finish(): SourceRow[] {
      const out: SourceRow[] = [];
      if (closeTag !== null) {
        const stop = pending.search(/<\/(?:\w+:)?sheetData>/);
        parse(stop === -1 ? pending : pending.slice(0, stop), out);
      }
      pending = '';
      return out;
    },
  };
}

/** Cells of the row whose content is `xml[from, to)`, or null when none holds a value. */
function parseCells(
  xml: string,
  from: number,
  to: number,
  rowNumber: number,
  ctx: SheetContext,
): CellValue[] | null {
  const cells: CellValue[] = [];
  let column = 0;
  let hasValue = false;
  for (let pos = from; ;) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1 || lt >= to) break;
    const nameEnd = nameEndAt(xml, lt + 1);
    if (!isElement(xml, lt + 1, nameEnd, 'c')) {
      pos = lt + 1;
      continue;
    }
    const gt = xml.indexOf('>', nameEnd);
    if (gt === -1 || gt >= to) break;
    const isEmpty = xml.charCodeAt(gt - 1) === SLASH;
    // attributes: r (reference), t (type), s (style)
    let type: CellType = CellType.Number;
    let style = -1;
    let refAt = -1;
    for (let i = nameEnd, attrsEnd = isEmpty ? gt - 1 : gt; i < attrsEnd;) {
      if (!isNameCode(xml.charCodeAt(i))) {
        i++;
        continue;
      }
      const attrEnd = nameEndAt(xml, i);
      const isOneLetter = attrEnd - i === 1 || xml.charCodeAt(attrEnd - 2) === COLON;
      const letter = xml.charCodeAt(attrEnd - 1);
      i = attrEnd;
      while (i < attrsEnd && isSpaceCode(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== EQUALS) continue;
      i++;
      while (i < attrsEnd && isSpaceCode(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOSTROPHE) continue;
      const valueStart = i + 1;
      const valueEnd = xml.indexOf(quote === QUOTE ? '"' : "'", valueStart);
      if (valueEnd === -1 || valueEnd >= attrsEnd) break;
      i = valueEnd + 1;
      if (!isOneLetter) continue;
      if (letter === 114 /* r */) {
        const ref = refColumn(xml, valueStart, valueEnd);
        if (ref !== null) {
          column = ref;
          refAt = valueStart;
        }
      } else if (letter === 116 /* t */) type = cellType(xml, valueStart, valueEnd);
      else if (letter === 115 /* s */) style = digitsValue(xml, valueStart, valueEnd) ?? style;
    }
    let next: number;
    if (isEmpty) next = gt + 1;
    else {
      const close = nameEnd - lt === 2 ? xml.indexOf('</c>', gt + 1) : findClose(xml, gt + 1, to, 'c');
      if (close === -1 || close >= to) {
        pos = gt + 1; // no end tag: not a cell
        continue;
      }
      next = xml.indexOf('>', close) + 1;
      if (close > gt + 1) {
        const value = cellValue(xml, gt + 1, close, type, style, ctx);
        if (value !== null && value !== '') {
          if (column >= ctx.maxColumns) {
            throw new WorkbookRejected(
              'too-many-columns',
              `Row ${rowNumber} has a value in column ${refAt === -1 ? column + 1 : refLetters(xml, refAt)}, beyond the limit of ${ctx.maxColumns} columns`,
              {
                limit: ctx.maxColumns,
              },
            );
          }
          while (cells.length < column) cells.push(null);
          cells[column] = value;
          hasValue = true;
        }
      }
    }
    column++;
    pos = next;
  }
  return hasValue ? cells : null;
}

/** The value of a cell whose content is `xml[from, to)`. */
function cellValue(
  xml: string,
  from: number,
  to: number,
  type: CellType,
  style: number,
  ctx: SheetContext,
): CellValue {
  if (type === CellType.Inline) {
    const start = findOpen(xml, from, to, 'is');
    const end = start === -1 ? -1 : findClose(xml, start, to, 'is');
    return end === -1 ? null : clip(richText(xml.slice(start, end)));
  }
  let start: number;
  let end: number;
  if (xml.startsWith('<v>', from)) {
    start = from + 3;
    end = xml.indexOf('</v>', start);
    if (end === -1 || end > to) end = findClose(xml, start, to, 'v');
  } else {
    start = findOpen(xml, from, to, 'v');
    end = start === -1 ? -1 : findClose(xml, start, to, 'v');
  }
  if (end === -1) return null;
  switch (type) {
    case CellType.Shared: {
      const text = ctx.strings[digitsValue(xml, start, end) ?? Number(xml.slice(start, end))];
      return text === undefined ? null : text;
    }
    case CellType.Text:
    case CellType.Error:
      return clip(decodeXmlText(xml.slice(start, end)));
    case CellType.Bool: {
      const raw = xml.slice(start, end);
      return raw === '1' || raw === 'true';
    }
    case CellType.Date:
      return decodeXmlText(xml.slice(start, end))
        .replace('T', ' ')
        .replace(/(\.\d+)?Z?$/, '')
        .replace(/ 00:00:00$/, '');
    default: {
      const raw = xml.slice(start, end);
      const n = Number(raw);
      if (!Number.isFinite(n)) return clip(decodeXmlText(raw));
      return style >= 0 && ctx.dateStyles[style] ? serialToText(n, ctx.isDate1904) : n;
    }
  }
}

/** The row's `r` attribute (digits), from the start tag's attributes `xml[from, to)`. */
function rowNumberOf(xml: string, from: number, to: number): number | null {
  for (let i = from; i < to;) {
    if (!isNameCode(xml.charCodeAt(i))) {
      i++;
      continue;
    }
    const attrEnd = nameEndAt(xml, i);
    const isR =
      xml.charCodeAt(attrEnd - 1) === 114 /* r */ &&
      (attrEnd - i === 1 || xml.charCodeAt(attrEnd - 2) === COLON);
    i = attrEnd;
    while (i < to && isSpaceCode(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQUALS) continue;
    i++;
    while (i < to && isSpaceCode(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOSTROPHE) continue;
    const end = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
    if (end === -1 || end >= to) return null;
    if (isR) return digitsValue(xml, i + 1, end);
    i = end + 1;
  }
  return null;
}

/** The column index of a reference such as `AB12` (1–3 letters, then digits), else null. */
function refColumn(xml: string, from: number, to: number): number | null {
  let i = from;
  let n = 0;
  while (i < to && i - from < 4) {
    const code = xml.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    n = n * 26 + (code - 96);
    i++;
  }
  if (i === from || i - from > 3 || i === to) return null;
  for (let j = i; j < to; j++) {
    const code = xml.charCodeAt(j);
    if (code < 48 || code > 57) return null;
  }
  return n - 1;
}

function cellType(xml: string, from: number, to: number): CellType {
  const first = xml.charCodeAt(from);
  switch (to - from) {
    case 1:
      // s, b, e, d; n and anything else read as a number
      return first === 115
        ? CellType.Shared
        : first === 98
          ? CellType.Bool
          : first === 101
            ? CellType.Error
            : first === 100
              ? CellType.Date
              : CellType.Number;
    case 3:
      return xml.startsWith('str', from) ? CellType.Text : CellType.Number;
    case 9:
      return xml.startsWith('inlineStr', from) ? CellType.Inline : CellType.Number;
    default:
      return CellType.Number;
  }
}

/** The letters of the reference starting at `from` (`AB` of `AB12`), for messages. */
function refLetters(xml: string, from: number): string {
  let end = from;
  while (end - from < 3 && (xml.charCodeAt(end) | 0x20) >= 97 && (xml.charCodeAt(end) | 0x20) <= 122) end++;
  return xml.slice(from, end);
}

const clip = (text: string) => (text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A date-formatted number as the wall-clock text Excel shows: `2024-03-05` or `2024-03-05 14:30:00`. */
const dayCache = new Map<number, string>();

export function serialToText(serial: number, isDate1904: boolean): CellValue {
  if (serial < 0 || serial > 2_958_465) return serial;
  if (Number.isInteger(serial) && serial >= 1) {
    const key = isDate1904 ? -serial : serial;
    let text = dayCache.get(key);
    if (text === undefined) {
      text = new Date((isDate1904 ? EPOCH_1904 : EPOCH_1900) + serial * 86_400_000)
        .toISOString()
        .slice(0, 10);
      if (dayCache.size < 100_000) dayCache.set(key, text);
    }
    return text;
  }
  const ms = Math.round(serial * 86_400) * 1000;
  const d = new Date((isDate1904 ? EPOCH_1904 : EPOCH_1900) + ms);
  const date = d.toISOString().slice(0, 10);
  if (serial < 1 && !isDate1904) return d.toISOString().slice(11, 19); // a time of day only
  const time = d.toISOString().slice(11, 19);
  return time === '00:00:00' ? date : `${date} ${time}`;
}
