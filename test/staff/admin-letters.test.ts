/**
 * Letter templates on the administrator pages: every kind and language listed with its version; the editor
 * lists the placeholders; saving makes a new version (audited) that letters use; a template the store
 * refuses comes back with the line named at the field and nothing saved; the preview is a PDF download of
 * the draft (read back with pdftotext) and saves nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../src/db/repositories/audit-log.ts';
import { loadTemplate } from '../../src/letters/template-store.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { readPdf } from '../letters/pdf-text.ts';
import { textOf } from '../pages/helpers.ts';
import { signedInAs } from './helpers.ts';

const BODY = `{{salutation}}

Op {{receivedDate}} kwam uw klacht binnen. {{handlerName}} behandelt hem.

Dit is een proefbrief voor {{reporterName}}.

Met vriendelijke groet,`;

describeEachDialect('administrator pages: letter templates', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  it('lists every letter per kind and language with its version', async () => {
    const admin = await signedInAs(t, 'admin');
    const page = await admin.get('/staff/admin/letters');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Ontvangstbevestiging Nederlands Standaardtekst – Bewerken');
    expect(text).toContain('Ontvangstbevestiging Engels Standaardtekst – Bewerken');
    expect(text).toContain('Uitnodiging voor de vragenlijst Engels Standaardtekst – Bewerken');
    expect(page.body).toContain('href="/staff/admin/letters/not_taken_up/en"');
    expect(page.body).toContain('aria-label="Niet in behandeling genomen (Engels) bewerken"');
    const editor = await admin.get('/staff/admin/letters/acknowledgement/nl');
    const editorText = textOf(editor.body);
    expect(editorText).toContain('Nu in gebruik: de standaardtekst.');
    expect(editorText).toContain(
      '{{summary}} (tekst) Korte omschrijving van de klacht door de behandelaar (nooit de tekst van de melder zelf)',
    );
    expect(editor.body).toContain('Wij hebben uw klacht ontvangen ({{reference}})');
    expect((await admin.get('/staff/admin/letters/memo/nl')).statusCode).toBe(404);
    expect((await admin.get('/staff/admin/letters/acknowledgement/de')).statusCode).toBe(404);
  });

  it('saves a new version that letters use, and audits it', async () => {
    t.setNow('2026-05-04T10:00:00+02:00');
    const admin = await signedInAs(t, 'admin');
    await admin.get('/staff/admin/letters/acknowledgement/nl');
    const saved = await admin.post('/staff/admin/letters/acknowledgement/nl', {
      subject: 'Uw klacht {{reference}} is ontvangen',
      body: BODY,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/staff/admin/letters/acknowledgement/nl?saved=1');
    expect(await loadTemplate(t.db.kysely, 'acknowledgement', 'nl')).toMatchObject({
      version: 1,
      subject: 'Uw klacht {{reference}} is ontvangen',
      body: BODY,
      changedBy: t.users.admin!.id,
    });
    const page = textOf((await admin.get(saved.headers.location!)).body);
    expect(page).toContain('Opgeslagen als versie 1. Nieuwe brieven gebruiken deze tekst.');
    expect(page).toContain('Nu in gebruik: versie 1.');
    expect(page).toContain('Eerdere versies Versie Wanneer Door 1 4 mei 2026 10:00 Beheerder Loket3');
    const list = textOf((await admin.get('/staff/admin/letters')).body);
    expect(list).toContain('Ontvangstbevestiging Nederlands 1 4 mei 2026 10:00, Beheerder Loket3 Bewerken');
    expect(list).toContain('Ontvangstbevestiging Engels Standaardtekst');
    const audit = await listAudit(t.db.kysely, { action: 'letter_template_changed' });
    expect(audit.map((e) => [e.actorId, e.targetType, e.targetId, e.details])).toEqual([
      [t.users.admin!.id, 'letter_template', 'acknowledgement/nl', { version: 1 }],
    ]);
  });

  it('names the line of what the store refuses, keeps the draft and saves nothing', async () => {
    const admin = await signedInAs(t, 'admin');
    await admin.get('/staff/admin/letters/findings/en');
    const refused = await admin.post('/staff/admin/letters/findings/en', {
      subject: 'Our findings ({{reference}})',
      body: '{{salutation}}\n\nWe looked into it.\n{{secretNotes}}\n{{#appealRoutes}}\n- {{text}}\n',
    });
    expect(refused.statusCode).toBe(400);
    const text = textOf(refused.body);
    expect(text).toContain(
      'Tekst van de brief: Regel 5: {{#appealRoutes}} wordt niet afgesloten met {{/appealRoutes}}.',
    );
    expect(refused.body).toContain('href="#field-body"');
    expect(refused.body).toContain('{{secretNotes}}');
    const unknown = await admin.post('/staff/admin/letters/findings/en', {
      subject: 'Our findings ({{reference}})',
      body: '{{salutation}}\n\nWe looked into it.\n{{secretNotes}}\n',
    });
    expect(textOf(unknown.body)).toContain(
      'Tekst van de brief: Regel 4: het invulveld {{secretNotes}} bestaat niet in deze brief.',
    );
    const english = await admin.post('/staff/admin/letters/findings/en?lang=en', {
      subject: '',
      body: 'Dear {{{reporterName}}},',
    });
    expect(textOf(english.body)).toContain('Subject: This field cannot be empty.');
    expect(textOf(english.body)).toContain(
      'Text of the letter: Line 1: {{{reporterName}}} and {{&reporterName}} are not allowed; use {{reporterName}}.',
    );
    expect((await loadTemplate(t.db.kysely, 'findings', 'en')).version).toBe(0);
  });

  it('previews the draft as a PDF download, filled from the sample complaint, without saving it', async () => {
    const admin = await signedInAs(t, 'admin');
    await admin.get('/staff/admin/letters/acknowledgement/en');
    const preview = await admin.post('/staff/admin/letters/acknowledgement/en/preview', {
      subject: 'Preview {{reference}}',
      body: 'Dear {{reporterName}},\n\nThis is a trial letter about {{reference}}.\n\nKind regards,',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.headers['content-disposition']).toBe(
      'attachment; filename="acknowledgement-en-preview.pdf"',
    );
    const pdf = readPdf(preview.rawPayload);
    expect(pdf.flat).toContain('Dear Zoë van Dijk,');
    expect(pdf.flat).toContain('This is a trial letter about VP-2026-');
    expect((await loadTemplate(t.db.kysely, 'acknowledgement', 'en')).version).toBe(0);

    const bad = await admin.post('/staff/admin/letters/acknowledgement/en/preview', {
      subject: 'Preview',
      body: 'Hello {{> header}}',
    });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain(
      'Tekst van de brief: Regel 1: {{> header}} (een deelsjabloon) is niet toegestaan.',
    );
  });
});
