/**
 * The annual analysis page (/staff/analysis) through inject, as a browser without JavaScript, on SQLite and
 * PostgreSQL: who may see and judge it, what it shows (every table with a chart that is an image with a title,
 * the verdicts in words), the publishable version without personal data, the downloads with the session, and
 * the judgement: saved with errors at their field and nothing typed lost, then adopted after a confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { readPdf } from '../letters/pdf-text.ts';
import { Session } from '../pages/helpers.ts';
import { type StaffBrowser, signedInAs } from '../staff/helpers.ts';
import { PERSONAL_VALUES } from './dataset.ts';
import { datasetApp } from './helpers.ts';

const text = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

describeEachDialect('the annual analysis page', (dialect) => {
  let t: TestApp;
  let qm: StaffBrowser;
  beforeAll(async () => {
    t = await datasetApp(dialect);
    qm = await signedInAs(t, 'qm');
  });
  afterAll(() => t.close());

  describe('who may', () => {
    it('sends someone not signed in to the sign-in page', async () => {
      const response = await new Session(t).get('/staff/analysis/2025');
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/staff/sign-in?next=%2Fstaff%2Fanalysis%2F2025');
    });

    it.each(['handler', 'advisor', 'coach'])('refuses %s (403), the page and the downloads', async (key) => {
      const browser = await signedInAs(t, key);
      for (const url of [
        '/staff/analysis',
        '/staff/analysis/2025',
        '/staff/analysis/2025.pdf',
        '/staff/analysis/2025.csv',
      ]) {
        expect((await browser.get(url)).statusCode).toBe(403);
      }
    });

    it('lets an administrator read, without the judgement form, and not judge', async () => {
      const admin = await signedInAs(t, 'admin');
      const page = await admin.get('/staff/analysis/2025');
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('name="trends_conclusions"');
      expect(text(page.body)).toContain(
        'De kwaliteitsmanager legt de conclusies vast en stelt de analyse vast. U kunt ze hier lezen.',
      );
      const post = await admin.post('/staff/analysis/2025/conclusions', { trends_conclusions: 'x' });
      expect(post.statusCode).toBe(403);
      expect((await admin.get('/staff/analysis/2025.xlsx')).statusCode).toBe(200);
    });
  });

  it('goes to the last complete year, and the chooser to the year chosen', async () => {
    expect((await qm.get('/staff/analysis')).headers.location).toBe('/staff/analysis/2025');
    expect((await qm.get('/staff/analysis?year=2024&version=publishable')).headers.location).toBe(
      '/staff/analysis/2024?version=publishable',
    );
    const bad = await qm.get('/staff/analysis/2027');
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain('Kies een jaar van 2014 tot en met 2026.');
  });

  it('shows every table with its chart, an image with a title and a description', async () => {
    const page = await qm.get('/staff/analysis/2025');
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain('Jaaranalyse 2025');
    expect(body).toContain('Klachten ontvangen 24 (2024: 11)');
    expect(body).toContain(
      'Afspraken en bereikbaarheid 1 1 12 1.103,3% significante stijging 0,02 1.004,7% significante stijging 0,002',
    );
    expect(body).toContain('Begeleiding door de jobcoach 0 2 4 100,5% geen duidelijke verandering');
    const tables = page.body.match(/<table /g) ?? [];
    const charts = [
      ...page.body.matchAll(/<svg role="img" aria-labelledby="chart-([\w-]+)-title chart-\1-desc"/g),
    ].map((m) => m[1]);
    expect(tables).toHaveLength(24);
    expect(charts).toEqual([
      'by-month',
      'by-channel',
      'by-category',
      'by-role',
      'by-commissioning-party',
      'by-team',
      'terms',
      'lead-times',
      'judgement',
      'offers',
      'measure-kinds',
      'survey',
      'prevention-decisions',
      'trend-category',
      'trend-channel',
    ]);
    expect(page.body).toContain('<title id="chart-by-channel-title">Klachten per kanaal</title>');
    expect(page.body).toContain(
      '<desc id="chart-by-channel-desc">Grafiek: Klachten per kanaal. De tabel ernaast bevat dezelfde cijfers.</desc>',
    );
    // Nothing that needs a script: no script element, no inline style (the CSP allows neither).
    expect(page.body).not.toMatch(/<script|style="/);
  });

  it('in English', async () => {
    // A browser of its own: the language chosen is remembered.
    const english = await signedInAs(t, 'qm');
    const page = await english.get('/staff/analysis/2025?lang=en');
    expect(text(page.body)).toContain('Complaints received 24 (2024: 11)');
    expect(text(page.body)).toContain('significant increase');
  });

  it('shows the publishable version without personal data, and without the form', async () => {
    const page = await qm.get('/staff/analysis/2025?version=publishable');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="trends_conclusions"');
    expect(text(page.body)).toContain('< 5');
    expect(PERSONAL_VALUES.filter((value) => text(page.body).includes(value))).toEqual([]);
    // The signed-in user's own name is in the header, as on every page; it is not the report's.
    expect(text(page.body)).toContain('Aangemeld als Petra de Vries');
  });

  it('downloads the PDF with the session', async () => {
    const response = await qm.get('/staff/analysis/2025.pdf?version=publishable');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="jaaranalyse-2025-publicatie.pdf"',
    );
    expect(readPdf(response.rawPayload).flat).toContain('Publicatieversie');
  });

  describe('the judgement', () => {
    it('keeps what was typed and names the field when a text is too long', async () => {
      await qm.get('/staff/analysis/2025');
      const response = await qm.post('/staff/analysis/2025/conclusions', {
        version: '0',
        trends_conclusions: 'Afspraken stijgen.',
        satisfaction_conclusions: 'x'.repeat(5001),
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#field-satisfaction_conclusions"');
      expect(response.body).toContain('>Afspraken stijgen.</textarea>');
    });

    it('saves the conclusions and shows them back', async () => {
      await qm.get('/staff/analysis/2025');
      const response = await qm.post('/staff/analysis/2025/conclusions', {
        version: '0',
        trends_conclusions: 'Afspraken stijgen duidelijk.',
        trends_actions: 'Herinneringen per sms.',
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/staff/analysis/2025?done=saved');
      const page = await qm.get('/staff/analysis/2025?done=saved');
      expect(text(page.body)).toContain('De conclusies zijn opgeslagen.');
      expect(page.body).toContain('>Afspraken stijgen duidelijk.</textarea>');
      expect(page.body).toContain('name="version" value="1"');
    });

    it('asks for every conclusion before adopting, saving what was typed', async () => {
      await qm.get('/staff/analysis/2025');
      const response = await qm.post('/staff/analysis/2025/adopt', {
        version: '1',
        trends_conclusions: 'Afspraken stijgen duidelijk.',
        satisfaction_conclusions: 'Meestal tevreden.',
      });
      expect(response.statusCode).toBe(400);
      expect(text(response.body)).toContain(
        'Schrijf een conclusie over preventie voordat u de analyse vaststelt.',
      );
      expect(response.body).toContain('href="#field-prevention_conclusions"');
      expect(response.body).toContain('>Meestal tevreden.</textarea>');
    });

    it('adopts after a confirmation, and then shows the judgement as adopted', async () => {
      await qm.get('/staff/analysis/2025');
      const confirm = await qm.post('/staff/analysis/2025/adopt', {
        version: '2',
        trends_conclusions: 'Afspraken stijgen duidelijk.',
        satisfaction_conclusions: 'Meestal tevreden.',
        prevention_conclusions: 'Nog te vroeg.',
      });
      expect(confirm.statusCode).toBe(200);
      expect(text(confirm.body)).toContain('Jaaranalyse 2025 vaststellen?');
      expect(text(confirm.body)).toContain('Conclusies: Nog te vroeg.');
      // A stale confirmation (someone saved in between) is refused.
      expect((await qm.post('/staff/analysis/2025/adopt/confirm', { version: '2' })).statusCode).toBe(409);
      const adopted = await qm.post('/staff/analysis/2025/adopt/confirm', { version: '3' });
      expect(adopted.statusCode).toBe(303);
      expect(adopted.headers.location).toBe('/staff/analysis/2025?done=adopted');
      const page = await qm.get('/staff/analysis/2025?done=adopted');
      const body = text(page.body);
      expect(body).toContain('De jaaranalyse 2025 is vastgesteld.');
      expect(body).toContain('Vastgesteld op 16 februari 2026 door Petra de Vries.');
      expect(body).toContain('Conclusies: Afspraken stijgen duidelijk.');
      expect(page.body).not.toContain('name="trends_conclusions"');
    });

    it('refuses a form without its CSRF token', async () => {
      const response = await qm.post('/staff/analysis/2024/conclusions', {
        _csrf: '',
        trends_conclusions: 'x',
      });
      expect(response.statusCode).toBe(403);
    });
  });

  it('gives staff users added later the same answers', async () => {
    // A second quality manager may judge too.
    await t.addUser('qm2', 'Ruud Hendriks', 'Kwaliteitsmedewerker', ['quality_manager']);
    const other = await signedInAs(t, 'qm2');
    expect((await other.get('/staff/analysis/2024')).body).toContain('name="trends_conclusions"');
  });
});
