const EDITABLE =
  'input:not([type=hidden]):not([readonly]), textarea:not([readonly]), [tabindex]:not([tabindex="-1"])';

/**
 * Focuses the cell (row, column) of a grid; when the row is not rendered yet (virtualized)
 * scrolls to it first and focuses on the next frames.
 */
export function moveFocus(input: {
  root: HTMLElement;
  row: number;
  column: number;
  scrollToRow: (row: number) => void;
}): void {
  const { root, row, column, scrollToRow } = input;
  const find = () => root.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
  const focus = (cell: HTMLElement) => {
    const target =
      cell.querySelector<HTMLElement>(EDITABLE) ?? cell.querySelector<HTMLElement>('input, textarea');
    target?.focus({ preventScroll: false });
    if (target instanceof HTMLInputElement && typeof target.select === 'function') target.select();
  };
  const now = find();
  if (now) {
    focus(now);
    return;
  }
  scrollToRow(row);
  let tries = 0;
  const retry = () => {
    const cell = find();
    if (cell) focus(cell);
    else if (tries++ < 5) requestAnimationFrame(retry);
  };
  requestAnimationFrame(retry);
}
