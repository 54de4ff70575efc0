import type { ErrorObject, ValidateFunction } from 'ajv';
import type { FormDefinition } from '../../../schemas/form-definition.ts';
import definitionSchema from '../../../schemas/form-definition.schema.json' with { type: 'json' };
import { createAjv } from '../validate/ajv.ts';
import type { DefinitionIssue } from './issues.ts';
import { FormDefinitionError } from './issues.ts';
import { semanticIssues } from './semantic.ts';

/**
 * JSON nesting limit checked before ajv: sections nest recursively and ajv validates
 * recursively, so a hostile document 100,000 sections deep would exhaust the stack.
 * 64 levels allow about 15 nested sections.
 */
export const MAX_DEFINITION_DEPTH = 64;

let schemaValidator: ValidateFunction | undefined;

export interface DefinitionCheckOptions {
  /**
   * The document is a version the server published, so it passed the whole check then. The
   * JSON Schema pass is skipped — compiling its ajv validator costs ~150 ms on a browser's
   * first form — while the semantic checks (unsafe patterns above all) still run.
   */
  isPublished?: boolean;
}

/**
 * All problems of a form definition; an empty list means it is valid.
 * First the JSON Schema (`schemas/form-definition.schema.json`, first failure only — see
 * `createAjv`), then, on a structurally valid document, the semantic checks: duplicate and
 * reserved keys, unsafe patterns, option values, ranges, totals, indexed fields.
 */
export function validateFormDefinition(
  doc: unknown,
  options: DefinitionCheckOptions = {},
): DefinitionIssue[] {
  if (options.isPublished) return semanticIssues(doc as FormDefinition);
  if (exceedsDepth(doc, MAX_DEFINITION_DEPTH)) {
    return [
      { path: '', code: 'tooDeep', message: `the document nests deeper than ${MAX_DEFINITION_DEPTH} levels` },
    ];
  }
  schemaValidator ??= createAjv().compile(definitionSchema);
  if (!schemaValidator(doc)) {
    // an `if`/`then` failure is reported twice: by the failing keyword and by `if` itself
    const errors = (schemaValidator.errors ?? []).filter((error) => error.keyword !== 'if');
    return errors.map((error) => schemaIssue(error, doc));
  }
  return semanticIssues(doc as FormDefinition);
}

export function assertValidFormDefinition(
  doc: unknown,
  options: DefinitionCheckOptions = {},
): asserts doc is FormDefinition {
  const issues = validateFormDefinition(doc, options);
  if (issues.length > 0) throw new FormDefinitionError(issues);
}

function schemaIssue(error: ErrorObject, doc: unknown): DefinitionIssue {
  const base = error.instancePath.slice(1);
  const params = error.params as Record<string, unknown>;
  const join = (name: unknown) => (base ? `${base}/${String(name)}` : String(name));
  switch (error.keyword) {
    case 'required':
      return {
        path: join(params.missingProperty),
        code: 'schema.required',
        message: `missing "${String(params.missingProperty)}"`,
      };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = params.additionalProperty ?? params.unevaluatedProperty;
      return {
        path: join(name),
        code: 'schema.unknownProperty',
        message: `unknown property "${String(name)}"`,
      };
    }
    case 'pattern':
      if (base.endsWith('/key') || base.startsWith('settings/indexedFields/')) {
        return {
          path: base,
          code: 'invalidKey',
          message: `key "${String(valueAt(doc, base))}" must start with a letter or _ and hold only letters, digits and _`,
        };
      }
      break;
    case 'enum':
      return {
        path: base,
        code: 'schema.enum',
        message: `"${String(valueAt(doc, base))}" is not one of ${(params.allowedValues as unknown[]).join(', ')}`,
      };
  }
  return { path: base, code: `schema.${error.keyword}`, message: error.message ?? 'is invalid' };
}

function valueAt(doc: unknown, path: string): unknown {
  let value = doc;
  for (const segment of path ? path.split('/') : []) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

/** Iterative, so the check itself cannot overflow the stack. */
function exceedsDepth(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}
