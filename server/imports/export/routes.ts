import { BadRequest, NotFound } from '../../errors/index.ts';
import type { CompiledCache } from '../../forms/compiled-cache.ts';
import { canSubmit, canViewAllRecords } from '../../forms/grants.ts';
import type { FormPublisher } from '../../forms/publish.ts';
import { defineRoute, type RouteDef } from '../../http/route.ts';
import { parseRecordFilter, parseRecordSort } from '../../records/record-query.ts';
import type { Services } from '../../services.ts';
import type { Filter } from '../../store/types.ts';
import { contentDisposition } from '../data/routes.ts';
import { checkColumnKeys, type Locale } from './columns.ts';
import { exportCsv, exportXlsx } from './export-records.ts';

interface ExportQuery {
  format: 'xlsx' | 'csv';
  filter?: string;
  sort?: string;
  scope?: 'mine' | 'all';
  table?: string;
  columns?: string;
  /** headers' language for a plain download link, which cannot send Accept-Language */
  lang?: Locale;
}

/** Export (导出) of a form's records with the same filters as the records list. */
export function exportRoutes(services: Services, publisher: FormPublisher, cache: CompiledCache): RouteDef[] {
  const { store } = services;
  return [
    defineRoute<unknown, ExportQuery>({
      method: 'get',
      path: '/forms/:id/records/export',
      permission: 'signedIn',
      summary:
        'Records of a form as .xlsx (line items on their own sheets) or .csv, labels as headers, formula injection neutralised; same filter/sort/scope as the records list',
      tag: 'records',
      query: {
        type: 'object',
        properties: {
          format: { enum: ['xlsx', 'csv'], default: 'xlsx' },
          filter: { type: 'string', maxLength: 4000 },
          sort: { type: 'string', maxLength: 200 },
          scope: { enum: ['mine', 'all'] },
          table: { type: 'string', maxLength: 64 },
          lang: { enum: ['en', 'zh-CN'] },
          columns: {
            type: 'string',
            maxLength: 4000,
            description: 'comma-separated field keys and id, status, createdAt, updatedAt',
          },
        },
      },
      handler: async ({ auth, params, query, res, locale }) => {
        const form = await store.forms.get(params.id);
        const mayAll = form ? canViewAllRecords(auth.user, form) : false;
        if (!form || !(mayAll || canSubmit(auth.user, form))) throw new NotFound('form', params.id);
        const conditions: Filter[] = [
          { op: 'eq', field: 'formId', value: form.id },
          ...parseRecordFilter(form, query.filter),
        ];
        if (!mayAll || query.scope === 'mine')
          conditions.push({ op: 'contains', field: 'participants', value: auth.user.id });
        const compiled = cache.get(await publisher.getLatest(form));
        if (query.table !== undefined && compiled.fields[query.table]?.type !== 'table') {
          throw new BadRequest(`"${query.table}" is not a line-item table of form "${form.title}"`);
        }
        const input = {
          store,
          compiled,
          title: form.title,
          filter: { op: 'and' as const, items: conditions },
          sort: parseRecordSort(form, query.sort),
          locale: query.lang ?? locale,
          out: res,
          columns: query.columns ? checkColumnKeys(compiled, query.columns.split(',')) : undefined,
        };
        const stamp = new Date().toISOString().slice(0, 10);
        const base = `${form.title}${query.table ? `-${compiled.fields[query.table].label}` : ''}-${stamp}`;
        res.status(200);
        if (query.format === 'csv') {
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.setHeader('Content-Disposition', contentDisposition(`${base}.csv`));
          await exportCsv({ ...input, table: query.table });
        } else {
          res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          res.setHeader('Content-Disposition', contentDisposition(`${base}.xlsx`));
          await exportXlsx(input);
        }
        res.end();
      },
    }),
  ];
}
