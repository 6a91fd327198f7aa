/**
 * Passwords of staff users: argon2id with the library's default cost (~32 ms a hash on these machines), and
 * the one rule for what a password must be.
 */
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the @node-rs/argon2 default, named here so a library change cannot weaken it). */
const ARGON2ID = 2;
/** NIST SP 800-63B and OWASP ASVS 2.1.1 ask at least 12 characters; no other composition rules (2.1.9). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/**
 * Whether the password matches the hash. Without a hash (an unknown user, or one without a password) a dummy
 * hash is verified instead, so the answer takes as long either way and does not tell who has an account.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    const ok = await verify(passwordHash ?? (await dummyHash()), password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
const dummyHash = (): Promise<string> => {
  dummy ??= hashPassword('not a password: only here to take the time a real check takes');
  return dummy;
};
