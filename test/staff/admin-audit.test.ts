/**
 * The audit log viewer: newest first, 50 entries a page with a link to the older ones (keyset), filters by
 * who, action, about whom (an email or an id) and period (Amsterdam dates, the end date included), wrong
 * filters named at their field.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordAudit } from '../../src/db/repositories/audit-log.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { textOf } from '../pages/helpers.ts';
import { type StaffBrowser, signedInAs } from './helpers.ts';

const rowsOf = (html: string) => (html.match(/vp-nowrap/g) ?? []).length;

describeEachDialect('administrator pages: the audit log', (dialect) => {
  let t: TestApp;
  let admin: StaffBrowser;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    const qm = t.users.qm!;
    // 55 sign-ins of the quality manager on 1 May 2026, one a minute from 10:00 Amsterdam time.
    for (let i = 0; i < 55; i++) {
      await recordAudit(t.db.kysely, {
        at: new Date(Date.parse('2026-05-01T08:00:00Z') + i * 60_000),
        actorId: qm.id,
        actorLabel: qm.name,
        action: 'sign_in',
        targetType: 'user',
        targetId: qm.id,
        ip: '192.0.2.7',
        details: { method: 'password', stage: 'complete' },
      });
    }
    t.setNow('2026-05-04T10:00:00+02:00');
    admin = await signedInAs(t, 'admin');
    await admin.get('/staff/admin/users/new');
    const created = await admin.post('/staff/admin/users', {
      name: 'Lotte Visser',
      email: 'lotte@loket3.example',
      jobTitle: 'Jobcoach',
      'roles-receiver': 'yes',
      active: 'yes',
    });
    expect(created.statusCode).toBe(303);
  });
  afterAll(() => t.close());

  it('shows the newest 50 entries first and the older ones on the next page', async () => {
    const first = await admin.get('/staff/admin/audit');
    expect(first.statusCode).toBe(200);
    expect(rowsOf(first.body)).toBe(50);
    const text = textOf(first.body);
    expect(text).toContain(
      '4 mei 2026 10:00 Beheerder Loket3 Gebruiker aangemaakt user_created Lotte Visser active: true; roles: ["receiver"]',
    );
    expect(text).toContain(
      '1 mei 2026 10:54 Petra de Vries Aangemeld sign_in Petra de Vries method: password; stage: complete 192.0.2.7',
    );
    expect(text).not.toContain('1 mei 2026 10:05');
    const older = first.body.match(/href="(\/staff\/admin\/audit\?after=[^"]+)"/)?.[1];
    expect(older).toBeDefined();
    const second = await admin.get(older!.replace(/&amp;/g, '&'));
    expect(rowsOf(second.body)).toBe(6);
    const secondText = textOf(second.body);
    expect(secondText).toContain('1 mei 2026 10:05 Petra de Vries Aangemeld');
    expect(secondText).toContain('1 mei 2026 10:00 Petra de Vries Aangemeld');
    expect(secondText).not.toContain('Oudere regels');
    expect(second.body).toContain('href="/staff/admin/audit">Naar de nieuwste regels</a>');
  });

  it('filters by who, action, about whom and period', async () => {
    const byAdmin = await admin.get(`/staff/admin/audit?actor=${t.users.admin!.id}`);
    expect(rowsOf(byAdmin.body)).toBe(1);
    const signIns = await admin.get('/staff/admin/audit?action=sign_in');
    expect(rowsOf(signIns.body)).toBe(50);
    const next = signIns.body.match(/href="(\/staff\/admin\/audit\?action=sign_in&amp;after=[^"]+)"/)?.[1];
    expect(rowsOf((await admin.get(next!.replace(/&amp;/g, '&'))).body)).toBe(5);
    const aboutQm = await admin.get(
      '/staff/admin/audit?target=QM%40loket3.example&from=2026-05-01&to=2026-05-01',
    );
    expect(rowsOf(aboutQm.body)).toBe(50);
    expect(aboutQm.body).toContain('value="QM@loket3.example"');
    const may4 = await admin.get('/staff/admin/audit?from=2026-05-04&to=2026-05-04');
    expect(rowsOf(may4.body)).toBe(1);
    expect(textOf(may4.body)).toContain('Gebruiker aangemaakt user_created Lotte Visser');
    const may2and3 = await admin.get('/staff/admin/audit?from=2026-05-02&to=2026-05-03');
    expect(rowsOf(may2and3.body)).toBe(0);
    expect(textOf(may2and3.body)).toContain('Geen regels gevonden.');
  });

  it('names wrong filters at their field, in Dutch and English', async () => {
    const wrongDate = await admin.get('/staff/admin/audit?from=2026-13-01');
    expect(wrongDate.statusCode).toBe(400);
    expect(textOf(wrongDate.body)).toContain(
      'Van: Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-04-30.',
    );
    expect(wrongDate.body).toContain('href="#field-from"');
    const backwards = await admin.get('/staff/admin/audit?from=2026-05-04&to=2026-05-01&lang=en');
    expect(backwards.statusCode).toBe(400);
    expect(textOf(backwards.body)).toContain('Up to and including: The end date is before the start date.');
    const badCursor = await admin.get('/staff/admin/audit?after=bm9uc2Vuc2U&lang=nl');
    expect(badCursor.statusCode).toBe(400);
    expect(textOf(badCursor.body)).toContain(
      'Deze paginalink is niet (meer) geldig. Begin bij de nieuwste regels.',
    );
  });
});
