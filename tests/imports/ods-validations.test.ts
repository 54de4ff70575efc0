import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../builder/excel-import/index.ts';
import { walkFields } from '../../runtime/core/index.ts';
import { createWorkbookReader, DEFAULT_LIMITS } from '../../server/imports/workbook/index.ts';
import { conditionRule } from '../../server/imports/workbook/ods-condition.ts';
import { readOdsValidations } from '../../server/imports/workbook/ods-validations.ts';
import { cell, contentXml, odsPackage, row, table, validations } from './helpers/ods-craft.ts';

const reader = createWorkbookReader({ ...DEFAULT_LIMITS });

describe('#conditionRule', () => {
  it('reads inline lists, with and without the of: namespace, numbers and quotes included', () => {
    expect(conditionRule('of:cell-content-is-in-list("现金";"银行转账")')).toEqual({
      type: 'list',
      formula1: '"现金,银行转账"',
    });
    expect(conditionRule('cell-content-is-in-list( "a ""b""" ; 3 ;-1.5 )')).toEqual({
      type: 'list',
      formula1: '"a ""b"",3,-1.5"',
    });
    expect(conditionRule('oooc:cell-content-is-in-list("x")')).toEqual({ type: 'list', formula1: '"x"' });
  });

  it('turns ODF references into Excel ones, quoting sheet names that need it', () => {
    const rule = (condition: string) => conditionRule(condition) as { formula1?: string };
    expect(rule('of:cell-content-is-in-list([$Sheet2.$A$1:.$A$5])').formula1).toBe('Sheet2!$A$1:$A$5');
    expect(rule("of:cell-content-is-in-list([$'基础 数据'.$A$2:.$A$6])").formula1).toBe(
      "'基础 数据'!$A$2:$A$6",
    );
    expect(rule("of:cell-content-is-in-list(['it''s'.A1:'it''s'.A3])").formula1).toBe("'it''s'!A1:A3");
    expect(rule('of:cell-content-is-in-list([.B2:.B9])').formula1).toBe('B2:B9');
    expect(rule('cell-content-is-in-list($Lists.$A$2:$A$6)').formula1).toBe('Lists!$A$2:$A$6');
    expect(rule('of:cell-content-is-in-list(Units)').formula1).toBe('Units');
  });

  it('says why a list cannot be carried over, and keeps the type of other rules', () => {
    const problem = (condition: string) => (conditionRule(condition) as { problem?: string }).problem;
    expect(problem("of:cell-content-is-in-list(['file:///x.ods'#$Sheet1.A1:.A4])")).toBe(
      'a range in another file',
    );
    expect(problem('of:cell-content-is-in-list([$A.A1:$B.A4])')).toBe('a range across several sheets');
    expect(problem('of:cell-content-is-in-list("a";[.A1])')).toBe('a mix of values and references');
    expect(problem('of:cell-content-is-in-list(OFFSET([.A1];0;0;3))')).toBe(
      'a formula the reader does not translate',
    );
    expect(problem('of:cell-content-is-in-list("a)')).toBe('not a list the reader understands');
    expect(problem('of:cell-content-is-in-list()')).toBe('empty');
    expect(conditionRule('of:cell-content-is-whole-number() and cell-content-is-between(1;10)')).toEqual({
      type: 'whole',
    });
    expect(conditionRule('of:cell-content-text-length()<=20')).toEqual({ type: 'textLength' });
    expect(conditionRule('of:is-true-formula([.A1]>0)')).toEqual({ type: 'custom' });
  });
});

