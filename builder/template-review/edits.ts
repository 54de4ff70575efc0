/**
 * The reviewed definition: the imported one with the admin's label, type and required edits
 * applied. Edits always start from the imported field, so switching a select to text and back
 * brings its options back.
 */
import type { FieldDefinition, FormDefinition } from '../../runtime/core/index.ts';
import { canBeRequired, convertFieldType, isScalarField } from './field-types.ts';
import type { FieldEdit, FieldEdits } from './types.ts';

/** A new definition with `edits` applied (and the title set, when given); `definition` is not changed. */
export function applyEdits(definition: FormDefinition, edits: FieldEdits, title?: string): FormDefinition {
  const next = structuredClone(definition);
  for (const [path, edit] of Object.entries(edits)) {
    const slot = slotAt(next, path);
    if (slot) slot.list[slot.index] = applyFieldEdit(slot.list[slot.index], edit);
  }
  if (title !== undefined) next.settings = { ...next.settings, title: title.trim() };
  return next;
}

/** One field with one edit applied. */
export function applyFieldEdit(field: FieldDefinition, edit: FieldEdit): FieldDefinition {
  let next: FieldDefinition = { ...field };
  if (edit.type && isScalarField(next) && edit.type !== next.type) next = convertFieldType(next, edit.type);
  if (edit.label !== undefined) {
    const label = edit.label.trim();
    next.label = label;
    // a static text block shows its content; the importer made label and content the same text
    if (next.type === 'description') next.content = label;
  }
  if (edit.required !== undefined && canBeRequired(next)) {
    const input = next as { required?: boolean };
    if (edit.required) input.required = true;
    else delete input.required;
  }
  return next;
}

/** The edits with one field's edit merged in; an edit that restores the imported value is dropped. */
export function withFieldEdit(args: {
  edits: FieldEdits;
  path: string;
  patch: FieldEdit;
  imported: FieldDefinition;
}): FieldEdits {
  const { edits, path, patch, imported } = args;
  const merged: FieldEdit = { ...edits[path], ...patch };
  if (merged.label === imported.label) delete merged.label;
  if (merged.type === imported.type) delete merged.type;
  if (merged.required === Boolean((imported as { required?: boolean }).required)) delete merged.required;
  const { [path]: _dropped, ...rest } = edits;
  return Object.keys(merged).length > 0 ? { ...rest, [path]: merged } : rest;
}

/** The field at a `walkFields` path (`fields/9/columns/5`), or undefined. */
export function fieldAt(definition: FormDefinition, path: string): FieldDefinition | undefined {
  const slot = slotAt(definition, path);
  return slot ? slot.list[slot.index] : undefined;
}

/** The list holding the field at `path` and its index there. */
function slotAt(definition: FormDefinition, path: string): { list: FieldDefinition[]; index: number } | null {
  const parts = path.split('/');
  let node: unknown = definition;
  for (const part of parts.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  const index = Number(parts[parts.length - 1]);
  if (!Array.isArray(node) || !Number.isInteger(index) || index < 0 || index >= node.length) return null;
  return { list: node as FieldDefinition[], index };
}
