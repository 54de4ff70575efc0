/**
 * What SheetJS community edition does not expose, read from the raw .xlsx parts with a
 * real XML parser: data validations (`<dataValidations>` and the x14 form Excel uses for
 * lists on other sheets), kept as sqref ranges; and per-cell fill, border, bold and
 * number format for blank input cells. Only small fragments are parsed: the
 * validations are cut out of the sheet XML, and cell styles come from one linear scan
 * of `<c>` start tags.
 */
import { XMLParser } from 'fast-xml-parser';
import type { SheetValidation } from './types.ts';

export interface CellStyle {
  fill?: string;
  hasBorder?: boolean;
  isBold?: boolean;
  z?: string;
}

export type RawParts = Map<string, Buffer>;

const MAX_VALIDATIONS = 1000;
const MAX_FRAGMENT = 4 * 1024 * 1024;
/** Built-in number formats that say something about type (ids 9–22, 44…). */
const BUILTIN_FORMATS: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  22: 'yyyy-mm-dd hh:mm',
  2: '0.00',
  4: '#,##0.00',
  44: '_("$"* #,##0.00_)',
  49: '@',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) =>
    [
      'dataValidation',
      'sheet',
      'Relationship',
      'xf',
      'font',
      'fill',
      'border',
      'numFmt',
      'externalReference',
    ].includes(name),
});

/** Sheet name → path of its XML part, from workbook.xml and its relationships. */
export function sheetPaths(parts: RawParts): Map<string, string> {
  const paths = new Map<string, string>();
  const workbook = parse(parts.get('xl/workbook.xml'));
  const rels = parse(parts.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map<string, string>();
  for (const rel of asArray(rels?.Relationships?.Relationship))
    targets.set(String(rel.Id), String(rel.Target));
  for (const sheet of asArray(workbook?.workbook?.sheets?.sheet)) {
    const target = targets.get(String(sheet.id));
    if (!target) continue;
    paths.set(String(sheet.name), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return paths;
}

/** Files behind `[1]`, `[2]`… in formulas, in workbook order (only their base names). */
export function externalLinks(parts: RawParts): string[] {
  const workbook = parse(parts.get('xl/workbook.xml'));
  const rels = parse(parts.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map<string, string>();
  for (const rel of asArray(rels?.Relationships?.Relationship))
    targets.set(String(rel.Id), String(rel.Target));
  return asArray(workbook?.workbook?.externalReferences?.externalReference).map((ref, i) => {
    const part = targets.get(String(ref.id))?.replace(/^\/?(xl\/)?/, '');
    const linkRels = part ? parse(parts.get(`xl/${part.replace(/([^/]+)$/, '_rels/$1.rels')}`)) : undefined;
    const target = asArray(linkRels?.Relationships?.Relationship)[0]?.Target;
    return target ? String(target).split(/[\\/]/).pop()! : `external link ${i + 1}`;
  });
}

export function readValidations(sheetXml: string): SheetValidation[] {
  const validations: SheetValidation[] = [];
  for (const fragment of fragments(sheetXml, 'dataValidations')) {
    for (const rule of asArray(parse(fragment)?.dataValidations?.dataValidation)) {
      if (validations.length >= MAX_VALIDATIONS) return validations;
      const formula1 = text(rule.formula1?.f ?? rule.formula1);
      const sqref = String(rule.sqref ?? text(rule.sqref) ?? '').trim();
      if (!sqref) continue;
      validations.push({ type: String(rule.type ?? 'any'), sqref, ...(formula1 ? { formula1 } : {}) });
    }
  }
  return validations;
}

/** Styles of the cells inside the window (rows < maxRow, columns < maxCol), by `r * 16384 + c`. */
export function readCellStyles(
  sheetXml: string,
  stylesXml: string | undefined,
  window: { maxRow: number; maxCol: number },
): Map<number, CellStyle> {
  const xfStyles = styleTable(stylesXml);
  const styles = new Map<number, CellStyle>();
  const tag = /<(?:\w+:)?c\b([^>]*)>/g;
  for (let match = tag.exec(sheetXml); match; match = tag.exec(sheetXml)) {
    const attrs = match[1];
    const ref = /\br="([A-Z]{1,3})(\d{1,7})"/.exec(attrs);
    const s = /\bs="(\d+)"/.exec(attrs);
    if (!ref || !s) continue;
    const r = Number(ref[2]) - 1;
    if (r >= window.maxRow) break;
    const c = [...ref[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const style = xfStyles[Number(s[1])];
    if (c < window.maxCol && style) styles.set(r * 16_384 + c, style);
  }
  return styles;
}

/** cellXfs index → the style facts we use. */
function styleTable(stylesXml: string | undefined): (CellStyle | undefined)[] {
  const root = parse(stylesXml)?.styleSheet;
  if (!root) return [];
  const formats = new Map<number, string>();
  for (const fmt of asArray(root.numFmts?.numFmt)) formats.set(Number(fmt.numFmtId), String(fmt.formatCode));
  const fills = asArray(root.fills?.fill).map((fill) => {
    const pattern = fill.patternFill;
    const rgb = pattern?.patternType === 'solid' ? String(pattern.fgColor?.rgb ?? '') : '';
    return /^[0-9A-F]{8}$/i.test(rgb)
      ? rgb.slice(2).toUpperCase()
      : /^[0-9A-F]{6}$/i.test(rgb)
        ? rgb.toUpperCase()
        : undefined;
  });
  const borders = asArray(root.borders?.border).map((border) =>
    ['left', 'right', 'top', 'bottom'].some((side) => border[side]?.style && border[side].style !== 'none'),
  );
  const bold = asArray(root.fonts?.font).map(
    (font) => font.b !== undefined && font.b?.val !== 'false' && font.b?.val !== '0',
  );
  return asArray(root.cellXfs?.xf).map((xf) => {
    const style: CellStyle = {};
    const fill = fills[Number(xf.fillId ?? 0)];
    if (fill) style.fill = fill;
    if (borders[Number(xf.borderId ?? 0)]) style.hasBorder = true;
    if (bold[Number(xf.fontId ?? 0)]) style.isBold = true;
    const id = Number(xf.numFmtId ?? 0);
    const z = formats.get(id) ?? BUILTIN_FORMATS[id];
    if (z) style.z = z;
    return Object.keys(style).length > 0 ? style : undefined;
  });
}

/** `<tag …>…</tag>` fragments (any namespace prefix), each capped in size. */
function fragments(xml: string, tag: string): string[] {
  const found: string[] = [];
  const open = new RegExp(`<((?:\\w+:)?${tag})\\b`, 'g');
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    const close = xml.indexOf(`</${match[1]}>`, match.index);
    if (close < 0 || close - match.index > MAX_FRAGMENT) continue;
    found.push(xml.slice(match.index, close + match[1].length + 3));
    open.lastIndex = close;
  }
  return found;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Xml = any;

function parse(xml: string | Buffer | undefined): Xml {
  if (xml === undefined) return undefined;
  try {
    return parser.parse(typeof xml === 'string' ? xml : xml.toString('utf8'));
  } catch {
    return undefined;
  }
}

function asArray(value: Xml): Xml[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function text(value: Xml): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return value['#text'] === undefined ? undefined : String(value['#text']);
  return String(value);
}
