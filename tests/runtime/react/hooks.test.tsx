// @vitest-environment jsdom
import './support/dom.ts';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFormSession } from '../../../runtime/core/session/index.ts';
import {
  SessionStore,
  SessionStoreContext,
  useColumnTotal,
  useFieldErrors,
  useFieldState,
  useFieldValue,
  useTableRows,
} from '../../../runtime/react/index.ts';
import type { SessionPath } from '../../../runtime/core/session/index.ts';
import { demoOrderForm, threeItems } from './support/demo.ts';

afterEach(cleanup);

function setup(values: Record<string, unknown> = { taxRate: 0.13, items: threeItems }) {
  const compiled = demoOrderForm();
  const store = new SessionStore(createFormSession(compiled, { locale: 'en', values }), compiled);
  const renders = new Map<string, number>();
  const count = (name: string) => renders.set(name, (renders.get(name) ?? 0) + 1);
  function Value({ path, name }: { path: SessionPath; name: string }) {
    count(name);
    return <span data-testid={name}>{String(useFieldValue(path))}</span>;
  }
  function Errors({ path, name }: { path: SessionPath; name: string }) {
    count(name);
    return (
      <span data-testid={name}>
        {useFieldErrors(path)
          .map((e) => e.message)
          .join('|')}
      </span>
    );
  }
  function Rows() {
    count('rows');
    return <span data-testid="rows">{useTableRows('items').length}</span>;
  }
  function Total() {
    count('sum');
    return <span data-testid="sum">{useColumnTotal('items', 'amount', 'sum')}</span>;
  }
  function State() {
    count('state');
    return <span data-testid="state">{JSON.stringify(useFieldState('items.qty', 0))}</span>;
  }
  const view = render(
    <SessionStoreContext.Provider value={store}>
      <Value path={['items', 0, 'qty']} name="qty0" />
      <Value path={['items', 1, 'qty']} name="qty1" />
      <Value path={['items', 0, 'amount']} name="amount0" />
      <Value path={['items', 1, 'amount']} name="amount1" />
      <Value path="total" name="total" />
      <Value path="customer" name="customer" />
      <Errors path="customer" name="customerErrors" />
      <Rows />
      <Total />
      <State />
    </SessionStoreContext.Provider>,
  );
  return { ...view, store, renders };
}

describe('session hooks', () => {
  it('a keystroke re-renders only the cell, its computed dependents and the totals', () => {
    // given
    const { store, renders, getByTestId } = setup();
    const before = new Map(renders);
    // when
    act(() => void store.setValue(['items', 0, 'qty'], 3));
    // then
    const rerendered = [...renders]
      .filter(([name, n]) => n !== before.get(name))
      .map(([name]) => name)
      .sort();
    expect(rerendered).toEqual(['amount0', 'qty0', 'sum', 'total']);
    expect(getByTestId('amount0').textContent).toBe('30');
    expect(getByTestId('sum').textContent).toBe('44.95');
  });

  it('row inserts re-render the row list and the cells whose row moved, not the header', () => {
    const { store, renders, getByTestId } = setup();
    const before = new Map(renders);
    act(() => void store.insertRow('items', 0, { sku: 'NEW', qty: 5, price: 1 }));
    expect(getByTestId('rows').textContent).toBe('4');
    expect(getByTestId('qty0').textContent).toBe('5');
    expect(getByTestId('qty1').textContent).toBe('2');
    expect(renders.get('customer')).toBe(before.get('customer'));
    expect(renders.get('customerErrors')).toBe(before.get('customerErrors'));
  });

  it('returns the same error list until validate() changes it', () => {
    const { store, renders, getByTestId } = setup();
    act(() => void store.session.validate());
    expect(getByTestId('customerErrors').textContent).toBe('"客户名称" is required');
    const after = renders.get('customerErrors');
    act(() => void store.setValue(['items', 1, 'qty'], 4));
    expect(renders.get('customerErrors')).toBe(after);
    act(() => void store.setValue('customer', 'ACME'));
    expect(getByTestId('customerErrors').textContent).toBe('');
  });

  it('keeps column totals right through cell edits, inserts, removals and whole-table writes', () => {
    const { store, getByTestId } = setup();
    const sum = () => Number(getByTestId('sum').textContent);
    act(() => void store.setValue(['items', 2, 'qty'], 20)); // 20 + 4.95 + 20
    expect(sum()).toBe(44.95);
    act(() => void store.insertRow('items', 1, { qty: 1, price: 100 }));
    expect(sum()).toBe(144.95);
    act(() => void store.removeRow('items', 0));
    expect(sum()).toBe(124.95);
    act(() => store.replaceRows('items', [{ qty: 2, price: 3 }]));
    expect(sum()).toBe(6);
  });

  it('keeps stable row ids across moves (React keys and drag ids)', () => {
    const { store } = setup();
    const ids = [...store.getRowIds('items')];
    act(() => void store.moveRow('items', 0, 2));
    expect(store.getRowIds('items')).toEqual([ids[1], ids[2], ids[0]]);
    act(() => void store.removeRow('items', 1));
    expect(store.getRowIds('items')).toEqual([ids[1], ids[0]]);
  });
});
