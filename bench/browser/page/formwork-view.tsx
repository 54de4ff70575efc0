import { useEffect, useMemo } from 'react';
import { compileForm } from '../../../runtime/core/index.ts';
import type { FormDefinition } from '../../../runtime/core/index.ts';
import { createFormSession } from '../../../runtime/core/session/index.ts';
import { FormRenderer, SessionStore } from '../../../runtime/react/index.ts';
import salesOrder from '../../../templates/demo/sales-order.json';
import { benchRows } from './data.ts';

/** The demo order form rendered by Formwork with N line items. */
export function BenchView({ rows, onReady }: { rows: number; onReady: () => void }) {
  const store = useMemo(() => {
    performance.mark('bench:render-start');
    const compiled = compileForm(salesOrder as unknown as FormDefinition, { isPublished: true }); // as the workspace does
    performance.mark('bench:compiled');
    const session = createFormSession(compiled, {
      locale: 'en',
      values: { customer: 'Bench Co', orderDate: '2026-11-26', taxRate: 0.13, items: benchRows(rows) },
    });
    performance.mark('bench:session-ready');
    return new SessionStore(session, compiled);
  }, [rows]);
  useEffect(() => {
    const total = document.querySelector('[data-testid="field-total"] [data-value]');
    if (!total?.textContent) throw new Error('grand total not rendered');
    performance.mark('bench:committed');
    onReady();
  }, [onReady]);
  return (
    <div style={{ maxWidth: 1200, margin: '0 auto', padding: 16 }}>
      <FormRenderer store={store} locale="en" />
    </div>
  );
}
