// @vitest-environment jsdom
import './support/dom.ts';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormRenderer, SessionStore } from '../../../runtime/react/index.ts';
import { demoOrderForm, threeItems } from './support/demo.ts';
import { createFormSession } from '../../../runtime/core/session/index.ts';

afterEach(cleanup);

function renderDemo(values: Record<string, unknown> = {}, locale: 'en' | 'zh-CN' = 'en') {
  const compiled = demoOrderForm();
  const session = createFormSession(compiled, { locale, values });
  const store = new SessionStore(session, compiled);
  const view = render(<FormRenderer store={store} locale={locale} />);
  return { ...view, store, session };
}

const grandTotal = () => screen.getByTestId('field-total').querySelector('[data-value]')!.textContent;

describe('FormRenderer', () => {
  it('renders the demo order with its line items, totals and computed grand total', () => {
    renderDemo({ customer: 'ACME', taxRate: 0.13, items: threeItems });
    expect(screen.getByText('客户名称')).toBeTruthy();
    expect(document.querySelectorAll('[data-row]').length).toBe(3);
    // 20 + 4.95 + 10 = 34.95; tax 4.54; total 39.49
    expect(screen.getByTestId('total-items-amount').textContent).toBe('¥34.95');
    expect(grandTotal()).toBe('¥39.49');
  });

  it('a keystroke in a qty cell updates the row amount, the totals row and the grand total', () => {
    renderDemo({ taxRate: 0.13, items: threeItems });
    const qty = document.getElementById('fw-items-0-qty') as HTMLInputElement;
    act(() => {
      fireEvent.focus(qty);
      fireEvent.change(qty, { target: { value: '3' } });
    });
    expect(screen.getByTestId('total-items-qty').textContent).toBe('14');
    expect(screen.getByTestId('total-items-amount').textContent).toBe('¥44.95');
    expect(grandTotal()).toBe('¥50.79');
  });

  it('adds, duplicates and removes rows through the row store', () => {
    const { store } = renderDemo({ items: threeItems });
    act(() => {
      fireEvent.click(screen.getByTestId('add-row-items'));
    });
    expect(store.session.rowCount('items')).toBe(4);
    act(() => {
      store.duplicateRow('items', 0);
    });
    expect(store.session.getValue(['items', 1, 'sku'])).toBe('A-1');
    act(() => {
      store.removeRow('items', 1);
      store.moveRow('items', 0, 2);
    });
    expect(store.session.getValue(['items', 2, 'sku'])).toBe('A-1');
    expect(document.querySelectorAll('[data-row]').length).toBe(4);
  });

  it('shows validation messages inline with the field label, in the session language', () => {
    const { session } = renderDemo({ items: [{}] }, 'zh-CN');
    act(() => {
      session.validate();
    });
    const customer = screen.getByTestId('field-customer');
    expect(customer.textContent).toContain('“客户名称”为必填项');
    expect(document.querySelector('[data-path="items/0/qty"] .fw-cell-message')?.textContent).toContain(
      '数量',
    );
  });

  it('maps server 422 errors (items/1/qty) onto the same cell until it is edited', () => {
    const { store } = renderDemo({ items: threeItems });
    act(() =>
      store.setServerErrors([{ path: 'items/1/qty', code: 'min', message: '"数量" must be at least 1' }]),
    );
    const cell = () => document.querySelector('[data-path="items/1/qty"] .fw-cell-message');
    expect(cell()?.textContent).toBe('"数量" must be at least 1');
    const qty = document.getElementById('fw-items-1-qty') as HTMLInputElement;
    act(() => {
      fireEvent.focus(qty);
      fireEvent.change(qty, { target: { value: '4' } });
    });
    expect(cell()).toBeNull();
  });

  it('virtualizes rows beyond 50', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ sku: `S${i}`, qty: 1, price: 1 }));
    renderDemo({ items });
    expect(document.querySelectorAll('[data-row]').length).toBeLessThan(100);
    expect(screen.getByTestId('total-items-qty').textContent).toBe('500');
  });
});
