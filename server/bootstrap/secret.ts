import fs from 'node:fs';
import path from 'node:path';
import { randomToken } from '../auth/secrets.ts';

/**
 * The server secret signs CSRF tokens. FORMWORK_SECRET wins (needed when several
 * servers share one MongoDB); otherwise one is generated once per data dir.
 */
export function loadOrCreateSecret(input: { dataDir: string; fromEnv: string | null }): string {
  if (input.fromEnv) return input.fromEnv;
  const file = path.join(input.dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(input.dataDir, { recursive: true });
  const secret = randomToken(48);
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
