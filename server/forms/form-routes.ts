import { formAccessSchema } from '../../schemas/form-access.ts';
import { formDefinitionFromJsonSchema, type FormDefinition } from '../../runtime/core/index.ts';
import { Forbidden, NotFound, ValidationError } from '../errors/index.ts';
import { created, defineRoute, type RouteDef } from '../http/route.ts';
import { baseDocProps, pageOf, pageQuery, withVersion } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import type { Filter, FormDoc, FormGrants, Json, User } from '../store/types.ts';
import { assertValidDefinition } from './form-definition-check.ts';
import {
  visibleFormsFilter,
  canManageForm,
  canSubmit,
  canViewAllRecords,
  defaultGrants,
  formAccess,
  grantsSchema,
} from './grants.ts';
import type { FormPublisher } from './publish.ts';

export const formSchema = {
  type: 'object',
  properties: {
    ...baseDocProps,
    title: { type: 'string' },
    description: { type: 'string' },
    draft: { type: 'object' },
    grants: grantsSchema,
    indexedFields: { type: 'array', items: { type: 'string' } },
    publishedVersion: { type: 'integer' },
    createdBy: { type: 'string' },
    access: formAccessSchema,
  },
};

const emptyDefinition = (title: string): FormDefinition =>
  ({ schemaVersion: 1, settings: { title, indexedFields: [] }, fields: [] }) as unknown as FormDefinition;

interface CreateFormBody {
  title: string;
  description?: string;
  definition?: unknown;
  jsonSchema?: Record<string, unknown>;
  grants?: FormGrants;
}

/** What a user who may only fill or view a form sees of it: no draft, no grants. */
const summaryOf = (form: FormDoc) => {
  const { draft: _draft, grants: _grants, ...rest } = form;
  return rest;
};

/**
 * A form as `user` may see it (managers: all of it, others: the summary) with their `access`;
 * null when they may not use it at all.
 */
const viewFor = (user: User, form: FormDoc) => {
  const access = formAccess(user, form);
  if (access.canManage) return { ...form, access };
  if (access.canSubmit || access.canViewAll) return { ...summaryOf(form), access };
  return null;
};

