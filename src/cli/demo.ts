/**
 * `verbeterpunt demo [--count N]`: fills the database with realistic demo complaints in every lifecycle state,
 * plus a few records of dissatisfaction resolved on the spot. Everything goes through the real commands
 * (registerComplaint with a staff channel, then takeAction per step, each by the user the policy allows), so
 * history, deadlines and outbox are what real use would produce. Receipt dates are spread over the past 12
 * months; a case's steps happen on later working days, never after the moment the command runs.
 *
 * Running it again adds more complaints and reuses the demo users (matched by email).
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { CommandDeps } from '../commands/context.ts';
import type { Db } from '../db/database.ts';
import {
  findUserByEmail,
  insertUser,
  setPasswordHash,
  type User,
  updateUser,
} from '../db/repositories/users.ts';
import type { Actor } from '../domain/action-context.ts';
import type { Action, ActionPayloads } from '../domain/action-schemas.ts';
import type { Channel, Complaint } from '../domain/complaint.ts';
import type { StaffIntake } from '../domain/intake.ts';
import {
  type ActionName,
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  nextStatus,
} from '../domain/lifecycle.ts';
import {
  COMMISSIONING_PARTIES,
  DEMO_USERS,
  type DemoStory,
  type DemoUserSpec,
  HEARING_REPORTS,
  NOT_TAKEN_UP,
  PLACES,
  REPORTERS,
  SPOT_RECORDS,
  STORIES,
  WITHDRAWAL_REASONS,
} from './demo-data.ts';
import { formatTable, note, out, UsageError, withDatabase } from './runtime.ts';
import { hashPassword } from './user.ts';

const DAY = 86_400_000;
const MAX_COUNT = 5000;

interface DemoOptions {
  count: string;
  complaints?: string;
  years: string;
  seed?: string;
  password?: string;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Add realistic demo complaints in every lifecycle state, demo staff users and spot records')
    .option(
      '--count <n>',
      `number of complaints to add (1 to ${MAX_COUNT}); 14 or more covers every state`,
      '60',
    )
    .option(
      '--complaints <n>',
      'bulk instead: add N complaints (1 to 1000000) built by the domain and inserted in batches, with one history event each (fast; for volume)',
    )
    .option('--years <n>', 'with --complaints: spread receipt over this many years before now (1 to 10)', '5')
    .option('--seed <n>', 'seed for the random choices, to repeat a run exactly (default: random)')
    .option('--password <password>', 'also give every demo user this password (for signing in to the pages)')
    .addHelpText(
      'after',
      '\nDemo users are created once (matched by email, @loket3.example) and reused by later runs.\n' +
        'Reporter addresses use the reserved .example domain, so no real person is ever mailed.',
    )
    .action(async (options: DemoOptions) => {
      const count = /^\d+$/.test(options.count.trim()) ? Number(options.count) : Number.NaN;
      if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
        throw new UsageError(
          `--count must be a whole number from 1 to ${MAX_COUNT} (got '${options.count}').`,
        );
      }
      let seed = Math.floor(Math.random() * 2 ** 31);
      if (options.seed !== undefined) {
        if (!/^\d{1,10}$/.test(options.seed.trim()))
          throw new UsageError(`--seed must be a whole number (got '${options.seed}').`);
        seed = Number(options.seed);
      }
      if (options.password !== undefined && options.password.length < 12) {
        throw new UsageError('--password must be at least 12 characters.');
      }
      if (options.complaints !== undefined) {
        const { runBulkDemo } = await import('./demo-bulk.ts');
        return runBulkDemo({ ...options, complaints: options.complaints, seed });
      }
      await withDatabase(async ({ db, deps }) => {
        const started = Date.now();
        const users = await ensureDemoUsers(db, options.password);
        const result = await fillDemoData(deps, users.byKey, { count, seed, progress: createProgress() });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        out(
          `Added ${count} demo complaints and ${result.spotRecords} records resolved on the spot in ${seconds} s (seed ${seed}).`,
        );
        out('');
        out(
          formatTable(
            ['STATUS', 'ADDED'],
            COMPLAINT_STATUSES.filter((s) => result.byStatus.has(s)).map((s) => [
              s,
              String(result.byStatus.get(s)),
            ]),
          ),
        );
        out('');
        out(`Demo users (${users.created} created, ${users.reused} reused):`);
        out(
          formatTable(
            ['EMAIL', 'NAME', 'JOB TITLE', 'ROLES'],
            DEMO_USERS.map((spec) => {
              const u = users.byKey.get(spec.key) as DemoUser;
              return [u.user.email, u.user.name, u.user.jobTitle, u.user.roles.join(',')];
            }),
          ),
        );
        out('');
        out(
          `A token to explore the API as the quality manager: npx verbeterpunt token create --email ${DEMO_USERS[0]?.email}`,
        );
      });
    });
}

// ---------------------------------------------------------------------------------------------------------
// Users

export interface DemoUser {
  user: User;
  actor: Actor & { userId: string };
}

export type UserKey = DemoUserSpec['key'];

export async function ensureDemoUsers(db: Db, password: string | undefined) {
  const byKey = new Map<UserKey, DemoUser>();
  let created = 0;
  let reused = 0;
  const passwordHash = password === undefined ? null : await hashPassword(password);
  for (const spec of DEMO_USERS) {
    let user = await findUserByEmail(db.kysely, spec.email);
    if (!user) {
      user = await insertUser(db.kysely, {
        email: spec.email,
        name: spec.name,
        jobTitle: spec.jobTitle,
        roles: spec.roles,
        now: new Date(),
      });
      created++;
    } else {
      reused++;
      // Someone may have changed a demo user since the last run; the demo needs its roles and an active account.
      const missing = spec.roles.filter((role) => !user?.roles.includes(role));
      if (missing.length > 0 || !user.active) {
        user =
          (await updateUser(db.kysely, user.id, { roles: [...user.roles, ...missing], active: true })) ??
          user;
        note(`demo: restored the roles or activation of ${user.email}`);
      }
    }
    if (passwordHash) await setPasswordHash(db.kysely, user.id, passwordHash);
    byKey.set(spec.key, { user, actor: { userId: user.id, name: user.name, roles: [...user.roles] } });
  }
  return { byKey, created, reused };
}

// ---------------------------------------------------------------------------------------------------------
// Randomness (seeded, so a run can be repeated)

export type Random = ReturnType<typeof createRandom>;

/** mulberry32: small, fast and good enough for demo data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min: number, max: number): number => min + next() * (max - min),
    int: (min: number, max: number): number => Math.floor(min + next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number): boolean => next() < p,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Which states

/** With fewer complaints than states, these come first; the rest follows WEIGHTS. */
export const PRIORITY: readonly ComplaintStatus[] = [
  'closed',
  'investigating',
  'registered',
  'acknowledged',
  'handler_assigned',
  'offer_made',
  'resolved',
  'reported',
  'decided',
  'offer_accepted',
  'offer_rejected',
  'prevention_decided',
  'not_taken_up',
  'withdrawn',
];

