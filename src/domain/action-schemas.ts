/**
 * The input of every lifecycle action, as TypeBox schemas: one definition gives the static type used by the
 * domain and the JSON Schema that the API validates and publishes in OpenAPI. TypeBox is a pure library
 * (no I/O), which is why it may live in the domain core.
 */
import { type Static, type TSchema, Type } from 'typebox';
import type { ActionName } from './lifecycle.ts';

const Text = (maxLength = 10_000) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const ShortText = (maxLength = 200) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const IsoDate = Type.String({ format: 'date' });
const Instant = Type.String({ format: 'date-time' });
const Strict = { additionalProperties: false } as const;

export const ContactMethodSchema = Type.Enum([
  'phone',
  'in_person',
  'email',
  'letter',
  'follow_up_page',
] as const);
export const CorrectiveKindSchema = Type.Enum(['correction', 'redress', 'replacement_service'] as const);

export const ThirdPartySchema = Type.Object(
  {
    name: ShortText(),
    organisation: Type.Optional(ShortText()),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    postalAddress: Type.Optional(ShortText(500)),
  },
  Strict,
);

const PersonRef = Type.Union([
  Type.Object({ kind: Type.Literal('user'), userId: Id }, Strict),
  Type.Object({ kind: Type.Literal('third_party'), thirdParty: ThirdPartySchema }, Strict),
]);

const Empty = Type.Object({ note: Type.Optional(Text(2000)) }, Strict);

