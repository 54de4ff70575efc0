import { PlusOutlined } from '@ant-design/icons';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Flex, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import type { TableField } from '../../core/index.ts';
import { useFieldErrors, useSessionStore, useTableRows } from '../hooks.ts';
import { message } from '../messages.ts';
import { useRenderer } from '../widgets/types.ts';
import { gridTemplate } from './columns.ts';
import { measureRow } from './measure-row.ts';
import { moveFocus } from './navigation.ts';
import { parseTsv } from './paste.ts';
import { pasteBlock } from './paste-rows.ts';
import { RowCards } from './RowCards.tsx';
import { TableRow } from './TableRow.tsx';
import { TotalsRow } from './TotalsRow.tsx';

/** Beyond this many rows only the rows in view are in the DOM. */
export const VIRTUALIZE_FROM = 50;
const ROW_ESTIMATE = 41;
const BODY_MAX_HEIGHT = 560;

/** Line items: editable grid (cards on a phone) with row actions, drag reorder, paste, keyboard moves and totals. */
export function LineItemTable({ name }: { name: string }) {
  const store = useSessionStore();
  const { locale, isNarrow, isViewOnly } = useRenderer();
  const field = store.field(name) as unknown as TableField & { name: string };
  const columns = useMemo(() => store.columns(name), [store, name]);
  const rowIds = useTableRows(name);
  const tableErrors = useFieldErrors(name);
  const count = rowIds.length;
  const maxRows = field.maxRows ?? 1000;
  const canAdd = !isViewOnly && count < maxRows;
  const canRemove = !isViewOnly && count > (field.minRows ?? 0);
  const root = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const isVirtual = count > VIRTUALIZE_FROM;
  const virtualizer = useVirtualizer({
    count: isVirtual ? count : 0,
    getScrollElement: () => body.current,
    estimateSize: () => (isNarrow ? 64 + columns.length * 58 : ROW_ESTIMATE),
    overscan: 6,
    measureElement: measureRow,
    getItemKey: (index) => rowIds[index] ?? index,
  });
  const scrollToRow = useCallback(
    (row: number) => virtualizer.scrollToIndex(row, { align: 'center' }),
    [virtualizer],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = rowIds.indexOf(Number(active.id));
    const to = rowIds.indexOf(Number(over.id));
    if (from >= 0 && to >= 0) store.moveRow(name, from, to);
  };

  const onScanEnter = useCallback(
    (row: number, columnIndex: number) => {
      if (row + 1 >= store.session.rowCount(name) && store.session.rowCount(name) < maxRows) {
        flushSync(() => void store.insertRow(name, row + 1)); // the new row's cell must exist to take focus
      }
      if (root.current) moveFocus({ root: root.current, row: row + 1, column: columnIndex, scrollToRow });
    },
    [store, name, maxRows, scrollToRow],
  );

  // errors in rows that are not rendered: scroll there first, then the form focuses the cell
  useEffect(
    () =>
      store.channels.subscribe('reveal', () => {
        const target = store.revealTarget;
        if (!target?.startsWith(`${name}/`)) return;
        const row = Number(target.split('/')[1]);
        if (Number.isInteger(row) && isVirtual) scrollToRow(row);
      }),
    [store, name, isVirtual, scrollToRow],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-cell]');
    if (!cell || !root.current || event.nativeEvent.isComposing) return;
    if (target.closest('.ant-select, .ant-picker') && ['Enter', 'ArrowUp', 'ArrowDown'].includes(event.key))
      return;
    const [row, column] = cell.dataset.cell!.split(':').map(Number);
    const input = target as HTMLInputElement;
    const caretAtStart =
      typeof input.selectionStart === 'number'
        ? input.selectionStart === 0 && input.selectionEnd === 0
        : true;
    const caretAtEnd =
      typeof input.selectionEnd === 'number' ? input.selectionEnd === (input.value ?? '').length : true;
    const isTextarea = target.tagName === 'TEXTAREA';
    let next: [number, number] | null = null;
    if (event.key === 'Enter' && !isTextarea) next = [event.shiftKey ? row - 1 : row + 1, column];
    else if (event.key === 'ArrowDown' && !isTextarea) next = [row + 1, column];
    else if (event.key === 'ArrowUp' && !isTextarea) next = [row - 1, column];
    else if (event.key === 'ArrowRight' && caretAtEnd) next = [row, column + 1];
    else if (event.key === 'ArrowLeft' && caretAtStart) next = [row, column - 1];
    if (!next) return;
    const [r, c] = next;
    if (r < 0 || r >= count || c < 0 || c >= columns.length) return;
    event.preventDefault();
    moveFocus({ root: root.current, row: r, column: c, scrollToRow });
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (isViewOnly) return;
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // one value: the input takes it
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell) return;
    event.preventDefault();
    const [row, column] = cell.dataset.cell!.split(':').map(Number);
    pasteBlock({ store, table: name, row, column, cells: parseTsv(text) });
  };

  const { template, minWidth } = gridTemplate(columns, isViewOnly);
  const rowProps = (index: number) => ({
    table: name,
    row: index,
    rowId: rowIds[index],
    columns,
    template,
    canAdd,
    canRemove,
    onScanEnter,
  });
  const items = isVirtual ? virtualizer.getVirtualItems() : null;

  return (
    <div
      ref={root}
      data-fw-table={name}
      data-path={name}
      data-testid={`table-${name}`}
      style={{ marginBottom: 16 }}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
    >
      <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{field.label}</Typography.Text>
        <Typography.Text type="secondary" data-testid={`row-count-${name}`}>
          {message(locale, 'rows', { n: count })}
        </Typography.Text>
      </Flex>
      {field.description && <Typography.Paragraph type="secondary">{field.description}</Typography.Paragraph>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={rowIds as number[]} strategy={verticalListSortingStrategy}>
          {isNarrow ? (
            <RowCards
              table={name}
              columns={columns}
              rowIds={rowIds}
              canAdd={canAdd}
              canRemove={canRemove}
              onScanEnter={onScanEnter}
              bodyRef={body}
              virtualizer={isVirtual ? virtualizer : null}
            />
          ) : (
            <div style={{ overflowX: 'auto', border: '1px solid #f0f0f0', borderRadius: 8 }}>
              <div style={{ minWidth }} role="grid" aria-rowcount={count}>
                <div className="fw-grid-head" style={{ gridTemplateColumns: template }} role="row">
                  {!isViewOnly && <div />}
                  <div>#</div>
                  {columns.map((column) => (
                    <div key={column.key} role="columnheader" title={column.label}>
                      {column.required && !column.isComputed && !isViewOnly && (
                        <span style={{ color: '#ff4d4f' }}>* </span>
                      )}
                      {column.label}
                    </div>
                  ))}
                  {!isViewOnly && <div />}
                </div>
                {items ? (
                  <div
                    ref={body}
                    style={{ maxHeight: BODY_MAX_HEIGHT, overflowY: 'auto', overflowX: 'hidden' }}
                    data-testid={`table-body-${name}`}
                  >
                    <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                      {items.map((item) => (
                        <TableRow
                          key={item.key}
                          {...rowProps(item.index)}
                          offset={item.start}
                          measure={virtualizer.measureElement}
                        />
                      ))}
                    </div>
                  </div>
                ) : (
                  <div ref={body} data-testid={`table-body-${name}`}>
                    {rowIds.map((id, index) => (
                      <TableRow key={id} {...rowProps(index)} />
                    ))}
                  </div>
                )}
                {count === 0 && (
                  <Typography.Paragraph type="secondary" style={{ padding: 12, margin: 0 }}>
                    {message(locale, 'noRows')}
                  </Typography.Paragraph>
                )}
                {field.totals && (
                  <TotalsRow table={name} columns={columns} totals={field.totals} template={template} />
                )}
              </div>
            </div>
          )}
        </SortableContext>
      </DndContext>
      {tableErrors.length > 0 && (
        <Typography.Text type="danger" role="alert">
          {tableErrors[0].message}
        </Typography.Text>
      )}
      {!isViewOnly && (
        <Button
          icon={<PlusOutlined />}
          type="dashed"
          block={isNarrow}
          disabled={!canAdd}
          style={{ marginTop: 8 }}
          data-testid={`add-row-${name}`}
          onClick={() => {
            flushSync(() => void store.insertRow(name, count));
            if (root.current) moveFocus({ root: root.current, row: count, column: 0, scrollToRow });
          }}
        >
          {message(locale, 'addRow')}
        </Button>
      )}
    </div>
  );
}
