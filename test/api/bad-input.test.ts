/**
 * Every endpoint refuses bad input with a 4xx problem that names the field, and writes nothing.
 * The action routes are generated from one schema catalogue, so this walks the whole catalogue.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTION_NAMES } from '../../src/domain/lifecycle.ts';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describeEachDialect('bad input to every endpoint', (dialect) => {
  let t: TestApp;
  let reference: string;
  let version: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    reference = (await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Testklacht voor foute invoer.' } })).json().reference;
    version = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json().version;
  });
  afterAll(() => t.close());

  it.each(ACTION_NAMES)('%s: an unknown field and a wrong type are named, nothing changes', async (action) => {
    const response = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/${kebab(action)}`, {
      as: 'qm',
      body: { unexpected: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(response.json().errors).toContainEqual({ field: 'unexpected', message: 'Dit veld is onbekend.' });
    const notAnObject = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/${kebab(action)}`, { as: 'qm', body: [1, 2] });
    expect(notAnObject.statusCode).toBe(400);
    expect(notAnObject.json().errors).toContainEqual({ field: 'body', message: 'Verkeerd type: verwacht een object.' });
    const after = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect(after.version).toBe(version);
  });

  it('names missing required fields of an action in English too', async () => {
    const response = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/decide`, { as: 'qm', body: { judgement: 'sort_of' }, lang: 'en' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['cause', 'findings', 'judgement', 'reasons', 'responsibleParty', 'severity']);
    expect(response.json().errors).toContainEqual({ field: 'judgement', message: 'Choose one of the allowed values.' });
  });

  it('names a malformed reference, If-Match header and cursor', async () => {
    const ref = await call(t, 'GET', '/api/v1/staff/complaints/DROP-TABLE', { as: 'qm' });
    expect(ref.statusCode).toBe(400);
    expect(ref.json().errors[0].field).toBe('params.reference');
    const ifMatch = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/withdraw`, { as: 'qm', body: {}, headers: { 'if-match': 'yesterday' } });
    expect(ifMatch.statusCode).toBe(400);
    expect(ifMatch.json().errors[0].field).toBe('headers.if-match');
    const cursor = await call(t, 'GET', '/api/v1/staff/complaints?cursor=bm9wZQ', { as: 'qm' });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors).toEqual([{ field: 'cursor', message: 'Ongeldige cursor.' }]);
    const missing = await call(t, 'GET', '/api/v1/staff/complaints/VP-2026-99999', { as: 'qm' });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses bad spot records and settings bodies with the field named', async () => {
    const spot = await call(t, 'POST', '/api/v1/staff/spot-records', { as: 'advisor', body: { receivedAt: 'gisteren', channel: 'web', summary: '' } });
    expect(spot.statusCode).toBe(400);
    expect(spot.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['receivedAt', 'summary']);
    const period = await call(t, 'GET', '/api/v1/staff/spot-records?from=2026-13-01', { as: 'qm' });
    expect(period.statusCode).toBe(400);
    expect(period.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.from', 'query.to']);
  });
});