/** A plausible spread: most cases of a year are closed, a handful in each open state. */
const WEIGHTS: Readonly<Record<ComplaintStatus, number>> = {
  registered: 5,
  handler_assigned: 4,
  acknowledged: 6,
  investigating: 9,
  decided: 3,
  offer_made: 3,
  offer_accepted: 3,
  offer_rejected: 2,
  resolved: 5,
  reported: 4,
  prevention_decided: 4,
  closed: 40,
  not_taken_up: 6,
  withdrawn: 6,
};

export function allocateStatuses(count: number, random: Random): ComplaintStatus[] {
  const statuses = PRIORITY.slice(0, Math.min(count, PRIORITY.length));
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  while (statuses.length < count) {
    let roll = random.next() * total;
    for (const status of COMPLAINT_STATUSES) {
      roll -= WEIGHTS[status];
      if (roll < 0) {
        statuses.push(status);
        break;
      }
    }
    if (roll >= 0) statuses.push('closed');
  }
  return statuses;
}

// ---------------------------------------------------------------------------------------------------------
// Plans: one case from receipt to its target state

/** One lifecycle action of a case: who takes it, with what input, how many days after the previous one. */
export interface Step {
  name: ActionName;
  /** Days after the previous step (drawn when planning). */
  delayDays: number;
  actor(c: Complaint): DemoUser;
  input(c: Complaint, at: Date): unknown;
}

