import type { CompiledField, CompiledForm } from '../../core/index.ts';
import type { JsonValue } from '../../core/formula/index.ts';
import type {
  FieldState,
  FormSession,
  SessionChange,
  SessionFieldError as FieldError,
  SessionPath,
} from '../../core/session/types.ts';
import { Channels } from './channels.ts';
import { pathKey } from './paths.ts';

/**
 * The observer between one FormSession and React: it subscribes to the session once and fans
 * each change out to per-path channels, so a hook only wakes when its own path, rule, error list
 * or table changed. Snapshots are cached per channel version, so `useSyncExternalStore` sees the
 * same reference until something really changed. No React in here (TanStack's query-core idea).
 */
export class SessionStore {
  readonly channels = new Channels();
  private readonly rowIds = new Map<string, number[]>();
  private nextRowId = 1;
  private serverErrors = new Map<string, FieldError[]>();
  private readonly valueCache = new Map<string, { version: number; value: JsonValue }>();
  private readonly errorCache = new Map<string, { version: number; value: FieldError[] }>();
  private readonly stateCache = new Map<string, { version: number; value: FieldState }>();
  private readonly columnCaches = new Map<string, { values: JsonValue[]; dirty: Set<number> | 'all' }>();
  private readonly unsubscribe: () => void;
  /** tables whose row ids this store is changing right now (so the change is not taken as foreign) */
  private ownRowChange: string | null = null;

  constructor(
    readonly session: FormSession,
    readonly compiled: CompiledForm,
  ) {
    this.unsubscribe = session.subscribe((change) => this.dispatch(change));
  }

  dispose(): void {
    this.unsubscribe();
  }

  field(name: string): CompiledField | undefined {
    return this.compiled.fields[name];
  }

  /** The columns of a table, in order. */
  columns(table: string): CompiledField[] {
    return Object.values(this.compiled.fields).filter((f) => f.tableKey === table);
  }

  // ---- reads (cached snapshots) -------------------------------------------------------------

  getValue(path: SessionPath): JsonValue {
    const key = pathKey(path);
    const version = this.channels.version(`v:${key}`) + this.tableEpoch(path);
    const cached = this.valueCache.get(key);
    if (cached && cached.version === version) return cached.value;
    const value = this.session.getValue(path);
    this.valueCache.set(key, { version, value });
    return value;
  }

  getErrors(path: SessionPath): FieldError[] {
    const key = pathKey(path);
    const version = this.channels.version(`e:${key}`) + this.tableEpoch(path);
    const cached = this.errorCache.get(key);
    if (cached && cached.version === version) return cached.value;
    const own = this.session.getErrors(path);
    const server = this.serverErrors.get(key) ?? [];
    const value =
      server.length === 0 ? own : [...own, ...server.filter((s) => !own.some((o) => o.code === s.code))];
    this.errorCache.set(key, { version, value: value.length === 0 ? NO_ERRORS : value });
    return this.errorCache.get(key)!.value;
  }

  getFieldState(key: string, row?: number): FieldState {
    const table = key.includes('.') ? key.slice(0, key.indexOf('.')) : null;
    const cacheKey = row === undefined ? key : `${key}#${row}`;
    const version =
      this.channels.version(`r:${key}`) + (table ? this.channels.version(`t:${table}`) * 1e6 : 0);
    const cached = this.stateCache.get(cacheKey);
    if (cached && cached.version === version) return cached.value;
    const value = this.readFieldState(key, row);
    const prev = cached?.value;
    const same =
      prev &&
      prev.isVisible === value.isVisible &&
      prev.isRequired === value.isRequired &&
      prev.isReadOnly === value.isReadOnly &&
      prev.isComputed === value.isComputed;
    this.stateCache.set(cacheKey, { version, value: same ? prev : value });
    return same ? prev : value;
  }

