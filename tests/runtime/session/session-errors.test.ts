import { describe, expect, it } from 'vitest';
import { compileForm, createFormSession } from '../../../runtime/core/index.ts';
import { compiledOrder, orderSession, validOrder } from './fixtures.ts';

describe('FormSession errors', () => {
  describe('formula errors', () => {
    it('surfaces #DIV/0! in a computed field as a field error naming its label, never an exception', () => {
      const session = orderSession({ customer: 'ACME', items: [{ sku: 'A', qty: 0, price: 1 }] });
      expect(session.getValue('perItem')).toBeNull();
      expect(session.getErrors('perItem')).toEqual([
        {
          path: 'perItem',
          code: 'formula',
          message: '"Average price" cannot be calculated: division by zero (#DIV/0!)',
        },
      ]);
      expect(session.validate()).toContainEqual(
        expect.objectContaining({ path: 'perItem', code: 'formula' }),
      );
    });

    it('writes the message in Chinese for a zh-CN session', () => {
      const compiled = compileForm({
        schemaVersion: 1,
        settings: { title: '单价', indexedFields: [] },
        fields: [
          { key: 'amount', type: 'money', label: '金额' },
          { key: 'qty', type: 'number', label: '数量' },
          { key: 'unitPrice', type: 'money', label: '单价', formula: 'amount / qty' },
        ],
      });
      const session = createFormSession(compiled, { locale: 'zh-CN', values: { amount: 10, qty: 0 } });
      expect(session.validate()).toEqual([
        { path: 'unitPrice', code: 'formula', message: '“单价”无法计算：除数为零（#DIV/0!）' },
      ]);
    });

    it('reports an error in a computed column at its cell, with the row number', () => {
      const session = orderSession({
        customer: 'ACME',
        items: [
          { sku: 'A', qty: 1, price: 1 },
          { sku: 'B', qty: 2, price: 'abc' },
        ],
      });
      expect(session.getErrors(['items', 1, 'amount'])).toEqual([
        {
          path: 'items/1/amount',
          code: 'formula',
          message: '"Amount" (row 2) cannot be calculated: a value has the wrong type (#VALUE!)',
        },
      ]);
    });

    it('moves a formula error with its row and renumbers its message', () => {
      const session = orderSession({
        customer: 'ACME',
        items: [
          { sku: 'A', qty: 1, price: 1 },
          { sku: 'B', qty: 2, price: 'abc' },
        ],
      });
      session.moveRow('items', 1, 0);
      expect(session.getErrors().filter((e) => e.path.startsWith('items/'))).toEqual([
        {
          path: 'items/0/amount',
          code: 'formula',
          message: '"Amount" (row 1) cannot be calculated: a value has the wrong type (#VALUE!)',
        },
      ]);
      session.removeRow('items', 0);
      expect(session.getErrors().filter((e) => e.code === 'formula')).toEqual([]);
    });

    it('clears a formula error as soon as its inputs are fixed, and reports the path', () => {
      const session = orderSession({ customer: 'ACME', items: [{ sku: 'A', qty: 0, price: 1 }] });
      const change = session.setValue(['items', 0, 'qty'], 4);
      expect(change.errors).toContainEqual('perItem');
      expect(session.getErrors('perItem')).toEqual([]);
    });

    it('hides the formula errors of hidden fields', () => {
      const compiled = compileForm({
        schemaVersion: 1,
        settings: { title: 'Ratio', indexedFields: [] },
        fields: [
          { key: 'isRatio', type: 'boolean', label: 'Show ratio' },
          { key: 'divisor', type: 'number', label: 'Divisor' },
          { key: 'ratio', type: 'number', label: 'Ratio', formula: '1 / divisor', visibleIf: 'isRatio' },
        ],
      });
      const session = createFormSession(compiled, { locale: 'en', values: { divisor: 0 } });
      expect(session.validate()).toEqual([]);
      const change = session.setValue('isRatio', true);
      expect(change.errors).toEqual(['ratio']);
      expect(session.validate().map((e) => e.code)).toEqual(['formula']);
    });
  });

  describe('#validate', () => {
    it('reports line-item errors at items/<row>/<column> in the session language', () => {
      const data = {
        ...validOrder(),
        items: [
          { sku: 'A', qty: 1, price: 1 },
          { sku: 'B', qty: 0, price: 1 },
        ],
      };
      expect(orderSession(data).validate()).toEqual([
        { path: 'items/1/qty', code: 'min', message: '"Quantity" must be at least 1' },
      ]);
      expect(orderSession(data, { locale: 'zh-CN' }).validate()).toEqual([
        { path: 'items/1/qty', code: 'min', message: '“Quantity”不能小于 1' },
      ]);
    });

    it('reports a value of the wrong type rather than coercing it', () => {
      const errors = orderSession({
        ...validOrder(),
        orderDate: 20241126,
        items: [{ sku: 'A', qty: '2', price: 1 }],
      }).validate();
      expect(errors.map((e) => [e.path, e.code])).toEqual([
        ['orderDate', 'type'],
        ['items/0/qty', 'type'],
      ]);
    });

    it('never throws on hostile values', () => {
      const hostile = {
        customer: { $gt: '' },
        orderDate: 'x'.repeat(100_000),
        vipDiscount: Number.NaN,
        items: [
          null,
          'row',
          { sku: ['a'], qty: Number.POSITIVE_INFINITY, price: {} },
          ...Array.from({ length: 50 }, () => []),
        ],
        files: 'nope',
        extra: Array.from({ length: 1000 }, (_, i) => i),
      };
      const session = createFormSession(compiledOrder, { locale: 'en', values: hostile });
      const errors = session.validate();
      expect(errors.length).toBeGreaterThan(5);
      expect(errors.length).toBeLessThanOrEqual(100);
      expect(() => session.toSubmission()).not.toThrow();
    });

    it('does not validate the serial number, which the server assigns', () => {
      const compiled = compileForm({
        schemaVersion: 1,
        settings: { title: 'S', indexedFields: [] },
        fields: [{ key: 'no', type: 'serial', label: 'No.', pattern: 'S-{0000}', required: true }],
      });
      expect(createFormSession(compiled, { locale: 'en' }).validate()).toEqual([]);
    });
  });

  describe('touched fields', () => {
    it('re-checks a field when it is set, without validating the rest of the form', () => {
      const session = orderSession({
        items: [
          { sku: 'A', qty: 1, price: 1 },
          { sku: 'B', qty: 1, price: 1 },
        ],
      });
      const change = session.setValue(['items', 0, 'qty'], 0);
      expect(change.errors).toEqual([['items', 0, 'qty']]);
      expect(session.getErrors()).toEqual([
        { path: 'items/0/qty', code: 'min', message: '"Quantity" must be at least 1' },
      ]);
      // `customer` is missing too, but only validate() reports untouched fields
      expect(session.getErrors('customer')).toEqual([]);
      expect(session.validate().map((e) => e.path)).toEqual(['customer', 'items/0/qty']);
      session.setValue('customer', 'ACME');
      expect(session.getErrors().map((e) => e.path)).toEqual(['items/0/qty']);
    });

    it('moves errors with their rows', () => {
      const session = orderSession({
        customer: 'ACME',
        items: [
          { sku: 'A', qty: 1, price: 1 },
          { sku: 'B', qty: 0, price: 1 },
          { sku: 'C', qty: 1, price: 1 },
        ],
      });
      session.validate();
      const change = session.removeRow('items', 0);
      expect(session.getErrors().map((e) => e.path)).toEqual(['items/0/qty']);
      expect(change.errors).toEqual(
        expect.arrayContaining([
          ['items', 1, 'qty'],
          ['items', 0, 'qty'],
        ]),
      );
      session.insertRow('items', 0, { sku: 'D', qty: 1, price: 1 });
      expect(session.getErrors().map((e) => e.path)).toEqual(['items/1/qty']);
    });

    it('drops a required error once the rule that required the field turns false', () => {
      const session = orderSession({ ...validOrder(), isUrgent: true });
      expect(session.validate().map((e) => e.path)).toEqual(['reason']);
      const change = session.setValue('isUrgent', false);
      expect(change.errors).toContainEqual('reason');
      expect(session.getErrors()).toEqual([]);
    });
  });
});
