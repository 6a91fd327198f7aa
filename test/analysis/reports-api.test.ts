/**
 * The annual analysis over the staff API, on SQLite and PostgreSQL: who may read and who may judge, the
 * report as JSON, the PDF read back with pdftotext, the CSV and XLSX exports read back, bad input named by
 * field, and the quality manager's conclusions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { readPdf } from '../letters/pdf-text.ts';
import { datasetApp, get, parseCsv, put, readXlsx } from './helpers.ts';

const CONCLUSIONS = {
  trends: { conclusions: 'Afspraken: duidelijke stijging.', actions: 'Agenda-herinneringen invoeren.' },
  satisfaction: { conclusions: 'Meestal tevreden na het eerste aanbod.', actions: '' },
  prevention: { conclusions: 'Te vroeg om te zeggen.', actions: 'Over een half jaar opnieuw bekijken.' },
};

describeEachDialect('annual analysis API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await datasetApp(dialect);
  });
  afterAll(() => t.close());

  describe('who may', () => {
    const reads = [
      '/api/v1/staff/reports',
      '/api/v1/staff/reports/2025',
      '/api/v1/staff/reports/2025.pdf',
      '/api/v1/staff/reports/2025.csv',
      '/api/v1/staff/reports/2025.xlsx?version=publishable',
    ];
    it.each(reads)('GET %s: 403 for a handler and a receiver, 401 without a token', async (url) => {
      expect((await get(t, 'handler', url)).statusCode).toBe(403);
      expect((await get(t, 'advisor', url)).statusCode).toBe(403);
      expect((await call(t, 'GET', url)).statusCode).toBe(401);
    });

    it('lets quality managers and administrators read', async () => {
      for (const as of ['qm', 'admin']) {
        expect((await get(t, as, '/api/v1/staff/reports/2025')).statusCode).toBe(200);
        expect((await get(t, as, '/api/v1/staff/reports/2025.csv')).statusCode).toBe(200);
      }
      expect((await get(t, 'admin', '/api/v1/staff/reports/2025.pdf?version=publishable')).statusCode).toBe(
        200,
      );
    });

    it('lets only the quality manager judge and adopt (403 for an administrator, a handler, a receiver)', async () => {
      for (const as of ['admin', 'handler', 'advisor']) {
        expect(
          (await put(t, as, '/api/v1/staff/reports/2025/conclusions', { conclusions: CONCLUSIONS }))
            .statusCode,
        ).toBe(403);
        const adopt = await call(t, 'POST', '/api/v1/staff/reports/2025/adopt', {
          as,
          body: { conclusions: CONCLUSIONS },
        });
        expect(adopt.statusCode).toBe(403);
        expect(adopt.json()).toMatchObject({ code: 'forbidden' });
      }
    });
  });

  it('lists the years from the first data to this year, none adopted', async () => {
    const response = await get(t, 'qm', '/api/v1/staff/reports');
    expect(response.json()).toEqual({
      years: [
        { year: 2026, adopted: false, adoptedAt: null },
        { year: 2025, adopted: false, adoptedAt: null },
        { year: 2024, adopted: false, adoptedAt: null },
        { year: 2023, adopted: false, adoptedAt: null },
      ],
    });
  });

  it('gives the internal report with its figures and the publishable one without', async () => {
    const internal = (await get(t, 'qm', '/api/v1/staff/reports/2025')).json();
    expect(internal).toMatchObject({ year: 2025, version: 'internal', language: 'nl', adoption: null });
    expect(internal.figures.current.volume.total).toBe(24);
    expect(internal.analysis).toMatchObject({ year: 2025, version: 0, adoption: null });
    expect(internal.document.title).toBe('Jaaranalyse klachten 2025');

    const publishable = (await get(t, 'qm', '/api/v1/staff/reports/2025?version=publishable&lang=en')).json();
    expect(publishable).toMatchObject({
      version: 'publishable',
      language: 'en',
      figures: null,
      analysis: null,
    });
    expect(publishable.document.title).toBe('Annual analysis of complaints 2025');
    expect(publishable.document.sections.map((s: { id: string }) => s.id)).toEqual([
      'summary',
      'volume',
      'timeliness',
      'outcomes',
      'prevention',
      'trends',
      'definitions',
    ]);
  });

  it('renders the PDF with DejaVu Sans embedded, the tables and the verdicts in words', async () => {
    const response = await get(t, 'qm', '/api/v1/staff/reports/2025.pdf');
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="jaaranalyse-2025.pdf"');
    const pdf = readPdf(response.rawPayload);
    for (const text of [
      'Jaaranalyse klachten 2025',
      'Loket3 · cijfers per 16 februari 2026',
      'Interne versie: voor de kwaliteitsmanager en de directie. Niet publiceren.',
      'Klachten ontvangen 24 2024: 11',
      'Ontvangst op tijd bevestigd (5 werkdagen) 85,7% 2024: 100%',
      'Afspraken en bereikbaarheid 1 12',
      'Vestiging Amersfoort 0 6',
      // The terms table's resolution row: on time, late, overdue, running, not owed, total, % 2025, % 2024.
      '15 2 5 0 2 24 68,2% 100%',
      // The trends of appointments (1, 1, 12) and of coaching (0, 2, 4: a rise from 2 to 4).
      '1 1 12 1.103,3% significante stijging 0,02 1.004,7% significante stijging 0,002',
      '0 2 4 100,5% geen duidelijke verandering 1 268,2% geen duidelijke verandering 1',
      '2023 (vanaf 1 mrt)',
      'Zijn er trends zichtbaar?',
    ]) {
      expect(pdf.flat).toContain(text);
    }
    expect(pdf.fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(pdf.fonts).not.toMatch(/Helvetica|Times|Courier/);
  });

  it('exports one row per complaint as CSV, with documented columns', async () => {
    const response = await get(t, 'qm', '/api/v1/staff/reports/2025.csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.startsWith('\uFEFF"Kenmerk","Ontvangen op","Kanaal"')).toBe(true);
    const rows = parseCsv(response.body);
    expect(rows).toHaveLength(25);
    const header = rows[0]!;
    const row = Object.fromEntries(
      header.map((name, i) => [name, rows.find((r) => r[0] === 'VP-2025-00003')![i]]),
    );
    expect(row).toEqual({
      Kenmerk: 'VP-2025-00003',
      'Ontvangen op': '2025-03-03',
      Kanaal: 'Telefoon',
      Categorie: 'Afspraken en bereikbaarheid',
      'Team of vestiging': 'Vestiging Amersfoort',
      'Soort melder': 'Werkgever',
      Anoniem: 'nee',
      'Soort opdrachtgever': 'Werkgever',
      Status: 'Preventie besloten',
      Behandelaar: 'Behandelaar Van Leeuwen-16',
      'Korte omschrijving': 'Afspraken niet nagekomen volgens melder nummer 16.',
      'Ontvangstbevestiging uiterlijk': '2025-03-10',
      'Ontvangst bevestigd op': '2025-03-12',
      Ontvangstbevestiging: 'te laat',
      'Werkdagen tot bevestiging': '7',
      'Afhandeling uiterlijk': '2025-04-01',
      'Afgehandeld op': '2025-04-07',
      Afhandeling: 'te laat',
      'Werkdagen tot afhandeling': '25',
      'Verlenging (werkdagen)': '',
      'Verslag uiterlijk': '2025-05-09',
      'Verslag verstuurd op': '2025-04-08',
      'Schriftelijk verslag': 'op tijd',
      'Werkdagen tot verslag': '1',
      'Grond niet in behandeling': '',
      'Ingetrokken op': '',
      Oordeel: 'Deels gegrond',
      'Aantal aanbiedingen': '2',
      'Reactie op eerste aanbod': 'niet tevreden',
      'Reactie op laatste aanbod': 'tevreden',
      'Corrigerende maatregelen': 'Genoegdoening; Vervangende dienst',
      'Afgesproken maatregelen': '0',
      'Afgesproken maatregelen uitgevoerd': '0',
      'Beroep of escalatie naar': '',
      Preventie: 'Maatregelen besloten',
      'Preventieve maatregelen': '2',
      'Preventief op tijd uitgevoerd': '0',
      'Preventief uitgevoerd': '1',
      'Preventief effectief': '0',
      'Aantal keer heropend': '0',
      'Afgesloten op': '',
      'Vragenlijst: goed behandeld': '',
      'Vragenlijst: op tijd': '',
    });
    // Newest first, like the staff list.
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'VP-2025-00024',
      'VP-2025-00012',
      'VP-2025-00021',
      'VP-2025-00011',
      'VP-2025-00016',
      'VP-2025-00010',
      'VP-2025-00020',
      'VP-2025-00009',
      'VP-2025-00008',
      'VP-2025-00019',
      'VP-2025-00007',
      'VP-2025-00015',
      'VP-2025-00006',
      'VP-2025-00022',
      'VP-2025-00005',
      'VP-2025-00018',
      'VP-2025-00004',
      'VP-2025-00023',
      'VP-2025-00014',
      'VP-2025-00003',
      'VP-2025-00002',
      'VP-2025-00017',
      'VP-2025-00013',
      'VP-2025-00001',
    ]);
  });

  it('exports the same rows as XLSX, dates as dates and numbers as numbers', async () => {
    const response = await get(t, 'qm', '/api/v1/staff/reports/2025.xlsx?lang=en');
    expect(response.headers['content-disposition']).toBe('attachment; filename="jaaranalyse-2025.xlsx"');
    const sheets = await readXlsx(response.rawPayload);
    expect(Object.keys(sheets)).toEqual(['Complaints 2025']);
    const rows = sheets['Complaints 2025']!;
    expect(rows).toHaveLength(25);
    expect(rows[0]!.slice(0, 4)).toEqual(['Reference', 'Received on', 'Channel', 'Category']);
    const row = rows.find((r) => r[0] === 'VP-2025-00010')!;
    expect(row.slice(0, 9)).toEqual([
      'VP-2025-00010',
      '2025-10-06',
      'In person',
      'Appointments and availability',
      'Utrecht office',
      'On behalf of someone else',
      'no',
      'UWV',
      'Final report sent',
    ]);
    // Extension of 10 working days; resolved 17 November 2025, 30 working days after receipt, on time (due 18 November).
    const header = rows[0]!;
    const at = (name: string) => row[header.indexOf(name)];
    expect([
      at('Extension (working days)'),
      at('Resolved on'),
      at('Working days to resolution'),
      at('Resolution'),
    ]).toEqual([10, '2025-11-17', 30, 'on time']);
  });

  it('exports the publishable tables as CSV in long form, small counts as "< 5"', async () => {
    const rows = parseCsv((await get(t, 'qm', '/api/v1/staff/reports/2025.csv?version=publishable')).body);
    expect(rows[0]).toEqual(['Hoofdstuk', 'Tabel', 'Rij', 'Kolom', 'Waarde', 'Weergave']);
    const cell = (table: string, row: string, column: string) =>
      rows.find((r) => r[1] === table && r[2] === row && r[3] === column)?.slice(4);
    expect(cell('Klachten per kanaal', 'Website', '2025')).toEqual(['12', '12']);
    expect(cell('Klachten per kanaal', 'Brief', '2025')).toEqual(['', '< 5']);
    // Judgement 2025: partly well-founded 3 is small; well-founded 6 hidden with it, else 24 − 6 − 9 would give it.
    expect(cell('Oordeel over de klacht', 'Deels gegrond', '2025')).toEqual(['', '< 5']);
    expect(cell('Oordeel over de klacht', 'Gegrond', '2025')).toEqual(['', '(afgeschermd)']);
    expect(cell('Oordeel over de klacht', 'Ongegrond', '2025')).toEqual(['6', '6']);
  });

  describe('bad input is named', () => {
    it.each([
      ['/api/v1/staff/reports/2027', 'year'],
      ['/api/v1/staff/reports/2013.pdf', 'year'],
      ['/api/v1/staff/reports/2025?version=secret', 'query.version'],
      ['/api/v1/staff/reports/2025.csv?lang=de', 'query.lang'],
      ['/api/v1/staff/reports/20251', 'params.year'],
    ])('%s: 400 about %s', async (url, field) => {
      const response = await get(t, 'qm', url);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('says it in English when asked', async () => {
      const response = await get(t, 'qm', '/api/v1/staff/reports/2027', 'en');
      expect(response.json().errors).toEqual([
        { field: 'year', message: 'Choose a year from 2014 to 2026.' },
      ]);
    });
  });

  describe('the conclusions', () => {
    it('are saved as a draft, with a version against concurrent edits', async () => {
      const saved = await put(t, 'qm', '/api/v1/staff/reports/2025/conclusions', {
        conclusions: {
          ...CONCLUSIONS,
          trends: { conclusions: '  Afspraken: duidelijke stijging.  ', actions: '' },
        },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        year: 2025,
        version: 1,
        conclusions: { trends: { conclusions: 'Afspraken: duidelijke stijging.', actions: '' } },
        adoption: null,
      });
      const stale = await put(
        t,
        'qm',
        '/api/v1/staff/reports/2025/conclusions',
        { conclusions: CONCLUSIONS },
        { 'if-match': '"0"' },
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    });

    it('must answer every question before adopting, and the year must be over', async () => {
      const incomplete = await call(t, 'POST', '/api/v1/staff/reports/2025/adopt', {
        as: 'qm',
        body: { conclusions: { ...CONCLUSIONS, prevention: { conclusions: ' ', actions: 'x' } } },
      });
      expect(incomplete.statusCode).toBe(400);
      expect(incomplete.json().errors).toEqual([
        {
          field: 'conclusions.prevention.conclusions',
          message: 'Schrijf een conclusie over preventie voordat u de analyse vaststelt.',
        },
      ]);
      const early = await call(t, 'POST', '/api/v1/staff/reports/2026/adopt', {
        as: 'qm',
        body: { conclusions: CONCLUSIONS },
      });
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({
        code: 'guard_failed',
        detail: 'Het jaar 2026 is nog niet voorbij; vaststellen kan vanaf 1 januari 2027.',
      });
    });

    it('refuses a text that is too long, naming the field', async () => {
      const response = await put(t, 'qm', '/api/v1/staff/reports/2025/conclusions', {
        conclusions: { ...CONCLUSIONS, satisfaction: { conclusions: 'x'.repeat(5001), actions: '' } },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('conclusions.satisfaction.conclusions');
    });
  });
});
