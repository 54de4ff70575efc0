import { describe, expect, it, vi } from 'vitest';
import { orderSession, sortedPaths, validOrder } from './fixtures.ts';

describe('FormSession change sets', () => {
  it('reports only the edited path for a field nothing depends on', () => {
    const session = orderSession();
    expect(session.setValue('customer', 'Globex')).toEqual({
      values: ['customer'],
      rules: [],
      errors: [],
      tables: [],
    });
  });

  it('reports a cell, its row formula and exactly the aggregates and header formulas that changed', () => {
    const session = orderSession();
    const change = session.setValue(['items', 1, 'price'], 2);
    expect(sortedPaths(change.values)).toEqual([
      'items/1/amount',
      'items/1/price',
      'perItem',
      'subtotal',
      'total',
    ]);
    expect(change).toMatchObject({ rules: [], errors: [], tables: [] });
  });

  it('reports nothing when the value does not change', () => {
    const session = orderSession();
    const listener = vi.fn();
    session.subscribe(listener);
    expect(session.setValue('customer', 'ACME')).toEqual({ values: [], rules: [], errors: [], tables: [] });
    expect(session.setValue(['items', 0, 'qty'], 2).values).toEqual([]);
    expect(listener).not.toHaveBeenCalled();
  });

  it('reports a rule only when its boolean flips', () => {
    const session = orderSession();
    expect(session.setValue('customerType', 'vip').rules).toEqual(['vipDiscount']);
    session.setValue('vipDiscount', 0.1);
    // total changes but the rule on `reason` (total > 10000) stays false
    expect(session.setValue('vipDiscount', 0.2).rules).toEqual([]);
  });

  it('reports the fields inside a section whose visibility flips, and rules flipped by the same edit', () => {
    const session = orderSession();
    const change = session.setValue('isUrgent', true);
    expect([...change.rules].sort()).toEqual(['carrier', 'reason', 'shipping']);
  });

  it('reports a column rule flip by column name', () => {
    const session = orderSession();
    const change = session.setValue(['items', 0, 'qty'], 50);
    expect(change.rules).toEqual(['items.note']);
  });

  it('reports the table on row operations', () => {
    const session = orderSession();
    expect(session.insertRow('items').tables).toEqual(['items']);
    expect(session.moveRow('items', 2, 0).tables).toEqual(['items']);
    expect(session.removeRow('items', 0).tables).toEqual(['items']);
    expect(session.moveRow('items', 1, 1)).toEqual({ values: [], rules: [], errors: [], tables: [] });
  });

  describe('#subscribe', () => {
    it('calls listeners with the change after each mutation until unsubscribed', () => {
      const session = orderSession();
      const listener = vi.fn();
      const unsubscribe = session.subscribe(listener);
      const change = session.setValue(['items', 0, 'qty'], 3);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener).toHaveBeenCalledWith(change);
      session.insertRow('items');
      expect(listener).toHaveBeenCalledTimes(2);
      unsubscribe();
      session.setValue('customer', 'Other');
      expect(listener).toHaveBeenCalledTimes(2);
    });

    it('tells listeners which errors changed after validate()', () => {
      const session = orderSession({ ...validOrder(), customer: '' });
      const listener = vi.fn();
      session.subscribe(listener);
      session.validate();
      expect(listener).toHaveBeenCalledWith({ values: [], rules: [], errors: ['customer'], tables: [] });
      session.validate();
      expect(listener).toHaveBeenCalledTimes(1);
    });
  });

  it('keeps a keystroke proportional to what changed, not to the size of the form', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ sku: `S-${i}`, qty: 1 + (i % 7), price: 1.25 }));
    const session = orderSession({ customer: 'ACME', items: rows });
    const time = (run: () => void) => {
      const start = performance.now();
      run();
      return performance.now() - start;
    };
    const fullValidate = Math.min(...[1, 2, 3].map(() => time(() => session.validate())));
    const edits = Array.from({ length: 200 }, (_, i) =>
      time(() => session.setValue(['items', (i * 37) % 2000, 'sku'], `X-${i}`)),
    );
    const median = edits.sort((a, b) => a - b)[100];
    expect(median).toBeLessThan(fullValidate / 5);
    expect(median).toBeLessThan(2);
  });
});
