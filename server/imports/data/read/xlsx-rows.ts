import type { CellValue } from '../../../../builder/excel-import/cleansing/index.ts';
import { WorkbookRejected } from '../../workbook/errors.ts';
import type { SourceRow } from './types.ts';
import { decodeXmlText, richText } from './xml-text.ts';

export interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  isDate1904: boolean;
  maxColumns: number;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(\/)?>/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ROW_NUMBER = /\br="(\d+)"/;
const CELL_REF = /\br="([A-Za-z]{1,3})(\d+)"/;
const CELL_TYPE = /\bt="(\w+)"/;
const CELL_STYLE = /\bs="(\d+)"/;
const VALUE = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;
const MAX_TEXT = 32_767;

/**
 * A tokenizer for `<sheetData>`: feed it text in any chunks; it returns the rows completed
 * so far and keeps the unfinished tail. Only `<row>`, `<c>`, `<v>` and `<is>` are read;
 * empty styled cells (a sheet "formatted" out to column XFD) cost nothing.
 */
export function createRowTokenizer(ctx: SheetContext) {
  let pending = '';
  let closeTag: string | null = null;
  let nextRow = 1;

  const parse = (xml: string, out: SourceRow[]) => {
    ROW.lastIndex = 0;
    for (let m = ROW.exec(xml); m; m = ROW.exec(xml)) {
      const number = Number(ROW_NUMBER.exec(m[1])?.[1] ?? nextRow);
      nextRow = number + 1;
      if (m[2]) continue; // <row/> without cells
      const end = xml.indexOf(closeTag!, ROW.lastIndex);
      const body = xml.slice(ROW.lastIndex, end === -1 ? xml.length : end);
      ROW.lastIndex = end === -1 ? xml.length : end + closeTag!.length;
      const cells = parseCells(body, number, ctx);
      if (cells) out.push({ row: number, cells });
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

/** Cells of one row, or null when none holds a value. */
function parseCells(body: string, rowNumber: number, ctx: SheetContext): CellValue[] | null {
  const cells: CellValue[] = [];
  let column = 0;
  let hasValue = false;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(body); m; m = CELL.exec(body)) {
    const attrs = m[1];
    const ref = CELL_REF.exec(attrs);
    if (ref) column = columnIndex(ref[1]);
    const inner = m[2];
    if (inner !== undefined && inner !== '') {
      const value = cellValue(attrs, inner, ctx);
      if (value !== null && value !== '') {
        if (column >= ctx.maxColumns) {
          throw new WorkbookRejected('too-many-columns', `Row ${rowNumber} has a value in column ${ref?.[1] ?? column + 1}, beyond the limit of ${ctx.maxColumns} columns`, {
            limit: ctx.maxColumns,
          });
        }
        while (cells.length < column) cells.push(null);
        cells[column] = value;
        hasValue = true;
      }
    }
    column++;
  }
  return hasValue ? cells : null;
}

function cellValue(attrs: string, inner: string, ctx: SheetContext): CellValue {
  const type = CELL_TYPE.exec(attrs)?.[1] ?? 'n';
  if (type === 'inlineStr') {
    const is = INLINE.exec(inner);
    return is ? clip(richText(is[1])) : null;
  }
  const raw = VALUE.exec(inner)?.[1];
  if (raw === undefined) return null;
  switch (type) {
    case 's': {
      const text = ctx.strings[Number(raw)];
      return text === undefined ? null : text;
    }
    case 'str':
    case 'e':
      return clip(decodeXmlText(raw));
    case 'b':
      return raw === '1' || raw === 'true';
    case 'd':
      return decodeXmlText(raw).replace('T', ' ').replace(/(\.\d+)?Z?$/, '').replace(/ 00:00:00$/, '');
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n)) return clip(decodeXmlText(raw));
      const style = CELL_STYLE.exec(attrs);
      return style && ctx.dateStyles[Number(style[1])] ? serialToText(n, ctx.isDate1904) : n;
    }
  }
}

const clip = (text: string) => (text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n - 1;
}

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
      text = new Date((isDate1904 ? EPOCH_1904 : EPOCH_1900) + serial * 86_400_000).toISOString().slice(0, 10);
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
