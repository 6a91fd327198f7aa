/**
 * The real app on a real port for browser tests: buildApp through test/helpers/app.ts (migrated, seeded, the
 * standard staff users with API tokens, a clock the test sets by hand), listening on 127.0.0.1.
 *
 * The port is reserved before the app is built, because the configuration is frozen at build time and the
 * follow-up links the app prints (confirmation page, emails, API) must point at this server: a browser has to
 * be able to follow them. A port taken in between (rare) is retried with another one.
 *
 *   const server = await startServer('sqlite');
 *   await page.goto(server.url('/?lang=en'));
 *   server.setNow('2026-05-04T10:00:00+02:00');
 *   await server.close();
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import type { Dialect } from '../../../src/db/database.ts';
import {
  act,
  addStandardUsers,
  call,
  createTestApp,
  type TestApp,
  type TestAppOptions,
} from '../../helpers/app.ts';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** The hash the app stored in its sha256 column. */
  sha256: string;
  /** The hash of the stored bytes, computed here: the two must agree with the uploaded file's. */
  contentSha256: string;
  uploadedBy: string | null;
}

export interface Submitted {
  reference: string;
  token: string;
  followUpUrl: string;
}

/** A complaint as the staff API shows it (JSON; see src/http/api/presenters.ts). */
// biome-ignore lint/suspicious/noExplicitAny: the tests read whatever the API answers and compare it.
export type Json = Record<string, any>;

export interface E2eServer {
  t: TestApp;
  dialect: Dialect;
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
  url(path: string): string;
  /** Sets the app's clock: every later request happens at this instant. */
  setNow(iso: string): void;
  /** The staff API's view of a complaint (as the quality manager). */
  staffView(reference: string): Promise<Json>;
  /** A lifecycle action through the staff API; throws unless it answers 200. */
  staffAct(as: string, reference: string, action: string, body?: unknown): Promise<Json>;
  /** A complaint through the public JSON API, for tests that start on the follow-up page. */
  submitViaApi(body: Record<string, unknown>): Promise<Submitted>;
  /** The attachments stored for a complaint, read from the database. */
  attachments(reference: string): Promise<StoredAttachment[]>;
  /** How many complaints the database holds. */
  complaintCount(): Promise<number>;
  close(): Promise<void>;
}

export const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const tokenOf = (followUpUrl: string) => new URL(followUpUrl).pathname.split('/').at(-1)!;

export async function startServer(
  dialect: Dialect = 'sqlite',
  options: TestAppOptions = {},
): Promise<E2eServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const t = await createTestApp(dialect, { ...options, env: { PUBLIC_URL: baseUrl, ...options.env } });
    try {
      await t.app.listen({ port, host: '127.0.0.1' });
    } catch (error) {
      await t.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < 5) continue;
      throw error;
    }
    await addStandardUsers(t);
    return serverOf(t, dialect, baseUrl);
  }
}

function serverOf(t: TestApp, dialect: Dialect, baseUrl: string): E2eServer {
  const staffView = async (reference: string) => {
    const response = await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' });
    if (response.statusCode !== 200)
      throw new Error(`GET ${reference} as qm: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  return {
    t,
    dialect,
    baseUrl,
    url: (path) => `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}`,
    setNow: (iso) => t.setNow(iso),
    staffView,
    async staffAct(as, reference, action, body = {}) {
      const response = await act(t, as, reference, action, body);
      if (response.statusCode !== 200)
        throw new Error(`${action} on ${reference} as ${as}: ${response.statusCode} ${response.body}`);
      return response.json();
    },
    async submitViaApi(body) {
      const response = await call(t, 'POST', '/api/v1/complaints', { body });
      if (response.statusCode !== 201)
        throw new Error(`POST /api/v1/complaints: ${response.statusCode} ${response.body}`);
      const { reference, followUpUrl } = response.json() as { reference: string; followUpUrl: string };
      return { reference, followUpUrl, token: tokenOf(followUpUrl) };
    },
    async attachments(reference) {
      const rows = await t.db.kysely
        .selectFrom('attachments')
        .innerJoin('complaints', 'complaints.id', 'attachments.complaint_id')
        .select([
          'attachments.filename',
          'attachments.content_type',
          'attachments.size',
          'attachments.sha256',
          'attachments.content',
          'attachments.uploaded_by',
          'attachments.uploaded_at',
        ])
        .where('complaints.reference', '=', reference)
        // Files of one upload share their timestamp: the name orders them.
        .orderBy('attachments.uploaded_at')
        .orderBy('attachments.filename')
        .execute();
      return rows.map((row) => ({
        filename: row.filename,
        contentType: row.content_type,
        size: Number(row.size),
        sha256: row.sha256,
        contentSha256: sha256(row.content),
        uploadedBy: row.uploaded_by,
      }));
    },
    async complaintCount() {
      const row = await t.db.kysely
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    close: () => t.close(),
  };
}

/** Walks a complaint through the staff API up to an open offer (assign, summary, acknowledge, investigate, decide, offer). */
export async function bringToOffer(server: E2eServer, reference: string): Promise<void> {
  const { staffAct, t } = server;
  await staffAct('qm', reference, 'assign-handler', { handlerId: t.users.handler!.id });
  await staffAct('handler', reference, 'record-summary', {
    summary: 'Afspraken met de jobcoach werden steeds verzet.',
  });
  await staffAct('handler', reference, 'acknowledge');
  await staffAct('handler', reference, 'start-investigation');
  await staffAct('handler', reference, 'decide', {
    judgement: 'well_founded',
    reasons: 'De afspraken zijn drie keer verzet zonder goede reden.',
    findings: 'Drie keer verzet.',
    severity: 'medium',
    cause: 'Planning.',
    responsibleParty: 'Team Utrecht',
  });
  // By phone, as the regulation says, when there is a number; otherwise through the follow-up page with the
  // reason recorded (the only way to reach an anonymous reporter).
  const { reporter } = await server.staffView(reference);
  await staffAct('handler', reference, 'make-offer', {
    ...(reporter.phone
      ? { method: 'phone' }
      : { method: 'follow_up_page', phoneSkippedReason: 'Geen telefoonnummer bekend.' }),
    measures: [{ kind: 'replacement_service', description: 'Een vaste afspraakdag met dezelfde jobcoach.' }],
  });
}

/** Walks a complaint through the staff API to closed (judged unfounded, no preventive measures). */
export async function bringToClosed(server: E2eServer, reference: string): Promise<void> {
  const { staffAct, t } = server;
  await staffAct('qm', reference, 'assign-handler', { handlerId: t.users.handler!.id });
  await staffAct('handler', reference, 'record-summary', { summary: 'Niet teruggebeld.' });
  await staffAct('handler', reference, 'acknowledge');
  await staffAct('handler', reference, 'start-investigation');
  await staffAct('handler', reference, 'decide', {
    judgement: 'unfounded',
    reasons: 'Er is twee keer gebeld en een bericht ingesproken.',
    findings: 'Belnotities van 2 en 3 mei.',
    severity: 'low',
    cause: 'Verkeerd telefoonnummer.',
    responsibleParty: 'Team Utrecht',
  });
  await staffAct('handler', reference, 'send-findings');
  await staffAct('handler', reference, 'send-final-report');
  await staffAct('handler', reference, 'record-no-preventive-measures', { reason: 'Eenmalig.' });
  await staffAct('handler', reference, 'close');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
