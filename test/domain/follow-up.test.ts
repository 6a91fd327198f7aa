/** The reporter's part of the domain: link expiry, appeal routes in the regulation's order, survey once. */
import { describe, expect, it } from 'vitest';
import { appealRoutesFor, followUpLinkExpiresAt } from '../../src/domain/follow-up.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';

const party = (type: 'UWV' | 'municipality' | 'employer' | 'insurer' | 'other') => ({
  trajectory: { reference: null, jobcoach: null, commissioningParty: { type, name: 'Opdrachtgever', contact: 'info@example.nl' } },
});

describe('appeal routes (step 9)', () => {
  it.each([
    // [trajectory, routes in order]
    ['UWV', ['commissioning_party', 'uwv_complaints_office', 'national_ombudsman', 'municipal_ombudsman']],
    ['municipality', ['commissioning_party', 'national_ombudsman', 'municipal_ombudsman']],
    ['employer', ['commissioning_party', 'national_ombudsman', 'municipal_ombudsman']],
    ['insurer', ['commissioning_party', 'national_ombudsman', 'municipal_ombudsman']],
  ] as const)('for a %s trajectory', (type, codes) => {
    const steps = appealRoutesFor(party(type), DEFAULT_SETTINGS);
    expect(steps.map((s) => s.route.code)).toEqual(codes);
    expect(steps[0]!.party).toEqual({ type, name: 'Opdrachtgever', contact: 'info@example.nl' });
    expect(steps.slice(1).every((s) => s.party === null)).toBe(true);
  });

  it('without a known commissioning party, names the route in general and leaves out the UWV office', () => {
    const steps = appealRoutesFor({ trajectory: { reference: null, jobcoach: null, commissioningParty: null } }, DEFAULT_SETTINGS);
    expect(steps.map((s) => s.route.code)).toEqual(['commissioning_party', 'national_ombudsman', 'municipal_ombudsman']);
    expect(steps[0]!.party).toBeNull();
  });
});

describe('follow-up link expiry', () => {
  const settings = { followUpLinkDaysAfterClosing: 90 };
  it.each([
    // [status, closedAt, withdrawn at, not taken up at, expires]
    ['investigating', null, null, null, null],
    ['closed', '2026-06-01T10:00:00.000Z', null, null, '2026-08-30T10:00:00.000Z'],
    ['withdrawn', null, '2026-05-05T08:00:00.000Z', null, '2026-08-03T08:00:00.000Z'],
    ['not_taken_up', null, null, '2026-12-31T23:00:00.000Z', '2027-03-31T23:00:00.000Z'],
  ] as const)('%s', (status, closedAt, withdrawnAt, notTakenUpAt, expected) => {
    const complaint = {
      status,
      closedAt,
      withdrawal: withdrawnAt ? { at: withdrawnAt, reason: null } : null,
      notTakenUp: notTakenUpAt ? { at: notTakenUpAt, ground: 'other', motivation: 'm' } : null,
    };
    expect(followUpLinkExpiresAt(complaint, settings)).toBe(expected);
  });
});
