/**
 * BIFF8 records of an .xls Workbook stream ([MS-XLS] 2.1.4): a bounds-checked cursor, the
 * record walk, and the workbook globals a validation's list source needs (sheet names and
 * substream offsets, EXTERNSHEET / SUPBOOK for 3-D references, defined names). Every
 * length is checked against its record; a walk always moves forward, so it ends.
 */

export const RT = {
  BOF: 0x0809,
  EOF: 0x000a,
  BOUNDSHEET8: 0x0085,
  EXTERNSHEET: 0x0017,
  SUPBOOK: 0x01ae,
  LBL: 0x0018,
  FILEPASS: 0x002f,
  CONTINUE: 0x003c,
  DVAL: 0x01b2,
  DV: 0x01be,
} as const;

/** BOF `dt`: the workbook globals and a worksheet (or dialog sheet) substream. */
export const SUBSTREAM = { globals: 0x0005, worksheet: 0x0010 } as const;
const BIFF8 = 0x0600;
/** what checkBof answers for a chart, macro or VBA sheet */
export const OTHER_KIND = 'another kind of sheet';

export class BiffMalformed extends Error {}

export interface BiffRecord {
  type: number;
  /** offset of the record header in the stream */
  at: number;
  data: Buffer;
}

export interface BiffGlobals {
  /** BOUNDSHEET8 records in order: `itab` in formulas indexes this list */
  sheets: { name: string; offset: number }[];
  /** EXTERNSHEET entries (`ixti` in 3-D references) */
  xti: { supBook: number; first: number; last: number }[];
  /** SUPBOOK records in order: whether each is this workbook */
  isSelfBook: boolean[];
  /** LBL records in order (ptgName is 1-based); null for built-in names */
  names: (string | null)[];
}

/** Reads little-endian values, throwing BiffMalformed instead of reading past the end. */
export class Cursor {
  constructor(
    private readonly data: Buffer,
    public at = 0,
  ) {}

  get remaining(): number {
    return this.data.length - this.at;
  }

  u8(): number {
    this.need(1);
    return this.data[this.at++];
  }

  u16(): number {
    this.need(2);
    const value = this.data.readUInt16LE(this.at);
    this.at += 2;
    return value;
  }

  i16(): number {
    this.need(2);
    const value = this.data.readInt16LE(this.at);
    this.at += 2;
    return value;
  }

  u32(): number {
    this.need(4);
    const value = this.data.readUInt32LE(this.at);
    this.at += 4;
    return value;
  }

