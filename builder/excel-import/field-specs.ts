/**
 * Everything decided about one field or column: type (with its evidence), the
 * translated formula or the Excel text kept when translation failed, options,
 * help text, defaults.
 */
import type { SelectOption } from '../../runtime/core/index.ts';
import type { CellPos } from './cell-address.ts';
import { encodeCell } from './cell-address.ts';
import type { TableColumnRegion, TableRegion } from './detect-tables.ts';
import type { SheetGrid } from './grid.ts';
import type { TypeDecision } from './infer-types.ts';
import { inferFieldType } from './infer-types.ts';
import type { LabelInfo } from './label-text.ts';
import { parseLabel } from './label-text.ts';
import type { ReportCollector } from './report.ts';
import { cellLabel } from './report.ts';
import type { WorkbookTargets } from './resolve-refs.ts';
import { optionsFromValidation } from './select-options.ts';
import type { TemplateCell } from './sheet-model.ts';
import { applyFormula, columnFormula, translateAt, warnRounding } from './spec-formulas.ts';
import type { WorkbookIndex } from './workbook-index.ts';

export interface FieldSpec {
  key: string;
  label: string;
  decision: TypeDecision;
  /** `Sheet!B3`; for columns the first body cell */
  sourceCell: string;
  isRequired: boolean;
  help?: string;
  width?: number;
  formula?: string;
  /** the Excel formula kept as text when it could not be translated */
  formulaSource?: string;
  /** the cell's Excel formula, translated or not */
  excelFormula?: string;
  options?: SelectOption[];
  defaultValue?: number;
  placeholder?: string;
  isTotal?: boolean;
}

export interface SpecContext {
  grid: SheetGrid;
  index: WorkbookIndex;
  targets: WorkbookTargets;
  report: ReportCollector;
}

const NUMERIC = new Set(['number', 'money', 'percent']);

export function fieldSpec(args: {
  key: string;
  label: LabelInfo;
  input: CellPos;
  isRequired: boolean;
  help?: string;
  width?: number;
  isTotal?: boolean;
  /** words to guess the type from when they differ from the label (a total: its column header) */
  typeLabel?: LabelInfo;
  ctx: SpecContext;
}): FieldSpec {
  const { key, label, input, ctx } = args;
  const cell = ctx.grid.get(input.r, input.c);
  const options = cell?.f ? undefined : listOptions(ctx, input);
  const words = args.typeLabel ?? label;
  const inferred = inferFieldType({ label: words.base, unit: words.unit, cell, options, isColumn: false });
  const merge = ctx.grid.mergeAt(input);
  const isTall = merge !== undefined && merge.e.r > merge.s.r;
  const decision: TypeDecision =
    inferred.type === 'text' && isTall ? { type: 'textarea', because: 'a multi-row input area' } : inferred;
  const spec: FieldSpec = {
    key,
    label: label.label || key,
    decision,
    sourceCell: cellLabel(ctx.grid.name, encodeCell(input)),
    isRequired: args.isRequired,
    ...(args.help ? { help: args.help } : {}),
    ...(args.width ? { width: args.width } : {}),
    ...(args.isTotal ? { isTotal: true } : {}),
    ...(options ? { options } : {}),
  };
  if (cell?.f) applyFormula(spec, cell.f, translateAt(ctx, input, cell.f));
  else if (cell && cell.t === 'n' && typeof cell.v === 'number' && NUMERIC.has(decision.type))
    spec.defaultValue = cell.v;
  else if (cell && cell.t === 's' && decision.type === 'text' && String(cell.v).trim())
    spec.placeholder = String(cell.v).trim().slice(0, 200);
  warnRounding(spec, ctx);
  return spec;
}

/** A line-item column (or a list sheet's column): evidence from every body row. */
export function columnSpec(args: {
  key: string;
  table: TableRegion;
  column: TableColumnRegion;
  /** a list sheet's column becomes a top-level field (so it may be a textarea) */
  isListField?: boolean;
  ctx: SpecContext;
}): FieldSpec {
  const { key, table, column, ctx } = args;
  const { grid } = ctx;
  const first = { r: table.bodyStart, c: column.c };
  const body: TemplateCell[] = [];
  for (let r = table.bodyStart; r <= table.bodyEnd; r++) {
    const cell = grid.get(r, column.c);
    if (cell) body.push(cell);
  }
  const label = parseLabel(column.header);
  const formulaCells = body.filter((cell) => cell.f);
  const options = formulaCells.length > 0 ? undefined : listOptions(ctx, first);
  const decision = inferFieldType({
    label: label.base,
    unit: label.unit,
    cell: body[0],
    samples: body.slice(1),
    options,
    isColumn: !args.isListField,
  });
  const headerCell = grid.get(table.headerRow, column.c);
  const spec: FieldSpec = {
    key,
    label: label.label || key,
    decision,
    sourceCell: cellLabel(grid.name, encodeCell(first)),
    isRequired: label.isRequired,
    ...(headerCell?.comment ? { help: headerCell.comment } : {}),
    ...(options ? { options } : {}),
  };
  if (formulaCells.length > 0) applyFormula(spec, formulaCells[0].f!, columnFormula(ctx, formulaCells));
  warnRounding(spec, ctx);
  return spec;
}

function listOptions(ctx: SpecContext, pos: CellPos): SelectOption[] | undefined {
  const rule = ctx.grid.validationAt(pos);
  if (!rule) return undefined;
  const result = optionsFromValidation(rule, ctx.index, ctx.grid.name);
  if (!result) return undefined;
  if (result.problem)
    ctx.report.warn(cellLabel(ctx.grid.name, encodeCell(pos)), result.problem.code, result.problem.message);
  return result.options.length > 0 ? result.options : undefined;
}
