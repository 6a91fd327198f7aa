/** Which staff emails an action sends (pure), and that enqueueNotifications queues them in the caller's transaction. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/commands/bootstrap.ts';
import { REPORTER } from '../../src/commands/context.ts';
import { transaction } from '../../src/db/database.ts';
import { insertComplaint } from '../../src/db/repositories/complaints.ts';
import { listOutbox } from '../../src/db/repositories/outbox.ts';
import { insertUser } from '../../src/db/repositories/users.ts';
import type { Actor } from '../../src/domain/action-context.ts';
import type { Action } from '../../src/domain/action-schemas.ts';
import { applyAction } from '../../src/domain/apply-action.ts';
import type { Complaint } from '../../src/domain/complaint.ts';
import { directoryOf } from '../../src/notifications/recipients.ts';
import {
  enqueueNotifications,
  mayNotify,
  type NotifiedAction,
  notificationsFor,
} from '../../src/notifications/staff-notifications.ts';
import {
  actorOf,
  createWorld,
  DEPUTY,
  EMPLOYEE,
  HANDLER_1,
  HANDLER_2,
  QM,
  USERS,
} from '../domain/fixtures.ts';
import {
  describeEachDialect,
  type TestDb,
  whileTestSchemasStay,
  withTestDatabase,
} from '../helpers/databases.ts';

const PUBLIC_URL = 'https://klachten.example.nl';
const users = directoryOf(USERS.values());
const world = createWorld().at('2026-04-30T10:00:00+02:00');
const registered = world.register(
  { description: 'Mijn jobcoach kwam niet opdagen.' },
  { receivedAt: '2026-04-30T09:00:00+02:00' },
);

/** Applies an action as `actor` and returns the emails it would send, as 'user:kind'. */
function notify(
  before: Complaint | null,
  action: Action | 'register',
  actor: Actor,
  deputyUserId: string | null = null,
) {
  const after =
    action === 'register' ? before! : applyAction(before!, action, { ...world.ctx(), actor }).complaint;
  const name: NotifiedAction = action === 'register' ? 'register' : action.name;
  const emails = notificationsFor({
    action: name,
    before: action === 'register' ? null : before,
    after,
    actor,
    users,
    deputyUserId,
    publicUrl: PUBLIC_URL,
  });
  return { after, emails, to: emails.map((e) => `${e.userId}:${e.kind}`) };
}

const assign = notify(registered, { name: 'assignHandler', input: { handlerId: HANDLER_1.id } }, actorOf(QM));
const acknowledged = [
  { name: 'addInvolvedPerson', input: { person: { kind: 'user', userId: EMPLOYEE.id } } },
  { name: 'recordSummary', input: { summary: 'Gemiste afspraak.' } },
  { name: 'acknowledge', input: {} },
].reduce(
  (c, a) => applyAction(c, a as Action, { ...world.ctx(), actor: actorOf(HANDLER_1) }).complaint,
  assign.after,
);

