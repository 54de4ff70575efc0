/**
 * Builds TemplateSheets for unit tests from a compact description:
 * `{ A1: 'Title', B3: 5, C3: '=A3*2', D4: { v: null, fill: 'FF0000' } }`.
 */
import { decodeCell, decodeRange } from '../../../builder/excel-import/cell-address.ts';
import type {
  DataValidation,
  TemplateCell,
  TemplateSheet,
  TemplateWorkbook,
} from '../../../builder/excel-import/sheet-model.ts';

type CellSpec = string | number | boolean | null | Partial<TemplateCell>;

export function sheet(
  name: string,
  cells: Record<string, CellSpec>,
  extra: { merges?: string[]; validations?: DataValidation[] } = {},
): TemplateSheet {
  const list: TemplateCell[] = Object.entries(cells).map(([address, spec]) => {
    const pos = decodeCell(address);
    if (!pos) throw new Error(`bad address ${address}`);
    if (spec !== null && typeof spec === 'object') return { ...pos, v: null, t: 'z', ...spec };
    if (typeof spec === 'string' && spec.startsWith('=')) return { ...pos, v: 0, t: 'n', f: spec.slice(1) };
    if (spec === null) return { ...pos, v: null, t: 'z' };
    const t = typeof spec === 'number' ? 'n' : typeof spec === 'boolean' ? 'b' : 's';
    return { ...pos, v: spec, t };
  });
  list.sort((a, b) => a.r - b.r || a.c - b.c);
  return {
    name,
    rowCount: Math.max(0, ...list.map((c) => c.r + 1)),
    columnCount: Math.max(0, ...list.map((c) => c.c + 1)),
    cells: list,
    merges: (extra.merges ?? []).map((m) => decodeRange(m)!),
    validations: extra.validations ?? [],
  };
}

export function workbook(sheets: TemplateSheet[], names: TemplateWorkbook['names'] = []): TemplateWorkbook {
  return { format: 'xlsx', sheets, names };
}
