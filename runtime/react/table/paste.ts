import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import type { CompiledField } from '../../core/index.ts';
import { numberFormatOf, parseNumberText } from '../format.ts';

dayjs.extend(customParseFormat);

/**
 * Excel / WPS / Google Sheets put a copied block on the clipboard as tab-separated text:
 * rows end with CR LF or LF, a cell holding a tab, newline or quote is quoted and its
 * quotes doubled. Returns rows of cells; a trailing empty line is dropped.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let isQuoted = false;
  let isCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (isQuoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        isQuoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && isCellStart) {
      isQuoted = true;
      isCellStart = false;
      i++;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      isCellStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      isCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += ch;
    isCellStart = false;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', '是', '对', '✓', '√']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', '否', '错', '✗', '×']);
const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYY年M月D日', 'YYYYMMDD', 'M/D/YYYY'];

/**
 * One pasted cell's text → the value to store in a column, or `undefined` when the text does
 * not fit (the cell is then left as it was). Blank text clears the cell.
 */
export function coerceCell(field: CompiledField, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return null;
  switch (field.type) {
    case 'number':
    case 'money':
    case 'percent':
      return parseNumberText(text, numberFormatOf(field).isPercent) ?? undefined;
    case 'boolean': {
      const word = text.toLowerCase();
      return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
    }
    case 'select':
      return field.options.find((o) => o.value === text || o.label === text)?.value;
    case 'multiselect': {
      const picked = text
        .split(/[,;，；、]/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => field.options.find((o) => o.value === part || o.label === part)?.value);
      return picked.every((v) => v !== undefined) ? picked : undefined;
    }
    case 'date': {
      const d = dayjs(text, DATE_FORMATS, true);
      return d.isValid() ? d.format('YYYY-MM-DD') : undefined;
    }
    case 'datetime': {
      const d = dayjs(text);
      return d.isValid() ? d.format() : undefined;
    }
    case 'member':
    case 'department':
    case 'attachment':
    case 'signature':
      return undefined; // ids cannot be pasted as text
    default:
      return text;
  }
}
