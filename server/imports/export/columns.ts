import type { CompiledField, CompiledForm } from '../../../runtime/core/index.ts';
import { BadRequest } from '../../errors/index.ts';
import type { Json, RecordDoc } from '../../store/types.ts';
import type { XCell } from './xlsx-writer.ts';
import { neutralize } from './neutralize.ts';

export type Plain = string | number | boolean | null;

export interface ExportColumn<S> {
  label: string;
  width: number;
  /** the value as a spreadsheet cell (dates as real dates, text neutralised) and as CSV (neutralised when written) */
  cell(source: S): { x: XCell; csv: Plain };
}

export interface Names {
  user(id: string): string;
  department(id: string): string;
}

export type Locale = 'en' | 'zh-CN';
const META = {
  en: { id: 'Record ID', status: 'Status', createdAt: 'Created at', updatedAt: 'Updated at', row: 'Row' },
  'zh-CN': { id: '记录ID', status: '状态', createdAt: '创建时间', updatedAt: '更新时间', row: '行号' },
};

const SKIP = new Set(['table', 'signature']);
const META_KEYS = new Set(['id', 'status', 'createdAt', 'updatedAt']);

/**
 * Columns of the main sheet: record id, every top-level value field by label, status and times —
 * or, with `pick`, the named ones in that order (the columns a user chose in the records list).
 */
export function recordColumns(input: {
  compiled: CompiledForm;
  names: Names;
  locale: Locale;
  pick?: readonly string[];
}): ExportColumn<RecordDoc>[] {
  const { compiled, names, locale, pick } = input;
  const t = META[locale];
  const fields = Object.values(compiled.fields).filter((f) => f.tableKey === null && !SKIP.has(f.type));
  const all: [string, ExportColumn<RecordDoc>][] = [
    ['id', metaColumn(t.id, 28, (r) => r.id)],
    ...fields.map((f): [string, ExportColumn<RecordDoc>] => [
      f.key,
      fieldColumn(f, names, (r: RecordDoc) => r.data),
    ]),
    ['status', metaColumn(t.status, 12, (r) => r.status)],
    ['createdAt', metaColumn(t.createdAt, 22, (r) => r.createdAt)],
    ['updatedAt', metaColumn(t.updatedAt, 22, (r) => r.updatedAt)],
  ];
  if (!pick) return all.map(([, column]) => column);
  const byKey = new Map(all);
  return checkColumnKeys(compiled, pick).map((key) => byKey.get(key)!);
}

/** The chosen main-sheet columns, or a BadRequest naming the first one the form cannot export. */
export function checkColumnKeys(compiled: CompiledForm, keys: readonly string[]): readonly string[] {
  for (const key of keys) {
    const field = Object.hasOwn(compiled.fields, key) ? compiled.fields[key] : undefined;
    const isField = field !== undefined && field.tableKey === null && !SKIP.has(field.type);
    if (!isField && !META_KEYS.has(key))
      throw new BadRequest(`"${key}" is not a column this form can export`, { column: key });
  }
  return keys;
}

/** Columns of a line-item sheet: the record id it belongs to, the row number, then the table's columns. */
export function itemColumns(
  compiled: CompiledForm,
  table: string,
  names: Names,
  locale: Locale,
): ExportColumn<ItemRow>[] {
  const t = META[locale];
  const columns = Object.values(compiled.fields).filter((f) => f.tableKey === table && !SKIP.has(f.type));
  return [
    { label: t.id, width: 28, cell: (item: ItemRow) => plain(item.recordId) },
    { label: t.row, width: 6, cell: (item: ItemRow) => ({ x: item.index + 1, csv: item.index + 1 }) },
    ...columns.map((f) => fieldColumn(f, names, (item: ItemRow) => item.data)),
  ];
}

export interface ItemRow {
  recordId: string;
  index: number;
  data: Record<string, Json>;
}

function metaColumn(label: string, width: number, read: (r: RecordDoc) => string): ExportColumn<RecordDoc> {
  return { label, width, cell: (r: RecordDoc) => plain(read(r)) };
}

function fieldColumn<S>(
  field: CompiledField,
  names: Names,
  dataOf: (source: S) => Record<string, Json>,
): ExportColumn<S> {
  const format = formatter(field, names);
  return {
    label: field.label,
    width: Math.min(Math.max(field.label.length * 2, 10), 40),
    cell: (source: S) => format(dataOf(source)[field.key]),
  };
}

const plain = (value: Plain): { x: XCell; csv: Plain } => {
  const safe = typeof value === 'string' ? neutralize(value) : value;
  return { x: safe, csv: value };
};

const EPOCH = Date.UTC(1899, 11, 30);

/** How one field's stored value reads in a sheet: labels for options, names for people, real dates. */
function formatter(
  field: CompiledField,
  names: Names,
): (value: Json | undefined) => { x: XCell; csv: Plain } {
  const options = 'options' in field ? new Map(field.options.map((o) => [o.value, o.label])) : null;
  return (value) => {
    if (value === undefined || value === null || value === '') return { x: null, csv: null };
    switch (field.type) {
      case 'date': {
        const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
        if (!m) return plain(String(value));
        const serial = (Date.UTC(+m[1], +m[2] - 1, +m[3]) - EPOCH) / 86_400_000;
        return { x: { value: serial, style: 'date' }, csv: value as string };
      }
      case 'select':
        return plain(options?.get(String(value)) ?? String(value));
      case 'multiselect':
        return plain(
          Array.isArray(value)
            ? value.map((v) => options?.get(String(v)) ?? String(v)).join(', ')
            : String(value),
        );
      case 'member':
        return plain((Array.isArray(value) ? value : [value]).map((id) => names.user(String(id))).join(', '));
      case 'department':
        return plain(
          (Array.isArray(value) ? value : [value]).map((id) => names.department(String(id))).join(', '),
        );
      case 'attachment':
        return plain(
          Array.isArray(value)
            ? value
                .map((file) =>
                  file && typeof file === 'object' && !Array.isArray(file) ? String(file.name ?? '') : '',
                )
                .join(', ')
            : '',
        );
      case 'number':
      case 'money':
      case 'percent':
        return typeof value === 'number' ? { x: value, csv: value } : plain(String(value));
      case 'boolean':
        return typeof value === 'boolean' ? { x: value, csv: value } : plain(String(value));
      default:
        return plain(typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
  };
}
