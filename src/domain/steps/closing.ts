/**
 * Steps 6 to 9 and the side paths: the final report, preventive measures, closing, escalation to an
 * appeal route, withdrawal and reopening.
 */

import { type Applier, guard, requireUser } from '../action-context.ts';
import type { ActionPayloads } from '../action-schemas.ts';
import type { Complaint, PreventiveMeasure } from '../complaint.ts';
import { DomainError } from '../errors.ts';

export const sendFinalReport: Applier<ActionPayloads['sendFinalReport']> = (complaint, _input, ctx) => ({
  ...complaint,
  finalReportSentAt: ctx.now,
});

export const decidePreventiveMeasures: Applier<ActionPayloads['decidePreventiveMeasures']> = (
  complaint,
  input,
  ctx,
) => {
  const measures: PreventiveMeasure[] = input.measures.map((m, index) => ({
    id: ctx.newId(),
    description: m.description.trim(),
    ownerUserId: requireUser(ctx, m.ownerId, `measures.${index}.ownerId`).id,
    consulted: m.consulted.trim(),
    dueDate: m.dueDate,
    doneAt: null,
    evaluation: null,
  }));
  return {
    ...complaint,
    prevention: { decision: 'measures', reason: null, decidedAt: ctx.now },
    preventiveMeasures: [...complaint.preventiveMeasures, ...measures],
  };
};

export const recordNoPreventiveMeasures: Applier<ActionPayloads['recordNoPreventiveMeasures']> = (
  complaint,
  input,
  ctx,
) => ({
  ...complaint,
  prevention: { decision: 'none_possible', reason: input.reason.trim(), decidedAt: ctx.now },
});

function preventiveMeasure(complaint: Complaint, id: string): PreventiveMeasure {
  const measure = complaint.preventiveMeasures.find((m) => m.id === id);
  if (!measure)
    throw new DomainError(
      'not_found',
      { en: 'No such preventive measure.', nl: 'Deze preventieve maatregel bestaat niet.' },
      { field: 'measureId' },
    );
  return measure;
}

const replaceMeasure = (complaint: Complaint, measure: PreventiveMeasure): Complaint => ({
  ...complaint,
  preventiveMeasures: complaint.preventiveMeasures.map((m) => (m.id === measure.id ? measure : m)),
});

export const completePreventiveMeasure: Applier<ActionPayloads['completePreventiveMeasure']> = (
  complaint,
  input,
  ctx,
) => {
  const measure = preventiveMeasure(complaint, input.measureId);
  guard(
    !measure.doneAt,
    { en: 'This measure is already done.', nl: 'Deze maatregel is al uitgevoerd.' },
    'measureId',
  );
  return replaceMeasure(complaint, { ...measure, doneAt: ctx.now });
};

export const evaluatePreventiveMeasure: Applier<ActionPayloads['evaluatePreventiveMeasure']> = (
  complaint,
  input,
  ctx,
) => {
  const measure = preventiveMeasure(complaint, input.measureId);
  guard(
    measure.doneAt,
    {
      en: 'A measure can be evaluated once it is done.',
      nl: 'Een maatregel kan pas worden geëvalueerd als hij is uitgevoerd.',
    },
    'measureId',
  );
  return replaceMeasure(complaint, {
    ...measure,
    evaluation: { effective: input.effective, note: input.note.trim(), evaluatedAt: ctx.now },
  });
};

export const close: Applier<ActionPayloads['close']> = (complaint, input, ctx) => {
  const open = complaint.agreedMeasures.filter((m) => !m.doneAt);
  guard(
    open.length === 0 || input.reason,
    {
      en: `${open.length} agreed measure(s) are not done yet; record a reason to close anyway.`,
      nl: `${open.length} afgesproken maatregel(en) zijn nog niet uitgevoerd; leg een reden vast om toch af te sluiten.`,
    },
    'reason',
  );
  return { ...complaint, closedAt: ctx.now, closingNote: input.reason?.trim() ?? null };
};

export const escalate: Applier<ActionPayloads['escalate']> = (complaint, input, ctx) => {
  if (!ctx.settings.appealRoutes.some((r) => r.code === input.route)) {
    throw new DomainError(
      'invalid_input',
      { en: `Unknown appeal route '${input.route}'.`, nl: `Onbekende beroepsmogelijkheid '${input.route}'.` },
      { field: 'route' },
    );
  }
  const escalation = { id: ctx.newId(), at: ctx.now, route: input.route, note: input.note?.trim() ?? null };
  return { ...complaint, escalations: [...complaint.escalations, escalation] };
};

export const withdraw: Applier<ActionPayloads['withdraw']> = (complaint, input, ctx) => ({
  ...complaint,
  withdrawal: { at: ctx.now, reason: input.reason?.trim() ?? null },
});

export const reopen: Applier<ActionPayloads['reopen']> = (complaint, input, ctx) => {
  const reopened: Complaint = {
    ...complaint,
    reopenings: [
      ...complaint.reopenings,
      { at: ctx.now, reason: input.reason.trim(), fromStatus: complaint.status },
    ],
    // The terms run again from the reopening (deadlines.ts); what was met before stays in the history.
    resolvedAt: null,
    finalReportSentAt: null,
    writtenConfirmationSentAt: null,
    findingsSentAt: null,
    closedAt: null,
    closingNote: null,
    prevention: null,
    decision: null,
    notTakenUp: null,
    withdrawal: null,
    // A reopened case may need its own extension; the earlier one stays in the history.
    extension: null,
  };
  if (complaint.status === 'not_taken_up' || complaint.status === 'withdrawn') {
    // Back to the start: a handler is appointed and the acknowledgement is sent again.
    return { ...reopened, handler: null, acknowledgedAt: null };
  }
  return reopened;
};

export const addAttachment: Applier<ActionPayloads['addAttachment']> = (complaint) => {
  // The bytes are stored beside the form by the command; the form itself does not change.
  return complaint;
};
