import { describe, expect, it } from 'vitest';
import { analyzeLayout } from '../../../builder/excel-import/analyze-layout.ts';
import { detectTables } from '../../../builder/excel-import/detect-tables.ts';
import { SheetGrid } from '../../../builder/excel-import/grid.ts';
import type { LayoutPlan, PlannedField } from '../../../builder/excel-import/layout-plan.ts';
import type { TemplateSheet } from '../../../builder/excel-import/sheet-model.ts';
import { sheet } from './sheet-helpers.ts';

function plan(s: TemplateSheet): LayoutPlan {
  const grid = new SheetGrid(s);
  return analyzeLayout(grid, detectTables(grid));
}

const fields = (p: LayoutPlan) => p.items.filter((item): item is PlannedField => item.kind === 'field');

describe('#analyzeLayout', () => {
  it('pairs labels with the input on their right, after merged label cells', () => {
    const p = plan(
      sheet(
        '订单',
        {
          A1: '销售订单',
          A3: '*订单编号：',
          B3: null,
          D3: '订单日期',
          E3: { v: null, z: 'yyyy-mm-dd' },
          A4: '客户名称：',
          C4: '上海华东精密',
        },
        { merges: ['A1:F1', 'A4:B4'] },
      ),
    );
    expect(p.title).toMatchObject({ text: '销售订单' });
    expect(fields(p).map((f) => [f.label.label, f.inputCell, f.isRequired, f.width])).toEqual([
      ['订单编号', { r: 2, c: 1 }, true, 12],
      ['订单日期', { r: 2, c: 4 }, false, 12],
      ['客户名称', { r: 3, c: 2 }, false, undefined],
    ]);
  });

  it('pairs a label with the input below it when the right cell is not an input', () => {
    const p = plan(sheet('PO', { A1: 'Vendor', D1: 'Ship To' }, { merges: ['A2:C4', 'D2:F4'] }));
    expect(p.title).toBeUndefined();
    expect(fields(p).map((f) => [f.label.label, f.inputCell])).toEqual([
      ['Vendor', { r: 1, c: 0 }],
      ['Ship To', { r: 1, c: 3 }],
    ]);
  });

  it('reads a red fill as required and a comment as help text', () => {
    const p = plan(
      sheet('x', { A2: 'Customer', B2: { v: null, fill: 'FF0000', comment: 'Full legal name' }, A3: 'x' }),
    );
    expect(fields(p)[0]).toMatchObject({ isRequired: true, help: 'Full legal name' });
  });

  it('turns lone text rows into a title, then section headings; long text into notes', () => {
    const p = plan(
      sheet('x', {
        A1: '退货申请单',
        A3: '客户信息',
        A4: '客户：',
        B4: null,
        A6: '退货明细',
        A7: 'SKU',
        B7: '数量',
        C7: '单价',
        A8: 'P-1',
        B8: 1,
        C8: 2,
        A9: 'P-2',
        B9: 1,
        C9: 2,
        A11: '注：退货须在签收后七日内提出，并附上原始装箱单及商品照片，否则恕不受理。',
      }),
    );
    expect(p.items.map((item) => item.kind)).toEqual(['heading', 'field', 'table', 'note']);
    expect(p.items[2]).toMatchObject({ kind: 'table', label: '退货明细' });
  });

  it('makes totals-row formulas computed fields named after the totals label', () => {
    const p = plan(
      sheet('x', {
        A1: '数量',
        B1: '单价',
        C1: '金额',
        C2: '=A2*B2',
        C3: '=A3*B3',
        A4: '合计',
        A5: 'x',
        B4: '=SUM(B2:B3)',
        C4: '=SUM(C2:C3)',
      }),
    );
    expect(fields(p).map((f) => [f.label.label, f.inputCell, f.totalOf?.column.header])).toEqual([
      ['合计单价', { r: 3, c: 1 }, '单价'],
      ['合计金额', { r: 3, c: 2 }, '金额'],
    ]);
  });

  it('keeps an unlabelled formula as a field named after its cell, with an orphan note', () => {
    const p = plan(sheet('x', { A1: 'Total:', B1: 5, D3: '=B1*2' }));
    expect(fields(p).map((f) => f.label.label)).toEqual(['Total', 'D3']);
    expect(p.orphans).toEqual([{ cell: { r: 2, c: 3 }, code: 'input-without-label', text: '=B1*2' }]);
  });

  it('reads a sheet that is one table as a list: each row is a record', () => {
    const p = plan(
      sheet('客户档案', {
        A1: '客户档案',
        A2: '客户编号',
        B2: '客户名称',
        C2: '手机',
        A3: 'C1',
        B3: 'x',
        C3: '13800138000',
        A4: 'C2',
        B4: 'y',
        C4: '13900139000',
      }),
    );
    expect(p.isList).toBe(true);
  });
});
