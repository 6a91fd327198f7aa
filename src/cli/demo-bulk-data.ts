/**
 * The pure half of `verbeterpunt demo --complaints N`: realistic complaints in bulk, built by running the
 * domain itself (newComplaint, then applyAction step by step, each step checked against the policy) with a
 * synthetic ActionContext, so every record obeys the regulation's rules, and its deadlines are the ones the
 * system would have computed. No I/O, no clock reads: the moment "now", the seed and the id generator are
 * passed in. demo-bulk.ts writes the results to the database in batches.
 *
 * The paths through the lifecycle are the ones of `verbeterpunt demo` (planCase in demo.ts: stories, hearings,
 * reactions, judgements, offers and a second offer after a rejection, agreed and preventive measures with
 * evaluations, escalations, late acknowledgements and confirmations). What this module adds is volume: receipt
 * spread over several years, realistic proportions of states for a database that has been in use that long
 * (nearly everything older than a few weeks is closed), the web channel, teams, reporter messages, surveys,
 * extensions where the settings allow them, and records resolved on the spot.
 *
 * Every case draws from its own seeded random stream (seed, case index), so a case can be planned cheaply once
 * (to learn its time of receipt, for numbering in order of receipt) and built later, identically.
 */

import { REPORTER } from '../commands/context.ts';
import type { Actor, UserRef } from '../domain/action-context.ts';
import type { Action } from '../domain/action-schemas.ts';
import { applyAction } from '../domain/apply-action.ts';
import { amsterdamDateOf, type WorkingDayCalendar } from '../domain/calendar.ts';
import { type Channel, type Complaint, involvedUserIds } from '../domain/complaint.ts';
import { newComplaint } from '../domain/intake.ts';
import { type ActionName, COMPLAINT_STATUSES, type ComplaintStatus, TERMINAL } from '../domain/lifecycle.ts';
import { mayTakeAction, relationTo } from '../domain/policy.ts';
import type { OrganisationSettings } from '../domain/settings.ts';
import {
  atHour,
  between,
  type CasePlan,
  createRandom,
  type DemoUser,
  later,
  officeHour,
  PRIORITY,
  planCase,
  type Random,
  type Timing,
  type UserKey,
} from './demo.ts';
import { SPOT_RECORDS } from './demo-data.ts';

const DAY = 86_400_000;
export const MAX_BULK_COMPLAINTS = 1_000_000;
/** The calendar supports 2014 onwards; ten years back from 2026 stays well inside it. */
export const MAX_BULK_YEARS = 10;

export interface BulkContext {
  seed: number;
  count: number;
  /** Receipt is spread over this many years before `now`. */
  years: number;
  /** The moment the run starts (ms since the epoch): nothing happens after it. */
  now: number;
  settings: OrganisationSettings;
  calendar: WorkingDayCalendar;
  users: ReadonlyMap<UserKey, DemoUser>;
  newId: () => string;
}

/** How the open cases divide over the open states (roughly by how long a case stays in each). */
const OPEN_WEIGHTS: Readonly<Partial<Record<ComplaintStatus, number>>> = {
  registered: 5,
  handler_assigned: 3,
  acknowledged: 6,
  investigating: 12,
  decided: 3,
  offer_made: 3,
  offer_accepted: 3,
  offer_rejected: 2,
  resolved: 6,
  reported: 5,
  prevention_decided: 10,
};
/** How the ended cases divide over the end states. */
const ENDED_WEIGHTS: Readonly<Partial<Record<ComplaintStatus, number>>> = {
  closed: 88,
  not_taken_up: 6,
  withdrawn: 6,
};
/** An open case usually came in recently; this share fell through the cracks and is still open long after. */
const STALE_SHARE = 0.1;
/** A case spends about this many days open: the share of open cases is this over the days of the period. */
const DAYS_OPEN = 50;

/** 32-bit mix of the run's seed and a case index: each case its own stream, independent of the others. */
function streamSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function weighted(
  weights: Readonly<Partial<Record<ComplaintStatus, number>>>,
  random: Random,
): ComplaintStatus {
  const entries = Object.entries(weights) as [ComplaintStatus, number][];
  let roll = random.next() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [status, weight] of entries) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return entries[0]?.[0] ?? 'closed';
}

