/**
 * Letter templates for administrators: read every letter in force with its safe placeholders, save a new
 * version (validated: only the letter's placeholders, no partials, nothing unescaped), and preview a draft as
 * the PDF it would become, filled from an existing complaint or from the built-in sample.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loadOrganisation } from '../../commands/context.ts';
import { findComplaintByReference } from '../../db/repositories/complaints.ts';
import { involvedUserIds, LANGUAGES } from '../../domain/complaint.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  involvedRecipient,
  LETTER_KINDS,
  type LetterRequest,
  reporterRecipient,
} from '../../domain/letters.ts';
import { composeWithTemplate } from '../../letters/compose.ts';
import { type Placeholder, placeholdersFor } from '../../letters/placeholders.ts';
import { sampleLetter } from '../../letters/sample.ts';
import { validateTemplate } from '../../letters/template.ts';
import { loadCurrentTemplates, type StoredTemplate, saveTemplate } from '../../letters/template-store.ts';
import type { AppDeps } from '../app.ts';
import { requireRole, staffOf } from '../auth.ts';
import { ProblemSchema } from './problem-schema.ts';

const Errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const Kind = Type.Enum(LETTER_KINDS);
const Language = Type.Enum(LANGUAGES as readonly ['nl', 'en']);
const Params = Type.Object({ kind: Kind, language: Language }, { additionalProperties: false });
const Localised = Type.Object({ nl: Type.String(), en: Type.String() });
const PlaceholderType = Type.Enum(['text', 'flag', 'list'] as const);

const PlaceholderField = Type.Object({ name: Type.String(), type: PlaceholderType, description: Localised });
const PlaceholderSchema = Type.Object({
  name: Type.String(),
  type: PlaceholderType,
  description: Localised,
  fields: Type.Optional(Type.Array(PlaceholderField, { description: 'For a list: the fields of each item' })),
});

const TemplateSchema = Type.Object({
  kind: Kind,
  language: Language,
  version: Type.Integer({ description: '0 = the built-in default' }),
  subject: Type.String(),
  body: Type.String(),
  changedBy: Type.Union([Type.String(), Type.Null()], { description: "The administrator's user id" }),
  changedAt: Type.Union([Type.String(), Type.Null()]),
  placeholders: Type.Array(PlaceholderSchema),
});

const Subject = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Body = Type.String({ minLength: 1, maxLength: 20_000, pattern: '\\S' });
const TemplateInput = Type.Object({ subject: Subject, body: Body }, { additionalProperties: false });
const PreviewInput = Type.Object(
  {
    subject: Subject,
    body: Body,
    reference: Type.Optional(
      Type.String({
        pattern: '^VP-\\d{4}-\\d{5,}$',
        maxLength: 20,
        description: 'Fill from this complaint instead of the sample',
      }),
    ),
  },
  { additionalProperties: false },
);

const presentPlaceholder = (p: Placeholder) => ({
  name: p.name,
  type: p.type,
  description: p.description,
  ...(p.fields
    ? { fields: p.fields.map(({ name, type, description }) => ({ name, type, description })) }
    : {}),
});

const present = (t: StoredTemplate) => ({
  kind: t.kind,
  language: t.language,
  version: t.version,
  subject: t.subject,
  body: t.body,
  changedBy: t.changedBy,
  changedAt: t.changedAt,
  placeholders: placeholdersFor(t.kind).map(presentPlaceholder),
});

export const letterTemplateRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/staff/letter-templates',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Every letter template in force (kind × language), with the placeholders it may use (administrators)',
          response: { 200: Type.Object({ items: Type.Array(TemplateSchema) }), ...Errors },
        },
      },
      async (request) => {
        requireRole(staffOf(request), 'administrator');
        const templates = await loadCurrentTemplates(deps.db.kysely, LETTER_KINDS, LANGUAGES);
        return { items: templates.map(present) };
      },
    );

    app.put(
      '/api/v1/staff/letter-templates/:kind/:language',
      {
        schema: {
          tags: ['admin'],
          summary:
            'Save a new version of a letter template (administrators); refused when it uses anything but its placeholders',
          params: Params,
          body: TemplateInput,
          response: { 200: TemplateSchema, ...Errors },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        requireRole(actor, 'administrator');
        const saved = await saveTemplate(deps.db.kysely, {
          kind: request.params.kind,
          language: request.params.language,
          subject: request.body.subject,
          body: request.body.body,
          changedBy: actor.userId,
          now: deps.now(),
        });
        return present(saved);
      },
    );

    app.post(
      '/api/v1/staff/letter-templates/:kind/:language/preview',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['admin'],
          summary:
            'Render a draft template as PDF, from an existing complaint or the built-in sample (administrators)',
          params: Params,
          body: PreviewInput,
          response: {
            200: {
              description: 'The letter as it would be sent',
              content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
            },
            ...Errors,
          },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        requireRole(actor, 'administrator');
        const { kind, language } = request.params;
        const draft = { subject: request.body.subject, body: request.body.body };
        validateTemplate(kind, draft);
        const { settings } = await loadOrganisation(deps.db.kysely);

        let letter: {
          complaint: Parameters<typeof composeWithTemplate>[2];
          request: LetterRequest;
          now: string;
        };
        if (request.body.reference) {
          const complaint = await findComplaintByReference(deps.db.kysely, request.body.reference);
          if (!complaint) {
            throw new DomainError(
              'not_found',
              { en: 'No complaint with this reference.', nl: 'Er is geen klacht met dit kenmerk.' },
              { field: 'reference' },
            );
          }
          // Administrators read cases for support, except a case they are involved in (policy.ts viewOf).
          if (involvedUserIds(complaint).includes(actor.userId)) {
            throw new DomainError(
              'forbidden',
              { en: 'You are involved in this complaint.', nl: 'U bent betrokken bij deze klacht.' },
              { field: 'reference' },
            );
          }
          const involved = complaint.involved[0];
          const recipient =
            kind === 'complaint_copy' && involved
              ? involvedRecipient(involved, () => null)
              : reporterRecipient(complaint);
          letter = { complaint, request: { kind, recipient }, now: deps.now().toISOString() };
        } else {
          letter = sampleLetter(kind, settings);
        }
        const preview = {
          kind,
          recipient: { ...letter.request.recipient, language },
        } satisfies LetterRequest;
        const composed = await composeWithTemplate(
          { ...draft, version: 0 },
          preview,
          letter.complaint,
          settings,
          letter.now,
        );
        return (
          reply
            .type('application/pdf')
            .header('content-disposition', `inline; filename="${kind}-${language}-preview.pdf"`)
            .header('cache-control', 'no-store')
            // The 200 schema describes a binary body; Fastify sends a Buffer as is, without serialising it.
            .send(composed.pdf as never)
        );
      },
    );
  };