export interface CasePlan {
  target: ComplaintStatus;
  receivedAt: number;
  registeredAt: number;
  intake: (receivedAt: string) => StaffIntake;
  receiver: DemoUser;
  steps: Step[];
}

type Branch = 'findings' | 'accepted' | 'rejected_no_further_step' | 'rejected_second_offer';

const OFFER_STATES: readonly ComplaintStatus[] = ['offer_made', 'offer_accepted', 'offer_rejected'];
const LONG_AGO_STATES: readonly ComplaintStatus[] = ['closed', 'not_taken_up', 'withdrawn'];

export function planCase(target: ComplaintStatus, users: Map<UserKey, DemoUser>, time: Timing): CasePlan {
  const { random, realNow } = time;
  const u = (key: UserKey) => users.get(key) as DemoUser;
  const qm = u('qm');
  const handlers = [u('h1'), u('h2'), u('h3')];
  const employees = [u('e1'), u('e2'), u('e3'), u('e4')];
  const byId = new Map([...users.values()].map((d) => [d.user.id, d]));

  const needsOffer = OFFER_STATES.includes(target);
  const story = random.pick(needsOffer ? STORIES.filter((s) => s.measures.length > 0) : STORIES);
  const employee = story.thirdParty ? null : random.pick(employees);
  const handler = random.pick(handlers);
  const otherHandler = random.pick(handlers.filter((h) => h !== handler));
  const branch: Branch =
    story.measures.length === 0
      ? 'findings'
      : target === 'offer_rejected'
        ? random.pick(['rejected_no_further_step', 'rejected_second_offer'] as const)
        : random.chance(0.7)
          ? 'accepted'
          : // Only a second offer leads to an accepted offer after a rejection.
            target === 'offer_accepted'
            ? 'rejected_second_offer'
            : random.pick(['rejected_no_further_step', 'rejected_second_offer'] as const);
  // An anonymous reporter can only be reached through the follow-up page: keep them out of hearings and offers.
  const anonymous =
    random.chance(0.12) &&
    (branch === 'findings' ||
      ['registered', 'handler_assigned', 'acknowledged', 'not_taken_up'].includes(target));
  const reporter = random.pick(
    story.reporterRole
      ? REPORTERS.filter((r) => r.role === story.reporterRole || r.role === 'employee')
      : REPORTERS,
  );
  const language = anonymous ? 'nl' : reporter.language;
  const channel: Channel = anonymous
    ? 'letter'
    : random.pick(['phone', 'phone', 'email', 'email', 'in_person', 'letter'] as const);
  const receiver =
    channel === 'letter' || channel === 'email'
      ? random.pick([qm, ...handlers])
      : random.pick([...employees, ...handlers]);
  const party = random.pick(COMMISSIONING_PARTIES);
  const mentionName = employee?.user.name ?? '';
  const mentions = [
    story.thirdParty?.mention ?? mentionName,
    ...(story.unlinkedMention ? [story.unlinkedMention] : []),
  ];
  const text = (t: string) => t.replaceAll('{name}', mentionName);

  // --- the full path of the chosen branch -----------------------------------------------------------------
  const steps: Step[] = [];
  const add = (
    name: ActionName,
    days: [number, number],
    actor: (c: Complaint) => DemoUser,
    input: Step['input'],
  ) => steps.push({ name, delayDays: random.between(days[0], days[1]), actor, input });
  const asQm = () => qm;
  const asHandler = (c: Complaint) => byId.get(c.handler?.userId ?? '') ?? handler;
  const payload = <A extends ActionName>(_name: A, value: ActionPayloads[A]) => value;
  const involvedId = (c: Complaint) => (c.involved[0] as Complaint['involved'][number]).id;
  const dateAfter = (at: Date, days: number) =>
    new Date(at.getTime() + days * DAY).toISOString().slice(0, 10);
  const offerMethod = anonymous
    ? {
        method: 'follow_up_page' as const,
        phoneSkippedReason: 'Anonieme melder: alleen bereikbaar via de volgpagina.',
      }
    : { method: 'phone' as const };

  // Steps 1-2: the quality manager links what the reporter mentioned and appoints a neutral handler.
  mentions.forEach((_m, index) => {
    add('linkMention', [0.05, 0.6], asQm, (c) => {
      const mentionId = (c.mentions[index] as Complaint['mentions'][number]).id;
      if (index > 0) return payload('linkMention', { mentionId, link: { kind: 'nobody' } });
      if (story.thirdParty) {
        const { name, organisation, email } = story.thirdParty;
        return payload('linkMention', {
          mentionId,
          link: { kind: 'third_party', thirdParty: { name, organisation, email } },
        });
      }
      return payload('linkMention', { mentionId, link: { kind: 'user', userId: employee?.user.id ?? '' } });
    });
  });
  add('setServiceProvidedBy', [0, 0.1], asQm, (c) =>
    payload('setServiceProvidedBy', { involvedPersonId: involvedId(c) }),
  );
  add('assignHandler', [0.05, 1], asQm, () => payload('assignHandler', { handlerId: handler.user.id }));
  // Step 3: the short summary, then the acknowledgement (now and then a day or two late).
  add('recordSummary', [0.2, 1.5], asHandler, () => payload('recordSummary', { summary: story.summary }));
  add('acknowledge', random.chance(0.12) ? [4, 6] : [0, 1.5], asHandler, () => payload('acknowledge', {}));
  // Step 1: the reporter is offered a hearing.
  if (!anonymous && random.chance(0.55)) {
    const answer = random.pick(['declined', 'declined', 'accepted', 'accepted', 'no_answer'] as const);
    add('offerHearing', [0, 1], asHandler, () => payload('offerHearing', { method: 'phone' }));
    add('recordHearingAnswer', [0.5, 2], asHandler, (c) =>
      payload('recordHearingAnswer', {
        hearingOfferId: (c.hearingOffers.at(-1) as Complaint['hearingOffers'][number]).id,
        answer,
      }),
    );
    if (answer === 'accepted') {
      add('recordHearing', [1, 4], asHandler, () =>
        payload('recordHearing', { report: random.pick(HEARING_REPORTS) }),
      );
    }
  }
  if (random.chance(0.1)) {
    add('reassignHandler', [1, 3], asQm, () =>
      payload('reassignHandler', {
        handlerId: otherHandler.user.id,
        reason: 'De behandelaar is langdurig afwezig; de klacht wordt overgedragen.',
      }),
    );
  }
  // Step 4: the complaint is put to the involved person, whose reaction is summarised and agreed.
  add('startInvestigation', [0, 1.5], asHandler, () => payload('startInvestigation', {}));
  add('recordReaction', [1, 4], asHandler, (c) =>
    payload('recordReaction', { involvedPersonId: involvedId(c), summary: text(story.reaction) }),
  );
  if (employee) {
    add(
      'agreeReaction',
      [0.3, 2],
      () => employee,
      (c) => payload('agreeReaction', { involvedPersonId: involvedId(c), version: reactionVersion(c) }),
    );
  } else {
    add('recordThirdPartyAgreement', [0.5, 3], asHandler, (c) =>
      payload('recordThirdPartyAgreement', {
        involvedPersonId: involvedId(c),
        version: reactionVersion(c),
        method: 'Per e-mail akkoord gegeven op de samenvatting van de reactie.',
      }),
    );
  }
  // Step 5: the judgement.
  add('decide', [1, 4], asHandler, () =>
    payload('decide', {
      judgement: story.judgement,
      reasons: story.reasons,
      findings: story.findings,
      severity: story.severity,
      cause: story.cause,
      responsibleParty: story.responsibleParty,
    }),
  );
  const offer = (measures: DemoStory['measures']) =>
    add('makeOffer', [0.5, 2], asHandler, () => payload('makeOffer', { ...offerMethod, measures }));
  const agreedMeasures = (measures: DemoStory['measures']) => {
    for (const m of measures) {
      add('addAgreedMeasure', [0, 0.2], asHandler, (_c, at) =>
        payload('addAgreedMeasure', {
          kind: m.kind,
          description: m.description,
          ownerId: handler.user.id,
          dueDate: dateAfter(at, 14),
        }),
      );
    }
  };
  const accept = (measures: DemoStory['measures']) => {
    add('recordOfferAccepted', [0, 2], asHandler, () =>
      payload('recordOfferAccepted', { reaction: 'De melder is tevreden met het aanbod.' }),
    );
    agreedMeasures(measures);
    add('sendWrittenConfirmation', random.chance(0.1) ? [8, 12] : [0.5, 3], asHandler, () =>
      payload('sendWrittenConfirmation', {}),
    );
  };
  const reject = () =>
    add('recordOfferRejected', [0, 2], asHandler, () =>
      payload('recordOfferRejected', {
        reaction: 'De melder vindt het aanbod onvoldoende en wil een andere begeleider.',
      }),
    );
  switch (branch) {
    case 'findings':
      add('sendFindings', [0.5, 3], asHandler, () => payload('sendFindings', {}));
      break;
    case 'accepted':
      offer(story.measures);
      accept(story.measures);
      break;
    case 'rejected_no_further_step':
      offer(story.measures);
      reject();
      add('decideNoFurtherStep', [1, 3], asHandler, () =>
        payload('decideNoFurtherStep', {
          reason:
            'Een ander aanbod is binnen het traject niet mogelijk. De melder is gewezen op de mogelijkheid de klacht voor te leggen aan de opdrachtgever.',
        }),
      );
      break;
    case 'rejected_second_offer': {
      offer(story.measures);
      reject();
      const second: DemoStory['measures'] = [
        {
          kind: 'replacement_service',
          description: 'Begeleiding door een andere jobcoach voor de rest van het traject.',
        },
      ];
      offer(second);
      accept(second);
      break;
    }
  }
  // Step 6: the final report; step 7: prevention; step 8: follow-up of what was agreed, and closing.
  add('sendFinalReport', [3, 15], asHandler, () => payload('sendFinalReport', {}));
  if (story.preventive && random.chance(0.85)) {
    const preventive = story.preventive;
    add('decidePreventiveMeasures', [1, 6], asHandler, (_c, at) =>
      payload('decidePreventiveMeasures', {
        measures: [
          {
            description: preventive.description,
            ownerId: qm.user.id,
            consulted: preventive.consulted,
            dueDate: dateAfter(at, 42),
          },
        ],
      }),
    );
  } else {
    add('recordNoPreventiveMeasures', [1, 6], asHandler, () =>
      payload('recordNoPreventiveMeasures', {
        reason: story.preventive
          ? 'Eenmalig incident; er is geen structurele oorzaak gevonden.'
          : 'De klacht is ongegrond; het proces is gevolgd zoals afgesproken.',
      }),
    );
  }
  const agreedCount = steps.filter((s) => s.name === 'addAgreedMeasure').length;
  for (let i = 0; i < agreedCount; i++) {
    add('completeAgreedMeasure', [2, 10], asHandler, (c) =>
      payload('completeAgreedMeasure', {
        measureId: (c.agreedMeasures.find((m) => !m.doneAt) as Complaint['agreedMeasures'][number]).id,
      }),
    );
  }
  add('close', [1, 8], asHandler, () => payload('close', {}));
  if (steps.some((s) => s.name === 'decidePreventiveMeasures') && random.chance(0.6)) {
    const effective = random.chance(0.75);
    add('completePreventiveMeasure', [5, 25], asHandler, (c) =>
      payload('completePreventiveMeasure', {
        measureId: (c.preventiveMeasures[0] as Complaint['preventiveMeasures'][number]).id,
      }),
    );
    add('evaluatePreventiveMeasure', [20, 50], asHandler, (c) =>
      payload('evaluatePreventiveMeasure', {
        measureId: (c.preventiveMeasures[0] as Complaint['preventiveMeasures'][number]).id,
        effective,
        note: effective
          ? 'Sinds de maatregel zijn geen vergelijkbare klachten meer binnengekomen.'
          : 'Ondanks de maatregel kwam er een vergelijkbare melding binnen; de maatregel wordt opnieuw bekeken.',
      }),
    );
  }
  if (!anonymous && random.chance(0.12)) {
    add('escalate', [5, 20], asHandler, () =>
      payload('escalate', {
        route: party.type === 'UWV' ? 'uwv_complaints_office' : 'commissioning_party',
        note: 'De melder heeft laten weten de klacht aan de opdrachtgever voor te leggen.',
      }),
    );
  }

  // --- cut the path at the target state ----------------------------------------------------------------
  let path: Step[];
  if (target === 'not_taken_up' || target === 'withdrawn') {
    const stage = random.pick(
      target === 'not_taken_up'
        ? (['registered', 'handler_assigned', 'acknowledged'] as const)
        : (['handler_assigned', 'acknowledged', 'investigating'] as const),
    );
    path = cutAt(steps, stage);
    if (target === 'not_taken_up') {
      const notice = random.pick(NOT_TAKEN_UP);
      path.push({
        name: 'notTakeUp',
        delayDays: random.between(1, 6),
        actor: stage === 'registered' ? asQm : asHandler,
        input: () => payload('notTakeUp', notice),
      });
    } else {
      path.push({
        name: 'withdraw',
        delayDays: random.between(1, 8),
        actor: asHandler,
        input: () => payload('withdraw', { reason: random.pick(WITHDRAWAL_REASONS) }),
      });
    }
  } else {
    path = cutAt(steps, target);
  }

  // --- when: receipt so far back that the path fits before now -------------------------------------------
  // Steps land on weekdays in office hours, so calendar time runs about 7/5 of the summed working delays.
  const span = (path.reduce((sum, s) => sum + s.delayDays, 0) * 7) / 5 + 1;
  let ageDays: number;
  if (LONG_AGO_STATES.includes(target)) ageDays = random.between(span, 365);
  else if (target === 'registered')
    ageDays = random.chance(0.25) ? random.between(6, 20) : random.between(0.05, 3);
  else ageDays = span + (random.chance(0.2) ? random.between(5, 30) : random.between(0.2, 4));
  ageDays = Math.min(ageDays, 364);
  let receivedAt = realNow - ageDays * DAY;
  // Email arrives at any hour of any day; phone calls, visits and the post in office hours on working days.
  if (ageDays >= 1)
    receivedAt =
      channel === 'email' ? atHour(receivedAt, random.int(0, 23), random) : officeHour(time, receivedAt);
  if (receivedAt > realNow - 10 * 60_000) receivedAt = realNow - random.between(10, 60) * 60_000;
  // Letters and email are registered within a working day; phone and desk complaints at once.
  const registeredAt =
    channel === 'letter' || channel === 'email'
      ? later(time, receivedAt, random.between(0.02, 0.8))
      : between(receivedAt, receivedAt + random.between(5, 45) * 60_000, realNow);

  const intake = (receivedIso: string): StaffIntake => {
    const eventDate = new Date(Date.parse(receivedIso) - random.int(0, 12) * DAY).toISOString().slice(0, 10);
    const slug = reporter.name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z ]/g, '')
      .trim()
      .replace(/\s+/g, '.');
    return {
      channel,
      receivedAt: receivedIso,
      ...(anonymous
        ? {}
        : {
            reporter: {
              name: reporter.name,
              email: `${slug}@voorbeeld.example`,
              phone: `06 ${random.int(1000, 9999)} ${random.int(1000, 9999)}`,
              role: story.reporterRole ?? reporter.role,
              consentToContact: true,
            },
          }),
      description: text(story.description[language]),
      desiredOutcome: story.desiredOutcome[language],
      event: { date: eventDate, place: random.pick(PLACES), circumstances: story.circumstances },
      involvedEmployees: mentions,
      commissioningParty: { type: party.type, name: party.name },
      trajectory: {
        reference: `TR-${receivedIso.slice(0, 4)}-${String(random.int(1, 999)).padStart(4, '0')}`,
        ...(employee?.user.jobTitle === 'Jobcoach' ? { jobcoach: employee.user.name } : {}),
      },
      category: story.category,
      subject: story.subject,
      language,
    };
  };
  return { target, receivedAt, registeredAt, intake, receiver, steps: path };
}

