import { HolderOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { CompiledField } from '../../core/index.ts';
import { message } from '../messages.ts';
import { useRenderer } from '../widgets/types.ts';
import { RowActions } from './RowActions.tsx';
import { TableCell } from './TableCell.tsx';

export interface TableRowProps {
  table: string;
  row: number;
  rowId: number;
  columns: readonly CompiledField[];
  template: string;
  canAdd: boolean;
  canRemove: boolean;
  onScanEnter: (row: number, columnIndex: number) => void;
  /** absolute position inside a virtualized body */
  offset?: number;
  measure?: (element: HTMLElement | null) => void;
}

/** One grid row: drag handle, row number, cells, actions. Re-renders on structure changes only. */
export const TableRow = memo(function TableRow(props: TableRowProps) {
  const { table, row, rowId, columns, template, canAdd, canRemove, onScanEnter, offset, measure } = props;
  const { locale, isViewOnly } = useRenderer();
  const sortable = useSortable({ id: rowId, disabled: isViewOnly });
  const style: CSSProperties = {
    gridTemplateColumns: template,
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
    ...(offset !== undefined
      ? { position: 'absolute', top: 0, left: 0, right: 0, translate: `0 ${offset}px` }
      : {}),
    ...(sortable.isDragging ? { zIndex: 2, boxShadow: '0 4px 12px rgba(0,0,0,0.15)' } : {}),
  };
  return (
    <div
      ref={(element) => {
        sortable.setNodeRef(element);
        measure?.(element);
      }}
      data-index={row}
      data-row={row}
      className="fw-grid-row"
      role="row"
      style={style}
    >
      {!isViewOnly && (
        <div
          className="fw-row-lead fw-drag"
          aria-label={message(locale, 'dragRow')}
          {...sortable.attributes}
          {...sortable.listeners}
        >
          <HolderOutlined />
        </div>
      )}
      <div className="fw-row-lead">{row + 1}</div>
      {columns.map((column, index) => (
        <TableCell
          key={column.key}
          table={table}
          row={row}
          column={column}
          columnIndex={index}
          onScanEnter={onScanEnter}
        />
      ))}
      {!isViewOnly && (
        <div className="fw-row-lead">
          <RowActions table={table} row={row} canAdd={canAdd} canRemove={canRemove} />
        </div>
      )}
    </div>
  );
});
