// Records API throughput with autocannon against the real server (separate process), beside a bare Express baseline.
import autocannon from 'autocannon';
import { startChild } from './support/child-server.ts';
import { sampleOrder } from './support/order-data.ts';
import { figure, type BenchFigure, type BenchResult } from './support/types.ts';

interface ServerInfo {
  url: string;
  token: string;
  formId: string;
}

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const LIST_QUERY = `filter=${encodeURIComponent(JSON.stringify({ amount: { gte: 1000 }, region: { in: ['north', 'east'] } }))}&sort=-amount&limit=50`;

async function load(info: ServerInfo, kind: 'create' | 'list', notes: string[] = []): Promise<number> {
  const headers = { authorization: `Bearer ${info.token}`, 'content-type': 'application/json' };
  const result = await autocannon({
    url: `${info.url}/api/v1/forms/${info.formId}/records${kind === 'list' ? `?${LIST_QUERY}` : ''}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: kind === 'create' ? 'POST' : 'GET',
    headers,
    body: kind === 'create' ? JSON.stringify({ data: sampleOrder(7) }) : undefined,
  });
  const ok = result['2xx'];
  if (result.non2xx > 0)
    throw new Error(`${kind}: ${result.non2xx} non-2xx answers of ${result.requests.total}`);
  if (ok === 0) notes.push(`${kind}: no request completed within the ${DURATION_S} s run`);
  if (result.timeouts > 0 || result.errors > 0) {
    notes.push(`${kind}: ${result.timeouts} timeouts (10 s) and ${result.errors} errors in ${DURATION_S} s`);
  }
  return ok / DURATION_S;
}

export async function run(): Promise<BenchResult> {
  const notes: string[] = [];
  const bare = await startChild<ServerInfo>('support/bare-server.ts');
  const baseline = {
    create: await load(bare.info, 'create', notes),
    list: await load(bare.info, 'list', notes),
  };
  await bare.stop();

  const figures: BenchFigure[] = [];
  const stores: { name: string; env: Record<string, string> }[] = [{ name: 'sqlite', env: {} }];
  if (process.env.MONGODB_URI)
    stores.push({ name: 'mongo', env: { BENCH_MONGODB_URI: process.env.MONGODB_URI } });
  else notes.push('api.*.mongo skipped: MONGODB_URI is not set (CI runs it against FerretDB)');

  for (const store of stores) {
    const server = await startChild<ServerInfo>('support/api-server.ts', store.env);
    try {
      figures.push(
        figure(`api.create_rps.${store.name}`, await load(server.info, 'create'), 'req/s', baseline.create),
      );
      figures.push(
        figure(`api.list_rps.${store.name}`, await load(server.info, 'list'), 'req/s', baseline.list),
      );
    } finally {
      await server.stop();
    }
  }
  notes.push(
    `${CONNECTIONS} connections, ${DURATION_S} s per figure; list = filtered, sorted page of 50 out of 10,000+ records`,
  );
  return { suite: 'api', figures, notes };
}
