/**
 * Dissatisfaction resolved on the spot is outside the procedure (the regulation's scope clause) but is
 * logged lightly so that the annual analysis learns from it too. One can become a complaint after all,
 * keeping its time of receipt so the terms run from the real moment of receipt.
 */
import type { Actor } from '../domain/action-context.ts';
import { DomainError } from '../domain/errors.ts';
import type { Channel } from '../domain/complaint.ts';
import type { PublicIntake, SpotRecordInput } from '../domain/intake.ts';
import { transaction } from '../db/database.ts';
import { findSpotRecordById, insertSpotRecord, markSpotRecordConverted } from '../db/repositories/spot-records.ts';
import { type CommandDeps, loadOrganisation } from './context.ts';
import { type Registered, registerComplaintIn } from './register-complaint.ts';

export async function recordSpotRecord(deps: CommandDeps, input: SpotRecordInput, actor: Actor & { userId: string }) {
  const now = deps.now();
  if (Date.parse(input.receivedAt) > now.getTime()) {
    throw new DomainError('invalid_input', { en: 'The time of receipt cannot be in the future.', nl: 'Het tijdstip van ontvangst kan niet in de toekomst liggen.' }, { field: 'receivedAt' });
  }
  const { settings } = await loadOrganisation(deps.db.kysely);
  if (input.category && !settings.categories.some((c) => c.code === input.category)) {
    throw new DomainError('invalid_input', { en: `Unknown category '${input.category}'.`, nl: `Onbekende categorie '${input.category}'.` }, { field: 'category' });
  }
  const record = await insertSpotRecord(deps.db.kysely, {
    receivedAt: input.receivedAt,
    channel: input.channel,
    category: input.category ?? null,
    summary: input.summary.trim(),
    recordedBy: actor.userId,
    now,
  });
  return {
    id: record.id,
    receivedAt: record.receivedAt,
    channel: record.channel,
    category: record.category,
    summary: record.summary,
    convertedComplaintId: record.convertedComplaintId,
  };
}

export async function convertSpotRecord(
  deps: CommandDeps,
  id: string,
  input: { reporter?: PublicIntake['reporter']; description?: string },
  actor: Actor & { userId: string },
): Promise<Registered> {
  return transaction(deps.db, async (trx) => {
    const record = await findSpotRecordById(trx, id);
    if (!record) throw new DomainError('not_found', 'No such spot record.');
    if (record.convertedComplaintId) throw new DomainError('guard_failed', 'This record has already been converted.');
    const registered = await registerComplaintIn(
      trx,
      deps,
      {
        channel: record.channel as Channel,
        receivedAt: record.receivedAt,
        description: input.description ?? record.summary,
        ...(input.reporter ? { reporter: input.reporter } : {}),
        ...(record.category ? { category: record.category } : {}),
      },
      actor,
    );
    await markSpotRecordConverted(trx, id, registered.complaint.id);
    return registered;
  });
}
