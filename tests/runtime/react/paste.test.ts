import { describe, expect, it } from 'vitest';
import { createFormSession } from '../../../runtime/core/session/index.ts';
import { coerceCell, parseTsv, pasteBlock, SessionStore } from '../../../runtime/react/index.ts';
import { demoOrderForm } from './support/demo.ts';

describe('parseTsv', () => {
  it('splits an Excel block on tabs and CRLF and drops the trailing line break', () => {
    expect(parseTsv('A-1\t2\t10\r\nA-2\t3\t5.5\r\n')).toEqual([
      ['A-1', '2', '10'],
      ['A-2', '3', '5.5'],
    ]);
  });

  it('reads quoted cells with tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('"a\tb"\t"line1\nline2"\t"say ""hi"""\nx\ty\tz')).toEqual([
      ['a\tb', 'line1\nline2', 'say "hi"'],
      ['x', 'y', 'z'],
    ]);
  });

  it('keeps empty cells', () => {
    expect(parseTsv('a\t\tc\n\t\t')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });
});

describe('coerceCell', () => {
  const compiled = demoOrderForm();
  it('reads numbers with grouping and currency, percent with or without %', () => {
    expect(coerceCell(compiled.fields['items.price'], '¥1,234.50')).toBe(1234.5);
    expect(coerceCell(compiled.fields['items.discount'], '12.5%')).toBe(0.125);
    expect(coerceCell(compiled.fields['items.discount'], '10')).toBe(0.1);
    expect(coerceCell(compiled.fields['items.qty'], 'abc')).toBeUndefined();
    expect(coerceCell(compiled.fields['items.qty'], '  ')).toBeNull();
  });

  it('matches select options by value or label and normalizes dates', () => {
    expect(coerceCell(compiled.fields.paymentTerms, '月结30天')).toBe('net30');
    expect(coerceCell(compiled.fields.paymentTerms, 'cod')).toBe('cod');
    expect(coerceCell(compiled.fields.paymentTerms, 'nope')).toBeUndefined();
    expect(coerceCell(compiled.fields.orderDate, '2024/1/5')).toBe('2024-01-05');
  });
});

describe('pasteBlock', () => {
  it('fills cells from the pasted cell rightwards, skips computed columns and adds rows', () => {
    // given one row and a block of 500 rows pasted into its sku cell
    const compiled = demoOrderForm();
    const store = new SessionStore(
      createFormSession(compiled, { locale: 'en', values: { items: [{ sku: 'OLD' }] } }),
      compiled,
    );
    const text = Array.from({ length: 500 }, (_, i) => `S${i}\tPart ${i}\t${i + 1}\t2\t0`).join('\r\n');
    // when
    const written = pasteBlock({ store, table: 'items', row: 0, column: 0, cells: parseTsv(text) });
    // then
    expect(written).toBe(500);
    expect(store.session.rowCount('items')).toBe(500);
    expect(store.session.getValue(['items', 499, 'sku'])).toBe('S499');
    expect(store.session.getValue(['items', 499, 'amount'])).toBe(1000);
    expect(store.session.getValue('subtotal')).toBe(250500);
  });

  it('starts at a middle column and keeps the cells left of it', () => {
    const compiled = demoOrderForm();
    const store = new SessionStore(
      createFormSession(compiled, { locale: 'en', values: { items: [{ sku: 'A', qty: 1, price: 1 }] } }),
      compiled,
    );
    pasteBlock({ store, table: 'items', row: 0, column: 2, cells: [['4', '2.5']] });
    expect(store.session.getValue(['items', 0, 'sku'])).toBe('A');
    expect(store.session.getValue(['items', 0, 'amount'])).toBe(10);
  });
});
