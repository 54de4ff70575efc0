/**
 * Template → form: picks the sheet(s), reads each sheet's layout, gives every element
 * a key, decides types and formulas, and checks the result with runtime/core.
 * Headless (no React, no Node APIs): the server imports it.
 */
import type { FormDefinition } from '../../runtime/core/index.ts';
import { encodeCell } from './cell-address.ts';
import { analyzeLayout } from './analyze-layout.ts';
import { detectTables } from './detect-tables.ts';
import { draftSheet, MAX_FIELDS } from './draft-sheet.ts';
import type { SheetDraft } from './draft-sheet.ts';
import { MAX_TEMPLATE_ROWS } from './grid.ts';
import { KeyRegistry, keyFromLabel } from './keys.ts';
import { reportElements } from './report-elements.ts';
import type { ImportReport } from './report.ts';
import { cellLabel, ReportCollector } from './report.ts';
import { WorkbookTargets } from './resolve-refs.ts';
import type { TemplateWorkbook } from './sheet-model.ts';
import { specTree } from './spec-tree.ts';
import type { SpecNode } from './spec-tree.ts';
import { verifiedDefinition } from './verify-formulas.ts';
import { WorkbookIndex } from './workbook-index.ts';

export interface TemplateImportOptions {
  /** sheet names to import; default: the first visible sheet with content */
  sheets?: readonly string[];
}

export interface TemplateImport {
  definition: FormDefinition;
  report: ImportReport;
  /** the sheets that were read */
  sheets: string[];
}

export class TemplateImportError extends Error {
  constructor(
    readonly code: 'sheet-not-found' | 'empty-template',
    message: string,
  ) {
    super(message);
    this.name = 'TemplateImportError';
  }
}

export function importTemplate(
  workbook: TemplateWorkbook,
  options: TemplateImportOptions = {},
): TemplateImport {
  const index = new WorkbookIndex(workbook);
  const names = pickSheets(workbook, options.sheets);
  const report = new ReportCollector();
  for (const note of workbook.notes ?? []) report.warn(names[0], 'reader-note', note);
  const keys = new KeyRegistry();
  const targets = new WorkbookTargets(index);
  const budget = { remaining: MAX_FIELDS - names.length };
  const sectionKeys = names.length > 1 ? names.map((name) => keys.claim(keyFromLabel(name))) : [];
  const drafts: SheetDraft[] = names.map((name) => {
    const grid = index.grid(name)!;
    const sheet = workbook.sheets.find((s) => s.name === name)!;
    if (sheet.rowCount > MAX_TEMPLATE_ROWS) {
      report.warn(
        name,
        'sheet-too-long',
        `only the first ${MAX_TEMPLATE_ROWS} rows of "${name}" were read as a template`,
      );
    }
    // a CSV has no layout: its first row names the columns of a list
    const plan = analyzeLayout(grid, detectTables(grid, { isHeaderFirst: workbook.format === 'csv' }));
    for (const orphan of plan.orphans) {
      const where = cellLabel(name, encodeCell(orphan.cell));
      const message =
        orphan.code === 'label-without-input'
          ? `"${orphan.text}" looks like a label but has no input cell right of it or below it; it was left out`
          : `${orphan.text || 'a list input'} has no label; it was imported as a field named after its cell`;
      report.warn(where, orphan.code, message);
    }
    return draftSheet({ grid, plan, keys, targets, report, budget });
  });
  const perSheet = drafts.map((draft) => specTree(draft, { grid: draft.grid, index, targets, report }));
  const nodes: SpecNode[] =
    drafts.length === 1
      ? perSheet[0]
      : drafts.map((draft, i) => ({
          kind: 'section',
          key: sectionKeys[i],
          label: draft.grid.name,
          sourceCell: draft.grid.name,
          children: perSheet[i],
        }));
  if (nodes.length === 0) {
    throw new TemplateImportError(
      'empty-template',
      `no labels, inputs or tables were found on ${names.map((n) => `"${n}"`).join(', ')}`,
    );
  }
  const title = drafts[0].plan.title?.text ?? names[0];
  const definition = verifiedDefinition({ title, nodes, report });
  reportElements({ drafts, nodes, definition, report });
  return { definition, report: report.toJSON(), sheets: names };
}

function pickSheets(workbook: TemplateWorkbook, wanted: readonly string[] | undefined): string[] {
  const all = workbook.sheets.map((s) => s.name);
  if (wanted && wanted.length > 0) {
    return [...new Set(wanted)].map((name) => {
      const found = all.find((s) => s === name) ?? all.find((s) => s.toLowerCase() === name.toLowerCase());
      if (!found) {
        throw new TemplateImportError(
          'sheet-not-found',
          `sheet "${name}" not found; the workbook has ${all.map((s) => `"${s}"`).join(', ')}`,
        );
      }
      return found;
    });
  }
  const first = workbook.sheets.find((s) => !s.isHidden && s.cells.length > 0) ?? workbook.sheets[0];
  if (!first) throw new TemplateImportError('empty-template', 'the workbook has no sheets');
  return [first.name];
}
