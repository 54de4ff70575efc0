/**
 * Platform functions: who is filling the form and where. They read the
 * evaluation context, so a formula using them is recomputed when it changes.
 */
import { fail } from './coerce.ts';
import { eager } from './define.ts';
import type { FunctionSpec } from './types.ts';

const none = { group: 'platform' as const, minArgs: 0, maxArgs: 0, argTypes: [] };

export const PLATFORM_FUNCTIONS: FunctionSpec[] = [
  eager(
    {
      ...none,
      name: 'USER',
      returns: 'text',
      description: "The current user's name (or id when the name is unknown)",
    },
    (_, ctx) => {
      ctx.tick();
      return ctx.userName ?? ctx.userId ?? '';
    },
  ),
  eager(
    { ...none, name: 'DEPT', returns: 'text', description: "The current user's department name" },
    (_, ctx) => {
      ctx.tick();
      return ctx.departmentName ?? '';
    },
  ),
  eager(
    {
      ...none,
      name: 'RECORD_ID',
      returns: 'text',
      description: 'Id of the record being edited ("" before it is saved)',
    },
    (_, ctx) => {
      ctx.tick();
      return ctx.recordId ?? '';
    },
  ),
  eager(
    {
      ...none,
      name: 'ROW',
      returns: 'number',
      description: '1-based number of the current line-item row, inside a column formula',
    },
    (_, ctx) => {
      ctx.tick();
      return typeof ctx.rowIndex !== 'number'
        ? fail('#VALUE!', 'ROW', 'not inside a line-item row')
        : ctx.rowIndex + 1;
    },
  ),
];
