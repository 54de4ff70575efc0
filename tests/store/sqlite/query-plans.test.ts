import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOS, REPO_NAMES } from '../../../server/store/shared/repos.ts';
import { createSqliteStore } from '../../../server/store/sqlite/index.ts';
import type { SqliteStore } from '../../../server/store/sqlite/index.ts';
import type { Filter } from '../../../server/store/types.ts';
import { newRecord } from '../contract/fixtures.ts';

/**
 * Plan steps that walk a whole table (`SCAN records`, also `SCAN records USING
 * INDEX x`, which visits every row in index order); only SEARCH steps pass.
 */
const fullScans = (plan: string[]) => plan.filter((step) => /^SCAN /.test(step));

describe.each([
  ['without statistics', false],
  ['after ANALYZE', true],
])('sqlite store query plans, %s', (_, hasStatistics) => {
  let dir = '';
  let store: SqliteStore;
  const inForm: Filter = { op: 'eq', field: 'formId', value: 'f1' };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fw-sqlite-plans-'));
    store = await createSqliteStore({ file: path.join(dir, 'formwork.db') });
    // realistic shape: 5 forms, each member involved in a small share of the records
    await store.records.insertMany(
      Array.from({ length: 400 }, (_, i) =>
        newRecord(`f${i % 5}`, { amount: i, city: `c${i % 7}` }, { participants: [`u${i % 40}`] }),
      ),
    );
    // the audit log: mostly record events, a few per record
    await store.audit.insertMany(
      Array.from({ length: 400 }, (_, i) => ({
        actorId: `u${i % 40}`,
        action: i % 4 ? 'record.update' : 'record.create',
        targetType: i % 10 ? 'record' : 'user',
        targetId: `r${i % 100}`,
      })),
    );
    await store.ensureRecordIndexes('f1', ['amount', 'city']);
    if (hasStatistics) store.db.exec('ANALYZE');
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves a form's records filtered and sorted by an indexed data key from that key's index", () => {
    const plan = store.explainList('records', {
      filter: { op: 'and', items: [inForm, { op: 'gt', field: 'data.amount', value: 10 }] },
      sort: [{ field: 'data.amount', dir: 'asc' }],
    });
    expect(fullScans(plan)).toEqual([]);
    expect(plan.join('\n')).toMatch(/USING INDEX records_data_amount_\w+ \(form_id=\? AND <expr>>\?\)/);
  });

  it("serves an equality on an indexed data key from that key's index", () => {
    const plan = store.explainList('records', {
      filter: { op: 'and', items: [inForm, { op: 'eq', field: 'data.city', value: 'c1' }] },
    });
    expect(fullScans(plan)).toEqual([]);
    // without statistics SQLite may prefer (form_id, created_at), which also spares the sort
    if (hasStatistics)
      expect(plan.join('\n')).toMatch(/USING INDEX records_data_city_\w+ \(form_id=\? AND <expr>=\?\)/);
  });

  it("serves a form's records sorted by an indexed data key without a full scan", () => {
    const plan = store.explainList('records', {
      filter: inForm,
      sort: [{ field: 'data.city', dir: 'desc' }],
    });
    expect(fullScans(plan)).toEqual([]);
  });

  it('serves "records a member is involved in" from the participants side table', () => {
    const involved: Filter = { op: 'contains', field: 'participants', value: 'u1' };
    for (const filter of [involved, { op: 'and', items: [inForm, involved] } as Filter]) {
      const plan = store.explainList('records', { filter });
      expect(fullScans(plan)).toEqual([]);
      expect(plan.join('\n')).toContain('record_participants');
    }
  });

  it('serves the default listing of one form from (form_id, created_at)', () => {
    const plan = store.explainList('records', { filter: inForm });
    expect(fullScans(plan)).toEqual([]);
  });

  it("serves one record's audit trail (its history) from the targetId index", () => {
    const plan = store.explainList('audit', {
      filter: {
        op: 'and',
        items: [
          { op: 'eq', field: 'targetType', value: 'record' },
          { op: 'eq', field: 'targetId', value: 'r1' },
        ],
      },
      sort: [{ field: 'createdAt', dir: 'asc' }],
    });
    expect(fullScans(plan)).toEqual([]);
    expect(plan.join('\n')).toContain('USING INDEX audit_events_targetId');
  });

  it('reports a full scan for an unindexed data key (the check can fail)', () => {
    const plan = store.explainList('records', { filter: { op: 'eq', field: 'data.unindexed', value: 1 } });
    expect(fullScans(plan)).not.toEqual([]);
  });

  it('serves an equality on every queryable top-level path from an index', () => {
    for (const name of REPO_NAMES) {
      const meta = REPOS[name];
      for (const field of meta.queryable.filter((f) => !meta.arrayFields.includes(f))) {
        const plan = store.explainList(name, {
          filter: { op: 'eq', field, value: 'x' },
          sort: [{ field: 'id', dir: 'asc' }],
        });
        expect({ repo: name, field, scans: fullScans(plan) }).toEqual({ repo: name, field, scans: [] });
      }
    }
  });
});
