import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { startTestServer, storeKinds, type ApiClient, type TestServer } from '../helpers/api-server.ts';

const definition = {
  schemaVersion: 1,
  settings: { title: 'Orders', indexedFields: ['region'] },
  fields: [
    { key: 'customer', type: 'text', label: '客户', required: true },
    {
      key: 'region',
      type: 'select',
      label: '区域',
      options: [
        { value: 'n', label: '华北' },
        { value: 's', label: '华南' },
      ],
    },
    { key: 'orderDate', type: 'date', label: '下单日期' },
    { key: 'amount', type: 'number', label: '金额' },
    { key: 'vip', type: 'boolean', label: 'VIP' },
    {
      key: 'items',
      type: 'table',
      label: '明细',
      columns: [
        { key: 'sku', type: 'text', label: 'SKU' },
        { key: 'qty', type: 'number', label: '数量' },
      ],
    },
  ],
};

async function download(srv: TestServer, token: string, path: string) {
  const res = await fetch(`${srv.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

for (const kind of storeKinds('api export')) {
  describe(`records export (${kind.name})`, () => {
    let srv: TestServer;
    let token: string;
    let formId: string;
    let member: ApiClient & { userId: string };

    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
      token = (await srv.admin.post('/tokens', { name: 'export' })).body.secret;
      const created = await srv.admin.post('/forms', { title: 'Orders', definition });
      formId = created.body.id;
      await srv.admin.post(`/forms/${formId}/versions`, { version: created.body.version });
      const submit = (data: object) => srv.admin.post(`/forms/${formId}/records`, { data });
      expect(
        (
          await submit({
            customer: '=HYPERLINK("http://evil","x")',
            region: 'n',
            orderDate: '2024-03-05',
            amount: -5,
            vip: true,
            items: [
              { sku: '@SUM(1)', qty: 2 },
              { sku: 'B', qty: 1 },
            ],
          })
        ).status,
      ).toBe(201);
      expect(
        (await submit({ customer: '+cmd|calc', region: 's', amount: 10, items: [{ sku: '-T', qty: 3 }] }))
          .status,
      ).toBe(201);
      expect((await submit({ customer: 'Plain, "quoted"', region: 'n', amount: 7 })).status).toBe(201);
      member = await srv.createUser({ username: 'exp-member' });
      expect(
        (await member.post(`/forms/${formId}/records`, { data: { customer: 'mine', region: 's' } })).status,
      ).toBe(201);
    });
    afterAll(() => srv?.close());

    it('writes .xlsx with labels as headers, option labels, real dates, line items on a second sheet, formulas neutralised', async () => {
      const res = await download(srv, token, `/forms/${formId}/records/export?format=xlsx&sort=createdAt`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const wb = XLSX.read(res.bytes);
      expect(wb.SheetNames).toEqual(['Orders', '明细']);
      const main = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Orders, { raw: true });
      expect(Object.keys(main[0])).toEqual([
        '记录ID',
        '客户',
        '区域',
        '下单日期',
        '金额',
        'VIP',
        '状态',
        '创建时间',
        '更新时间',
      ]);
      expect(main.map((r) => r['客户'])).toEqual([
        '\'=HYPERLINK("http://evil","x")',
        "'+cmd|calc",
        'Plain, "quoted"',
        'mine',
      ]);
      expect(main[0]).toMatchObject({ 区域: '华北', 下单日期: 45356, 金额: -5, VIP: true });
      for (const cell of Object.values(wb.Sheets.Orders)) expect((cell as { f?: string }).f).toBeUndefined();
      const items = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['明细'], { raw: true });
      expect(items.map((r) => [r['记录ID'], r['行号'], r.SKU, r['数量']])).toEqual([
        [main[0]['记录ID'], 1, "'@SUM(1)", 2],
        [main[0]['记录ID'], 2, 'B', 1],
        [main[1]['记录ID'], 1, "'-T", 3],
      ]);
    });

    it('writes .csv (UTF-8 BOM, CRLF) with every cell starting with = + - @ tab or CR neutralised and quoted as needed', async () => {
      const res = await download(srv, token, `/forms/${formId}/records/export?format=csv&sort=createdAt`);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const text = res.bytes.toString('utf8');
      expect(text.startsWith('\ufeff记录ID,客户,区域,下单日期,金额,VIP,状态,创建时间,更新时间\r\n')).toBe(
        true,
      );
      const lines = text.slice(1).split('\r\n');
      expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",华北,2024-03-05,-5,TRUE,submitted,`);
      expect(lines[2]).toContain(",'+cmd|calc,华南,,10,,");
      expect(lines[3]).toContain(',"Plain, ""quoted""",');
      // numbers (-5) are numbers, not formulas; every text cell is safe
      for (const line of lines.filter(Boolean))
        for (const cell of line.split(','))
          if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const items = (
        await download(srv, token, `/forms/${formId}/records/export?format=csv&table=items&sort=createdAt`)
      ).bytes.toString('utf8');
      expect(items.split('\r\n')[0]).toBe('\ufeff记录ID,行号,SKU,数量');
      expect(items).toContain(",1,'@SUM(1),2\r\n");
      expect(items).toContain(",1,'-T,3\r\n");
    });

    it('exports only the columns chosen in the records list, in their order; an unknown one is a 400', async () => {
      const res = await download(
        srv,
        token,
        `/forms/${formId}/records/export?format=csv&sort=createdAt&columns=amount,customer,status,createdAt&lang=en`,
      );
      expect(res.status).toBe(200);
      const lines = res.bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe('金额,客户,Status,Created at');
      expect(lines[1]).toMatch(/^-5,"'=HYPERLINK\(""http:\/\/evil"",""x""\)",submitted,\d{4}-/);
      for (const bad of ['items', 'nope', '__proto__']) {
        const refused = await srv.admin.get(`/forms/${formId}/records/export?columns=customer,${bad}`);
        expect(refused.status).toBe(400);
        expect(refused.body.detail).toContain(`"${bad}"`);
      }
    });

    it('applies the records list filter syntax and visibility', async () => {
      const filter = encodeURIComponent(JSON.stringify({ region: 'n' }));
      const wb = XLSX.read(
        (await download(srv, token, `/forms/${formId}/records/export?filter=${filter}`)).bytes,
      );
      expect(XLSX.utils.sheet_to_json(wb.Sheets.Orders)).toHaveLength(2);
      const bad = await srv.admin.get(
        `/forms/${formId}/records/export?filter=${encodeURIComponent(JSON.stringify({ amount: 1 }))}`,
      );
      expect(bad.status).toBe(400);
      const memberToken = (await member.post('/tokens', { name: 'm' })).body.secret;
      const own = XLSX.read((await download(srv, memberToken, `/forms/${formId}/records/export`)).bytes);
      expect(
        XLSX.utils.sheet_to_json<Record<string, unknown>>(own.Sheets.Orders).map((r) => r['客户']),
      ).toEqual(['mine']);
      expect((await srv.admin.get(`/forms/nope/records/export`)).status).toBe(404);
    });
  });
}
