/**
 * Passwords of staff users: argon2id with the library's default cost (~32 ms a hash on these machines), and
 * the one rule for what a password must be.
 */
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.ts';

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

export type NewPasswordField = 'newPassword' | 'confirmPassword';
export type NewPasswordProblem =
  | 'missing'
  | 'too_short'
  | 'too_long'
  | 'is_email'
  | 'common'
  | 'confirm_missing'
  | 'mismatch';

/**
 * What is wrong with a new password and its repetition, per field (NIST SP 800-63B 3.1.1.2: length, not a
 * known-compromised or context-specific value such as the user's own email; no composition rules).
 */
export function newPasswordProblems(input: {
  password: string;
  confirm: string;
  email: string;
}): { field: NewPasswordField; problem: NewPasswordProblem }[] {
  const { password, confirm } = input;
  const problems: { field: NewPasswordField; problem: NewPasswordProblem }[] = [];
  const lower = password.trim().toLowerCase();
  if (password === '') problems.push({ field: 'newPassword', problem: 'missing' });
  else if (password.length > MAX_PASSWORD_LENGTH)
    problems.push({ field: 'newPassword', problem: 'too_long' });
  else if (lower === input.email.trim().toLowerCase())
    problems.push({ field: 'newPassword', problem: 'is_email' });
  else if (password.length < MIN_PASSWORD_LENGTH)
    problems.push({ field: 'newPassword', problem: 'too_short' });
  else if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(lower))
    problems.push({ field: 'newPassword', problem: 'common' });
  if (confirm === '') {
    if (password !== '') problems.push({ field: 'confirmPassword', problem: 'confirm_missing' });
  } else if (confirm !== password) problems.push({ field: 'confirmPassword', problem: 'mismatch' });
  return problems;
}
