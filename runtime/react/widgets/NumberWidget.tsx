import { Input } from 'antd';
import { useState } from 'react';
import { formatNumber, numberFormatOf, parseNumberText, round15 } from '../format.ts';
import type { WidgetProps } from './types.ts';

/**
 * number / money / percent. While focused the raw number is edited; otherwise it is shown with
 * thousands separators and fixed decimals. Percent is stored as a fraction and edited ×100.
 * A plain antd Input (not InputNumber): lighter in a 500-row grid and exact about what is shown.
 */
export function NumberWidget({ id, field, value, onChange, isReadOnly, hasError, isCell }: WidgetProps) {
  const format = numberFormatOf(field);
  const [draft, setDraft] = useState<string | null>(null);
  const shownNumber = typeof value === 'number' ? (format.isPercent ? round15(value * 100) : value) : null;
  const shown = draft ?? (shownNumber === null ? '' : formatNumber(shownNumber, format));
  return (
    <Input
      id={id}
      value={shown}
      inputMode="decimal"
      autoComplete="off"
      readOnly={isReadOnly}
      status={hasError ? 'error' : undefined}
      variant={isCell ? 'borderless' : undefined}
      prefix={format.prefix && !isCell ? format.prefix : undefined}
      suffix={format.suffix ? format.suffix : undefined}
      style={{ textAlign: 'right' }}
      styles={{ input: { textAlign: 'right' } }}
      onFocus={() => {
        if (!isReadOnly) setDraft(shownNumber === null ? '' : String(shownNumber));
      }}
      onBlur={() => setDraft(null)}
      onChange={(e) => {
        setDraft(e.target.value);
        const parsed = parseNumberText(e.target.value, format.isPercent);
        if (parsed !== undefined) onChange(parsed);
      }}
    />
  );
}
