import type { ComponentType } from 'react';
import type { CompiledField, UiSchema } from '../../core/index.ts';
import { AttachmentWidget } from './AttachmentWidget.tsx';
import {
  BooleanWidget,
  CheckboxesWidget,
  MultiSelectWidget,
  RadioWidget,
  SelectWidget,
} from './ChoiceWidgets.tsx';
import { ComputedValue } from './ComputedValue.tsx';
import { DateWidget } from './DateWidgets.tsx';
import { NumberWidget } from './NumberWidget.tsx';
import { ReadOnlyText, TEXT_WHEN_VIEWED } from './ReadOnlyText.tsx';
import { DepartmentWidget, MemberWidget } from './OrgWidgets.tsx';
import { SignatureWidget } from './SignatureWidget.tsx';
import { ScanWidget, SerialWidget, TextareaWidget, TextWidget } from './TextWidgets.tsx';
import type { WidgetProps } from './types.ts';

/** By the `ui:widget` names runtime/core's compiler writes into the uiSchema. */
export const WIDGETS: Record<string, ComponentType<WidgetProps>> = {
  text: TextWidget,
  email: TextWidget,
  textarea: TextareaWidget,
  scan: ScanWidget,
  number: NumberWidget,
  money: NumberWidget,
  percent: NumberWidget,
  date: DateWidget,
  datetime: DateWidget,
  select: SelectWidget,
  radio: RadioWidget,
  checkboxes: CheckboxesWidget,
  checkbox: BooleanWidget,
  member: MemberWidget,
  department: DepartmentWidget,
  attachment: AttachmentWidget,
  signature: SignatureWidget,
  serial: SerialWidget,
};

/**
 * The widget for a field: computed fields show their value; multiselect dropdowns take the
 * multi Select; a read-only render shows plain values as text.
 */
export function widgetFor(
  field: CompiledField,
  ui: UiSchema | undefined,
  isViewOnly = false,
): ComponentType<WidgetProps> {
  if (field.isComputed) return ComputedValue;
  if (isViewOnly && TEXT_WHEN_VIEWED.has(field.type)) return ReadOnlyText;
  const name = typeof ui?.['ui:widget'] === 'string' ? ui['ui:widget'] : field.type;
  if (field.type === 'multiselect' && name === 'select') return MultiSelectWidget;
  return WIDGETS[name] ?? TextWidget;
}