/** The steps up to the target state, with the recording steps taken while in it, but none that leave it. */
function cutAt(steps: readonly Step[], target: ComplaintStatus): Step[] {
  const kept: Step[] = [];
  let status: ComplaintStatus = 'registered';
  for (const step of steps) {
    const next = nextStatus(status, step.name);
    if (status === target && next !== target) return kept;
    kept.push(step);
    status = next;
  }
  if (status !== target) throw new Error(`demo: the planned path ends in '${status}', not '${target}'`);
  return kept;
}

function reactionVersion(c: Complaint): number {
  return (c.reactions.at(-1) as Complaint['reactions'][number]).summaryVersion;
}

/** What the timing of a run needs: the seeded randomness, the moment the run started, the working days. */
export interface Timing {
  random: Random;
  realNow: number;
  /** The organisation's calendar: steps are taken on working days only. */
  isWorkingDay(date: string): boolean;
}

// Office hours in UTC, 07:00–16:00: 08:00–17:00 in Amsterdam in winter, an hour later in summer.
const OPENS = 7;
const CLOSES = 16;

export function atHour(instant: number, hour: number, random: Random): number {
  const date = new Date(instant);
  date.setUTCHours(hour, random.int(0, 59), random.int(0, 59), 0);
  return date.getTime();
}

