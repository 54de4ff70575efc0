import {
  columnLetter,
  compileCleanser,
  type Cleanser,
} from '../../../builder/excel-import/cleansing/index.ts';
import type { CompiledField, CompiledForm } from '../../../runtime/core/index.ts';
import { ValidationError, type FieldError } from '../../errors/index.ts';
import type { ColumnMapping, ImportConfig } from './config.ts';
import type { ReferenceResolver } from './references.ts';

export interface CompiledMapping {
  column: number;
  letter: string;
  header: string;
  /** data key: `customer`, or a table column key */
  key: string;
  field: CompiledField;
  clean: Cleanser;
}

const NOT_IMPORTABLE = new Set(['attachment', 'signature', 'serial', 'table']);

/** Checks a config against the form and compiles its cleansing rules; a bad mapping is a 422 naming it. */
export function compileMappings(input: {
  config: ImportConfig;
  compiled: CompiledForm;
  references: ReferenceResolver;
}) {
  const { config, compiled, references } = input;
  const errors: FieldError[] = [];
  const compileList = (list: ColumnMapping[], table: string | null, where: string): CompiledMapping[] => {
    const seen = new Set<string>();
    return list.flatMap((mapping, i) => {
      const name = table ? `${table}.${mapping.field}` : mapping.field;
      const field = compiled.fields[name];
      const path = `${where}/${i}/field`;
      if (!field || field.tableKey !== table) {
        errors.push({
          path,
          code: 'unknownField',
          message: `"${mapping.field}" is not a ${table ? `column of ${table}` : 'field'} of this form`,
        });
        return [];
      }
      if (field.isComputed || NOT_IMPORTABLE.has(field.type)) {
        errors.push({
          path,
          code: 'notImportable',
          message: `"${field.label}" is ${field.isComputed ? 'computed by a formula' : `a ${field.type} field`} and cannot be imported`,
        });
        return [];
      }
      if (seen.has(name)) {
        errors.push({ path, code: 'duplicateField', message: `"${field.label}" is mapped from two columns` });
        return [];
      }
      seen.add(name);
      const clean = references.wrap(
        field,
        compileCleanser(mapping.rules, targetOf(field), { timeZone: config.timeZone }),
      );
      return [
        {
          column: mapping.column,
          letter: columnLetter(mapping.column),
          header: mapping.header,
          key: field.key,
          field,
          clean,
        },
      ];
    });
  };
  const main = compileList(config.mappings, null, 'mappings');
  const items = config.lineItems ? compileTable(config, compiled, errors, compileList) : null;
  for (const key of config.duplicates.keyFields) {
    const field = compiled.fields[key];
    if (!field || field.tableKey !== null || field.type === 'table')
      errors.push({
        path: 'duplicates/keyFields',
        code: 'unknownField',
        message: `"${key}" is not a top-level field`,
      });
    else if (!main.some((m) => m.key === key))
      errors.push({
        path: 'duplicates/keyFields',
        code: 'unmapped',
        message: `The key field "${field.label}" is not mapped from any column`,
      });
  }
  if (errors.length) throw new ValidationError('The import settings do not fit the form', errors);
  return { main, items };
}

function compileTable(
  config: ImportConfig,
  compiled: CompiledForm,
  errors: FieldError[],
  compileList: (list: ColumnMapping[], table: string | null, where: string) => CompiledMapping[],
): CompiledMapping[] {
  const items = config.lineItems!;
  const table = compiled.fields[items.table];
  if (!table || table.type !== 'table') {
    errors.push({
      path: 'lineItems/table',
      code: 'unknownField',
      message: `"${items.table}" is not a line-item table of this form`,
    });
    return [];
  }
  if (items.mode === 'sheet' && (items.sheet === undefined || items.itemKeyColumn === undefined)) {
    errors.push({
      path: 'lineItems',
      code: 'required',
      message: 'Line items from a sheet need the sheet and its order number column',
    });
  }
  return compileList(items.mappings, items.table, 'lineItems/mappings');
}

function targetOf(field: CompiledField) {
  return {
    type: field.type,
    label: field.label,
    options: 'options' in field ? field.options : undefined,
    maxLength: 'maxLength' in field ? field.maxLength : undefined,
    required: 'required' in field ? field.required : undefined,
  };
}

/** Fields the form requires that no column feeds: every record would fail, so the page warns before a dry run. */
export function unmappedRequired(compiled: CompiledForm, config: ImportConfig): string[] {
  const mapped = new Set(config.mappings.map((m) => m.field));
  const itemMapped = new Set(
    config.lineItems?.mappings.map((m) => `${config.lineItems!.table}.${m.field}`) ?? [],
  );
  return Object.values(compiled.fields)
    .filter((f) => f.required && !f.isComputed && f.type !== 'serial')
    .filter((f) =>
      f.tableKey === null
        ? !mapped.has(f.key) && !(f.type === 'table' && config.lineItems?.table === f.key)
        : config.lineItems?.table === f.tableKey && !itemMapped.has(f.name),
    )
    .map((f) => f.name);
}
