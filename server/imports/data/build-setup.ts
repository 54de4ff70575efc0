import type { CleansingLocale } from '../../../builder/excel-import/cleansing/index.ts';
import type { CompiledForm } from '../../../runtime/core/index.ts';
import type { SubmitterContext } from '../../records/record-validation.ts';
import { compileMappings } from './compile-mapping.ts';
import type { ImportConfig } from './config.ts';
import { keyOf } from './duplicates.ts';
import type { RowError } from './job-types.ts';
import { createRecordBuilder, type RecordRows } from './record-builder.ts';
import { referenceResolver, type ReferenceData } from './references.ts';

/** Everything a record builder needs; plain data, so a worker thread can receive it. */
export interface BuildSetup {
  compiled: CompiledForm;
  config: ImportConfig;
  references: ReferenceData;
  sheetName: string;
  locale: CleansingLocale;
  submitter: SubmitterContext;
}

export function builderFromSetup(setup: BuildSetup) {
  const { main, items } = compileMappings({
    config: setup.config,
    compiled: setup.compiled,
    references: referenceResolver(setup.references),
  });
  return createRecordBuilder({
    compiled: setup.compiled,
    main,
    items,
    table: setup.config.lineItems?.table ?? null,
    sheetName: setup.sheetName,
    locale: setup.locale,
    submitter: setup.submitter,
  });
}

/**
 * A built record as it travels back from a worker: its key for duplicate checks and its data
 * already as JSON text (what the prepared file stores), which is cheaper to pass between
 * threads than the object.
 */
export interface PackedRecord {
  row: number;
  errors: RowError[];
  key: string | null;
  /** JSON of the validated data, null when the record has errors */
  json: string | null;
}

export function packer(setup: BuildSetup) {
  const builder = builderFromSetup(setup);
  const keyFields = setup.config.duplicates.keyFields;
  return (rows: RecordRows): PackedRecord => {
    const built = builder.build(rows);
    return {
      row: built.row,
      errors: built.errors,
      key: built.data ? keyOf(built.data, keyFields) : null,
      json: built.data ? JSON.stringify(built.data) : null,
    };
  };
}