  private readFieldState(key: string, row?: number): FieldState {
    try {
      return this.session.getFieldState(key, row);
    } catch {
      // layout keys (sections, columns) may be unknown to a session without rules for them
      return DEFAULT_STATE;
    }
  }

  /**
   * A column's values by row, kept up to date incrementally: a cell change re-reads that cell
   * only, a row insert / remove / move or a whole-table write re-reads the column. Totals rows
   * aggregate this array instead of asking the session for every cell on every keystroke.
   */
  columnValues(table: string, column: string): readonly JsonValue[] {
    const key = `${table}.${column}`;
    let cache = this.columnCaches.get(key);
    if (!cache) {
      cache = { values: [], dirty: 'all' };
      this.columnCaches.set(key, cache);
    }
    if (cache.dirty === 'all') {
      const count = this.session.rowCount(table);
      cache.values = Array.from({ length: count }, (_, row) => this.session.getValue([table, row, column]));
    } else {
      for (const row of cache.dirty) {
        if (row < cache.values.length) cache.values[row] = this.session.getValue([table, row, column]);
      }
    }
    cache.dirty = new Set();
    return cache.values;
  }

  private markColumn(table: string, column: string | null, row: number | null): void {
    for (const [key, cache] of this.columnCaches) {
      if (!key.startsWith(`${table}.`) || (column !== null && key !== `${table}.${column}`)) continue;
      if (row === null) cache.dirty = 'all';
      else if (cache.dirty !== 'all') cache.dirty.add(row);
    }
  }

  /** Stable ids of a table's rows (React keys, drag ids); follows inserts, removals and moves. */
  getRowIds(table: string): readonly number[] {
    let ids = this.rowIds.get(table);
    const count = this.session.rowCount(table);
    if (!ids || ids.length !== count) {
      ids = Array.from({ length: count }, () => this.nextRowId++);
      this.rowIds.set(table, ids);
    }
    return ids;
  }

  // ---- writes --------------------------------------------------------------------------------

  setValue(path: SessionPath, value: unknown): SessionChange {
    return this.session.setValue(path, value);
  }

  insertRow(table: string, index: number, row?: Record<string, unknown>): SessionChange {
    return this.changeRows(
      table,
      (ids) => ids.splice(index, 0, this.nextRowId++),
      () => this.session.insertRow(table, index, row),
    );
  }

  removeRow(table: string, index: number): SessionChange {
    return this.changeRows(
      table,
      (ids) => ids.splice(index, 1),
      () => this.session.removeRow(table, index),
    );
  }

  moveRow(table: string, from: number, to: number): SessionChange {
    return this.changeRows(
      table,
      (ids) => ids.splice(to, 0, ...ids.splice(from, 1)),
      () => this.session.moveRow(table, from, to),
    );
  }

  /** Inserts a copy of a row's input values below it. */
  duplicateRow(table: string, index: number): SessionChange {
    const row: Record<string, unknown> = {};
    for (const column of this.columns(table)) {
      if (!column.isComputed) row[column.key] = this.session.getValue([table, index, column.key]);
    }
    return this.insertRow(table, index + 1, row);
  }

  /**
   * Replaces a table's rows in one write (paste, draft restore). Falls back to row-by-row
   * writes when the session does not take a whole table as one value.
   */
  replaceRows(table: string, rows: Record<string, unknown>[]): void {
    this.rowIds.delete(table);
    try {
      this.session.setValue(table, rows);
    } catch {
      // fall through to the check below
    }
    if (this.rowsMatch(table, rows)) return;
    this.channels.batch(() => {
      while (this.session.rowCount(table) > rows.length)
        this.session.removeRow(table, this.session.rowCount(table) - 1);
      while (this.session.rowCount(table) < rows.length)
        this.session.insertRow(table, this.session.rowCount(table));
      rows.forEach((row, index) => {
        for (const [key, value] of Object.entries(row)) this.session.setValue([table, index, key], value);
      });
    });
    this.rowIds.delete(table);
  }