/** What pass one learns of a case: its target state and its moments of receipt and registration. */
interface Receipt {
  target: ComplaintStatus;
  plan: CasePlan;
  channel: Channel;
  anonymous: boolean;
  receivedAt: number;
  registeredAt: number;
  random: Random;
  time: Timing;
}

/** Pass one of a case (and the start of pass two): the same index and context always give the same answer. */
function drawReceipt(ctx: BulkContext, index: number): Receipt {
  const random = createRandom(streamSeed(ctx.seed, index));
  const time: Timing = { random, realNow: ctx.now, isWorkingDay: (date) => ctx.calendar.isWorkingDay(date) };
  const periodStart = ctx.now - ctx.years * 365 * DAY;
  const openShare = Math.min(0.3, DAYS_OPEN / (ctx.years * 365));
  // The first 14 cases take one state each (as in `demo --count`), so that even a small run covers the whole
  // lifecycle; the rest follows the weights.
  const target =
    index < PRIORITY.length
      ? (PRIORITY[index] as ComplaintStatus)
      : random.chance(openShare)
        ? weighted(OPEN_WEIGHTS, random)
        : weighted(ENDED_WEIGHTS, random);
  const plan = planCase(target, ctx.users as Map<UserKey, DemoUser>, time);
  // The planned intake tells the channel and whether the reporter stays anonymous (its other details are
  // drawn again when the case is built, with the final moment of receipt).
  const probe = plan.intake(new Date(plan.receivedAt).toISOString());
  const anonymous = !probe.reporter;
  // Nearly half of all complaints arrive through the web form, at any hour, registered as they arrive.
  const web = random.chance(0.45);
  const channel: Channel = web ? 'web' : probe.channel;
  const open = !TERMINAL.includes(target);
  if (open && !random.chance(STALE_SHARE)) {
    // Recent: planCase already placed receipt so that the path ends shortly before now.
    const registeredAt = web ? plan.receivedAt : plan.registeredAt;
    return { target, plan, channel, anonymous, receivedAt: plan.receivedAt, registeredAt, random, time };
  }
  // Ended (or stale) cases: anywhere in the period, early enough for the whole path to fit before now.
  const spanDays = (plan.steps.reduce((sum, step) => sum + step.delayDays, 0) * 7) / 5 + 2;
  const latest = Math.max(periodStart, ctx.now - spanDays * DAY);
  const wanted = periodStart + random.next() * (latest - periodStart);
  let receivedAt =
    channel === 'web' || channel === 'email'
      ? atHour(wanted, random.int(0, 23), random)
      : officeHour(time, wanted);
  receivedAt = Math.min(receivedAt, ctx.now - spanDays * DAY);
  const registeredAt =
    channel === 'web'
      ? receivedAt
      : channel === 'letter' || channel === 'email'
        ? later(time, receivedAt, random.between(0.02, 0.8))
        : between(receivedAt, receivedAt + random.between(5, 45) * 60_000, ctx.now);
  return { target, plan, channel, anonymous, receivedAt, registeredAt, random, time };
}

/** Pass one: every case's moment of receipt and target state, and the order of receipt. */
export interface BulkPlan {
  receivedAt: Float64Array;
  target: Uint8Array;
  /** Case indexes sorted by receipt (ties by index), the order in which references are numbered. */
  order: Uint32Array;
}

export function planBulk(ctx: BulkContext, onProgress?: (done: number) => void): BulkPlan {
  const receivedAt = new Float64Array(ctx.count);
  const target = new Uint8Array(ctx.count);
  for (let i = 0; i < ctx.count; i++) {
    const receipt = drawReceipt(ctx, i);
    receivedAt[i] = receipt.receivedAt;
    target[i] = COMPLAINT_STATUSES.indexOf(receipt.target);
    if (onProgress && (i + 1) % 10_000 === 0) onProgress(i + 1);
  }
  const order = Uint32Array.from({ length: ctx.count }, (_, i) => i);
  order.sort((a, b) => (receivedAt[a] as number) - (receivedAt[b] as number) || a - b);
  return { receivedAt, target, order };
}

