/**
 * The parsing worker: one request, one answer, then the thread ends. SheetJS (and
 * papaparse for CSV) only ever run here, under the heap limit and wall-time limit the
 * parent sets, so a hostile file can neither block the server nor pollute its objects.
 * An optional analyzer (e.g. the template importer) runs here too, on the parsed data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as XLSX from '@e965/xlsx';
import { readXlsValidations } from './biff-validations.ts';
import { decodeText, parseCsv } from './csv.ts';
import { WorkbookRejected } from './errors.ts';
import { extractSheets } from './extract-sheets.ts';
import { externalLinks } from './ooxml-parts.ts';
import type { RawParts } from './ooxml-parts.ts';
import { readOdsValidations } from './ods-validations.ts';
import type { ReadMode, WorkbookData, WorkbookFormat, WorkbookSheet } from './types.ts';
import type { ValidationsRead } from './validation-source.ts';

export interface ParseRequest {
  bytes: Uint8Array;
  format: WorkbookFormat;
  mode: ReadMode;
  limits: { maxRows: number; maxColumns: number };
  /** a module URL exporting `analyzeWorkbook(workbook, options)`, run here on the result */
  analyzer?: { module: string; options?: unknown };
}

export type ParseResponse =
  | { ok: true; workbook: WorkbookData; analysis?: unknown; isPrototypeClean: boolean }
  | {
      ok: false;
      reason: WorkbookRejected['reason'] | 'internal';
      message: string;
      extra: Record<string, unknown>;
    };

/** The part of SheetJS's bundled `cfb` library used here (typed `any` upstream). */
const CFB = XLSX.CFB as {
  read(data: Uint8Array, options: { type: 'buffer' }): unknown;
  find(container: unknown, path: string): { content?: Uint8Array } | null;
};

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).join(',');

async function run(request: ParseRequest): Promise<ParseResponse> {
  try {
    const workbook = request.format === 'csv' ? readCsv(request) : readBook(request);
    const isClean = () => Object.getOwnPropertyNames(Object.prototype).join(',') === prototypeBefore;
    if (!request.analyzer) return { ok: true, workbook, isPrototypeClean: isClean() };
    const analyzer = (await import(request.analyzer.module)) as {
      analyzeWorkbook: (wb: WorkbookData, options: unknown) => unknown;
    };
    let analysis: unknown;
    try {
      analysis = await analyzer.analyzeWorkbook(workbook, request.analyzer.options);
    } catch (error) {
      if (error instanceof WorkbookRejected) throw error;
      // a bug, not a bad file: the parent reports it as a server error
      return {
        ok: false,
        reason: 'internal',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        extra: {},
      };
    }
    // the caller got what it asked for; the cells need not cross back
    const summary = {
      ...workbook,
      sheets: workbook.sheets.map((sheet) => ({ ...sheet, cells: [], rows: [] })),
    };
    return { ok: true, workbook: summary, analysis, isPrototypeClean: isClean() };
  } catch (error) {
    const rejected = toRejection(error);
    const { reason: _reason, ...extra } = rejected.extra;
    return { ok: false, reason: rejected.reason, message: rejected.message, extra };
  }
}

function readCsv(request: ParseRequest): WorkbookData {
  const { text, encoding } = decodeText(request.bytes);
  const rows = parseCsv(text, request.limits);
  const cells = rows.flatMap((row, r) =>
    row.flatMap((value, c) => (value.trim() === '' ? [] : [{ r, c, v: value, t: 's' as const }])),
  );
  const columnCount = Math.max(0, ...cells.map((cell) => cell.c + 1));
  const sheet = {
    name: 'CSV',
    isHidden: false,
    rowCount: rows.length,
    columnCount,
    cells: request.mode === 'cells' ? cells : [],
    merges: [],
    validations: [],
    rows: request.mode === 'rows' ? rows.map((row) => row.slice(0, columnCount)) : [],
  };
  return { format: 'csv', sheets: [sheet], names: [], encoding, notes: [] };
}

