/**
 * Authorisation as a matrix: every role and relation to a case × every staff page and every form post (and the
 * staff API's case routes), with the expected answer written out by hand below — never derived from the
 * policy code it checks. Deny by default: a route added later that is not in the matrix fails the first test.
 *
 * The case (VP-2026-00001) is being investigated. It was registered by `desk`; the reporter named the jobcoach
 * (`coach`, linked); a quality manager (`qm2`) is involved too, so the configured deputy (`deputy`) acts as
 * quality manager for this case, beside `qm`, who is not involved. `handler` handles it. `advisor` and
 * `handler2` have nothing to do with it. A second case (VP-2026-00002) belongs to nobody here.
 *
 * Answers: 200 a page; 303 to the sign-in page ('in'); 403 refused; 400 the form comes back with errors
 * (allowed, but the empty post is not valid); 409 allowed, but not now (the state or a rule); 'ok' allowed and
 * done (a redirect after a successful post, or a page).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStaffSession } from '../../src/db/repositories/staff-sessions.ts';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { csrfTokenOf } from '../pages/helpers.ts';

const ACTORS = [
  'anonymous',
  'receiver',
  'caseReceiver',
  'handler',
  'otherHandler',
  'involved',
  'qm',
  'involvedQm',
  'deputy',
  'admin',
] as const;
type ActorKey = (typeof ACTORS)[number];
/** The test user behind each row. */
const USER: Record<Exclude<ActorKey, 'anonymous'>, string> = {
  receiver: 'advisor',
  caseReceiver: 'desk',
  handler: 'handler',
  otherHandler: 'handler2',
  involved: 'coach',
  qm: 'qm',
  involvedQm: 'qm2',
  deputy: 'deputy',
  admin: 'admin',
};

/** One answer per actor, in the order of ACTORS. */
type Row = string;
const parse = (row: Row): string[] => {
  const answers = row.trim().split(/\s+/);
  if (answers.length !== ACTORS.length) throw new Error(`A row needs ${ACTORS.length} answers: ${row}`);
  return answers;
};

// Columns: anonymous, receiver, the case's receiver, its handler, another handler, the involved jobcoach, the
// quality manager, the involved quality manager, the deputy, the administrator (ACTORS).
// Placeholders in the URLs: :ref (the case), :other (the second case), :attachment, :letter, :user (a user
// the administrator may change), :token (that user's API token), :spot (a spot record).
//                                                             ano rec cre han oha inv qm  iqm dep adm
// biome-ignore format: the matrix is aligned by hand, one column per actor
const PAGES: [string, Row][] = [
  ['/staff',                                                  'in  200 200 200 200 200 200 200 200 200'],
  ['/staff/account',                                          'in  200 200 200 200 200 200 200 200 200'],
  ['/staff/account/two-factor',                               'in  200 200 200 200 200 200 200 200 200'],
  ['/staff/complaints/new',                                   'in  200 200 200 200 200 200 200 200 403'],
  ['/staff/spot-records',                                     'in  200 200 200 200 200 200 200 200 200'],
  ['/staff/complaints/:ref',                                  'in  403 200 200 403 200 200 200 200 200'],
  ['/staff/complaints/:other',                                'in  200 403 403 403 403 200 200 403 200'],
  ['/staff/complaints/:ref/attachments/:attachment',          'in  403 200 200 403 403 200 403 200 200'],
  ['/staff/complaints/:ref/letters/:letter/pdf',              'in  403 200 200 403 403 200 403 200 200'],
  ['/staff/complaints/:ref/actions/decide',                   'in  403 403 200 403 403 200 403 200 403'],
  ['/staff/complaints/:ref/actions/reassign-handler',         'in  403 403 403 403 403 200 403 200 403'],
  ['/staff/complaints/:ref/actions/link-mention',             'in  403 403 403 403 403 200 403 200 403'],
  ['/staff/complaints/:ref/actions/record-reaction',          'in  403 403 200 403 403 200 403 200 403'],
  ['/staff/complaints/:ref/actions/agree-reaction',           'in  403 403 403 403 200 403 200 403 403'],
  ['/staff/complaints/:ref/actions/withdraw',                 'in  403 403 200 403 403 200 403 200 403'],
  ['/staff/analysis',                                         'in  403 403 403 403 403 303 303 403 303'],
  ['/staff/analysis/2026',                                    'in  403 403 403 403 403 200 200 403 200'],
  ['/staff/analysis/2026.pdf',                                'in  403 403 403 403 403 200 200 403 200'],
  ['/staff/analysis/2026.csv',                                'in  403 403 403 403 403 200 200 403 200'],
  ['/staff/analysis/2026.xlsx',                               'in  403 403 403 403 403 200 200 403 200'],
  ['/staff/admin',                                            'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/users',                                      'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/users/new',                                  'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/users/:user',                                'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/tokens',                                     'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/settings',                                   'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/settings/organisation',                      'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/letters',                                    'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/letters/acknowledgement/nl',                 'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/audit',                                      'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/privacy',                                    'in  403 403 403 403 403 403 403 403 200'],
  ['/staff/admin/privacy/cases',                              'in  403 403 403 403 403 400 400 403 400'],
  ['/staff/admin/privacy/cases/:ref',                         'in  403 403 403 403 403 200 403 200 200'],
];

