import type { Unit } from './layout.ts';
import type { FieldPath } from './model.ts';

/** `key` for header fields and rules, `[table, row, key]` for cells and per-row rules. */
export function pathOf(unit: Unit, row: number): FieldPath {
  return unit.table ? [unit.table.key, row, unit.key] : unit.key;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads an own property only — `constructor` or `__proto__` in input never reach the prototype. */
export function readOwn(record: unknown, key: string): unknown {
  return isRecord(record) && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Defines an own enumerable property, even for a key like `__proto__` (plain assignment for the others: much faster). */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key in Object.prototype)
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
