import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { WidgetProps } from './types.ts';

/**
 * `date` is stored as `YYYY-MM-DD`, `datetime` as RFC 3339 with the local offset. The picker's
 * month and weekday names follow dayjs's global locale, which the app sets with the UI language.
 */
export function DateWidget({ id, field, value, onChange, isReadOnly, hasError, isCell }: WidgetProps) {
  const isDateTime = field.type === 'datetime';
  const parsed = useMemo<Dayjs | null>(() => {
    if (typeof value !== 'string' || value === '') return null;
    const d = dayjs(value);
    return d.isValid() ? d : null;
  }, [value]);
  return (
    <DatePicker
      id={id}
      value={parsed}
      showTime={isDateTime ? { format: 'HH:mm' } : false}
      format={isDateTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
      disabled={isReadOnly}
      status={hasError ? 'error' : undefined}
      variant={isCell ? 'borderless' : undefined}
      style={{ width: '100%' }}
      onChange={(next) =>
        onChange(
          next ? (isDateTime ? next.second(0).millisecond(0).format() : next.format('YYYY-MM-DD')) : null,
        )
      }
    />
  );
}