export function formRoutes(services: Services, publisher: FormPublisher): RouteDef[] {
  const { store, audit } = services;

  const loadManaged = async (id: string, user: Parameters<typeof canManageForm>[0]) => {
    const form = await store.forms.getOrThrow(id);
    if (!canManageForm(user, form)) {
      if (canSubmit(user, form) || canViewAllRecords(user, form))
        throw new Forbidden(`You may use form "${form.title}" but not change it`);
      throw new NotFound('form', id);
    }
    return form;
  };

  return [
    defineRoute<unknown, { limit: number; cursor?: string }>({
      method: 'get',
      path: '/forms',
      permission: 'signedIn',
      summary: 'Forms I may manage, fill or view, each with my access (canSubmit, canViewAll, canManage)',
      tag: 'forms',
      query: pageQuery(),
      response: { status: 200, schema: pageOf(formSchema) },
      handler: async ({ auth, query }) => {
        const notArchived: Filter = { op: 'ne', field: 'isArchived', value: true };
        const visible = visibleFormsFilter(auth.user);
        const page = await store.forms.list({
          filter: visible ? { op: 'and', items: [notArchived, visible] } : notArchived,
          sort: [{ field: 'title', dir: 'asc' }],
          limit: query.limit,
          cursor: query.cursor,
        });
        const items = page.items.flatMap((form) => viewFor(auth.user, form) ?? []);
        return { items, nextCursor: page.nextCursor };
      },
    }),
    defineRoute<CreateFormBody>({
      method: 'post',
      path: '/forms',
      permission: 'designer',
      summary: 'Create a draft form from a FormDefinition, a plain JSON Schema, or just a title',
      tag: 'forms',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['title'],
        properties: {
          title: { type: 'string', minLength: 1, maxLength: 200 },
          description: { type: 'string', maxLength: 2000 },
          definition: { type: 'object' },
          jsonSchema: { type: 'object' },
          grants: grantsSchema,
        },
      },
      response: { status: 201, schema: formSchema },
      handler: async ({ auth, body, req }) => {
        let definition: FormDefinition;
        let warnings: { path: string; code: string; message: string }[] = [];
        if (body.jsonSchema) {
          const imported = formDefinitionFromJsonSchema({ title: body.title, jsonSchema: body.jsonSchema });
          definition = imported.definition;
          warnings = imported.warnings;
        } else {
          definition = (body.definition as FormDefinition | undefined) ?? emptyDefinition(body.title);
        }
        assertValidDefinition(definition);
        const form = await store.forms.insert({
          title: body.title,
          description: body.description,
          draft: definition as unknown as Json,
          grants: body.grants ?? defaultGrants(auth.user.id),
          indexedFields: definition.settings?.indexedFields ?? [],
          publishedVersion: 0,
          createdBy: auth.user.id,
          isArchived: false,
        });
        await audit.write({
          actorId: auth.user.id,
          action: 'form.create',
          targetType: 'form',
          targetId: form.id,
          after: { title: form.title },
          ip: req.ip,
        });
        return created({ ...form, warnings }, `/api/v1/forms/${form.id}`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/forms/:id',
      permission: 'signedIn',
      summary: "A form with the caller's access (managers also see the draft and grants)",
      tag: 'forms',
      response: { status: 200, schema: formSchema },
      handler: async ({ auth, params }) => {
        const view = viewFor(auth.user, await store.forms.getOrThrow(params.id));
        if (!view) throw new NotFound('form', params.id);
        return view;
      },
    }),
    defineRoute<{
      version: number;
      title?: string;
      description?: string;
      definition?: unknown;
      grants?: FormGrants;
      isArchived?: boolean;
    }>({
      method: 'patch',
      path: '/forms/:id',
      permission: 'signedIn',
      summary: "Update a form's draft, title or grants",
      tag: 'forms',
      body: withVersion({
        title: { type: 'string', minLength: 1, maxLength: 200 },
        description: { type: 'string', maxLength: 2000 },
        definition: { type: 'object' },
        grants: grantsSchema,
        isArchived: { type: 'boolean' },
      }),
      response: { status: 200, schema: formSchema },
      handler: async ({ auth, body, params, req }) => {
        const before = await loadManaged(params.id, auth.user);
        const { version, definition, ...rest } = body;
        const patch: Partial<FormDoc> = { ...rest };
        if (definition !== undefined) {
          const valid = assertValidDefinition(definition);
          patch.draft = valid as unknown as Json;
          patch.indexedFields = valid.settings?.indexedFields ?? [];
        }
        const after = await store.forms.updateIfVersion(before.id, version, patch);
        await audit.write({
          actorId: auth.user.id,
          action: 'form.update',
          targetType: 'form',
          targetId: after.id,
          before: { title: before.title, version: before.version, grants: before.grants },
          after: {
            title: after.title,
            version: after.version,
            grants: after.grants,
            changedDraft: definition !== undefined,
          },
          ip: req.ip,
        });
        return after;
      },
    }),
    defineRoute<{ version: number }>({
      method: 'post',
      path: '/forms/:id/versions',
      permission: 'signedIn',
      summary: 'Publish the draft as an immutable version',
      tag: 'forms',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['version'],
        properties: { version: { type: 'integer', minimum: 1 } },
      },
      response: { status: 201, schema: { type: 'object' } },
      handler: async ({ auth, body, params, req }) => {
        const form = await loadManaged(params.id, auth.user);
        const published = await publisher.publish({
          form,
          expectedVersion: body.version,
          userId: auth.user.id,
          ip: req.ip,
        });
        return created(published, `/api/v1/forms/${form.id}/versions/${published.number}`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/forms/:id/versions/:version',
      permission: 'signedIn',
      summary: 'One published version (its definition)',
      tag: 'forms',
      response: { status: 200, schema: { type: 'object' } },
      handler: async ({ auth, params }) => {
        const form = await store.forms.getOrThrow(params.id);
        const mayUse =
          canManageForm(auth.user, form) || canSubmit(auth.user, form) || canViewAllRecords(auth.user, form);
        const number = Number(params.version);
        if (!mayUse) throw new NotFound('form', params.id);
        if (!Number.isInteger(number) || number < 1) {
          throw new ValidationError('Invalid version number', [
            { path: 'version', code: 'type', message: 'version must be a positive integer' },
          ]);
        }
        return publisher.getVersion(form.id, number);
      },
    }),
  ];
}
