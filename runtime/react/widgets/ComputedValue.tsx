import { FunctionOutlined } from '@ant-design/icons';
import { Flex, Tooltip, Typography } from 'antd';
import { displayValue } from '../format.ts';
import { message } from '../messages.ts';
import type { WidgetProps } from './types.ts';
import { useRenderer } from './types.ts';

/** A computed field: its formatted value, read-only, with the formula in a tooltip. */
export function ComputedValue({ id, field, value, isCell }: WidgetProps) {
  const { locale } = useRenderer();
  const formula = 'formula' in field ? field.formula : undefined;
  const text = displayValue(field, value, locale);
  return (
    <Tooltip title={formula ? message(locale, 'computed', { formula }) : undefined}>
      <Flex
        id={id}
        align="center"
        justify={typeof value === 'number' ? 'flex-end' : 'flex-start'}
        gap={6}
        data-computed={field.name}
        style={{
          minHeight: isCell ? 30 : 32,
          padding: isCell ? '0 11px' : '4px 11px',
          background: isCell ? undefined : 'rgba(0,0,0,0.02)',
          border: isCell ? undefined : '1px solid rgba(5,5,5,0.06)',
          borderRadius: 6,
        }}
      >
        {!isCell && <FunctionOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
        <Typography.Text
          strong={!isCell}
          style={{
            fontVariantNumeric: 'tabular-nums',
            flex: isCell ? undefined : 1,
            textAlign: typeof value === 'number' ? 'right' : 'left',
          }}
        >
          <span data-value>{text}</span>
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}
