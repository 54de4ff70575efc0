import { displayValue } from '../format.ts';
import type { WidgetProps } from './types.ts';
import { useRenderer } from './types.ts';

/** Field types a read-only render shows as formatted text instead of a disabled input. */
export const TEXT_WHEN_VIEWED = new Set([
  'text',
  'textarea',
  'phone',
  'email',
  'uscc',
  'number',
  'money',
  'percent',
  'date',
  'datetime',
  'select',
  'multiselect',
  'boolean',
  'serial',
]);

/** A stored value as text (record detail): lighter than an input and easier to read. */
export function ReadOnlyText({ id, field, value, isCell }: WidgetProps) {
  const { locale } = useRenderer();
  const text = displayValue(field, value, locale);
  const isNumber = typeof value === 'number';
  return (
    <div
      id={id}
      data-readonly-value=""
      style={{
        minHeight: isCell ? 30 : 32,
        padding: '4px 11px',
        whiteSpace: field.type === 'textarea' ? 'pre-wrap' : undefined,
        textAlign: isNumber ? 'right' : undefined,
        fontVariantNumeric: isNumber ? 'tabular-nums' : undefined,
        borderBottom: isCell ? undefined : '1px dashed rgba(5,5,5,0.12)',
        overflowWrap: 'anywhere',
      }}
    >
      {text || '—'}
    </div>
  );
}
