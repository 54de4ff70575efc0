import { beforeAll, describe, expect, it } from 'vitest';
import { BadRequest } from '../../../server/errors/index.ts';
import type { Filter } from '../../../server/store/types.ts';
import { describeContract } from './adapters.ts';
import { newRecord, rejection } from './fixtures.ts';

describeContract('store aggregates', (t) => {
  let formId = '';
  const inForm = (): Filter => ({ op: 'eq', field: 'formId', value: formId });

  beforeAll(async () => {
    formId = t.uniq('form');
    // known totals: north 3 records / 10 + 20.5 (+ a text amount, ignored); south 2 / 7; no region 2 / 100
    await t.store.records.insertMany([
      newRecord(formId, { region: 'north', amount: 10, urgent: true }, { status: 'approved' }),
      newRecord(formId, { region: 'north', amount: 20.5, urgent: false }, { status: 'approved' }),
      newRecord(formId, { region: 'north', amount: 'n/a', urgent: true }, { status: 'draft' }),
      newRecord(formId, { region: 'south', amount: 7, urgent: 1 }, { status: 'approved' }),
      newRecord(formId, { region: 'south' }, { status: 'rejected' }),
      newRecord(formId, { amount: 100 }, { status: 'draft' }),
      newRecord(formId, { region: null, urgent: true }, { status: 'draft' }),
    ]);
    await t.store.records.insert(newRecord(t.uniq('other'), { region: 'north', amount: 1000 }));
  });

  describe('#count', () => {
    it('counts what a filter matches', async () => {
      expect(await t.store.records.count(inForm())).toBe(7);
      expect(
        await t.store.records.count({
          op: 'and',
          items: [inForm(), { op: 'eq', field: 'status', value: 'draft' }],
        }),
      ).toBe(3);
      expect(await t.store.records.count()).toBeGreaterThanOrEqual(8);
    });
  });

  describe('#groupBy', () => {
    it('counts per group, missing and null keys together under null', async () => {
      const rows = await t.store.records.groupBy({ filter: inForm(), by: 'data.region' });
      expect(rows).toEqual([
        { key: null, count: 2 },
        { key: 'north', count: 3 },
        { key: 'south', count: 2 },
      ]);
    });

    it('counts and sums per group against known totals, ignoring non-numeric amounts', async () => {
      const rows = await t.store.records.groupBy({ filter: inForm(), by: 'data.region', sum: 'data.amount' });
      expect(rows).toEqual([
        { key: null, count: 2, sum: 100 },
        { key: 'north', count: 3, sum: 30.5 },
        { key: 'south', count: 2, sum: 7 },
      ]);
    });

    it('groups by a top-level field with a filter applied', async () => {
      const filter: Filter = {
        op: 'and',
        items: [inForm(), { op: 'ne', field: 'status', value: 'rejected' }],
      };
      expect(await t.store.records.groupBy({ filter, by: 'status', sum: 'data.amount' })).toEqual([
        { key: 'approved', count: 3, sum: 37.5 },
        { key: 'draft', count: 3, sum: 100 },
      ]);
    });

    it('keeps booleans apart from numbers', async () => {
      const rows = await t.store.records.groupBy({ filter: inForm(), by: 'data.urgent' });
      expect(rows).toEqual([
        { key: null, count: 2 },
        { key: 1, count: 1 },
        { key: false, count: 1 },
        { key: true, count: 3 },
      ]);
    });

    it('refuses grouping by a list field', async () => {
      expect(await rejection(t.store.records.groupBy({ by: 'participants' }))).toBeInstanceOf(BadRequest);
    });
  });

  describe('#nextSequence', () => {
    it('counts from 1 per name', async () => {
      const a = t.uniq('seq');
      const b = t.uniq('seq');
      expect([
        await t.store.nextSequence(a),
        await t.store.nextSequence(a),
        await t.store.nextSequence(b),
      ]).toEqual([1, 2, 1]);
    });

    it('hands out 1..20 without duplicates to 20 concurrent callers', async () => {
      const name = t.uniq('seq');
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => t.store.nextSequence(name)));
      const values = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });
});