/** A random office hour on the date of `instant`, or on the first working day after it. */
export function officeHour(time: Timing, instant: number): number {
  const date = new Date(atHour(instant, time.random.int(OPENS, CLOSES - 1), time.random));
  while (!time.isWorkingDay(date.toISOString().slice(0, 10))) date.setUTCDate(date.getUTCDate() + 1);
  return date.getTime();
}

/**
 * The moment of a step `days` after `previous`: within the same day for short delays (moved to the next
 * working morning when that falls outside office hours), at an office hour of a later working day otherwise;
 * always after `previous` and never after the run started.
 */
export function later(time: Timing, previous: number, days: number): number {
  let wanted: number;
  if (days >= 0.5) {
    wanted = officeHour(time, previous + days * DAY);
  } else {
    wanted = previous + days * DAY;
    const hour = new Date(wanted).getUTCHours();
    const date = new Date(wanted).toISOString().slice(0, 10);
    if (hour < OPENS || hour >= CLOSES || !time.isWorkingDay(date)) {
      const next = hour < OPENS && time.isWorkingDay(date) ? wanted : wanted + DAY;
      wanted = officeHour(time, atHour(next, OPENS, time.random));
      wanted = atHour(wanted, time.random.int(OPENS, OPENS + 2), time.random);
    }
  }
  return between(previous, wanted, time.realNow);
}

