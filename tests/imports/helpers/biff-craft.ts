/**
 * BIFF8 Workbook streams built record by record, honest and hostile, and .xls files whose
 * Workbook stream is edited in place (so SheetJS still reads the rest of them).
 */
import * as XLSX from '@e965/xlsx';

const CFB = XLSX.CFB as {
  read(data: Uint8Array, options: { type: 'buffer' }): unknown;
  find(container: unknown, path: string): { content: Uint8Array } | null;
  write(container: unknown, options: { type: 'buffer' }): Uint8Array;
};

export const RT = { BOF: 0x0809, EOF: 0x000a, BOUNDSHEET8: 0x0085, DVAL: 0x01b2, DV: 0x01be } as const;

export function record(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

const u16 = (...values: number[]) => Buffer.from(new Uint16Array(values).buffer);
const u32 = (value: number) => Buffer.from(new Uint32Array([value]).buffer);

function bof(kind: number): Buffer {
  return record(RT.BOF, Buffer.concat([u16(0x0600, kind), Buffer.alloc(12)]));
}

/** XLUnicodeString (16-bit length), stored as UTF-16. */
export function xlString(text: string): Buffer {
  return Buffer.concat([u16(text.length), Buffer.from([1]), Buffer.from(text, 'utf16le')]);
}

/** ShortXLUnicodeString (8-bit length), stored as UTF-16. */
export function shortString(text: string): Buffer {
  return Buffer.concat([Buffer.from([text.length, 1]), Buffer.from(text, 'utf16le')]);
}

export const ptg = {
  str: (text: string) => Buffer.concat([Buffer.from([0x17]), shortString(text)]),
  area: (r1: number, r2: number, c1: number, c2: number) =>
    Buffer.concat([Buffer.from([0x25]), u16(r1, r2, c1, c2)]),
  area3d: (ixti: number, r1: number, r2: number, c1: number, c2: number) =>
    Buffer.concat([Buffer.from([0x3b]), u16(ixti, r1, r2, c1, c2)]),
  ref3d: (ixti: number, r: number, c: number) => Buffer.concat([Buffer.from([0x3a]), u16(ixti, r, c)]),
  name: (index: number) => Buffer.concat([Buffer.from([0x23]), u32(index)]),
  refErr: () => Buffer.from([0x2a, 0, 0, 0, 0]),
  int: (n: number) => Buffer.concat([Buffer.from([0x1e]), u16(n)]),
  /** SUM with one argument (ptgFuncVar) */
  sum: () => Buffer.from([0x22, 1, 4, 0]),
};

/** A DV record: type 3 is a list; `fStrLookup` is set when formula1 is an explicit list. */
export function dv(args: {
  valType?: number;
  formula1?: Buffer;
  sqref: [r1: number, r2: number, c1: number, c2: number][];
  prompt?: string;
}): Buffer {
  const valType = args.valType ?? 3;
  const isExplicit = args.formula1?.[0] === 0x17;
  const flags = valType | (isExplicit ? 0x80 : 0) | 0x100;
  const formula1 = args.formula1 ?? Buffer.alloc(0);
  return record(
    RT.DV,
    Buffer.concat([
      u32(flags),
      xlString(''),
      xlString(''),
      xlString(args.prompt ?? ''),
      xlString(''),
      u16(formula1.length, 0),
      formula1,
      u16(0, 0),
      u16(args.sqref.length),
      ...args.sqref.map((ref) => u16(...ref)),
    ]),
  );
}

/** DVAL announcing `count` DV records. */
export function dval(count: number): Buffer {
  return record(RT.DVAL, Buffer.concat([u16(0), u32(0), u32(0), u32(0xffffffff), u32(count)]));
}

export const globals = {
  /** SUPBOOK of this workbook (`ctab` sheets) or of an external file */
  supBook: (ctab: number, isSelf = true) =>
    record(0x01ae, isSelf ? u16(ctab, 0x0401) : Buffer.concat([u16(ctab, 1), Buffer.from([0, 0x41])])),
  externSheet: (...xti: [supBook: number, first: number, last: number][]) =>
    record(
      0x0017,
      Buffer.concat([u16(xti.length), ...xti.map(([s, f, l]) => u16(s, f & 0xffff, l & 0xffff))]),
    ),
  name: (text: string) =>
    record(
      0x0018,
      Buffer.concat([
        u16(0),
        Buffer.from([0, text.length]),
        u16(0, 0, 0),
        Buffer.alloc(4),
        Buffer.from([0]),
        Buffer.from(text, 'latin1'),
      ]),
    ),
};

/** Globals substream (BOUNDSHEET8 offsets filled in) followed by one worksheet substream per sheet. */
export function biffStream(args: {
  globals?: Buffer[];
  sheets: { name: string; records: Buffer[] }[];
}): Buffer {
  const boundSheet = (offset: number, name: string) =>
    record(RT.BOUNDSHEET8, Buffer.concat([u32(offset), u16(0), shortString(name)]));
  const head = [
    bof(0x0005),
    ...args.sheets.map((sheet) => boundSheet(0, sheet.name)),
    ...(args.globals ?? []),
  ];
  const eof = record(RT.EOF, Buffer.alloc(0));
  const bodies = args.sheets.map((sheet) => Buffer.concat([bof(0x0010), ...sheet.records, eof]));
  let offset = Buffer.concat([...head, eof]).length;
  const offsets = bodies.map((body) => {
    const at = offset;
    offset += body.length;
    return at;
  });
  const fixed = [
    bof(0x0005),
    ...args.sheets.map((sheet, i) => boundSheet(offsets[i], sheet.name)),
    ...(args.globals ?? []),
  ];
  return Buffer.concat([...fixed, eof, ...bodies]);
}

/**
 * Hostile: `count` sheets whose substreams start at successive BOFs nested in one another
 * (BOF × count, then EOF × count), so walking each sheet to its EOF would be quadratic.
 */
export function nestedSheetsStream(count: number): Buffer {
  const boundSheet = (offset: number) =>
    record(RT.BOUNDSHEET8, Buffer.concat([u32(offset), u16(0), shortString('S')]));
  const eof = record(RT.EOF, Buffer.alloc(0));
  const start = bof(0x0005).length + count * boundSheet(0).length + eof.length;
  const sheets = Array.from({ length: count }, (_, i) => boundSheet(start + i * bof(0x0010).length));
  const body = [
    ...Array.from({ length: count }, () => bof(0x0010)),
    ...Array.from({ length: count }, () => eof),
  ];
  return Buffer.concat([bof(0x0005), ...sheets, eof, ...body]);
}

/** Offsets of the records of a type, walking the whole stream. */
export function recordOffsets(stream: Buffer, type: number): number[] {
  const found: number[] = [];
  for (let at = 0; at + 4 <= stream.length; at += 4 + stream.readUInt16LE(at + 2))
    if (stream.readUInt16LE(at) === type) found.push(at);
  return found;
}

/** The .xls with its Workbook stream changed by `edit` (same length keeps every offset valid). */
export function editWorkbookStream(xls: Buffer, edit: (stream: Buffer) => void): Buffer {
  const cfb = CFB.read(xls, { type: 'buffer' });
  const entry = CFB.find(cfb, '/Workbook');
  if (!entry) throw new Error('no Workbook stream');
  const stream = Buffer.from(entry.content);
  edit(stream);
  entry.content = stream;
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }));
}

export function workbookStream(xls: Buffer): Buffer {
  const entry = CFB.find(CFB.read(xls, { type: 'buffer' }), '/Workbook');
  if (!entry) throw new Error('no Workbook stream');
  return Buffer.from(entry.content);
}
