// @vitest-environment jsdom
import './support/dom.ts';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileForm } from '../../../runtime/core/index.ts';
import type { FormDefinition } from '../../../runtime/core/index.ts';
import { createFormSession } from '../../../runtime/core/session/index.ts';
import { FormRenderer, readDraft, SessionStore, useDraftAutosave } from '../../../runtime/react/index.ts';
import type { RendererServices } from '../../../runtime/react/index.ts';
import { demoOrderForm, threeItems } from './support/demo.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderForm(
  input: {
    compiled?: ReturnType<typeof demoOrderForm>;
    values?: Record<string, unknown>;
    isNarrow?: boolean;
    isViewOnly?: boolean;
    services?: RendererServices;
  } = {},
) {
  const compiled = input.compiled ?? demoOrderForm();
  const store = new SessionStore(
    createFormSession(compiled, { locale: 'en', values: input.values ?? {} }),
    compiled,
  );
  render(
    <FormRenderer
      store={store}
      locale="en"
      isNarrow={input.isNarrow}
      isViewOnly={input.isViewOnly}
      services={input.services}
    />,
  );
  return store;
}

const input = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('NumberWidget', () => {
  it('shows grouping and fixed decimals, edits the raw number while focused', () => {
    const store = renderForm({ values: { items: [{ sku: 'A', qty: 1, price: 1234.5 }] } });
    const price = input('fw-items-0-price');
    expect(price.value).toBe('1,234.50');
    act(() => void fireEvent.focus(price));
    expect(price.value).toBe('1234.5');
    act(() => void fireEvent.change(price, { target: { value: '2000' } }));
    expect(store.session.getValue(['items', 0, 'price'])).toBe(2000);
    act(() => void fireEvent.blur(price));
    expect(price.value).toBe('2,000.00');
  });

  it('edits percent as ×100 and stores the fraction', () => {
    const store = renderForm({ values: { taxRate: 0.13 } });
    const rate = input('fw-taxRate');
    expect(rate.value).toBe('13.00');
    act(() => {
      fireEvent.focus(rate);
      fireEvent.change(rate, { target: { value: '6' } });
    });
    expect(store.session.getValue('taxRate')).toBe(0.06);
  });
});

describe('computed and serial fields', () => {
  it('render read-only, computed ones with their formula for the tooltip', () => {
    renderForm({ values: { items: threeItems, taxRate: 0.13 } });
    expect(document.querySelector('[data-computed="total"]')).toBeTruthy();
    expect(screen.getByTestId('field-total').querySelector('input')).toBeNull();
    expect(input('fw-orderNo').readOnly).toBe(true);
    expect(input('fw-orderNo').placeholder).toBe('Assigned when saved');
  });
});

describe('untrusted text', () => {
  it('renders labels, descriptions and options with HTML or markdown as characters', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const compiled = compileForm({
      schemaVersion: 1,
      settings: { title: 't', indexedFields: [] },
      fields: [
        { key: 'intro', type: 'description', label: 'i', content: '[x](javascript:alert(1))' },
        { key: 'name', type: 'text', label: hostile, description: '<iframe srcdoc="x">' },
        {
          key: 'kind',
          type: 'select',
          label: 'k',
          display: 'radio',
          options: [{ value: 'a', label: hostile }],
        },
      ],
    } as unknown as FormDefinition);
    renderForm({ compiled });
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('iframe')).toBeNull();
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(document.body.textContent).toContain(hostile);
    expect(document.body.textContent).toContain('[x](javascript:alert(1))');
  });
});

describe('line-item grid', () => {
  it('Enter moves to the same column of the next row, arrows move between cells', () => {
    renderForm({ values: { items: threeItems } });
    const qty0 = input('fw-items-0-qty');
    qty0.focus();
    act(() => void fireEvent.keyDown(qty0, { key: 'Enter' }));
    expect(document.activeElement).toBe(input('fw-items-1-qty'));
    act(() => void fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' }));
    expect(document.activeElement).toBe(qty0);
  });

  it('a scanner Enter in the sku column adds a row on the last row and moves there', () => {
    const store = renderForm({ values: { items: [{ sku: '' }] } });
    const sku = input('fw-items-0-sku');
    sku.focus();
    act(() => {
      fireEvent.change(sku, { target: { value: '6901234567892' } });
      fireEvent.keyDown(sku, { key: 'Enter' });
    });
    expect(store.session.rowCount('items')).toBe(2);
    expect(document.activeElement).toBe(input('fw-items-1-sku'));
  });

  it('pastes a tab-separated block into the grid', () => {
    const store = renderForm({ values: { items: [{}] } });
    const sku = input('fw-items-0-sku');
    act(() => {
      fireEvent.paste(sku, { clipboardData: { getData: () => 'A\tBolt\t2\t10\r\nB\tNut\t1\t5\r\n' } });
    });
    expect(store.session.rowCount('items')).toBe(2);
    expect(store.session.getValue('subtotal')).toBe(25);
    expect(input('fw-items-1-sku').value).toBe('B');
  });

  it('becomes one card per row on a narrow screen', () => {
    renderForm({ values: { items: threeItems }, isNarrow: true });
    expect(screen.getByText('Row 3')).toBeTruthy();
    expect(document.querySelector('[role="grid"]')).toBeNull();
  });

  it('has no row actions in a read-only render', () => {
    renderForm({ values: { items: threeItems }, isViewOnly: true });
    expect(screen.queryByTestId('add-row-items')).toBeNull();
    expect(document.getElementById('fw-items-0-sku')?.tagName).toBe('DIV');
    expect(document.getElementById('fw-items-1-discount')?.textContent).toBe('10.00%');
  });
});

describe('member picker', () => {
  it('names a stored user id through services.lookupUsers', async () => {
    const compiled = compileForm({
      schemaVersion: 1,
      settings: { title: 't', indexedFields: [] },
      fields: [{ key: 'owner', type: 'member', label: 'Owner' }],
    } as unknown as FormDefinition);
    const lookupUsers = vi.fn(async (ids: string[]) => ids.map((id) => ({ id, label: `User ${id}` })));
    renderForm({ compiled, values: { owner: 'u1' }, services: { lookupUsers } });
    await screen.findByText('User u1');
    expect(lookupUsers).toHaveBeenCalledWith(['u1']);
  });
});

describe('useDraftAutosave', () => {
  it('writes the input to localStorage every few seconds while it changes', () => {
    vi.useFakeTimers();
    const compiled = demoOrderForm();
    const store = new SessionStore(createFormSession(compiled, { locale: 'en' }), compiled);
    function Autosave() {
      useDraftAutosave({ store, key: 'test.form', intervalMs: 3000 });
      return null;
    }
    localStorage.clear();
    render(<Autosave />);
    store.setValue('customer', 'ACME');
    expect(readDraft('test.form')).toBeNull();
    act(() => void vi.advanceTimersByTime(3100));
    expect(readDraft('test.form')?.values.customer).toBe('ACME');
  });
});
