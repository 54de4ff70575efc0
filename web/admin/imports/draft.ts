import type { ColumnMatch, Rule } from '../../../builder/excel-import/cleansing/index.ts';
import type { FieldInfo, ImportConfigDto, ImportJob } from './api.ts';

/** What the mapping screen edits; `config()` turns it into the dry-run request. */
export interface ImportDraft {
  sheet: number;
  headerRow: number;
  /** column index → field name (`customer`, or `items.qty` for a line-item column) */
  targets: Record<number, string | null>;
  rules: Record<number, Rule[]>;
  headers: string[];
  suggested: ColumnMatch[];
  lineMode: 'none' | 'repeated' | 'sheet';
  table: string | null;
  keyColumn: number | null;
  itemSheet: number | null;
  itemHeaderRow: number;
  itemKeyColumn: number | null;
  itemHeaders: string[];
  itemTargets: Record<number, string | null>;
  itemRules: Record<number, Rule[]>;
  timeZone: string;
  keyFields: string[];
  inFile: 'skip' | 'error';
  existing: 'skip' | 'update' | 'error';
  /** percent, 0..100 */
  thresholdPercent: number;
  recordStatus: 'submitted' | 'approved' | 'draft';
}

/** A first draft from the upload's proposal, or from the job's saved config. */
export function draftFromJob(job: ImportJob): ImportDraft {
  const sheet = job.source.sheets[job.config?.sheet ?? 0];
  const draft: ImportDraft = {
    sheet: sheet?.index ?? 0,
    headerRow: sheet?.headerRow ?? 1,
    targets: Object.fromEntries(job.source.suggested.map((m) => [m.column, m.field])),
    rules: {},
    headers: sheet?.headers ?? [],
    suggested: job.source.suggested,
    lineMode: 'none',
    table: null,
    keyColumn: null,
    itemSheet: null,
    itemHeaderRow: 1,
    itemKeyColumn: null,
    itemHeaders: [],
    itemTargets: {},
    itemRules: {},
    timeZone: 'Asia/Shanghai',
    keyFields: [],
    inFile: 'error',
    existing: 'error',
    thresholdPercent: 2,
    recordStatus: 'submitted',
  };
  return job.config ? applyConfig(draft, job.config, job) : draft;
}

/** Loads a saved config (this job's, or another import's fitted to this file) into a draft. */
export function applyConfig(draft: ImportDraft, config: ImportConfigDto, job: ImportJob): ImportDraft {
  const items = config.lineItems;
  const itemSheet = items?.mode === 'sheet' ? job.source.sheets[items.sheet ?? 0] : undefined;
  const prefix = (field: string) => (items ? `${items.table}.${field}` : field);
  return {
    ...draft,
    sheet: config.sheet,
    headerRow: config.headerRow,
    targets: {
      ...Object.fromEntries(Object.keys(draft.targets).map((c) => [c, null])),
      ...Object.fromEntries(config.mappings.map((m) => [m.column, m.field])),
      ...(items?.mode === 'repeated'
        ? Object.fromEntries(items.mappings.map((m) => [m.column, prefix(m.field)]))
        : {}),
    },
    rules: Object.fromEntries(
      [...config.mappings, ...(items?.mode === 'repeated' ? items.mappings : [])].map((m) => [
        m.column,
        m.rules,
      ]),
    ),
    lineMode: items ? items.mode : 'none',
    table: items?.table ?? null,
    keyColumn: items?.keyColumn ?? null,
    itemSheet: items?.mode === 'sheet' ? (items.sheet ?? null) : null,
    itemHeaderRow: items?.headerRow ?? itemSheet?.headerRow ?? 1,
    itemKeyColumn: items?.itemKeyColumn ?? null,
    itemHeaders: itemSheet?.headers ?? draft.itemHeaders,
    itemTargets:
      items?.mode === 'sheet'
        ? Object.fromEntries(items.mappings.map((m) => [m.column, prefix(m.field)]))
        : {},
    itemRules:
      items?.mode === 'sheet' ? Object.fromEntries(items.mappings.map((m) => [m.column, m.rules])) : {},
    timeZone: config.timeZone,
    keyFields: config.duplicates.keyFields,
    inFile: config.duplicates.inFile,
    existing: config.duplicates.existing,
    thresholdPercent: Math.round(config.errorThreshold * 10000) / 100,
    recordStatus: config.recordStatus,
  };
}

/** The dry-run request for a draft; line-item targets (`items.qty`) go to `lineItems.mappings` as `qty`. */
export function configOf(draft: ImportDraft, fields: FieldInfo[]): ImportConfigDto {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const pick = (
    targets: Record<number, string | null>,
    rules: Record<number, Rule[]>,
    headers: string[],
    isTable: boolean,
  ) =>
    Object.entries(targets)
      .filter(([, field]) => field && byName.has(field) && (byName.get(field)!.table !== null) === isTable)
      .map(([column, field]) => ({
        column: Number(column),
        header: headers[Number(column)] ?? '',
        field: byName.get(field!)!.key,
        rules: rules[Number(column)] ?? [],
      }));
  const table = draft.table ?? fields.find((f) => f.type === 'table')?.key ?? null;
  let lineItems: ImportConfigDto['lineItems'] = null;
  if (draft.lineMode === 'repeated' && table && draft.keyColumn !== null) {
    lineItems = {
      table,
      mode: 'repeated',
      keyColumn: draft.keyColumn,
      mappings: pick(draft.targets, draft.rules, draft.headers, true),
    };
  } else if (
    draft.lineMode === 'sheet' &&
    table &&
    draft.keyColumn !== null &&
    draft.itemSheet !== null &&
    draft.itemKeyColumn !== null
  ) {
    lineItems = {
      table,
      mode: 'sheet',
      keyColumn: draft.keyColumn,
      sheet: draft.itemSheet,
      headerRow: draft.itemHeaderRow,
      itemKeyColumn: draft.itemKeyColumn,
      mappings: pick(draft.itemTargets, draft.itemRules, draft.itemHeaders, true),
    };
  }
  return {
    sheet: draft.sheet,
    headerRow: draft.headerRow,
    mappings: pick(draft.targets, draft.rules, draft.headers, false),
    lineItems,
    timeZone: draft.timeZone || 'UTC',
    duplicates: { keyFields: draft.keyFields, inFile: draft.inFile, existing: draft.existing },
    errorThreshold: Math.min(Math.max(draft.thresholdPercent, 0), 100) / 100,
    recordStatus: draft.recordStatus,
  };
}

/** `from=to` lines ⇄ map entries (for value maps and the alias dictionary). */
export function parseEntries(text: string): { from: string; to: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(/=|→/))
    .filter((parts) => parts.length >= 2 && parts[0].trim() !== '')
    .map(([from, ...rest]) => ({ from: from.trim(), to: rest.join('=').trim() }));
}

export const formatEntries = (entries: { from: string; to: string | number | boolean }[]): string =>
  entries.map((e) => `${e.from}=${String(e.to)}`).join('\n');
