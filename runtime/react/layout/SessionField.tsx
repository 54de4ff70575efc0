import { Form } from 'antd';
import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import type { UiSchema } from '../../core/index.ts';
import { useFieldErrors, useFieldState, useFieldValue, useSessionStore } from '../hooks.ts';
import { LineItemTable } from '../table/LineItemTable.tsx';
import { widgetFor } from '../widgets/registry.ts';
import { useRenderer } from '../widgets/types.ts';
import { focusNextField } from './focus.ts';

/** One top-level field: a line-item table, or a widget in a labelled form item. */
export const SessionField = memo(function SessionField({ name }: { name: string }) {
  const store = useSessionStore();
  const state = useFieldState(name);
  const field = store.field(name);
  if (!field || !state.isVisible) return null;
  if (field.type === 'table') return <LineItemTable name={name} />;
  return <ScalarField name={name} isRequired={state.isRequired} isReadOnly={state.isReadOnly} />;
});

function ScalarField({
  name,
  isRequired,
  isReadOnly,
}: {
  name: string;
  isRequired: boolean;
  isReadOnly: boolean;
}) {
  const store = useSessionStore();
  const { isViewOnly } = useRenderer();
  const field = store.field(name)!;
  const value = useFieldValue(name);
  const errors = useFieldErrors(name);
  const ui = store.compiled.uiSchema[name] as UiSchema | undefined;
  const Widget = widgetFor(field, ui, isViewOnly);
  const id = `fw-${name}`;
  const onEnterKey = (event: KeyboardEvent) => focusNextField(event.currentTarget as HTMLElement);
  return (
    <div data-path={name} data-testid={`field-${name}`}>
      <Form.Item
        label={field.label}
        htmlFor={id}
        required={isRequired && !isViewOnly}
        validateStatus={errors.length > 0 ? 'error' : undefined}
        help={errors.length > 0 ? errors[0].message : field.description}
        style={{ marginBottom: 16 }}
      >
        <Widget
          id={id}
          field={field}
          value={value}
          isReadOnly={isReadOnly || isViewOnly || field.type === 'serial'}
          hasError={errors.length > 0}
          onChange={(next) => store.setValue(name, next)}
          onEnterKey={onEnterKey}
        />
      </Form.Item>
    </div>
  );
}
