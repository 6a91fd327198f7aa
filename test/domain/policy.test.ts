/**
 * Who may do what: a literal permission matrix over the relations a user can have to one case. Deny by default;
 * an involved quality manager loses the role for the case and the configured deputy takes it over.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/action-context.ts';
import type { Complaint, InvolvedPerson } from '../../src/domain/complaint.ts';
import type { ActionName } from '../../src/domain/lifecycle.ts';
import {
  type CaseRelation,
  mayRegister,
  mayTakeAction,
  mayView,
  relationTo,
} from '../../src/domain/policy.ts';

const actor = (userId: string, roles: Actor['roles']): Actor => ({ userId, name: userId, roles });

const QM = actor('u-qm', ['quality_manager']);
const HANDLER = actor('u-h1', ['handler']);
const OTHER_HANDLER = actor('u-h2', ['handler']);
const INVOLVED_EMPLOYEE = actor('u-emp', ['receiver']);
const RECEIVER = actor('u-rec', ['receiver']);
const ADMIN = actor('u-admin', ['administrator']);
const INVOLVED_QM = actor('u-qm2', ['quality_manager']);
// The deputy is given only the handler role here, so that acting as quality manager can only come from being
// the deputy (a deputy who is a quality manager anyway acts as one on every case).
const DEPUTY = actor('u-dep', ['handler']);
const DEPUTY_ID = 'u-dep';

const involvedUser = (id: string, userId: string): InvolvedPerson => ({
  id,
  kind: 'user',
  userId,
  name: userId,
  mentionId: null,
});

type CaseView = Pick<Complaint, 'handler' | 'involved' | 'receiverId'>;
const CASE: CaseView = {
  handler: {
    userId: 'u-h1',
    name: 'Hanna de Vries',
    jobTitle: 'Senior jobcoach',
    assignedAt: '2026-05-01T10:00:00+02:00',
    reason: null,
  },
  involved: [involvedUser('p-1', 'u-emp')],
  receiverId: 'u-rec',
};
const CASE_INVOLVING_QM: CaseView = {
  ...CASE,
  involved: [involvedUser('p-1', 'u-emp'), involvedUser('p-2', 'u-qm2')],
};

const NO_QM_INVOLVED = { qualityManagerInvolved: false, deputyQualityManagerId: DEPUTY_ID };
const QM_INVOLVED = { qualityManagerInvolved: true, deputyQualityManagerId: DEPUTY_ID };

type RelationName =
  | 'quality manager'
  | 'handler of the case'
  | 'other handler'
  | 'involved employee'
  | 'receiver'
  | 'administrator'
  | 'involved quality manager'
  | 'deputy, a QM is involved'
  | 'deputy, no QM involved';

const RELATIONS: Record<RelationName, { actor: Actor; relation: CaseRelation }> = {
  'quality manager': { actor: QM, relation: relationTo(CASE, QM, NO_QM_INVOLVED) },
  'handler of the case': { actor: HANDLER, relation: relationTo(CASE, HANDLER, NO_QM_INVOLVED) },
  'other handler': { actor: OTHER_HANDLER, relation: relationTo(CASE, OTHER_HANDLER, NO_QM_INVOLVED) },
  'involved employee': {
    actor: INVOLVED_EMPLOYEE,
    relation: relationTo(CASE, INVOLVED_EMPLOYEE, NO_QM_INVOLVED),
  },
  receiver: { actor: RECEIVER, relation: relationTo(CASE, RECEIVER, NO_QM_INVOLVED) },
  administrator: { actor: ADMIN, relation: relationTo(CASE, ADMIN, NO_QM_INVOLVED) },
  'involved quality manager': {
    actor: INVOLVED_QM,
    relation: relationTo(CASE_INVOLVING_QM, INVOLVED_QM, QM_INVOLVED),
  },
  'deputy, a QM is involved': { actor: DEPUTY, relation: relationTo(CASE_INVOLVING_QM, DEPUTY, QM_INVOLVED) },
  'deputy, no QM involved': { actor: DEPUTY, relation: relationTo(CASE, DEPUTY, NO_QM_INVOLVED) },
};

// [relation, isHandler, isInvolved, isReceiver, actsAsQualityManager]
// biome-ignore format: a table
const RELATION_ROWS: [RelationName, boolean, boolean, boolean, boolean][] = [
  ['quality manager',           false, false, false, true ],
  ['handler of the case',       true,  false, false, false],
  ['other handler',             false, false, false, false],
  ['involved employee',         false, true,  false, false],
  ['receiver',                  false, false, true,  false],
  ['administrator',             false, false, false, false],
  ['involved quality manager',  false, true,  false, false],
  ['deputy, a QM is involved',  false, false, false, true ],
  ['deputy, no QM involved',    false, false, false, false],
];

const ACTIONS: ActionName[] = ['assignHandler', 'acknowledge', 'decide', 'agreeReaction', 'reopen', 'close'];

// biome-ignore format: a table
const MATRIX: [RelationName, ...boolean[]][] = [
  //                           assignHandler acknowledge decide agreeReaction reopen close
  ['quality manager',           true,        true,       true,  false,        true,  true ],
  ['handler of the case',       false,       true,       true,  false,        false, true ],
  ['other handler',             false,       false,      false, false,        false, false],
  ['involved employee',         false,       false,      false, true,         false, false],
  ['receiver',                  false,       false,      false, false,        false, false],
  ['administrator',             false,       false,      false, false,        false, false],
  ['involved quality manager',  false,       false,      false, true,         false, false],
  ['deputy, a QM is involved',  true,        true,       true,  false,        true,  true ],
  ['deputy, no QM involved',    false,       false,      false, false,        false, false],
];

// [relation, mayView, mayRegister]
// biome-ignore format: a table
const VIEW_AND_REGISTER: [RelationName, boolean, boolean][] = [
  ['quality manager',           true,  true ],
  ['handler of the case',       true,  true ],
  ['other handler',             false, true ],
  ['involved employee',         true,  true ],
  ['receiver',                  true,  true ],
  ['administrator',             true,  false],
  ['involved quality manager',  true,  true ],
  ['deputy, a QM is involved',  true,  true ],
  ['deputy, no QM involved',    false, true ],
];

describe('relationTo', () => {
  it.each(RELATION_ROWS)('%s', (name, isHandler, isInvolved, isReceiver, actsAsQualityManager) => {
    const { involvedPersonIds: _ids, isReporter: _reporter, ...relation } = RELATIONS[name].relation;
    expect(relation).toEqual({ isHandler, isInvolved, isReceiver, actsAsQualityManager });
  });

  it('a deputy who is a quality manager acts as one on every case', () => {
    const qmDeputy = actor('u-dep', ['quality_manager']);
    expect(relationTo(CASE, qmDeputy, NO_QM_INVOLVED).actsAsQualityManager).toBe(true);
    expect(relationTo(CASE_INVOLVING_QM, qmDeputy, QM_INVOLVED).actsAsQualityManager).toBe(true);
  });

  it('a deputy who is involved does not take over', () => {
    const caseInvolvingDeputy: CaseView = {
      ...CASE_INVOLVING_QM,
      involved: [...CASE_INVOLVING_QM.involved, involvedUser('p-3', 'u-dep')],
    };
    expect(relationTo(caseInvolvingDeputy, DEPUTY, QM_INVOLVED)).toEqual({
      isReporter: false,
      isHandler: false,
      isInvolved: true,
      involvedPersonIds: ['p-3'],
      isReceiver: false,
      actsAsQualityManager: false,
    });
  });

  it('the handler of the case who no longer has the handler role is not treated as handler', () => {
    expect(relationTo(CASE, actor('u-h1', ['receiver']), NO_QM_INVOLVED).isHandler).toBe(false);
  });

  it('the reporter or the system (no user id) has no relation', () => {
    expect(relationTo(CASE, { userId: null, name: 'Melder', roles: [] }, QM_INVOLVED)).toEqual({
      isReporter: false,
      isHandler: false,
      isInvolved: false,
      involvedPersonIds: [],
      isReceiver: false,
      actsAsQualityManager: false,
    });
  });
});

describe('mayTakeAction', () => {
  it('the matrix covers every relation once (self-check of this test)', () => {
    expect(MATRIX.map(([name]) => name)).toEqual(Object.keys(RELATIONS));
    for (const [, ...row] of MATRIX) expect(row).toHaveLength(ACTIONS.length);
  });

  it.each(MATRIX)('%s', (name, ...expected) => {
    const actual = ACTIONS.map((action) => mayTakeAction(action, RELATIONS[name].relation));
    expect(Object.fromEntries(ACTIONS.map((a, i) => [a, actual[i]]))).toEqual(
      Object.fromEntries(ACTIONS.map((a, i) => [a, expected[i]])),
    );
  });
});

describe('mayView and mayRegister', () => {
  it.each(VIEW_AND_REGISTER)('%s: view %s, register %s', (name, view, register) => {
    const { actor: who, relation } = RELATIONS[name];
    expect(mayView(relation, who)).toBe(view);
    expect(mayRegister(who)).toBe(register);
  });

  // [actor, mayRegister]
  // biome-ignore format: a table
  const REGISTER_ROWS: [string, Actor, boolean][] = [
    ['the reporter or the system',      { userId: null, name: 'Melder', roles: [] },           false],
    ['a user without roles',            actor('u-x', []),                                      false],
    ['an administrator who also receives', actor('u-ar', ['administrator', 'receiver']),       true ],
  ];
  it.each(REGISTER_ROWS)('%s: register %s', (_name, who, register) => {
    expect(mayRegister(who)).toBe(register);
  });
});
