import { describe, expect, it } from 'vitest';
import { compileForm, createFormSession } from '../../../runtime/core/index.ts';
import { orderSession, validOrder } from './fixtures.ts';

describe('FormSession rules', () => {
  describe('visibility', () => {
    it('hides a field whose rule is false and drops it from the submission', () => {
      const session = orderSession({ ...validOrder(), vipDiscount: 0.2 });
      expect(session.getFieldState('vipDiscount').isVisible).toBe(false);
      expect(session.toSubmission()).not.toHaveProperty('vipDiscount');
      session.setValue('customerType', 'vip');
      expect(session.getFieldState('vipDiscount').isVisible).toBe(true);
      expect(session.toSubmission().vipDiscount).toBe(0.2);
    });

    it('treats a hidden input as blank in formulas, and restores it when shown again', () => {
      const session = orderSession({ ...validOrder(), customerType: 'vip', vipDiscount: 0.2 });
      expect(session.getValue('total')).toBe(19.6);
      session.setValue('customerType', 'regular');
      expect(session.getValue('total')).toBe(24.5);
      expect(session.getValue('vipDiscount')).toBe(0.2); // kept for the user, not stored
      session.setValue('customerType', 'vip');
      expect(session.getValue('total')).toBe(19.6);
    });

    it('hides every field inside a hidden section', () => {
      const session = orderSession({ ...validOrder(), carrier: 'SF' });
      expect(session.getFieldState('shipping').isVisible).toBe(false);
      expect(session.getFieldState('carrier').isVisible).toBe(false);
      expect(session.toSubmission()).not.toHaveProperty('carrier');
      session.setValue('isUrgent', true);
      expect(session.getFieldState('carrier').isVisible).toBe(true);
      expect(session.toSubmission().carrier).toBe('SF');
    });

    it('hides a table column row by row and drops only the hidden cells', () => {
      const session = orderSession({
        customer: 'ACME',
        items: [
          { sku: 'A', qty: 20, price: 1, note: 'bulk' },
          { sku: 'B', qty: 2, price: 1, note: 'dropped' },
        ],
      });
      expect(session.getFieldState('items.note', 0).isVisible).toBe(true);
      expect(session.getFieldState('items.note', 1).isVisible).toBe(false);
      expect(session.getFieldState('items.note').isVisible).toBe(true); // visible in some row
      const rows = session.toSubmission().items as Record<string, unknown>[];
      expect(rows[0].note).toBe('bulk');
      expect(rows[1]).not.toHaveProperty('note');
    });

    it('does not validate hidden fields', () => {
      const session = orderSession({
        ...validOrder(),
        vipDiscount: 5,
        items: [{ sku: 'A', qty: 2, price: 1, note: 'x'.repeat(600) }],
      });
      expect(session.validate()).toEqual([]);
      session.setValue('customerType', 'vip');
      expect(session.validate().map((e) => e.path)).toEqual(['vipDiscount']);
    });

    it('settles rules that depend on fields they hide instead of looping', () => {
      const compiled = compileForm({
        schemaVersion: 1,
        settings: { title: 'Loop', indexedFields: [] },
        fields: [
          { key: 'a', type: 'number', label: 'A', visibleIf: 'a < 5' },
          { key: 'b', type: 'number', label: 'B', formula: 'a + 1' },
        ],
      });
      const session = createFormSession(compiled, { locale: 'en', values: { a: 10 } });
      expect(() => session.setValue('a', 1)).not.toThrow();
      expect(() => session.validate()).not.toThrow();
    });
  });

  describe('required-if', () => {
    it('makes a field required while its rule is true', () => {
      const session = orderSession();
      expect(session.getFieldState('reason').isRequired).toBe(false);
      expect(session.validate()).toEqual([]);
      session.setValue('isUrgent', true);
      expect(session.getFieldState('reason').isRequired).toBe(true);
      expect(session.validate()).toEqual([
        { path: 'reason', code: 'required', message: '"Reason" is required' },
      ]);
      session.setValue('reason', 'customer waits');
      expect(session.validate()).toEqual([]);
    });

    it('evaluates a column rule per row', () => {
      const session = orderSession({
        customer: 'ACME',
        items: [
          { sku: 'A', qty: 200, price: 1 },
          { sku: 'B', qty: 20, price: 1 },
        ],
      });
      expect(session.getFieldState('items.note', 0).isRequired).toBe(true);
      expect(session.getFieldState('items.note', 1).isRequired).toBe(false);
      expect(session.validate()).toEqual([
        { path: 'items/0/note', code: 'required', message: '"Note" is required' },
      ]);
    });
  });

  describe('read-only-if', () => {
    it('makes a field read-only while its rule is true', () => {
      const session = orderSession();
      expect(session.getFieldState('reason').isReadOnly).toBe(false);
      session.setValue(['items', 0, 'price'], 6000);
      expect(session.getFieldState('reason').isReadOnly).toBe(true);
    });

    it('reports computed and serial fields as read-only and never required', () => {
      const session = orderSession();
      expect(session.getFieldState('total')).toEqual({
        isVisible: true,
        isRequired: false,
        isReadOnly: true,
        isComputed: true,
      });
      expect(session.getFieldState('orderNo')).toMatchObject({
        isReadOnly: true,
        isRequired: false,
        isComputed: false,
      });
      expect(session.getFieldState('customer')).toEqual({
        isVisible: true,
        isRequired: true,
        isReadOnly: false,
        isComputed: false,
      });
    });
  });
});
