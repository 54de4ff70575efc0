import { RULE_TYPES, type Rule } from '../../../builder/excel-import/cleansing/index.ts';

/** One source column going to one field (`customer`, or a table column key inside `lineItems`). */
export interface ColumnMapping {
  /** 0-based column index in the sheet */
  column: number;
  /** the header text when the mapping was made; a saved mapping is re-applied by it */
  header: string;
  field: string;
  rules: Rule[];
}

export interface LineItemsConfig {
  /** key of the table (line items) field */
  table: string;
  /**
   * `sheet`: items are rows of another sheet, linked by an order number column;
   * `repeated`: the main sheet repeats the header values on each item row, rows with the same
   * order number (consecutive) form one record.
   */
  mode: 'sheet' | 'repeated';
  /** main sheet column holding the order number */
  keyColumn: number;
  /** `sheet` mode: the item sheet, its header row (1-based) and its order number column */
  sheet?: number;
  headerRow?: number;
  itemKeyColumn?: number;
  /** item columns → table column keys */
  mappings: ColumnMapping[];
}

export type DuplicatePolicy = 'skip' | 'update' | 'error';

export interface ImportConfig {
  sheet: number;
  /** 1-based row number of the header row; data starts below it */
  headerRow: number;
  mappings: ColumnMapping[];
  lineItems: LineItemsConfig | null;
  /** IANA zone assumed for date-times written without an offset */
  timeZone: string;
  duplicates: {
    /** top-level field keys that identify a record; empty = no duplicate checks */
    keyFields: string[];
    inFile: 'skip' | 'error';
    existing: DuplicatePolicy;
  };
  /** a commit is refused when more than this fraction of records has errors */
  errorThreshold: number;
  recordStatus: 'submitted' | 'approved' | 'draft';
}

export const DEFAULT_ERROR_THRESHOLD = 0.02;

const ruleSchema = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { enum: [...RULE_TYPES] },
    to: { enum: ['upper', 'lower', 'title'] },
    decimalSeparator: { enum: ['.', ','] },
    timeZone: { type: 'string', maxLength: 64 },
    order: { enum: ['dmy', 'mdy'] },
    entries: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        required: ['from', 'to'],
        additionalProperties: false,
        properties: {
          from: { type: 'string', maxLength: 500 },
          to: { type: ['string', 'number', 'boolean'], maxLength: 500 },
        },
      },
    },
    isCaseSensitive: { type: 'boolean' },
    onMissing: { enum: ['keep', 'error'] },
    max: { type: 'integer', minimum: 1, maximum: 100_000 },
    onOverflow: { enum: ['truncate', 'error'] },
  },
  additionalProperties: false,
};

const mappingSchema = {
  type: 'object',
  required: ['column', 'field'],
  additionalProperties: false,
  properties: {
    column: { type: 'integer', minimum: 0, maximum: 16383 },
    header: { type: 'string', maxLength: 500, default: '' },
    field: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
    rules: { type: 'array', maxItems: 30, items: ruleSchema, default: [] },
  },
};

/** JSON Schema of the config a client sends for a dry run (ajv fills the defaults). */
export const importConfigSchema = {
  type: 'object',
  required: ['mappings'],
  additionalProperties: false,
  properties: {
    sheet: { type: 'integer', minimum: 0, maximum: 255, default: 0 },
    headerRow: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
    mappings: { type: 'array', maxItems: 500, items: mappingSchema },
    lineItems: {
      type: ['object', 'null'],
      default: null,
      required: ['table', 'mode', 'keyColumn', 'mappings'],
      additionalProperties: false,
      properties: {
        table: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
        mode: { enum: ['sheet', 'repeated'] },
        keyColumn: { type: 'integer', minimum: 0, maximum: 16383 },
        sheet: { type: 'integer', minimum: 0, maximum: 255 },
        headerRow: { type: 'integer', minimum: 1, maximum: 1000 },
        itemKeyColumn: { type: 'integer', minimum: 0, maximum: 16383 },
        mappings: { type: 'array', maxItems: 200, items: mappingSchema },
      },
    },
    timeZone: { type: 'string', maxLength: 64, default: 'Asia/Shanghai' },
    duplicates: {
      type: 'object',
      additionalProperties: false,
      default: { keyFields: [], inFile: 'error', existing: 'error' },
      properties: {
        keyFields: {
          type: 'array',
          maxItems: 5,
          items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
          default: [],
        },
        inFile: { enum: ['skip', 'error'], default: 'error' },
        existing: { enum: ['skip', 'update', 'error'], default: 'error' },
      },
    },
    errorThreshold: { type: 'number', minimum: 0, maximum: 1, default: DEFAULT_ERROR_THRESHOLD },
    recordStatus: { enum: ['submitted', 'approved', 'draft'], default: 'submitted' },
  },
} as const;
