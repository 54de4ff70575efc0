import { describe, expect, it } from 'vitest';
import {
  columnIndex,
  columnName,
  decodeCell,
  decodeRange,
  decodeSqref,
  encodeCell,
  encodeRange,
  MAX_ROW,
  rangeContains,
} from '../../../builder/excel-import/cell-address.ts';

describe('cell addresses', () => {
  it('round-trips column names up to XFD', () => {
    for (const c of [0, 25, 26, 701, 702, 16_383]) expect(columnIndex(columnName(c))).toBe(c);
    expect(columnName(16_383)).toBe('XFD');
  });

  it('reads absolute and relative cells, rejects cells outside the grid', () => {
    expect(decodeCell('$B$3')).toEqual({ r: 2, c: 1 });
    expect(encodeCell({ r: 2, c: 1 })).toBe('B3');
    expect(decodeCell('XFE1')).toBeNull();
    expect(decodeCell('A0')).toBeNull();
  });

  it('normalises ranges, whole columns and whole rows', () => {
    expect(encodeRange(decodeRange('F20:F8')!)).toBe('F8:F20');
    expect(decodeRange('A:A')).toEqual({ s: { r: 0, c: 0 }, e: { r: MAX_ROW, c: 0 } });
    expect(decodeRange('3:5')!.e.c).toBe(16_383);
  });

  it('keeps a whole-column sqref as one range (never expanded per cell)', () => {
    const ranges = decodeSqref('B3 D5:D1048576 bad');
    expect(ranges).toHaveLength(2);
    expect(rangeContains(ranges[1], { r: 900_000, c: 3 })).toBe(true);
  });
});
