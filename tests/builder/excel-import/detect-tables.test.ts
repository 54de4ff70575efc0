import { describe, expect, it } from 'vitest';
import { detectTables } from '../../../builder/excel-import/detect-tables.ts';
import { SheetGrid } from '../../../builder/excel-import/grid.ts';
import { sheet } from './sheet-helpers.ts';

/** 销售订单: header block, line items A8:F11 with a per-row formula, totals row 12. */
const order = sheet('订单', {
  A1: '销售订单',
  A3: '客户：',
  B3: null,
  A7: '序号',
  B7: '商品名称',
  C7: '规格',
  D7: '数量',
  E7: '单价',
  F7: '金额',
  F8: '=D8*E8',
  F9: '=D9*E9',
  F10: '=D10*E10',
  F11: '=D11*E11',
  A12: '合计',
  F12: '=SUM(F8:F11)',
  A13: '备注：',
});

describe('#detectTables', () => {
  it('finds the header row, the body and the totals row', () => {
    const [table, ...rest] = detectTables(new SheetGrid(order));
    expect(rest).toHaveLength(0);
    expect(table).toMatchObject({
      headerRow: 6,
      firstCol: 0,
      lastCol: 5,
      bodyStart: 7,
      bodyEnd: 10,
      totalsRow: 11,
      hasRowFormulas: true,
    });
    expect(table.columns.map((c) => c.header)).toEqual(['序号', '商品名称', '规格', '数量', '单价', '金额']);
  });

  it('ends a table without a totals row at its last bordered or filled row', () => {
    const list = sheet('Parts', {
      A1: 'SKU',
      B1: 'Description',
      C1: 'Qty',
      A2: 'P-1',
      B2: 'Bolt',
      C2: 5,
      A3: { v: null, hasBorder: true },
      A6: 'Approved by:',
    });
    expect(detectTables(new SheetGrid(list))[0]).toMatchObject({
      headerRow: 0,
      bodyStart: 1,
      bodyEnd: 2,
      lastFilledRow: 1,
    });
  });

  it('does not take a row of labels with one input row under it for a table', () => {
    const block = sheet('PO', {
      A1: 'Vendor',
      D1: 'Ship To',
      A2: { v: null, hasBorder: true },
      D2: { v: null, hasBorder: true },
      A4: 'Notes:',
    });
    expect(detectTables(new SheetGrid(block))).toEqual([]);
  });

  it('stops the body at a merged input area or a label with a colon', () => {
    const tall = sheet('x', { A1: '数量', B1: '单价', C1: '金额', C2: '=A2*B2', A3: '备注：', B3: null });
    expect(detectTables(new SheetGrid(tall))[0]).toMatchObject({ bodyEnd: 1 });
  });
});
