import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, storeKinds, type ApiClient, type TestServer } from '../helpers/api-server.ts';

/** The demo sales order plus an export-only licence field, USER()/DEPT() fields and a passing test case. */
function salesOrder(): Record<string, any> {
  const file = path.resolve(import.meta.dirname, '../../templates/demo/sales-order.json');
  const definition = JSON.parse(fs.readFileSync(file, 'utf8'));
  definition.fields.push(
    { key: 'isExport', type: 'boolean', label: 'Export', defaultValue: false },
    {
      key: 'exportLicence',
      type: 'text',
      label: 'Export licence',
      visibleIf: 'isExport',
      requiredIf: 'isExport',
    },
    { key: 'submittedBy', type: 'text', label: 'Submitted by', formula: 'USER()' },
    { key: 'department', type: 'text', label: 'Department', formula: 'DEPT()' },
  );
  definition.testCases = [
    {
      name: 'one line',
      input: { items: [{ sku: 'A', qty: 2, price: 50 }] },
      expected: { subtotal: 100, tax: 13, total: 113 },
    },
  ];
  return definition;
}

const order = (overrides: Record<string, unknown> = {}) => ({
  customer: 'ACME',
  orderDate: '2024-11-26',
  items: [
    { sku: 'A-1', qty: 2, price: 10.5 },
    { sku: 'B-2', qty: 3, price: 4, discount: 0.1 },
  ],
  ...overrides,
});

