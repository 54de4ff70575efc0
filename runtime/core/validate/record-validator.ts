import type { ValidateFunction } from 'ajv';
import type { TableField } from '../../../schemas/form-definition.ts';
import { DEFAULT_MAX_ROWS } from '../compile/json-schema.ts';
import type { CompiledField, CompiledForm, JsonSchema } from '../compile/types.ts';
import { isValidUscc } from '../definition/uscc.ts';
import { createAjv } from './ajv.ts';
import { describeAjvError } from './ajv-errors.ts';
import type { FieldErrorCode, Locale, MessageParams } from './messages.ts';
import { formatMessage } from './messages.ts';

/** One problem in record data; `path` is slash-separated without a leading slash: `items/3/qty`. */
export interface FieldError {
  path: string;
  code: FieldErrorCode;
  message: string;
}

export interface RecordValidatorOptions {
  locale: Locale;
}

export interface ValidateOptions {
  /**
   * Paths not to validate (hidden by visibility rules): a field key, a table key, a cell
   * path `items/1/qty`, or the key of a section / columns layout (hides its children).
   */
  hidden?: ReadonlySet<string>;
  /** Paths required by `requiredIf` rules, in addition to `required: true` fields. */
  required?: ReadonlySet<string>;
}

export interface RecordValidator {
  validate(data: unknown, options?: ValidateOptions): FieldError[];
}

/** Reporting stops here, so a hostile payload cannot make the error list grow without bound. */
export const MAX_FIELD_ERRORS = 100;

/**
 * Validates record data against a compiled form. Every value is checked by its own small
 * ajv validator (compiled lazily from `compiled.jsonSchema`, first failure only), so one
 * submission reports one error per bad value rather than one per submission; required
 * fields, unknown keys, row counts, unique columns and USCC checksums are checked here.
 * Empty values (undefined, null, blank text, []) only ever fail `required`.
 */
export function createRecordValidator(
  compiled: CompiledForm,
  options: RecordValidatorOptions,
): RecordValidator {
  const prepared = prepare(compiled);
  return {
    validate(data, validateOptions = {}) {
      const run = new Run(prepared, options.locale, validateOptions);
      run.record(data);
      return run.errors;
    },
  };
}

interface Prepared {
  compiled: CompiledForm;
  topLevel: CompiledField[];
  topLevelByKey: Map<string, CompiledField>;
  /** table key → its columns by key, in column order */
  columns: Map<string, Map<string, CompiledField>>;
  validators: Map<string, ValidateFunction>;
  ajv: ReturnType<typeof createAjv> | null;
}

const cache = new WeakMap<CompiledForm, Prepared>();

function prepare(compiled: CompiledForm): Prepared {
  let prepared = cache.get(compiled);
  if (prepared) return prepared;
  const all = Object.values(compiled.fields);
  const topLevel = all.filter((field) => field.tableKey === null);
  const columns = new Map<string, Map<string, CompiledField>>();
  for (const field of all) {
    if (field.tableKey === null) continue;
    const table = columns.get(field.tableKey) ?? new Map<string, CompiledField>();
    columns.set(field.tableKey, table.set(field.key, field));
  }
  prepared = {
    compiled,
    topLevel,
    topLevelByKey: new Map(topLevel.map((field) => [field.key, field])),
    columns,
    validators: new Map(),
    ajv: null,
  };
  cache.set(compiled, prepared);
  return prepared;
}

function validatorFor(prepared: Prepared, field: CompiledField): ValidateFunction {
  let validate = prepared.validators.get(field.name);
  if (!validate) {
    prepared.ajv ??= createAjv();
    validate = prepared.ajv.compile(propertySchema(prepared.compiled.jsonSchema, field));
    prepared.validators.set(field.name, validate);
  }
  return validate;
}

function propertySchema(formSchema: JsonSchema, field: CompiledField): JsonSchema {
  const properties = formSchema.properties as Record<string, JsonSchema>;
  if (field.tableKey === null) return properties[field.key];
  const rowSchema = properties[field.tableKey].items as JsonSchema;
  return (rowSchema.properties as Record<string, JsonSchema>)[field.key];
}

class Run {
  readonly errors: FieldError[] = [];
  private readonly hidden: ReadonlySet<string>;
  private readonly required: ReadonlySet<string>;

  constructor(
    private readonly prepared: Prepared,
    private readonly locale: Locale,
    options: ValidateOptions,
  ) {
    this.hidden = options.hidden ?? new Set();
    this.required = options.required ?? new Set();
  }

