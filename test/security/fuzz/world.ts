/**
 * The app the fuzzer attacks: a real app on a real database with staff of every role and complaints in a few
 * states (with a letter, an attachment, a spot record), so that generated requests can name things that
 * exist and get past "not found" into the commands.
 */
import { LETTER_KINDS } from '../../../src/domain/letters.ts';
import { act, addStandardUsers, call, type TestApp } from '../../helpers/app.ts';
import { csrfTokenOf } from '../../pages/helpers.ts';
import { hostileValue } from './hostile.ts';
import type { FuzzWorld } from './requests.ts';
import { routesOf } from './requests.ts';

export async function prepareWorld(t: TestApp): Promise<FuzzWorld> {
  await addStandardUsers(t);
  t.setNow('2026-04-30T09:00:00+02:00');
  const references: string[] = [];
  const tokens: string[] = [];
  const mentionIds: string[] = [];
  for (const [i, reporter] of [
    { name: 'Anouk Verbeek', email: 'anouk@example.org' },
    {},
    { phone: '06-12345678' },
  ].entries()) {
    const submitted = (
      await call(t, 'POST', '/api/v1/complaints', {
        body: { description: `Fuzzdoel ${i}`, reporter, involvedEmployees: ['Jeroen Bakker'] },
      })
    ).json();
    references.push(submitted.reference);
    tokens.push(submitted.followUpUrl.split('/').at(-1));
  }
  // The first one is acknowledged (a letter exists) and being investigated; the second has a handler.
  for (const reference of references.slice(0, 2)) {
    const form = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    for (const mention of form.mentions) {
      mentionIds.push(mention.id);
      await act(t, 'qm', reference, 'link-mention', {
        mentionId: mention.id,
        link: { kind: 'user', userId: t.users.coach!.id },
      });
    }
    await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id });
  }
  await act(t, 'handler', references[0]!, 'record-summary', { summary: 'Afspraken gemist.' });
  await act(t, 'handler', references[0]!, 'acknowledge');
  await act(t, 'handler', references[0]!, 'start-investigation');
  const letters = (
    await call(t, 'GET', `/api/v1/staff/complaints/${references[0]}/letters`, { as: 'qm' })
  ).json() as Array<{ id: string }>;
  const spot = (
    await call(t, 'POST', '/api/v1/staff/spot-records', {
      as: 'advisor',
      body: { receivedAt: '2026-04-29T09:00:00+02:00', channel: 'phone', summary: 'Ter plekke opgelost.' },
    })
  ).json();

  const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const page = await t.app.inject({ method: 'GET', url: '/' });
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const userIds = Object.values(t.users).map((u) => u.id);
  return {
    routes: routesOf(document),
    tokens: Object.fromEntries(Object.entries(t.users).map(([key, user]) => [key, user.token])),
    pathValues: {
      reference: [...references, 'VP-2026-99999'],
      token: [...tokens, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
      id: [...letters.map((l) => l.id), spot.id, userIds[0]!],
      kind: [...LETTER_KINDS, 'unknown'],
      language: ['nl', 'en', 'de'],
      anything: [
        'staff/complaints',
        'openapi.json',
        'docs',
        'complaints/../staff/settings',
        '.env',
        'assets/../../package.json',
      ],
    },
    csrf: { cookie, token: csrfTokenOf(page.body) },
    schemas: { document, ids: [...userIds, ...mentionIds], hostile: hostileValue },
  };
}
