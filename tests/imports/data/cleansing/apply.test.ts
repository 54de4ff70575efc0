import { describe, expect, it } from 'vitest';
import {
  compileCleanser,
  describeFailure,
  type RuleResult,
} from '../../../../builder/excel-import/cleansing/index.ts';

const v = (r: RuleResult) => (r.ok ? r.value : `!${r.failure.rule}:${r.failure.code}`);

describe('#compileCleanser', () => {
  it('runs the rules in order, then the conversion the field type needs', () => {
    const clean = compileCleanser(
      [{ type: 'halfWidth' }, { type: 'collapseSpaces' }, { type: 'case', to: 'upper' }],
      { type: 'text', label: 'Code' },
    );
    expect(v(clean('  ａｂ   ｃ '))).toBe('AB C');
    expect(v(compileCleanser([], { type: 'text', label: 'Phone' })(13800138000))).toBe('13800138000');
  });

  it('converts numbers and dates by field type without explicit rules', () => {
    expect(v(compileCleanser([], { type: 'money', label: 'Amount' })('¥1,200.50'))).toBe(1200.5);
    expect(v(compileCleanser([], { type: 'percent', label: 'Rate' })('13%'))).toBe(0.13);
    expect(v(compileCleanser([], { type: 'date', label: 'Date' })('2024年3月5日'))).toBe('2024-03-05');
    expect(
      v(
        compileCleanser(
          [],
          { type: 'datetime', label: 'At' },
          { timeZone: 'Asia/Shanghai' },
        )('2024-03-05 08:00'),
      ),
    ).toBe('2024-03-05T00:00:00Z');
  });

  it('uses a date rule’s own zone over the import’s', () => {
    const clean = compileCleanser(
      [{ type: 'date', timeZone: 'UTC' }],
      { type: 'datetime', label: 'At' },
      { timeZone: 'Asia/Shanghai' },
    );
    expect(v(clean('2024-03-05 08:00'))).toBe('2024-03-05T08:00:00Z');
  });

  it('maps values before the yes/no conversion: Y/是/TRUE → true', () => {
    const clean = compileCleanser([], { type: 'boolean', label: 'VIP' });
    expect(['Y', '是', 'TRUE', 'n'].map((x) => v(clean(x)))).toEqual([true, true, true, false]);
    const mapped = compileCleanser(
      [
        {
          type: 'valueMap',
          entries: [
            { from: 'VIP', to: true },
            { from: '普通', to: false },
          ],
          onMissing: 'error',
        },
      ],
      { type: 'boolean', label: 'VIP' },
    );
    expect(v(mapped('vip'))).toBe(true);
    expect(v(mapped('?'))).toBe('!valueMap:notInMap');
  });

  it('accepts an option by value or by label, and a multi-select split on , ， ; 、', () => {
    const options = [
      { value: 'male', label: '男' },
      { value: 'female', label: '女' },
    ];
    expect(
      v(
        compileCleanser([{ type: 'valueMap', entries: [{ from: 'M', to: '男' }] }], {
          type: 'select',
          label: 'Sex',
          options,
        })('M'),
      ),
    ).toBe('male');
    expect(v(compileCleanser([], { type: 'select', label: 'Sex', options })('female'))).toBe('female');
    expect(v(compileCleanser([], { type: 'select', label: 'Sex', options })('x'))).toBe('!type:notOption');
    expect(v(compileCleanser([], { type: 'multiselect', label: 'Sexes', options })('男，女、男'))).toEqual([
      'male',
      'female',
    ]);
  });

  it('applies the alias dictionary to names: 北分 → 北京分公司, others unchanged', () => {
    const clean = compileCleanser([{ type: 'alias', entries: [{ from: '北分', to: '北京分公司' }] }], {
      type: 'text',
      label: 'Branch',
    });
    expect(v(clean('北分'))).toBe('北京分公司');
    expect(v(clean('上海分公司'))).toBe('上海分公司');
  });

  it('enforces required and length rules, and stops at the first failing rule', () => {
    expect(v(compileCleanser([{ type: 'required' }], { type: 'text', label: 'Name' })('  '))).toBe(
      '!required:required',
    );
    expect(
      v(
        compileCleanser([{ type: 'length', max: 3, onOverflow: 'truncate' }], {
          type: 'text',
          label: 'Code',
        })('ABCDE'),
      ),
    ).toBe('ABC');
    expect(
      v(
        compileCleanser([{ type: 'length', max: 3, onOverflow: 'error' }, { type: 'required' }], {
          type: 'text',
          label: 'Code',
        })('ABCDE'),
      ),
    ).toBe('!length:tooLong');
  });

  it('validates USCC, phone and e-mail fields by type', () => {
    expect(v(compileCleanser([], { type: 'uscc', label: 'USCC' })('91350100m000100y43'))).toBe(
      '91350100M000100Y43',
    );
    expect(v(compileCleanser([], { type: 'phone', label: 'Phone' })('13800138000x'))).toBe('!phone:phone');
    expect(v(compileCleanser([], { type: 'email', label: 'Mail' })('x@'))).toBe('!email:email');
  });

  it('reads empty cells as no value', () => {
    expect(v(compileCleanser([], { type: 'number', label: 'N' })(null))).toBe(null);
    expect(v(compileCleanser([], { type: 'text', label: 'T' })('   '))).toBe(null);
  });

  it('describes failures in English and Chinese', () => {
    const r = compileCleanser([], { type: 'number', label: 'N' })('abc');
    if (r.ok) throw new Error('expected a failure');
    expect(describeFailure(r.failure, 'en')).toBe('"abc" is not a number');
    expect(describeFailure(r.failure, 'zh-CN')).toBe('"abc" 不是数字');
  });
});
