import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import fs from 'node:fs';
import { pino, type Logger } from 'pino';
import { createApp } from './app.ts';
import { seedDemoContent } from './bootstrap/seed.ts';
import { ensureFirstStart } from './bootstrap/first-start.ts';
import { loadOrCreateSecret } from './bootstrap/secret.ts';
import type { Config } from './config.ts';
import { createServices, type Services } from './services.ts';
import { openStore } from './store/index.ts';

export interface RunningServer {
  url: string;
  server: Server;
  services: Services;
  close(): Promise<void>;
}

const VERSION = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  .version as string;

/** Opens the store, runs first-start set-up, and listens. Used by `formwork serve` and the API tests. */
export async function startServer(input: {
  config: Config;
  logger?: Logger;
  isServingSpa?: boolean;
  print?: (line: string) => void;
}): Promise<RunningServer> {
  const { config } = input;
  const logger = input.logger ?? pino({ level: config.logLevel });
  const print = input.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  fs.mkdirSync(config.dataDir, { recursive: true });
  const store = await openStore({ dataDir: config.dataDir, mongodbUri: config.mongodbUri });
  const secret = loadOrCreateSecret({ dataDir: config.dataDir, fromEnv: config.sessionSecret });
  const services = createServices({ config, store, logger, secret });

  const first = await ensureFirstStart(store, { adminPassword: config.adminPassword });
  if (first.generatedPassword) {
    print(
      `\n  Created the admin user. Sign in as  admin / ${first.generatedPassword}\n  (shown once; set FORMWORK_ADMIN_PASSWORD to choose it)\n`,
    );
  }
  if (first.isAdminCreated && config.seedDemo) await seedDemoContent(services, print);

  const app = createApp({ services, version: VERSION, isServingSpa: input.isServingSpa });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, store: store.kind }, 'Formwork is listening');
  return {
    url,
    server,
    services,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await store.close();
    },
  };
}
