import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import type { CompiledField, UiSchema } from '../../core/index.ts';
import { useFieldErrors, useFieldState, useFieldValue, useSessionStore } from '../hooks.ts';
import { widgetFor } from '../widgets/registry.ts';
import { useRenderer } from '../widgets/types.ts';

interface TableCellProps {
  table: string;
  row: number;
  column: CompiledField;
  columnIndex: number;
  /** Enter in a scan cell: go to the same column of the next row */
  onScanEnter: (row: number, columnIndex: number) => void;
}

/** One cell: subscribes to its own value, rule state and errors only. */
export const TableCell = memo(function TableCell({
  table,
  row,
  column,
  columnIndex,
  onScanEnter,
}: TableCellProps) {
  const store = useSessionStore();
  const { isViewOnly } = useRenderer();
  const value = useFieldValue([table, row, column.key]);
  const errors = useFieldErrors([table, row, column.key]);
  const state = useFieldState(column.name, row);
  const ui = (store.compiled.uiSchema[table] as UiSchema | undefined)?.items as UiSchema | undefined;
  const Widget = widgetFor(column, ui?.[column.key] as UiSchema | undefined, isViewOnly);
  const hasError = errors.length > 0;
  return (
    <div
      data-cell={`${row}:${columnIndex}`}
      data-path={`${table}/${row}/${column.key}`}
      className={hasError ? 'fw-cell fw-cell-error' : 'fw-cell'}
    >
      {state.isVisible && (
        <Widget
          id={`fw-${table}-${row}-${column.key}`}
          field={column}
          value={value}
          isCell
          isReadOnly={state.isReadOnly || isViewOnly}
          hasError={hasError}
          onChange={(next) => store.setValue([table, row, column.key], next)}
          onEnterKey={(_event: KeyboardEvent) => onScanEnter(row, columnIndex)}
        />
      )}
      {hasError && (
        <div className="fw-cell-message" role="alert">
          {errors[0].message}
        </div>
      )}
    </div>
  );
});
