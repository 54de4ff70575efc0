import type { CompiledField, TotalKind } from '../../core/index.ts';
import { displayValue } from '../format.ts';
import { useColumnTotal } from '../hooks.ts';
import { message } from '../messages.ts';
import { useRenderer } from '../widgets/types.ts';

/** The footer: each column's aggregate (sum / avg / count / min / max), recomputed only when that column changes. */
export function TotalsRow({
  table,
  columns,
  totals,
  template,
}: {
  table: string;
  columns: readonly CompiledField[];
  totals: Partial<Record<string, TotalKind>>;
  template: string;
}) {
  const { locale, isViewOnly } = useRenderer();
  return (
    <div className="fw-grid-total" style={{ gridTemplateColumns: template }} data-testid={`totals-${table}`}>
      {!isViewOnly && <div />}
      <div style={{ textAlign: 'left' }}>{message(locale, 'total')}</div>
      {columns.map((column) => {
        const kind = totals[column.key];
        return kind ? (
          <TotalCell key={column.key} table={table} column={column} kind={kind} />
        ) : (
          <div key={column.key} />
        );
      })}
      {!isViewOnly && <div />}
    </div>
  );
}

export function TotalCell({
  table,
  column,
  kind,
}: {
  table: string;
  column: CompiledField;
  kind: TotalKind;
}) {
  const { locale } = useRenderer();
  const value = useColumnTotal(table, column.key, kind);
  const text = value === null ? '' : kind === 'count' ? String(value) : displayValue(column, value, locale);
  return <div data-testid={`total-${table}-${column.key}`}>{text}</div>;
}
