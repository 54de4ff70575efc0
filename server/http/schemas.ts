import type { JsonSchema } from './route.ts';

/** Reusable request/response schema fragments (also published in OpenAPI). */
export const idParam = { type: 'string', minLength: 1, maxLength: 64 } as const;

export const pageQuery = (extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string', maxLength: 2000 },
    ...extra,
  },
});

export const pageOf = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'] } },
});

export const baseDocProps = {
  id: { type: 'string' },
  version: { type: 'integer' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
} as const;

/** PATCH bodies carry the version they were based on. */
export const withVersion = (props: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: { version: { type: 'integer', minimum: 1 }, ...props },
});

export const userSchema: JsonSchema = {
  type: 'object',
  properties: {
    ...baseDocProps,
    username: { type: 'string' },
    displayName: { type: 'string' },
    email: { type: 'string' },
    phone: { type: 'string' },
    departmentId: { type: ['string', 'null'] },
    roles: { type: 'array', items: { type: 'string' } },
    isActive: { type: 'boolean' },
  },
};
