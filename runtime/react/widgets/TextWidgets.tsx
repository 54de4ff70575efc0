import { BarcodeOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { message } from '../messages.ts';
import type { WidgetProps } from './types.ts';
import { useRenderer } from './types.ts';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

const INPUT_TYPES: Partial<Record<string, string>> = { phone: 'tel', email: 'email' };

export function TextWidget({ id, field, value, onChange, isReadOnly, hasError, isCell }: WidgetProps) {
  return (
    <Input
      id={id}
      value={text(value)}
      type={INPUT_TYPES[field.type] ?? 'text'}
      inputMode={field.type === 'phone' ? 'tel' : undefined}
      placeholder={'placeholder' in field ? field.placeholder : undefined}
      readOnly={isReadOnly}
      status={hasError ? 'error' : undefined}
      variant={isCell ? 'borderless' : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function TextareaWidget({ id, field, value, onChange, isReadOnly, hasError, isCell }: WidgetProps) {
  return (
    <Input.TextArea
      id={id}
      value={text(value)}
      rows={isCell ? 1 : field.type === 'textarea' ? (field.rows ?? 3) : 3}
      autoSize={isCell ? { minRows: 1, maxRows: 4 } : undefined}
      placeholder={'placeholder' in field ? field.placeholder : undefined}
      readOnly={isReadOnly}
      status={hasError ? 'error' : undefined}
      variant={isCell ? 'borderless' : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * A barcode scanner types the code and presses Enter: Enter commits the value and moves on
 * (next row in a table, next field in the header) instead of submitting anything.
 */
export function ScanWidget({
  id,
  field,
  value,
  onChange,
  isReadOnly,
  hasError,
  isCell,
  onEnterKey,
}: WidgetProps) {
  const { locale } = useRenderer();
  return (
    <Input
      id={id}
      value={text(value)}
      data-scan="true"
      autoComplete="off"
      prefix={isCell ? undefined : <BarcodeOutlined />}
      placeholder={
        ('placeholder' in field && field.placeholder) || (isCell ? undefined : message(locale, 'scanHint'))
      }
      readOnly={isReadOnly}
      status={hasError ? 'error' : undefined}
      variant={isCell ? 'borderless' : undefined}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          e.preventDefault();
          onEnterKey?.(e);
        }
      }}
    />
  );
}

/** Serial numbers are assigned by the server when the record is saved. */
export function SerialWidget({ id, value }: WidgetProps) {
  const { locale } = useRenderer();
  return (
    <Input
      id={id}
      value={text(value)}
      readOnly
      placeholder={message(locale, 'serialPending')}
      variant="filled"
    />
  );
}
