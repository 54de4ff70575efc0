import { XMLParser } from 'fast-xml-parser';
import { WorkbookRejected } from '../../workbook/errors.ts';
import { decodeXmlText, richText } from './xml-text.ts';
import type { ZipArchive } from './zip-entries.ts';

export interface WorkbookPart {
  sheets: { name: string; path: string }[];
  isDate1904: boolean;
}

const SMALL_PART_BYTES = 16 * 1024 * 1024;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  isArray: (name) => ['sheet', 'Relationship', 'numFmt', 'xf'].includes(name),
});

/** Sheet names and part paths in workbook order, from workbook.xml and its relationships. */
export async function readWorkbookPart(zip: ZipArchive): Promise<WorkbookPart> {
  const workbookPath = zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  if (!workbookPath)
    throw new WorkbookRejected('not-a-spreadsheet', 'The file is not an Excel workbook (no xl/workbook.xml)');
  const workbook = parser.parse(await zip.text(workbookPath, SMALL_PART_BYTES)).workbook ?? {};
  const rels = zip.has('xl/_rels/workbook.xml.rels')
    ? (parser.parse(await zip.text('xl/_rels/workbook.xml.rels', SMALL_PART_BYTES)).Relationships
        ?.Relationship ?? [])
    : [];
  const targets = new Map<string, string>(rels.map((r: Record<string, string>) => [r['@Id'], r['@Target']]));
  const sheets = (workbook.sheets?.sheet ?? []).map((sheet: Record<string, string>) => {
    const target = targets.get(sheet['@id']) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    return { name: String(sheet['@name'] ?? ''), path };
  });
  const pr = workbook.workbookPr ?? {};
  return {
    sheets: sheets.filter((s: { path: string }) => zip.has(s.path)),
    isDate1904: ['1', 'true'].includes(String(pr['@date1904'] ?? '')),
  };
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the CJK ids Excel uses). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a custom format code shows a date: y, m, d, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare.replace(/General/gi, '')) && !/^[#0.,%\s]*$/.test(bare);
}

/** For each cell style index: does it format numbers as dates? */
export async function readDateStyles(zip: ZipArchive): Promise<boolean[]> {
  if (!zip.has('xl/styles.xml')) return [];
  const styles = parser.parse(await zip.text('xl/styles.xml', SMALL_PART_BYTES)).styleSheet ?? {};
  const custom = new Map<number, string>(
    (styles.numFmts?.numFmt ?? []).map((f: Record<string, string>) => [
      Number(f['@numFmtId']),
      String(f['@formatCode'] ?? ''),
    ]),
  );
  return (styles.cellXfs?.xf ?? []).map((xf: Record<string, string>) => {
    const id = Number(xf['@numFmtId'] ?? 0);
    const code = custom.get(id);
    return code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormatCode(code);
  });
}

const SI = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

/** The shared string table, read as a stream so only the strings themselves stay in memory. */
export async function readSharedStrings(zip: ZipArchive, maxBytes: number): Promise<string[]> {
  const path = zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null;
  if (!path) return [];
  const strings: string[] = [];
  let pending = '';
  let isPrefixed: boolean | null = null;
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of await zip.stream(path, maxBytes)) {
    pending += decoder.decode(chunk as Buffer, { stream: true });
    isPrefixed ??= prefixOf(pending);
    const end = isPrefixed === false ? plainItemsEnd(pending) : lastItemEnd(pending);
    if (end <= 0) continue;
    (isPrefixed === false ? collectPlain : collect)(pending.slice(0, end), strings);
    pending = pending.slice(end);
  }
  pending += decoder.decode();
  (isPrefixed === false ? collectPlain : collect)(pending, strings);
  return strings;
}

/** Whether the table's elements have a namespace prefix (`<x:sst>`); null until its start tag has been read. */
function prefixOf(xml: string): boolean | null {
  const m = /<(\w+:)?sst\b/.exec(xml);
  return m ? m[1] !== undefined : null;
}

const ITEM_END = /<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g;

/** Where the last complete `<si>` item of `xml` ends (0 when none has). */
function lastItemEnd(xml: string): number {
  let end = 0;
  ITEM_END.lastIndex = 0;
  for (let m = ITEM_END.exec(xml); m; m = ITEM_END.exec(xml)) end = m.index + m[0].length;
  return end;
}

function collect(xml: string, into: string[]): void {
  SI.lastIndex = 0;
  for (let m = SI.exec(xml); m; m = SI.exec(xml)) into.push(m[1] === undefined ? '' : richText(m[1]));
}

// Unprefixed tables (what Excel and most writers produce) are scanned with indexOf: a table of
// hundreds of thousands of strings made the regular expressions above a noticeable cost.

/** Where the last `</si>` of `xml` ends; items after it (even empty `<si/>` ones) wait for the next chunk. */
function plainItemsEnd(xml: string): number {
  const close = xml.lastIndexOf('</si>');
  return close === -1 ? lastItemEnd(xml) : close + 5;
}

/** The items of `xml`, which holds complete unprefixed `<si>` items only (plus the table's own tags). */
function collectPlain(xml: string, into: string[]): void {
  for (let pos = 0; ;) {
    const open = xml.indexOf('<si', pos);
    if (open === -1) return;
    const next = xml.charCodeAt(open + 3);
    let start: number;
    if (next === 62 /* > */) start = open + 4;
    else if (next === 47 /* / */ || next === 32 || next === 9 || next === 10 || next === 13) {
      const gt = xml.indexOf('>', open);
      if (gt === -1) return;
      if (xml.charCodeAt(gt - 1) === 47) {
        into.push(''); // <si/>
        pos = gt + 1;
        continue;
      }
      start = gt + 1;
    } else {
      pos = open + 3; // <sst…>, not an item
      continue;
    }
    const close = xml.indexOf('</si>', start);
    if (close === -1) return;
    into.push(plainText(xml, start, close) ?? richText(xml.slice(start, close)));
    pos = close + 5;
  }
}

/** The text of an item that is one `<t>` run (`<t>…</t>` or `<t xml:space="preserve">…</t>`), else null. */
function plainText(xml: string, from: number, to: number): string | null {
  if (!xml.startsWith('<t', from) || !xml.startsWith('</t>', to - 4)) return null;
  const after = xml.charCodeAt(from + 2);
  if (after !== 62 /* > */ && after !== 32) return null;
  const gt = xml.indexOf('>', from);
  if (xml.charCodeAt(gt - 1) === 47 /* / */) return null;
  const lt = xml.indexOf('<', gt);
  return lt === to - 4 ? decodeXmlText(xml.slice(gt + 1, lt)) : null;
}