describe('notificationsFor', () => {
  it('a new complaint: every quality manager, not the one who registered it', () => {
    const fromTheWeb = notify(registered, 'register', REPORTER);
    expect(fromTheWeb.to).toEqual(['u-qm:new_complaint', 'u-dep:new_complaint']);
    expect(fromTheWeb.emails[0]).toMatchObject({
      to: 'u-qm@loket3.example',
      subject: `Nieuwe klacht ${registered.reference}: wijs een behandelaar aan`,
    });
    expect(fromTheWeb.emails[0]!.text).toContain(
      'ontvangen op donderdag 30 april 2026 (via het webformulier)',
    );
    expect(fromTheWeb.emails[0]!.text).toContain('uiterlijk vrijdag 8 mei 2026 verstuurd');
    expect(fromTheWeb.emails[0]!.text).toContain(
      `${PUBLIC_URL}/staff/complaints/${registered.reference}`,
    );
    expect(fromTheWeb.emails[0]!.text).not.toContain('jobcoach kwam niet opdagen');
    expect(notify(registered, 'register', actorOf(QM)).to).toEqual(['u-dep:new_complaint']);
  });

  it('assigned and reassigned: the (new) handler', () => {
    expect(assign.to).toEqual(['u-h1:handler_assigned']);
    expect(assign.emails[0]!.subject).toBe(`U bent behandelaar van klacht ${registered.reference}`);
    expect(assign.emails[0]!.text).toContain('uiterlijk donderdag 4 juni 2026 afgehandeld');
    const reassign = notify(
      assign.after,
      { name: 'reassignHandler', input: { handlerId: HANDLER_2.id, reason: 'Ziek.' } },
      actorOf(QM),
    );
    expect(reassign.to).toEqual(['u-h2:handler_assigned']);
    expect(reassign.emails[0]!.subject).toBe(`Klacht ${registered.reference} is aan u overgedragen`);
  });

  it('the investigation starts: the involved users are asked for their reaction; a person involved later too', () => {
    const start = notify(acknowledged, { name: 'startInvestigation', input: {} }, actorOf(HANDLER_1));
    expect(start.to).toEqual(['u-emp:reaction_requested']);
    expect(start.emails[0]!.subject).toBe(`Uw reactie gevraagd op klacht ${registered.reference}`);
    expect(start.emails[0]!.text).toContain('De behandelaar, Hanna de Vries, neemt contact met u op');
    const later = notify(
      start.after,
      { name: 'addInvolvedPerson', input: { person: { kind: 'user', userId: HANDLER_2.id } } },
      actorOf(HANDLER_1),
    );
    expect(later.to).toEqual(['u-h2:reaction_requested']);
    const thirdParty = notify(
      start.after,
      {
        name: 'addInvolvedPerson',
        input: { person: { kind: 'third_party', thirdParty: { name: 'Bureau X', email: 'x@example.nl' } } },
      },
      actorOf(HANDLER_1),
    );
    expect(thirdParty.to).toEqual([]);
    // Before the investigation, involving someone asks nothing of them yet.
    expect(
      notify(
        assign.after,
        { name: 'addInvolvedPerson', input: { person: { kind: 'user', userId: HANDLER_2.id } } },
        actorOf(QM),
      ).to,
    ).toEqual([]);
  });

  it("the reporter's own actions: the handler, or the quality managers while there is none", () => {
    const info = notify(
      acknowledged,
      { name: 'addInformation', input: { text: 'Nog een afspraak gemist.' } },
      REPORTER,
    );
    expect(info.to).toEqual(['u-h1:reporter_action']);
    expect(info.emails[0]!.subject).toBe(
      `De melder heeft informatie toegevoegd (klacht ${registered.reference})`,
    );
    expect(info.emails[0]!.text).not.toContain('Nog een afspraak gemist');
    expect(notify(acknowledged, { name: 'requestHearing', input: {} }, REPORTER).emails[0]!.subject).toBe(
      `De melder wil gehoord worden (klacht ${registered.reference})`,
    );
    const withdrawn = notify(registered, { name: 'withdraw', input: {} }, REPORTER);
    expect(withdrawn.to).toEqual(['u-qm:reporter_action', 'u-dep:reporter_action']);
    expect(withdrawn.emails[0]!.text).toContain('omdat de klacht nog geen behandelaar heeft');
    // The same action by staff notifies nobody.
    expect(notify(acknowledged, { name: 'withdraw', input: {} }, actorOf(HANDLER_1)).to).toEqual([]);
  });

  it('the deputy stands in for a quality manager who is involved', () => {
    const involvingQm = applyAction(
      registered,
      { name: 'addInvolvedPerson', input: { person: { kind: 'user', userId: QM.id } } },
      world.ctx(),
    ).complaint;
    const deputyOnlyUsers = directoryOf(
      [...USERS.values()]
        .filter((u) => u.id !== DEPUTY.id)
        .concat({ ...HANDLER_2, id: 'u-x', email: 'x@loket3.example' }),
    );
    const emails = notificationsFor({
      action: 'withdraw',
      before: involvingQm,
      after: { ...involvingQm, status: 'withdrawn' },
      actor: REPORTER,
      users: deputyOnlyUsers,
      deputyUserId: 'u-x',
      publicUrl: PUBLIC_URL,
    });
    expect(emails.map((e) => e.userId)).toEqual(['u-x']);
  });

  it('most actions notify nobody and cost no query', () => {
    expect(
      mayNotify({
        action: 'recordSummary',
        before: assign.after,
        after: assign.after,
        actor: actorOf(HANDLER_1),
      }),
    ).toBe(false);
    expect(
      notify(assign.after, { name: 'recordSummary', input: { summary: 'Kort.' } }, actorOf(HANDLER_1)).to,
    ).toEqual([]);
  });
});

describeEachDialect('enqueueNotifications', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
    // The migrator scans the catalog: keep other test files from dropping their schemas meanwhile.
    await whileTestSchemasStay(() =>
      bootstrap(db, '/nonexistent/organisation.json', new Date('2026-04-30T08:00:00Z')),
    );
    await insertUser(db.kysely, {
      email: 'qm@loket3.example',
      name: 'Petra de Vries',
      jobTitle: 'Kwaliteitsmanager',
      roles: ['quality_manager'],
      now: new Date(),
    });
    await insertUser(db.kysely, {
      email: 'oud@loket3.example',
      name: 'Oud',
      jobTitle: 'KM',
      roles: ['quality_manager'],
      active: false,
      now: new Date(),
    });
  });
  afterAll(() => db.close());

  it('queues in the caller transaction: rolled back with it, committed with it', async () => {
    const input = {
      action: 'register' as const,
      before: null,
      after: registered,
      actor: REPORTER,
      now: '2026-04-30T08:00:00.000Z',
      publicUrl: PUBLIC_URL,
    };
    await insertComplaint(db.kysely, registered, 'token-hash');
    await expect(
      transaction(db, async (trx) => {
        expect(await enqueueNotifications(trx, input)).toHaveLength(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await listOutbox(db.kysely, { limit: 10 })).toEqual([]);
    const queued = await transaction(db, (trx) => enqueueNotifications(trx, input));
    expect(queued.map((q) => q.to)).toEqual(['qm@loket3.example']);
    expect(await listOutbox(db.kysely, { limit: 10 })).toMatchObject([
      {
        id: queued[0]!.outboxId,
        to: 'qm@loket3.example',
        kind: 'new_complaint',
        complaintId: registered.id,
        status: 'pending',
      },
    ]);
  });
});
