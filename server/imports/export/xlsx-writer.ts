import type { Writable } from 'node:stream';
import { ZipWriter } from './zip-writer.ts';

/** A cell to write: plain values, or a value with a style. Text is always written as text, never as a formula. */
export type XCell =
  string | number | boolean | null | { value: string | number | boolean | null; style: CellStyle };
export type CellStyle = 'header' | 'bad' | 'date';

export interface XSheet {
  name: string;
  /** column widths in characters (optional) */
  widths?: number[];
  /** freeze the first row */
  isHeaderFrozen?: boolean;
  rows: AsyncIterable<XCell[][]> | Iterable<XCell[][]>;
}

const STYLE_INDEX: Record<CellStyle, number> = { header: 1, bad: 2, date: 3 };

/**
 * Writes an .xlsx to `out` sheet by sheet, rows in batches, without holding the workbook:
 * inline strings, three styles (bold header, red fill for bad cells, yyyy-mm-dd dates).
 * SheetJS community edition cannot write fills, which the error report needs.
 */
export async function writeXlsx(out: Writable, sheets: XSheet[]): Promise<void> {
  const zip = new ZipWriter(out);
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  await zip.add('[Content_Types].xml', contentTypes(sheets.length));
  await zip.add('_rels/.rels', ROOT_RELS);
  await zip.add('xl/workbook.xml', workbookXml(names));
  await zip.add('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  await zip.add('xl/styles.xml', STYLES);
  for (let i = 0; i < sheets.length; i++)
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheets[i]));
  await zip.finish();
}

async function* sheetXml(sheet: XSheet): AsyncIterable<string> {
  let head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${NS_R}">`;
  if (sheet.isHeaderFrozen) {
    head +=
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  }
  if (sheet.widths?.length) {
    head += `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(Math.max(w, 6), 80)}" customWidth="1"/>`).join('')}</cols>`;
  }
  yield `${head}<sheetData>`;
  let r = 0;
  for await (const batch of sheet.rows) {
    let xml = '';
    for (const row of batch) {
      r++;
      xml += `<row r="${r}">`;
      for (let c = 0; c < row.length; c++) xml += cellXml(row[c], `${columnName(c)}${r}`);
      xml += '</row>';
    }
    yield xml;
  }
  yield '</sheetData></worksheet>';
}

function cellXml(cell: XCell, ref: string): string {
  let value: string | number | boolean | null;
  let style = '';
  if (cell !== null && typeof cell === 'object') {
    value = cell.value;
    style = ` s="${STYLE_INDEX[cell.style]}"`;
  } else {
    value = cell;
  }
  if (value === null || value === '') return style ? `<c r="${ref}"${style}/>` : '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** XML-escapes text; control characters XML cannot carry become OOXML `_xHHHH_` escapes, literal `_xHHHH_` is protected. */
export function escapeXml(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(INVALID_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique case-insensitively. */
export function uniqueSheetNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name, i) => {
    const base =
      name
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    let candidate = base;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++)
      candidate = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const contentTypes = (count: number) =>
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  Array.from(
    { length: count },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('') +
  '</Types>';

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';

const workbookXml = (names: string[]) =>
  `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>` +
  names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('') +
  '</sheets></workbook>';

const workbookRels = (count: number) =>
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  Array.from(
    { length: count },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('') +
  `<Relationship Id="rId${count + 1}" Type="${NS_R}/styles" Target="styles.xml"/>` +
  '</Relationships>';

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
