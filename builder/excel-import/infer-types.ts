/**
 * Field types from what a template shows: data-validation lists, number formats,
 * sample values and header words (数量/qty, 单价/price, 金额/amount, 日期/date…).
 */
import type { FieldType, SelectOption } from '../../runtime/core/index.ts';
import { isMainlandMobile, isValidUscc } from '../../runtime/core/index.ts';
import type { FormatInfo } from './number-format.ts';
import { readNumberFormat } from './number-format.ts';
import type { TemplateCell } from './sheet-model.ts';
import type { FieldHint } from './vocabulary.ts';
import { hintFromWords } from './vocabulary.ts';

export interface TypeEvidence {
  /** label text without markers and unit */
  label: string;
  /** bracketed unit from the label (`元`, `USD`, `kg`) */
  unit?: string;
  /** the input cell (header field) or the first body cell (column) */
  cell?: TemplateCell;
  /** further sample cells (column bodies) */
  samples?: readonly TemplateCell[];
  options?: SelectOption[];
  isColumn: boolean;
}

export interface TypeDecision {
  type: FieldType;
  precision?: number;
  currency?: string;
  unit?: string;
  /** the evidence that decided, for the import report */
  because: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function inferFieldType(evidence: TypeEvidence): TypeDecision {
  if (evidence.options && evidence.options.length > 0)
    return { type: 'select', because: 'data-validation list' };
  const cells = [evidence.cell, ...(evidence.samples ?? [])].filter(
    (c): c is TemplateCell => c !== undefined,
  );
  const format = cells.map((c) => readNumberFormat(c.z)).find((f) => f.kind !== 'general') ?? {
    kind: 'general',
  };
  const hint = hintFromWords(evidence.label);
  const fromFormat = typeFromFormat(format, hint);
  if (fromFormat) return withUnit(fromFormat, evidence);
  if (hint) return withUnit(typeFromHint(hint, evidence.isColumn), evidence);
  const fromSample = typeFromSamples(cells);
  return withUnit(fromSample ?? { type: 'text', because: 'default' }, evidence);
}

function typeFromFormat(format: FormatInfo, hint: FieldHint | null): TypeDecision | null {
  const because = 'number format';
  switch (format.kind) {
    case 'date':
      return { type: 'date', because };
    case 'datetime':
      return { type: 'datetime', because };
    case 'percent':
      return { type: 'percent', precision: format.precision, because };
    case 'money':
      return { type: 'money', precision: format.precision ?? 2, currency: format.currency, because };
    case 'number':
      if (hint === 'money')
        return { type: 'money', precision: format.precision ?? 2, because: 'number format and header words' };
      if (hint === 'percent') return { type: 'percent', because: 'header words' };
      return { type: 'number', precision: format.precision, because };
    case 'text':
      return hint === 'email' || hint === 'phone' || hint === 'uscc'
        ? { type: hint, because: 'header words' }
        : { type: 'text', because };
    default:
      return null;
  }
}

function typeFromHint(hint: FieldHint, isColumn: boolean): TypeDecision {
  const because = 'header words';
  if (hint === 'textarea') return { type: isColumn ? 'text' : 'textarea', because };
  if (hint === 'money') return { type: 'money', precision: 2, because };
  return { type: hint, because };
}

function typeFromSamples(cells: TemplateCell[]): TypeDecision | null {
  const values = cells.filter((c) => c.v !== null && c.v !== '' && c.t !== 'z' && c.t !== 'e');
  if (values.length === 0) return null;
  const because = 'sample values';
  if (values.every((c) => c.t === 'b')) return { type: 'boolean', because };
  if (values.every((c) => c.t === 'n' || (c.t === 's' && isNumericText(String(c.v)))))
    return { type: 'number', because };
  const texts = values.map((c) => String(c.v).trim());
  if (texts.every((t) => EMAIL.test(t))) return { type: 'email', because };
  if (texts.every((t) => isMainlandMobile(t))) return { type: 'phone', because };
  if (texts.every((t) => isValidUscc(t))) return { type: 'uscc', because };
  return { type: 'text', because };
}

/** `12.50`, `-3`, `1,200` — but not `00123` (a code whose zeros matter). */
function isNumericText(text: string): boolean {
  const t = text.trim();
  return /^-?(0|[1-9]\d{0,2}(,\d{3})*|[1-9]\d*)(\.\d+)?$/.test(t) && t.replace(/\D/g, '').length <= 15;
}

function withUnit(decision: TypeDecision, evidence: TypeEvidence): TypeDecision {
  const unit = evidence.unit;
  if (!unit) return decision;
  if (decision.type === 'money' && !decision.currency) {
    const currency = /^(元|rmb|cny|人民币)$/i.test(unit) ? 'CNY' : /^[A-Z]{3}$/.test(unit) ? unit : undefined;
    return currency ? { ...decision, currency } : decision;
  }
  if (decision.type === 'number' && unit.length <= 20) return { ...decision, unit };
  return decision;
}
