/** The import bench's data: a 20-column order sheet as Excel stores it (shared strings, date styles) and its form. */
import fs from 'node:fs';
import type { FormDefinition } from '../../schemas/form-definition.ts';
import { usccCheckCharacter } from '../../runtime/core/definition/uscc.ts';
import { ZipWriter } from '../../server/imports/export/zip-writer.ts';
import { escapeXml } from '../../server/imports/export/xlsx-writer.ts';

export const IMPORT_HEADERS = [
  '订单号',
  '订单日期',
  '客户名称',
  '统一社会信用代码',
  '联系人',
  '手机',
  '邮箱',
  '收货地址',
  '产品编码',
  '产品名称',
  '规格',
  '单位',
  '数量',
  '单价',
  '金额',
  '税率',
  '税额',
  '交货日期',
  '销售部门',
  '备注',
];

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '苏州'];
const WORDS = ['华信', '金桥', '宏达', '远航', '恒通', '嘉禾', '瑞丰', '新元', '东方', '百川'];
const PRODUCTS = [
  '不锈钢螺栓',
  '铝合金型材',
  '工业轴承',
  '液压阀门',
  '电源模块',
  '传感器',
  '控制面板',
  '密封圈',
];
const DEPTS = ['北分', '上分', '华南分公司', '西南分公司'];

function uscc(i: number): string {
  const body =
    `91110${String(100000 + (i % 900000)).padStart(6, '0')}MA${String(i).padStart(7, '0').slice(-7)}`.slice(
      0,
      17,
    );
  return body + usccCheckCharacter(body);
}

/** Row `i` (0-based) of the order sheet: text, numbers, and date serials for the two date columns. */
export function orderRow(i: number): (string | number)[] {
  const customer = `${CITIES[i % 10]}${WORDS[(i >> 3) % 10]}${['贸易', '科技', '实业', '机电'][i % 4]}有限公司`;
  const qty = 1 + (i % 97);
  const price = Math.round(((i * 7919) % 100000) + 99) / 100;
  const amount = Math.round(qty * price * 100) / 100;
  return [
    `SO-${String(i + 1).padStart(7, '0')}`,
    45000 + (i % 700),
    customer,
    uscc(i % 5000),
    `联系人${i % 3000}`,
    `13${String(800000000 + ((i * 7) % 199999999)).padStart(9, '0')}`,
    `buyer${i % 4000}@example.com`,
    `${CITIES[i % 10]}市第${1 + (i % 300)}街道${i}号 ${WORDS[i % 10]}大厦${1 + (i % 30)}层`,
    `SKU-${String(i % 2000).padStart(5, '0')}`,
    PRODUCTS[i % PRODUCTS.length],
    `M${8 + (i % 16)}×${20 + (i % 80)}`,
    ['件', '套', '个', '箱'][i % 4],
    qty,
    price,
    amount,
    0.13,
    Math.round(amount * 13) / 100,
    45010 + (i % 700),
    DEPTS[i % DEPTS.length],
    `第${i}号订单，请于工作日送货，联系人电话已核实（批次 ${i % 977}）`,
  ];
}

const DATE_COLUMNS = new Set([1, 17]);

/** Writes `rows` order rows plus a header to an .xlsx with a shared string table, as Excel does. */
export async function writeOrderWorkbook(file: string, rows: number): Promise<void> {
  const index = new Map<string, number>();
  const strings: string[] = [];
  const sst = (text: string) => {
    let n = index.get(text);
    if (n === undefined) {
      n = strings.length;
      strings.push(text);
      index.set(text, n);
    }
    return n;
  };
  IMPORT_HEADERS.forEach(sst);
  for (let i = 0; i < rows; i++) for (const cell of orderRow(i)) if (typeof cell === 'string') sst(cell);

  const out = fs.createWriteStream(file);
  const zip = new ZipWriter(out);
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const nsR = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  await zip.add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  await zip.add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${nsR}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  await zip.add(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${nsR}"><sheets><sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  await zip.add(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${nsR}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${nsR}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${nsR}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  await zip.add(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  await zip.add(
    'xl/sharedStrings.xml',
    (function* () {
      yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">`;
      for (let i = 0; i < strings.length; i += 5000)
        yield strings
          .slice(i, i + 5000)
          .map((s) => `<si><t>${escapeXml(s)}</t></si>`)
          .join('');
      yield '</sst>';
    })(),
  );
  const col = (c: number) => String.fromCharCode(65 + c);
  await zip.add(
    'xl/worksheets/sheet1.xml',
    (function* () {
      yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}" xmlns:r="${nsR}"><dimension ref="A1:T${rows + 1}"/><sheetData>`;
      yield `<row r="1">${IMPORT_HEADERS.map((h, c) => `<c r="${col(c)}1" t="s"><v>${index.get(h)}</v></c>`).join('')}</row>`;
      for (let start = 0; start < rows; start += 1000) {
        let xml = '';
        for (let i = start; i < Math.min(rows, start + 1000); i++) {
          const r = i + 2;
          xml += `<row r="${r}" spans="1:20">`;
          orderRow(i).forEach((cell, c) => {
            if (typeof cell === 'string') xml += `<c r="${col(c)}${r}" t="s"><v>${index.get(cell)}</v></c>`;
            else
              xml += `<c r="${col(c)}${r}"${DATE_COLUMNS.has(c) ? ' s="1"' : c >= 13 ? ' s="2"' : ''}><v>${cell}</v></c>`;
          });
          xml += '</row>';
        }
        yield xml;
      }
      yield '</sheetData></worksheet>';
    })(),
  );
  await zip.finish();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** The form the bench imports into: one field per column. */
export function orderImportForm(): FormDefinition {
  return {
    schemaVersion: 1,
    settings: { title: '历史订单 Order history', indexedFields: ['orderNo'] },
    fields: [
      { key: 'orderNo', type: 'text', label: '订单号', required: true, maxLength: 40 },
      { key: 'orderDate', type: 'date', label: '订单日期', required: true },
      { key: 'customer', type: 'text', label: '客户名称', required: true, maxLength: 100 },
      { key: 'customerCode', type: 'uscc', label: '统一社会信用代码' },
      { key: 'contact', type: 'text', label: '联系人' },
      { key: 'phone', type: 'phone', label: '手机' },
      { key: 'email', type: 'email', label: '邮箱' },
      { key: 'address', type: 'text', label: '收货地址', maxLength: 200 },
      { key: 'sku', type: 'text', label: '产品编码' },
      { key: 'productName', type: 'text', label: '产品名称' },
      { key: 'spec', type: 'text', label: '规格' },
      { key: 'unit', type: 'text', label: '单位' },
      { key: 'qty', type: 'number', label: '数量', min: 0 },
      { key: 'price', type: 'money', label: '单价', min: 0 },
      { key: 'amount', type: 'money', label: '金额' },
      { key: 'taxRate', type: 'percent', label: '税率' },
      { key: 'tax', type: 'money', label: '税额' },
      { key: 'deliveryDate', type: 'date', label: '交货日期' },
      { key: 'salesDept', type: 'text', label: '销售部门' },
      { key: 'note', type: 'textarea', label: '备注' },
    ],
  } as FormDefinition;
}
