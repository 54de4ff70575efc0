import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Json } from '../../store/types.ts';
import type { FileKind } from './job-types.ts';

/**
 * Files of an import under `<dataDir>/imports/<jobId>/`: the uploaded source and the records
 * a dry run prepared (NDJSON), which the commit writes. With several servers, the data
 * directory must be shared or requests of one import routed to one server.
 */
export function jobDir(dataDir: string, jobId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(jobId)) throw new Error(`bad import id ${jobId}`);
  return path.join(dataDir, 'imports', jobId);
}

export const sourcePath = (dataDir: string, jobId: string, kind: FileKind) =>
  path.join(jobDir(dataDir, jobId), `source.${kind}`);
export const preparedPath = (dataDir: string, jobId: string) =>
  path.join(jobDir(dataDir, jobId), 'prepared.ndjson');

export function removeJobFiles(dataDir: string, jobId: string): void {
  fs.rmSync(jobDir(dataDir, jobId), { recursive: true, force: true });
}

/** One prepared record: source row, insert or update (of `existingId`), the validated data. */
export interface PreparedRecord {
  row: number;
  op: 'insert' | 'update';
  existingId?: string;
  key?: string;
  data: Record<string, Json>;
}

/** One NDJSON line of the prepared file from the record's head and its data as JSON text. */
export function preparedLine(head: Omit<PreparedRecord, 'data'>, dataJson: string): string {
  return `${JSON.stringify(head).slice(0, -1)},"data":${dataJson}}`;
}

export function createPreparedWriter(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const out = fs.createWriteStream(tmp);
  let count = 0;
  return {
    /** Lines made by `preparedLine` (the data JSON comes ready from the build workers). */
    async writeLines(lines: string[]): Promise<void> {
      if (lines.length === 0) return;
      count += lines.length;
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
    },
    /** Completes the file atomically (a crashed dry run never leaves half a file behind). */
    async finish(): Promise<number> {
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      fs.renameSync(tmp, file);
      return count;
    },
    abort(): void {
      out.destroy();
      fs.rmSync(tmp, { force: true });
    },
  };
}

/** The prepared records in batches; read in large chunks and split here (readline costs more than the parsing). */
export async function* readPrepared(file: string, batchSize: number): AsyncIterable<PreparedRecord[]> {
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: READ_CHUNK });
  let tail = '';
  let batch: PreparedRecord[] = [];
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      const text = tail + chunk;
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        if (end > start) batch.push(JSON.parse(text.slice(start, end)) as PreparedRecord);
        start = end + 1;
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      tail = text.slice(start);
    }
    if (tail) batch.push(JSON.parse(tail) as PreparedRecord);
    if (batch.length) yield batch;
  } finally {
    input.destroy();
  }
}

const READ_CHUNK = 1024 * 1024;
