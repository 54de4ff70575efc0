import { describe, expect, it, vi } from 'vitest';
import { compileForm, createFormSession, getFormProgram } from '../../../runtime/core/index.ts';
import { compiledOrder, orderForm, orderSession, validOrder } from './fixtures.ts';

describe('FormSession values', () => {
  describe('#setValue', () => {
    it('recomputes the row formula, the aggregate and the header formulas that depend on a cell', () => {
      // given
      const session = orderSession();
      // when
      session.setValue(['items', 1, 'qty'], 5);
      // then
      expect(session.getValue(['items', 1, 'amount'])).toBe(7.5);
      expect(session.getValue('subtotal')).toBe(27.5);
      expect(session.getValue('total')).toBe(27.5);
      expect(session.getValue('perItem')).toBe(3.93);
    });

    it('ignores writes to computed fields and reports nothing', () => {
      const session = orderSession();
      const listener = vi.fn();
      session.subscribe(listener);
      const change = session.setValue('total', 1);
      expect(change).toEqual({ values: [], rules: [], errors: [], tables: [] });
      expect(session.getValue('total')).toBe(24.5);
      expect(session.setValue(['items', 0, 'amount'], 99).values).toEqual([]);
      expect(listener).not.toHaveBeenCalled();
    });

    it('throws a RangeError for a field or row the form does not have', () => {
      const session = orderSession();
      expect(() => session.setValue('nope', 1)).toThrow(RangeError);
      expect(() => session.setValue(['items', 9, 'qty'], 1)).toThrow(RangeError);
      expect(() => session.setValue(['items', 0, 'nope'], 1)).toThrow(RangeError);
    });
  });

  describe('loading values', () => {
    it('ignores computed values supplied with the data, in the header and in rows', () => {
      const session = orderSession({
        ...validOrder(),
        total: 9999,
        subtotal: 1,
        items: [{ sku: 'A', qty: 2, price: 10, amount: 5 }],
      });
      expect(session.getValue('total')).toBe(20);
      expect(session.getValue(['items', 0, 'amount'])).toBe(20);
      expect(session.toSubmission().total).toBe(20);
    });

    it('applies default values to missing inputs, but keeps an explicit null', () => {
      const session = orderSession({ customer: 'ACME', isUrgent: null, items: [{ sku: 'A', price: 2 }] });
      expect(session.getValue('customerType')).toBe('regular');
      expect(session.getValue('isUrgent')).toBeNull();
      expect(session.getValue(['items', 0, 'qty'])).toBe(1);
      expect(session.getValue(['items', 0, 'amount'])).toBe(2);
    });

    it('round-trips values: numbers stay numbers, dates stay ISO text, attachments stay objects', () => {
      const files = [{ id: 'f1', name: 'po.pdf', size: 1200, type: 'application/pdf' }];
      const data = {
        ...validOrder(),
        files,
        isUrgent: true,
        reason: 'rush',
        carrier: 'SF',
        customerType: 'vip',
        vipDiscount: 0.1,
      };
      const submission = orderSession(data).toSubmission();
      expect(submission).toMatchObject({ ...data, total: 22.05, subtotal: 24.5 });
      expect(submission.orderDate).toBe('2024-11-26');
      expect(submission.files).toEqual(files);
      expect(JSON.parse(JSON.stringify(submission))).toEqual(submission);
    });

    it('never mutates the values it was given', () => {
      const data = validOrder();
      const before = structuredClone(data);
      const session = orderSession(data);
      session.setValue(['items', 0, 'qty'], 7);
      session.removeRow('items', 1);
      expect(data).toEqual(before);
    });

    it('keeps a key like __proto__ as data (reported as unknown), never as a prototype', () => {
      const values = JSON.parse(
        '{"customer": "x", "__proto__": {"isAdmin": true}, "items": [{"sku": "A", "qty": 1, "price": 1, "__proto__": {"x": 1}}]}',
      );
      const session = orderSession(values);
      const errors = session.validate();
      expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['__proto__', 'items/0/__proto__']));
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(Object.keys(session.toSubmission())).not.toContain('__proto__');
    });
  });

  describe('rows', () => {
    it('inserts a row with column defaults and recomputes aggregates', () => {
      const session = orderSession();
      const change = session.insertRow('items', 1, { sku: 'N', price: 4 });
      expect(session.rowCount('items')).toBe(3);
      expect(session.getValue(['items', 1, 'qty'])).toBe(1);
      expect(session.getValue(['items', 1, 'amount'])).toBe(4);
      expect(session.getValue(['items', 2, 'sku'])).toBe('B-2');
      expect(session.getValue('subtotal')).toBe(28.5);
      expect(change.tables).toEqual(['items']);
    });

    it('removes and moves rows, keeping inputs and computed cells together', () => {
      const session = orderSession();
      session.insertRow('items', undefined, { sku: 'C-3', qty: 1, price: 100 });
      session.moveRow('items', 2, 0);
      expect((session.getValue('items') as { sku: string }[]).map((row) => row.sku)).toEqual([
        'C-3',
        'A-1',
        'B-2',
      ]);
      expect(session.getValue(['items', 0, 'amount'])).toBe(100);
      session.removeRow('items', 1);
      expect(session.getValues().items).toEqual([
        { sku: 'C-3', qty: 1, price: 100, note: null, amount: 100 },
        { sku: 'B-2', qty: 3, price: 1.5, note: null, amount: 4.5 },
      ]);
      expect(session.getValue('subtotal')).toBe(104.5);
    });

    it('replaces every row with setValue(table, rows)', () => {
      const session = orderSession();
      const change = session.setValue('items', [{ sku: 'Z', qty: 4, price: 2.5 }]);
      expect(session.rowCount('items')).toBe(1);
      expect(session.getValue('subtotal')).toBe(10);
      expect(change.tables).toEqual(['items']);
      expect(change.values).toEqual(expect.arrayContaining(['items', 'subtotal', 'total']));
    });

    it('refuses a row index out of range without changing anything', () => {
      const session = orderSession();
      expect(() => session.removeRow('items', 5)).toThrow(RangeError);
      expect(() => session.insertRow('items', 7)).toThrow(RangeError);
      expect(() => session.insertRow('nope')).toThrow(RangeError);
      expect(session.rowCount('items')).toBe(2);
      expect(session.getValue('subtotal')).toBe(24.5);
    });
  });

  describe('computed datetimes', () => {
    it('stores a computed datetime as RFC 3339 with the offset of the time zone', () => {
      const compiled = compileForm({
        schemaVersion: 1,
        settings: { title: 'Due', indexedFields: [] },
        fields: [
          { key: 'start', type: 'date', label: 'Start' },
          { key: 'due', type: 'datetime', label: 'Due', formula: 'start + 1.5' },
        ],
      });
      const shanghai = createFormSession(compiled, {
        locale: 'en',
        values: { start: '2024-11-26' },
        context: { timeZone: 'Asia/Shanghai' },
      });
      expect(shanghai.getValue('due')).toBe('2024-11-27T12:00:00+08:00');
      expect(shanghai.validate()).toEqual([]);
      const newYork = createFormSession(compiled, {
        locale: 'en',
        values: { start: '2024-07-01' },
        context: { timeZone: 'America/New_York' },
      });
      expect(newYork.getValue('due')).toBe('2024-07-02T12:00:00-04:00');
    });
  });

  describe('getFormProgram', () => {
    it('compiles the formula program once per compiled form', () => {
      expect(getFormProgram(compiledOrder)).toBe(getFormProgram(compiledOrder));
      expect(getFormProgram(compiledOrder).ok).toBe(true);
      expect(getFormProgram(compileForm(orderForm()))).not.toBe(getFormProgram(compiledOrder));
    });
  });
});
