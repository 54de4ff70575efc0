import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { registerDataCommands } from './data-commands.ts';
import { registerUserCommands } from './user-commands.ts';

const program = new Command('formwork')
  .description('Formwork: forms, records and approval flows')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the web app and API (PORT, FORMWORK_DATA_DIR, MONGODB_URI…)')
  .action(async () => {
    const { startServer } = await import('../server.ts');
    const running = await startServer({ config: loadConfig() });
    process.stdout.write(`Formwork is running at ${running.url}\n`);
    const stop = () => void running.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

registerUserCommands(program);
registerDataCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`formwork: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