  private rowsMatch(table: string, rows: Record<string, unknown>[]): boolean {
    if (this.session.rowCount(table) !== rows.length) return false;
    const last = rows.length - 1;
    if (last < 0) return true;
    return Object.entries(rows[last]).every(([key, value]) => {
      const stored = this.session.getValue([table, last, key]);
      return value === null || value === undefined
        ? stored === null
        : JSON.stringify(stored) === JSON.stringify(value);
    });
  }

  /** 422 answers: `errors[].path` (`items/3/qty`) shown on the same fields until edited. */
  setServerErrors(errors: readonly { path: string; code: string; message: string }[]): void {
    const before = [...this.serverErrors.keys()];
    this.serverErrors = new Map();
    for (const error of errors) {
      const list = this.serverErrors.get(error.path) ?? [];
      list.push(error as FieldError);
      this.serverErrors.set(error.path, list);
    }
    for (const key of new Set([...before, ...this.serverErrors.keys()])) this.channels.bump(`e:${key}`);
    this.channels.bump('errors');
  }

  /** The path a table should scroll to (its row may not be rendered: rows are virtualized). */
  revealTarget: string | null = null;

  requestReveal(key: string): void {
    this.revealTarget = key;
    this.channels.bump('reveal');
  }

  /** Every error shown now (session and server), in form order. */
  allErrors(): FieldError[] {
    const own = this.session.getErrors();
    const server = [...this.serverErrors.values()].flat().filter((s) => !own.some((o) => o.path === s.path));
    return [...own, ...server];
  }

  // ---- internals -----------------------------------------------------------------------------

  private changeRows(table: string, edit: (ids: number[]) => void, run: () => SessionChange): SessionChange {
    const ids = [...this.getRowIds(table)];
    edit(ids);
    this.rowIds.set(table, ids);
    this.ownRowChange = table;
    try {
      return run();
    } finally {
      this.ownRowChange = null;
    }
  }

  private tableEpoch(path: SessionPath): number {
    return typeof path === 'string' ? 0 : this.channels.version(`t:${path[0]}`) * 1e6;
  }

  private dispatch(change: SessionChange): void {
    const channels = this.channels;
    channels.batch(() => {
      for (const table of change.tables) {
        if (this.ownRowChange !== table) this.rowIds.delete(table);
        this.markColumn(table, null, null);
        channels.bump(`t:${table}`);
        for (const column of this.columns(table)) channels.bump(`c:${table}.${column.key}`);
        this.dropServerErrorsUnder(table);
      }
      for (const path of change.values) {
        const key = pathKey(path);
        channels.bump(`v:${key}`);
        if (typeof path !== 'string') {
          channels.bump(`c:${path[0]}.${path[2]}`);
          this.markColumn(path[0], path[2], path[1]);
        } else if (this.compiled.fields[path]?.type === 'table') {
          this.rowIds.delete(path);
          this.markColumn(path, null, null);
          channels.bump(`t:${path}`);
          for (const column of this.columns(path)) channels.bump(`c:${path}.${column.key}`);
        }
        if (this.serverErrors.delete(key)) channels.bump(`e:${key}`);
      }
      for (const key of change.rules) channels.bump(`r:${key}`);
      for (const path of change.errors) channels.bump(`e:${pathKey(path)}`);
      if (change.errors.length > 0) channels.bump('errors');
    });
  }

  private dropServerErrorsUnder(table: string): void {
    for (const key of [...this.serverErrors.keys()]) {
      if (key.startsWith(`${table}/`)) {
        this.serverErrors.delete(key);
        this.channels.bump(`e:${key}`);
      }
    }
  }
}

const NO_ERRORS: FieldError[] = [];
const DEFAULT_STATE: FieldState = {
  isVisible: true,
  isRequired: false,
  isReadOnly: false,
  isComputed: false,
};
