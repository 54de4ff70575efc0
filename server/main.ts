import { loadConfig } from './config.ts';
import { startServer } from './server.ts';

const running = await startServer({ config: loadConfig() });
process.stdout.write(`Formwork is running at ${running.url}\n`);

const shutdown = async () => {
  await running.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
