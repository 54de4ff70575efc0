/** What the formula translator asks of the layout analysis, and how it refuses. */
import type { CellRange } from './cell-address.ts';
import type { CellValue } from './sheet-model.ts';

export type UntranslatableCode =
  'external-reference' | 'unsupported-reference' | 'unsupported-syntax' | 'unknown-name';

export class Untranslatable extends Error {
  constructor(
    readonly code: UntranslatableCode,
    message: string,
  ) {
    super(message);
  }
}

/** What a reference points at, as decided by the layout analysis. */
export type CellTarget =
  { kind: 'key'; key: string } | { kind: 'constant'; value: CellValue } | { kind: 'none'; why: string };

export type RangeTarget =
  | { kind: 'column'; path: string }
  | { kind: 'constants'; rows: CellValue[][] }
  | { kind: 'none'; why: string };

export interface RefResolver {
  /** `sheet` is undefined for the formula's own sheet */
  cell(sheet: string | undefined, range: CellRange): CellTarget;
  range(sheet: string | undefined, range: CellRange): RangeTarget;
  /** a defined name → its reference text (`Sheet1!$B$3`) or constant, or null when unknown */
  name(name: string): string | null;
  /** what Excel's `ROW()` means here (`(ROW() + 9)` in a line item, `5` in the header), or null */
  row(): string | null;
  /** an external link id (`1` of `[1]Sheet1!A1`) → the linked workbook's name */
  externalName(id: string): string;
}