  get isFull(): boolean {
    return this.errors.length >= MAX_FIELD_ERRORS;
  }

  record(data: unknown): void {
    if (!isPlainObject(data)) {
      this.push('', 'type', {
        label: String(this.prepared.compiled.jsonSchema.title ?? ''),
        expected: 'record',
      });
      return;
    }
    this.unknownKeys(data, '', this.prepared.topLevelByKey);
    for (const field of this.prepared.topLevel) {
      if (this.isFull) return;
      if (this.isHidden(field.key, field.containers)) continue;
      const value = Object.hasOwn(data, field.key) ? data[field.key] : undefined;
      if (field.type === 'table') this.table(field, value);
      else this.value(field, value, field.key);
    }
  }

  private table(field: CompiledField, value: unknown): void {
    const def = field as TableField;
    const path = field.key;
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      this.push(path, 'type', { label: field.label, expected: 'list' });
      return;
    }
    const rows: unknown[] = Array.isArray(value) ? value : [];
    const isRequired = (def.required ?? false) || this.required.has(path);
    const minRows = Math.max(def.minRows ?? 0, isRequired ? 1 : 0);
    const maxRows = def.maxRows ?? DEFAULT_MAX_ROWS;
    if (rows.length === 0 && isRequired) this.push(path, 'required', { label: field.label });
    else if (rows.length < minRows) this.push(path, 'minRows', { label: field.label, limit: minRows });
    else if (rows.length > maxRows) this.push(path, 'maxRows', { label: field.label, limit: maxRows });

    const columns = this.prepared.columns.get(field.key) ?? new Map<string, CompiledField>();
    const firstRowOf = new Map<CompiledField, Map<string, number>>();
    for (let i = 0; i < Math.min(rows.length, maxRows) && !this.isFull; i++) {
      const row = rows[i];
      const rowPath = `${path}/${i}`;
      if (!isPlainObject(row)) {
        this.push(rowPath, 'type', { label: field.label, row: i + 1 });
        continue;
      }
      this.unknownKeys(row, `${rowPath}/`, columns);
      for (const column of columns.values()) {
        const cellPath = `${rowPath}/${column.key}`;
        if (this.isHidden(cellPath, [])) continue;
        const cell = Object.hasOwn(row, column.key) ? row[column.key] : undefined;
        const isValid = this.value(column, cell, cellPath);
        if (isValid && 'isUnique' in column && column.isUnique && !isEmpty(cell)) {
          const seen = firstRowOf.get(column) ?? new Map<string, number>();
          firstRowOf.set(column, seen);
          const identity = typeof cell === 'string' ? cell.trim() : JSON.stringify(cell);
          const first = seen.get(identity);
          if (first === undefined) seen.set(identity, i);
          else this.push(cellPath, 'unique', { label: column.label, row: first + 1 });
        }
      }
    }
  }

  /** Checks one non-table value; true when it is valid (or empty and optional). */
  private value(field: CompiledField, value: unknown, path: string): boolean {
    if (isEmpty(value)) {
      const isRequired = (field.required === true && !field.isComputed) || this.required.has(path);
      if (isRequired) this.push(path, 'required', { label: field.label });
      return !isRequired;
    }
    const validate = validatorFor(this.prepared, field);
    if (!validate(value)) {
      const [code, params] = describeAjvError(field, validate.errors?.[0], value);
      this.push(path, code, params);
      return false;
    }
    if (field.type === 'uscc' && !isValidUscc(value as string)) {
      this.push(path, 'uscc', { label: field.label });
      return false;
    }
    return true;
  }

  private unknownKeys(
    data: Record<string, unknown>,
    prefix: string,
    known: Map<string, CompiledField>,
  ): void {
    for (const key of Object.keys(data)) {
      if (this.isFull) return;
      if (!known.has(key)) this.push(`${prefix}${key}`, 'unknownField', { label: key });
    }
  }

  private isHidden(path: string, containers: readonly string[]): boolean {
    if (this.hidden.size === 0) return false;
    if (containers.some((key) => this.hidden.has(key))) return true;
    for (let end = path.indexOf('/'); end !== -1; end = path.indexOf('/', end + 1)) {
      if (this.hidden.has(path.slice(0, end))) return true;
    }
    return this.hidden.has(path);
  }

  private push(path: string, code: FieldErrorCode, params: MessageParams): void {
    if (!this.isFull) this.errors.push({ path, code, message: formatMessage(this.locale, code, params) });
  }
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