describe('#readOdsValidations', () => {
  it('counts repeated columns and rows, covered cells and row groups, and merges runs into ranges', () => {
    const xml = contentXml(
      validations({
        v: 'of:cell-content-is-in-list("a";"b")',
        w: 'of:cell-content-is-in-list([$Lists.$A$1:.$A$3])',
      }) +
        table('Form', [
          row([
            '<table:table-cell table:number-columns-spanned="2"/><table:covered-table-cell/>',
            cell.validated('v'),
          ]),
          row([cell.blank(2), cell.validated('v'), cell.validated('w', 2)], 2),
          '<table:table-header-rows>' +
            row([cell.blank(3), cell.validated('w')]) +
            '</table:table-header-rows>',
          '<table:table-row-group>' + row([cell.blank(5)], 3) + '</table:table-row-group>',
          row([cell.validated('nobody'), cell.validated('v')], 1_048_569),
          row([cell.validated('v')], 5),
        ]) +
        table('Lists', [row([cell.text('x')])]),
    );
    const read = readOdsValidations(xml);
    expect(read.notes).toEqual([]);
    expect(read.bySheet.get('Form')).toEqual([
      { type: 'list', sqref: 'C1:C3 B8:B1048576', formula1: '"a,b"' },
      { type: 'list', sqref: 'D2:E3 D4', formula1: 'Lists!$A$1:$A$3' },
    ]);
  });

  it('notes lists it cannot carry over, naming the cells', () => {
    const xml = contentXml(
      validations({ ext: "of:cell-content-is-in-list(['file:///x.ods'#$S.A1:.A4])" }) +
        table('单', [row([cell.blank(), cell.validated('ext')], 4)]),
    );
    expect(readOdsValidations(xml)).toEqual({
      bySheet: new Map(),
      notes: ['单!B1:B4: the data-validation list was left out: its source is a range in another file'],
    });
  });

  it('refuses a DOCTYPE and prototype keys with a note, never a crash', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      contentXml(validations({ v: 'of:cell-content-is-in-list("&b;")' })).replace(/^<\?xml[^>]*>/, '');
    expect(readOdsValidations(bomb).notes).toEqual([
      'data validations were not read: content.xml declares a DOCTYPE',
    ]);
    const polluting = contentXml(
      validations({ v: 'of:cell-content-is-in-list("a")' }) + '<__proto__><polluted/></__proto__>',
    );
    expect(readOdsValidations(polluting).notes).toEqual([
      'data validations were not read: content.xml could not be parsed',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('.ods validations through the reader', () => {
  it('become select fields in a hand-built .ods: an inline list and a range on another sheet', async () => {
    const content = contentXml(
      validations({
        pay: 'of:cell-content-is-in-list("现金";"转账";"承兑汇票")',
        wh: "of:cell-content-is-in-list([$'基础 数据'.$A$2:.$A$4])",
      }) +
        table('订单', [
          row([cell.text('订单'), cell.blank(3)]),
          row([cell.blank(), cell.text('付款方式：'), cell.validated('pay'), cell.blank()]),
          row([cell.blank(4)], 2),
          row([cell.blank(), cell.text('仓库：'), cell.validated('wh'), cell.blank()]),
        ]) +
        table('基础 数据', [
          row([cell.text('仓库')]),
          ...['北京仓', '上海仓', '成都仓'].map((t) => row([cell.text(t)])),
        ]),
    );
    const workbook = await reader.read(odsPackage(content), { mode: 'cells', filename: 'order.ods' });
    expect(workbook.format).toBe('ods');
    expect(workbook.sheets[0].validations).toEqual([
      { type: 'list', sqref: 'C2', formula1: '"现金,转账,承兑汇票"' },
      { type: 'list', sqref: 'C5', formula1: "'基础 数据'!$A$2:$A$4" },
    ]);
    const fields = [...walkFields(importTemplate(workbook).definition)].map(({ field }) => field);
    expect(fields.find((f) => f.label === '付款方式')).toMatchObject({
      type: 'select',
      options: [{ value: '现金' }, { value: '转账' }, { value: '承兑汇票' }],
    });
    expect(fields.find((f) => f.label === '仓库')).toMatchObject({
      type: 'select',
      options: [{ value: '北京仓' }, { value: '上海仓' }, { value: '成都仓' }],
    });
  });
});
