/**
 * Runs a template fixture both ways: the imported form in the runtime formula engine,
 * and the original sheet (inputs written into its cells) recalculated by LibreOffice.
 */
import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { decodeCell, encodeCell } from '../../../builder/excel-import/cell-address.ts';
import { importTemplate } from '../../../builder/excel-import/index.ts';
import type { ReportElement, TemplateImport } from '../../../builder/excel-import/index.ts';
import { compileForm } from '../../../runtime/core/index.ts';
import type { CompiledForm } from '../../../runtime/core/index.ts';
import { compileProgram } from '../../../runtime/core/formula/index.ts';
import type { EngineState } from '../../../runtime/core/formula/index.ts';
import { createWorkbookReader, DEFAULT_LIMITS } from '../../../server/imports/workbook/index.ts';

export type Inputs = Record<string, string | number>;

export interface Scenario {
  name: string;
  /** header fields (or a list sheet's record) */
  fields?: Inputs;
  /** line items by column key */
  rows?: Inputs[];
}

export interface Imported extends TemplateImport {
  bytes: Buffer;
  compiled: CompiledForm;
  table: string | null;
}

const reader = createWorkbookReader({ ...DEFAULT_LIMITS });

export async function importFixture(file: string): Promise<Imported> {
  const bytes = fs.readFileSync(`templates/excel/${file}`);
  const workbook = await reader.read(bytes, { filename: file, mode: 'cells' });
  const result = importTemplate(workbook);
  const table = result.report.elements.find((e) => e.kind === 'table')?.key ?? null;
  return { ...result, bytes, compiled: compileForm(result.definition), table };
}

export function runEngine(imported: Imported, scenario: Scenario): EngineState {
  const { program, diagnostics } = compileProgram(imported.compiled.formulaModel);
  if (diagnostics.length > 0) throw new Error(`formula diagnostics: ${JSON.stringify(diagnostics)}`);
  const values: Record<string, unknown> = { ...scenario.fields };
  if (imported.table) values[imported.table] = scenario.rows ?? [];
  return program.createState(values, { timeZone: 'Asia/Shanghai' });
}

/** `'Purchase Order'!G24` → sheet and cell. */
export function locate(sourceCell: string): { sheet: string; r: number; c: number } {
  const bang = sourceCell.lastIndexOf('!');
  const rawSheet = sourceCell.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const pos = decodeCell(sourceCell.slice(bang + 1))!;
  return { sheet, ...pos };
}

function element(imported: Imported, key: string): ReportElement {
  const found = imported.report.elements.find((e) => e.key === key);
  if (!found) throw new Error(`no report element for ${key}`);
  return found;
}

/** The fixture with the scenario's inputs typed into the cells the fields came from. */
export function sheetWithInputs(imported: Imported, scenario: Scenario): Buffer {
  const wb = XLSX.read(imported.bytes, { type: 'buffer', cellFormula: true, cellNF: true });
  const put = (sourceCell: string, rowOffset: number, value: string | number) => {
    const { sheet, r, c } = locate(sourceCell);
    wb.Sheets[sheet][encodeCell({ r: r + rowOffset, c })] =
      typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
  };
  for (const [key, value] of Object.entries(scenario.fields ?? {}))
    put(element(imported, key).sourceCell, 0, value);
  (scenario.rows ?? []).forEach((row, i) => {
    for (const [key, value] of Object.entries(row))
      put(element(imported, `${imported.table}.${key}`).sourceCell, i, value);
  });
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
}

export interface Comparison {
  path: string;
  formwork: unknown;
  libreOffice: unknown;
}

/** Every computed field and column cell: the engine's value next to LibreOffice's. */
export function compare(
  imported: Imported,
  scenario: Scenario,
  state: EngineState,
  recalculated: XLSX.WorkBook,
): Comparison[] {
  const out: Comparison[] = [];
  const cellValue = (sourceCell: string, rowOffset: number) => {
    const { sheet, r, c } = locate(sourceCell);
    return recalculated.Sheets[sheet][encodeCell({ r: r + rowOffset, c })]?.v ?? null;
  };
  for (const e of imported.report.elements) {
    if (!e.formula || !e.key) continue;
    if (e.kind === 'column') {
      const [table, column] = e.key.split('.');
      (scenario.rows ?? []).forEach((_, i) =>
        out.push({
          path: `${e.key}[${i}]`,
          formwork: state.getValue([table, i, column]),
          libreOffice: cellValue(e.sourceCell, i),
        }),
      );
    } else {
      out.push({ path: e.key, formwork: state.getValue(e.key), libreOffice: cellValue(e.sourceCell, 0) });
    }
  }
  return out;
}
