import type { CompiledField } from '../core/index.ts';
import type { JsonValue } from '../core/formula/index.ts';
import type { RendererLocale } from './messages.ts';

export interface NumberFormat {
  precision?: number;
  isGrouped: boolean;
  /** percent values are stored as fractions and shown ×100 */
  isPercent: boolean;
  prefix?: string;
  suffix?: string;
}

const CURRENCY_SYMBOLS: Record<string, string> = {
  CNY: '¥',
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  HKD: 'HK$',
};

export function numberFormatOf(field: CompiledField): NumberFormat {
  switch (field.type) {
    case 'money':
      return {
        precision: field.precision ?? 2,
        isGrouped: field.thousandsSeparator ?? true,
        isPercent: false,
        prefix: CURRENCY_SYMBOLS[field.currency ?? 'CNY'] ?? field.currency,
      };
    case 'percent':
      return {
        precision: field.precision,
        isGrouped: field.thousandsSeparator ?? false,
        isPercent: true,
        suffix: '%',
      };
    case 'number':
      return {
        precision: field.precision,
        isGrouped: field.thousandsSeparator ?? false,
        isPercent: false,
        suffix: field.unit,
      };
    default:
      return { isGrouped: false, isPercent: false };
  }
}

/** `1234.5` → `1,234.50` (grouping and fixed decimals; no symbols). */
export function formatNumber(value: number, format: Pick<NumberFormat, 'precision' | 'isGrouped'>): string {
  const fixed = format.precision === undefined ? String(round15(value)) : value.toFixed(format.precision);
  if (!format.isGrouped) return fixed;
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A stored value as the user reads it: numbers formatted, percent ×100, booleans and lists as words. */
export function displayValue(field: CompiledField, value: JsonValue, locale: RendererLocale): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') {
    const format = numberFormatOf(field);
    const shown = format.isPercent ? round15(value * 100) : value;
    return `${format.prefix ?? ''}${formatNumber(shown, format)}${format.suffix ? (format.isPercent ? '%' : ` ${format.suffix}`) : ''}`;
  }
  if (typeof value === 'boolean') return locale === 'zh-CN' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  if ((field.type === 'select' || field.type === 'multiselect') && 'options' in field) {
    const labels = (Array.isArray(value) ? value : [value]).map(
      (v) => field.options.find((o) => o.value === v)?.label ?? String(v),
    );
    return labels.join(', ');
  }
  if (Array.isArray(value)) {
    return value
      .map((item) => (item && typeof item === 'object' && 'name' in item ? String(item.name) : String(item)))
      .join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Text typed or pasted into a numeric field → its stored number: grouping commas, currency
 * symbols and spaces dropped; `12.5%` or `12.5` in a percent field → 0.125. Blank → null.
 */
export function parseNumberText(text: string, isPercent: boolean): number | null | undefined {
  const cleaned = text.replace(/[,\s¥$€£]|HK\$/g, '').replace(/%$/, '');
  if (cleaned === '' || cleaned === '-') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return isPercent ? round15(n / 100) : n;
}

export function round15(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}
