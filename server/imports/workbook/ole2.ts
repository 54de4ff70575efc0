/**
 * A minimal reader of OLE2 compound files (the container of .xls and of every
 * password-protected Office file): header, FAT and directory only, every offset
 * bounds-checked, every chain loop-guarded. It names the streams so the upload can
 * be told apart: an .xls (`Workbook`/`Book`), an encrypted OOXML package
 * (`EncryptionInfo` + `EncryptedPackage`), a Word or PowerPoint file.
 */
import { WorkbookRejected } from './errors.ts';

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_ENTRIES = 100_000;

export function inspectOle2(bytes: Buffer): 'xls' {
  const names = directoryNames(bytes);
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) {
    throw new WorkbookRejected(
      'encrypted',
      'The workbook is password-protected (encrypted); remove the password in Excel and upload it again',
    );
  }
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  const what = names.has('WordDocument')
    ? 'a Word document'
    : names.has('PowerPoint Document')
      ? 'a PowerPoint presentation'
      : 'an OLE2 compound file without a workbook';
  throw new WorkbookRejected('not-a-spreadsheet', `The file is ${what}, not a spreadsheet`, {
    detected: what,
  });
}

function directoryNames(bytes: Buffer): Set<string> {
  const damaged = (why: string) =>
    new WorkbookRejected('damaged', `The file is truncated or damaged (${why})`);
  if (bytes.length < 512) throw damaged('shorter than an OLE2 header');
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw damaged('unknown sector size');
  const size = 1 << shift;
  const sectorCount = Math.floor((bytes.length - size) / size) + (bytes.length % size === 0 ? 0 : 1);
  const offsetOf = (sector: number): number => {
    if (sector >= sectorCount) throw damaged(`sector ${sector} lies past the end of the file`);
    return (sector + 1) * size;
  };
  const fat = readFat(bytes, { size, offsetOf, damaged });
  const names = new Set<string>();
  const seen = new Set<number>();
  for (let sector = bytes.readUInt32LE(0x30); sector !== END_OF_CHAIN; sector = fat[sector] ?? END_OF_CHAIN) {
    if (sector === FREE || seen.has(sector)) throw damaged('broken directory chain');
    seen.add(sector);
    const base = offsetOf(sector);
    for (let at = base; at + 128 <= base + size && at + 128 <= bytes.length; at += 128) {
      const length = bytes.readUInt16LE(at + 0x40);
      const type = bytes[at + 0x42];
      if (type === 0 || length < 2 || length > 64) continue;
      names.add(bytes.toString('utf16le', at, at + length - 2));
    }
    if (seen.size * (size / 128) > MAX_DIRECTORY_ENTRIES) throw damaged('too many directory entries');
  }
  return names;
}

/** FAT sector numbers come from the header's 109 DIFAT slots, then from DIFAT sectors. */
function readFat(
  bytes: Buffer,
  io: { size: number; offsetOf: (sector: number) => number; damaged: (why: string) => WorkbookRejected },
): number[] {
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const sector = bytes.readUInt32LE(0x4c + i * 4);
    if (sector !== FREE) fatSectors.push(sector);
  }
  const seen = new Set<number>();
  for (let sector = bytes.readUInt32LE(0x44); sector !== END_OF_CHAIN && sector !== FREE;) {
    if (seen.has(sector)) throw io.damaged('broken DIFAT chain');
    seen.add(sector);
    const base = io.offsetOf(sector);
    for (let i = 0; i < io.size / 4 - 1; i++) {
      const fatSector = bytes.readUInt32LE(base + i * 4);
      if (fatSector !== FREE) fatSectors.push(fatSector);
    }
    sector = bytes.readUInt32LE(base + io.size - 4);
  }
  const fat: number[] = [];
  for (const sector of fatSectors) {
    const base = io.offsetOf(sector);
    if (base + io.size > bytes.length) throw io.damaged('the allocation table is cut off');
    for (let i = 0; i < io.size / 4; i++) fat.push(bytes.readUInt32LE(base + i * 4));
  }
  return fat;
}
