/**
 * Step 2: "Diegene die de klacht afhandelt is nooit de medewerker die de dienst heeft verleend." Through the
 * API, an involved person never becomes the handler and the handler never becomes involved, whichever comes
 * first. And the doors of the staff API: who may act on a case, no token, an unknown case.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

const complaint = {
  reporter: { name: 'Mila Visser', email: 'mila.visser@example.nl' },
  description: 'Mijn jobcoach kwam niet op de afspraak.',
  involvedEmployees: ['Jeroen'],
};

describeEachDialect('neutrality of the handler and access to actions', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  const id = (key: string) => t.users[key]!.id;
  async function show(ref: string, as = 'qm') {
    const response = await call(t, 'GET', `/api/v1/staff/complaints/${ref}`, { as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  async function submit(): Promise<{ ref: string; mentionId: string }> {
    t.setNow('2026-04-30T09:00:00+02:00');
    const response = await call(t, 'POST', '/api/v1/complaints', { body: complaint });
    expect(response.statusCode, response.body).toBe(201);
    const form = await show(response.json().reference);
    return { ref: form.reference, mentionId: form.mentions[0].id };
  }
  async function ok(as: string, ref: string, action: string, body: unknown) {
    const response = await act(t, as, ref, action, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    return response.json();
  }
  /** Refused with `status` and `code`; status, version, involved people, handler and history unchanged. */
  async function refused(
    as: string,
    ref: string,
    action: string,
    body: unknown,
    status: number,
    code: string,
  ) {
    const before = await show(ref);
    const response = await act(t, as, ref, action, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const after = await show(ref);
    for (const key of ['status', 'version', 'involved', 'handler', 'handlerHistory', 'history']) {
      expect(after[key], key).toEqual(before[key]);
    }
    expect(response.json()).toMatchObject({ type: `urn:verbeterpunt:problem:${code}`, status, code });
    return response.json();
  }

  it('refuses an involved person as handler: linked first, then assigned', async () => {
    const { ref, mentionId } = await submit();
    t.setNow('2026-04-30T10:00:00+02:00');
    await ok('qm', ref, 'link-mention', { mentionId, link: { kind: 'user', userId: id('coach') } });
    const problem = await refused(
      'qm',
      ref,
      'assign-handler',
      { handlerId: id('coach') },
      409,
      'handler_not_neutral',
    );
    expect(problem.details).toEqual({ handlerId: id('coach') });
    expect((await show(ref)).status).toBe('registered');
    // A neutral handler is accepted.
    expect((await ok('qm', ref, 'assign-handler', { handlerId: id('handler') })).status).toBe(
      'handler_assigned',
    );
  });

  it('refuses to make the handler involved: assigned first, then added by the quality manager or by themselves', async () => {
    const { ref, mentionId } = await submit();
    t.setNow('2026-04-30T10:00:00+02:00');
    await ok('qm', ref, 'link-mention', { mentionId, link: { kind: 'nobody' } });
    await ok('qm', ref, 'assign-handler', { handlerId: id('handler2') });
    const asUser = { person: { kind: 'user', userId: id('handler2') } };
    await refused('qm', ref, 'add-involved-person', asUser, 409, 'handler_not_neutral');
    await refused('handler2', ref, 'add-involved-person', asUser, 409, 'handler_not_neutral');
    // Others can still be involved: an employee and a third party working for the organisation.
    await ok('handler2', ref, 'add-involved-person', { person: { kind: 'user', userId: id('coach') } });
    const thirdParty = {
      kind: 'third_party',
      thirdParty: { name: 'Kees Smit', organisation: 'Taxi Utrecht', email: 'kees@taxi.example' },
    };
    const form = await ok('handler2', ref, 'add-involved-person', { person: thirdParty });
    expect(form.involved.map((p: { name: string }) => p.name)).toEqual(['Jeroen Bakker', 'Kees Smit']);
    await refused(
      'handler2',
      ref,
      'add-involved-person',
      { person: { kind: 'user', userId: id('coach') } },
      400,
      'invalid_input',
    );
  });

  it('refuses to reassign the case to an involved person', async () => {
    const { ref, mentionId } = await submit();
    t.setNow('2026-04-30T10:00:00+02:00');
    await ok('qm', ref, 'link-mention', { mentionId, link: { kind: 'user', userId: id('coach') } });
    await ok('qm', ref, 'assign-handler', { handlerId: id('handler') });
    const body = { handlerId: id('coach'), reason: 'Ahmed is ziek.' };
    await refused('qm', ref, 'reassign-handler', body, 409, 'handler_not_neutral');
    const form = await ok('qm', ref, 'reassign-handler', {
      handlerId: id('handler2'),
      reason: 'Ahmed is ziek.',
    });
    expect(form.handler.userId).toBe(id('handler2'));
  });

  it('an involved quality manager loses that role on the case (no deputy configured)', async () => {
    const { ref, mentionId } = await submit();
    t.setNow('2026-04-30T10:00:00+02:00');
    await ok('qm', ref, 'link-mention', { mentionId, link: { kind: 'user', userId: id('qm') } });
    await refused('qm', ref, 'assign-handler', { handlerId: id('handler') }, 403, 'forbidden');
  });

  it('only the case handler and the quality manager act; the administrator may look but not act', async () => {
    const { ref, mentionId } = await submit();
    t.setNow('2026-04-30T10:00:00+02:00');
    await ok('qm', ref, 'link-mention', { mentionId, link: { kind: 'nobody' } });
    await ok('qm', ref, 'assign-handler', { handlerId: id('handler') });
    await ok('handler', ref, 'record-summary', { summary: 'Gemiste afspraak.' });
    await refused('handler2', ref, 'acknowledge', {}, 403, 'forbidden');
    await refused('advisor', ref, 'acknowledge', {}, 403, 'forbidden');
    await refused('admin', ref, 'acknowledge', {}, 403, 'forbidden');
    await refused('admin', ref, 'record-summary', { summary: 'Door beheer.' }, 403, 'forbidden');
    await refused(
      'admin',
      ref,
      'reassign-handler',
      { handlerId: id('handler2'), reason: 'Beheer.' },
      403,
      'forbidden',
    );
    await refused('handler', ref, 'assign-handler', { handlerId: id('handler2') }, 403, 'forbidden');
    const seenByAdmin = await show(ref, 'admin');
    expect(seenByAdmin.allowedActions).toEqual([]);
    // Not the handler, not involved, not the receiver: another handler may not even read it.
    const peek = await call(t, 'GET', `/api/v1/staff/complaints/${ref}`, { as: 'handler2' });
    expect(peek.statusCode).toBe(403);
    expect(peek.json().code).toBe('forbidden');
    expect((await ok('handler', ref, 'acknowledge', {})).status).toBe('acknowledged');
  });

  it('answers 401 without a valid token and 404 for an unknown case, as problem documents', async () => {
    const { ref } = await submit();
    const before = await show(ref);
    const anonymous = [
      await t.app.inject({ method: 'POST', url: `/api/v1/staff/complaints/${ref}/withdraw`, payload: {} }),
      await t.app.inject({ method: 'GET', url: `/api/v1/staff/complaints/${ref}` }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/complaints/${ref}/withdraw`,
        payload: {},
        headers: { authorization: 'Bearer vp_this-token-does-not-exist' },
      }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/complaints/${ref}/withdraw`,
        payload: {},
        headers: { authorization: 'Basic cW06cXE=' },
      }),
    ];
    for (const response of anonymous) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        type: 'urn:verbeterpunt:problem:unauthorized',
        status: 401,
        code: 'unauthorized',
      });
      expect(typeof response.json().title).toBe('string');
    }
    const after = await show(ref);
    expect([after.status, after.version, after.history.length]).toEqual([
      before.status,
      before.version,
      before.history.length,
    ]);

    for (const response of [
      await call(t, 'GET', '/api/v1/staff/complaints/VP-2026-99999', { as: 'qm' }),
      await act(t, 'qm', 'VP-2026-99999', 'withdraw', {}),
      await act(t, 'admin', 'VP-2026-99999', 'withdraw', {}),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        type: 'urn:verbeterpunt:problem:not_found',
        status: 404,
        code: 'not_found',
      });
    }
    const malformed = await act(t, 'qm', 'not-a-reference', 'withdraw', {});
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation_failed');
    const unknownAction = await act(t, 'qm', ref, 'delete-everything', {});
    expect(unknownAction.statusCode).toBe(404);
    expect(unknownAction.json().code).toBe('not_found');
  });
});
