/**
 * Data validations of an .ods (SheetJS does not read them), from content.xml with a real
 * XML parser: the rules under `table:content-validations`, and the cells that name one
 * (`table:content-validation-name`). Cell positions count `table:number-columns-repeated`,
 * `table:number-rows-repeated` and covered cells; runs of cells become ranges, never
 * cells one by one, so a validated whole column is one range.
 */
import { XMLParser } from 'fast-xml-parser';
import { encodeRange, MAX_COL, MAX_ROW } from '../../../builder/excel-import/cell-address.ts';
import type { ConditionRule } from './ods-condition.ts';
import { conditionRule } from './ods-condition.ts';
import type { ValidationsRead } from './validation-source.ts';
import { MAX_VALIDATIONS, ValidationCollector } from './validation-source.ts';

/** content.xml larger than this is not parsed a second time for validations. */
export const MAX_CONTENT_XML = 32 * 1024 * 1024;
/** cell runs kept per validation and sheet before merging */
const MAX_RUNS = 20_000;
const MAX_GROUP_DEPTH = 32;
const ROW_GROUPS = new Set(['table-row-group', 'table-header-rows', 'table-rows']);
const CELLS = new Set(['table-cell', 'covered-table-cell']);

interface Run {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  preserveOrder: true,
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // what a cell shows and everything outside the body is not needed here
  stopNodes: ['*.p', '*.annotation', '*.shapes', '*.forms', '*.automatic-styles', '*.font-face-decls'],
});

export function readOdsValidations(contentXml: string): ValidationsRead {
  const found = new ValidationCollector();
  if (!contentXml.includes('content-validation')) return found.result();
  if (contentXml.length > MAX_CONTENT_XML) {
    found.note({}, 'data validations were not read: content.xml is too large');
    return found.result();
  }
  if (/<!DOCTYPE/i.test(contentXml)) {
    found.note({}, 'data validations were not read: content.xml declares a DOCTYPE');
    return found.result();
  }
  let spreadsheet: Xml[];
  try {
    spreadsheet = childrenOf(
      childrenOf(childrenOf(parser.parse(contentXml), 'document-content'), 'body'),
      'spreadsheet',
    );
  } catch {
    found.note({}, 'data validations were not read: content.xml could not be parsed');
    return found.result();
  }
  const rules = new Map<string, ConditionRule>();
  for (const node of childrenOf(spreadsheet, 'content-validations')) {
    if (tagOf(node) !== 'content-validation') continue;
    const name = attr(node, 'name');
    if (name !== undefined && !rules.has(name)) rules.set(name, conditionRule(attr(node, 'condition') ?? ''));
  }
  for (const table of spreadsheet) {
    const sheet = tagOf(table) === 'table' ? attr(table, 'name') : undefined;
    if (sheet === undefined) continue;
    const runs = new Map<string, Run[]>();
    const isCut = walkRows(Array.isArray(table.table) ? table.table : [], {
      row: 0,
      depth: 0,
      onCell: (name, run) => {
        if (!rules.has(name)) return true;
        const list = runs.get(name) ?? [];
        runs.set(name, list);
        const last = list.at(-1);
        if (last && last.r0 === run.r0 && last.r1 === run.r1 && last.c1 + 1 === run.c0) last.c1 = run.c1;
        else if (list.length < MAX_RUNS) list.push(run);
        else return false;
        return true;
      },
    });
    if (isCut)
      found.note({ sheet }, 'the sheet has too many validated cells; some data validations were cut');
    addRules({ sheet, runs, rules, found });
  }
  return found.result();
}

function addRules(args: {
  sheet: string;
  runs: Map<string, Run[]>;
  rules: Map<string, ConditionRule>;
  found: ValidationCollector;
}): void {
  const { sheet, runs, rules, found } = args;
  for (const [name, list] of runs) {
    const rule = rules.get(name)!;
    const sqref = mergeRuns(list)
      .map((run) => encodeRange({ s: { r: run.r0, c: run.c0 }, e: { r: run.r1, c: run.c1 } }))
      .join(' ');
    if ('problem' in rule) {
      found.note({ sheet, sqref }, `the data-validation list was left out: its source is ${rule.problem}`);
    } else if (
      !found.add(sheet, { type: rule.type, sqref, ...(rule.formula1 ? { formula1: rule.formula1 } : {}) })
    ) {
      found.note({ sheet }, `only the first ${MAX_VALIDATIONS} data validations were read`);
      return;
    }
  }
}

/** Walks rows (inside row groups too) in order; false from `onCell` stops. Returns true when cut short. */
function walkRows(
  nodes: Xml[],
  state: { row: number; depth: number; onCell: (name: string, run: Run) => boolean },
): boolean {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (ROW_GROUPS.has(tag)) {
      if (state.depth >= MAX_GROUP_DEPTH) return true;
      state.depth++;
      const isCut = walkRows(node[tag], state);
      state.depth--;
      if (isCut) return true;
      continue;
    }
    if (tag !== 'table-row') continue;
    if (state.row > MAX_ROW) return false;
    const repeat = count(attr(node, 'number-rows-repeated'));
    let col = 0;
    for (const cell of node[tag] as Xml[]) {
      if (!CELLS.has(tagOf(cell)) || col > MAX_COL) continue;
      const span = count(attr(cell, 'number-columns-repeated'));
      const name = attr(cell, 'content-validation-name');
      const run = {
        r0: state.row,
        r1: Math.min(state.row + repeat - 1, MAX_ROW),
        c0: col,
        c1: Math.min(col + span - 1, MAX_COL),
      };
      if (name !== undefined && !state.onCell(name, run)) return true;
      col += span;
    }
    state.row += repeat;
  }
  return false;
}

/** Runs with the same columns in consecutive rows become one range. */
function mergeRuns(runs: Run[]): Run[] {
  const sorted = [...runs].sort((a, b) => a.c0 - b.c0 || a.c1 - b.c1 || a.r0 - b.r0);
  const merged: Run[] = [];
  for (const run of sorted) {
    const last = merged.at(-1);
    if (last && last.c0 === run.c0 && last.c1 === run.c1 && last.r1 + 1 === run.r0) last.r1 = run.r1;
    else merged.push({ ...run });
  }
  return merged.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

/** A repeat count: a positive integer, else 1. */
function count(value: string | undefined): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Xml = any;

/** Ordered nodes are `{ [tag]: children, ':@': attributes }`. */
function tagOf(node: Xml): string {
  return Object.keys(node ?? {}).find((key) => key !== ':@') ?? '';
}

function childrenOf(nodes: Xml[] | undefined, tag: string): Xml[] {
  const node = (nodes ?? []).find((n) => tagOf(n) === tag);
  return Array.isArray(node?.[tag]) ? node[tag] : [];
}

function attr(node: Xml, name: string): string | undefined {
  const attrs = node?.[':@'];
  return attrs && Object.hasOwn(attrs, name) ? String(attrs[name]) : undefined;
}
