import { HolderOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Virtualizer } from '@tanstack/react-virtual';
import { Card, Flex, Typography } from 'antd';
import { memo } from 'react';
import type { CSSProperties, RefObject } from 'react';
import type { CompiledField, TableField } from '../../core/index.ts';
import { useSessionStore } from '../hooks.ts';
import { message } from '../messages.ts';
import { useRenderer } from '../widgets/types.ts';
import { RowActions } from './RowActions.tsx';
import { TableCell } from './TableCell.tsx';
import { TotalCell } from './TotalsRow.tsx';

interface RowCardsProps {
  table: string;
  columns: readonly CompiledField[];
  rowIds: readonly number[];
  canAdd: boolean;
  canRemove: boolean;
  onScanEnter: (row: number, columnIndex: number) => void;
  bodyRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element> | null;
}

/** On a phone each row is a card with labelled fields; the totals follow as one more card. */
export function RowCards({
  table,
  columns,
  rowIds,
  canAdd,
  canRemove,
  onScanEnter,
  bodyRef,
  virtualizer,
}: RowCardsProps) {
  const store = useSessionStore();
  const { locale } = useRenderer();
  const field = store.field(table) as unknown as TableField;
  const shared = { table, columns, canAdd, canRemove, onScanEnter };
  const items = virtualizer?.getVirtualItems();
  return (
    <>
      {items ? (
        <div
          ref={bodyRef}
          style={{ maxHeight: '70vh', overflowY: 'auto' }}
          data-testid={`table-body-${table}`}
        >
          <div style={{ height: virtualizer!.getTotalSize(), position: 'relative' }}>
            {items.map((item) => (
              <RowCard
                key={item.key}
                {...shared}
                row={item.index}
                rowId={rowIds[item.index]}
                offset={item.start}
                measure={virtualizer!.measureElement}
              />
            ))}
          </div>
        </div>
      ) : (
        <div ref={bodyRef} data-testid={`table-body-${table}`}>
          {rowIds.map((id, index) => (
            <RowCard key={id} {...shared} row={index} rowId={id} />
          ))}
        </div>
      )}
      {field.totals && (
        <Card size="small" data-testid={`totals-${table}`} style={{ background: '#fafafa' }}>
          {columns
            .filter((c) => field.totals?.[c.key])
            .map((c) => (
              <Flex key={c.key} justify="space-between">
                <Typography.Text type="secondary">
                  {message(locale, 'total')} · {c.label}
                </Typography.Text>
                <Typography.Text strong>
                  <TotalCell table={table} column={c} kind={field.totals![c.key]!} />
                </Typography.Text>
              </Flex>
            ))}
        </Card>
      )}
    </>
  );
}

interface RowCardProps {
  table: string;
  row: number;
  rowId: number;
  columns: readonly CompiledField[];
  canAdd: boolean;
  canRemove: boolean;
  onScanEnter: (row: number, columnIndex: number) => void;
  offset?: number;
  measure?: (element: HTMLElement | null) => void;
}

const RowCard = memo(function RowCard({
  table,
  row,
  rowId,
  columns,
  canAdd,
  canRemove,
  onScanEnter,
  offset,
  measure,
}: RowCardProps) {
  const { locale, isViewOnly } = useRenderer();
  const sortable = useSortable({ id: rowId, disabled: isViewOnly });
  const style: CSSProperties = {
    marginBottom: 8,
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
    ...(offset !== undefined
      ? { position: 'absolute', top: 0, left: 0, right: 0, translate: `0 ${offset}px` }
      : {}),
  };
  return (
    <div
      ref={(element) => {
        sortable.setNodeRef(element);
        measure?.(element);
      }}
      data-index={row}
      data-row={row}
      style={style}
    >
      <Card
        size="small"
        title={
          <Flex align="center" gap={8}>
            {!isViewOnly && (
              <span
                className="fw-drag"
                aria-label={message(locale, 'dragRow')}
                {...sortable.attributes}
                {...sortable.listeners}
              >
                <HolderOutlined />
              </span>
            )}
            {message(locale, 'row', { n: row + 1 })}
          </Flex>
        }
        extra={!isViewOnly && <RowActions table={table} row={row} canAdd={canAdd} canRemove={canRemove} />}
        styles={{ body: { padding: 10 } }}
      >
        {columns.map((column, index) => (
          <div key={column.key} className="fw-card-field">
            <label htmlFor={`fw-${table}-${row}-${column.key}`}>
              {column.label}
              {column.required && !column.isComputed && !isViewOnly && (
                <span style={{ color: '#ff4d4f' }}> *</span>
              )}
            </label>
            <TableCell
              table={table}
              row={row}
              column={column}
              columnIndex={index}
              onScanEnter={onScanEnter}
            />
          </div>
        ))}
      </Card>
    </div>
  );
});
