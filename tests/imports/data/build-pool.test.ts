import { afterEach, describe, expect, it } from 'vitest';
import { compileForm } from '../../../runtime/core/index.ts';
import { createBuildPool, PER_WORKER, type BuildPool } from '../../../server/imports/data/build-pool.ts';
import { buildInOrder } from '../../../server/imports/data/build-queue.ts';
import type { BuildSetup, PackedRecord } from '../../../server/imports/data/build-setup.ts';
import type { RecordBatch } from '../../../server/imports/data/record-rows.ts';
import { col, config } from './helpers.ts';
import { customerForm, customerRows } from './fixtures.ts';

const setup = (): BuildSetup => ({
  compiled: compileForm(customerForm()),
  config: config({
    mappings: [
      col(0, '编码', 'custNo'),
      col(1, '名称', 'name'),
      col(2, '授信额度', 'credit'),
      col(3, '合作日期', 'since'),
    ],
  }),
  references: { users: [], departments: [] },
  sheetName: '客户',
  locale: 'en',
  submitter: { userId: 'u1', userName: 'User' },
});

/** `count` records (rows 2…), `size` to a batch; the records in `bad` have a credit that is not a number. */
function batches(count: number, size: number, bad: number[] = []): RecordBatch[] {
  const rows = customerRows(count, bad).slice(1);
  const out: RecordBatch[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const records = rows
      .slice(i, i + size)
      .map((cells, j) => ({ main: { row: i + j + 2, cells: cells as (string | number)[] }, items: [] }));
    out.push({ records, errors: [], sourceRows: records.length });
  }
  return out;
}

/** Offers the batch until the worker has started and takes it (wrapped: awaiting must not wait for the build). */
async function offerWhenReady(
  pool: BuildPool,
  batch: RecordBatch,
): Promise<{ built: Promise<PackedRecord[]> }> {
  for (let i = 0; i < 600; i++) {
    const built = pool.offer(batch.records);
    if (built) return { built };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the build worker did not start within 30 s');
}

async function* iterate<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}

describe('build pool', () => {
  let pool: BuildPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('builds in a worker exactly what it builds in this thread', async () => {
    // given
    pool = createBuildPool(setup(), 1);
    const [batch] = batches(20, 20, [3, 11]);
    // when: offered until the worker has started
    const { built: offered } = await offerWhenReady(pool, batch);
    // then
    const inWorker = await offered;
    expect(inWorker).toEqual(await pool.buildHere(batch.records));
    expect(inWorker.filter((r) => r.json === null).map((r) => r.row)).toEqual([4, 12]);
    expect(JSON.parse(inWorker[0].json!)).toEqual({
      custNo: 'C0001',
      name: '客户1',
      credit: 1000,
      since: '2024-01-02',
    });
  });

  it('answers null while the worker starts, and once it has its share of batches queued', async () => {
    pool = createBuildPool(setup(), 1);
    const [batch] = batches(5, 5);
    expect(pool.offer(batch.records)).toBeNull();
    const queued = [(await offerWhenReady(pool, batch)).built];
    // no message can arrive while this runs synchronously: the queue only grows
    for (let i = 1; i < PER_WORKER; i++) queued.push(pool.offer(batch.records)!);
    expect(queued.every(Boolean)).toBe(true);
    expect(pool.offer(batch.records)).toBeNull();
    await Promise.all(queued);
    expect(pool.offer(batch.records)).not.toBeNull();
  });

  it('yields every batch built, in file order, however the work was shared', async () => {
    // given
    pool = createBuildPool(setup(), 1);
    const all = batches(120, 7, [5, 50, 119]);
    // when
    const rows: number[] = [];
    const failed: number[] = [];
    for await (const { batch, built } of buildInOrder({ pool, batches: iterate(all), threads: 1 })) {
      expect(built.map((r) => r.row)).toEqual(batch.records.map((r) => r.main.row));
      rows.push(...built.map((r) => r.row));
      failed.push(...built.filter((r) => r.json === null).map((r) => r.row));
    }
    // then
    expect(rows).toEqual(Array.from({ length: 120 }, (_, i) => i + 2));
    expect(failed).toEqual([6, 51, 120]);
  });

  it('builds everything in this thread without workers', async () => {
    pool = createBuildPool(setup(), 0);
    const out = [];
    for await (const { built } of buildInOrder({ pool, batches: iterate(batches(10, 3)), threads: 0 }))
      out.push(...built);
    expect(out.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
