/**
 * The one entry point that changes a complaint: checks the lifecycle table, applies the step's rules,
 * moves the status and recomputes the deadlines. Pure: the caller stores the result and its history.
 */

import type { ActionContext, Applier } from './action-context.ts';
import type { Action, ActionPayloads } from './action-schemas.ts';
import type { Complaint } from './complaint.ts';
import { computeDeadlines } from './deadlines.ts';
import { type ActionName, nextStatus } from './lifecycle.ts';
import * as acknowledgement from './steps/acknowledgement.ts';
import * as assignment from './steps/assignment.ts';
import * as closing from './steps/closing.ts';
import * as investigation from './steps/investigation.ts';
import * as reporter from './steps/reporter.ts';
import * as resolution from './steps/resolution.ts';

const APPLIERS: { [A in ActionName]: Applier<ActionPayloads[A]> } = {
  ...assignment,
  ...acknowledgement,
  ...investigation,
  ...resolution,
  ...closing,
  ...reporter,
};

export interface ActionResult {
  complaint: Complaint;
  fromStatus: Complaint['status'];
}

/** Applies one action, or throws a DomainError and changes nothing (the input is never mutated). */
export function applyAction(complaint: Complaint, action: Action, ctx: ActionContext): ActionResult {
  const status = nextStatus(complaint.status, action.name);
  const applier = APPLIERS[action.name] as Applier<typeof action.input>;
  const changed = applier(complaint, action.input, ctx);
  const moved: Complaint = { ...changed, status, updatedAt: ctx.now };
  const deadlines = computeDeadlines(moved, ctx.calendar, ctx.settings.terms, complaint.deadlines);
  return { complaint: { ...moved, deadlines }, fromStatus: complaint.status };
}
