import type { Command } from 'commander';
import { assertPasswordPolicy, generatePassword, hashPassword } from '../auth/passwords.ts';
import { createTokenService } from '../auth/tokens.ts';
import { withStore } from './with-store.ts';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user (prints the generated password when none is given)')
    .requiredOption('--username <name>', 'login name')
    .option('--display-name <name>', 'name shown in the app')
    .option('--password <password>', 'password (default: generated and printed)')
    .option('--roles <roles>', 'comma-separated roles', 'member')
    .option('--email <email>', 'e-mail address')
    .option('--phone <phone>', 'mobile number')
    .action(
      async (opts: {
        username: string;
        displayName?: string;
        password?: string;
        roles: string;
        email?: string;
        phone?: string;
      }) => {
        const password = opts.password ?? generatePassword();
        assertPasswordPolicy(password);
        await withStore(async (store) => {
          const created = await store.users.insert({
            username: opts.username.toLowerCase(),
            displayName: opts.displayName ?? opts.username,
            email: opts.email,
            phone: opts.phone,
            departmentId: null,
            roles: opts.roles
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean),
            isActive: true,
            passwordHash: await hashPassword(password),
          });
          process.stdout.write(
            `created user ${created.username} (${created.id})${opts.password ? '' : ` with password ${password}`}\n`,
          );
        });
      },
    );

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token for a user; prints only the token')
    .requiredOption('--user <username>', 'the user the token acts as')
    .option('--name <label>', 'label shown in the token list', 'cli')
    .action(async (opts: { user: string; name: string }) => {
      await withStore(async (store) => {
        const page = await store.users.list({
          filter: { op: 'eq', field: 'username', value: opts.user.toLowerCase() },
          limit: 1,
        });
        const owner = page.items[0];
        if (!owner) throw new Error(`no user named "${opts.user}"`);
        if (!owner.isActive) throw new Error(`user "${opts.user}" is deactivated`);
        const { secret } = await createTokenService(store).issue({ userId: owner.id, name: opts.name });
        process.stdout.write(`${secret}\n`);
      });
    });
}
