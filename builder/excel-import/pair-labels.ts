/**
 * Label cells and their input cells within one row: the input sits right of the label
 * (after its merged area) or, failing that, right below it. A trailing colon, a merged
 * or styled blank, a validation list, a value or a formula marks an input.
 */
import type { CellPos } from './cell-address.ts';
import { encodeCell } from './cell-address.ts';
import type { SheetGrid } from './grid.ts';
import { isLabelLike, isRedFill, parseLabel } from './label-text.ts';
import type { Orphan, PlannedField, PlannedNote } from './layout-plan.ts';

export interface RowScan {
  fields: PlannedField[];
  notes: PlannedNote[];
  orphans: Orphan[];
}

/** `isFree(pos)`: the cell is not part of a table, title or earlier pair. */
export function pairRow(
  grid: SheetGrid,
  r: number,
  isFree: (pos: CellPos) => boolean,
  claim: (pos: CellPos) => void,
): RowScan {
  const scan: RowScan = { fields: [], notes: [], orphans: [] };
  const anchors = grid
    .rowCells(r)
    .filter((cell) => !grid.isCovered({ r, c: cell.c }) && isFree({ r, c: cell.c }));
  const textCount = anchors.filter((cell) => grid.text(r, cell.c) !== null).length;
  for (const cell of anchors) {
    const pos = { r, c: cell.c };
    if (!isFree(pos)) continue;
    const text = grid.text(r, cell.c);
    if (text === null) continue;
    if (!isLabelLike(text)) {
      claim(pos);
      scan.notes.push({ kind: 'note', text, cell: pos });
      continue;
    }
    const label = parseLabel(text);
    const right = { r, c: grid.rightEdge(pos) + 1 };
    const below = { r: grid.mergeAt(pos)?.e.r ?? r, c: cell.c };
    below.r += 1;
    const rightFit = isFree(right)
      ? rightInput({ grid, pos: right, hasColon: label.hasColon, isCrowded: textCount > 1 })
      : 'none';
    let input: CellPos | null = null;
    if (rightFit === 'strong') input = right;
    else if (isFree(below) && isBelowInput(grid, below)) input = below;
    else if (rightFit === 'weak') input = right;
    claim(pos);
    if (!input) {
      scan.orphans.push({ cell: pos, code: 'label-without-input', text });
      continue;
    }
    claim(input);
    const inputCell = grid.get(input.r, input.c);
    const help = inputCell?.comment ?? cell.comment;
    scan.fields.push({
      kind: 'field',
      label,
      labelCell: pos,
      inputCell: input,
      isRequired: label.isRequired || isRedFill(cell.fill) || isRedFill(inputCell?.fill),
      ...(help ? { help } : {}),
    });
  }
  for (const cell of anchors) {
    const pos = { r, c: cell.c };
    if (!isFree(pos) || grid.text(r, cell.c) !== null) continue;
    if (cell.f || grid.validationAt(pos)) {
      // kept, labelled by its address: a formula is never dropped silently
      claim(pos);
      scan.orphans.push({ cell: pos, code: 'input-without-label', text: cell.f ? `=${cell.f}` : '' });
      scan.fields.push({
        kind: 'field',
        label: parseLabel(encodeCell(pos)),
        inputCell: pos,
        isRequired: false,
      });
    }
  }
  if (scan.fields.length > 1) {
    const width = Math.max(6, Math.floor(24 / scan.fields.length));
    for (const field of scan.fields) field.width = width;
  }
  return scan;
}

/**
 * Whether the cell right of a label is its input: `strong` when something marks it
 * (a value, formula, colon, style), `weak` when it is only a blank between labels.
 */
function rightInput(args: {
  grid: SheetGrid;
  pos: CellPos;
  hasColon: boolean;
  isCrowded: boolean;
}): 'strong' | 'weak' | 'none' {
  const { grid, pos, hasColon, isCrowded } = args;
  const cell = grid.get(pos.r, pos.c);
  if (cell?.f) return 'strong';
  const text = grid.text(pos.r, pos.c);
  if (text !== null) return hasColon && !parseLabel(text).hasColon ? 'strong' : 'none';
  if (!grid.isBlank(pos.r, pos.c)) return 'strong';
  if (hasColon || hasInputSignals(grid, pos)) return 'strong';
  return isCrowded ? 'weak' : 'none';
}

/** A blank (or value) cell under a label that marks itself as an input. */
function isBelowInput(grid: SheetGrid, pos: CellPos): boolean {
  if (grid.isCovered(pos) || grid.text(pos.r, pos.c) !== null) return false;
  const cell = grid.get(pos.r, pos.c);
  if (cell?.f || !grid.isBlank(pos.r, pos.c)) return true;
  return hasInputSignals(grid, pos);
}

export function hasInputSignals(grid: SheetGrid, pos: CellPos): boolean {
  const merge = grid.mergeAt(pos);
  if (merge && merge.s.r === pos.r && merge.s.c === pos.c) return true;
  if (grid.validationAt(pos)) return true;
  const cell = grid.get(pos.r, pos.c);
  if (!cell) return false;
  const hasFill = cell.fill !== undefined && !/^f{6}$/i.test(cell.fill);
  const hasFormat = cell.z !== undefined && !/^general$/i.test(cell.z);
  return hasFill || cell.hasBorder === true || cell.comment !== undefined || hasFormat;
}
