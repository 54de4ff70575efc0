/**
 * Formulas of field specs: translation from the cell (warnings name the cell when the
 * Excel text is kept instead), one formula per line-item column, and the rounding note.
 */
import type { CellPos } from './cell-address.ts';
import { encodeCell } from './cell-address.ts';
import type { FieldSpec, SpecContext } from './field-specs.ts';
import { cellLabel } from './report.ts';
import type { TemplateCell } from './sheet-model.ts';
import { translateFormula, Untranslatable } from './translate-formula.ts';

const MAX_FORMULA_LENGTH = 4000;

/**
 * Formwork stores a computed money value rounded to its precision (cents), Excel keeps
 * every decimal and only shows two: a product or quotient without ROUND can make totals
 * differ by a cent.
 */
export function warnRounding(spec: FieldSpec, ctx: SpecContext): void {
  const formula = spec.formula;
  if (!formula || spec.decision.type !== 'money' || !/[*/]/.test(formula)) return;
  if (!/[*/]/.test(withoutRounding(formula))) return;
  const decimals = spec.decision.precision ?? 2;
  ctx.report.warn(
    spec.sourceCell,
    'rounding-differs',
    `${spec.key} is money kept to ${decimals} decimals while the sheet keeps every decimal; ` +
      `wrap the Excel formula in ROUND(…, ${decimals}) if totals must match the sheet to the cent`,
  );
}

/** The formula with every ROUND/ROUNDUP/ROUNDDOWN(…) call cut out. */
function withoutRounding(formula: string): string {
  let out = '';
  for (let i = 0; i < formula.length;) {
    const match = /^ROUND(UP|DOWN)?\(/.exec(formula.slice(i));
    if (!match) {
      out += formula[i++];
      continue;
    }
    let depth = 0;
    let j = i + match[0].length - 1;
    for (; j < formula.length; j++) {
      if (formula[j] === '(') depth++;
      else if (formula[j] === ')' && --depth === 0) break;
    }
    i = j + 1;
  }
  return out;
}

export type Translation = { formula: string } | { source: string };

export function applyFormula(spec: FieldSpec, excelFormula: string, result: Translation): void {
  spec.excelFormula = excelFormula;
  if ('formula' in result) {
    spec.formula = result.formula;
    return;
  }
  spec.formulaSource = result.source;
}

export function translateAt(ctx: SpecContext, pos: CellPos, formula: string): Translation {
  const where = cellLabel(ctx.grid.name, encodeCell(pos));
  try {
    const text = translateFormula(formula, ctx.targets.resolverFor(ctx.grid.name, pos));
    if (text.length > MAX_FORMULA_LENGTH)
      throw new Untranslatable(
        'unsupported-syntax',
        `the translated formula is longer than ${MAX_FORMULA_LENGTH} characters`,
      );
    return { formula: text };
  } catch (error) {
    if (!(error instanceof Untranslatable)) throw error;
    const code = error.code === 'external-reference' ? 'external-reference' : 'formula-not-translated';
    const message = `=${formula} was kept as text: ${error.message}`;
    ctx.report.warn(where, code, message);
    return { source: formula };
  }
}

/** Every row's formula should translate to the same column formula; the first one wins. */
export function columnFormula(ctx: SpecContext, cells: TemplateCell[]): Translation {
  const first = translateAt(ctx, { r: cells[0].r, c: cells[0].c }, cells[0].f!);
  if (!('formula' in first)) return first;
  for (const cell of cells.slice(1, 50)) {
    const other = translateWithoutReport(ctx, cell);
    if (other !== first.formula) {
      const where = cellLabel(ctx.grid.name, encodeCell(cell));
      ctx.report.warn(
        where,
        'formula-not-translated',
        `=${cell.f} differs from the first row's formula; the first row's was used`,
      );
      break;
    }
  }
  return first;
}

function translateWithoutReport(ctx: SpecContext, cell: TemplateCell): string | null {
  try {
    return translateFormula(cell.f!, ctx.targets.resolverFor(ctx.grid.name, { r: cell.r, c: cell.c }));
  } catch {
    return null;
  }
}
