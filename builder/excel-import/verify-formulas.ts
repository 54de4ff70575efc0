/**
 * Every translated formula must parse and pass the formula checker of runtime/core
 * (references, functions, argument counts, types, cycles). A formula that fails is
 * taken off its field and kept as text with a warning naming the cell; the form is
 * rebuilt and checked again until it compiles cleanly.
 */
import { buildFormulaModel, validateFormDefinition } from '../../runtime/core/index.ts';
import type { FormDefinition } from '../../runtime/core/index.ts';
import { compileProgram } from '../../runtime/core/formula/index.ts';
import { buildDefinition } from './build-definition.ts';
import type { FieldSpec } from './field-specs.ts';
import type { ReportCollector } from './report.ts';
import type { SpecNode } from './spec-tree.ts';

export function verifiedDefinition(args: {
  title: string;
  nodes: SpecNode[];
  report: ReportCollector;
}): FormDefinition {
  const { title, nodes, report } = args;
  const specs = specsByName(nodes);
  for (let round = 0; ; round++) {
    const definition = buildDefinition(title, nodes);
    const issues = validateFormDefinition(definition);
    if (issues.length > 0) {
      throw new Error(
        `template import produced an invalid form: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      );
    }
    const { diagnostics } = compileProgram(buildFormulaModel(definition));
    const failing = new Map<FieldSpec, string>();
    for (const diagnostic of diagnostics) {
      const spec = specs.get(diagnostic.fieldKey);
      if (spec?.formula && !failing.has(spec)) failing.set(spec, diagnostic.message);
    }
    if (failing.size === 0 || round > specs.size) return definition;
    for (const [spec, message] of failing) {
      report.warn(
        spec.sourceCell,
        'formula-check-failed',
        `=${spec.excelFormula} was translated to ${spec.formula} but the formula check said: ${message}; kept as text`,
      );
      spec.formulaSource = spec.excelFormula;
      delete spec.formula;
    }
  }
}

/** Specs by the name the formula engine reports: `total`, `items.amount`. */
function specsByName(nodes: readonly SpecNode[]): Map<string, FieldSpec> {
  const map = new Map<string, FieldSpec>();
  const visit = (node: SpecNode): void => {
    if (node.kind === 'field') map.set(node.spec.key, node.spec);
    else if (node.kind === 'table')
      for (const column of node.columns) map.set(`${node.key}.${column.key}`, column);
    else if (node.kind === 'section') node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return map;
}
