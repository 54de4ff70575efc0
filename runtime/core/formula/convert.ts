/**
 * Conversions at the engine's edges: field input (JSON from the UI or the
 * server) → Value, formula result → the field's type and precision, and
 * Value → JSON snapshot (dates as ISO text, errors as null).
 */
import {
  isoDateTimeToSerial,
  numberToText,
  parseNumberText,
  serialToISODate,
  serialToISODateTime,
  toBoolean,
  toText,
} from './functions/index.ts';
import type { FormulaFieldType } from './model.ts';
import { textTooLong } from './operators.ts';
import { round15, roundToPrecision } from './round.ts';
import { FormulaError } from './values.ts';
import type { Scalar, Value } from './values.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The JSON value a user or API supplied for a field → the Value formulas see.
 * Never throws; unreadable input stays text (arithmetic on it gives #VALUE!).
 * Datetimes with an offset are shown on the wall clock of `timeZone`.
 */
export function coerceInput(raw: unknown, type: FormulaFieldType, timeZone?: string): Value {
  if (raw === undefined || raw === null || raw === '') return null;
  switch (type) {
    case 'number':
    case 'money':
    case 'percent':
      if (typeof raw === 'string') return parseNumberText(raw) ?? raw;
      return scalarInput(raw);
    case 'boolean':
      if (typeof raw === 'string' || typeof raw === 'number') {
        const b = toBoolean(raw);
        return b instanceof FormulaError ? raw : b;
      }
      return scalarInput(raw);
    case 'date':
    case 'datetime': {
      if (typeof raw !== 'string') return scalarInput(raw);
      const serial = isoDateTimeToSerial(raw.trim(), timeZone);
      if (serial === null) return raw;
      return type === 'date' ? Math.floor(serial) : serial;
    }
    case 'text':
      return typeof raw === 'number' && Number.isFinite(raw) ? numberToText(raw) : scalarInput(raw);
    case 'multiselect':
      if (!Array.isArray(raw)) return [scalarInput(raw)];
      return raw.map(scalarInput);
    case 'other':
      return Array.isArray(raw) ? raw.map(scalarInput) : scalarInput(raw);
    default:
      return scalarInput(raw);
  }
}

/** A formula's raw result → the field's type: numbers rounded (15 digits, then precision), text capped. */
export function finalizeResult(
  v: Value,
  type: FormulaFieldType,
  precision: number | undefined,
  maxText: number,
): Value {
  if (v instanceof FormulaError) return v;
  if (Array.isArray(v)) {
    if (type === 'multiselect' || type === 'other')
      return v.map((item) => (Array.isArray(item) ? null : item));
    return new FormulaError('#VALUE!', 'the result is a list of values; use an aggregate such as SUM(…)');
  }
  switch (type) {
    case 'number':
    case 'money':
    case 'percent': {
      if (v === null) return null;
      const n = typeof v === 'string' ? (parseNumberText(v) ?? v) : typeof v === 'boolean' ? Number(v) : v;
      if (typeof n !== 'number')
        return new FormulaError('#VALUE!', `text ${JSON.stringify(n)} is not a number`);
      if (precision === undefined) return round15(n);
      return roundToPrecision(n, type === 'percent' ? precision + 2 : precision);
    }
    case 'boolean':
      return v === null ? null : toBoolean(v);
    case 'date':
    case 'datetime': {
      if (v === null) return null;
      const serial = typeof v === 'number' ? round15(v) : typeof v === 'string' ? parseNumberText(v) : null;
      if (serial === null) return new FormulaError('#VALUE!', `${JSON.stringify(v)} is not a date`);
      if (serialToISODateTime(serial) === null) return new FormulaError('#NUM!', 'date out of range');
      return type === 'date' ? Math.floor(serial) : serial;
    }
    case 'text':
    case 'select': {
      if (v === null) return null;
      const text = toText(v);
      return typeof text === 'string' && text.length > maxText ? textTooLong(maxText) : text;
    }
    case 'multiselect':
      return v === null ? null : [v];
    default:
      return typeof v === 'number' ? round15(v) : v;
  }
}

/** Value → JSON for snapshots; error values become null (see getErrors). */
export function toJson(v: Value | undefined, type: FormulaFieldType): JsonValue {
  if (v === undefined || v === null || v instanceof FormulaError) return null;
  if (Array.isArray(v)) return v.map((item) => toJson(item, 'other'));
  if (typeof v === 'number') {
    if (type === 'date') return serialToISODate(v);
    if (type === 'datetime') return serialToISODateTime(v);
  }
  return v;
}

function scalarInput(raw: unknown): Scalar {
  switch (typeof raw) {
    case 'number':
      return Number.isFinite(raw) ? raw : new FormulaError('#NUM!', 'not a finite number');
    case 'string':
    case 'boolean':
      return raw;
    default:
      return raw === null || raw === undefined ? null : new FormulaError('#VALUE!', 'unsupported value');
  }
}
