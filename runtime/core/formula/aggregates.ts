/**
 * Incremental aggregates over a table column. `SUM(items.amount)` and friends
 * with a single column argument read a block index instead of scanning the
 * column: a cell edit marks one block dirty, and the next read rescans that
 * block (32 cells) plus the per-block totals. Each block is recomputed from its
 * cells, so repeated edits never accumulate float drift. Semantics are Excel's
 * for ranges: text, booleans and blanks are skipped; the first error wins.
 */
import { FormulaError } from './values.ts';
import type { Value } from './values.ts';

export type AggregateName = 'SUM' | 'COUNT' | 'COUNTA' | 'AVERAGE' | 'MIN' | 'MAX';
export const AGGREGATES: ReadonlySet<string> = new Set<AggregateName>([
  'SUM',
  'COUNT',
  'COUNTA',
  'AVERAGE',
  'MIN',
  'MAX',
]);

const BLOCK = 32;

interface Block {
  sum: number;
  count: number;
  countA: number;
  min: number;
  max: number;
  error: FormulaError | null;
}

export class ColumnIndex {
  private blocks: Block[] = [];
  private dirty: boolean[] = [];
  private isAllDirty = true;

  /** `cells` is the live column array; the index never copies it. */
  constructor(private readonly cells: Value[]) {}

  /** A cell's value changed. */
  invalidateRow(row: number): void {
    if (!this.isAllDirty) this.dirty[(row / BLOCK) | 0] = true;
  }

  /** Rows were inserted, removed or moved. */
  invalidateAll(): void {
    this.isAllDirty = true;
  }

  /** Returns the aggregate and the number of cells it had to rescan (for the step budget). */
  read(name: AggregateName): { value: Value; work: number } {
    const work = this.refresh();
    return { value: this.combine(name), work };
  }

  private refresh(): number {
    const cells = this.cells;
    const blockCount = Math.ceil(cells.length / BLOCK);
    let work = blockCount;
    if (this.isAllDirty) {
      this.blocks = new Array(blockCount);
      this.dirty = new Array(blockCount).fill(true);
      this.isAllDirty = false;
    }
    for (let b = 0; b < blockCount; b++) {
      if (!this.dirty[b]) continue;
      this.blocks[b] = scanBlock(cells, b * BLOCK, Math.min(cells.length, (b + 1) * BLOCK));
      this.dirty[b] = false;
      work += BLOCK;
    }
    return work;
  }

  private combine(name: AggregateName): Value {
    let sum = 0;
    let count = 0;
    let countA = 0;
    let min = Infinity;
    let max = -Infinity;
    let error: FormulaError | null = null;
    for (const block of this.blocks) {
      sum += block.sum;
      count += block.count;
      countA += block.countA;
      if (block.min < min) min = block.min;
      if (block.max > max) max = block.max;
      error ??= block.error;
    }
    if (name === 'COUNT') return count;
    if (name === 'COUNTA') return countA;
    if (error) return error;
    switch (name) {
      case 'SUM':
        return Number.isFinite(sum) ? sum : new FormulaError('#NUM!', 'sum is not a finite number');
      case 'AVERAGE':
        return count === 0 ? new FormulaError('#DIV/0!', 'AVERAGE of no numbers') : sum / count;
      case 'MIN':
        return count === 0 ? 0 : min;
      default:
        return count === 0 ? 0 : max;
    }
  }
}

function scanBlock(cells: Value[], from: number, to: number): Block {
  const block: Block = { sum: 0, count: 0, countA: 0, min: Infinity, max: -Infinity, error: null };
  for (let i = from; i < to; i++) add(block, cells[i]);
  return block;
}

/** A cell holding a list (multiselect) counts its elements, as the library's flatten does. */
function add(block: Block, v: Value | undefined): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'number') {
    block.countA++;
    block.sum += v;
    block.count++;
    if (v < block.min) block.min = v;
    if (v > block.max) block.max = v;
  } else if (Array.isArray(v)) {
    for (const item of v) add(block, item);
  } else {
    block.countA++;
    if (v instanceof FormulaError) block.error ??= v;
  }
}
