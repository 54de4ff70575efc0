import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { ValidationError } from '../errors/index.ts';

// argon2id with the OWASP 2024 minimum (19 MiB, t=2, p=1).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;

export function assertPasswordPolicy(password: string, path = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256) {
    throw new ValidationError('The password does not meet the policy', [
      {
        path,
        code: 'password-policy',
        message: `Password must be ${MIN_PASSWORD_LENGTH} to 256 characters long`,
      },
    ]);
  }
}

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
  const target = passwordHash ?? (await dummyHash());
  try {
    return (await verify(target, password)) && passwordHash !== undefined;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hash(randomBytes(16).toString('hex'), OPTIONS));

/** A readable random password for generated accounts (printed once). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
