import { describe, expect, it } from 'vitest';
import { optionsFromValidation } from '../../../builder/excel-import/select-options.ts';
import { WorkbookIndex } from '../../../builder/excel-import/workbook-index.ts';
import { sheet, workbook } from './sheet-helpers.ts';

const index = new WorkbookIndex(
  workbook(
    [
      sheet('Form', { A1: 'x' }),
      sheet('Lists', { A1: 'Terms', A2: 'Net 30', A3: 'Net 60', A4: 'Net 30', A5: '', B2: '=A2' }),
    ],
    [{ name: 'Terms', ref: 'Lists!$A$2:$A$9' }],
  ),
);

describe('#optionsFromValidation', () => {
  it('reads an inline list', () => {
    const result = optionsFromValidation(
      { type: 'list', sqref: 'B2', formula1: '"现金, 银行转账,承兑汇票"' },
      index,
      'Form',
    );
    expect(result?.options.map((o) => o.value)).toEqual(['现金', '银行转账', '承兑汇票']);
  });

  it('reads a range on another sheet, a whole column, and a defined name, without duplicates', () => {
    for (const formula1 of ['Lists!$A$2:$A$5', 'Lists!$A:$A', 'Terms']) {
      const values = optionsFromValidation(
        { type: 'list', sqref: 'B2:B1048576', formula1 },
        index,
        'Form',
      )?.options.map((o) => o.value);
      expect(values?.filter((v) => v.startsWith('Net'))).toEqual(['Net 30', 'Net 60']);
    }
  });

  it('reports a source it cannot read and ignores non-list rules', () => {
    expect(
      optionsFromValidation({ type: 'list', sqref: 'B2', formula1: 'Lists!$B$2:$B$3' }, index, 'Form')
        ?.problem?.code,
    ).toBe('validation-ignored');
    expect(optionsFromValidation({ type: 'whole', sqref: 'B2', formula1: '0' }, index, 'Form')).toBeNull();
  });
});
