import type { SessionFieldError as FieldError } from '../core/session/types.ts';
import { focusPath } from './layout/focus.ts';
import type { SessionStore } from './store/session-store.ts';

/** Errors in the order a reader meets them: header fields in form order, table cells by row then column. */
export function sortErrors(store: SessionStore, errors: readonly FieldError[]): FieldError[] {
  const names = Object.keys(store.compiled.fields);
  const rank = (error: FieldError): [number, number, number] => {
    const [top, row, column] = error.path.split('/');
    const topIndex = names.indexOf(top);
    const columnIndex = column ? names.indexOf(`${top}.${column}`) : -1;
    return [topIndex < 0 ? names.length : topIndex, row ? Number(row) : -1, columnIndex];
  };
  return [...errors].sort((a, b) => {
    const [a1, a2, a3] = rank(a);
    const [b1, b2, b3] = rank(b);
    return a1 - b1 || a2 - b2 || a3 - b3;
  });
}

/**
 * Scrolls the first shown error into view and focuses its input. A cell in a virtualized table
 * may not be rendered: the table is asked to scroll there first, then the cell is focused.
 */
export function revealFirstError(store: SessionStore, root: ParentNode): FieldError | null {
  const [first] = sortErrors(store, store.allErrors());
  if (!first) return null;
  store.requestReveal(first.path);
  if (!focusPath(root, first.path)) {
    let tries = 0;
    const retry = () => {
      if (focusPath(root, first.path)) return;
      if (tries++ < 6) requestAnimationFrame(retry);
      else focusPath(root, first.path.split('/')[0]);
    };
    requestAnimationFrame(retry);
  }
  return first;
}
