/**
 * Recalculates workbooks with LibreOffice headless (Debian: libreoffice-calc-nogui) in a
 * private profile set to recalculate formulas on load, and reads the results back.
 * Without soffice the comparisons are skipped with a printed reason on a developer machine, and fail in
 * CI (CI=true, where .ci/run installs LibreOffice) unless FORMWORK_SKIP_LIBREOFFICE=1.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

export const isSkippingLibreOffice = process.env.FORMWORK_SKIP_LIBREOFFICE === '1';

/** True when soffice can run; otherwise skips with a printed reason, or fails the suite in CI. */
export function requireLibreOffice(): boolean {
  if (hasLibreOffice()) return true;
  if (isSkippingLibreOffice) return false;
  if (process.env.CI !== 'true') {
    console.warn(
      '[excel templates] LibreOffice comparisons skipped: soffice is not installed (apt-get install libreoffice-calc-nogui)',
    );
    return false;
  }
  throw new Error(
    'LibreOffice (soffice) is needed to check imported formulas against the sheet: apt-get install libreoffice-calc-nogui, or set FORMWORK_SKIP_LIBREOFFICE=1 to skip these comparisons',
  );
}

/** Converts every workbook to .xlsx in one soffice run (formulas recalculated) and parses the results. */
export function recalculate(workbooks: Map<string, Buffer>): Map<string, XLSX.WorkBook> {
  const converted = convert({ workbooks, from: 'xlsx', to: 'xlsx' });
  return new Map([...converted].map(([name, bytes]) => [name, XLSX.read(bytes, { type: 'buffer' })]));
}

/** Converts workbooks (named without extension) from one format to another in one soffice run. */
export function convert(args: {
  workbooks: Map<string, Buffer>;
  from: string;
  to: string;
}): Map<string, Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-lo-'));
  try {
    const input = path.join(dir, 'in');
    const output = path.join(dir, 'out');
    fs.mkdirSync(path.join(dir, 'profile', 'user'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'profile', 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    fs.mkdirSync(input);
    const files = [...args.workbooks].map(([name, bytes]) => {
      const file = path.join(input, `${name}.${args.from}`);
      fs.writeFileSync(file, bytes);
      return file;
    });
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        args.to,
        '--outdir',
        output,
        ...files,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    const results = new Map<string, Buffer>();
    for (const name of args.workbooks.keys()) {
      const file = path.join(output, `${name}.${args.to}`);
      if (!fs.existsSync(file)) throw new Error(`LibreOffice did not convert ${name}`);
      results.set(name, fs.readFileSync(file));
    }
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
