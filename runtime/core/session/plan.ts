/**
 * What every session of one compiled form shares: the compiled formula program
 * and indexes over fields, rules and containers. Built once per CompiledForm.
 */
import type { CompiledField, CompiledForm, LayoutNode } from '../compile/types.ts';
import { compileProgram } from '../formula/index.ts';
import type { CompileResult } from '../formula/index.ts';

export type RuleKind = 'visible' | 'required' | 'readOnly';

export interface RuleInfo {
  /** `visible:items.qty` */
  id: string;
  kind: RuleKind;
  /** the field, column (`items.qty`) or layout key the rule belongs to */
  name: string;
  /** set for per-row rules of a table column */
  table: string | null;
}

export interface TablePlan {
  field: CompiledField;
  columns: Map<string, CompiledField>;
  /** per-row rules of this table's columns */
  rowRules: RuleInfo[];
}

export interface FormPlan {
  compiled: CompiledForm;
  formulas: CompileResult;
  /** value fields by name (`customer`, `items`, `items.qty`); own keys only */
  fields: Map<string, CompiledField>;
  /** top-level value fields, tables included, in document order */
  header: CompiledField[];
  tables: Map<string, TablePlan>;
  rules: Map<string, RuleInfo>;
  rulesOf: Map<string, Partial<Record<RuleKind, RuleInfo>>>;
  /** enclosing sections / columns (and for a column, its table), outermost first */
  ancestors: Map<string, readonly string[]>;
  /** names whose effective state follows this one's (a section's fields, a table's columns) */
  descendants: Map<string, readonly string[]>;
  /** input names a visibility rule can hide (own rule or an ancestor's) */
  maskable: string[];
}

const plans = new WeakMap<CompiledForm, FormPlan>();

/**
 * The formula program of a compiled form, compiled on first use and kept as long as
 * the CompiledForm lives (so a server caching CompiledForm per version caches this too).
 */
export function getFormProgram(compiled: CompiledForm): CompileResult {
  return formPlanOf(compiled).formulas;
}

export function formPlanOf(compiled: CompiledForm): FormPlan {
  let plan = plans.get(compiled);
  if (!plan) {
    plan = buildPlan(compiled);
    plans.set(compiled, plan);
  }
  return plan;
}

function buildPlan(compiled: CompiledForm): FormPlan {
  const fields = new Map<string, CompiledField>();
  for (const name of Object.keys(compiled.fields)) fields.set(name, compiled.fields[name]);
  const header = [...fields.values()].filter((field) => field.tableKey === null);
  const tables = new Map<string, TablePlan>();
  for (const field of header)
    if (field.type === 'table') tables.set(field.key, { field, columns: new Map(), rowRules: [] });
  for (const field of fields.values())
    if (field.tableKey !== null) tables.get(field.tableKey)?.columns.set(field.key, field);

  const rules = new Map<string, RuleInfo>();
  const rulesOf = new Map<string, Partial<Record<RuleKind, RuleInfo>>>();
  for (const model of compiled.formulaModel.rules ?? []) {
    const rule = parseRule(model.id, model.rowTable);
    if (!rule) continue;
    rules.set(rule.id, rule);
    const own = rulesOf.get(rule.name) ?? {};
    own[rule.kind] = rule;
    rulesOf.set(rule.name, own);
    if (rule.table) tables.get(rule.table)?.rowRules.push(rule);
  }

  const ancestors = layoutAncestors(compiled);
  for (const field of fields.values()) {
    const table = field.tableKey === null ? null : fields.get(field.tableKey);
    const chain = table ? [...table.containers, table.key] : field.containers;
    ancestors.set(field.name, chain);
  }
  const descendants = new Map<string, string[]>();
  for (const [name, chain] of ancestors) {
    for (const ancestor of chain) {
      const list = descendants.get(ancestor);
      if (list) list.push(name);
      else descendants.set(ancestor, [name]);
    }
  }

  const isHideable = (name: string) =>
    [name, ...(ancestors.get(name) ?? [])].some((key) => rulesOf.get(key)?.visible);
  const maskable = [...fields.values()]
    .filter((field) => field.type !== 'table' && !field.isComputed && isHideable(field.name))
    .map((field) => field.name);

  return {
    compiled,
    formulas: compileProgram(compiled.formulaModel),
    fields,
    header,
    tables,
    rules,
    rulesOf,
    ancestors,
    descendants,
    maskable,
  };
}

const RULE_ID = /^(visible|required|readOnly):(.+)$/;

function parseRule(id: string, rowTable: string | undefined): RuleInfo | null {
  const match = RULE_ID.exec(id);
  if (!match) return null;
  return { id, kind: match[1] as RuleKind, name: match[2], table: rowTable ?? null };
}

/** Container chains of layout nodes (sections, columns, descriptions) from the uiSchema's layout tree. */
function layoutAncestors(compiled: CompiledForm): Map<string, readonly string[]> {
  const chains = new Map<string, readonly string[]>();
  const options = compiled.uiSchema['ui:options'] as { layout?: LayoutNode[] } | undefined;
  const visit = (nodes: readonly LayoutNode[], chain: readonly string[]): void => {
    for (const node of nodes) {
      if (node.type === 'field') continue;
      chains.set(node.key, chain);
      if (node.type === 'section') visit(node.children, [...chain, node.key]);
      if (node.type === 'columns')
        for (const column of node.columns) visit(column.children, [...chain, node.key]);
    }
  };
  if (Array.isArray(options?.layout)) visit(options.layout, []);
  return chains;
}
