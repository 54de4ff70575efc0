/** Reading label cells: required markers, trailing colons, units in brackets. */

export interface LabelInfo {
  /** display label: markers and the trailing colon removed */
  label: string;
  /** label without a bracketed unit, for key and type guesses */
  base: string;
  /** bracketed suffix such as `元`, `USD`, `kg` */
  unit?: string;
  /** a leading or trailing `*` */
  isRequired: boolean;
  /** ended with `:` or `：` */
  hasColon: boolean;
}

const SPACE = /[\s\u3000\u00a0]+/g;
const STAR = /^[*＊]+|[*＊]+$/g;
const COLON = /[:：]$/;
const UNIT = /^(.*?)[\s]*[（(]([^（）()]{1,12})[）)]$/;
const TOTAL =
  /^(合\s*计|小\s*计|总\s*计|共\s*计|总\s*金\s*额|grand\s*total|sub-?\s*total|total|sum)\b|^(合\s*计|小\s*计|总\s*计|共\s*计)/i;

export function parseLabel(raw: string): LabelInfo {
  let text = raw.replace(SPACE, ' ').trim();
  let isRequired = false;
  let hasColon = false;
  for (let pass = 0; pass < 3; pass++) {
    const before = text;
    if (STAR.test(text)) isRequired = true;
    text = text.replace(STAR, '').trim();
    if (COLON.test(text)) hasColon = true;
    text = text.replace(COLON, '').trim();
    if (text === before) break;
  }
  const unitMatch = UNIT.exec(text);
  const base = (unitMatch ? unitMatch[1] : text).trim() || text;
  const info: LabelInfo = { label: text, base, isRequired, hasColon };
  if (unitMatch) info.unit = unitMatch[2].trim();
  return info;
}

/** Text that reads like a label: short, not a number or a date, not a sentence. */
export function isLabelLike(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return false;
  if (/^[-+]?[\d,.\s%¥$€£]+$/.test(t)) return false;
  if (/^\d{4}[-/.年]\d{1,2}/.test(t)) return false;
  if (/[。！？.!?]$/.test(t) && t.length > 20) return false;
  return t.split(/\s+/).length <= 6;
}

/** `合计`, `小计`, `Total`, `Subtotal`… — the first cell of a totals row. */
export function isTotalsLabel(text: string): boolean {
  return TOTAL.test(parseLabel(text).base);
}

/** `Excel red` and its neighbours: a red fill marks a required input in many templates. */
export function isRedFill(rgb: string | undefined): boolean {
  if (!rgb || !/^[0-9a-f]{6}$/i.test(rgb)) return false;
  const r = parseInt(rgb.slice(0, 2), 16);
  const g = parseInt(rgb.slice(2, 4), 16);
  const b = parseInt(rgb.slice(4, 6), 16);
  return r >= 0xc0 && g <= 0x70 && b <= 0x70;
}

/** Whether `text` contains CJK characters (labels are then joined without spaces). */
export function isCjk(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}
