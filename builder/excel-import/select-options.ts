/**
 * Data-validation lists → select options: inline lists (`"现金,转账"`) and ranges,
 * on the same or another sheet, directly or through a defined name.
 */
import type { SelectOption } from '../../runtime/core/index.ts';
import { parseExcelFormula } from './excel-formula.ts';
import type { DataValidation } from './sheet-model.ts';
import type { WorkbookIndex } from './workbook-index.ts';

export const MAX_OPTIONS = 1000;
const MAX_OPTION_LENGTH = 200;

export interface OptionsResult {
  options: SelectOption[];
  /** a reason when the list could not be read or was cut */
  problem?: { code: 'validation-ignored' | 'options-truncated'; message: string };
}

export function optionsFromValidation(
  rule: DataValidation,
  index: WorkbookIndex,
  sheet: string,
): OptionsResult | null {
  if (rule.type !== 'list' || !rule.formula1) return null;
  const source = rule.formula1.trim().replace(/^=/, '');
  if (source.startsWith('"')) return toOptions(splitInline(source));
  const values = rangeValues(source, index, sheet, 0);
  if (!values) {
    return {
      options: [],
      problem: { code: 'validation-ignored', message: `the list source ${source} could not be read` },
    };
  }
  return toOptions(values);
}

function splitInline(source: string): string[] {
  const inner = source.replace(/^"|"$/g, '').replace(/""/g, '"');
  return inner.split(',');
}

function rangeValues(source: string, index: WorkbookIndex, sheet: string, depth: number): string[] | null {
  let node;
  try {
    node = parseExcelFormula(source);
  } catch {
    return null;
  }
  if (node.kind === 'name' && depth < 3) {
    const ref = index.name(node.name, sheet);
    return ref ? rangeValues(ref, index, sheet, depth + 1) : null;
  }
  if (node.kind !== 'ref' || node.external !== undefined) return null;
  const rows = index.values(node.sheet ?? sheet, node.range);
  if (!rows) return null;
  return rows
    .flat()
    .filter((v) => v !== null && v !== '')
    .map((v) => String(v));
}

function toOptions(raw: string[]): OptionsResult {
  const seen = new Set<string>();
  const options: SelectOption[] = [];
  let isCut = false;
  for (const item of raw) {
    const value = item.trim().slice(0, MAX_OPTION_LENGTH);
    if (!value || seen.has(value)) continue;
    if (options.length >= MAX_OPTIONS) {
      isCut = true;
      break;
    }
    seen.add(value);
    options.push({ value, label: value });
  }
  const result: OptionsResult = { options };
  if (isCut)
    result.problem = {
      code: 'options-truncated',
      message: `only the first ${MAX_OPTIONS} list entries were kept`,
    };
  if (options.length === 0) result.problem = { code: 'validation-ignored', message: 'the list is empty' };
  return result;
}
