import type { Command } from 'commander';
import path from 'node:path';
import { withStore } from './with-store.ts';

export function registerDataCommands(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'write a consistent copy of all data (SQLite: online backup to a .db file; MongoDB: JSON lines)',
    )
    .action(async (file: string) => {
      const target = path.resolve(file);
      await withStore((store) => store.backup(target));
      process.stdout.write(`backup written to ${target}\n`);
    });

  program
    .command('restore <file>')
    .description('replace all data with a backup made by `formwork backup` (stop the server first)')
    .action(async (file: string) => {
      const source = path.resolve(file);
      await withStore((store) => store.restore(source));
      process.stdout.write(`restored from ${source}\n`);
    });

  program
    .command('migrate')
    .description('apply pending schema migrations (also done at every start) and report the store')
    .action(async () => {
      await withStore(async (store) => {
        await store.ping();
        process.stdout.write(`store ${store.kind} is migrated and reachable\n`);
      });
    });
}