// Posted with a valid CSRF token and nothing else (or the little a row says), so nothing valid is changed.
//                                                             ano rec cre han oha inv qm  iqm dep adm
// biome-ignore format: the matrix is aligned by hand, one column per actor
const POSTS: [string, Row][] = [
  ['/staff/sign-out-everywhere',                              'in  ok  ok  ok  ok  ok  ok  ok  ok  ok'],
  // The test users have no password to change: allowed, but not now.
  ['/staff/account/password',                                 'in  409 409 409 409 409 409 409 409 409'],
  ['/staff/account/sessions/end',                             'in  ok  ok  ok  ok  ok  ok  ok  ok  ok'],
  ['/staff/account/tokens',                                   'in  400 400 400 400 400 400 400 400 400'],
  ['/staff/account/tokens/revoke',                            'in  ok  ok  ok  ok  ok  ok  ok  ok  ok'],
  ['/staff/account/two-factor',                               'in  400 400 400 400 400 400 400 400 400'],
  ['/staff/account/two-factor/recovery-codes',                'in  400 400 400 400 400 400 400 400 400'],
  ['/staff/account/two-factor/remove',                        'in  400 400 400 400 400 400 400 400 400'],
  ['/staff/complaints/new',                                   'in  400 400 400 400 400 400 400 400 403'],
  ['/staff/spot-records',                                     'in  400 400 400 400 400 400 400 400 403'],
  ['/staff/spot-records/:spot/convert',                       'in  ok  ok  ok  ok  ok  ok  ok  ok  403'],
  ['/staff/complaints/:ref/actions/decide',                   'in  403 403 400 403 403 400 403 400 403'],
  ['/staff/complaints/:ref/actions/reassign-handler',         'in  403 403 403 403 403 400 403 400 403'],
  ['/staff/complaints/:ref/actions/agree-reaction',           'in  403 403 403 403 400 403 400 403 403'],
  ['/staff/complaints/:ref/actions/record-offer-accepted',    'in  403 403 409 403 403 409 403 409 403'],
  ['/staff/complaints/:ref/comment',                          'in  403 403 403 403 400 403 400 403 403'],
  ['/staff/complaints/:ref/follow-up-link/revoke',            'in  403 403 ok  403 403 ok  403 ok  403'],
  ['/staff/complaints/:ref/follow-up-link/renew',             'in  403 403 ok  403 403 ok  403 ok  403'],
  ['/staff/complaints/:ref/letters/:letter/posted',           'in  403 403 409 403 403 409 403 409 403'],
  ['/staff/analysis/2026/conclusions',                        'in  403 403 403 403 403 ok  ok  403 403'],
  ['/staff/analysis/2026/adopt',                              'in  403 403 403 403 403 400 400 403 403'],
  ['/staff/analysis/2026/adopt/confirm',                      'in  403 403 403 403 403 ok  ok  403 403'],
  ['/staff/admin/users',                                      'in  403 403 403 403 403 403 403 403 400'],
  ['/staff/admin/users/:user',                                'in  403 403 403 403 403 403 403 403 400'],
  ['/staff/admin/users/:user/deactivate',                     'in  403 403 403 403 403 403 403 403 ok'],
  ['/staff/admin/users/:user/reactivate',                     'in  403 403 403 403 403 403 403 403 ok'],
  ['/staff/admin/users/:user/unlock',                         'in  403 403 403 403 403 403 403 403 ok'],
  ['/staff/admin/users/:user/reset-second-factor',            'in  403 403 403 403 403 403 403 403 ok'],
  ['/staff/admin/users/:user/send-invitation',                'in  403 403 403 403 403 403 403 403 ok'],
  ['/staff/admin/users/:user/send-reset',                     'in  403 403 403 403 403 403 403 403 ok'],
  ['/staff/admin/users/:user/tokens',                         'in  403 403 403 403 403 403 403 403 400'],
  ['/staff/admin/users/:user/tokens/:token/revoke',           'in  403 403 403 403 403 403 403 403 ok'],
  ['/staff/admin/settings/organisation',                      'in  403 403 403 403 403 403 403 403 400'],
  ['/staff/admin/letters/acknowledgement/nl',                 'in  403 403 403 403 403 403 403 403 400'],
  ['/staff/admin/letters/acknowledgement/nl/preview',         'in  403 403 403 403 403 403 403 403 400'],
  ['/staff/admin/privacy/find',                               'in  403 403 403 403 403 403 403 403 400'],
  ['/staff/admin/privacy/act',                                'in  403 403 403 403 403 403 403 403 400'],
  ['/staff/admin/privacy/retention',                          'in  403 403 403 403 403 403 403 403 ok'],
  ['/staff/admin/privacy/cases/:ref/legal-hold',              'in  403 403 403 403 403 400 403 400 400'],
];

