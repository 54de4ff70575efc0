import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { startTestServer, storeKinds, type TestServer } from '../helpers/api-server.ts';
import { customerForm, customerRows } from '../imports/data/fixtures.ts';
import { writeWorkbook } from '../imports/data/helpers.ts';
import { ZipWriter } from '../../server/imports/export/zip-writer.ts';

const mapping = [
  { column: 0, header: '编码', field: 'custNo' },
  { column: 1, header: '名称', field: 'name' },
  { column: 2, header: '授信额度', field: 'credit' },
  { column: 3, header: '合作日期', field: 'since' },
];

/** A Bearer-token client for multipart uploads (the JSON client cannot send bytes). */
async function tokenOf(srv: TestServer, client = srv.admin): Promise<string> {
  const res = await client.post('/tokens', { name: `t-${Math.random()}` });
  expect(res.status).toBe(201);
  return res.body.secret;
}

async function upload(srv: TestServer, token: string, formId: string, bytes: Buffer, name: string) {
  const body = new FormData();
  body.set('formId', formId);
  body.set('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${srv.url}/api/v1/imports/data`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body,
  });
  return { status: res.status, body: await res.json() };
}

async function until(srv: TestServer, id: string, states: string[]) {
  for (let i = 0; i < 200; i++) {
    const res = await srv.admin.get(`/imports/data/${id}`);
    if (states.includes(res.body.state)) return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} did not reach ${states.join('/')}`);
}

for (const kind of storeKinds('api imports-data')) {
  describe(`data import API (${kind.name})`, () => {
    let srv: TestServer;
    let token: string;
    let formId: string;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-api-import-'));

    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
      token = await tokenOf(srv);
      const created = await srv.admin.post('/forms', { title: 'Customers', definition: customerForm() });
      expect(created.status).toBe(201);
      formId = created.body.id;
      expect(
        (await srv.admin.post(`/forms/${formId}/versions`, { version: created.body.version })).status,
      ).toBe(201);
    });
    afterAll(async () => {
      await srv?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('uploads, proposes a mapping, dry-runs, reports errors (JSON and .xlsx with highlights), commits and undoes', async () => {
      // upload
      const file = writeWorkbook(path.join(dir, 'c.xlsx'), { 客户: customerRows(60, [7]) });
      const up = await upload(srv, token, formId, fs.readFileSync(file), '客户.xlsx');
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({
        state: 'uploaded',
        fileName: '客户.xlsx',
        source: { kind: 'xlsx', sheets: [{ name: '客户', headerRow: 1 }] },
      });
      expect(up.body.source.suggested.map((m: { field: string }) => m.field)).toEqual([
        'custNo',
        'name',
        'credit',
        'since',
      ]);
      expect(up.body.fields.map((f: { name: string }) => f.name)).toEqual([
        'custNo',
        'name',
        'credit',
        'since',
      ]);
      const id = up.body.id;

      // dry run
      const started = await srv.admin.post(`/imports/data/${id}/dry-run`, { mappings: mapping });
      expect(started.status).toBe(202);
      const validated = await until(srv, id, ['validated', 'failed']);
      expect(validated.summary).toMatchObject({ rows: 60, records: 60, inserts: 59, errorRecords: 1 });
      expect(validated.progress).toMatchObject({ phase: 'dryRun', fraction: 1 });
      const errors = await srv.admin.get(`/imports/data/${id}/errors`);
      expect(errors.body).toMatchObject({
        total: 1,
        items: [{ row: 8, column: 'C', value: 'lots', rule: 'number' }],
      });
      const rows = await srv.admin.get(`/imports/data/${id}/rows?outcome=error`);
      expect(rows.body).toMatchObject({ total: 1, items: [{ row: 8, outcome: 'error' }] });
      expect((await srv.admin.get(`/forms/${formId}/records`)).body.items).toEqual([]);

      // the error report as .xlsx: the failing row with its bad cell filled, then the list
      const report = await fetch(`${srv.url}/api/v1/imports/data/${id}/errors.xlsx`, {
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' },
      });
      expect(report.status).toBe(200);
      expect(report.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      const wb = XLSX.read(Buffer.from(await report.arrayBuffer()), { cellStyles: true });
      expect(wb.SheetNames).toEqual(['客户', '错误清单']);
      const copied = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['客户'], { header: 1 });
      expect(copied).toEqual([
        ['行号', '编码', '名称', '授信额度', '合作日期', '错误'],
        [8, 'C0007', '客户7', 'lots', '2024/1/8', '授信额度: "lots" is not a number'],
      ]);
      const bad = wb.Sheets['客户'].D2 as { s?: { fgColor?: { rgb?: string } } };
      expect(bad.s?.fgColor?.rgb).toBe('FFC7CE');
      expect((wb.Sheets['客户'].C2 as { s?: { fgColor?: unknown } }).s?.fgColor).toBeUndefined();

      // commit (2% threshold: 1 of 60 is under it)
      expect((await srv.admin.post(`/imports/data/${id}/commit`, {})).status).toBe(202);
      const committed = await until(srv, id, ['committed', 'failed']);
      expect(committed.summary).toMatchObject({ inserted: 59 });
      const list = await srv.admin.get(`/forms/${formId}/records?limit=100`);
      expect(list.body.items).toHaveLength(59);

      // undo
      expect((await srv.admin.post(`/imports/data/${id}/undo`, {})).status).toBe(202);
      expect((await until(srv, id, ['undone'])).summary).toMatchObject({ removed: 59 });
      expect((await srv.admin.get(`/forms/${formId}/records`)).body.items).toEqual([]);
      // and it shows in the list of imports
      expect(
        (await srv.admin.get(`/imports/data?formId=${formId}`)).body.items.map((j: { id: string }) => j.id),
      ).toContain(id);
    });

    it('refuses the commit over the error threshold with a 409 naming the rate, writing nothing', async () => {
      const up = await upload(
        srv,
        token,
        formId,
        fs.readFileSync(writeWorkbook(path.join(dir, 't.xlsx'), { S: customerRows(10, [2, 5]) })),
        't.xlsx',
      );
      await srv.admin.post(`/imports/data/${up.body.id}/dry-run`, { mappings: mapping, errorThreshold: 0.1 });
      await until(srv, up.body.id, ['validated']);
      const refused = await srv.admin.post(`/imports/data/${up.body.id}/commit`, {});
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ errorRate: 0.2, errorThreshold: 0.1 });
      expect(refused.body.detail).toContain('20%');
      expect((await srv.admin.get(`/forms/${formId}/records`)).body.items).toEqual([]);
      expect(
        (await srv.admin.post(`/imports/data/${up.body.id}/commit`, { errorThreshold: 0.25 })).status,
      ).toBe(202);
      await until(srv, up.body.id, ['committed']);
      await srv.admin.post(`/imports/data/${up.body.id}/undo`, {});
      await until(srv, up.body.id, ['undone']);
    });

    it('reads a GBK CSV', async () => {
      const csv = iconv.encode(
        '编码,名称,授信额度,合作日期\r\nG1,北京分公司,"1,200",2024年3月5日\r\n',
        'gbk',
      );
      const up = await upload(srv, token, formId, csv, 'gbk.csv');
      expect(up.status).toBe(201);
      expect(up.body.source.sheets[0].sample[1].cells).toEqual(['G1', '北京分公司', '1,200', '2024年3月5日']);
      await srv.admin.post(`/imports/data/${up.body.id}/dry-run`, { mappings: mapping });
      expect((await until(srv, up.body.id, ['validated'])).summary).toMatchObject({
        inserts: 1,
        errorRecords: 0,
      });
    });

    it('answers 422 for a mapping that does not fit the form, and 409 for a commit before a dry run', async () => {
      const up = await upload(
        srv,
        token,
        formId,
        fs.readFileSync(writeWorkbook(path.join(dir, 'm.xlsx'), { S: customerRows(2) })),
        'm.xlsx',
      );
      const bad = await srv.admin.post(`/imports/data/${up.body.id}/dry-run`, {
        mappings: [
          { column: 0, header: 'x', field: 'nope' },
          { column: 1, header: 'y', field: 'name' },
          { column: 2, header: 'z', field: 'name' },
        ],
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
        ['mappings/0/field', 'unknownField'],
        ['mappings/2/field', 'duplicateField'],
      ]);
      const check = await srv.admin.post(`/imports/data/${up.body.id}/check`, { mappings: [mapping[1]] });
      expect(check.body.unmappedRequired).toEqual(['custNo']);
      expect((await srv.admin.post(`/imports/data/${up.body.id}/commit`, {})).status).toBe(409);
    });

    it('refuses bad files with a clear 4xx and stores nothing: a PDF renamed .xlsx, a zip bomb, a truncated file, over the column limit', async () => {
      const pdf = await upload(
        srv,
        token,
        formId,
        Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n'),
        'orders.xlsx',
      );
      expect(pdf.status).toBe(415);
      expect(pdf.body.detail).toContain('PDF');

      const bombFile = path.join(dir, 'bomb.xlsx');
      const out = fs.createWriteStream(bombFile);
      const zip = new ZipWriter(out);
      await zip.add('xl/workbook.xml', '<workbook/>');
      await zip.add(
        'xl/worksheets/sheet1.xml',
        (function* () {
          const block = ' '.repeat(1 << 20);
          for (let i = 0; i < 450; i++) yield block;
        })(),
      );
      await zip.finish();
      await new Promise((r) => out.end(r));
      const bomb = await upload(srv, token, formId, fs.readFileSync(bombFile), 'bomb.xlsx');
      expect(bomb.status).toBe(422);
      expect(bomb.body.reason).toBe('zip-bomb');

      const whole = fs.readFileSync(writeWorkbook(path.join(dir, 'cut.xlsx'), { S: customerRows(50) }));
      const cut = await upload(
        srv,
        token,
        formId,
        whole.subarray(0, Math.floor(whole.length / 2)),
        'cut.xlsx',
      );
      expect(cut.status).toBe(422);
      expect(cut.body.reason).toBe('damaged');

      const wide = writeWorkbook(path.join(dir, 'wide.xlsx'), {
        S: [Array.from({ length: 205 }, (_, i) => `c${i}`)],
      });
      const tooWide = await upload(srv, token, formId, fs.readFileSync(wide), 'wide.xlsx');
      expect(tooWide.status).toBe(422);
      expect(tooWide.body.reason).toBe('too-many-columns');

      const hostile = writeWorkbook(path.join(dir, 'proto.xlsx'), {
        S: [
          ['__proto__', 'constructor', '$where'],
          ['a', 'b', 'c'],
        ],
      });
      const proto = await upload(srv, token, formId, fs.readFileSync(hostile), 'proto.xlsx');
      expect(proto.status).toBe(422);
      expect(proto.body.reason).toBe('unsafe-header-name');
      expect(proto.body.cells).toEqual(['S!A1', 'S!B1', 'S!C1']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('shows imports only to managers of the form (404 for others, as for a missing id)', async () => {
      const up = await upload(
        srv,
        token,
        formId,
        fs.readFileSync(writeWorkbook(path.join(dir, 'p.xlsx'), { S: customerRows(1) })),
        'p.xlsx',
      );
      const member = await srv.createUser({ username: `m${Date.now()}` });
      expect((await member.get(`/imports/data/${up.body.id}`)).status).toBe(404);
      expect((await member.post(`/imports/data/${up.body.id}/dry-run`, { mappings: mapping })).status).toBe(
        404,
      );
      const memberToken = await tokenOf(srv, member);
      expect((await upload(srv, memberToken, formId, Buffer.from('a,b\n1,2\n'), 'x.csv')).status).toBe(404);
      expect((await member.get(`/imports/data`)).body.items).toEqual([]);
    });
  });
}
