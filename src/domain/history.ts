/** The history of a complaint: which fields an action changed, before and after. */
import type { Complaint } from './complaint.ts';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Top-level fields whose value differs; `version` and `updatedAt` change on every write and are left out. */
export function diffComplaint(before: Complaint | null, after: Complaint): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of Object.keys(after) as (keyof Complaint)[]) {
    if (key === 'version' || key === 'updatedAt') continue;
    const previous = before ? before[key] : null;
    if (JSON.stringify(previous) !== JSON.stringify(after[key])) {
      changes[key] = { before: previous ?? null, after: after[key] ?? null };
    }
  }
  return changes;
}
