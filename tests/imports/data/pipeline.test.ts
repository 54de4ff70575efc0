import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeContract } from '../../store/contract/adapters.ts';
import { slicedChunks } from '../../../server/imports/data/job-repo.ts';
import type { RowError } from '../../../server/imports/data/job-types.ts';
import {
  adminUser,
  col,
  commit,
  config,
  dryRun,
  importHarness,
  publishedForm,
  recordsOf,
  uploadFile,
  writeWorkbook,
} from './helpers.ts';
import { customerForm, customerRows, orderForm } from './fixtures.ts';

const customerMapping = [
  col(0, '编码', 'custNo'),
  col(1, '名称', 'name'),
  col(2, '授信额度', 'credit'),
  col(3, '合作日期', 'since'),
];

describeContract('data import pipeline', (t) => {
  const setup = async (options: Parameters<typeof importHarness>[1] = {}) => {
    const h = importHarness(t.store, options);
    const form = await publishedForm(t.store, h.publisher, customerForm());
    return { h, form };
  };

  describe('#dryRun', () => {
    it('reports each record’s outcome and each bad cell (row, column, value, rule, message) and writes no record', async () => {
      // given
      const { h, form } = await setup();
      const file = writeWorkbook(t.tmpPath(`${t.uniq('dry')}.xlsx`), {
        客户: [...customerRows(5, [2]), ['C0006', '', '100', '2024/2/30']],
      });
      const job = await uploadFile(h, form, file);
      expect(job.source.suggested.map((m) => m.field)).toEqual(['custNo', 'name', 'credit', 'since']);
      // when
      const done = await dryRun(h, job.id, config({ mappings: customerMapping }));
      // then
      expect(done.state).toBe('validated');
      expect(done.summary).toMatchObject({ rows: 6, records: 6, inserts: 4, errorRecords: 2, errors: 3 });
      const errors = await slicedChunks<RowError>(t.store, job.id, 'errors', 1000, 0, 100);
      expect(errors).toEqual(
        expect.arrayContaining([
          {
            sheet: '客户',
            row: 3,
            column: 'C',
            header: '授信额度',
            value: 'lots',
            rule: 'number',
            message: '"lots" is not a number',
          },
          expect.objectContaining({ row: 7, column: 'D', value: '2024/2/30', rule: 'date' }),
          expect.objectContaining({ row: 7, column: 'B', rule: 'validation:required' }),
        ]),
      );
      const outcomes = await slicedChunks<{ outcome: string }>(t.store, job.id, 'outcomes', 5000, 0, 100);
      expect(outcomes.map((o) => o.outcome)).toEqual([
        'insert',
        'error',
        'insert',
        'insert',
        'insert',
        'error',
      ]);
      expect(await recordsOf(t.store, form.id)).toEqual([]);
    });

    it('builds records in worker threads with the same results, in file order', async () => {
      const { h, form } = await setup({ batchSize: 4, buildThreads: 2 });
      const job = await uploadFile(
        h,
        form,
        writeWorkbook(t.tmpPath(`${t.uniq('pool')}.xlsx`), { S: customerRows(30, [5, 17]) }),
      );
      const done = await dryRun(h, job.id, config({ mappings: customerMapping }));
      expect(done.summary).toMatchObject({ records: 30, inserts: 28, errorRecords: 2 });
      const outcomes = await slicedChunks<{ row: number }>(t.store, job.id, 'outcomes', 5000, 0, 100);
      expect(outcomes.map((o) => o.row)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
      const errors = await slicedChunks<RowError>(t.store, job.id, 'errors', 1000, 0, 10);
      expect(errors.map((e) => e.row)).toEqual([6, 18]);
    });

    it('finds the header row under a title row and maps by alias', async () => {
      const { h, form } = await setup();
      const file = writeWorkbook(t.tmpPath(`${t.uniq('title')}.xlsx`), {
        S: [
          ['2024 客户清单'],
          [],
          ['客户编码', '客户名称', '额度', '合作日期'],
          ['C1', 'ACME', 1, '2024-01-01'],
        ],
      });
      const job = await uploadFile(h, form, file);
      expect(job.source.sheets[0].headerRow).toBe(3);
      expect(job.source.suggested.map((m) => [m.field, m.method])).toEqual([
        ['custNo', 'fuzzy'],
        ['name', 'fuzzy'],
        ['credit', 'fuzzy'],
        ['since', 'exact'],
      ]);
    });
  });

  describe('#commit', () => {
    it('writes the valid records tagged with the import id, all of them', async () => {
      const { h, form } = await setup({ batchSize: 7 });
      const job = await uploadFile(
        h,
        form,
        writeWorkbook(t.tmpPath(`${t.uniq('ok')}.xlsx`), { S: customerRows(30) }),
      );
      await dryRun(h, job.id, config({ mappings: customerMapping, recordStatus: 'approved' }));
      const done = await commit(h, job.id);
      expect(done.state).toBe('committed');
      expect(done.summary).toMatchObject({ inserted: 30, updated: 0 });
      const records = await recordsOf(t.store, form.id);
      expect(records).toHaveLength(30);
      expect(
        records.every((r) => r.importId === job.id && r.status === 'approved' && r.createdBy === 'u-admin'),
      ).toBe(true);
      expect(records[0].data).toEqual({ custNo: 'C0001', name: '客户1', credit: 1000, since: '2024-01-02' });
    });

    it('refuses to write anything when the error rate is above the threshold (default 2%), and commits when it is raised', async () => {
      const { h, form } = await setup();
      const job = await uploadFile(
        h,
        form,
        writeWorkbook(t.tmpPath(`${t.uniq('thr')}.xlsx`), { S: customerRows(40, [3]) }),
      );
      const done = await dryRun(h, job.id, config({ mappings: customerMapping }));
      expect(done.summary!.errorRate).toBeCloseTo(0.025);
      await expect(h.service.startCommit({ job: done, user: adminUser() })).rejects.toMatchObject({
        status: 409,
        extra: { errorRate: 0.025, errorThreshold: 0.02 },
      });
      expect(await recordsOf(t.store, form.id)).toEqual([]);
      const committed = await commit(h, job.id, 0.05);
      expect(committed.state).toBe('committed');
      expect(await recordsOf(t.store, form.id)).toHaveLength(39);
    });

    it('rolls every written row back when the store fails between batches, and can commit again', async () => {
      let failAt = 3;
      const { h, form } = await setup({
        batchSize: 5,
        hooks: {
          afterCommitBatch: (n) => {
            if (n === failAt) throw new Error('disk full (injected)');
          },
        },
      });
      const job = await uploadFile(
        h,
        form,
        writeWorkbook(t.tmpPath(`${t.uniq('fail')}.xlsx`), { S: customerRows(23) }),
      );
      await dryRun(h, job.id, config({ mappings: customerMapping }));
      const failed = await commit(h, job.id);
      expect(failed.state).toBe('failed');
      expect(failed.error).toContain('disk full (injected)');
      expect(failed.error).toContain('15 removed');
      expect(await recordsOf(t.store, form.id)).toEqual([]);
      failAt = -1;
      expect((await commit(h, job.id)).state).toBe('committed');
      expect(await recordsOf(t.store, form.id)).toHaveLength(23);
    });
  });

  describe('duplicates', () => {
    const keyed = (existing: 'skip' | 'update' | 'error', inFile: 'skip' | 'error' = 'error') =>
      config({
        mappings: customerMapping,
        duplicates: { keyFields: ['custNo'], inFile, existing },
        errorThreshold: 1,
      });

    it('flags a key repeated inside the file (error or skip)', async () => {
      const { h, form } = await setup();
      const rows = [...customerRows(3), ['C0002', 'again', 1, '2024-01-01']];
      const file = writeWorkbook(t.tmpPath(`${t.uniq('dup')}.xlsx`), { S: rows });
      const job = await uploadFile(h, form, file);
      const asError = await dryRun(h, job.id, keyed('error'));
      expect(asError.summary).toMatchObject({ inserts: 3, errorRecords: 1 });
      const errors = await slicedChunks<RowError>(t.store, job.id, 'errors', 1000, 0, 10);
      expect(errors[0]).toMatchObject({ row: 5, rule: 'duplicate', message: 'duplicate of row 3' });
      const asSkip = await dryRun(h, job.id, keyed('error', 'skip'));
      expect(asSkip.summary).toMatchObject({ inserts: 3, skips: 1, errorRecords: 0 });
    });

    it('skips, updates or refuses records whose key already exists; undo restores the updated ones', async () => {
      const { h, form } = await setup();
      const first = await uploadFile(
        h,
        form,
        writeWorkbook(t.tmpPath(`${t.uniq('base')}.xlsx`), { S: customerRows(3) }),
      );
      await dryRun(h, first.id, keyed('error'));
      await commit(h, first.id);
      const before = await recordsOf(t.store, form.id);

      const second = await uploadFile(
        h,
        form,
        writeWorkbook(t.tmpPath(`${t.uniq('upd')}.xlsx`), {
          S: [
            customerRows(0)[0],
            ['C0002', '新名称', '5万', '2024-06-01'],
            ['C0009', '新客户', 1, '2024-06-01'],
          ],
        }),
      );
      expect((await dryRun(h, second.id, keyed('skip'))).summary).toMatchObject({ inserts: 1, skips: 1 });
      expect((await dryRun(h, second.id, keyed('error'))).summary).toMatchObject({
        inserts: 1,
        errorRecords: 1,
      });
      expect((await dryRun(h, second.id, keyed('update'))).summary).toMatchObject({ inserts: 1, updates: 1 });
      const done = await commit(h, second.id);
      expect(done.summary).toMatchObject({ inserted: 1, updated: 1 });
      const updated = (await recordsOf(t.store, form.id)).find((r) => r.data.custNo === 'C0002')!;
      expect(updated).toMatchObject({
        version: 2,
        importId: first.id,
        data: { name: '新名称', credit: 50000 },
      });

      await h.service.startUndo({ job: done, user: adminUser(), keepChanged: false });
      await h.service.wait(second.id);
      const undone = (await h.service.load(second.id, adminUser())).job;
      expect(undone.state).toBe('undone');
      expect(undone.summary).toMatchObject({ removed: 1, restored: 1 });
      const after = await recordsOf(t.store, form.id);
      expect(after.map((r) => r.data)).toEqual(before.map((r) => r.data));
    });
  });

  describe('#undo', () => {
    it('removes exactly the records the import created', async () => {
      const { h, form } = await setup();
      const other = await t.store.records.insert({
        formId: form.id,
        formVersion: 1,
        data: { custNo: 'X', name: 'kept' },
        status: 'submitted',
        createdBy: 'u1',
        participants: ['u1'],
        importId: null,
      });
      const job = await uploadFile(
        h,
        form,
        writeWorkbook(t.tmpPath(`${t.uniq('undo')}.xlsx`), { S: customerRows(12) }),
      );
      await dryRun(h, job.id, config({ mappings: customerMapping }));
      const done = await commit(h, job.id);
      await h.service.startUndo({ job: done, user: adminUser(), keepChanged: false });
      await h.service.wait(job.id);
      expect((await h.service.load(job.id, adminUser())).job).toMatchObject({
        state: 'undone',
        summary: { removed: 12, restored: 0, kept: [] },
      });
      expect((await recordsOf(t.store, form.id)).map((r) => r.id)).toEqual([other.id]);
    });

    it('says which records changed since and keeps them only when told to', async () => {
      const { h, form } = await setup();
      const job = await uploadFile(
        h,
        form,
        writeWorkbook(t.tmpPath(`${t.uniq('chg')}.xlsx`), { S: customerRows(4) }),
      );
      await dryRun(h, job.id, config({ mappings: customerMapping }));
      const done = await commit(h, job.id);
      const [edited] = await recordsOf(t.store, form.id);
      await t.store.records.updateIfVersion(edited.id, 1, {
        data: { ...edited.data, name: 'edited by a user' },
      });

      await expect(
        h.service.startUndo({ job: done, user: adminUser(), keepChanged: false }),
      ).rejects.toMatchObject({
        status: 409,
        extra: { changedCount: 1, changed: [{ recordId: edited.id, row: null, reason: 'changed' }] },
      });
      expect(await recordsOf(t.store, form.id)).toHaveLength(4);

      await h.service.startUndo({ job: done, user: adminUser(), keepChanged: true });
      await h.service.wait(job.id);
      expect((await h.service.load(job.id, adminUser())).job.summary).toMatchObject({
        removed: 3,
        kept: [{ recordId: edited.id }],
      });
      expect((await recordsOf(t.store, form.id)).map((r) => r.id)).toEqual([edited.id]);
    });
  });

  describe('line items', () => {
    const orderSetup = async () => {
      const h = importHarness(t.store);
      return { h, form: await publishedForm(t.store, h.publisher, orderForm()) };
    };
    const header = [col(0, '订单号', 'orderNo'), col(1, '客户', 'customer'), col(2, '下单日期', 'orderDate')];

    it('takes line items from a second sheet linked by order number, and computes formulas as a submission does', async () => {
      const { h, form } = await orderSetup();
      const file = writeWorkbook(t.tmpPath(`${t.uniq('two')}.xlsx`), {
        订单: [
          ['订单号', '客户', '下单日期'],
          ['SO-1', 'ACME', '2024/3/5'],
          ['SO-2', 'Beta', '2024/3/6'],
          ['SO-3', 'Gamma', '2024/3/7'],
        ],
        明细: [
          ['单号', 'SKU', '数量', '单价'],
          ['SO-1', 'A', 2, 10],
          ['SO-2', 'B', 1, 5],
          ['SO-1', 'C', 3, '1,000'],
          ['SO-9', 'Z', 1, 1],
          ['SO-3', '', 0, 1],
        ],
      });
      const job = await uploadFile(h, form, file);
      expect(job.source.sheets.map((s) => s.name)).toEqual(['订单', '明细']);
      const cfg = config({
        mappings: header,
        errorThreshold: 1,
        lineItems: {
          table: 'items',
          mode: 'sheet',
          keyColumn: 0,
          sheet: 1,
          headerRow: 1,
          itemKeyColumn: 0,
          mappings: [col(1, 'SKU', 'sku'), col(2, '数量', 'qty'), col(3, '单价', 'price')],
        },
      });
      const done = await dryRun(h, job.id, cfg);
      expect(done.summary).toMatchObject({ records: 3, inserts: 2, errorRecords: 1 });
      const errors = await slicedChunks<RowError>(t.store, job.id, 'errors', 1000, 0, 20);
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ sheet: '明细', row: 5, rule: 'lineItems', value: 'SO-9' }),
          expect.objectContaining({ sheet: '明细', row: 6, column: 'B', rule: 'validation:required' }),
          expect.objectContaining({ sheet: '明细', row: 6, column: 'C', rule: 'validation:min' }),
        ]),
      );
      await commit(h, job.id, 1);
      const records = await recordsOf(t.store, form.id);
      const so1 = records.find((r) => r.data.orderNo === 'SO-1')!;
      expect(so1.data.items).toEqual([
        { sku: 'A', qty: 2, price: 10, amount: 20 },
        { sku: 'C', qty: 3, price: 1000, amount: 3000 },
      ]);
      expect(so1.data.total).toBe(3020);
    });

    it('groups repeated rows by order number (blank order number continues the order) and refuses a split order', async () => {
      const { h, form } = await orderSetup();
      const file = writeWorkbook(t.tmpPath(`${t.uniq('rep')}.xlsx`), {
        S: [
          ['订单号', '客户', '下单日期', 'SKU', '数量', '单价'],
          ['SO-1', 'ACME', '2024/3/5', 'A', 1, 2],
          ['', '', '', 'B', 2, 3],
          ['SO-2', 'Beta', '2024/3/6', 'C', 1, 1],
          ['SO-1', 'ACME', '2024/3/5', 'D', 1, 1],
        ],
      });
      const job = await uploadFile(h, form, file);
      const cfg = config({
        mappings: header,
        errorThreshold: 1,
        lineItems: {
          table: 'items',
          mode: 'repeated',
          keyColumn: 0,
          mappings: [col(3, 'SKU', 'sku'), col(4, '数量', 'qty'), col(5, '单价', 'price')],
        },
      });
      const done = await dryRun(h, job.id, cfg);
      expect(done.summary).toMatchObject({ rows: 4, records: 3, inserts: 2, errorRecords: 1 });
      const errors = await slicedChunks<RowError>(t.store, job.id, 'errors', 1000, 0, 20);
      expect(errors[0]).toMatchObject({
        row: 5,
        rule: 'lineItems',
        message: expect.stringContaining('started at row 2'),
      });
      await commit(h, job.id, 1);
      const so1 = (await recordsOf(t.store, form.id)).find((r) => r.data.orderNo === 'SO-1')!;
      expect(so1.data.items).toEqual([
        { sku: 'A', qty: 1, price: 2, amount: 2 },
        { sku: 'B', qty: 2, price: 3, amount: 6 },
      ]);
    });

    it('maps options by label, yes/no words, USCC and phone through the default rules', async () => {
      const { h, form } = await orderSetup();
      const file = writeWorkbook(t.tmpPath(`${t.uniq('types')}.xlsx`), {
        S: [
          ['订单号', '客户', '性别', 'VIP', '统一社会信用代码', '手机', 'SKU'],
          ['SO-1', 'A', '男', '是', '91350100M000100Y43', '+86 138 0013 8000', 'X'],
          ['SO-2', 'B', 'M', 'Y', '91350100M000100Y44', '12345', 'X'],
        ],
      });
      const job = await uploadFile(h, form, file);
      const cfg = config({
        mappings: [
          col(0, '订单号', 'orderNo'),
          col(1, '客户', 'customer'),
          col(2, '性别', 'gender', [{ type: 'valueMap', entries: [{ from: 'M', to: '男' }] }]),
          col(3, 'VIP', 'vip'),
          col(4, '统一社会信用代码', 'uscc'),
          col(5, '手机', 'phone'),
        ],
        lineItems: { table: 'items', mode: 'repeated', keyColumn: 0, mappings: [col(6, 'SKU', 'sku')] },
        errorThreshold: 1,
      });
      const done = await dryRun(h, job.id, cfg, 'zh-CN');
      expect(done.summary).toMatchObject({ inserts: 1, errorRecords: 1 });
      const errors = await slicedChunks<RowError>(t.store, job.id, 'errors', 1000, 0, 20);
      expect(errors.map((e) => [e.column, e.rule])).toEqual([
        ['E', 'uscc'],
        ['F', 'phone'],
      ]);
      expect(errors[0].message).toContain('统一社会信用代码');
      await commit(h, job.id, 1);
      const [record] = await recordsOf(t.store, form.id);
      expect(record.data).toMatchObject({
        gender: 'm',
        vip: true,
        uscc: '91350100M000100Y43',
        phone: '13800138000',
      });
    });
  });

  it('keeps its files under the data directory', async () => {
    const { h, form } = await setup();
    const job = await uploadFile(
      h,
      form,
      writeWorkbook(t.tmpPath(`${t.uniq('f')}.xlsx`), { S: customerRows(1) }),
    );
    expect(path.relative(h.dataDir, path.join(h.dataDir, 'imports', job.id))).toBe(
      path.join('imports', job.id),
    );
  });
});
