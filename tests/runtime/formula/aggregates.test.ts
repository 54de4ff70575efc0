import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnIndex } from '../../../runtime/core/formula/aggregates.ts';
import { compileProgram } from '../../../runtime/core/formula/engine.ts';
import { FormulaError } from '../../../runtime/core/formula/values.ts';
import type { Value } from '../../../runtime/core/formula/values.ts';

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom('12', 'abc', '', 'TRUE') },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 3 }) },
);

/** The same aggregate through the engine's column index (one column argument) and through the library. */
const PAIRS: [string, string][] = [
  ['SUM(items.v)', 'SUM(items.v, 0)'],
  ['COUNT(items.v)', 'COUNT(items.v, "x")'],
  ['COUNTA(items.v)', 'COUNTA(items.v, items.v) / 2'],
  ['AVERAGE(items.v)', 'AVERAGE(items.v, items.v)'],
  ['MIN(items.v)', 'MIN(items.v, items.v)'],
  ['MAX(items.v)', 'MAX(items.v, items.v)'],
];

describe('column aggregates', () => {
  it('agree with the function library on any column', () => {
    const fields = PAIRS.flatMap(([fast, slow], i) => [
      { key: `fast${i}`, type: 'other' as const, formula: fast },
      { key: `slow${i}`, type: 'other' as const, formula: slow },
    ]);
    const { program, diagnostics } = compileProgram({
      fields,
      tables: [{ key: 'items', columns: [{ key: 'v', type: 'other' }] }],
    });
    expect(diagnostics).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(), cell), { maxLength: 5 }),
        (cells, edits) => {
          const state = program.createState({ items: cells.map((v) => ({ v })) });
          for (const [row, v] of edits)
            if (cells.length > 0) state.setValue(['items', row % cells.length, 'v'], v);
          PAIRS.forEach((_, i) => {
            expect(state.getError(`fast${i}`)?.code).toBe(state.getError(`slow${i}`)?.code);
            const fast = state.getValue(`fast${i}`) as number | null;
            const slow = state.getValue(`slow${i}`) as number | null;
            if (typeof slow === 'number') expect(fast).toBeCloseTo(slow, 6);
            else expect(fast).toBe(slow);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rescans only the dirty block after an edit', () => {
    const cells: Value[] = Array.from({ length: 1000 }, (_, i) => i);
    const index = new ColumnIndex(cells);
    // 32 blocks of 32 cells: the first read scans them all, later reads only what changed
    expect(index.read('SUM')).toEqual({ value: 499_500, work: 32 + 32 * 32 });
    cells[500] = 0;
    index.invalidateRow(500);
    expect(index.read('SUM')).toEqual({ value: 499_000, work: 32 + 32 });
    expect(index.read('MAX').work).toBe(32);
  });

  it('does not drift over many edits', () => {
    const cells: Value[] = Array.from({ length: 100 }, () => 0.1);
    const index = new ColumnIndex(cells);
    for (let i = 0; i < 10_000; i++) {
      cells[(i * 7) % 100] = i % 2 ? 0.7 : 0.1;
      index.invalidateRow((i * 7) % 100);
      index.read('SUM');
    }
    // exactly what a fresh index over the same cells computes
    expect(index.read('SUM').value).toBe(new ColumnIndex(cells.slice()).read('SUM').value);
  });

  it('returns the first error in row order, but COUNT and COUNTA ignore it', () => {
    const cells: Value[] = [1, new FormulaError('#N/A'), 2, new FormulaError('#DIV/0!')];
    const index = new ColumnIndex(cells);
    expect((index.read('SUM').value as FormulaError).code).toBe('#N/A');
    expect(index.read('COUNT').value).toBe(2);
    expect(index.read('COUNTA').value).toBe(4);
  });

  it('follows Excel for empty columns', () => {
    const index = new ColumnIndex([null, 'text', true]);
    expect(index.read('SUM').value).toBe(0);
    expect(index.read('MIN').value).toBe(0);
    expect(index.read('MAX').value).toBe(0);
    expect((index.read('AVERAGE').value as FormulaError).code).toBe('#DIV/0!');
  });
});