/** The Amsterdam year of receipt of a planned case: references are numbered per year (VP-2026-00042). */
export const receiptYear = (plan: BulkPlan, index: number): number =>
  Number(amsterdamDateOf(new Date(plan.receivedAt[index] as number).toISOString()).slice(0, 4));

/** A step of a bulk case: the planned steps of demo.ts plus the reporter's own. */
interface BulkStep {
  name: ActionName;
  delayDays: number;
  actor(c: Complaint): Actor;
  input(c: Complaint, at: Date): unknown;
}

const asReporter = (): Actor => REPORTER;

/** The planned path with the bulk extras woven in: reporter messages, an extension, the survey. */
function stepsOf(receipt: Receipt, ctx: BulkContext): BulkStep[] {
  const { plan, random, target } = receipt;
  const steps: BulkStep[] = plan.steps.map((step) => ({
    name: step.name,
    delayDays: step.delayDays,
    actor: (c) => step.actor(c).actor,
    input: step.input,
  }));
  if (random.chance(0.08)) {
    // The reporter adds something through the follow-up link soon after submitting (before anything else, so
    // that a case not taken up or withdrawn at once still allows it).
    steps.unshift({
      name: 'addInformation',
      delayDays: random.between(0.2, 2),
      actor: asReporter,
      input: () => ({ text: random.pick(REPORTER_ADDITIONS) }),
    });
  }
  const { allowed, maxWorkingDays } = ctx.settings.terms.extension;
  const acknowledged = steps.findIndex((s) => s.name === 'acknowledge');
  if (allowed && acknowledged >= 0 && random.chance(0.06)) {
    steps.splice(acknowledged + 1, 0, {
      name: 'extendResolutionTerm',
      delayDays: random.between(0.5, 3),
      // Taken by whoever handles the case, like the acknowledgement before it.
      actor: (steps[acknowledged] as BulkStep).actor,
      input: () => ({
        workingDays: Math.min(10, maxWorkingDays),
        reason: 'Een betrokken medewerker is met verlof; voor een zorgvuldig onderzoek is meer tijd nodig.',
      }),
    });
  }
  if (target === 'closed' && !receipt.anonymous && random.chance(0.4)) {
    const handledWell = random.pick(['yes', 'yes', 'yes', 'partly', 'partly', 'no'] as const);
    steps.push({
      name: 'answerSurvey',
      delayDays: random.between(1, 10),
      actor: asReporter,
      input: (c) => {
        const rejected = c.offers.some((offer) => offer.satisfied === false);
        const onTime = c.resolvedAt && amsterdamDateOf(c.resolvedAt) <= c.deadlines.resolveBy ? 'yes' : 'no';
        return {
          handledWell: rejected && handledWell === 'yes' ? 'partly' : handledWell,
          onTime,
          ...(random.chance(0.3) ? { comment: random.pick(SURVEY_COMMENTS[handledWell]) } : {}),
        };
      },
    });
  }
  return steps;
}

const REPORTER_ADDITIONS: readonly string[] = [
  'Ik wil nog toevoegen dat dit niet de eerste keer was.',
  'Hierbij de data van de gemiste afspraken: zie mijn agenda, ik kan ze ook mailen.',
  'Ik ben het beste bereikbaar na 15.00 uur.',
  'Inmiddels heb ik ook een brief van de werkgever gekregen over dit onderwerp.',
];

const SURVEY_COMMENTS: Readonly<Record<'yes' | 'partly' | 'no', readonly string[]>> = {
  yes: ['Fijn dat er echt naar mij is geluisterd.', 'Snel en netjes opgepakt.'],
  partly: ['De oplossing is goed, maar het duurde lang.', 'Ik had graag eerder iets gehoord.'],
  no: ['Ik voel me nog steeds niet serieus genomen.', 'Er is niets veranderd.'],
};

export interface BuiltComplaint {
  complaint: Complaint;
  /** Actions applied after registration (the stored version is one more). */
  actions: number;
}

/**
 * Pass two: one case built by the domain, from registration to its target state. `reference` is the number
 * the caller reserved for it. Throws when the domain or the policy refuses a step (a bug in the planner).
 */
