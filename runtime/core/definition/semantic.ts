import type {
  FieldDefinition,
  FormDefinition,
  SelectOption,
  TableField,
  ValueFieldDefinition,
} from '../../../schemas/form-definition.ts';
import type { DefinitionIssue } from './issues.ts';
import { checkPattern } from './pattern.ts';
import { isMainlandMobile } from './phone.ts';
import { reservedKeyReason } from './reserved.ts';
import { isValidUscc } from './uscc.ts';
import type { FieldVisit } from './walk.ts';
import { walkFields } from './walk.ts';

/** Field types whose value the store can index (one comparable value per record). */
const INDEXABLE_TYPES: ReadonlySet<string> = new Set([
  'text',
  'number',
  'money',
  'percent',
  'date',
  'datetime',
  'select',
  'boolean',
  'member',
  'department',
  'serial',
  'phone',
  'email',
  'uscc',
]);

const NUMERIC_TYPES: ReadonlySet<string> = new Set(['number', 'money', 'percent']);

/**
 * Rules JSON Schema cannot express. Expects a document that already passed the schema.
 * Keys are compared case-insensitively: formula names resolve like Excel's.
 */
export function semanticIssues(def: FormDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const formScope = new Map<string, string>();
  const tableScopes = new Map<TableField, Map<string, string>>();
  const formScopeFields = new Map<string, FieldVisit>();

  for (const visit of walkFields(def)) {
    const { field, path, table } = visit;
    let scope = formScope;
    if (table) {
      scope = tableScopes.get(table) ?? new Map<string, string>();
      tableScopes.set(table, scope);
    }
    checkKey({ key: field.key, path: `${path}/key`, scope, issues });
    if (!table) formScopeFields.set(field.key, visit);
    checkField(visit, issues);
  }
  checkIndexedFields(def, formScopeFields, issues);
  return issues;
}

function checkKey(args: {
  key: string;
  path: string;
  scope: Map<string, string>;
  issues: DefinitionIssue[];
}): void {
  const { key, path, scope, issues } = args;
  const reason = reservedKeyReason(key);
  if (reason) {
    const why = reason === 'function-name' ? 'a formula function name' : 'a JavaScript object member';
    issues.push({ path, code: 'reservedKey', message: `key "${key}" is reserved (${why})` });
  }
  const folded = key.toLowerCase();
  const first = scope.get(folded);
  if (first === undefined) {
    scope.set(folded, path);
  } else {
    issues.push({ path, code: 'duplicateKey', message: `duplicate key "${key}" at ${first} and ${path}` });
  }
}

function checkField(visit: FieldVisit, issues: DefinitionIssue[]): void {
  const { field, path, table } = visit;
  const push = (suffix: string, code: string, message: string) =>
    issues.push({ path: `${path}/${suffix}`, code, message: `${field.key}: ${message}` });

  if ('isUnique' in field && field.isUnique && !table) {
    push('isUnique', 'uniqueOutsideTable', 'isUnique applies to line-item columns only');
  }
  switch (field.type) {
    case 'text': {
      if (field.pattern !== undefined) {
        const problem = checkPattern(field.pattern);
        if (problem) push('pattern', problem.code, `pattern ${problem.message}`);
      }
      checkRange({ field, low: 'minLength', high: 'maxLength', push });
      break;
    }
    case 'textarea':
      checkRange({ field, low: 'minLength', high: 'maxLength', push });
      break;
    case 'number':
    case 'money':
    case 'percent':
      checkRange({ field, low: 'min', high: 'max', push });
      break;
    case 'select':
    case 'multiselect':
      checkOptions(field.options, push);
      checkOptionDefault(field, push);
      break;
    case 'member':
    case 'department':
      if (
        field.defaultValue !== undefined &&
        Array.isArray(field.defaultValue) !== Boolean(field.isMultiple)
      ) {
        push(
          'defaultValue',
          'invalidDefault',
          field.isMultiple ? 'defaultValue must be a list' : 'defaultValue must be one id',
        );
      }
      break;
    case 'phone':
      if (field.defaultValue && !isMainlandMobile(field.defaultValue)) {
        push('defaultValue', 'invalidDefault', 'defaultValue is not a mainland mobile number');
      }
      break;
    case 'uscc':
      if (field.defaultValue && !isValidUscc(field.defaultValue)) {
        push('defaultValue', 'invalidDefault', 'defaultValue is not a valid unified social credit code');
      }
      break;
    case 'serial': {
      const problem = serialPatternProblem(field.pattern);
      if (problem) push('pattern', 'invalidSerialPattern', `serial pattern ${problem}`);
      break;
    }
    case 'table':
      checkRange({ field, low: 'minRows', high: 'maxRows', push });
      checkTotals(field, push);
      break;
  }
}