function readBook(request: ParseRequest): WorkbookData {
  const isOoxml = request.format === 'xlsx' || request.format === 'xlsm';
  const isCells = request.mode === 'cells';
  const wantParts = isOoxml && isCells;
  const wb = XLSX.read(request.bytes, {
    type: 'buffer',
    dense: true,
    sheetRows: request.limits.maxRows + 1,
    cellFormula: request.mode === 'cells',
    cellNF: true,
    cellDates: false,
    cellHTML: false,
    cellText: false,
    cellStyles: false,
    bookVBA: false,
    // .xls: keeps the compound file, whose Workbook stream holds the validations
    bookFiles: wantParts || (isCells && request.format === 'xls'),
    WTF: false,
  });
  const parts: RawParts | undefined = wantParts ? rawParts(wb) : undefined;
  const sheets = extractSheets(wb, { mode: request.mode, limits: request.limits, parts });
  const names = (wb.Workbook?.Names ?? [])
    .filter((n) => n.Name && n.Ref && !n.Name.startsWith('_xlnm.'))
    .map((n) => ({
      name: n.Name,
      ref: n.Ref,
      ...(n.Sheet !== undefined && n.Sheet !== null ? { sheet: wb.SheetNames[n.Sheet] } : {}),
    }));
  const notes = !isOoxml && isCells ? [`cell colours are not read from .${request.format} files`] : [];
  if (isCells && !isOoxml) {
    const validations = legacyValidations(request, wb);
    addValidations(sheets, validations);
    notes.push(...validations.notes);
  }
  return {
    format: request.format,
    sheets,
    names,
    notes,
    ...(parts ? { externalLinks: externalLinks(parts) } : {}),
  };
}

/** Validations SheetJS does not read: DV records of an .xls, content.xml of an .ods. */
function legacyValidations(request: ParseRequest, wb: XLSX.WorkBook): ValidationsRead {
  if (request.format === 'xls') {
    const cfb = (wb as unknown as { cfb?: unknown }).cfb;
    const stream = cfb ? (CFB.find(cfb, '/Workbook') ?? CFB.find(cfb, '/Book')) : null;
    if (stream?.content) return readXlsValidations(Buffer.from(stream.content));
  } else if (request.format === 'ods') {
    // the zip was inspected for bombs before any parser ran
    const content = CFB.find(CFB.read(request.bytes, { type: 'buffer' }), 'content.xml')?.content;
    if (content) return readOdsValidations(Buffer.from(content).toString('utf8'));
  }
  return { bySheet: new Map(), notes: [`data validations are not read from this .${request.format} file`] };
}

function addValidations(sheets: WorkbookSheet[], validations: ValidationsRead): void {
  for (const sheet of sheets) sheet.validations = validations.bySheet.get(sheet.name) ?? [];
}

function rawParts(wb: XLSX.WorkBook): RawParts {
  const parts: RawParts = new Map();
  const files = (wb as unknown as { files?: Record<string, { content?: Uint8Array }> }).files ?? {};
  for (const [name, file] of Object.entries(files)) {
    if (
      file?.content &&
      /^xl\/(workbook\.xml|styles\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml|externalLinks\/_rels\/[^/]+\.rels)$/.test(
        name,
      )
    ) {
      parts.set(name, Buffer.from(file.content));
    }
  }
  return parts;
}

function toRejection(error: unknown): WorkbookRejected {
  if (error instanceof WorkbookRejected) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) {
    return new WorkbookRejected(
      'encrypted',
      'The workbook is password-protected; remove the password and upload it again',
    );
  }
  if (error instanceof RangeError && /allocation|string length|array length/i.test(message)) {
    return new WorkbookRejected('too-much-memory', 'The workbook took too much memory to read');
  }
  return new WorkbookRejected(
    'damaged',
    `The workbook is damaged or not readable (${message.slice(0, 200)})`,
  );
}

parentPort?.postMessage(await run(workerData.request as ParseRequest));
