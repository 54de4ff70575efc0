/**
 * The fields the form's formulas and rules read: changing such a field to another kind of value
 * (a number to text) would break the formula, so the review offers it fewer types.
 */
import { parseFormula, walkFields } from '../../runtime/core/index.ts';
import type { FieldDefinition, FormDefinition } from '../../runtime/core/index.ts';
import { walk } from '../../runtime/core/formula/ast.ts';

const FORMULA_PROPS = ['formula', 'visibleIf', 'requiredIf', 'readOnlyIf'] as const;

/** Names read by some formula: `customer` for a header field, `items.qty` for a column. */
export function referencedNames(definition: Pick<FormDefinition, 'fields'>): Set<string> {
  const names = new Set<string>();
  for (const { field, table } of walkFields(definition)) {
    for (const text of formulasOf(field)) {
      let tree;
      try {
        tree = parseFormula(text);
      } catch {
        continue; // a formula that does not parse is reported by the preview
      }
      walk(tree, (node) => {
        if (node.kind === 'column') names.add(`${node.table}.${node.column}`);
        if (node.kind !== 'name') return;
        names.add(node.name);
        // inside a row formula a bare name is a sibling column
        if (table) names.add(`${table.key}.${node.name}`);
      });
    }
  }
  return names;
}

function formulasOf(field: FieldDefinition): string[] {
  const props = field as Partial<Record<(typeof FORMULA_PROPS)[number], string>>;
  return FORMULA_PROPS.flatMap((prop) =>
    typeof props[prop] === 'string' && props[prop] ? [props[prop]] : [],
  );
}
