/** Follow-up tokens: 192 random bits, shown once; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

export const newFollowUpToken = (): string => randomBytes(24).toString('base64url');

export const hashFollowUpToken = (token: string): string => createHash('sha256').update(token).digest('hex');