/** `wanted`, kept after `after` and never later than `limit` (halfway to it when it would be). */
export function between(after: number, wanted: number, limit: number): number {
  const t = Math.max(wanted, after + 60_000);
  return t <= limit ? t : after + (limit - after) / 2;
}

// ---------------------------------------------------------------------------------------------------------
// Running the plans

export interface Progress {
  start(total: number): void;
  tick(label: string): void;
  stop(): void;
}

export function createProgress(): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'demo data |{bar}| {value}/{total} {label}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total) => bar.start(total, 0, { label: '' }),
      tick: (label) => bar.increment(1, { label }),
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  let total = 0;
  let step = 1;
  return {
    start(n) {
      total = n;
      step = Math.max(1, Math.round(n / 10));
    },
    tick(label) {
      done++;
      if (done % step === 0 || done === total) note(`demo: ${done}/${total} (${label})`);
    },
    stop() {},
  };
}

export interface DemoResult {
  byStatus: Map<ComplaintStatus, number>;
  spotRecords: number;
}

/** Plans and runs `count` cases and a few spot records through the real commands. */
export async function fillDemoData(
  baseDeps: CommandDeps,
  users: Map<UserKey, DemoUser>,
  options: { count: number; seed: number; progress?: Progress },
): Promise<DemoResult> {
  const { registerComplaint } = await import('../commands/register-complaint.ts');
  const { recordSpotRecord } = await import('../commands/spot-records.ts');
  const { takeAction } = await import('../commands/take-action.ts');
  const { loadOrganisation } = await import('../commands/context.ts');
  const { calendar } = await loadOrganisation(baseDeps.db.kysely);
  const random = createRandom(options.seed);
  const realNow = baseDeps.now().getTime();
  const time: Timing = { random, realNow, isWorkingDay: (date) => calendar.isWorkingDay(date) };
  let clock = realNow;
  const deps: CommandDeps = { ...baseDeps, now: () => new Date(clock) };
  // Registered in order of receipt, so that reference numbers follow the dates as they would in real use.
  const plans = allocateStatuses(options.count, random)
    .map((status) => planCase(status, users, time))
    .sort((a, b) => a.receivedAt - b.receivedAt);
  const spotCount = Math.max(2, Math.round(options.count / 6));
  const progress = options.progress;
  progress?.start(plans.length + spotCount);
  const byStatus = new Map<ComplaintStatus, number>();
  try {
    for (const plan of plans) {
      clock = plan.registeredAt;
      const { complaint: registered } = await registerComplaint(
        deps,
        plan.intake(new Date(plan.receivedAt).toISOString()),
        plan.receiver.actor,
      );
      let complaint = registered;
      let at = plan.registeredAt;
      for (const step of plan.steps) {
        at = later(time, at, step.delayDays);
        clock = at;
        const actor = step.actor(complaint);
        const action = { name: step.name, input: step.input(complaint, new Date(at)) } as Action;
        try {
          complaint = (await takeAction(deps, complaint.reference, action, actor.actor)).complaint;
        } catch (error) {
          throw new Error(
            `demo: ${complaint.reference} (${complaint.status}) ${step.name} by ${actor.user.name}: ${(error as Error).message}`,
            { cause: error },
          );
        }
      }
      if (complaint.status !== plan.target) {
        throw new Error(
          `demo: ${complaint.reference} ended in '${complaint.status}' instead of '${plan.target}'`,
        );
      }
      byStatus.set(complaint.status, (byStatus.get(complaint.status) ?? 0) + 1);
      progress?.tick(`${complaint.reference} ${complaint.status}`);
    }
    const employees = (['e1', 'e2', 'e3', 'e4'] as const).map((key) => users.get(key) as DemoUser);
    for (let i = 0; i < spotCount; i++) {
      const spot = random.pick(SPOT_RECORDS);
      const receivedAt = between(
        realNow - 365 * DAY,
        officeHour(time, realNow - random.between(1, 364) * DAY),
        realNow - 60_000,
      );
      clock = Math.min(receivedAt + random.between(1, 30) * 60_000, realNow);
      await recordSpotRecord(
        deps,
        {
          receivedAt: new Date(receivedAt).toISOString(),
          channel: random.pick(['phone', 'in_person', 'email'] as const),
          category: spot.category,
          summary: spot.summary,
        },
        random.pick(employees).actor,
      );
      progress?.tick('resolved on the spot');
    }
  } finally {
    progress?.stop();
  }
  return { byStatus, spotRecords: spotCount };
}
