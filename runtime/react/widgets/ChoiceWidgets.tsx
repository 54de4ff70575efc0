import { Checkbox, Radio, Select, Switch } from 'antd';
import { message } from '../messages.ts';
import type { WidgetProps } from './types.ts';
import { useRenderer } from './types.ts';

/** Option labels are plain strings: antd renders them as text nodes, never as HTML. */
const optionsOf = (field: WidgetProps['field']) =>
  'options' in field ? field.options.map((o) => ({ value: o.value, label: o.label })) : [];

export function SelectWidget({ id, field, value, onChange, isReadOnly, hasError, isCell }: WidgetProps) {
  return (
    <Select
      id={id}
      value={typeof value === 'string' ? value : undefined}
      options={optionsOf(field)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={isReadOnly}
      status={hasError ? 'error' : undefined}
      variant={isCell ? 'borderless' : undefined}
      style={{ width: '100%' }}
      placeholder={'placeholder' in field ? field.placeholder : undefined}
      onChange={(next) => onChange(next ?? null)}
    />
  );
}

export function MultiSelectWidget({ id, field, value, onChange, isReadOnly, hasError, isCell }: WidgetProps) {
  return (
    <Select
      id={id}
      mode="multiple"
      value={Array.isArray(value) ? (value as string[]) : []}
      options={optionsOf(field)}
      allowClear
      disabled={isReadOnly}
      status={hasError ? 'error' : undefined}
      variant={isCell ? 'borderless' : undefined}
      style={{ width: '100%' }}
      onChange={(next) => onChange(next)}
    />
  );
}

export function RadioWidget({ id, field, value, onChange, isReadOnly }: WidgetProps) {
  return (
    <Radio.Group
      id={id}
      value={value ?? undefined}
      options={optionsOf(field)}
      disabled={isReadOnly}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function CheckboxesWidget({ id, field, value, onChange, isReadOnly }: WidgetProps) {
  return (
    <span id={id}>
      <Checkbox.Group
        value={Array.isArray(value) ? (value as string[]) : []}
        options={optionsOf(field)}
        disabled={isReadOnly}
        onChange={(next) => onChange(next)}
      />
    </span>
  );
}

/** yes / no */
export function BooleanWidget({ id, value, onChange, isReadOnly }: WidgetProps) {
  const { locale } = useRenderer();
  return (
    <Switch
      id={id}
      checked={value === true}
      disabled={isReadOnly}
      checkedChildren={message(locale, 'yes')}
      unCheckedChildren={message(locale, 'no')}
      onChange={(checked) => onChange(checked)}
    />
  );
}
