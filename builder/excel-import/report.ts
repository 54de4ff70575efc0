/** The import report: every detected element with its source cell, every warning. */

export type ElementKind =
  'title' | 'section' | 'field' | 'table' | 'column' | 'total' | 'description' | 'lookup';

export interface ReportElement {
  kind: ElementKind;
  /** `Sheet!B3`, or a range for tables (`Sheet!A8:F20`, header row included) */
  sourceCell: string;
  /** field key; columns as `items.qty`; absent for the title */
  key?: string;
  label: string;
  /** field type chosen, with the evidence (`number format`, `header words`…) */
  type?: string;
  because?: string;
  /** the translated formula, when the element is computed */
  formula?: string;
}

export type WarningCode =
  | 'formula-not-translated'
  | 'external-reference'
  | 'formula-check-failed'
  | 'rounding-differs'
  | 'unsafe-name'
  | 'label-without-input'
  | 'input-without-label'
  | 'validation-ignored'
  | 'options-truncated'
  | 'sheet-too-long'
  | 'reader-note'
  | 'too-many-fields';

export interface ReportWarning {
  /** `Sheet!F22`, or the sheet name for sheet-wide warnings */
  cell: string;
  code: WarningCode;
  message: string;
}

export interface ImportReport {
  elements: ReportElement[];
  warnings: ReportWarning[];
}

export class ReportCollector implements ImportReport {
  readonly elements: ReportElement[] = [];
  readonly warnings: ReportWarning[] = [];

  element(element: ReportElement): void {
    this.elements.push(element);
  }

  warn(cell: string, code: WarningCode, message: string): void {
    this.warnings.push({ cell, code, message });
  }

  toJSON(): ImportReport {
    return { elements: this.elements, warnings: this.warnings };
  }
}

/** `Sheet1!B3`, quoting sheet names that need it, like Excel. */
export function cellLabel(sheet: string, address: string): string {
  const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}
