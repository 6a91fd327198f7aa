import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createApiToken,
  findUserByToken,
  listApiTokens,
  revokeApiToken,
} from '../../src/db/repositories/api-tokens.ts';
import {
  findUserByEmail,
  findUserById,
  getPasswordHash,
  insertUser,
  listUsers,
  setPasswordHash,
  updateUser,
} from '../../src/db/repositories/users.ts';
import { isDomainError } from '../../src/domain/errors.ts';
import { describeEachDialect, type TestDb, withTestDatabase } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T09:00:00.000Z');

describeEachDialect('users and API tokens', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await withTestDatabase(dialect);
  });
  afterAll(() => db.close());

  it('round-trips a user: booleans, JSON roles and timestamps', async () => {
    const inserted = await insertUser(db.kysely, {
      email: '  Anna.de.Vries@Example.NL ',
      name: 'Anna de Vries',
      jobTitle: 'Kwaliteitsmanager',
      roles: ['quality_manager', 'handler', 'handler'],
      passwordHash: '$argon2id$x',
      now: NOW,
    });
    expect(inserted).toEqual({
      id: expect.any(String),
      email: 'anna.de.vries@example.nl',
      name: 'Anna de Vries',
      jobTitle: 'Kwaliteitsmanager',
      roles: ['quality_manager', 'handler'],
      active: true,
      createdAt: '2026-11-25T09:00:00.000Z',
    });
    expect(await findUserById(db.kysely, inserted.id)).toEqual(inserted);
    expect(await findUserByEmail(db.kysely, 'ANNA.DE.VRIES@example.nl')).toEqual(inserted);
    expect(await getPasswordHash(db.kysely, inserted.id)).toBe('$argon2id$x');
    expect(await setPasswordHash(db.kysely, inserted.id, null)).toBe(true);
    expect(await getPasswordHash(db.kysely, inserted.id)).toBeNull();
    expect(await findUserById(db.kysely, 'missing')).toBeNull();
  });

  it('keeps emails unique regardless of case', async () => {
    await expect(
      insertUser(db.kysely, {
        email: 'anna.de.vries@EXAMPLE.nl',
        name: 'B',
        jobTitle: 'x',
        roles: [],
        now: NOW,
      }),
    ).rejects.toThrow();
  });

  it('rejects unknown roles', async () => {
    const error = await insertUser(db.kysely, {
      email: 'c@example.nl',
      name: 'C',
      jobTitle: 'x',
      roles: ['king' as never],
      now: NOW,
    }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('invalid_input');
  });

  it('updates and lists users, inactive ones only when asked', async () => {
    const bert = await insertUser(db.kysely, {
      email: 'bert@example.nl',
      name: 'Bert',
      jobTitle: 'Ontvanger',
      roles: ['receiver'],
      now: NOW,
    });
    const updated = await updateUser(db.kysely, bert.id, {
      active: false,
      roles: ['receiver', 'administrator'],
    });
    expect(updated).toMatchObject({ active: false, roles: ['receiver', 'administrator'], name: 'Bert' });
    expect((await listUsers(db.kysely)).map((u) => u.name)).toEqual(['Anna de Vries', 'Bert']);
    expect((await listUsers(db.kysely, { activeOnly: true })).map((u) => u.name)).toEqual(['Anna de Vries']);
    expect(await updateUser(db.kysely, 'missing', { name: 'x' })).toBeNull();
  });

  it('creates, finds and revokes API tokens, storing only a hash', async () => {
    const anna = (await findUserByEmail(db.kysely, 'anna.de.vries@example.nl'))!;
    const { token, id } = await createApiToken(db.kysely, anna.id, 'export script', NOW);
    expect(token).toMatch(/^vp_[A-Za-z0-9_-]{43}$/);
    const stored = await db.kysely
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token.slice(3));

    expect(await findUserByToken(db.kysely, token, NOW)).toEqual(anna);
    expect(await findUserByToken(db.kysely, `${token}x`, NOW)).toBeNull();
    expect(await findUserByToken(db.kysely, 'garbage', NOW)).toBeNull();
    const later = new Date(NOW.getTime() + 30_000);
    await findUserByToken(db.kysely, token, later); // within the minute: last use not rewritten
    expect((await listApiTokens(db.kysely, anna.id))[0]).toMatchObject({
      id,
      name: 'export script',
      createdAt: NOW.toISOString(),
      lastUsedAt: NOW.toISOString(),
      revokedAt: null,
    });

    expect(await revokeApiToken(db.kysely, id, later)).toBe(true);
    expect(await revokeApiToken(db.kysely, id, later)).toBe(false);
    expect(await findUserByToken(db.kysely, token, later)).toBeNull();
  });

  it('does not accept the token of an inactive user', async () => {
    const bert = (await findUserByEmail(db.kysely, 'bert@example.nl'))!;
    const { token } = await createApiToken(db.kysely, bert.id, 'old', NOW);
    expect(await findUserByToken(db.kysely, token, NOW)).toBeNull();
    await updateUser(db.kysely, bert.id, { active: true });
    expect((await findUserByToken(db.kysely, token, NOW))?.id).toBe(bert.id);
  });
});
