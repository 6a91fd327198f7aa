/**
 * The honeypot's pretend success: a filled-in `website` field (only bots see it) gets the same redirect as a
 * real submission, to a confirmation page for a token that opens nothing. The decoys are remembered briefly,
 * in memory, so that page can answer like a confirmation; nothing reaches the database.
 */
import { newFollowUpToken } from '../../commands/follow-up-token.ts';

const MAX_DECOYS = 1000;
const LIFETIME_MS = 60 * 60 * 1000;
const decoys = new Map<string, number>();

export function newDecoyToken(now = Date.now()): string {
  const token = newFollowUpToken();
  decoys.set(token, now + LIFETIME_MS);
  for (const [old, expires] of decoys) {
    if (decoys.size <= MAX_DECOYS && expires > now) break;
    decoys.delete(old);
  }
  return token;
}

export function isDecoyToken(token: string, now = Date.now()): boolean {
  const expires = decoys.get(token);
  return expires !== undefined && expires > now;
}