// The staff JSON API with each actor's personal access token ('401' without one).
//                                                             ano rec cre han oha inv qm  iqm dep adm
// biome-ignore format: the matrix is aligned by hand, one column per actor
const API: [string, string, Row][] = [
  ['GET', '/api/v1/staff/complaints/:ref',                    '401 403 200 200 403 200 200 200 200 200'],
  ['GET', '/api/v1/staff/complaints/:other',                  '401 200 403 403 403 403 200 200 403 200'],
  ['POST', '/api/v1/staff/complaints/:ref/record-offer-accepted', '401 403 403 409 403 403 409 403 409 403'],
  ['GET', '/api/v1/staff/complaints/:ref/letters',            '401 403 200 200 403 403 200 403 200 200'],
  ['GET', '/api/v1/staff/settings',                           '401 200 200 200 200 200 200 200 200 200'],
  ['GET', '/api/v1/staff/outbox',                             '401 403 403 403 403 403 403 403 403 200'],
];

/**
 * Routes that are not in the matrix, and why: the sign-in pages are open to anyone by design and their rules
 * (stages, rate limits, tokens) are tested in test/staff/sign-in.test.ts, two-factor.test.ts and
 * password-reset.test.ts; the action page and post are in the matrix through the actions named above.
 */
const OUTSIDE = new Set([
  'GET /staff/sign-in',
  'POST /staff/sign-in',
  'POST /staff/sign-out',
  'GET /staff/sign-in/second-factor',
  'POST /staff/sign-in/second-factor',
  'GET /staff/password-reset',
  'POST /staff/password-reset',
  'GET /staff/password-reset/:token',
  'POST /staff/password-reset/:token',
  'GET /staff/complaints/:reference/actions/:slug',
  'POST /staff/complaints/:reference/actions/:slug',
]);

/**
 * The route pattern a concrete matrix URL stands for ('/staff/admin/users/:user' → '/staff/admin/users/:id');
 * of several that fit, the most specific ('/staff/analysis/:year.pdf' before '/staff/analysis/:year').
 */
function patternOf(url: string, patterns: string[]): string | undefined {
  const path = url.split('?')[0]!.replace(/:(\w+)/g, 'x');
  const literal = (pattern: string) => pattern.replace(/:\w+/g, '').length;
  return patterns
    .filter((pattern) =>
      new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+?')}$`).test(path),
    )
    .sort((a, b) => literal(b) - literal(a))[0];
}

