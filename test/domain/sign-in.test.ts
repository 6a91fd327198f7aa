/**
 * The rules of signing in (src/domain/sign-in.ts), table by table: how long to wait after each failure,
 * when and how long an account locks, whether an attempt counts, the counters after a failure, and where a
 * correct password or a single sign-on leads.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/action-context.ts';
import {
  afterFailedSignIn,
  backoffSeconds,
  lockMilliseconds,
  type SignInCounters,
  signInGate,
  stageAfterPassword,
  stageAfterSingleSignOn,
} from '../../src/domain/sign-in.ts';

const MINUTE = 60_000;

describe('backoffSeconds: the wait after n consecutive failures', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 2],
    [4, 4],
    // From the 5th the account locks instead.
    [5, 0],
    [6, 0],
    [9, 0],
    [10, 0],
    [11, 0],
  ])('%i failures → %i s', (failures, seconds) => {
    expect(backoffSeconds(failures)).toBe(seconds);
  });
});

describe('lockMilliseconds: the lock started by the n-th consecutive failure', () => {
  it.each([
    [4, 0],
    [5, 15 * MINUTE],
    [6, 0],
    [9, 0],
    [10, 30 * MINUTE],
    [11, 0],
    [15, 60 * MINUTE],
    [20, 120 * MINUTE],
    [25, 240 * MINUTE],
    [30, 480 * MINUTE],
    [35, 960 * MINUTE],
    // Never longer than 24 hours.
    [40, 1440 * MINUTE],
    [45, 1440 * MINUTE],
    [100, 1440 * MINUTE],
  ])('failure %i → %i ms', (failures, ms) => {
    expect(lockMilliseconds(failures)).toBe(ms);
  });
});

const counters = (
  failedSignIns: number,
  lastFailedAt: string | null,
  lockedUntil: string | null = null,
): SignInCounters => ({
  failedSignIns,
  lastFailedAt,
  lockedUntil,
});

describe('signInGate: whether an attempt now is considered', () => {
  it.each([
    ['no failures', counters(0, null), '2026-04-30T09:00:00.000Z', { allowed: true }],
    [
      '2 failures, no wait yet',
      counters(2, '2026-04-30T09:00:00.000Z'),
      '2026-04-30T09:00:00.000Z',
      { allowed: true },
    ],
    [
      '3 failures, within 2 s',
      counters(3, '2026-04-30T09:00:00.000Z'),
      '2026-04-30T09:00:01.999Z',
      { allowed: false, reason: 'backoff', until: '2026-04-30T09:00:02.000Z' },
    ],
    [
      '3 failures, 2 s later',
      counters(3, '2026-04-30T09:00:00.000Z'),
      '2026-04-30T09:00:02.000Z',
      { allowed: true },
    ],
    [
      '4 failures, within 4 s',
      counters(4, '2026-04-30T09:00:00.000Z'),
      '2026-04-30T09:00:03.000Z',
      { allowed: false, reason: 'backoff', until: '2026-04-30T09:00:04.000Z' },
    ],
    [
      '4 failures, 4 s later',
      counters(4, '2026-04-30T09:00:00.000Z'),
      '2026-04-30T09:00:04.000Z',
      { allowed: true },
    ],
    [
      'locked',
      counters(5, '2026-04-30T09:00:00.000Z', '2026-04-30T09:15:00.000Z'),
      '2026-04-30T09:14:59.000Z',
      { allowed: false, reason: 'locked', until: '2026-04-30T09:15:00.000Z' },
    ],
    [
      'the lock has ended',
      counters(5, '2026-04-30T09:00:00.000Z', '2026-04-30T09:15:00.000Z'),
      '2026-04-30T09:15:00.000Z',
      { allowed: true },
    ],
    [
      '7 failures after a lock: no wait until the next lock',
      counters(7, '2026-04-30T09:15:00.000Z', '2026-04-30T09:15:00.000Z'),
      '2026-04-30T09:15:00.000Z',
      { allowed: true },
    ],
  ])('%s', (_label, given, now, expected) => {
    expect(signInGate(given, new Date(now))).toEqual(expected);
  });
});

describe('afterFailedSignIn: the counters after a failure that counted', () => {
  it.each([
    [counters(0, null), '2026-04-30T09:00:00.000Z', counters(1, '2026-04-30T09:00:00.000Z')],
    [
      counters(3, '2026-04-30T08:00:00.000Z'),
      '2026-04-30T09:00:00.000Z',
      counters(4, '2026-04-30T09:00:00.000Z'),
    ],
    [
      counters(4, '2026-04-30T08:00:00.000Z'),
      '2026-04-30T09:00:00.000Z',
      counters(5, '2026-04-30T09:00:00.000Z', '2026-04-30T09:15:00.000Z'),
    ],
    // A lock that has ended stays in the record until the next one replaces it.
    [
      counters(5, '2026-04-30T09:00:00.000Z', '2026-04-30T09:15:00.000Z'),
      '2026-04-30T09:20:00.000Z',
      counters(6, '2026-04-30T09:20:00.000Z', '2026-04-30T09:15:00.000Z'),
    ],
    [
      counters(9, '2026-04-30T09:20:00.000Z', '2026-04-30T09:15:00.000Z'),
      '2026-04-30T09:21:00.000Z',
      counters(10, '2026-04-30T09:21:00.000Z', '2026-04-30T09:51:00.000Z'),
    ],
  ])('%j at %s → %j', (given, now, expected) => {
    expect(afterFailedSignIn(given, new Date(now))).toEqual(expected);
  });
});

const REQUIRED: Role[] = ['quality_manager', 'administrator'];

describe('stageAfterPassword', () => {
  it.each([
    [['handler'], false, 'complete'],
    [['handler', 'receiver'], true, 'second_factor'],
    [['quality_manager'], false, 'enrol_second_factor'],
    [['quality_manager'], true, 'second_factor'],
    [['receiver', 'administrator'], false, 'enrol_second_factor'],
    [[], false, 'complete'],
  ] as [Role[], boolean, string][])('roles %j, TOTP %s → %s', (roles, totpEnabled, stage) => {
    expect(stageAfterPassword({ roles, totpEnabled }, REQUIRED)).toBe(stage);
  });

  it('follows the configured roles', () => {
    expect(stageAfterPassword({ roles: ['handler'], totpEnabled: false }, ['handler'])).toBe(
      'enrol_second_factor',
    );
    expect(stageAfterPassword({ roles: ['quality_manager'], totpEnabled: false }, [])).toBe('complete');
  });
});

describe('stageAfterSingleSignOn: the identity provider vouches for the password, and for more when it says so', () => {
  it.each([
    // Nobody asks a second factor of this user: signed in.
    [['handler'], false, undefined, 'complete'],
    [['handler'], false, ['pwd'], 'complete'],
    // The provider says it checked more than one factor (RFC 8176: "mfa"): signed in.
    [['quality_manager'], true, ['pwd', 'mfa'], 'complete'],
    [['quality_manager'], false, ['mfa'], 'complete'],
    [['handler'], true, ['mfa'], 'complete'],
    // Two different kinds of factor, named one by one.
    [['quality_manager'], true, ['pwd', 'otp'], 'complete'],
    [['quality_manager'], true, ['pwd', 'hwk'], 'complete'],
    [['quality_manager'], false, ['fido', 'pin'], 'complete'],
    // One factor, or nothing said: our own second factor is asked.
    [['quality_manager'], true, ['pwd'], 'second_factor'],
    [['quality_manager'], true, undefined, 'second_factor'],
    [['quality_manager'], true, ['pwd', 'kba'], 'second_factor'],
    [['handler'], true, ['pwd'], 'second_factor'],
    [['quality_manager'], false, ['pwd'], 'enrol_second_factor'],
    [['administrator'], false, [], 'enrol_second_factor'],
    [['quality_manager'], false, 'mfa', 'enrol_second_factor'],
  ] as [Role[], boolean, unknown, string][])(
    'roles %j, TOTP %s, amr %j → %s',
    (roles, totpEnabled, amr, stage) => {
      expect(stageAfterSingleSignOn({ roles, totpEnabled }, REQUIRED, amr)).toBe(stage);
    },
  );
});