for (const kind of storeKinds('api records formulas')) {
  describe(`records with formulas and rules (${kind.name})`, () => {
    let srv: TestServer;
    let formId: string;
    let alice: ApiClient & { userId: string };

    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
      const department = await srv.admin.post('/org/departments', { name: 'Sales East' });
      expect(department.status).toBe(201);
      const created = await srv.admin.post('/forms', { title: 'Sales order', definition: salesOrder() });
      expect(created.status).toBe(201);
      formId = created.body.id;
      const published = await srv.admin.post(`/forms/${formId}/versions`, { version: created.body.version });
      expect(published.status).toBe(201);
      alice = await srv.createUser({ username: 'alice', departmentId: department.body.id });
    });
    afterAll(() => srv?.close());

    it('stores the totals the server computes, whatever total the client sends', async () => {
      const res = await alice.post(`/forms/${formId}/records`, {
        data: order({
          subtotal: 1,
          tax: 0,
          total: 1,
          items: [
            { sku: 'A-1', qty: 2, price: 10.5, amount: 999 },
            { sku: 'B-2', qty: 3, price: 4, discount: 0.1 },
          ],
        }),
      });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ subtotal: 31.8, taxRate: 0.13, tax: 4.13, total: 35.93 });
      expect(res.body.data.items.map((row: { amount: number }) => row.amount)).toEqual([21, 10.8]);
      const stored = await alice.get(`/records/${res.body.id}`);
      expect(stored.body.data.total).toBe(35.93);
    });

    it('fills USER() and DEPT() from the signed-in submitter', async () => {
      const res = await alice.post(`/forms/${formId}/records`, { data: order({ submittedBy: 'mallory' }) });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ submittedBy: 'alice', department: 'Sales East' });
    });

    it("drops a hidden field's value, and stores it once the field is visible", async () => {
      const hidden = await alice.post(`/forms/${formId}/records`, { data: order({ exportLicence: 'EX-1' }) });
      expect(hidden.status).toBe(201);
      expect(hidden.body.data).not.toHaveProperty('exportLicence');
      expect(hidden.body.data.isExport).toBe(false); // the default value
      const shown = await alice.post(`/forms/${formId}/records`, {
        data: order({ isExport: true, exportLicence: 'EX-1' }),
      });
      expect(shown.body.data.exportLicence).toBe('EX-1');
    });

    it('answers 422 with field paths, required-if included, and stores nothing', async () => {
      const count = async () => (await srv.admin.get(`/forms/${formId}/records?limit=500`)).body.items.length;
      const before = await count();
      const res = await alice.post(`/forms/${formId}/records`, {
        data: order({
          isExport: true,
          items: [
            { sku: 'A-1', qty: 1, price: 1 },
            { sku: 'B-2', qty: 0, price: 1 },
          ],
        }),
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.body.errors).toEqual([
        { path: 'items/1/qty', code: 'min', message: '"数量" must be at least 1' },
        { path: 'exportLicence', code: 'required', message: '"Export licence" is required' },
      ]);
      expect(await count()).toBe(before);
    });

    it('writes the messages in the language of the request', async () => {
      const res = await alice.request(
        'POST',
        `/forms/${formId}/records`,
        { data: order({ customer: '' }) },
        { headers: { 'accept-language': 'zh-CN' } },
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { path: 'customer', code: 'required', message: '“客户名称”为必填项' },
      ]);
    });

    it('recomputes when a record is changed, and keeps its serial number', async () => {
      const created = (await alice.post(`/forms/${formId}/records`, { data: order() })).body;
      const changed = await alice.patch(`/records/${created.id}`, {
        version: created.version,
        data: { items: [{ sku: 'A-1', qty: 10, price: 10 }], total: 1 },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.data).toMatchObject({
        subtotal: 100,
        tax: 13,
        total: 113,
        orderNo: created.data.orderNo,
      });
    });

    it('assigns serial numbers in sequence: SO-YYYYMMDD-0001, then 0002', async () => {
      const created = await srv.admin.post('/forms', { title: 'Serials', definition: salesOrder() });
      const published = await srv.admin.post(`/forms/${created.body.id}/versions`, {
        version: created.body.version,
      });
      expect(published.status).toBe(201);
      const first = await alice.post(`/forms/${created.body.id}/records`, {
        data: order({ orderNo: 'SO-HACKED' }),
      });
      const second = await alice.post(`/forms/${created.body.id}/records`, { data: order() });
      const now = new Date();
      const day = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}${String(now.getUTCDate()).padStart(2, '0')}`;
      expect(first.body.data.orderNo).toBe(`SO-${day}-0001`);
      expect(second.body.data.orderNo).toBe(`SO-${day}-0002`);
    });

    describe('publishing', () => {
      const publishWith = async (change: (definition: Record<string, any>) => void) => {
        const form = (await srv.admin.get(`/forms/${formId}`)).body;
        const definition = salesOrder();
        change(definition);
        const updated = await srv.admin.patch(`/forms/${formId}`, { version: form.version, definition });
        expect(updated.status).toBe(200);
        const res = await srv.admin.post(`/forms/${formId}/versions`, { version: updated.body.version });
        return { res, before: form.publishedVersion as number };
      };

      it('refuses a version whose test cases fail, listing each difference, and publishes nothing', async () => {
        const { res, before } = await publishWith((definition) => {
          definition.testCases.push({
            name: 'wrong tax',
            input: { items: [{ sku: 'A', qty: 1, price: 100 }] },
            expected: { tax: 10, total: 110 },
          });
        });
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual([
          { path: 'testCases/1/tax', code: 'test-case', message: 'wrong tax: tax: expected 10, got 13' },
          {
            path: 'testCases/1/total',
            code: 'test-case',
            message: 'wrong tax: total: expected 110, got 113',
          },
        ]);
        expect((await srv.admin.get(`/forms/${formId}`)).body.publishedVersion).toBe(before);
        expect((await srv.admin.get(`/forms/${formId}/versions/${before + 1}`)).status).toBe(404);
      });

      it('refuses formulas with unknown names or cycles, naming them and where they are', async () => {
        const { res, before } = await publishWith((definition) => {
          const fields = definition.fields as { key: string; formula?: string }[];
          fields.find((field) => field.key === 'subtotal')!.formula = 'SUM(items.amount) + totl';
          fields.find((field) => field.key === 'tax')!.formula = 'ROUND(total * taxRate, 2)';
          definition.testCases = [];
        });
        expect(res.status).toBe(422);
        const subtotalAt = salesOrder().fields.findIndex(
          (field: { key: string }) => field.key === 'subtotal',
        );
        expect(res.body.errors).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              path: `definition/fields/${subtotalAt}/formula`,
              code: 'unknown-field',
              message: expect.stringContaining('did you mean `total`'),
            }),
            expect.objectContaining({
              code: 'cycle',
              message: expect.stringMatching(/tax → total → tax|total → tax → total/),
            }),
          ]),
        );
        expect((await srv.admin.get(`/forms/${formId}`)).body.publishedVersion).toBe(before);
      });

      it('publishes a version whose test cases pass', async () => {
        const { res, before } = await publishWith(() => undefined);
        expect(res.status).toBe(201);
        expect(res.body.number).toBe(before + 1);
      });
    });
  });
}
