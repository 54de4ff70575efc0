import type { CompiledField } from '../../core/index.ts';

const MIN_WIDTH: Partial<Record<CompiledField['type'], number>> = {
  number: 90,
  money: 120,
  percent: 90,
  boolean: 80,
  date: 140,
  datetime: 180,
  select: 140,
  multiselect: 180,
  member: 160,
  department: 160,
  attachment: 180,
  signature: 200,
  textarea: 200,
};

/** CSS grid columns: drag handle, row number, the data columns (width = relative share), actions. */
export function gridTemplate(
  columns: readonly CompiledField[],
  isViewOnly: boolean,
): { template: string; minWidth: number } {
  const data = columns.map((c) => ({ min: MIN_WIDTH[c.type] ?? 140, share: c.width ?? 1 }));
  const lead = isViewOnly ? '44px' : '28px 44px';
  const tail = isViewOnly ? '' : ' 40px';
  const template = `${lead} ${data.map((d) => `minmax(${d.min}px, ${d.share}fr)`).join(' ')}${tail}`;
  const minWidth = data.reduce((sum, d) => sum + d.min, 0) + (isViewOnly ? 44 : 112);
  return { template, minWidth };
}

export const TABLE_CSS = `
.fw-grid-row { display: grid; align-items: stretch; border-bottom: 1px solid #f0f0f0; background: #fff; }
.fw-grid-row:hover { background: #fafafa; }
.fw-grid-head { display: grid; background: #fafafa; border-bottom: 1px solid #f0f0f0; font-weight: 600; font-size: 13px; color: rgba(0,0,0,0.75); }
.fw-grid-head > div { padding: 8px 11px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.fw-grid-total { display: grid; background: #fafafa; border-top: 1px solid #f0f0f0; font-weight: 600; }
.fw-grid-total > div { padding: 8px 11px; text-align: right; font-variant-numeric: tabular-nums; }
.fw-cell { min-width: 0; border-inline-start: 1px solid #f0f0f0; display: flex; flex-direction: column; justify-content: center; }
.fw-cell:focus-within { box-shadow: inset 0 0 0 2px #1677ff; }
.fw-cell-error { box-shadow: inset 0 0 0 1px #ff4d4f; }
.fw-cell-message { color: #ff4d4f; font-size: 12px; line-height: 16px; padding: 0 11px 4px; }
.fw-row-lead { display: flex; align-items: center; justify-content: center; color: rgba(0,0,0,0.45); font-size: 12px; }
.fw-drag { cursor: grab; touch-action: none; }
.fw-card-field { margin-bottom: 8px; }
.fw-card-field > label { display: block; font-size: 12px; color: rgba(0,0,0,0.55); margin-bottom: 2px; }
.fw-card-field .fw-cell { border: 1px solid #d9d9d9; border-radius: 6px; }
`;
