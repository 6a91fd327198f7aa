/**
 * Step 3: the acknowledgement within 5 working days, quoting the handler's short summary; or the motivated
 * notice, within 21 working days, that the complaint is not taken up. The optional extension of the
 * resolution term lives here too, since it changes what the acknowledgement promised.
 */

import { type Applier, guard } from '../action-context.ts';
import type { ActionPayloads } from '../action-schemas.ts';
import { DomainError } from '../errors.ts';

export const recordSummary: Applier<ActionPayloads['recordSummary']> = (complaint, input) => ({
  ...complaint,
  summary: input.summary.trim(),
});

export const acknowledge: Applier<ActionPayloads['acknowledge']> = (complaint, _input, ctx) => {
  guard(
    complaint.handler,
    {
      en: 'A handler must be assigned before the complaint is acknowledged.',
      nl: 'Wijs eerst een behandelaar toe voordat de ontvangst wordt bevestigd.',
    },
    'handlerId',
  );
  guard(
    complaint.summary,
    {
      en: "Record the handler's short summary of the complaint before acknowledging it.",
      nl: 'Leg eerst de korte omschrijving van de klacht vast voordat u de ontvangst bevestigt.',
    },
    'summary',
  );
  return { ...complaint, acknowledgedAt: ctx.now };
};

export const notTakeUp: Applier<ActionPayloads['notTakeUp']> = (complaint, input, ctx) => {
  if (!ctx.settings.nonAdmissionGrounds.some((g) => g.code === input.ground)) {
    throw new DomainError(
      'invalid_input',
      { en: `Unknown ground '${input.ground}'.`, nl: `Onbekende grond '${input.ground}'.` },
      { field: 'ground' },
    );
  }
  // The motivated notice meets the resolution term (deadlines.ts).
  return {
    ...complaint,
    notTakenUp: { ground: input.ground, motivation: input.motivation.trim(), at: ctx.now },
    resolvedAt: ctx.now,
  };
};

export const extendResolutionTerm: Applier<ActionPayloads['extendResolutionTerm']> = (
  complaint,
  input,
  ctx,
) => {
  const { allowed, maxWorkingDays } = ctx.settings.terms.extension;
  if (!allowed) {
    throw new DomainError('extension_not_allowed', {
      en: "The organisation's regulation does not allow an extension.",
      nl: 'Het klachtenreglement van de organisatie staat geen verlenging toe.',
    });
  }
  if (complaint.extension) {
    throw new DomainError('extension_not_allowed', {
      en: 'The resolution term has already been extended once.',
      nl: 'De afhandeltermijn is al een keer verlengd.',
    });
  }
  if (input.workingDays > maxWorkingDays) {
    throw new DomainError(
      'extension_not_allowed',
      {
        en: `An extension is at most ${maxWorkingDays} working days.`,
        nl: `Een verlenging is maximaal ${maxWorkingDays} werkdagen.`,
      },
      {
        field: 'workingDays',
      },
    );
  }
  // The notice to the reporter and the involved people is sent by the command in the same transaction.
  return {
    ...complaint,
    extension: {
      workingDays: input.workingDays,
      reason: input.reason.trim(),
      noticeSentAt: ctx.now,
      previousResolveBy: complaint.deadlines.resolveBy,
    },
  };
};
