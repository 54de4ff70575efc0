import type { Services } from '../services.ts';
import { DEMO_PASSWORD, seedDemoOrg } from './demo-org.ts';
import { seedDemoForms } from './demo-forms.ts';

/** First start on an empty store: the demo org and demo forms, with a printed table of logins. */
export async function seedDemoContent(services: Services, print: (line: string) => void): Promise<void> {
  const logins = await seedDemoOrg(services.store);
  await seedDemoForms(services);
  const rows = logins.map((l) => `  ${l.username.padEnd(16)} ${l.roles.padEnd(16)} ${l.displayName}`);
  print(
    [
      '',
      `  Demo organisation created. Every demo user's password is: ${DEMO_PASSWORD}`,
      `  ${'username'.padEnd(16)} ${'roles'.padEnd(16)} name`,
      ...rows,
      '',
    ].join('\n'),
  );
}
