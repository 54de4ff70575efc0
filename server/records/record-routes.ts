import { Forbidden, NotFound } from '../errors/index.ts';
import { created, defineRoute, noContent, type RouteDef } from '../http/route.ts';
import { baseDocProps, pageOf } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import type { Filter, FormDoc, Json, RecordDoc, User } from '../store/types.ts';
import type { CompiledCache } from '../forms/compiled-cache.ts';
import type { CompiledForm } from '../../runtime/core/index.ts';
import type { FormPublisher } from '../forms/publish.ts';
import { canManageForm, canSubmit, canViewAllRecords } from '../forms/grants.ts';
import { changedFields } from './changed-fields.ts';
import { recordHistoryRoutes } from './history-routes.ts';
import { loadVisibleRecord } from './record-access.ts';
import { parseRecordFilter, parseRecordSort } from './record-query.ts';
import { prepareRecordData, type SubmitterContext } from './record-validation.ts';
import { assignSerial } from './serial.ts';
import type { BlobStore } from '../blobs/types.ts';
import { blobIdsOf } from '../blobs/record-blobs.ts';

export const recordSchema = {
  type: 'object',
  properties: {
    ...baseDocProps,
    formId: { type: 'string' },
    formVersion: { type: 'integer' },
    status: { type: 'string' },
    data: { type: 'object' },
    createdBy: { type: 'string' },
    participants: { type: 'array', items: { type: 'string' } },
  },
};

const dataBody = { type: 'object', maxProperties: 1000 };

