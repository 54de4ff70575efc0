import { randomBytes } from 'node:crypto';

/** The MongoDB URI of this run, or null (with the reason printed once, never silently). */
export function mongoUriOrSkip(suite: string): string | null {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.warn(
      `[${suite}] MongoDB half skipped: MONGODB_URI is not set (CI sets it to a FerretDB instance)`,
    );
    return null;
  }
  return uri;
}

/** `uri` with its database replaced by a fresh one, so test files never share data. */
export function withFreshDatabase(uri: string, prefix: string): string {
  const url = new URL(uri);
  url.pathname = `/${prefix}_${randomBytes(5).toString('hex')}`;
  return url.toString();
}
