/**
 * The staff list's text search and keyset pages on their indexes (migration 0008), on SQLite and PostgreSQL:
 * what is found must not depend on which index serves the query.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootstrap } from '../../src/commands/bootstrap.ts';
import { loadOrganisationOf } from '../../src/commands/context.ts';
import {
  findComplaintByReference,
  insertComplaint,
  insertComplaints,
  listComplaints,
  updateComplaint,
} from '../../src/db/repositories/complaints.ts';
import type { Complaint } from '../../src/domain/complaint.ts';
import { newComplaint } from '../../src/domain/intake.ts';
import {
  describeEachDialect,
  type TestDb,
  whileTestSchemasStay,
  withTestDatabase,
} from '../helpers/databases.ts';

const NOW = '2026-11-26T10:00:00.000Z';

describeEachDialect('staff list: search and keyset pages', (dialect) => {
  let db: TestDb;
  let counter = 0;

  async function add(
    reference: string,
    receivedAt: string,
    fields: { name?: string; email?: string; description: string },
  ) {
    const organisation = await loadOrganisationOf(db);
    const complaint = newComplaint(
      {
        description: fields.description,
        ...(fields.name || fields.email
          ? {
              reporter: {
                ...(fields.name ? { name: fields.name } : {}),
                ...(fields.email ? { email: fields.email } : {}),
              },
            }
          : {}),
      },
      {
        id: `c-${String(++counter).padStart(3, '0')}`,
        reference,
        channel: 'web',
        receivedAt,
        receiverId: null,
      },
      {
        now: NOW,
        actor: { userId: null, name: 'reporter', roles: [], reporter: true },
        ...organisation,
        users: new Map(),
        newId: () => `m-${++counter}`,
      },
    );
    await insertComplaint(db.kysely, complaint, `hash-${reference}`);
    return complaint;
  }

  const search = async (text: string) =>
    (await listComplaints(db.kysely, { text }, { limit: 50 })).items.map((c) => c.reference).sort();

  beforeAll(async () => {
    db = await withTestDatabase(dialect);
    await whileTestSchemasStay(() => bootstrap(db, '/nonexistent/organisation.json', new Date(NOW)));
    await add('VP-2026-00001', '2026-03-02T09:00:00.000Z', {
      name: 'Anouk Verbeek',
      email: 'anouk@example.org',
      description: 'Mijn jobcoach kwam drie keer niet.',
    });
    await add('VP-2026-00002', '2026-03-03T09:00:00.000Z', {
      name: 'Emre Yılmaz',
      email: 'emre.yilmaz@example.org',
      description: 'De reiskosten zijn 100% niet vergoed_ nog steeds.',
    });
    await add('VP-2026-00003', '2026-03-04T09:00:00.000Z', {
      name: 'ÉLODIE Dubois',
      description: 'Niemand belde terug over mijn "dossier".',
    });
    await add('VP-2026-00004', '2026-03-05T09:00:00.000Z', {
      description: 'Anoniem: de jobcoach was onbeleefd.',
    });
    // Five received at the same instant: the keyset must order them by id and lose none.
    for (let i = 5; i <= 9; i++)
      await add(`VP-2026-0000${i}`, '2026-03-06T09:00:00.000Z', { description: `Zelfde moment ${i}.` });
  });
  afterAll(() => db.close());

  it('finds a substring of the reference, the description, the name and the email, whatever its case', async () => {
    expect(await search('VP-2026-00002')).toEqual(['VP-2026-00002']);
    expect(await search('vp-2026-0000')).toHaveLength(9);
    expect(await search('JOBCOACH')).toEqual(['VP-2026-00001', 'VP-2026-00004']);
    expect(await search('verbeek')).toEqual(['VP-2026-00001']);
    expect(await search('yilmaz@exa')).toEqual(['VP-2026-00002']);
    expect(await search('nobody-has-this')).toEqual([]);
  });

  it('takes wildcards and quotes in the text literally', async () => {
    expect(await search('100%')).toEqual(['VP-2026-00002']);
    expect(await search('d_')).toEqual(['VP-2026-00002']);
    expect(await search('%')).toEqual(['VP-2026-00002']);
    expect(await search('"dossier"')).toEqual(['VP-2026-00003']);
    expect(await search('n "d')).toEqual(['VP-2026-00003']);
  });

  it('never matches across two fields', async () => {
    // "Verbeek" ends the name and "anouk@" starts the email: together they are no substring of either.
    expect(await search('Verbeek anouk')).toEqual([]);
    expect(await search('Verbeekanouk')).toEqual([]);
  });

  it('matches short texts (one or two characters) too', async () => {
    // 'niet' (twice), 'Niemand', 'Anoniem'.
    expect(await search('Ni')).toEqual(['VP-2026-00001', 'VP-2026-00002', 'VP-2026-00003', 'VP-2026-00004']);
    expect(await search('"')).toEqual(['VP-2026-00003']);
  });

  it('follows a changed reporter name, and forgets a deleted complaint', async () => {
    const complaint = (await findComplaintByReference(db.kysely, 'VP-2026-00001')) as Complaint;
    await updateComplaint(
      db.kysely,
      { ...complaint, reporter: { ...complaint.reporter, name: 'Geanonimiseerd' } },
      complaint.version,
    );
    expect(await search('verbeek')).toEqual([]);
    expect(await search('geanonimiseerd')).toEqual(['VP-2026-00001']);
    const extra = await add('VP-2026-00010', '2026-03-07T09:00:00.000Z', {
      description: 'Tijdelijk zoekwoord xyzzy.',
    });
    expect(await search('xyzzy')).toEqual(['VP-2026-00010']);
    await db.kysely.deleteFrom('complaint_work_items').where('complaint_id', '=', extra.id).execute();
    await db.kysely.deleteFrom('complaints').where('id', '=', extra.id).execute();
    expect(await search('xyzzy')).toEqual([]);
  });

  it('pages newest first by (received_at, id), two at a time, each complaint once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listComplaints>> = await listComplaints(
        db.kysely,
        {},
        { limit: 2, cursor },
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(['c-009', 'c-008', 'c-007', 'c-006', 'c-005', 'c-004', 'c-003', 'c-002', 'c-001']);
  });

  it('finds a text common to thousands of complaints by walking the list, and a rare one through the index', async () => {
    const organisation = await loadOrganisationOf(db);
    const many: Complaint[] = [];
    for (let i = 0; i < 2500; i++) {
      many.push(
        newComplaint(
          // Only the three oldest mention the rare word: the walk over the 2 000 newest finds none of them.
          { description: `Veelvoorkomend woord, nummer ${i}.${i < 3 ? ' Zeldzaam.' : ''}` },
          {
            id: `many-${String(i).padStart(4, '0')}`,
            reference: `VP-2025-${String(i + 1).padStart(5, '0')}`,
            channel: 'web',
            receivedAt: new Date(Date.parse('2025-01-01T08:00:00Z') + i * 3_600_000).toISOString(),
            receiverId: null,
          },
          {
            now: NOW,
            actor: { userId: null, name: 'reporter', roles: [], reporter: true },
            ...organisation,
            users: new Map(),
            newId: () => `mm-${++counter}`,
          },
        ),
      );
    }
    await insertComplaints(
      db.kysely,
      many.map((complaint) => ({ complaint, followUpTokenHash: `hash-${complaint.id}` })),
    );
    const first = await listComplaints(db.kysely, { text: 'veelvoorkomend' }, { limit: 50 });
    expect(first.items.map((c) => c.id).slice(0, 3)).toEqual(['many-2499', 'many-2498', 'many-2497']);
    expect(first.items).toHaveLength(50);
    let seen = first.items.length;
    let cursor = first.next;
    while (cursor) {
      const page: Awaited<ReturnType<typeof listComplaints>> = await listComplaints(
        db.kysely,
        { text: 'veelvoorkomend' },
        { limit: 500, cursor },
      );
      seen += page.items.length;
      cursor = page.next;
    }
    expect(seen).toBe(2500);
    expect((await search('ZELDZAAM')).length).toBe(3);
    const rare = await listComplaints(db.kysely, { text: 'zeldzaam' }, { limit: 2 });
    expect(rare.items.map((c) => c.id)).toEqual(['many-0002', 'many-0001']);
    const rest = await listComplaints(db.kysely, { text: 'zeldzaam' }, { limit: 2, cursor: rare.next });
    expect(rest.items.map((c) => c.id)).toEqual(['many-0000']);
    expect(rest.next).toBeNull();
  });

  it('searches within a page of a filter', async () => {
    const page = await listComplaints(
      db.kysely,
      { text: 'jobcoach', statuses: ['registered'] },
      { limit: 1 },
    );
    expect(page.items.map((c) => c.reference)).toEqual(['VP-2026-00004']);
    const rest = await listComplaints(
      db.kysely,
      { text: 'jobcoach', statuses: ['registered'] },
      { limit: 1, cursor: page.next },
    );
    expect(rest.items.map((c) => c.reference)).toEqual(['VP-2026-00001']);
    expect(rest.next).toBeNull();
  });
});
