/**
 * The organisation settings as a schema: validates the settings file on first start and every change an
 * administrator makes later, and documents the shape in OpenAPI.
 */
import { Type } from 'typebox';
import { PRIVACY_STATEMENT_PATTERN } from './privacy.ts';

const Strict = { additionalProperties: false } as const;
const Text = (maxLength = 500) => Type.String({ minLength: 1, maxLength });
const Localised = Type.Object({ nl: Text(), en: Text() }, Strict);
const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_]+$' });
const Coded = Type.Object({ code: Code, label: Localised }, Strict);
const IsoDate = Type.String({ format: 'date' });
// Only the known placeholders, so that a typo is refused instead of shown to the public.
const StatementText = Type.String({ minLength: 1, maxLength: 20_000, pattern: PRIVACY_STATEMENT_PATTERN });
const PartyType = Type.Enum(['UWV', 'municipality', 'employer', 'insurer', 'other'] as const);

export const OrganisationSettingsSchema = Type.Object(
  {
    name: Text(200),
    address: Type.Object(
      { street: Text(200), postalCode: Text(20), city: Text(100), country: Text(100) },
      Strict,
    ),
    email: Type.String({ format: 'email', maxLength: 254 }),
    phone: Text(40),
    website: Type.String({ format: 'uri', maxLength: 500 }),
    terms: Type.Object(
      {
        acknowledgeWorkingDays: Type.Integer({ minimum: 1, maximum: 260 }),
        resolveWorkingDays: Type.Integer({ minimum: 1, maximum: 260 }),
        reportWorkingDays: Type.Integer({ minimum: 1, maximum: 260 }),
        extension: Type.Object(
          { allowed: Type.Boolean(), maxWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }) },
          Strict,
        ),
      },
      Strict,
    ),
    calendar: Type.Object(
      {
        followEquatedDays: Type.Boolean(),
        equatedDays: Type.Array(IsoDate, { maxItems: 1000 }),
        closingDays: Type.Array(IsoDate, { maxItems: 1000 }),
      },
      Strict,
    ),
    categories: Type.Array(Coded, { minItems: 1, maxItems: 100 }),
    teams: Type.Array(Coded, { maxItems: 200 }),
    nonAdmissionGrounds: Type.Array(Coded, { minItems: 1, maxItems: 50 }),
    appealRoutes: Type.Array(
      Type.Object(
        {
          code: Code,
          order: Type.Integer({ minimum: 1, maximum: 9 }),
          label: Localised,
          onlyFor: Type.Optional(PartyType),
          contact: Type.Optional(Text()),
          url: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
        },
        Strict,
      ),
      { minItems: 1, maxItems: 20 },
    ),
    advocacyBodies: Type.Array(
      Type.Object(
        {
          name: Text(200),
          description: Localised,
          url: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
        },
        Strict,
      ),
      { maxItems: 20 },
    ),
    deputyQualityManagerEmail: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
    privacyStatementUrl: Type.String({ format: 'uri', maxLength: 500 }),
    privacyStatement: Type.Object(
      { nl: StatementText, en: StatementText },
      {
        ...Strict,
        description:
          'Plain paragraphs separated by a blank line; placeholders {organisation}, {email}, {phone}, {complaintYears}, {auditLogYears}.',
      },
    ),
    followUpLinkDaysAfterClosing: Type.Integer({ minimum: 1, maximum: 3650 }),
    branding: Type.Object(
      {
        primaryColor: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
        logoUrl: Type.Union([Type.String({ maxLength: 500, pattern: '^(https://|/)' }), Type.Null()]),
      },
      Strict,
    ),
    retention: Type.Object(
      {
        complaintYearsAfterClosing: Type.Integer({ minimum: 1, maximum: 30 }),
        auditLogYears: Type.Integer({ minimum: 1, maximum: 30 }),
      },
      Strict,
    ),
    security: Type.Object(
      {
        twoFactorRequiredForRoles: Type.Array(
          Type.Enum(['receiver', 'handler', 'quality_manager', 'administrator'] as const),
          { maxItems: 4, uniqueItems: true },
        ),
        sessionIdleMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
        sessionMaxHours: Type.Integer({ minimum: 1, maximum: 24 }),
      },
      Strict,
    ),
  },
  Strict,
);