describeEachDialect('authorisation matrix', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const fill = (url: string) =>
    url
      .replace(':ref', 'VP-2026-00001')
      .replace(':other', 'VP-2026-00002')
      .replace(/:(attachment|letter|user|token|spot)/g, (_, name: string) => ids[name]!);

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      settings: (s) => {
        s.deputyQualityManagerEmail = 'deputy@loket3.example';
      },
    });
    await addStandardUsers(t);
    await t.addUser('desk', 'Daan de Balie', 'Baliemedewerker', ['receiver']);
    await t.addUser('qm2', 'Mirjam Kwaak', 'Kwaliteitsmanager', ['quality_manager']);
    await t.addUser('deputy', 'Wim Plaatsvervanger', 'Teamleider', ['handler']);
    await t.addUser('target', 'Tess Doelwit', 'Stagiair', ['receiver']);
    ids.user = t.users.target!.id;

    const ok = async (response: { statusCode: number; body: string }, status = 200) => {
      expect(response.statusCode, response.body).toBe(status);
      return JSON.parse(response.body);
    };
    // The case: registered by phone by `desk`, naming the jobcoach.
    await ok(
      await call(t, 'POST', '/api/v1/staff/complaints', {
        as: 'desk',
        body: {
          channel: 'phone',
          receivedAt: '2026-04-29T10:00:00+02:00',
          reporter: {
            name: 'Anouk Verbeek',
            email: 'anouk@example.org',
            phone: '0612345678',
            role: 'candidate',
          },
          description: 'Mijn jobcoach kwam drie keer niet op de afspraak.',
          involvedEmployees: ['Jeroen Bakker'],
        },
      }),
      201,
    );
    const form = await ok(await call(t, 'GET', '/api/v1/staff/complaints/VP-2026-00001', { as: 'qm' }));
    const step = async (as: string, action: string, body: unknown = {}) =>
      ok(await act(t, as, 'VP-2026-00001', action, body));
    await step('qm', 'link-mention', {
      mentionId: form.mentions[0].id,
      link: { kind: 'user', userId: t.users.coach!.id },
    });
    await step('qm', 'add-involved-person', { person: { kind: 'user', userId: t.users.qm2!.id } });
    await step('qm', 'assign-handler', { handlerId: t.users.handler!.id });
    await step('handler', 'record-summary', { summary: 'Drie afspraken gingen niet door.' });
    await step('handler', 'acknowledge');
    await step('handler', 'add-attachment', {
      filename: 'brief.txt',
      contentBase64: Buffer.from('De brief van de melder.').toString('base64'),
    });
    await step('handler', 'start-investigation');
    const coach = (
      await ok(await call(t, 'GET', '/api/v1/staff/complaints/VP-2026-00001', { as: 'qm' }))
    ).involved.find((p: { userId?: string }) => p.userId === t.users.coach!.id);
    await step('handler', 'record-reaction', {
      involvedPersonId: coach.id,
      summary: 'De agenda was dubbel geboekt.',
    });

    // The second case: nobody here is related to it but its receiver, `advisor`.
    await ok(
      await call(t, 'POST', '/api/v1/staff/complaints', {
        as: 'advisor',
        body: {
          channel: 'letter',
          receivedAt: '2026-04-29T11:00:00+02:00',
          description: 'Een brief over de wachttijd.',
        },
      }),
      201,
    );
    const attachment = await t.db.kysely.selectFrom('attachments').select('id').executeTakeFirstOrThrow();
    ids.attachment = attachment.id;
    const letter = await t.db.kysely
      .selectFrom('letters')
      .select('id')
      .where('kind', '=', 'acknowledgement')
      .executeTakeFirstOrThrow();
    ids.letter = letter.id;
    const token = await t.db.kysely
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', t.users.target!.id)
      .executeTakeFirstOrThrow();
    ids.token = token.id;
    const spot = await ok(
      await call(t, 'POST', '/api/v1/staff/spot-records', {
        as: 'advisor',
        body: { receivedAt: '2026-04-29T09:00:00+02:00', channel: 'in_person', summary: 'Koffie was op.' },
      }),
      201,
    );
    ids.spot = spot.id;
  });
  afterAll(() => t.close());

  /** A fresh complete session of the actor (a post may have ended the last one), as a cookie header. */
  async function cookieOf(actor: ActorKey): Promise<string> {
    if (actor === 'anonymous') return '';
    const now = t.deps.now();
    const { token } = await createStaffSession(t.db.kysely, {
      userId: t.users[USER[actor]]!.id,
      stage: 'complete',
      method: 'password',
      now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      ip: null,
      userAgent: null,
    });
    return `vp_staff=${token}`;
  }

  /** The answer as the matrix writes it. */
  function answerOf(
    response: { statusCode: number; headers: Record<string, unknown> },
    expected: string,
  ): string {
    const location = String(response.headers.location ?? '');
    if (response.statusCode === 303 && location.startsWith('/staff/sign-in?next=')) return 'in';
    if (expected === 'ok' && response.statusCode < 500 && ![400, 401, 403, 404].includes(response.statusCode))
      return 'ok';
    return String(response.statusCode);
  }

  it('covers every staff route (a new page must be added to the matrix)', () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/staff'));
    const patterns = routes.map((r) => r.url);
    const covered = new Set([
      ...PAGES.map(
        ([url]) =>
          `GET ${patternOf(
            url,
            patterns.filter((p) => routes.some((r) => r.method === 'GET' && r.url === p)),
          )}`,
      ),
      ...POSTS.map(
        ([url]) =>
          `POST ${patternOf(
            url,
            patterns.filter((p) => routes.some((r) => r.method === 'POST' && r.url === p)),
          )}`,
      ),
    ]);
    const missing = routes
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !covered.has(r) && !OUTSIDE.has(r));
    expect(missing).toEqual([]);
  });

  it('answers every page as the matrix says', async () => {
    const wrong: string[] = [];
    for (const [url, row] of PAGES) {
      const expected = parse(row);
      for (const [i, actor] of ACTORS.entries()) {
        const cookie = await cookieOf(actor);
        const response = await t.app.inject({
          method: 'GET',
          url: fill(url),
          headers: cookie ? { cookie } : {},
        });
        const answer = answerOf(response, expected[i]!);
        if (answer !== expected[i]) wrong.push(`GET ${url} as ${actor}: ${answer}, expected ${expected[i]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers every form post as the matrix says', async () => {
    const wrong: string[] = [];
    for (const [url, row] of POSTS) {
      const expected = parse(row);
      for (const [i, actor] of ACTORS.entries()) {
        const cookie = await cookieOf(actor);
        // A page for the CSRF token and its cookie, as the browser has them.
        const page = await t.app.inject({
          method: 'GET',
          url: cookie ? '/staff/account' : '/staff/sign-in',
          headers: cookie ? { cookie } : {},
        });
        const csrfCookie = (page.cookies as { name: string; value: string }[]).find(
          (c) => c.name === '_csrf',
        )!;
        const response = await t.app.inject({
          method: 'POST',
          url: fill(url),
          payload: new URLSearchParams({ _csrf: csrfTokenOf(page.body) }).toString(),
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: [cookie, `_csrf=${csrfCookie.value}`].filter(Boolean).join('; '),
          },
        });
        const answer = answerOf(response, expected[i]!);
        if (answer !== expected[i]) wrong.push(`POST ${url} as ${actor}: ${answer}, expected ${expected[i]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers the staff API as the matrix says', async () => {
    const wrong: string[] = [];
    for (const [method, url, row] of API) {
      const expected = parse(row);
      for (const [i, actor] of ACTORS.entries()) {
        const response = await call(t, method as 'GET' | 'POST', fill(url), {
          ...(actor === 'anonymous' ? {} : { as: USER[actor] }),
          ...(method === 'POST' ? { body: {} } : {}),
        });
        const answer = String(response.statusCode);
        if (answer !== expected[i])
          wrong.push(`${method} ${url} as ${actor}: ${answer}, expected ${expected[i]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("a reporter's follow-up link opens that one case only", async () => {
    const a = await call(t, 'POST', '/api/v1/staff/complaints/VP-2026-00001/follow-up-link/renew', {
      as: 'qm',
    });
    const b = await call(t, 'POST', '/api/v1/staff/complaints/VP-2026-00002/follow-up-link/renew', {
      as: 'qm',
    });
    const tokenA = new URL(a.json().followUpUrl).pathname.split('/').at(-1)!;
    const tokenB = new URL(b.json().followUpUrl).pathname.split('/').at(-1)!;
    expect((await call(t, 'GET', `/api/v1/follow-up/${tokenA}`)).json().reference).toBe('VP-2026-00001');
    expect((await call(t, 'GET', `/api/v1/follow-up/${tokenB}`)).json().reference).toBe('VP-2026-00002');
    // Case A's letter through case B's link: as if it did not exist.
    const crossed = await call(t, 'GET', `/api/v1/follow-up/${tokenB}/letters/${ids.letter}/pdf`);
    expect(crossed.statusCode).toBe(404);
    const own = await call(t, 'GET', `/api/v1/follow-up/${tokenA}/letters/${ids.letter}/pdf`);
    expect(own.statusCode).toBe(200);
    // An action through B's link changes B only.
    const before = (await call(t, 'GET', '/api/v1/staff/complaints/VP-2026-00001', { as: 'qm' })).json()
      .version;
    const added = await call(t, 'POST', `/api/v1/follow-up/${tokenB}/add-information`, {
      body: { text: 'Nog iets.' },
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(
      (await call(t, 'GET', '/api/v1/staff/complaints/VP-2026-00001', { as: 'qm' })).json().version,
    ).toBe(before);
    expect(
      (await call(t, 'GET', '/api/v1/staff/complaints/VP-2026-00002', { as: 'qm' })).json().reporterMessages,
    ).toHaveLength(1);
  });
});
