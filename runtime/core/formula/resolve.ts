/**
 * Name resolution. Inside a column formula (or per-row rule) of table T a bare
 * name is first a sibling column of T (same row); otherwise a bare name is a
 * header field and `table.column` is a whole column. A bare table key is the
 * whole table (its rows), allowed only as a function argument that takes an
 * array (see acceptsTable), e.g. the table of VLOOKUP or INDEX.
 */
import type { ColumnNode, NameNode } from './ast.ts';
import type { FunctionSpec } from './functions/types.ts';
import type { Layout, TableLayout, Unit } from './layout.ts';
import type { DiagnosticCode } from './model.ts';
import { didYouMean } from './suggest.ts';

export type Resolution =
  | { kind: 'field' | 'cell' | 'column'; unit: Unit }
  | { kind: 'table'; table: TableLayout }
  | { kind: 'error'; code: DiagnosticCode; message: string };

/**
 * `isTableAllowed`: the name stands where a whole table may go (acceptsTable);
 * elsewhere a table key is a `table-reference` error.
 */
export function resolveRef(
  layout: Layout,
  owner: Unit,
  node: NameNode | ColumnNode,
  { isTableAllowed = false }: { isTableAllowed?: boolean } = {},
): Resolution {
  return node.kind === 'name'
    ? resolveName(layout, owner, node.name, isTableAllowed)
    : resolveColumn(layout, node);
}

/** Argument `index` of `spec` takes an array, so a bare table key may stand there. */
export function acceptsTable(spec: FunctionSpec | undefined, index: number): boolean {
  const types = spec?.argTypes;
  return !!types && types.length > 0 && types[Math.min(index, types.length - 1)] === 'array';
}

function resolveName(layout: Layout, owner: Unit, name: string, isTableAllowed: boolean): Resolution {
  const sibling = owner.table?.columns.get(name);
  if (sibling) return { kind: 'cell', unit: sibling };
  const field = layout.fields.get(name);
  if (field) return { kind: 'field', unit: field };
  const table = layout.tables.get(name);
  if (table) {
    if (isTableAllowed) return { kind: 'table', table };
    const example = table.columns.keys().next().value ?? 'column';
    return {
      kind: 'error',
      code: 'table-reference',
      message:
        `\`${name}\` is a table; refer to one of its columns, e.g. \`${name}.${example}\`, ` +
        `or pass the whole table where a function takes a table, e.g. VLOOKUP(…, ${name}, 2, FALSE)`,
    };
  }
  for (const table of layout.tables.values()) {
    if (!table.columns.has(name)) continue;
    const where = owner.table ? `column formulas of \`${table.key}\`` : 'its own column formulas';
    return {
      kind: 'error',
      code: 'row-scope',
      message:
        `\`${name}\` is a column of table \`${table.key}\`; only ${where} can use it by itself — ` +
        `use \`${table.key}.${name}\` inside an aggregate such as SUM(${table.key}.${name})`,
    };
  }
  const candidates = [...layout.fields.keys(), ...(owner.table?.columns.keys() ?? [])];
  return {
    kind: 'error',
    code: 'unknown-field',
    message: `unknown field \`${name}\`${didYouMean(name, candidates)}`,
  };
}

function resolveColumn(layout: Layout, node: ColumnNode): Resolution {
  const table = layout.tables.get(node.table);
  if (!table) {
    const hint = didYouMean(node.table, layout.tables.keys());
    return { kind: 'error', code: 'unknown-field', message: `unknown table \`${node.table}\`${hint}` };
  }
  const column = table.columns.get(node.column);
  if (!column) {
    const hint = didYouMean(node.column, table.columns.keys());
    return {
      kind: 'error',
      code: 'unknown-field',
      message: `table \`${table.key}\` has no column \`${node.column}\`${hint}`,
    };
  }
  return { kind: 'column', unit: column };
}
