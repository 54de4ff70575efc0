/**
 * What the .xls and .ods validation readers share: their result, and the Excel spelling of
 * a list source (`"a,b,c"`, `Sheet!$A$2:$A$6`) so the template importer sees the same
 * `SheetValidation` as from an .xlsx.
 */
import { cellLabel } from '../../../builder/excel-import/report.ts';
import type { SheetValidation } from './types.ts';

/** Validations the reader found per sheet, and what it could not carry over. */
export interface ValidationsRead {
  bySheet: Map<string, SheetValidation[]>;
  notes: string[];
}

/** Rules kept per sheet, like the .xlsx reader. */
export const MAX_VALIDATIONS = 1000;
/** Notes one reader may add; a hostile file cannot flood the report. */
const MAX_NOTES = 20;
const MAX_SQREF_SHOWN = 60;

export class ValidationCollector implements ValidationsRead {
  readonly bySheet = new Map<string, SheetValidation[]>();
  readonly notes: string[] = [];
  private dropped = 0;

  /** Adds a rule; false when the sheet already holds MAX_VALIDATIONS. */
  add(sheet: string, rule: SheetValidation): boolean {
    const rules = this.bySheet.get(sheet) ?? [];
    if (rules.length >= MAX_VALIDATIONS) return false;
    rules.push(rule);
    this.bySheet.set(sheet, rules);
    return true;
  }

  /** A note naming the sheet and, when known, the cells the rule applied to. */
  note(where: { sheet?: string; sqref?: string }, message: string): void {
    if (this.notes.length >= MAX_NOTES) {
      this.dropped++;
      return;
    }
    const sqref =
      where.sqref && where.sqref.length > MAX_SQREF_SHOWN
        ? `${where.sqref.slice(0, MAX_SQREF_SHOWN).replace(/\s\S*$/, '')} …`
        : where.sqref;
    const place = where.sheet === undefined ? '' : sqref ? cellLabel(where.sheet, sqref) : where.sheet;
    this.notes.push(place ? `${place}: ${message}` : message);
  }

  result(): ValidationsRead {
    const notes = [...this.notes];
    if (this.dropped > 0) notes.push(`${this.dropped} more data validations could not be carried over`);
    return { bySheet: this.bySheet, notes };
  }
}

/** Explicit list values → Excel's inline form `"a,b,c"` (quotes doubled). */
export function inlineList(values: readonly string[]): string {
  return `"${values.map((value) => value.replace(/"/g, '""')).join(',')}"`;
}

/** `Sheet!` prefix, quoted the way Excel quotes it when the name needs it. */
export const sheetPrefix = (sheet: string): string => cellLabel(sheet, '');