export function buildComplaint(ctx: BulkContext, index: number, reference: string): BuiltComplaint {
  const receipt = drawReceipt(ctx, index);
  const { plan, random, time } = receipt;
  const receivedIso = new Date(receipt.receivedAt).toISOString();
  const intake = plan.intake(receivedIso);
  const web = receipt.channel === 'web';
  const team = ctx.settings.teams.length > 0 ? random.pick(ctx.settings.teams).code : undefined;
  const userRefs = userRefsOf(ctx.users);
  const base = { settings: ctx.settings, calendar: ctx.calendar, users: userRefs, newId: ctx.newId };
  const receiver = web ? REPORTER : plan.receiver.actor;
  let complaint = newComplaint(
    intake,
    {
      id: ctx.newId(),
      reference,
      channel: receipt.channel,
      receivedAt: receivedIso,
      receiverId: web ? null : plan.receiver.user.id,
      trajectory: intake.trajectory,
      category: intake.category,
      team,
    },
    { ...base, now: new Date(receipt.registeredAt).toISOString(), actor: receiver },
  );
  let at = receipt.registeredAt;
  let actions = 0;
  for (const step of stepsOf(receipt, ctx)) {
    at = later(time, at, step.delayDays);
    const actor = step.actor(complaint);
    const action = { name: step.name, input: step.input(complaint, new Date(at)) } as Action;
    const relation = relationTo(complaint, actor, {
      qualityManagerInvolved: involvedUserIds(complaint).some((id) =>
        userRefs.get(id)?.roles.includes('quality_manager'),
      ),
      deputyQualityManagerId: null,
    });
    if (!mayTakeAction(action.name, relation)) {
      throw new Error(`demo --complaints: ${actor.name} may not take '${action.name}' on ${reference}`);
    }
    complaint = applyAction(complaint, action, { ...base, now: new Date(at).toISOString(), actor }).complaint;
    actions++;
  }
  if (complaint.status !== receipt.target) {
    throw new Error(
      `demo --complaints: ${reference} ended in '${complaint.status}' instead of '${receipt.target}'`,
    );
  }
  return { complaint: { ...complaint, version: 1 + actions }, actions };
}

const refsCache = new WeakMap<ReadonlyMap<UserKey, DemoUser>, Map<string, UserRef>>();

/** The demo users as the domain sees them (by id), built once per user map. */
function userRefsOf(users: ReadonlyMap<UserKey, DemoUser>): Map<string, UserRef> {
  let refs = refsCache.get(users);
  if (!refs) {
    refs = new Map(
      [...users.values()].map(({ user }) => [
        user.id,
        {
          id: user.id,
          name: user.name,
          email: user.email,
          jobTitle: user.jobTitle,
          roles: [...user.roles],
          active: true,
        },
      ]),
    );
    refsCache.set(users, refs);
  }
  return refs;
}

export interface BulkSpotRecord {
  receivedAt: string;
  channel: Channel;
  category: string;
  summary: string;
  recordedBy: string;
  createdAt: string;
}

/** How many records resolved on the spot go with `count` complaints: about one for every ten. */
export const spotRecordCount = (count: number): number => Math.max(1, Math.round(count / 10));

/** Records of dissatisfaction resolved on the spot, spread over the same period (their own random stream). */
export function buildSpotRecord(ctx: BulkContext, index: number): BulkSpotRecord {
  const random = createRandom(streamSeed(ctx.seed ^ 0x5f0e, index));
  const time: Timing = { random, realNow: ctx.now, isWorkingDay: (date) => ctx.calendar.isWorkingDay(date) };
  const employees = (['e1', 'e2', 'e3', 'e4'] as const).map((key) => ctx.users.get(key) as DemoUser);
  const spot = random.pick(SPOT_RECORDS);
  const periodStart = ctx.now - ctx.years * 365 * DAY;
  const receivedAt = between(
    periodStart,
    officeHour(time, periodStart + random.next() * (ctx.now - periodStart)),
    ctx.now - 60_000,
  );
  const createdAt = Math.min(receivedAt + random.between(1, 30) * 60_000, ctx.now);
  return {
    receivedAt: new Date(receivedAt).toISOString(),
    channel: random.pick(['phone', 'in_person', 'email'] as const),
    category: spot.category,
    summary: spot.summary,
    recordedBy: random.pick(employees).user.id,
    createdAt: new Date(createdAt).toISOString(),
  };
}
