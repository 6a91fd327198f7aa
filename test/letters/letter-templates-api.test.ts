/**
 * The administrators' template API on a real app and database (SQLite and PostgreSQL): read every template
 * with its placeholders, save a validated new version, preview a draft as PDF. Non-administrators get 403;
 * invalid input gets a problem document naming the field.
 *
 * The staff API registers the routes behind its personal-access-token hook (src/http/api/staff.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { readPdf } from './pdf-text.ts';

const BASE = '/api/v1/staff/letter-templates';

function send(
  t: TestApp,
  method: 'PUT' | 'POST' | 'GET',
  url: string,
  as: string,
  body?: unknown,
  lang?: string,
) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${t.users[as]!.token}`, ...(lang ? { 'accept-language': lang } : {}) },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
}

describeEachDialect('letter template API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('is for administrators only', async () => {
    for (const as of ['qm', 'handler']) {
      expect((await send(t, 'GET', BASE, as)).statusCode).toBe(403);
      const put = await send(t, 'PUT', `${BASE}/acknowledgement/nl`, as, { subject: 'x', body: 'y' });
      expect(put.statusCode).toBe(403);
      expect(put.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(put.json()).toMatchObject({ status: 403, code: 'forbidden' });
      expect(
        (await send(t, 'POST', `${BASE}/acknowledgement/nl/preview`, as, { subject: 'x', body: 'y' }))
          .statusCode,
      ).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: BASE })).statusCode).toBe(401);
  });

  it('lists every kind × language in force with its version and placeholders', async () => {
    const response = await send(t, 'GET', BASE, 'admin');
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items).toHaveLength(16);
    const ack = items.find(
      (i: { kind: string; language: string }) => i.kind === 'acknowledgement' && i.language === 'nl',
    );
    expect(ack).toMatchObject({
      version: 0,
      changedBy: null,
      changedAt: null,
      subject: 'Wij hebben uw klacht ontvangen ({{reference}})',
    });
    const names = ack.placeholders.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['reference', 'summary', 'handlerName', 'resolveByDate', 'rightToBeHeard']),
    );
    expect(names).not.toContain('judgement');
    const findings = items.find(
      (i: { kind: string; language: string }) => i.kind === 'findings' && i.language === 'en',
    );
    expect(findings.placeholders.find((p: { name: string }) => p.name === 'appealRoutes')).toMatchObject({
      type: 'list',
      fields: [{ name: 'text', type: 'text' }],
    });
  });

  it('refuses an invalid template with 400 naming the field and the line', async () => {
    const unknown = await send(t, 'PUT', `${BASE}/acknowledgement/nl`, 'admin', {
      subject: 'Klacht {{reference}}',
      body: 'Beste,\n\n{{geheim}}',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'invalid_input',
      detail: 'Regel 3: het invulveld {{geheim}} bestaat niet in deze brief.',
      errors: [{ field: 'body', message: 'Regel 3: het invulveld {{geheim}} bestaat niet in deze brief.' }],
    });
    const english = await send(
      t,
      'PUT',
      `${BASE}/acknowledgement/nl`,
      'admin',
      { subject: '{{> x}}', body: 'ok' },
      'en',
    );
    expect(english.json()).toMatchObject({
      errors: [{ field: 'subject', message: 'Line 1: {{> x}} (a partial) is not allowed.' }],
    });

    const missing = await send(t, 'PUT', `${BASE}/acknowledgement/nl`, 'admin', { body: 'ok' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'subject' })]);
    const extra = await send(t, 'PUT', `${BASE}/acknowledgement/nl`, 'admin', {
      subject: 'a',
      body: 'b',
      script: 'x',
    });
    expect(extra.json().errors).toEqual([expect.objectContaining({ field: 'script' })]);
    const badKind = await send(t, 'PUT', `${BASE}/love_letter/nl`, 'admin', { subject: 'a', body: 'b' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors).toEqual([expect.objectContaining({ field: 'params.kind' })]);
    const badLanguage = await send(t, 'PUT', `${BASE}/findings/de`, 'admin', { subject: 'a', body: 'b' });
    expect(badLanguage.json().errors).toEqual([expect.objectContaining({ field: 'params.language' })]);

    expect(
      (await send(t, 'GET', BASE, 'admin')).json().items.every((i: { version: number }) => i.version === 0),
    ).toBe(true);
  });

  it('stores a valid template as a new version with who and when', async () => {
    t.setNow('2026-05-04T10:15:00+02:00');
    const body = {
      subject: 'Uw klacht {{reference}} is binnen',
      body: '{{salutation}}\n\nWij hebben uw klacht ontvangen.\n\nMet vriendelijke groet,',
    };
    const saved = await send(t, 'PUT', `${BASE}/acknowledgement/nl`, 'admin', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      kind: 'acknowledgement',
      language: 'nl',
      version: 1,
      ...body,
      changedBy: t.users.admin!.id,
      changedAt: '2026-05-04T08:15:00.000Z',
    });
    const again = await send(t, 'PUT', `${BASE}/acknowledgement/nl`, 'admin', body);
    expect(again.json().version).toBe(2);
    const list = (await send(t, 'GET', BASE, 'admin')).json().items;
    expect(
      list.find(
        (i: { kind: string; language: string }) => i.kind === 'acknowledgement' && i.language === 'nl',
      ).version,
    ).toBe(2);
  });

  it('previews a draft as a PDF from the sample complaint', async () => {
    const response = await send(t, 'POST', `${BASE}/findings/en/preview`, 'admin', {
      subject: 'Preview {{reference}}',
      body: '{{salutation}}\n\nWe find your complaint {{judgement}}.\n{{#appealRoutes}}\n- {{text}}\n{{/appealRoutes}}',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = readPdf(response.rawPayload).flat;
    expect(text).toContain('Preview VP-2026-00042');
    expect(text).toContain('Dear Zoë van Dijk,');
    expect(text).toContain('We find your complaint well-founded.');
    expect(text).toContain('In third instance: the National Ombudsman');
    // A preview stores nothing.
    const list = (await send(t, 'GET', BASE, 'admin')).json().items;
    expect(list.find((i: { kind: string }) => i.kind === 'findings').version).toBe(0);
  });

  it('previews with an existing complaint, and names the field when it cannot', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const created = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { name: 'Noëlle Visser', email: 'noelle@example.nl' },
        description: 'De afspraak ging niet door.',
      },
    });
    expect(created.statusCode).toBe(201);
    const { reference } = created.json();
    const response = await send(t, 'POST', `${BASE}/acknowledgement/nl/preview`, 'admin', {
      subject: 'Klacht {{reference}}',
      body: '{{salutation}}\n\nOntvangen op {{receivedDate}}.',
      reference,
    });
    expect(response.statusCode).toBe(200);
    const text = readPdf(response.rawPayload).flat;
    expect(text).toContain(`Klacht ${reference}`);
    expect(text).toContain('Geachte Noëlle Visser,');
    expect(text).toContain('Ontvangen op 30 april 2026.');
    expect(text).not.toContain('De afspraak ging niet door.');

    const unknown = await send(t, 'POST', `${BASE}/acknowledgement/nl/preview`, 'admin', {
      subject: 'a',
      body: 'b',
      reference: 'VP-2026-99999',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'reference' })]);
    const malformed = await send(t, 'POST', `${BASE}/acknowledgement/nl/preview`, 'admin', {
      subject: 'a',
      body: 'b',
      reference: 'x',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([expect.objectContaining({ field: 'reference' })]);
    const invalid = await send(t, 'POST', `${BASE}/acknowledgement/nl/preview`, 'admin', {
      subject: 'a',
      body: '{{#summary}}',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([
      { field: 'body', message: 'Regel 1: {{#summary}} wordt niet afgesloten met {{/summary}}.' },
    ]);
  });

  it('publishes its schemas in the OpenAPI document', async () => {
    await t.app.ready();
    const paths = (
      t.app as unknown as { swagger(): { paths: Record<string, Record<string, unknown>> } }
    ).swagger().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([BASE, `${BASE}/{kind}/{language}`, `${BASE}/{kind}/{language}/preview`]),
    );
    const preview = paths[`${BASE}/{kind}/{language}/preview`]!.post as {
      responses: Record<string, { content: Record<string, unknown> }>;
    };
    expect(Object.keys(preview.responses['200']!.content)).toEqual(['application/pdf']);
  });
});