type Push = (suffix: string, code: string, message: string) => void;

function checkRange(args: { field: FieldDefinition; low: string; high: string; push: Push }): void {
  const { field, low, high, push } = args;
  const record = field as unknown as Record<string, unknown>;
  const lowValue = record[low];
  const highValue = record[high];
  if (typeof lowValue === 'number' && typeof highValue === 'number' && lowValue > highValue) {
    push(low, 'invalidRange', `${low} (${lowValue}) is greater than ${high} (${highValue})`);
  }
}

function checkOptions(options: SelectOption[], push: Push): void {
  const seen = new Map<string, number>();
  options.forEach((option, index) => {
    const first = seen.get(option.value);
    if (first === undefined) seen.set(option.value, index);
    else
      push(
        `options/${index}/value`,
        'duplicateOption',
        `option value "${option.value}" repeats option ${first}`,
      );
  });
}

function checkOptionDefault(
  field: Extract<ValueFieldDefinition, { type: 'select' | 'multiselect' }>,
  push: Push,
): void {
  if (field.defaultValue === undefined) return;
  const values = new Set(field.options.map((option) => option.value));
  const defaults = Array.isArray(field.defaultValue) ? field.defaultValue : [field.defaultValue];
  const unknown = defaults.find((value) => !values.has(value));
  if (unknown !== undefined)
    push('defaultValue', 'invalidDefault', `defaultValue "${unknown}" is not an option`);
}

function checkTotals(table: TableField, push: Push): void {
  if (!table.totals) return;
  const columns = new Map(table.columns.map((column) => [column.key, column]));
  for (const [columnKey, kind] of Object.entries(table.totals)) {
    const column = columns.get(columnKey);
    if (!column) {
      push(`totals/${columnKey}`, 'invalidTotal', `totals names "${columnKey}", which is not a column`);
    } else if (kind !== 'count' && !NUMERIC_TYPES.has(column.type)) {
      push(
        `totals/${columnKey}`,
        'invalidTotal',
        `${kind} needs a numeric column, "${columnKey}" is ${column.type}`,
      );
    }
  }
}

const SERIAL_DATE_TOKENS: ReadonlySet<string> = new Set([
  'YYYY',
  'YY',
  'MM',
  'DD',
  'YYYYMM',
  'YYYYMMDD',
  'YYMMDD',
]);

/** `SO-{YYYYMMDD}-{0000}`: literal text, date tokens, exactly one counter `{0…}` of 1–12 digits. */
export function serialPatternProblem(pattern: string): string | null {
  let counters = 0;
  const rest = pattern.replace(/\{([^{}]*)\}/g, (_match, token: string) => {
    if (/^0{1,12}$/.test(token)) counters++;
    else if (!SERIAL_DATE_TOKENS.has(token)) counters = Number.NaN;
    return '';
  });
  if (Number.isNaN(counters))
    return `has an unknown token (use ${[...SERIAL_DATE_TOKENS].join(', ')} or {0000})`;
  if (/[{}]/.test(rest)) return 'has an unbalanced brace';
  if (counters !== 1) return 'needs exactly one counter such as {0000}';
  return null;
}

function checkIndexedFields(
  def: FormDefinition,
  formScopeFields: Map<string, FieldVisit>,
  issues: DefinitionIssue[],
): void {
  def.settings.indexedFields.forEach((key, index) => {
    const path = `settings/indexedFields/${index}`;
    const field = formScopeFields.get(key)?.field;
    if (!field) {
      issues.push({
        path,
        code: 'invalidIndexedField',
        message: `indexed field "${key}" is not a field of the form`,
      });
      return;
    }
    const isMultiple = 'isMultiple' in field && field.isMultiple === true;
    if (!INDEXABLE_TYPES.has(field.type) || isMultiple) {
      issues.push({
        path,
        code: 'invalidIndexedField',
        message: `indexed field "${key}" is a ${isMultiple ? 'multiple ' : ''}${field.type} field; only single scalar values can be indexed`,
      });
    }
  });
}