  bytes(length: number): Buffer {
    this.need(length);
    const out = this.data.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  /** `cch` characters, 8-bit (compressed UTF-16) or UTF-16LE by the fHighByte flag. */
  chars(cch: number, isHighByte: boolean): string {
    const raw = this.bytes(isHighByte ? cch * 2 : cch);
    return isHighByte ? raw.toString('utf16le') : raw.toString('latin1');
  }

  /** XLUnicodeString: 16-bit length, flags, characters. */
  xlUnicodeString(): string {
    const cch = this.u16();
    return this.chars(cch, (this.u8() & 1) === 1);
  }

  /** ShortXLUnicodeString: 8-bit length, flags, characters. */
  shortXlUnicodeString(): string {
    const cch = this.u8();
    return this.chars(cch, (this.u8() & 1) === 1);
  }

  private need(length: number): void {
    if (length < 0 || this.at + length > this.data.length)
      throw new BiffMalformed(`needs ${length} bytes at ${this.at} of ${this.data.length}`);
  }
}

/** Records any number of walks may visit together: one walk over every possible record. */
export function recordBudget(stream: Buffer): { records: number } {
  return { records: Math.ceil(stream.length / 4) + 1 };
}

/**
 * The records of the substream starting at `from` (a BOF), nested substreams (embedded
 * charts) included, up to its EOF. CONTINUE records are appended to EXTERNSHEET. Each
 * record visited spends one of `budget`, shared by all walks over the stream, so offsets
 * pointing into each other cannot make the walks quadratic. Throws BiffMalformed when a
 * header lies past the end of the stream or the budget is spent.
 */
export function* substream(
  stream: Buffer,
  from: number,
  budget: { records: number },
): Generator<BiffRecord & { depth: number }> {
  let depth = 0;
  let at = from;
  let pending: { record: BiffRecord & { depth: number }; chunks: Buffer[] } | null = null;
  const flush = () => {
    const record = pending!.record;
    record.data = Buffer.concat(pending!.chunks);
    pending = null;
    return record;
  };
  while (at + 4 <= stream.length) {
    if (--budget.records < 0) throw new BiffMalformed('too many records');
    const type = stream.readUInt16LE(at);
    const size = stream.readUInt16LE(at + 2);
    if (at + 4 + size > stream.length)
      throw new BiffMalformed(`record 0x${type.toString(16)} at ${at} runs past its limit`);
    const data = stream.subarray(at + 4, at + 4 + size);
    at += 4 + size;
    if (type === RT.CONTINUE && pending) {
      pending.chunks.push(data);
      continue;
    }
    if (pending) yield flush();
    if (type === RT.BOF) depth++;
    const record = { type, at: at - 4 - size, data, depth };
    if (type === RT.EOF) depth--;
    if (type === RT.EXTERNSHEET) pending = { record, chunks: [data] };
    else yield record;
    if (depth <= 0) break;
  }
  if (pending) yield flush();
  if (depth > 0) throw new BiffMalformed('the substream has no end');
}

/** Why `offset` does not start a BIFF8 substream of the given kind, or null when it does. */
export function checkBof(stream: Buffer, offset: number, kind: number): string | null {
  if (offset + 8 > stream.length || stream.readUInt16LE(offset) !== RT.BOF)
    return 'its substream has no BOF record';
  if (stream.readUInt16LE(offset + 2) < 4) return 'its BOF record is cut short';
  if (stream.readUInt16LE(offset + 4) !== BIFF8) return 'the file is in the Excel 95 format or older';
  return stream.readUInt16LE(offset + 6) === kind ? null : OTHER_KIND;
}

/** The workbook globals substream; throws BiffMalformed on a broken walk. */
export function readGlobals(stream: Buffer): BiffGlobals & { isEncrypted: boolean } {
  const globals: BiffGlobals & { isEncrypted: boolean } = {
    sheets: [],
    xti: [],
    isSelfBook: [],
    names: [],
    isEncrypted: false,
  };
  for (const record of substream(stream, 0, recordBudget(stream))) {
    if (record.depth !== 1) continue;
    const cursor = new Cursor(record.data);
    switch (record.type) {
      case RT.FILEPASS:
        globals.isEncrypted = true;
        return globals;
      case RT.BOUNDSHEET8: {
        const offset = cursor.u32();
        cursor.u16(); // hsState, dt
        globals.sheets.push({ name: cursor.shortXlUnicodeString(), offset });
        break;
      }
      case RT.SUPBOOK: {
        cursor.u16(); // ctab
        globals.isSelfBook.push(cursor.u16() === 0x0401);
        break;
      }
      case RT.EXTERNSHEET: {
        const count = cursor.u16();
        for (let i = 0; i < count; i++)
          globals.xti.push({ supBook: cursor.u16(), first: cursor.i16(), last: cursor.i16() });
        break;
      }
      case RT.LBL:
        globals.names.push(readName(cursor));
        break;
    }
  }
  return globals;
}

/** LBL ([MS-XLS] 2.4.150): a user-defined name's text, null for built-in names. */
function readName(cursor: Cursor): string | null {
  const flags = cursor.u16();
  cursor.u8(); // chKey
  const cch = cursor.u8();
  cursor.bytes(10); // cce, reserved, itab, reserved
  const isHighByte = (cursor.u8() & 1) === 1;
  const name = cursor.chars(cch, isHighByte);
  return flags & 0x0020 ? null : name;
}