export const ACTION_SCHEMAS = {
  assignHandler: Type.Object({ handlerId: Id }, Strict),
  reassignHandler: Type.Object({ handlerId: Id, reason: Text(2000) }, Strict),
  linkMention: Type.Object(
    { mentionId: Id, link: Type.Union([PersonRef, Type.Object({ kind: Type.Literal('nobody') }, Strict)]) },
    Strict,
  ),
  addInvolvedPerson: Type.Object({ person: PersonRef }, Strict),
  setServiceProvidedBy: Type.Object({ involvedPersonId: Type.Union([Id, Type.Null()]) }, Strict),
  shareReporterContact: Type.Object({ involvedPersonId: Id, share: Type.Boolean() }, Strict),
  setClassification: Type.Object(
    {
      category: Type.Optional(Type.Union([ShortText(64), Type.Null()])),
      team: Type.Optional(Type.Union([ShortText(64), Type.Null()])),
      subject: Type.Optional(
        Type.Union([Type.Literal('service'), Type.Literal('person'), Type.Literal('product'), Type.Null()]),
      ),
    },
    Strict,
  ),
  addAttachment: Type.Object(
    { filename: ShortText(255), contentBase64: Type.String({ minLength: 1, maxLength: 40_000_000 }) },
    Strict,
  ),
  recordSummary: Type.Object({ summary: Text(2000) }, Strict),
  acknowledge: Type.Object(
    {
      note: Type.Optional(Text(2000)),
      /** The acknowledgement went out another way; attach its copy to the case. No letter is sent then. */
      sentOutsideSystem: Type.Optional(Type.Boolean()),
    },
    Strict,
  ),
  offerHearing: Type.Object({ method: ContactMethodSchema, offeredAt: Type.Optional(Instant) }, Strict),
  recordHearingAnswer: Type.Object(
    {
      hearingOfferId: Id,
      answer: Type.Union([Type.Literal('accepted'), Type.Literal('declined'), Type.Literal('no_answer')]),
    },
    Strict,
  ),
  recordHearing: Type.Object({ heldAt: Type.Optional(Instant), report: Text() }, Strict),
  startInvestigation: Empty,
  recordReaction: Type.Object({ involvedPersonId: Id, summary: Text() }, Strict),
  agreeReaction: Type.Object({ involvedPersonId: Id, version: Type.Integer({ minimum: 1 }) }, Strict),
  recordThirdPartyAgreement: Type.Object(
    { involvedPersonId: Id, version: Type.Integer({ minimum: 1 }), method: Text(1000) },
    Strict,
  ),
  decide: Type.Object(
    {
      judgement: Type.Union([
        Type.Literal('well_founded'),
        Type.Literal('partly_well_founded'),
        Type.Literal('unfounded'),
      ]),
      reasons: Text(),
      findings: Text(),
      severity: Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]),
      cause: Text(2000),
      responsibleParty: ShortText(500),
      overrideReason: Type.Optional(Text(2000)),
    },
    Strict,
  ),
  makeOffer: Type.Object(
    {
      method: ContactMethodSchema,
      phoneSkippedReason: Type.Optional(Text(2000)),
      /** Why a new offer follows an unsatisfied reaction (step 5). */
      reason: Type.Optional(Text(2000)),
      measures: Type.Array(Type.Object({ kind: CorrectiveKindSchema, description: Text(2000) }, Strict), {
        minItems: 1,
        maxItems: 20,
      }),
    },
    Strict,
  ),
  recordOfferAccepted: Type.Object({ reaction: Type.Optional(Text(4000)) }, Strict),
  recordOfferRejected: Type.Object({ reaction: Type.Optional(Text(4000)) }, Strict),
  startNewInvestigation: Type.Object({ reason: Text(2000) }, Strict),
  decideNoFurtherStep: Type.Object({ reason: Text(4000) }, Strict),
  sendWrittenConfirmation: Empty,
  sendFindings: Empty,
  addAgreedMeasure: Type.Object(
    { kind: CorrectiveKindSchema, description: Text(2000), ownerId: Id, dueDate: IsoDate },
    Strict,
  ),
  completeAgreedMeasure: Type.Object({ measureId: Id }, Strict),
  sendFinalReport: Empty,
  decidePreventiveMeasures: Type.Object(
    {
      measures: Type.Array(
        Type.Object(
          { description: Text(2000), ownerId: Id, consulted: ShortText(500), dueDate: IsoDate },
          Strict,
        ),
        { minItems: 1, maxItems: 20 },
      ),
    },
    Strict,
  ),
  recordNoPreventiveMeasures: Type.Object({ reason: Text(2000) }, Strict),
  completePreventiveMeasure: Type.Object({ measureId: Id }, Strict),
  evaluatePreventiveMeasure: Type.Object(
    { measureId: Id, effective: Type.Boolean(), note: Text(2000) },
    Strict,
  ),
  close: Type.Object({ reason: Type.Optional(Text(2000)) }, Strict),
  notTakeUp: Type.Object({ ground: ShortText(64), motivation: Text() }, Strict),
  withdraw: Type.Object({ reason: Type.Optional(Text(2000)) }, Strict),
  extendResolutionTerm: Type.Object(
    { workingDays: Type.Integer({ minimum: 1, maximum: 60 }), reason: Text(2000) },
    Strict,
  ),
  escalate: Type.Object({ route: ShortText(64), note: Type.Optional(Text(2000)) }, Strict),
  reopen: Type.Object({ reason: Text(2000) }, Strict),
  addInformation: Type.Object({ text: Text(10_000) }, Strict),
  requestHearing: Type.Object({ note: Type.Optional(Text(2000)) }, Strict),
  answerSurvey: Type.Object(
    {
      handledWell: Type.Enum(['yes', 'partly', 'no'] as const),
      onTime: Type.Enum(['yes', 'no', 'unknown'] as const),
      comment: Type.Optional(Type.String({ maxLength: 4000 })),
    },
    Strict,
  ),
} as const satisfies Record<ActionName, TSchema>;

export type ActionPayloads = { [A in ActionName]: Static<(typeof ACTION_SCHEMAS)[A]> };

/** One action with its payload, as the domain receives it. */
export type Action = { [A in ActionName]: { name: A; input: ActionPayloads[A] } }[ActionName];
