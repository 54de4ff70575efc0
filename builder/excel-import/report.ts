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
  | 'too-many-fields'
  | 'too-many-warnings';

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

/** Warnings kept in a report; the rest are counted in a last warning. */
export const MAX_WARNINGS = 200;

export class ReportCollector implements ImportReport {
  readonly elements: ReportElement[] = [];
  readonly warnings: ReportWarning[] = [];
  private overflow = 0;

  element(element: ReportElement): void {
    this.elements.push(element);
  }

  warn(cell: string, code: WarningCode, message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ cell, code, message });
    else this.overflow++;
  }

  toJSON(): ImportReport {
    if (this.overflow === 0) return { elements: this.elements, warnings: this.warnings };
    const more = {
      cell: '',
      code: 'too-many-warnings' as const,
      message: `${this.overflow} more warnings were left out`,
    };
    return { elements: this.elements, warnings: [...this.warnings, more] };
  }
}

/** `Sheet1!B3`, quoting sheet names that need it, like Excel. */
export function cellLabel(sheet: string, address: string): string {
  const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}