export function recordRoutes(
  services: Services,
  publisher: FormPublisher,
  cache: CompiledCache,
  blobs: BlobStore,
): RouteDef[] {
  const { store, audit } = services;

  const loadVisible = (id: string, user: User) => loadVisibleRecord(store, id, user);

  /** Files the data refers to become readable by whoever may see the record. */
  const attachFiles = async (
    compiled: CompiledForm,
    data: Record<string, Json>,
    recordId: string,
    uploaderId: string,
  ) => {
    for (const id of blobIdsOf(compiled, data)) await blobs.link({ id, recordId, uploaderId });
  };

  const canEdit = (user: User, form: FormDoc, record: RecordDoc) =>
    canManageForm(user, form) ||
    (record.createdBy === user.id && ['draft', 'submitted'].includes(record.status));

  /** USER(), DEPT() and RECORD_ID() for the formulas the server recomputes. */
  const submitterOf = async (user: User, recordId?: string): Promise<SubmitterContext> => {
    const department = user.departmentId ? await store.departments.get(user.departmentId) : null;
    return {
      userId: user.id,
      userName: user.displayName,
      departmentId: user.departmentId ?? null,
      departmentName: department?.name ?? null,
      recordId: recordId ?? null,
    };
  };

  const assignSerials = async (
    formId: string,
    compiled: ReturnType<CompiledCache['get']>,
    data: Record<string, Json>,
  ) => {
    for (const field of Object.values(compiled.fields)) {
      if (field.type === 'serial' && 'pattern' in field && typeof field.pattern === 'string') {
        data[field.key] = await assignSerial(store, { formId, key: field.key, pattern: field.pattern });
      }
    }
  };

  return [
    defineRoute<{ data: Record<string, unknown>; status?: 'draft' | 'submitted' }>({
      method: 'post',
      path: '/forms/:id/records',
      permission: 'signedIn',
      summary: 'Submit a record; the server recomputes and validates it against the latest published version',
      tag: 'records',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['data'],
        properties: { data: dataBody, status: { enum: ['draft', 'submitted'] } },
      },
      response: { status: 201, schema: recordSchema },
      handler: async ({ auth, body, params, locale, req }) => {
        const form = await store.forms.get(params.id);
        if (!form || !(canSubmit(auth.user, form) || canViewAllRecords(auth.user, form)))
          throw new NotFound('form', params.id);
        if (!canSubmit(auth.user, form)) throw new Forbidden(`You may not submit form "${form.title}"`);
        const version = await publisher.getLatest(form);
        const compiled = cache.get(version);
        const { data } = prepareRecordData({
          compiled,
          data: body.data,
          locale,
          submitter: await submitterOf(auth.user),
          isDraft: body.status === 'draft',
        });
        await assignSerials(form.id, compiled, data);
        const record = await store.records.insert({
          formId: form.id,
          formVersion: version.number,
          data,
          status: body.status ?? 'submitted',
          createdBy: auth.user.id,
          participants: [auth.user.id],
          importId: null,
        });
        await attachFiles(compiled, data, record.id, auth.user.id);
        await audit.write({
          actorId: auth.user.id,
          action: 'record.create',
          targetType: 'record',
          targetId: record.id,
          after: { formId: form.id, status: record.status },
          ip: req.ip,
        });
        return created(record, `/api/v1/records/${record.id}`);
      },
    }),
    defineRoute<
      unknown,
      { filter?: string; sort?: string; limit: number; cursor?: string; scope?: 'mine' | 'all' }
    >({
      method: 'get',
      path: '/forms/:id/records',
      permission: 'signedIn',
      summary:
        'List records of a form: filter on indexed fields (eq/ne/gt/gte/lt/lte/in/contains), sort, cursor pages',
      tag: 'records',
      query: {
        type: 'object',
        properties: {
          filter: { type: 'string', maxLength: 4000 },
          sort: { type: 'string', maxLength: 200 },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          cursor: { type: 'string', maxLength: 2000 },
          scope: { enum: ['mine', 'all'] },
        },
      },
      response: { status: 200, schema: pageOf(recordSchema) },
      handler: async ({ auth, params, query }) => {
        const form = await store.forms.get(params.id);
        const mayAll = form ? canViewAllRecords(auth.user, form) : false;
        if (!form || !(mayAll || canSubmit(auth.user, form))) throw new NotFound('form', params.id);
        const conditions: Filter[] = [
          { op: 'eq', field: 'formId', value: form.id },
          ...parseRecordFilter(form, query.filter),
        ];
        if (!mayAll || query.scope === 'mine')
          conditions.push({ op: 'contains', field: 'participants', value: auth.user.id });
        return store.records.list({
          filter: { op: 'and', items: conditions },
          sort: parseRecordSort(form, query.sort),
          limit: query.limit,
          cursor: query.cursor,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/records/:id',
      permission: 'signedIn',
      summary: 'One record',
      tag: 'records',
      response: { status: 200, schema: recordSchema },
      handler: async ({ auth, params }) => (await loadVisible(params.id, auth.user)).record,
    }),
    defineRoute<{ version: number; data: Record<string, unknown>; status?: 'submitted' }>({
      method: 'patch',
      path: '/records/:id',
      permission: 'signedIn',
      summary:
        "Change a record's data (re-validated against its own form version); `status: 'submitted'` submits a draft",
      tag: 'records',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'data'],
        properties: {
          version: { type: 'integer', minimum: 1 },
          data: dataBody,
          status: { const: 'submitted' },
        },
      },
      response: { status: 200, schema: recordSchema },
      handler: async ({ auth, body, params, locale, req }) => {
        const { record, form } = await loadVisible(params.id, auth.user);
        if (!canEdit(auth.user, form, record))
          throw new Forbidden(
            'Only the initiator (before approval) or a form manager may change this record',
          );
        const version = await publisher.getVersion(form.id, record.formVersion);
        const compiled = cache.get(version);
        const submitter = await submitterOf(auth.user, record.id);
        const { data } = prepareRecordData({
          compiled,
          data: { ...record.data, ...body.data },
          locale,
          submitter,
          isDraft: record.status === 'draft' && body.status !== 'submitted',
        });
        for (const field of Object.values(compiled.fields)) {
          if (field.type === 'serial' && record.data[field.key] !== undefined)
            data[field.key] = record.data[field.key];
        }
        const isDraft = record.status === 'draft';
        const isSubmitting = isDraft && body.status === 'submitted';
        const after = await store.records.updateIfVersion(record.id, body.version, {
          data,
          ...(isSubmitting ? { status: 'submitted' } : {}),
        });
        await attachFiles(compiled, data, record.id, auth.user.id);
        await audit.write({
          actorId: auth.user.id,
          // the record history tells these apart: a draft saved again, submitted, or a change
          action: isSubmitting ? 'record.submit' : isDraft ? 'record.saveDraft' : 'record.update',
          targetType: 'record',
          targetId: record.id,
          before: record.data,
          after: after.data,
          changedFields: changedFields(record.data, after.data),
          ip: req.ip,
        });
        return after;
      },
    }),
    defineRoute<unknown, { version?: number }>({
      method: 'delete',
      path: '/records/:id',
      permission: 'signedIn',
      summary: 'Delete a record',
      tag: 'records',
      query: { type: 'object', properties: { version: { type: 'integer', minimum: 1 } } },
      response: { status: 204 },
      handler: async ({ auth, params, query, req }) => {
        const { record, form } = await loadVisible(params.id, auth.user);
        if (!canEdit(auth.user, form, record))
          throw new Forbidden(
            'Only the initiator (before approval) or a form manager may delete this record',
          );
        await store.records.delete(record.id, query.version);
        await audit.write({
          actorId: auth.user.id,
          action: 'record.delete',
          targetType: 'record',
          targetId: record.id,
          before: record.data,
          ip: req.ip,
        });
        return noContent();
      },
    }),
    ...recordHistoryRoutes(services),
  ];
}
