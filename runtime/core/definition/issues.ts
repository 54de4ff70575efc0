/** One problem in a form definition. `path` is slash-separated into the document, e.g. `fields/3/columns/1/key`. */
export interface DefinitionIssue {
  path: string;
  /** stable, e.g. `duplicateKey`, `reservedKey`, `unsafePattern`, `schema.required` */
  code: string;
  /** English, naming the offending key or value */
  message: string;
}

/** Thrown by `assertValidFormDefinition` and `compileForm` for an invalid definition. */
export class FormDefinitionError extends Error {
  readonly issues: DefinitionIssue[];

  constructor(issues: DefinitionIssue[]) {
    const shown = issues.slice(0, 5).map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
    const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : '';
    super(`invalid form definition: ${shown.join('; ')}${more}`);
    this.name = 'FormDefinitionError';
    this.issues = issues;
  }
}
